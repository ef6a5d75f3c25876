/*
 * wx: the kernel's mappings are W^X. The MMU itself refuses writes to the
 * text and rodata and allows them to data; the section entries carry the
 * intended permissions (text executable, rodata and data not); and a walk
 * of every kernel-half entry of swapper_pg_dir (sections and PTEs) finds
 * nothing that is both writable and executable. Follows the idea of
 * Linux's ptdump W+X check (arch/arm/mm/dump.c, v6.x).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <asm/mem_types.h>
#include <asm/memory.h>
#include <asm/mmu.h>
#include <asm/pgtable.h>
#include <asm/system.h>
#include <asm/fixmap.h>
#include <asm/ptdump.h>
#include <asm/sections.h>
#include <ktest.h>


static u32 data_word;

static void mmu_refuses_writes_to_text_and_rodata(struct ktest *t)
{
	KTEST_EXPECT_FALSE(t, ats1cp((unsigned long)_stext, false) & PAR_F);
	KTEST_EXPECT_TRUE(t, ats1cp((unsigned long)_stext, true) & PAR_F);
	KTEST_EXPECT_TRUE(t, ats1cp((unsigned long)_etext - 4, true) & PAR_F);
	KTEST_EXPECT_FALSE(t, ats1cp((unsigned long)__start_rodata, false) & PAR_F);
	KTEST_EXPECT_TRUE(t, ats1cp((unsigned long)__start_rodata, true) & PAR_F);
	KTEST_EXPECT_TRUE(t, ats1cp((unsigned long)__end_rodata - 4, true) & PAR_F);
	KTEST_EXPECT_FALSE(t, ats1cp((unsigned long)&data_word, true) & PAR_F);
	KTEST_EXPECT_FALSE(t, ats1cp((unsigned long)_sdata, true) & PAR_F);
}

/* The section (block) entry that maps a kernel address. */
static pmdval_t section_of(unsigned long va)
{
	return pmd_section_k(va)->pmd;
}

/* The init sections' entry while boot runs (recorded at the end of bootmem_init). */
static pmdval_t init_section_during_boot;

static void wx_at_bootmem(void)
{
	init_section_during_boot = section_of((unsigned long)__init_begin);
}

/*
 * Init code is callable during boot, as in Linux (read/write and
 * executable, the one W+X mapping), then free_initmem makes it never
 * executable and gives its pages to the allocator.
 */
static void init_executable_until_freed(struct ktest *t)
{
	const pmdval_t perm_mask = ~(pmdval_t)SECTION_MASK;

	KTEST_EXPECT_EQ(t, init_section_during_boot & perm_mask, mem_types[MT_MEMORY_RWX].prot_sect);
	KTEST_EXPECT_EQ(t, section_of((unsigned long)__init_begin) & perm_mask, mem_types[MT_MEMORY_RW].prot_sect);
	KTEST_EXPECT_EQ(t, section_of((unsigned long)__init_end - PAGE_SIZE) & perm_mask, mem_types[MT_MEMORY_RW].prot_sect);
	KTEST_EXPECT_FALSE(t, PageReserved(virt_to_page(__init_begin)));
	KTEST_EXPECT_FALSE(t, PageReserved(virt_to_page((unsigned long)__init_end - PAGE_SIZE)));
	/* The data after it was never executable and stays reserved. */
	KTEST_EXPECT_TRUE(t, PageReserved(virt_to_page(_sdata)));
}

static void kernel_sections_have_their_types(struct ktest *t)
{
	const pmdval_t perm_mask = ~(pmdval_t)SECTION_MASK;

	KTEST_EXPECT_EQ(t, section_of((unsigned long)_stext) & perm_mask, mem_types[MT_MEMORY_RX].prot_sect);
	KTEST_EXPECT_EQ(t, section_of((unsigned long)__start_rodata) & perm_mask, mem_types[MT_MEMORY_RO].prot_sect);
	KTEST_EXPECT_EQ(t, section_of((unsigned long)&data_word) & perm_mask, mem_types[MT_MEMORY_RW].prot_sect);
	KTEST_EXPECT_EQ(t, section_of(PAGE_OFFSET) & perm_mask, mem_types[MT_MEMORY_RW].prot_sect);
}

/* Writable and executable, by the bits of a section / small page in this format. */
static bool sect_wx(pmdval_t e)
{
#ifdef CONFIG_ARM_LPAE
	return !(e & PMD_SECT_RDONLY) && !(e & PMD_SECT_XN);
#else
	return (e & PMD_SECT_AP_WRITE) && !(e & PMD_SECT_APX) && !(e & PMD_SECT_XN);
#endif
}

static bool pte_hw_wx(u64 e)
{
#ifdef CONFIG_ARM_LPAE
	return (e & PTE_TYPE_MASK) == PTE_TYPE_PAGE && !(e & PTE_EXT_RDONLY) && !(e & PTE_EXT_XN);
#else
	return (e & PTE_TYPE_SMALL) && (e & PTE_EXT_AP0) && !(e & PTE_EXT_APX) && !(e & PTE_EXT_XN);
#endif
}

static void no_writable_executable_mapping(struct ktest *t)
{
	unsigned int sections = 0, ptes = 0, wx = 0;

	for (unsigned long addr = PAGE_OFFSET; addr >= PAGE_OFFSET; addr += SECTION_SIZE) {
		pmdval_t e = section_of(addr);

		if ((e & PMD_TYPE_MASK) == PMD_TYPE_SECT) {
			sections++;
			if (sect_wx(e)) {
				KTEST_FAIL(t, "section at 0x%08lx is W+X: 0x%llx",
					   addr, (unsigned long long)e);
				wx++;
			}
		} else if ((e & PMD_TYPE_MASK) == PMD_TYPE_TABLE) {
#ifdef CONFIG_ARM_LPAE
			const u64 *hw = (const u64 *)__va(e & PHYS_MASK_LPAE);
			const unsigned int n = PTRS_PER_PTE;
#else
			/* The hardware entries this L1 entry points at: one table per section, so each is seen once. */
			const u32 *hw = (const u32 *)__va(e & ~0x3ffu);
			const unsigned int n = HW_PTE_ENTRIES;
#endif
			for (unsigned int i = 0; i < n; i++) {
				ptes += hw[i] != 0;
				if (pte_hw_wx(hw[i])) {
					KTEST_FAIL(t, "page at 0x%08lx is W+X: 0x%llx",
						   addr + i * PAGE_SIZE, (unsigned long long)hw[i]);
					wx++;
				}
			}
		}
		if (addr + SECTION_SIZE < addr)
			break;
	}
	KTEST_EXPECT_EQ(t, wx, 0);
	KTEST_EXPECT_GE(t, sections, 2);
	KTEST_EXPECT_GE(t, ptes, 1);	/* the fixmap's console page at least */
}

/*
 * ptdump_check_wx (Linux's W+X check over the Linux view of the tables)
 * agrees with the hardware walk above: nothing now, and exactly one page
 * while a fixmap slot maps a page writable and executable.
 */
static void check_wx_finds_a_planted_page(struct ktest *t)
{
	static u32 target[PAGE_SIZE / sizeof(u32)] __aligned(PAGE_SIZE);

	KTEST_EXPECT_EQ(t, ptdump_check_wx(), 0);
	__set_fixmap(FIX_TEXT_POKE0, __pa(target), mem_types[MT_MEMORY_RWX].prot_pte);
	KTEST_EXPECT_EQ(t, ptdump_check_wx(), 1);
	__set_fixmap(FIX_TEXT_POKE0, 0, 0);
	KTEST_EXPECT_EQ(t, ptdump_check_wx(), 0);
}

static const struct ktest_case wx_cases[] = {
	KTEST_CASE(check_wx_finds_a_planted_page),
	KTEST_CASE(mmu_refuses_writes_to_text_and_rodata),
	KTEST_CASE(kernel_sections_have_their_types),
	KTEST_CASE(no_writable_executable_mapping),
	KTEST_CASE(init_executable_until_freed),
	{}
};
KTEST_SUITE_AT_BOOTMEM(wx, wx_cases, wx_at_bootmem);
