/*
 * Host unit tests (cmocka) for mm/mem_types.c, built for classic
 * (test_mem_types32) and LPAE (test_mem_types64): every entry must equal
 * what Linux's build_mem_type_table computes on a Cortex-A15 (ARMv7, SMP,
 * TEX remap, write-allocate), listed below from Linux's rules (summed up in
 * docs/pgtables.md, "Memory types"), and the hardware PTEs derived from
 * them must be the ones listed.
 * MT_MEMORY_RX is this kernel's own: MT_MEMORY_RWX with the read-only bits.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <linux/kernel.h>
#include <asm/mem_types.h>
#include <asm/pgtable-hw.h>

pgd_t swapper_pg_dir[PTRS_PER_PGD];

struct want {
	enum mem_type_id type;
	unsigned long long pte, l1, sect, hw;
	unsigned int domain;
};

#ifndef CONFIG_ARM_LPAE
static const struct want want[] = {
	{ MT_DEVICE,		  0x653, 0x41, 0x11452, 0x453, 2 },
	{ MT_DEVICE_NONSHARED,	  0x273, 0x41, 0x01452, 0x053, 2 },
	{ MT_DEVICE_CACHED,	  0x66f, 0x41, 0x1045e, 0x41f, 2 },
	{ MT_DEVICE_WC,		  0x667, 0x41, 0x10456, 0x417, 2 },
	{ MT_UNCACHED,		  0x243, 0x41, 0x00052, 0x013, 2 },
	{ MT_LOW_VECTORS,	  0x4df, 0x61, 0,       0x65e, 3 },
	{ MT_HIGH_VECTORS,	  0x5df, 0x61, 0,       0x67e, 3 },
	{ MT_MEMORY_RWX,	  0x45f, 0x01, 0x1140e, 0x45e, 0 },
	{ MT_MEMORY_RW,		  0x65f, 0x01, 0x1141e, 0x45f, 0 },
	{ MT_MEMORY_RO,		  0x6df, 0x01, 0x1941e, 0x65f, 0 },
	{ MT_MEMORY_RX,		  0x4df, 0x01, 0x1940e, 0x65e, 0 },	/* ours: RWX made read-only */
	{ MT_ROM,		  0,     0,    0x0940e, 0,     0 },
	{ MT_MEMORY_RWX_NONCACHED, 0x447, 0x01, 0x10406, 0x416, 0 },
	{ MT_MEMORY_RW_SO,	  0x243, 0x01, 0x10412, 0x013, 0 },
	{ MT_MEMORY_DMA_READY,	  0x65f, 0x01, 0,       0x45f, 0 },
};
#else
static const struct want want[] = {
	{ MT_DEVICE,		  0x00c0000000000713ull, 0x3, 0x0040000000000701ull, 0x00c0000000000713ull, 2 },
	{ MT_DEVICE_NONSHARED,	  0x00c0000000000413ull, 0x3, 0x0040000000000401ull, 0x00c0000000000413ull, 2 },
	{ MT_DEVICE_CACHED,	  0x00c000000000070full, 0x3, 0x004000000000070dull, 0x00c000000000070full, 2 },
	{ MT_DEVICE_WC,		  0x00c0000000000707ull, 0x3, 0x0040000000000705ull, 0x00c0000000000707ull, 2 },
	{ MT_UNCACHED,		  0x00c0000000000403ull, 0x3, 0x0040000000000401ull, 0x00c0000000000403ull, 2 },
	{ MT_LOW_VECTORS,	  0x048000000000071full, 0x3, 0,                     0x048000000000079full, 3 },
	{ MT_HIGH_VECTORS,	  0x048000000000075full, 0x3, 0,                     0x04800000000007dfull, 3 },
	{ MT_MEMORY_RWX,	  0x008000000000071full, 0x3, 0x000000000000071dull, 0x008000000000071full, 0 },
	{ MT_MEMORY_RW,		  0x00c000000000071full, 0x3, 0x004000000000071dull, 0x00c000000000071full, 0 },
	{ MT_MEMORY_RO,		  0x04c000000000071full, 0x3, 0x044000000000079dull, 0x04c000000000079full, 0 },
	{ MT_MEMORY_RX,		  0x048000000000071full, 0x3, 0x040000000000079dull, 0x048000000000079full, 0 },
	{ MT_ROM,		  0x0000000000000400ull, 0,   0x000000000000041dull, 0x0000000000000400ull, 0 },
	{ MT_MEMORY_RWX_NONCACHED, 0x0080000000000707ull, 0x3, 0x0000000000000705ull, 0x0080000000000707ull, 0 },
	{ MT_MEMORY_RW_SO,	  0x00c0000000000403ull, 0x3, 0x0040000000000701ull, 0x00c0000000000403ull, 0 },
	{ MT_MEMORY_DMA_READY,	  0x00c000000000071full, 0x3, 0,                     0x00c000000000071full, 0 },
};
#endif

static void test_every_type_as_linux_computes_it(void **state)
{
	(void)state;
	assert_int_equal(ARRAY_SIZE(want), MT_NR_TYPES);
	for (unsigned int i = 0; i < ARRAY_SIZE(want); i++) {
		const struct mem_type *mt = get_mem_type(want[i].type);

		if (!mt)
			fail_msg("get_mem_type(%u) is NULL", (unsigned int)want[i].type);
		print_message("%s\n", mt->name);
		assert_int_equal(mt->prot_pte, want[i].pte);
		assert_int_equal(mt->prot_l1, want[i].l1);
		assert_int_equal(mt->prot_sect, want[i].sect);
		assert_int_equal(mt->domain, want[i].domain);
		if (want[i].hw)
			assert_int_equal(pte_hw_from_linux(mt->prot_pte, 0), want[i].hw);
	}
	assert_null(get_mem_type(MT_NR_TYPES));
}

/* The rule the kernel's mappings must keep: nothing both writable and executable. */
static void test_no_type_is_writable_and_executable_but_rwx(void **state)
{
	(void)state;
	for (unsigned int t = 0; t < MT_NR_TYPES; t++) {
		const struct mem_type *mt = get_mem_type(t);
		bool writable, exec;

		if (!mt)
			fail_msg("get_mem_type(%u) is NULL", t);
		writable = (mt->prot_pte & L_PTE_DIRTY) && !(mt->prot_pte & L_PTE_RDONLY);
		exec = !(mt->prot_pte & L_PTE_XN);
		if (!mt->prot_l1)
			continue;	/* no pages of this type */
		if (writable && exec)
			assert_true(t == MT_MEMORY_RWX || t == MT_MEMORY_RWX_NONCACHED);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_type_as_linux_computes_it),
		cmocka_unit_test(test_no_type_is_writable_and_executable_but_rwx),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
