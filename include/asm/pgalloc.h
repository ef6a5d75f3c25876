/*
 * Pages for the page tables made after boot: the vmalloc area's PTE
 * tables and the user tables of the tests (mm/pgalloc.c).
 */
#ifndef _ASM_PGALLOC_H
#define _ASM_PGALLOC_H

#include <linux/types.h>
#include <asm/pgtable.h>

/*
 * Page tables stay below 4 GiB. The architecture allows LPAE tables
 * anywhere in the 40-bit physical space, but QEMU 7.2 (Debian 12's) takes
 * a synchronous external abort on the table walk (DFSR 0x217) when a
 * level-3 table lies above 4 GiB; only the 1G split with more than 2 GiB
 * of RAM has lowmem there (docs/linux-parity.md).
 */
#define PGTABLE_PHYS_LIMIT	(1ULL << 32)

/*
 * Sets aside, below PGTABLE_PHYS_LIMIT, the pages the tables made after
 * boot will need, when lowmem reaches past it (memblock, from paging_init).
 */
void pgtable_pool_init(void);
/* A zeroed page for a PTE table, below PGTABLE_PHYS_LIMIT; NULL if there is none. */
pte_t *pte_alloc_one_kernel(void);
/* A PTE table from pte_alloc_one_kernel goes back. */
void pte_free_kernel(pte_t *pte);
/* Whether a table came from the pages set aside (not from the buddy allocator). */
bool pte_table_from_pool(const pte_t *pte);

#endif
