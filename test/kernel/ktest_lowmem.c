/*
 * lowmem: after paging_init's first steps the MMU itself (ATS1CPR/ATS1CPW)
 * maps every mappable byte of lowmem at PAGE_OFFSET + (phys - PHYS_OFFSET),
 * writable (but the kernel's text and rodata) and outside the kernel's own
 * sections never executable, leaves
 * NOMAP memory unmapped, and translates nothing below PAGE_OFFSET (user
 * space, modules, head.S's identity map) or between lowmem and the vmalloc
 * area; with CONFIG_LARGE_MAPPINGS, the large blocks are where they fit and
 * split cleanly.
 */
#include <linux/kernel.h>
#include <linux/highmem.h>
#include <linux/cma.h>
#include <linux/memblock.h>
#include <asm/fixmap.h>
#include <asm/layout.h>
#include <asm/lowmem.h>
#include <asm/mem_types.h>
#include <asm/memory.h>
#include <asm/mmu.h>
#include <asm/pgtable.h>
#include <asm/system.h>
#include <asm/sections.h>
#include <ktest.h>


/* The kernel's text and rodata are read-only: ask the MMU for a read there, a write elsewhere. */
static bool read_only_kernel(phys_addr_t pa)
{
	return pa >= __pa(_stext) && pa < __pa(__init_begin);
}

/* Every MiB (and the last byte) of each mappable lowmem range translates, for reading and writing, to where it should. */
static void every_mib_of_lowmem_translates(struct ktest *t)
{
	phys_addr_t start, end;
	unsigned int checked = 0;
	u64 i, lowmem_bytes = 0;

	for_each_mem_range(i, &start, &end) {
		if (start >= arm_lowmem_limit)
			break;
		if (end > arm_lowmem_limit)
			end = arm_lowmem_limit;
		lowmem_bytes += end - start;
		/* u64: in classic builds RAM may end at 0xffffffff, where a 32-bit step would wrap. */
		for (u64 pa = start; pa < end; pa = (pa | (SZ_1M - 1)) + 1) {
			unsigned long va = __phys_to_virt((phys_addr_t)pa);
			u64 par = ats1cp(va, !read_only_kernel((phys_addr_t)pa));

			KTEST_EXPECT_FALSE(t, par & PAR_F);
			KTEST_EXPECT_EQ(t, par_to_pa(par, va), pa);
			checked++;
		}
		KTEST_EXPECT_EQ(t, par_to_pa(ats1cp(__phys_to_virt(end - 1), false), __phys_to_virt(end - 1)), end - 1);
	}
	/* At least one translation per MiB of mappable lowmem (-m 8 has 8). */
	KTEST_EXPECT_GE(t, checked, lowmem_bytes >> 20);
	KTEST_EXPECT_GT(t, checked, 0);
}

/* Outside the kernel's sections lowmem is MT_MEMORY_RW: a section/block with that type's bits, XN among them. */
static void lowmem_beyond_kernel_is_rw_nx(struct ktest *t)
{
	phys_addr_t pa = kernel_sec_end;
	pmd_t *pmdp;
	pmdval_t entry;

	if (pa + SECTION_SIZE > arm_lowmem_limit || !memblock_is_map_memory(pa)) {
		ktest_skip(t, "no mappable lowmem right after the kernel");
		return;
	}
	pmdp = pmd_section_k(__phys_to_virt(pa));
	entry = pmdp->pmd;
	KTEST_EXPECT_EQ(t, entry & PMD_TYPE_MASK, PMD_TYPE_SECT);
	KTEST_EXPECT_EQ(t, entry & ~(pmdval_t)SECTION_MASK, mem_types[MT_MEMORY_RW].prot_sect);
	KTEST_EXPECT_NE(t, entry & PMD_SECT_XN, 0);
	KTEST_EXPECT_EQ(t, entry & (pmdval_t)SECTION_MASK & ~(pmdval_t)0xff00000000000000ull, pa);
}

static void nomap_memory_is_not_mapped(struct ktest *t)
{
	const struct memblock_region *r;
	unsigned int found = 0;

	for_each_mem_region(r) {
		if (!memblock_is_nomap(r) || r->base >= arm_lowmem_limit)
			continue;
		/* Only whole sections of it: a NOMAP piece sharing a section with RAM is Linux's problem too. */
		for (phys_addr_t pa = ALIGN(r->base, (phys_addr_t)SECTION_SIZE);
		     pa + SECTION_SIZE <= r->base + r->size; pa += SECTION_SIZE) {
			KTEST_EXPECT_TRUE(t, ats1cp(__phys_to_virt(pa), false) & PAR_F);
			found++;
		}
	}
	if (!found)
		ktest_skip(t, "no NOMAP section in lowmem on this boot");
}

static void nothing_below_page_offset(struct ktest *t)
{
	KTEST_EXPECT_TRUE(t, ats1cp(0, false) & PAR_F);
	KTEST_EXPECT_TRUE(t, ats1cp(TASK_SIZE - 1, false) & PAR_F);
	KTEST_EXPECT_TRUE(t, ats1cp(MODULES_VADDR, false) & PAR_F);
	KTEST_EXPECT_TRUE(t, ats1cp(PAGE_OFFSET - 1, false) & PAR_F);
	/* head.S's identity map is gone unless it is the linear map itself (2G split). */
	if (__pa(__turn_mmu_on) != (unsigned long)__turn_mmu_on) {
		u64 par = ats1cp((unsigned long)__pa(__turn_mmu_on), false);

		KTEST_EXPECT_TRUE(t, (par & PAR_F) ||
				  par_to_pa(par, (unsigned long)__pa(__turn_mmu_on)) !=
				  __pa(__turn_mmu_on));
	}
}

static void gap_after_lowmem_is_empty(struct ktest *t)
{
	unsigned long va = ALIGN((unsigned long)high_memory, PMD_SIZE);

	if (va >= vmalloc_start((unsigned long)high_memory)) {
		ktest_skip(t, "lowmem ends less than a PMD below the vmalloc area");
		return;
	}
	KTEST_EXPECT_TRUE(t, ats1cp(va, false) & PAR_F);
}

/* kmap_init: the pkmap area (HIGHMEM) and the fixmap's lower PMD have PTE pages. */
static void kmap_tables_ready(struct ktest *t)
{
	pmd_t *fix = pmd_off_k(FIXADDR_START);
	pte_t *pte;

	KTEST_EXPECT_EQ(t, fix->pmd & PMD_TYPE_MASK, PMD_TYPE_TABLE);
#ifdef CONFIG_HIGHMEM
	KTEST_ASSERT_TRUE(t, pkmap_page_table != NULL);
	KTEST_EXPECT_EQ(t, pmd_off_k(PKMAP_BASE)->pmd & PMD_TYPE_MASK, PMD_TYPE_TABLE);
	KTEST_EXPECT_EQ(t, (unsigned long)pte_offset_kernel(pmd_off_k(PKMAP_BASE), PKMAP_BASE),
			(unsigned long)pkmap_page_table);
	/*
	 * Empty at boot; once the highmem suite has run, released entries may
	 * still map highmem pages until the pool wraps (Linux's kunmap), but
	 * none is in use and none maps anything else.
	 */
	KTEST_EXPECT_EQ(t, kmap_pkmap_in_use(), 0);
	pte = pkmap_page_table;
	for (unsigned int i = 0; i < LAST_PKMAP; i++)
		if (pte[i].pte)
			KTEST_EXPECT_GE(t, pte_pfn(pte[i]), max_low_pfn);
#else
	(void)pte;
	KTEST_EXPECT_TRUE(t, pkmap_page_table == NULL);
	KTEST_EXPECT_EQ(t, pmd_off_k(PKMAP_BASE)->pmd, 0);
#endif
	KTEST_EXPECT_TRUE(t, ats1cp(FIXADDR_START, false) & PAR_F);
}

/* Whether [pa, pa + size) meets a CMA area (remapped with pages by dma_contiguous_remap). */
static bool meets_cma(phys_addr_t pa, phys_addr_t size)
{
	for (unsigned int i = 0; i < cma_area_count; i++)
		if (pa < cma_areas[i].base + cma_areas[i].size && cma_areas[i].base < pa + size)
			return true;
	return false;
}

/*
 * The lowmem block of LARGE_BLOCK_SIZE at va: its entries (16 first-level
 * entries classic, 16 PMDs LPAE), each with the large-block mark, the same
 * attributes and consecutive addresses. Returns how many are not.
 */
static unsigned int large_block_broken(unsigned long va, phys_addr_t pa)
{
	pmd_t *first = pmd_section_k(va);
	unsigned int broken = 0;

	for (unsigned int j = 0; j < LARGE_BLOCK_ENTRIES; j++) {
		pmdval_t e = first[j].pmd;
		u64 par = ats1cp(va + j * SECTION_SIZE, true);

		broken += !pmd_is_large_block(e) || (e & (SECTION_SIZE - 1)) != (first->pmd & (SECTION_SIZE - 1)) ||
			  (par & PAR_F) || par_to_pa(par, va + j * SECTION_SIZE) != pa + j * SECTION_SIZE;
	}
	return broken;
}

/*
 * CONFIG_LARGE_MAPPINGS (not in Linux): every aligned LARGE_BLOCK_SIZE of
 * lowmem past the kernel's sections (and away from CMA) is one large block
 * (classic: 16 MiB supersections, which ATS1CPR reports with PAR.SS; LPAE:
 * 16 blocks with the contiguous hint); the kernel's sections are not.
 * With the option off, none is.
 */
static void large_blocks_where_they_fit(struct ktest *t)
{
	phys_addr_t start, end;
	unsigned int blocks = 0;
	u64 i;

	for_each_mem_range(i, &start, &end) {
		if (end > arm_lowmem_limit)
			end = arm_lowmem_limit;
		if (start < kernel_sec_end)
			start = kernel_sec_end;
		for (phys_addr_t pa = ALIGN(start, (phys_addr_t)LARGE_BLOCK_SIZE); pa < end && end - pa >= LARGE_BLOCK_SIZE;
		     pa += LARGE_BLOCK_SIZE) {
			unsigned long va = __phys_to_virt(pa);

			if (meets_cma(pa, LARGE_BLOCK_SIZE))
				continue;
			if (LARGE_MAPPINGS) {
				KTEST_EXPECT_EQ(t, large_block_broken(va, pa), 0);
				if (!(ats1cp(va, false) & PAR_LPAE))
					KTEST_EXPECT_TRUE(t, ats1cp(va, false) & PAR_SS);
			} else {
				/* Off: Linux's sections and blocks only. */
				KTEST_EXPECT_FALSE(t, pmd_is_large_block(pmd_section_k(va)->pmd));
			}
			blocks++;
		}
	}
	for (phys_addr_t pa = kernel_sec_start; pa < kernel_sec_end; pa += SECTION_SIZE)
		KTEST_EXPECT_FALSE(t, pmd_is_large_block(pmd_section_k(__phys_to_virt(pa))->pmd));
	if (!blocks)
		ktest_skip(t, "no whole large block in lowmem on this boot");
}

/*
 * split_large_block on the last large block of lowmem: afterwards plain
 * sections (blocks) with the same attributes, every MiB still where it
 * was and writable; a second split finds nothing to do. (The block stays
 * split: sections map the same memory the same way.)
 */
static void split_keeps_every_translation(struct ktest *t)
{
	unsigned long va = (unsigned long)high_memory & ~(LARGE_BLOCK_SIZE - 1);
	pmdval_t attrs;

	if (!LARGE_MAPPINGS) {
		KTEST_EXPECT_FALSE(t, split_large_block(va - 1));
		ktest_skip(t, "CONFIG_LARGE_MAPPINGS is off: nothing to split");
		return;
	}
	while (va >= PAGE_OFFSET + LARGE_BLOCK_SIZE && !pmd_is_large_block(pmd_section_k(va)->pmd))
		va -= LARGE_BLOCK_SIZE;
	if (!pmd_is_large_block(pmd_section_k(va)->pmd)) {
		ktest_skip(t, "no large block in lowmem on this boot");
		return;
	}
	attrs = pmd_section_k(va)->pmd;
	KTEST_EXPECT_TRUE(t, split_large_block(va + 3 * SECTION_SIZE));
	for (unsigned int j = 0; j < LARGE_BLOCK_ENTRIES; j++) {
		unsigned long at = va + j * SECTION_SIZE;
		pmdval_t e = pmd_section_k(at)->pmd;
		u64 par = ats1cp(at + 0x123, true);

		KTEST_EXPECT_FALSE(t, pmd_is_large_block(e));
		KTEST_EXPECT_EQ(t, e & PMD_TYPE_MASK, PMD_TYPE_SECT);
		KTEST_EXPECT_FALSE(t, par & PAR_F);
		KTEST_EXPECT_EQ(t, par_to_pa(par, at + 0x123), __pa(at) + 0x123);
		if (!(par & PAR_LPAE))
			KTEST_EXPECT_FALSE(t, par & PAR_SS);
		/* The same attributes, but for what a large block adds (classic: SUPER and its address bits). */
		KTEST_EXPECT_EQ(t, e & PMD_SECT_XN, attrs & PMD_SECT_XN);
		KTEST_EXPECT_EQ(t, e & PMD_SECT_S, attrs & PMD_SECT_S);
	}
	KTEST_EXPECT_FALSE(t, split_large_block(va));
}

static const struct ktest_case lowmem_cases[] = {
	KTEST_CASE(every_mib_of_lowmem_translates),
	KTEST_CASE(lowmem_beyond_kernel_is_rw_nx),
	KTEST_CASE(nomap_memory_is_not_mapped),
	KTEST_CASE(nothing_below_page_offset),
	KTEST_CASE(gap_after_lowmem_is_empty),
	KTEST_CASE(kmap_tables_ready),
	KTEST_CASE(large_blocks_where_they_fit),
	KTEST_CASE(split_keeps_every_translation),
	{}
};
KTEST_SUITE(lowmem, lowmem_cases);
