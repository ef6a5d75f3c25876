/*
 * The identity map in the short-descriptor format (asm/idmap.h): a copy of
 * swapper_pg_dir's 4096 first-level entries (ARM ARM B3.5.1), then a
 * section entry at each physical address __turn_mmu_on occupies.
 * Follows what Linux's identity_mapping_init does with idmap_pgd (v6.1).
 */
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/cacheflush.h>
#include <asm/idmap.h>
#include <asm/memory.h>
#include <asm/pgtable.h>
#include <asm/sections.h>

/* As head-2level.S's boot sections: normal memory, write-back, shareable, kernel read/write. */
#define IDMAP_SECT	(PMD_TYPE_SECT | PMD_SECT_AP_WRITE | PMD_SECT_WBWA | PMD_SECT_S | PMD_DOMAIN(DOMAIN_KERNEL))

_Static_assert(PG_DIR_SIZE == HW_PGD_ENTRIES << HW_PGD_ENTRY_SHIFT, "the copy is the whole table");

phys_addr_t idmap_tables_create(void)
{
	/* TTBR0 with TTBCR.N = 0 wants the table aligned to its 16 KiB: an order-2 block is (B4.1.154). */
	unsigned long table = __get_free_pages(GFP_KERNEL, get_order(PG_DIR_SIZE));
	u32 *entries = (u32 *)table;
	phys_addr_t pa[2] = { __pa(__turn_mmu_on), __pa(__turn_mmu_on_end) };

	if (!table)
		return 0;
	memcpy(entries, swapper_pg_dir, PG_DIR_SIZE);
	for (int i = 0; i < 2; i++)
		entries[pa[i] >> SECTION_SHIFT] = (u32)(pa[i] & SECTION_MASK) | IDMAP_SECT;
	/* The secondary walks it before its caches are on: the copy must be in memory (PoC). */
	dmac_flush_range(entries, entries + HW_PGD_ENTRIES);
	return __pa(table);
}
