/*
 * Host unit tests (cmocka) for the early device-tree scan and the
 * reservations (drivers/of/fdt.c, drivers/of/of_reserved_mem.c, mm/cma.c,
 * kernel/dma/), run on test DTBs that dtc builds from test/host/dts/.
 * Built for 32-bit (classic) and 64-bit (LPAE) phys_addr_t.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "khost_env.h"

#include <linux/cma.h>
#include <linux/cmdline.h>
#include <linux/dma-map-ops.h>
#include <linux/initrd.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/of_fdt.h>
#include <linux/of_reserved_mem.h>
#include <linux/string.h>
#include <asm/lowmem.h>
#include <asm/setup.h>

#ifndef TEST_DTB_DIR
#error "TEST_DTB_DIR must name the directory of the compiled test DTBs"
#endif

#define LPAE (sizeof(phys_addr_t) == 8)

struct rgn {
	u64 base, size;
	unsigned int flags;
};

static void load(const char *name)
{
	char path[512];

	khost_reset();
	snprintf(path, sizeof(path), "%s/%s.dtb", TEST_DTB_DIR, name);
	khost_load_dtb(path);
}

/* setup_arch's memory steps, from the scan to the end of arm_memblock_init (less the image). */
static void boot(const char *name, const char *cmdline)
{
	load(name);
	early_init_dt_scan_nodes(boot_command_line);
	if (cmdline)
		khost_set_cmdline(cmdline);
	parse_early_param();
	adjust_lowmem_bounds();
	early_init_fdt_scan_reserved_mem();
	dma_contiguous_reserve((phys_addr_t)0xffffffff);
	adjust_lowmem_bounds();
}

static void expect_type(const struct memblock_type *type, const struct rgn *want, unsigned long n)
{
	if (type->cnt != n) {
		for (unsigned long i = 0; i < type->cnt; i++)
			print_message("%s[%lu] 0x%llx+0x%llx flags %u\n", type->name, i,
				      (unsigned long long)type->regions[i].base,
				      (unsigned long long)type->regions[i].size,
				      (unsigned int)type->regions[i].flags);
	}
	assert_int_equal(type->cnt, n);
	for (unsigned long i = 0; i < n; i++) {
		assert_int_equal(type->regions[i].base, want[i].base);
		assert_int_equal(type->regions[i].size, want[i].size);
		assert_int_equal(type->regions[i].flags, want[i].flags);
	}
}

#define EXPECT_MEMORY(...) do {						\
	static const struct rgn w_[] = { __VA_ARGS__ };			\
	expect_type(&memblock.memory, w_, ARRAY_SIZE(w_));		\
} while (0)
#define EXPECT_RESERVED(...) do {					\
	static const struct rgn w_[] = { __VA_ARGS__ };			\
	expect_type(&memblock.reserved, w_, ARRAY_SIZE(w_));		\
} while (0)
/* A physical address as %pa prints it: 8 hex digits in classic builds, 16 with LPAE. */
static const char *pa(u64 v)
{
	static char buf[4][24];
	static int i;

	i = (i + 1) % 4;
	snprintf(buf[i], sizeof(buf[i]), "0x%0*llx", LPAE ? 16 : 8, (unsigned long long)v);
	return buf[i];
}

static void expect_logf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void expect_logf(const char *fmt, ...)
{
	char want[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(want, sizeof(want), fmt, ap);
	va_end(ap);
	if (!khost_log_has(want))
		fail_msg("log lacks \"%s\"; log:\n%s", want, khost_log);
}

#define EXPECT_LOG(s) do {						\
	if (!khost_log_has(s))						\
		fail_msg("log lacks \"%s\"; log:\n%s", s, khost_log);	\
} while (0)
#define EXPECT_NO_LOG(s) do {						\
	if (khost_log_has(s))						\
		fail_msg("log has \"%s\"; log:\n%s", s, khost_log);	\
} while (0)

static void test_one_cell_and_chosen(void **state)
{
	(void)state;
	load("cells1");
	early_init_dt_scan_nodes(boot_command_line);
	assert_int_equal(dt_root_addr_cells, 1);
	assert_int_equal(dt_root_size_cells, 1);
	EXPECT_MEMORY({ 0x80000000, 0x10000000, 0 });
	assert_string_equal(boot_command_line, "console=ttyAMA0 memblock=debug");
	assert_non_null(of_stdout_path);
	assert_string_equal(of_stdout_path, "serial0:38400n8");
	assert_int_equal(phys_initrd_size, 0);
	EXPECT_LOG("OF: fdt: memory scan node memory@80000000, reg size 8,\n");
	EXPECT_LOG("OF: fdt:  - 80000000, 10000000\n");
}

static void test_banks_holes_hotplug_initrd(void **state)
{
	(void)state;
	load("banks");
	early_init_dt_scan_nodes(boot_command_line);
	EXPECT_MEMORY({ 0x80000000, 0x20000000, 0 },
		      { 0xa8000000, 0x08000000, 0 },
		      { 0xc0000000, 0x10000000, 0 },
		      { 0xd0000000, 0x01000000, MEMBLOCK_HOTPLUG },
		      { 0xe0001000, 0x00001000, 0 });
	EXPECT_LOG("OF: fdt: Ignoring memory block 0xe1000000 - 0xe1000800\n");
	EXPECT_NO_LOG("b0000000");	/* the disabled node */
	assert_int_equal(phys_initrd_start, 0x84000123);
	assert_int_equal(phys_initrd_size, 0x100333);
	/* With no bootargs the built-in command line applies. */
	assert_string_equal(boot_command_line, CONFIG_CMDLINE);
}

static void test_clipping_high_and_low(void **state)
{
	(void)state;
	load("high");
	early_init_dt_scan_nodes(boot_command_line);
	EXPECT_LOG("OF: fdt: Ignoring memory range 0x70000000 - 0x80000000\n");
	EXPECT_LOG("OF: fdt: Ignoring memory block 0x10000000 - 0x20000000\n");
	if (LPAE) {
		EXPECT_NO_LOG("0x100000000");
		EXPECT_MEMORY({ 0x80000000, 0x200000000ULL, 0 });
	} else {
		/* Linux's words; the 32-bit end of memory is one byte short of 4 GiB. */
		EXPECT_LOG("OF: fdt: Ignoring memory range 0x100000000 - 0x280000000\n");
		EXPECT_MEMORY({ 0x80000000, 0x7fffffff, 0 });
	}
}

static void test_usable_memory_wins(void **state)
{
	(void)state;
	load("usable");
	early_init_dt_scan_nodes(boot_command_line);
	EXPECT_MEMORY({ 0x80000000, 0x08000000, 0 });
}

static void test_bad_root_cells_no_hang(void **state)
{
	(void)state;
	load("badcells");
	early_init_dt_scan_nodes(boot_command_line);
	assert_int_equal(memblock.memory.cnt, 0);
	EXPECT_LOG("OF: fdt: Invalid root #address-cells = 0 / #size-cells = 0 (1 or 2 expected): memory nodes ignored\n");
}

static void test_reserved_memory(void **state)
{
	(void)state;
	boot("resmem", "");
	EXPECT_MEMORY({ 0x80000000, 0x10000000, 0 },
		      { 0x90000000, 0x00400000, MEMBLOCK_NOMAP },
		      { 0x90400000, 0x2fc00000, 0 });
	/*
	 * Sorted by Linux's heapsort, the dynamic regions are allocated in the
	 * order CMA pool, dyn, ranged; top-down below the end of RAM.
	 */
	EXPECT_RESERVED({ 0x88000000, 0x00200000, 0 },
			{ 0x8f000000, 0x00100000, 0 },
			{ 0xa0f00000, 0x00100000, 0 },
			{ 0xbec00000, 0x01400000, 0 });
	expect_logf("Reserved memory: created CMA memory pool at %s, size 16 MiB\n"
		    "OF: reserved mem: initialized node linux,cma, compatible id shared-dma-pool\n",
		    pa(0xbf000000));
	EXPECT_LOG("Reserved memory: regions without no-map are not yet supported\n"
		   "OF: reserved mem: node mapped-pool@98000000 compatible matching fail\n");
	expect_logf("Reserved memory: created DMA memory pool at %s, size 8 MiB\n"
		    "OF: reserved mem: initialized node vram@18000000, compatible id shared-dma-pool\n",
		    pa(0x18000000));
	/* The pool is the default area: no second one. */
	EXPECT_NO_LOG("cma: Reserved");
	assert_non_null(dma_contiguous_default_area);
	assert_int_equal(cma_area_count, 1);
	assert_int_equal(cma_areas[0].base, 0xbf000000);
	/* The pool's lowmem mapping is to become pages (dma_contiguous_remap): only the CMA pool, not the DMA one. */
	assert_int_equal(khost_dma_fixup_count, 1);
	assert_int_equal(khost_dma_fixups[0].base, 0xbf000000);
	assert_int_equal(khost_dma_fixups[0].size, 16 << 20);
	assert_int_equal(memblock.current_limit, 0xb0000000);
	assert_int_equal(arm_lowmem_limit, 0xb0000000);
}

static void test_default_cma_and_cmdline(void **state)
{
	(void)state;
	boot("cells1", "cma=32M");
	expect_logf("cma: Reserved 32 MiB at %s\n", pa(0x8e000000));
	EXPECT_RESERVED({ 0x8e000000, 0x02000000, 0 });
	assert_int_equal(khost_dma_fixup_count, 1);
	assert_int_equal(khost_dma_fixups[0].base, 0x8e000000);
	assert_int_equal(khost_dma_fixups[0].size, 32 << 20);

	boot("cells1", "cma=0");
	EXPECT_NO_LOG("cma: Reserved");
	assert_int_equal(memblock.reserved.cnt, 0);
	assert_int_equal(khost_dma_fixup_count, 0);

	boot("cells1", "cma=4M@0x88000000");
	/* Fixed base: whole pageblocks, 2 MiB with LPAE, 8 MiB in classic builds (4M@ is then too small). */
	if (LPAE)
		expect_logf("cma: Reserved 4 MiB at %s\n", pa(0x88000000));
	else
		EXPECT_LOG("cma: Failed to reserve 8 MiB\n");

	/* A fixed area must be RAM (Linux would declare it anyway). */
	boot("cells1", "cma=8M@0x9000000");
	expect_logf("cma: Region at %s is not memory\n", pa(0x9000000));
	EXPECT_LOG("cma: Failed to reserve 8 MiB\n");
	assert_int_equal(cma_area_count, 0);
	assert_int_equal(khost_dma_fixup_count, 0);

	boot("cells1", "cma=lots");
	EXPECT_LOG("Malformed early option 'cma'\n");
	EXPECT_LOG("cma: Reserved 16 MiB at ");
}

static void test_mem_banks(void **state)
{
	(void)state;
	boot("cells1", "mem=64M@0x80000000 mem=32M@0x88000000");
	EXPECT_MEMORY({ 0x80000000, 0x04000000, 0 }, { 0x88000000, 0x02000000, 0 });

	boot("cells1", "mem=128M");
	EXPECT_MEMORY({ 0x80000000, 0x08000000, 0 });

	/* Not a size: refused, the device tree's RAM kept. */
	boot("cells1", "mem=junk");
	EXPECT_LOG("Malformed early option 'mem'\n");
	EXPECT_MEMORY({ 0x80000000, 0x10000000, 0 });

	/* Beyond the device tree's RAM: clipped, with a warning. */
	boot("cells1", "mem=512M");
	EXPECT_LOG("mem=: ignoring 0x90000000-0xa0000000, not RAM in the device tree\n");
	EXPECT_MEMORY({ 0x80000000, 0x10000000, 0 });

	/*
	 * Reaching past 4 GiB: the part to remove is 4 GiB or more, which a
	 * 32-bit phys_addr_t cannot hold as a size; it is still all removed.
	 */
	boot("cells1", "mem=5G");
	EXPECT_LOG("mem=: ignoring 0x90000000-0x1c0000000, not RAM in the device tree\n");
	EXPECT_MEMORY({ 0x80000000, 0x10000000, 0 });

	/* Nowhere near RAM: ignored, the device tree's RAM kept. */
	boot("cells1", "mem=0x100000@0x10000000");
	EXPECT_LOG("no RAM of the device tree in 0x10000000-0x10100000, ignored\n");
	EXPECT_MEMORY({ 0x80000000, 0x10000000, 0 });
}

static void test_vmalloc_option(void **state)
{
	(void)state;
	boot("high", "vmalloc=8M");
	EXPECT_LOG("vmalloc area is too small, limiting to 16MiB\n");
	assert_int_equal(vmalloc_size, 16u << 20);
	/* 0xff800000 - 16M - 8M - PAGE_OFFSET + PHYS_OFFSET */
	assert_int_equal(arm_lowmem_limit, 0xbe000000);

	boot("high", "vmalloc=2G");
	EXPECT_LOG("vmalloc area is too big, limiting to 976MiB\n");
	assert_int_equal(arm_lowmem_limit, 0x82000000);

	boot("high", "vmalloc=512M");
	assert_int_equal(arm_lowmem_limit, 0x9f000000);
}

static void test_initrd(void **state)
{
	(void)state;
	boot("cells1", "initrd=0x84000100,0x2000");
	assert_int_equal(phys_initrd_start, 0x84000100);
	assert_int_equal(phys_initrd_size, 0x2000);

	boot("cells1", "initrd=0x84000100");
	EXPECT_LOG("Malformed early option 'initrd'\n");
	assert_int_equal(phys_initrd_size, 0);
}

static int group_teardown(void **state)
{
	(void)state;
	khost_reset();
	return 0;
}

/* lib/cmdline.c: Linux's memparse, and the checked form the options use. */
static void test_memparse(void **state)
{
	unsigned long long v;
	char *end;

	(void)state;
	assert_int_equal(memparse("512M", &end), 512ull << 20);
	assert_int_equal(*end, 0);
	assert_int_equal(memparse("0x10000000@0x80000000", &end), 0x10000000);
	assert_int_equal(*end, '@');
	assert_int_equal(memparse("4g", NULL), 4ull << 30);
	assert_int_equal(memparse("1E", NULL), 1ull << 60);
	assert_int_equal(memparse("010", NULL), 8);		/* octal, as simple_strtoull */
	assert_int_equal(memparse("0x", &end), 0);		/* "0" then "x" */
	assert_int_equal(*end, 'x');
	assert_int_equal(memparse_checked("junk", &end, &v), -22);
	assert_int_equal(v, 0);
	assert_string_equal(end, "junk");
	assert_int_equal(memparse_checked("99999999999999999999", NULL, &v), -34);
	assert_int_equal(memparse_checked("16E", NULL, &v), -34);	/* 2^64: too big */
	assert_int_equal(v, ~0ull);
	assert_int_equal(memparse_checked("15E", NULL, &v), 0);
	assert_int_equal(v, 15ull << 60);
	assert_int_equal(memparse_checked("-1", NULL, &v), -22);	/* no sign */
	assert_int_equal(memparse_checked(" 1", NULL, &v), -22);	/* no white space */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_cell_and_chosen),
		cmocka_unit_test(test_banks_holes_hotplug_initrd),
		cmocka_unit_test(test_clipping_high_and_low),
		cmocka_unit_test(test_usable_memory_wins),
		cmocka_unit_test(test_bad_root_cells_no_hang),
		cmocka_unit_test(test_reserved_memory),
		cmocka_unit_test(test_default_cma_and_cmdline),
		cmocka_unit_test(test_mem_banks),
		cmocka_unit_test(test_vmalloc_option),
		cmocka_unit_test(test_initrd),
		cmocka_unit_test(test_memparse),
	};

	return cmocka_run_group_tests(tests, NULL, group_teardown);
}
