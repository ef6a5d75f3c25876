/*
 * Host unit tests (cmocka) for writing page-table entries the Linux way
 * (mm/pgtable-2level.c as test_pgtable32, mm/pgtable-3level.c as
 * test_pgtable64): the hardware entry derived from each kind of Linux PTE,
 * the 512 + 512 PTE page, the two hardware entries of a classic PMD, and
 * finding entries again through pmd_off_k / pte_offset_kernel.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "khost_env.h"

#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/pgtable.h>
#include <asm/pgtable-hw.h>

pgd_t swapper_pg_dir[PTRS_PER_PGD] __attribute__((aligned(16384)));

/* Simulated RAM for the tables the PMDs point to, at PHYS_OFFSET + 1 MiB. */
#define SIM_BASE	((phys_addr_t)0x80100000u)
#define SIM_SIZE	((phys_addr_t)0x10000u)
static unsigned char sim_ram[SIM_SIZE] __attribute__((aligned(4096)));

static int setup(void **state)
{
	(void)state;
	memset(swapper_pg_dir, 0, sizeof(swapper_pg_dir));
	memset(sim_ram, 0, sizeof(sim_ram));
	khost_sim_ram = sim_ram;
	khost_sim_base = SIM_BASE;
	khost_sim_size = SIM_SIZE;
	return 0;
}

#define PHYS		0x8badf000u	/* a page address for the entries below */
#define KERNEL_MEM	(L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_SHARED | L_PTE_MT_WRITEALLOC)

#ifndef CONFIG_ARM_LPAE

static void test_hw_entry_kinds(void **state)
{
	const u32 small = PTE_TYPE_SMALL, ap0 = PTE_EXT_AP0;
	/* Normal WBWA memory is PRRR/NMRR index 7 = TEX[0]:C:B = 1:1:1, shared. */
	const u32 wbwa = PTE_EXT_TEX(1) | PTE_CACHEABLE | PTE_BUFFERABLE | PTE_EXT_SHARED;

	(void)state;
	/* Kernel data: writable (dirty), never executed. */
	assert_int_equal(pte_hw_from_linux(PHYS | KERNEL_MEM | L_PTE_DIRTY | L_PTE_XN, 0),
			 PHYS | small | ap0 | wbwa | PTE_EXT_XN);
	/* Kernel text: read-only, executable. */
	assert_int_equal(pte_hw_from_linux(PHYS | KERNEL_MEM | L_PTE_DIRTY | L_PTE_RDONLY, 0),
			 PHYS | small | ap0 | PTE_EXT_APX | wbwa);
	/* Clean pages are mapped read-only until written (dirty tracking). */
	assert_int_equal(pte_hw_from_linux(PHYS | KERNEL_MEM, 0),
			 PHYS | small | ap0 | PTE_EXT_APX | wbwa);
	/* User pages get AP[1]. */
	assert_int_equal(pte_hw_from_linux(PHYS | KERNEL_MEM | L_PTE_DIRTY | L_PTE_USER, 0),
			 PHYS | small | ap0 | PTE_EXT_AP1 | wbwa);
	/* Shared device memory is index 4: TEX[0] only. */
	assert_int_equal(pte_hw_from_linux(PHYS | L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_DIRTY | L_PTE_XN |
					   L_PTE_SHARED | L_PTE_MT_DEV_SHARED, 0),
			 PHYS | small | ap0 | PTE_EXT_TEX(1) | PTE_EXT_SHARED | PTE_EXT_XN);
	/* ext adds hardware-only bits such as nG. */
	assert_int_equal(pte_hw_from_linux(PHYS | KERNEL_MEM | L_PTE_DIRTY, PTE_EXT_NG),
			 PHYS | small | ap0 | wbwa | PTE_EXT_NG);
	/* Old, invalid and PROT_NONE pages fault. */
	assert_int_equal(pte_hw_from_linux(PHYS | (KERNEL_MEM & ~L_PTE_YOUNG) | L_PTE_DIRTY, 0), 0);
	assert_int_equal(pte_hw_from_linux(PHYS | (KERNEL_MEM & ~L_PTE_VALID) | L_PTE_DIRTY, 0), 0);
	assert_int_equal(pte_hw_from_linux(PHYS | KERNEL_MEM | L_PTE_DIRTY | L_PTE_NONE, 0), 0);
}

static void test_pte_page_layout(void **state)
{
	pte_t *page = (pte_t *)sim_ram;
	u32 *hw = (u32 *)(sim_ram + PTE_HWTABLE_OFF);
	const unsigned int idx[] = { 0, 1, 255, 256, 511 };

	(void)state;
	for (unsigned int i = 0; i < ARRAY_SIZE(idx); i++) {
		pteval_t v = (PHYS + idx[i] * 0x1000u) | KERNEL_MEM | L_PTE_DIRTY | L_PTE_XN;

		set_pte_ext(page + idx[i], __pte(v), 0);
		assert_int_equal(page[idx[i]].pte, v);
		assert_int_equal(hw[idx[i]], pte_hw_from_linux(v, 0));
	}
	/* Nothing else in the page was touched. */
	assert_int_equal(page[2].pte, 0);
	assert_int_equal(hw[2], 0);
}

static void test_pmd_populate_both_halves(void **state)
{
	unsigned long addr = 0xc0300000;	/* odd MiB of the 2 MiB at 0xc0200000 */
	pmd_t *pmdp = pmd_off_k(addr);
	const pmdval_t prot = PMD_TYPE_TABLE | PMD_DOMAIN(0);

	(void)state;
	assert_ptr_equal(pmdp, (pmd_t *)&swapper_pg_dir[0xc0200000 >> 21]);
	__pmd_populate(pmdp, SIM_BASE, prot);
	assert_int_equal(pmdp[0].pmd, (SIM_BASE + 2048) | prot);
	assert_int_equal(pmdp[1].pmd, (SIM_BASE + 3072) | prot);
	/* The Linux PTE of addr: second MiB, so entry 256 of the page. */
	assert_ptr_equal(pte_offset_kernel(pmdp, addr), (pte_t *)sim_ram + 256);
	assert_ptr_equal(pte_offset_kernel(pmdp, addr + 0x5000), (pte_t *)sim_ram + 261);
	pmd_clear(pmdp);
	assert_int_equal(pmdp[0].pmd, 0);
	assert_int_equal(pmdp[1].pmd, 0);
}

#else /* LPAE */

static void test_hw_entry_kinds(void **state)
{
	const pteval_t page = PHYS | PTE_TYPE_PAGE | PTE_EXT_AF | PTE_EXT_SHARED | L_PTE_MT_WRITEALLOC;

	(void)state;
	/* Dirty and writable: AP[2] clear. */
	assert_int_equal(pte_hw_from_linux(page | L_PTE_DIRTY | PTE_EXT_RDONLY, 0), page | L_PTE_DIRTY);
	/* Clean, or L_PTE_RDONLY: AP[2] set. */
	assert_int_equal(pte_hw_from_linux(page, 0), page | PTE_EXT_RDONLY);
	assert_int_equal(pte_hw_from_linux(page | L_PTE_DIRTY | L_PTE_RDONLY, 0),
			 page | L_PTE_DIRTY | L_PTE_RDONLY | PTE_EXT_RDONLY);
	/* PROT_NONE is stored invalid; an invalid entry is stored as it is. */
	assert_int_equal(pte_hw_from_linux(page | L_PTE_NONE, 0), (page | L_PTE_NONE) & ~L_PTE_VALID);
	assert_int_equal(pte_hw_from_linux(PHYS | L_PTE_DIRTY, 0), PHYS | L_PTE_DIRTY);
}

static void test_pte_page_layout(void **state)
{
	pte_t *table = (pte_t *)sim_ram;

	(void)state;
	set_pte_ext(table + 511, __pte(PHYS | KERNEL_MEM | L_PTE_DIRTY | PTE_EXT_AF), 0);
	assert_int_equal(table[511].pte, PHYS | KERNEL_MEM | L_PTE_DIRTY | PTE_EXT_AF);
	assert_int_equal(table[510].pte, 0);
}

static void test_pmd_populate_both_halves(void **state)
{
	unsigned long addr = 0xc0300000;
	pmd_t *pmdp;

	(void)state;
	/* The PGD entry for the GiB at 0xc0000000 points to a PMD page in the simulated RAM. */
	swapper_pg_dir[3].pgd = (SIM_BASE + 0x4000) | PMD_TYPE_TABLE;
	pmdp = pmd_off_k(addr);
	assert_ptr_equal(pmdp, (pmd_t *)(sim_ram + 0x4000) + 1);
	__pmd_populate(pmdp, SIM_BASE, PMD_TYPE_TABLE);
	assert_int_equal(pmdp->pmd, SIM_BASE | PMD_TYPE_TABLE);
	assert_ptr_equal(pte_offset_kernel(pmdp, addr + 0x5000), (pte_t *)sim_ram + 261);
	pmd_clear(pmdp);
	assert_int_equal(pmdp->pmd, 0);
}

#endif

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_hw_entry_kinds, setup),
		cmocka_unit_test_setup(test_pte_page_layout, setup),
		cmocka_unit_test_setup(test_pmd_populate_both_halves, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
