/*
 * The identity map in the long-descriptor format (asm/idmap.h): a copy of
 * swapper_pg_dir's PGD and its four PMD pages (ARM ARM B3.6.1), the copy's
 * PGD pointing at the copied PMD pages, then a 2 MiB block entry at each
 * physical address __turn_mmu_on occupies. The PMD entries still point at
 * the kernel's PTE tables, which both share. Follows what Linux's
 * identity_mapping_init does with idmap_pgd (v6.1).
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

/* As head-3level.S's boot blocks: normal memory, write-back, inner shareable, accessed. */
#define IDMAP_BLOCK	(PMD_TYPE_SECT | PMD_SECT_WBWA | PMD_SECT_S | PMD_SECT_AF)

phys_addr_t idmap_tables_create(void)
{
	unsigned long table = __get_free_pages(GFP_KERNEL, get_order(PG_DIR_SIZE));
	u64 *pgd = (u64 *)table, *pmds = (u64 *)(table + PMD_PAGES_OFFSET);
	phys_addr_t swapper = __pa(swapper_pg_dir), copy, pa[2] = { __pa(__turn_mmu_on), __pa(__turn_mmu_on_end) };

	if (!table)
		return 0;
	copy = __pa(table);
	memcpy(pgd, swapper_pg_dir, PG_DIR_SIZE);
	for (unsigned int i = 0; i < PTRS_PER_PGD; i++) {
		u64 next = pgd[i] & PHYS_MASK_LPAE;

		/* head-3level.S links PGD entry i to swapper's PMD page i, and nothing moves them. */
		if (WARN_ON((pgd[i] & PMD_TYPE_MASK) != PMD_TYPE_TABLE ||
			    next != swapper + PMD_PAGES_OFFSET + i * PAGE_SIZE)) {
			free_pages(table, get_order(PG_DIR_SIZE));
			return 0;
		}
		pgd[i] += copy - swapper;
	}
	for (int i = 0; i < 2; i++)
		pmds[pa[i] >> SECTION_SHIFT] = (pa[i] & ~(u64)(SECTION_SIZE - 1)) | IDMAP_BLOCK;
	/* The secondary walks it before its caches are on: the copy must be in memory (PoC). */
	dmac_flush_range(pgd, (char *)pgd + PG_DIR_SIZE);
	return copy;
}
