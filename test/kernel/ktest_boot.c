/*
 * boot: what head.S promised start_kernel. The MMU is on in the right
 * format, the kernel runs at PAGE_OFFSET + TEXT_OFFSET, the MMU itself
 * translates the kernel to PHYS_OFFSET + TEXT_OFFSET, and the DTB was
 * found, parsed and matched.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <libfdt.h>
#include <asm/cp15.h>
#include <asm/lowmem.h>
#include <asm/mach/arch.h>
#include <asm/memory.h>
#include <asm/pgtable-hwdef.h>
#include <asm/setup.h>
#include <asm/system.h>
#include <mach/vexpress.h>
#include <linux/memblock.h>
#include <linux/of_fdt.h>
#include <ktest.h>
#include <asm/pgtable.h>
#include <asm/sections.h>


static void mmu_enabled(struct ktest *t)
{
	u32 cr = get_cr();

	KTEST_EXPECT_TRUE(t, cr & CR_M);
	KTEST_EXPECT_TRUE(t, cr & CR_C);
	KTEST_EXPECT_TRUE(t, cr & CR_I);
	KTEST_EXPECT_TRUE(t, cr & CR_TRE);
	KTEST_EXPECT_FALSE(t, cr & CR_A);
}

static void translation_format(struct ktest *t)
{
	u32 ttbcr = read_ttbcr();
	phys_addr_t pgd = __pa(swapper_pg_dir);

#ifdef CONFIG_ARM_LPAE
	/* Long descriptors; TTBR1 takes the kernel half only when PHYS_OFFSET <= PAGE_OFFSET. */
	u32 t1sz = (ttbcr >> 16) & 7;

	KTEST_EXPECT_TRUE(t, ttbcr & (1u << 31));
	KTEST_EXPECT_EQ(t, ttbcr & 7, 0);			/* T0SZ */
	KTEST_EXPECT_EQ(t, read_ttbr(0), pgd);
	KTEST_EXPECT_TRUE(t, IS_ALIGNED(pgd, 0x1000));
	if (PHYS_OFFSET <= PAGE_OFFSET) {
		KTEST_EXPECT_EQ(t, t1sz, (PAGE_OFFSET >> 30) - 1);
		if (PAGE_OFFSET == 0xc0000000)		/* walk starts at level 2: the last PMD page */
			KTEST_EXPECT_EQ(t, read_ttbr(1), pgd + 0x1000 + 3 * 0x1000);
		else if (PAGE_OFFSET == 0x80000000)	/* PGD entries 2 and 3 */
			KTEST_EXPECT_EQ(t, read_ttbr(1), pgd + 16);
	} else {
		KTEST_EXPECT_EQ(t, t1sz, 0);
	}
#else
	/* Short descriptors, TTBCR.N = 0: TTBR0 covers everything; domain 0 is a client. */
	KTEST_EXPECT_FALSE(t, ttbcr & (1u << 31));
	KTEST_EXPECT_EQ(t, ttbcr & 7, 0);
	KTEST_EXPECT_EQ(t, read_ttbr(0) & ~0x3fffull, pgd);
	KTEST_EXPECT_EQ(t, read_ttbr(1) & ~0x3fffull, pgd);
	KTEST_EXPECT_TRUE(t, IS_ALIGNED(pgd, 0x4000));
	KTEST_EXPECT_EQ(t, read_dacr(), DACR_INIT);
	KTEST_EXPECT_EQ(t, DACR_INIT, 0x51);
#endif
}

static void runs_at_page_offset(struct ktest *t)
{
	unsigned long pc = (unsigned long)__builtin_return_address(0);
	unsigned long sp = (unsigned long)__builtin_frame_address(0);

	KTEST_EXPECT_EQ(t, (unsigned long)_text, PAGE_OFFSET + TEXT_OFFSET);
	KTEST_EXPECT_GE(t, pc, (unsigned long)_text);
	KTEST_EXPECT_LT(t, pc, (unsigned long)_end);
	/* After setup_arch the kernel runs on the guarded stack map_boot_stack made. */
	KTEST_EXPECT_GE(t, sp, BOOT_STACK_VIRT);
	KTEST_EXPECT_LT(t, sp, BOOT_STACK_VIRT + THREAD_SIZE);
	KTEST_EXPECT_EQ(t, (unsigned long)swapper_pg_dir, PAGE_OFFSET + TEXT_OFFSET - PG_DIR_SIZE);
}

/* The stack's pages are read/write; the page below it translates to nothing. */
static void boot_stack_guarded(struct ktest *t)
{
	KTEST_EXPECT_FALSE(t, ats1cp(BOOT_STACK_VIRT, true) & PAR_F);
	KTEST_EXPECT_FALSE(t, ats1cp(BOOT_STACK_VIRT + THREAD_SIZE - 4, true) & PAR_F);
	KTEST_EXPECT_TRUE(t, ats1cp(BOOT_STACK_GUARD, false) & PAR_F);
	KTEST_EXPECT_TRUE(t, ats1cp(BOOT_STACK_VIRT - 4, false) & PAR_F);
}

/* __pa and __va at va agree with the MMU's own translation, not only with each other. */
static void linear_map_agrees_with_mmu(struct ktest *t, unsigned long va)
{
	u64 par = ats1cp(va, false);
	u64 pa = par_to_pa(par, va);

	if (par & PAR_F) {
		KTEST_FAIL(t, "%#lx does not translate", va);
		return;
	}
	if (__pa(va) != pa || (unsigned long)__va((phys_addr_t)pa) != va)
		KTEST_FAIL(t, "the MMU maps %#lx to %#llx, __pa says %#llx and __va(%#llx) %#lx",
			   va, pa, (unsigned long long)__pa(va), pa, (unsigned long)__va((phys_addr_t)pa));
}

static void mmu_translates_kernel(struct ktest *t)
{
	unsigned long va = (unsigned long)_text + 0x124;
	u64 par = ats1cp(va, false);

	/* QEMU loads the image at RAM + TEXT_OFFSET; RAM starts where the tree's memory does. */
	u64 ram = ktest_dt_ram_base();

	KTEST_EXPECT_EQ(t, PHYS_OFFSET, ram);
	KTEST_EXPECT_FALSE(t, par & PAR_F);
	KTEST_EXPECT_EQ(t, par_to_pa(par, va), ram + TEXT_OFFSET + 0x124);
	/* The last byte of the image is mapped too. */
	par = ats1cp((unsigned long)_end - 1, true);
	KTEST_EXPECT_FALSE(t, par & PAR_F);
	linear_map_agrees_with_mmu(t, PAGE_OFFSET);
	linear_map_agrees_with_mmu(t, va);
	linear_map_agrees_with_mmu(t, (unsigned long)_end - 1);
	linear_map_agrees_with_mmu(t, (unsigned long)high_memory - 1);
}

static void phys_offset_aligned(struct ktest *t)
{
	KTEST_EXPECT_TRUE(t, IS_ALIGNED(PHYS_OFFSET, PHYS_OFFSET_ALIGN));
	KTEST_EXPECT_EQ(t, __pv_offset, (unsigned long)(PHYS_OFFSET - PAGE_OFFSET));
}

static void dtb_found_and_parsed(struct ktest *t)
{
	const void *fdt = initial_boot_params;

	KTEST_ASSERT_TRUE(t, __atags_pointer != 0);
	KTEST_ASSERT_TRUE(t, fdt != NULL);
	KTEST_EXPECT_EQ(t, fdt_check_header(fdt), 0);
	KTEST_EXPECT_EQ(t, (unsigned long)fdt, FDT_FIXED_BASE + (__atags_pointer & (SECTION_SIZE - 1)));
	/* The MMU maps the window head.S set up onto the DTB's physical address. */
	u64 par = ats1cp((unsigned long)fdt, false);
	KTEST_EXPECT_FALSE(t, par & PAR_F);
	KTEST_EXPECT_EQ(t, par_to_pa(par, (unsigned long)fdt), __atags_pointer);
	KTEST_ASSERT_TRUE(t, machine_desc != NULL);
	if (machine_desc->dt_compat) {
		/* A descriptor of its own: one of its strings is in the root's compatible list. */
		bool named = false;

		for (const char *const *c = machine_desc->dt_compat; *c; c++)
			named |= fdt_node_check_compatible(fdt, 0, *c) == 0;
		KTEST_EXPECT_TRUE(t, named);
	} else {
		/* The generic machine: no descriptor names the board. */
		for (const struct machine_desc *m = __arch_info_begin; m < __arch_info_end; m++)
			for (const char *const *c = m->dt_compat; c && *c; c++)
				KTEST_EXPECT_NE(t, fdt_node_check_compatible(fdt, 0, *c), 0);
		KTEST_EXPECT_EQ(t, strcmp(machine_desc->name, "Generic DT based system"), 0);
	}
	/* The vexpress boards are ARM's: the descriptor Linux names "ARM-Versatile Express". */
	if (ktest_board_is_vexpress())
		KTEST_EXPECT_EQ(t, strcmp(machine_desc->name, "ARM-Versatile Express"), 0);
}

static void memory_node_covers_kernel(struct ktest *t)
{
	KTEST_ASSERT_TRUE(t, memblock.memory.cnt >= 1);
	KTEST_EXPECT_TRUE(t, memblock_is_region_memory(__pa(_text), (phys_addr_t)(_end - _text)));
}

static void null_page_unmapped(struct ktest *t)
{
	KTEST_EXPECT_TRUE(t, ats1cp(0, false) & PAR_F);
	KTEST_EXPECT_TRUE(t, ats1cp(PAGE_OFFSET - 1, false) & PAR_F);
}

static void stack_canary_set(struct ktest *t)
{
	extern unsigned long __stack_chk_guard;

	KTEST_EXPECT_NE(t, __stack_chk_guard, 0);
}

static const struct ktest_case boot_cases[] = {
	KTEST_CASE(mmu_enabled),
	KTEST_CASE(translation_format),
	KTEST_CASE(runs_at_page_offset),
	KTEST_CASE(boot_stack_guarded),
	KTEST_CASE(mmu_translates_kernel),
	KTEST_CASE(phys_offset_aligned),
	KTEST_CASE(dtb_found_and_parsed),
	KTEST_CASE(memory_node_covers_kernel),
	KTEST_CASE(null_page_unmapped),
	KTEST_CASE(stack_canary_set),
	{}
};
KTEST_SUITE(boot, boot_cases);
