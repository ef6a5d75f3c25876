/*
 * Host tests of mm/pcp_sizes.c: the per-CPU lists' batch and high, and the
 * counters' threshold, for zones of given sizes and watermarks. Every
 * expected figure is worked out here from Linux 6.1's rules or read from
 * Debian's boot logs (the "LIFO batch" lines of test/data/linux), never
 * from the code under test.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <linux/mmzone.h>
#include "../../mm/pcp.h"

static struct zone zone_of(unsigned long managed, unsigned long low_wmark)
{
	struct zone zone = { .managed_pages = managed };

	zone.watermark[WMARK_LOW] = low_wmark;
	return zone;
}

static int batch_of(unsigned long managed)
{
	struct zone zone = zone_of(managed, 0);

	return zone_batchsize(&zone);
}

/*
 * Debian's lines. 1 GiB classic: "Normal zone: 196608 pages, LIFO
 * batch:63", printed for 196608 - 1728 (memmap, 36-byte struct page)
 * pages: 194880 >> 10 = 190, / 4 = 47, + 23 = 70, down to 64, - 1.
 * "HighMem zone: 65535 pages, LIFO batch:15": 63, 15, 22, 16 - 1.
 * "HighMem zone: 1376256 pages, LIFO batch:63": 1344 capped at 1 MiB
 * (256 pages), 64, 96, 64 - 1 (4.14's 512 KiB cap gives 31).
 */
static void test_batch_from_debian_lines(void **state)
{
	(void)state;
	assert_int_equal(batch_of(196608 - 1728), 63);
	assert_int_equal(batch_of(65535), 15);
	assert_int_equal(batch_of(1376256), 63);
}

/*
 * The edges: fewer than 4096 pages give a quarter of 0 or 1 pages, made 1,
 * then 1 + 0 = 1, 1 - 1 = 0 (the host page_alloc test's "LIFO batch:0").
 * 8192: 8 / 4 = 2, 3, 2 - 1 = 1. 12288: 3, 4, 4 - 1 = 3. 20480: 5, 7,
 * 4 - 1 = 3. 24576: 6, 9, 8 - 1 = 7. The cap: from 1 GiB of managed
 * memory on (262144 >> 10 = 256) every zone gets 63.
 */
static void test_batch_edges(void **state)
{
	(void)state;
	assert_int_equal(batch_of(0), 0);
	assert_int_equal(batch_of(4095), 0);
	assert_int_equal(batch_of(8192), 1);
	assert_int_equal(batch_of(12288), 3);
	assert_int_equal(batch_of(20480), 3);
	assert_int_equal(batch_of(24576), 7);
	assert_int_equal(batch_of(262143), 63);	/* 255 / 4 = 63, 94, 64 - 1 */
	assert_int_equal(batch_of(131072), 31);	/* 128 / 4 = 32, 48, 32 - 1 */
	assert_int_equal(batch_of(262144), 63);
	assert_int_equal(batch_of(4UL << 20), 63);
}

/*
 * high: the low watermark over the CPUs (one online, plus one while a CPU
 * comes online), at least four batches.
 */
static void test_high(void **state)
{
	struct zone big = zone_of(194880, 1001), small = zone_of(194880, 200);

	(void)state;
	assert_int_equal(zone_highsize(&big, 63, 0), 1001);
	assert_int_equal(zone_highsize(&big, 63, 1), 500);	/* 1001 / 2 */
	assert_int_equal(zone_highsize(&small, 63, 0), 252);	/* 63 * 4 > 200 */
	assert_int_equal(zone_highsize(&small, 1, 0), 200);
	assert_int_equal(zone_highsize(&small, 63, 1), 252);
}

/*
 * The 1 GiB classic boot's Normal zone worked out as Linux does: 194880
 * managed pages (less what the kernel keeps; take 190000), min_free_kbytes
 * = sqrt(16 x 760000 KiB) = 3487 KiB, so min = 871 pages, low = min +
 * max(871 / 4, 190000 / 1000) = 871 + 217 = 1088: high 1088, batch 63.
 */
static void test_one_gib_normal_zone(void **state)
{
	struct zone zone = zone_of(190000, 871 + 217);
	int batch;

	(void)state;
	batch = zone_batchsize(&zone);
	assert_int_equal(batch, 63);
	assert_int_equal(zone_highsize(&zone, batch, 0), 1088);
}

/*
 * Linux's calculate_normal_threshold with one CPU: 2 x fls(1) x (1 +
 * fls(managed / 32768 pages)). Its own table: 0.9-1 GB with one CPU gives
 * 8. Below 128 MiB: 2 x 1 x 1 = 2. 1 GiB: 32768 x 8, fls(8) = 4, 10.
 * 4 GiB: fls(32) = 6, 14.
 */
static void test_stat_threshold(void **state)
{
	struct zone z;

	(void)state;
	z = zone_of(230000, 0);		/* 898 MiB: mem 7, fls 3 */
	assert_int_equal(calculate_normal_threshold(&z), 8);
	z = zone_of(32767, 0);
	assert_int_equal(calculate_normal_threshold(&z), 2);
	z = zone_of(32768, 0);
	assert_int_equal(calculate_normal_threshold(&z), 4);
	z = zone_of(262144, 0);
	assert_int_equal(calculate_normal_threshold(&z), 10);
	z = zone_of(1UL << 20, 0);
	assert_int_equal(calculate_normal_threshold(&z), 14);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_batch_from_debian_lines),
		cmocka_unit_test(test_batch_edges),
		cmocka_unit_test(test_high),
		cmocka_unit_test(test_one_gib_normal_zone),
		cmocka_unit_test(test_stat_threshold),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
