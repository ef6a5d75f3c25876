/*
 * Host tests of mm/percpu-info.c (Linux's pcpu_build_alloc_info): the
 * first chunk's dynamic size, unit size and units per allocation. Every
 * expected figure is worked out here by hand from Linux 6.1's rules, or
 * read from Debian's "percpu: Embedded" lines (test/data/linux), never
 * from the code under test.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <linux/errno.h>
#include <linux/percpu.h>
#include "../../mm/percpu-internal.h"

#define KIB	1024u

static struct pcpu_alloc_info info(size_t static_size, size_t atom, unsigned int cpus)
{
	struct pcpu_alloc_info ai;

	assert_int_equal(pcpu_build_alloc_info(static_size, 8 * KIB, 20 * KIB, atom, cpus, &ai), 0);
	return ai;
}

/*
 * Debian 6.1 armmp, 2 CPUs: "Embedded 18 pages/cpu s45012 r8192 d20524
 * u73728": 45012 + 8192 + 20480 = 73684, up to 18 pages = 73728, so the
 * dynamic part is 73728 - 45012 - 8192 = 20524; above 32 KiB, one unit per
 * page-sized atom. armmp-lpae: "19 pages/cpu s45204 r8192 d24428 u77824".
 */
static void test_debian_lines(void **state)
{
	struct pcpu_alloc_info ai = info(45012, 4 * KIB, 2);

	(void)state;
	assert_int_equal(ai.static_size, 45012);
	assert_int_equal(ai.reserved_size, 8192);
	assert_int_equal(ai.dyn_size, 20524);
	assert_int_equal(ai.unit_size, 73728);
	assert_int_equal(pcpu_size_sum(&ai) / 4096, 18);
	assert_int_equal(ai.units_per_alloc, 1);
	assert_int_equal(ai.nr_units, 2);

	ai = info(45204, 4 * KIB, 2);
	assert_int_equal(ai.dyn_size, 24428);
	assert_int_equal(ai.unit_size, 77824);
	assert_int_equal(pcpu_size_sum(&ai) / 4096, 19);
}

/*
 * A small template: 132 + 8192 + 20480 = 28804, up to 8 pages = 32768,
 * dynamic 32768 - 132 - 8192 = 24444; the unit is PCPU_MIN_UNIT_SIZE.
 * A template that fills its pages exactly: 4096 + 8192 + 20480 = 32768.
 * One byte more: 9 pages, the dynamic part 36864 - 4097 - 8192 = 24575.
 * No template: 8192 + 20480 = 28672 is 7 whole pages, the unit still 32 KiB.
 */
static void test_small_templates(void **state)
{
	struct pcpu_alloc_info ai = info(132, 4 * KIB, 2);

	(void)state;
	assert_int_equal(ai.dyn_size, 24444);
	assert_int_equal(ai.unit_size, 32768);
	ai = info(4096, 4 * KIB, 1);
	assert_int_equal(ai.dyn_size, 20480);
	assert_int_equal(ai.unit_size, 32768);
	ai = info(4097, 4 * KIB, 8);
	assert_int_equal(ai.dyn_size, 24575);
	assert_int_equal(ai.unit_size, 36864);
	assert_int_equal(ai.nr_units, 8);
	ai = info(0, 4 * KIB, 1);
	assert_int_equal(ai.dyn_size, 20480);
	assert_int_equal(pcpu_size_sum(&ai), 28672);
	assert_int_equal(ai.unit_size, 32768);
}

/*
 * A dynamic request above PERCPU_DYNAMIC_EARLY_SIZE is kept and rounded:
 * 100 + 8192 + 40000 = 48292, 12 pages = 49152, dynamic 40860.
 */
static void test_bigger_dynamic_request(void **state)
{
	struct pcpu_alloc_info ai;

	(void)state;
	assert_int_equal(pcpu_build_alloc_info(100, 8 * KIB, 40000, 4 * KIB, 2, &ai), 0);
	assert_int_equal(ai.dyn_size, 40860);
	assert_int_equal(ai.unit_size, 49152);
}

/*
 * Large atoms (as x86's 2 MiB): units share an allocation. 1 MiB atom,
 * 32 KiB minimum unit: at most 32 per allocation. 2 CPUs: 32 down to 3
 * waste more than 2/3 = 0 units; 2 wastes none in 1 allocation; 1 needs 2
 * allocations, more: stop. Unit 512 KiB. 3 CPUs: 4 wastes 1 <= 3/3, in
 * one allocation; 3 does not divide 1 MiB; 2 needs 2 allocations: stop.
 * Unit 256 KiB, 4 units (one unused). 5 CPUs: 8 and 4 per allocation
 * waste 3 > 5/3 = 1; 2 wastes 1 in 3 allocations; 1 needs 5: stop. Unit
 * 512 KiB, 6 units (without the 1/3 rule, 8 would do in one allocation).
 */
static void test_units_per_allocation(void **state)
{
	struct pcpu_alloc_info ai = info(132, 1024 * KIB, 2);

	(void)state;
	assert_int_equal(ai.alloc_size, 1024 * KIB);
	assert_int_equal(ai.units_per_alloc, 2);
	assert_int_equal(ai.unit_size, 512 * KIB);
	assert_int_equal(ai.nr_units, 2);
	ai = info(132, 1024 * KIB, 3);
	assert_int_equal(ai.units_per_alloc, 4);
	assert_int_equal(ai.unit_size, 256 * KIB);
	assert_int_equal(ai.nr_units, 4);
	ai = info(132, 1024 * KIB, 5);
	assert_int_equal(ai.units_per_alloc, 2);
	assert_int_equal(ai.unit_size, 512 * KIB);
	assert_int_equal(ai.nr_units, 6);
}

static void test_refused(void **state)
{
	struct pcpu_alloc_info ai;

	(void)state;
	assert_int_equal(pcpu_build_alloc_info(132, 8 * KIB, 20 * KIB, 4 * KIB, 0, &ai), -EINVAL);
	assert_int_equal(pcpu_build_alloc_info(132, 8 * KIB, 20 * KIB, 1000, 2, &ai), -EINVAL);
	assert_int_equal(pcpu_build_alloc_info((size_t)-4096, 8 * KIB, 20 * KIB, 4 * KIB, 2, &ai), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_debian_lines),
		cmocka_unit_test(test_small_templates),
		cmocka_unit_test(test_bigger_dynamic_request),
		cmocka_unit_test(test_units_per_allocation),
		cmocka_unit_test(test_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
