/*
 * Host tests of mm/slab_sizes.c: Linux 6.1's slab order (calculate_order),
 * object alignment (calculate_alignment) and kmalloc size classes, against
 * figures worked out here by hand from Linux's rules (each case says how),
 * never from the code under test.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "../../mm/slab.h"

/* Debian's defaults: slub_min_order 0, slub_max_order 3, slub_min_objects 0. */
static int order_for(unsigned int size, unsigned int cpus)
{
	return calculate_order(size, 0, 3, 0, cpus);
}

/*
 * Two CPUs (vexpress's CoreTile): min_objects = 4 * (fls(2) + 1) = 12.
 * 64: 12 * 64 = 768 fits a page, no waste: order 0 (kmalloc-64: 64 per slab).
 * 192: 2304 fits a page, 4096 % 192 = 64 <= 4096 / 16: order 0, 21 objects.
 * 256: 3072, order 0. 512: 6144 needs order 1. 1024: 12288 needs order 2.
 * 2048: 3 is the most (16 per slab), 12 * 2048 = 24576: order 3.
 * 4096 and 8192: at most 8 and 4 per order-3 slab, all of it: order 3.
 * These are the objperslab/pagesperslab pairs of a 2-CPU 6.1 /proc/slabinfo:
 * 64/1, 21/1, 16/1, 16/2, 16/4, 16/8, 8/8, 4/8.
 */
static void test_kmalloc_classes_two_cpus(void **state)
{
	(void)state;
	assert_int_equal(order_for(64, 2), 0);
	assert_int_equal(order_for(128, 2), 0);
	assert_int_equal(order_for(192, 2), 0);
	assert_int_equal(order_for(256, 2), 0);
	assert_int_equal(order_for(512, 2), 1);
	assert_int_equal(order_for(1024, 2), 2);
	assert_int_equal(order_for(2048, 2), 3);
	assert_int_equal(order_for(4096, 2), 3);
	assert_int_equal(order_for(8192, 2), 3);
}

/*
 * Waste decides. 208: 12 * 208 = 2496, 4096 % 208 = 144 <= 256: order 0.
 * 700: 8400 needs order 2, 16384 % 700 = 284 <= 1024: order 2.
 * 3000: 10 fit order 3, so min_objects 10 -> 30000 -> order 3, leftover
 * 2768 > 32768 / 16 but <= 32768 / 8: order 3.
 * 20000: one fits order 3 (12768 left, any waste allowed then): order 3.
 * 40000: none fits order 3: the page allocator's limit decides, order 4.
 */
static void test_waste_and_large_objects(void **state)
{
	(void)state;
	assert_int_equal(order_for(208, 2), 0);
	assert_int_equal(order_for(700, 2), 2);
	assert_int_equal(order_for(3000, 2), 3);
	assert_int_equal(order_for(20000, 2), 3);
	assert_int_equal(order_for(40000, 2), 4);
}

/*
 * The CPU count: 1 CPU, 4 * (1 + 1) = 8 objects: 1024 -> 8192, order 1.
 * 4 CPUs: 4 * (3 + 1) = 16: 1024 -> 16384, order 2; 512 -> 8192, order 1;
 * 8 CPUs: 4 * (4 + 1) = 20: 256 -> 5120, order 1.
 */
static void test_cpu_count(void **state)
{
	(void)state;
	assert_int_equal(order_for(1024, 1), 1);
	assert_int_equal(order_for(1024, 4), 2);
	assert_int_equal(order_for(512, 4), 1);
	assert_int_equal(order_for(256, 8), 1);
	assert_int_equal(order_for(256, 2), 0);
}

/*
 * The boot options: slub_min_objects=4 makes 1024 fit a page (order 0);
 * slub_min_order=1 raises 64 to order 1; slub_max_order=1 caps 2048 at
 * order 1 (8 per slab, within 1/16 waste).
 */
static void test_options(void **state)
{
	(void)state;
	assert_int_equal(calculate_order(1024, 0, 3, 4, 2), 0);
	assert_int_equal(calculate_order(64, 1, 3, 0, 2), 1);
	assert_int_equal(calculate_order(2048, 0, 1, 0, 2), 1);
}

/*
 * calculate_alignment: with SLAB_HWCACHE_ALIGN the 64-byte line halves
 * while the object fits half: 40 -> 64, 20 -> 32, 8 -> 8; 4 -> 4, raised
 * to ARCH_SLAB_MINALIGN 8. Without it: the asked alignment, at least 8.
 */
static void test_alignment(void **state)
{
	(void)state;
	assert_int_equal(calculate_alignment(SLAB_HWCACHE_ALIGN, 0, 40), 64);
	assert_int_equal(calculate_alignment(SLAB_HWCACHE_ALIGN, 0, 20), 32);
	assert_int_equal(calculate_alignment(SLAB_HWCACHE_ALIGN, 0, 8), 8);
	assert_int_equal(calculate_alignment(SLAB_HWCACHE_ALIGN, 0, 4), 8);
	assert_int_equal(calculate_alignment(SLAB_HWCACHE_ALIGN, 0, 1000), 64);
	assert_int_equal(calculate_alignment(SLAB_HWCACHE_ALIGN, 128, 20), 128);
	assert_int_equal(calculate_alignment(0, 0, 100), 8);
	assert_int_equal(calculate_alignment(0, 4, 13), 8);
	assert_int_equal(calculate_alignment(0, 128, 100), 128);
}

/*
 * kmalloc classes with ARM's 64-byte minimum: 1..64 -> index 6 (kmalloc-64),
 * 65..128 -> 7 (no kmalloc-96), 129..192 -> 2 (kmalloc-192), 193..256 -> 8,
 * then the next power of two up to 8192 (index 13).
 */
static void test_size_classes(void **state)
{
	(void)state;
	/* Linux's table before the set-up: 8 bytes is kmalloc-8 (index 3), 96 is index 1. */
	assert_int_equal(size_index[0], 3);
	assert_int_equal(size_index[(96 - 1) / 8], 1);
	setup_kmalloc_cache_index_table();
	for (unsigned int n = 1; n <= 8192; n++) {
		unsigned int expect;

		if (n <= 64)
			expect = 6;
		else if (n <= 128)
			expect = 7;
		else if (n <= 192)
			expect = 2;
		else
			for (expect = 8; (1u << expect) < n; expect++)
				;
		if (kmalloc_size_index(n) != expect)
			fail_msg("size %u: index %u, expected %u", n, kmalloc_size_index(n), expect);
	}
	assert_string_equal(kmalloc_info[2].name[KMALLOC_NORMAL], "kmalloc-192");
	assert_int_equal(kmalloc_info[2].size, 192);
	assert_string_equal(kmalloc_info[13].name[KMALLOC_RECLAIM], "kmalloc-rcl-8k");
	assert_int_equal(kmalloc_info[13].size, 8192);
	assert_int_equal(kmalloc_info[6].size, 64);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kmalloc_classes_two_cpus),
		cmocka_unit_test(test_waste_and_large_objects),
		cmocka_unit_test(test_cpu_count),
		cmocka_unit_test(test_options),
		cmocka_unit_test(test_alignment),
		cmocka_unit_test(test_size_classes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
