/*
 * Host unit tests (cmocka) for mm/layout.c: the "Virtual kernel memory
 * layout:" lines, character for character in Linux 4.14's format.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "khost_env.h"

#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/layout.h>

static void test_vmalloc_start(void **state)
{
	(void)state;
	assert_int_equal(vmalloc_start(0xf0000000ul), 0xf0800000ul);
	assert_int_equal(vmalloc_start(0xe0123000ul), 0xe0800000ul);	/* rounded down after adding 8 MiB */
}

/* Classic, 3G split, 1 GiB of RAM, HIGHMEM: lowmem ends 248 MiB below VMALLOC_END. */
static void test_printout_3g_highmem(void **state)
{
	const struct vm_layout l = {
		.vector_start = 0xffff0000, .vector_end = 0xffff1000,
		.fixmap_start = 0xffc80000, .fixmap_end = 0xfff00000,
		.vmalloc_start = 0xf0800000, .vmalloc_end = 0xff800000,
		.lowmem_start = 0xc0000000, .lowmem_end = 0xf0000000,
		.pkmap_start = 0xbfe00000, .pkmap_end = 0xc0000000,
		.modules_start = 0xbf000000, .modules_end = 0xbfe00000,
		.text_start = 0xc0010000, .text_end = 0xc0018a04,
		.init_start = 0xc001b000, .init_end = 0xc001c000,
		.data_start = 0xc001c000, .data_end = 0xc001e123,
		.bss_start = 0xc001e128, .bss_end = 0xc0024428,
	};

	(void)state;
	khost_log_clear();
	vm_layout_print(&l);
	assert_string_equal(khost_log,
		"Virtual kernel memory layout:\n"
		"    vector  : 0xffff0000 - 0xffff1000   (   4 kB)\n"
		"    fixmap  : 0xffc80000 - 0xfff00000   (2560 kB)\n"
		"    vmalloc : 0xf0800000 - 0xff800000   ( 240 MB)\n"
		"    lowmem  : 0xc0000000 - 0xf0000000   ( 768 MB)\n"
		"    pkmap   : 0xbfe00000 - 0xc0000000   (   2 MB)\n"
		"    modules : 0xbf000000 - 0xbfe00000   (  14 MB)\n"
		"      .text : 0xc0010000 - 0xc0018a04   (  35 kB)\n"
		"      .init : 0xc001b000 - 0xc001c000   (   4 kB)\n"
		"      .data : 0xc001c000 - 0xc001e123   (   9 kB)\n"
		"       .bss : 0xc001e128 - 0xc0024428   (  25 kB)\n");
}

/* Without HIGHMEM there is no pkmap line. */
static void test_printout_without_pkmap(void **state)
{
	const struct vm_layout l = {
		.vector_start = 0xffff0000, .vector_end = 0xffff1000,
		.fixmap_start = 0xffc80000, .fixmap_end = 0xfff00000,
		.vmalloc_start = 0x90800000, .vmalloc_end = 0xff800000,
		.lowmem_start = 0x40000000, .lowmem_end = 0x90000000,
		.modules_start = 0x3f000000, .modules_end = 0x40000000,
	};

	(void)state;
	khost_log_clear();
	vm_layout_print(&l);
	assert_null(strstr(khost_log, "pkmap"));
	assert_non_null(strstr(khost_log, "    lowmem  : 0x40000000 - 0x90000000   (1280 MB)\n"));
	assert_non_null(strstr(khost_log, "    vmalloc : 0x90800000 - 0xff800000   (1776 MB)\n"));
	assert_non_null(strstr(khost_log, "    modules : 0x3f000000 - 0x40000000   (  16 MB)\n"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vmalloc_start),
		cmocka_unit_test(test_printout_3g_highmem),
		cmocka_unit_test(test_printout_without_pkmap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
