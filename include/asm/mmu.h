/* Building the kernel's final page tables (mm/mmu.c). */
#ifndef _ASM_MMU_H
#define _ASM_MMU_H

#include <linux/types.h>
#include <asm/mach/map.h>
#include <asm/pgtable.h>

/* Physical bounds of the sections head.S mapped for the image (Linux 6.x's kernel_sec_start/end). */
extern phys_addr_t kernel_sec_start, kernel_sec_end;

/* The PTE page of the pkmap area (NULL without HIGHMEM), from kmap_init. */
extern pte_t *pkmap_page_table;

/* The PMD of the vector page (Linux's top_pmd) and the zeroed page paging_init allocates. */
extern pmd_t *top_pmd;
extern void *zero_page;

struct machine_desc;

void create_mapping(const struct map_desc *md);
void paging_init(const struct machine_desc *mdesc);
/* The guarded kernel stack start_kernel moves to after setup_arch. */
void map_boot_stack(void);
/* Not in Linux: the DTB window at FDT_FIXED_BASE onto the DTB's new place (mm/memmap_limit.c moves it). */
void remap_fdt_window(phys_addr_t fdt_phys);

#endif
