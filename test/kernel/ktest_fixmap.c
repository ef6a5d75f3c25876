/*
 * fixmap: early_fixmap_init hooked bm_pte into the PMD of FIXADDR_TOP and
 * paging_init moved the slots onto a PTE page of the final tables; the
 * console writes through its slot, and the MMU agrees: asked with
 * ATS1CPR/ATS1CPW, mapped slots translate where __set_fixmap said and
 * empty ones fault. In classic builds the PTE page holds 512 Linux entries
 * and then the 512 hardware entries derived from them.
 */
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <asm/early_ioremap.h>
#include <asm/fixmap.h>
#include <asm/mem_types.h>
#include <asm/pgtable.h>
#include <asm/pgtable-hw.h>
#include <asm/system.h>
#include <linux/console.h>
#include <linux/serial_core.h>
#include <mach/vexpress.h>
#include <ktest.h>

/* The PTE page that serves the fixmap's top PMD (bm_pte until paging_init, then one from memblock). */
static pte_t *fixmap_pte_page(void)
{
	return fixmap_pte(FIXADDR_TOP) - pte_index(FIXADDR_TOP);
}

/*
 * early_fixmap_shutdown replaced the static bm_pte by a page from memblock.
 * With earlycon, create_mapping made it for the console's MT_DEVICE slot:
 * the PMD carries MT_DEVICE's table protection (classic: domain IO), as in
 * Linux. Without, the slot was empty and the PMD stayed clear until
 * devicemaps_init mapped the vector page in the same PMD: MT_HIGH_VECTORS'
 * protection (classic: the vectors' domain).
 */
static void pmd_holds_final_pte_page(struct ktest *t)
{
	pmd_t *pmdp = pmd_off_k(FIXADDR_TOP);
	phys_addr_t page = __pa(fixmap_pte_page());
	pmdval_t prot = mem_types[earlycon_was_registered() ? MT_DEVICE : MT_HIGH_VECTORS].prot_l1;

	KTEST_EXPECT_FALSE(t, fixmap_is_early());
	KTEST_EXPECT_TRUE(t, IS_ALIGNED(page, PAGE_SIZE));
	KTEST_EXPECT_TRUE(t, memblock_is_region_reserved(page, PAGE_SIZE));
#ifdef CONFIG_ARM_LPAE
	KTEST_EXPECT_EQ(t, pmdp->pmd, page | prot);
#else
	/* The two hardware entries of the PMD: the hardware half of the page, 1 KiB apart. */
	KTEST_EXPECT_EQ(t, pmdp[0].pmd, (page + PTE_HWTABLE_OFF) | prot);
	KTEST_EXPECT_EQ(t, pmdp[1].pmd, (page + PTE_HWTABLE_OFF + 1024) | prot);
#endif
}

/*
 * With earlycon, its slot still maps the UART after the console moved to
 * its ioremap (Linux never unmaps it either); the console writes elsewhere
 * now. Without earlycon nothing ever mapped the slot.
 */
static void console_slot_translates_to_uart(struct ktest *t)
{
	unsigned long va = fix_to_virt(FIX_EARLYCON_MEM_BASE);
	u64 par = ats1cp(va, true);

	if (!ktest_board_is_vexpress()) {
		ktest_skip(t, KTEST_NOT_VEXPRESS);
		return;
	}
	KTEST_EXPECT_NE(t, console_base() & PAGE_MASK, va);
	if (!earlycon_was_registered()) {
		KTEST_EXPECT_TRUE(t, par & PAR_F);
		return;
	}
	KTEST_ASSERT_TRUE(t, !(par & PAR_F));
	KTEST_EXPECT_EQ(t, par_to_pa(par, va), V2M_PERIPH_PHYS + (V2M_UART0_OFFSET & PAGE_MASK));
}

/*
 * early_ioremap: slot 0 starts at index 1 + 7 * 32 - 1 = 224 (Linux's
 * FIX_BTMAP_BEGIN with one permanent slot), 0xffeff000 - 224 pages; an
 * unaligned request gets its offset in the page, device memory never
 * executable, and early_iounmap takes it away. Power-off uses this path
 * when the system controller has no ioremap.
 */
static void early_ioremap_slot_maps_device(struct ktest *t)
{
	unsigned long va;
	pte_t *ptep;
	u64 par;

	KTEST_EXPECT_EQ(t, fix_to_virt(FIX_BTMAP_BEGIN), 0xffe1f000UL);
	KTEST_EXPECT_EQ(t, fix_to_virt(FIX_BTMAP_END), 0xffefe000UL);
	va = (unsigned long)early_ioremap(V2M_SYSREG_PHYS + 0xa0, 8);
	KTEST_ASSERT_TRUE(t, va != 0);
	KTEST_EXPECT_EQ(t, va, 0xffe1f000UL + 0xa0);
	par = ats1cp(va, true);
	KTEST_ASSERT_TRUE(t, !(par & PAR_F));
	KTEST_EXPECT_EQ(t, par_to_pa(par, va), V2M_PERIPH_PHYS + V2M_SYSREG_OFFSET + 0xa0);
	ptep = fixmap_pte(va & PAGE_MASK);
	KTEST_EXPECT_EQ(t, pte_val(*ptep) & L_PTE_MT_MASK, L_PTE_MT_DEV_SHARED);
	KTEST_EXPECT_TRUE(t, pte_val(*ptep) & L_PTE_XN);
	early_iounmap((void __iomem *)va, 8);
	KTEST_EXPECT_TRUE(t, ats1cp(va, false) & PAR_F);
	KTEST_EXPECT_EQ(t, pte_val(*ptep), 0);

	/* LPAE: an address above 4 GiB keeps its high bits (translated only, never touched). */
	if (sizeof(phys_addr_t) > 4) {
		const u64 high = 0x880000ffcULL;

		va = (unsigned long)early_ioremap((phys_addr_t)high, 8);	/* two pages: it crosses one */
		KTEST_ASSERT_TRUE(t, va != 0);
		KTEST_EXPECT_EQ(t, par_to_pa(ats1cp(va, false), va), high);
		KTEST_EXPECT_EQ(t, par_to_pa(ats1cp(va + 4, false), va + 4), high + 4);
		early_iounmap((void __iomem *)va, 8);
		KTEST_EXPECT_TRUE(t, ats1cp(va + 4, false) & PAR_F);
	}
}

static void empty_slot_faults(struct ktest *t)
{
	KTEST_EXPECT_TRUE(t, ats1cp(fix_to_virt(FIX_TEXT_POKE0), false) & PAR_F);
	KTEST_EXPECT_TRUE(t, ats1cp(fix_to_virt(FIX_KMAP_BEGIN), false) & PAR_F);
}

/*
 * Linux 6.1's slot order, one page each from FIXADDR_TOP down: the
 * earlycon, 16 kmap_local slots for each of NR_CPUS (8, Debian's
 * CONFIG_NR_CPUS: 128 slots), then text poke 0 and 1.
 */
static void slots_in_linux_order(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, fix_to_virt(FIX_EARLYCON_MEM_BASE), 0xffeff000UL);
	KTEST_EXPECT_EQ(t, fix_to_virt(FIX_KMAP_BEGIN), 0xffefe000UL);
	KTEST_EXPECT_EQ(t, fix_to_virt(FIX_KMAP_END), 0xffe7f000UL);
	KTEST_EXPECT_EQ(t, fix_to_virt(FIX_TEXT_POKE0), 0xffe7e000UL);
	KTEST_EXPECT_EQ(t, fix_to_virt(FIX_TEXT_POKE1), 0xffe7d000UL);
}

/* Map a page of kernel data at a slot, use it, unmap it: the MMU sees each step. */
static void set_and_clear_slot(struct ktest *t)
{
	static u32 target[PAGE_SIZE / sizeof(u32)] __aligned(PAGE_SIZE);
	unsigned long va = fix_to_virt(FIX_TEXT_POKE0);
	volatile u32 *alias = (volatile u32 *)va;
	u64 par;

	__set_fixmap(FIX_TEXT_POKE0, __pa(target), mem_types[MT_MEMORY_RW].prot_pte);
	par = ats1cp(va, true);
	KTEST_ASSERT_TRUE(t, !(par & PAR_F));
	KTEST_EXPECT_EQ(t, par_to_pa(par, va), __pa(target));
	alias[3] = 0x600dcafe;
	KTEST_EXPECT_EQ(t, READ_ONCE(target[3]), 0x600dcafe);

	__set_fixmap(FIX_TEXT_POKE0, 0, 0);
	KTEST_EXPECT_TRUE(t, ats1cp(va, false) & PAR_F);
}

/* Classic: 512 Linux entries, then 512 hardware entries that set_pte_ext derived from them. */
static void pte_page_linux_then_hardware(struct ktest *t)
{
#ifdef CONFIG_ARM_LPAE
	ktest_skip(t, "the LPAE format has no separate hardware entries");
#else
	const pte_t *linux = fixmap_pte_page();
	const u32 *hw = (const u32 *)((const char *)linux + PTE_HWTABLE_OFF);
	unsigned int used = 0;

	for (unsigned int i = 0; i < PTRS_PER_PTE; i++) {
		KTEST_EXPECT_EQ(t, hw[i], pte_hw_from_linux(linux[i].pte, 0));
		used += linux[i].pte != 0;
	}
	/* FIXADDR_TOP (0xffeff000) is the last page of the PMD's first MiB: entry 255. */
	KTEST_EXPECT_EQ(t, pte_index(fix_to_virt(FIX_EARLYCON_MEM_BASE)), 255);
	KTEST_EXPECT_GE(t, used, 1);
	if (earlycon_was_registered())
		KTEST_EXPECT_NE(t, hw[pte_index(fix_to_virt(FIX_EARLYCON_MEM_BASE))] & PTE_EXT_XN, 0);
	else
		KTEST_EXPECT_EQ(t, hw[pte_index(fix_to_virt(FIX_EARLYCON_MEM_BASE))], 0);
#endif
}

static const struct ktest_case fixmap_cases[] = {
	KTEST_CASE(slots_in_linux_order),
	KTEST_CASE(pmd_holds_final_pte_page),
	KTEST_CASE(console_slot_translates_to_uart),
	KTEST_CASE(empty_slot_faults),
	KTEST_CASE(early_ioremap_slot_maps_device),
	KTEST_CASE(set_and_clear_slot),
	KTEST_CASE(pte_page_linux_then_hardware),
	{}
};
KTEST_SUITE(fixmap, fixmap_cases);
