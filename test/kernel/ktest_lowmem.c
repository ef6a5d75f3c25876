/*
 * lowmem: after paging_init's first steps the MMU itself (ATS1CPR/ATS1CPW)
 * maps every mappable byte of lowmem at PAGE_OFFSET + (phys - PHYS_OFFSET),
 * writable (but the kernel's text and rodata) and outside the kernel's own
 * sections never executable, leaves
 * NOMAP memory unmapped, and translates nothing below PAGE_OFFSET (user
 * space, modules, head.S's identity map) or between lowmem and the vmalloc
 * area.
 */
#include <linux/kernel.h>
#include <linux/highmem.h>
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

static const struct ktest_case lowmem_cases[] = {
	KTEST_CASE(every_mib_of_lowmem_translates),
	KTEST_CASE(lowmem_beyond_kernel_is_rw_nx),
	KTEST_CASE(nomap_memory_is_not_mapped),
	KTEST_CASE(nothing_below_page_offset),
	KTEST_CASE(gap_after_lowmem_is_empty),
	KTEST_CASE(kmap_tables_ready),
	{}
};
KTEST_SUITE(lowmem, lowmem_cases);
