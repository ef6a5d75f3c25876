/*
 * Host unit tests for lib/fault-inject.c, lib/random32.c and
 * mm/fail_page_alloc.c (cmocka): should_fail's semantics as Linux 6.1's
 * lib/fault-inject.c has them, the boot option's parsing, fail_page_alloc's
 * defaults, and the seeded draws.
 *
 * Which calls fail is worked out in each test from the attributes by
 * arithmetic; the draws are checked against a second, separately written
 * LFSR113 (model_* below), from L'Ecuyer's published parameters.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include <linux/fault-inject.h>
#include <asm/setup.h>

#include "khost_env.h"

static int stacks_dumped;

void dump_stack(void)
{
	stacks_dumped++;
}

/* fail_page_alloc as the kernel starts with it, restored before each test. */
static struct fail_page_alloc_attr pristine;

static int reset(void **state)
{
	(void)state;
	fail_page_alloc = pristine;
	khost_log_clear();
	stacks_dumped = 0;
	return 0;
}

static struct fault_attr attr_with(unsigned long interval, unsigned long probability, int space, int times)
{
	struct fault_attr a = FAULT_ATTR_INITIALIZER("test");

	a.interval = interval;
	a.probability = probability;
	a.space = space;
	a.times = times;
	return a;
}

/* ---- the model of the draws: LFSR113, written from the paper's parameters ---- */

struct model {
	uint32_t z[4];
};

static void model_seed(struct model *m, uint64_t seed)
{
	/* The seed folded to a word; each component at least 2, 8, 16, 128 (its masked-off bits). */
	static const uint32_t least[4] = { 2, 8, 16, 128 };
	uint32_t w = (uint32_t)((seed >> 32) ^ (seed << 10) ^ seed);

	for (int i = 0; i < 4; i++)
		m->z[i] = w < least[i] ? w + least[i] : w;
}

static uint32_t model_next(struct model *m)
{
	/* (q, s, k - s) and the component widths k = 31, 29, 28, 25. */
	static const struct { unsigned q, s, k_s; uint32_t mask; } p[4] = {
		{ 6, 18, 13, 0xfffffffeu }, { 2, 2, 27, 0xfffffff8u },
		{ 13, 7, 21, 0xfffffff0u }, { 3, 13, 12, 0xffffff80u },
	};
	uint32_t out = 0;

	for (int i = 0; i < 4; i++) {
		uint32_t b = ((m->z[i] << p[i].q) ^ m->z[i]) >> p[i].k_s;

		m->z[i] = ((m->z[i] & p[i].mask) << p[i].s) ^ b;
		out ^= m->z[i];
	}
	return out;
}

/* ---- should_fail ---- */

/* FAULT_ATTR_INITIALIZER: probability 0, so nothing fails however often it is asked. */
static void test_default_never_fails(void **state)
{
	struct fault_attr a = FAULT_ATTR_INITIALIZER("test");

	(void)state;
	for (int i = 0; i < 1000; i++)
		assert_false(should_fail(&a, 1));
	assert_int_equal(a.times, 1);
	assert_int_equal(a.interval, 1);
	assert_int_equal(a.verbose, 2);
}

/* times 3, probability 100: the first three calls fail, no other. */
static void test_times_limits_failures(void **state)
{
	struct fault_attr a = attr_with(1, 100, 0, 3);

	(void)state;
	for (int i = 1; i <= 10; i++)
		assert_int_equal(should_fail_ex(&a, 1, FAULT_NOWARN), i <= 3);
	assert_int_equal(a.times, 0);
}

/* times -1: no limit, and it stays -1. */
static void test_times_unlimited(void **state)
{
	struct fault_attr a = attr_with(1, 100, 0, -1);

	(void)state;
	for (int i = 0; i < 1000; i++)
		assert_true(should_fail_ex(&a, 1, FAULT_NOWARN));
	assert_int_equal(a.times, -1);
}

/* interval 4: calls 4, 8, 12... fail; count counts every call that got that far. */
static void test_interval(void **state)
{
	struct fault_attr a = attr_with(4, 100, 0, -1);

	(void)state;
	for (int i = 1; i <= 12; i++)
		assert_int_equal(should_fail_ex(&a, 1, FAULT_NOWARN), i % 4 == 0);
	assert_int_equal(a.count, 12);
}

/* interval 0 is 1: each call. */
static void test_interval_zero(void **state)
{
	struct fault_attr a = attr_with(0, 100, 0, -1);

	(void)state;
	for (int i = 0; i < 5; i++)
		assert_true(should_fail_ex(&a, 1, FAULT_NOWARN));
	assert_int_equal(a.count, 0);
}

/*
 * space 10, calls of size 3: 10 > 3 leaves 7, 7 > 3 leaves 4, 4 > 3 leaves 1,
 * then 1 > 3 is false: the fourth call and every one after it fail, and the
 * space left stays 1.
 */
static void test_space(void **state)
{
	struct fault_attr a = attr_with(1, 100, 10, -1);

	(void)state;
	for (int i = 1; i <= 8; i++)
		assert_int_equal(should_fail_ex(&a, 3, FAULT_NOWARN), i >= 4);
	assert_int_equal(a.space, 1);
}

/*
 * space before interval: space 5 in calls of size 1 lets calls 1-4 through
 * (5 -> 4 -> 3 -> 2 -> 1); from call 5 the interval of 2 counts: count 1
 * (call 5) passes, count 2 (call 6) fails, and so on: calls 6, 8, 10 fail.
 */
static void test_space_then_interval(void **state)
{
	struct fault_attr a = attr_with(2, 100, 5, -1);

	(void)state;
	for (int i = 1; i <= 10; i++)
		assert_int_equal(should_fail_ex(&a, 1, FAULT_NOWARN), i >= 6 && i % 2 == 0);
	assert_int_equal(a.count, 6);
}

/* times 0 ends it, whatever the probability; a negative space never holds a call back. */
static void test_times_zero_and_negative_space(void **state)
{
	struct fault_attr a = attr_with(1, 100, -7, 0);

	(void)state;
	assert_false(should_fail_ex(&a, 1, FAULT_NOWARN));
	a.times = 1;
	assert_true(should_fail_ex(&a, 1, FAULT_NOWARN));
	assert_int_equal(a.space, -7);
}

/*
 * probability 30: call i fails when its draw, scaled to 0..99, is below 30.
 * The draws are the model's, seeded the same; with interval 2 only the
 * calls the interval lets through draw.
 */
static void test_probability_follows_the_draws(void **state)
{
	struct fault_attr a = attr_with(2, 30, 0, -1);
	struct model m;
	int failed = 0;

	(void)state;
	prandom_seed_state(&a.rnd, 0x123456789abcULL);
	model_seed(&m, 0x123456789abcULL);
	for (int i = 1; i <= 200000; i++) {
		bool expect = false;

		if (i % 2 == 0)
			expect = (uint32_t)(((uint64_t)model_next(&m) * 100) >> 32) < 30;
		bool got = should_fail_ex(&a, 1, FAULT_NOWARN);

		if (got != expect)
			fail_msg("call %d: should_fail %d, the model's draw says %d", i, got, expect);
		failed += got;
	}
	/* 100000 draws at 30%: within 1% (seven standard deviations) of 30000. */
	assert_in_range(failed, 29000, 31000);
}

/* Seeding: the same seed gives the same draws, another seed others; the state is seeded as worked out. */
static void test_seeding(void **state)
{
	struct rnd_state a, b, c;
	int same = 0;

	(void)state;
	prandom_seed_state(&a, 7);
	/* (7 >> 32) ^ (7 << 10) ^ 7 = 7168 ^ 7 = 7175, above every component's least value */
	assert_int_equal(a.s1, 7175);
	assert_int_equal(a.s2, 7175);
	assert_int_equal(a.s3, 7175);
	assert_int_equal(a.s4, 7175);
	/* seed 0 folds to 0: the components become their least values 2, 8, 16, 128 */
	prandom_seed_state(&c, 0);
	assert_int_equal(c.s1, 2);
	assert_int_equal(c.s2, 8);
	assert_int_equal(c.s3, 16);
	assert_int_equal(c.s4, 128);
	prandom_seed_state(&b, 7);
	prandom_seed_state(&c, 8);
	for (int i = 0; i < 100; i++) {
		u32 x = prandom_u32_state(&a);

		assert_int_equal(x, prandom_u32_state(&b));
		same += x == prandom_u32_state(&c);
	}
	assert_int_equal(same, 0);
}

/* The message, as Linux's fail_dump prints it (times before it is used up), and a backtrace at verbose 2. */
static void test_message(void **state)
{
	struct fault_attr a = attr_with(1, 100, 0, 3);

	(void)state;
	a.name = "fail_page_alloc";
	assert_true(should_fail(&a, 1));
	assert_true(khost_log_has("FAULT_INJECTION: forcing a failure.\n"
				  "name fail_page_alloc, interval 1, probability 100, space 0, times 3\n"));
	assert_int_equal(stacks_dumped, 1);
	khost_log_clear();
	assert_true(should_fail_ex(&a, 1, FAULT_NOWARN));
	assert_string_equal(khost_log, "");
	a.verbose = 1;
	assert_true(should_fail(&a, 1));
	assert_true(khost_log_has("times 1\n"));
	assert_int_equal(stacks_dumped, 1);
	a.verbose = 0;
	a.times = -1;
	khost_log_clear();
	assert_true(should_fail(&a, 1));
	assert_string_equal(khost_log, "");
}

/* ---- setup_fault_attr: "%lu,%lu,%d,%d" ---- */

static void test_parse(void **state)
{
	struct fault_attr a = FAULT_ATTR_INITIALIZER("test");

	(void)state;
	assert_int_equal(setup_fault_attr(&a, "2,50,4096,-1"), 1);
	assert_int_equal(a.interval, 2);
	assert_int_equal(a.probability, 50);
	assert_int_equal(a.space, 4096);
	assert_int_equal(a.times, -1);
	assert_int_equal(setup_fault_attr(&a, "1,100,-3,7"), 1);
	assert_int_equal(a.space, -3);
	assert_int_equal(a.times, 7);
	assert_string_equal(khost_log, "");
}

static void test_parse_refused(void **state)
{
	static const char *const bad[] = { "1,2,3", "", "a,b,c,d", "-1,2,3,4", "1,-2,3,4", "1;2;3;4", "1,2,3," };

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct fault_attr a = attr_with(9, 9, 9, 9);

		khost_log_clear();
		assert_int_equal(setup_fault_attr(&a, bad[i]), 0);
		assert_string_equal(khost_log, "FAULT_INJECTION: failed to parse arguments\n");
		assert_int_equal(a.interval, 9);
		assert_int_equal(a.probability, 9);
		assert_int_equal(a.space, 9);
		assert_int_equal(a.times, 9);
	}
}

/* ---- fail_page_alloc ---- */

/* Linux 6.1's defaults, and nothing fails until an option asks. */
static void test_fail_page_alloc_defaults(void **state)
{
	(void)state;
	assert_int_equal(fail_page_alloc.min_order, 1);
	assert_true(fail_page_alloc.ignore_gfp_highmem);
	assert_int_equal(fail_page_alloc.attr.probability, 0);
	assert_string_equal(fail_page_alloc.attr.name, "fail_page_alloc");
	for (unsigned int order = 0; order < 11; order++)
		assert_false(should_fail_alloc_page(GFP_KERNEL, order));
}

/* Orders below 1, highmem requests and __GFP_NOFAIL never fail; the rest do at probability 100. */
static void test_fail_page_alloc_spares(void **state)
{
	(void)state;
	fail_page_alloc.attr = attr_with(1, 100, 0, -1);
	fail_page_alloc.attr.name = "fail_page_alloc";
	assert_false(should_fail_alloc_page(GFP_KERNEL | __GFP_NOWARN, 0));
	assert_false(should_fail_alloc_page(GFP_HIGHUSER | __GFP_NOWARN, 3));
	assert_false(should_fail_alloc_page(GFP_KERNEL | __GFP_NOFAIL, 3));
	assert_string_equal(khost_log, "");
	assert_true(should_fail_alloc_page(GFP_KERNEL | __GFP_NOWARN, 1));
	assert_string_equal(khost_log, "");
	assert_true(should_fail_alloc_page(GFP_DMA, 10));
	assert_true(khost_log_has("name fail_page_alloc, interval 1, probability 100, space 0, times -1\n"));
	fail_page_alloc.ignore_gfp_highmem = false;
	assert_true(should_fail_alloc_page(GFP_HIGHUSER | __GFP_NOWARN, 3));
	fail_page_alloc.min_order = 0;
	assert_true(should_fail_alloc_page(GFP_KERNEL | __GFP_NOWARN, 0));
}

/* The size is the request's pages: space 8 lets one order-2 request through (8 > 4), not the second (4 > 4). */
static void test_fail_page_alloc_space_in_pages(void **state)
{
	(void)state;
	fail_page_alloc.attr = attr_with(1, 100, 8, -1);
	assert_false(should_fail_alloc_page(GFP_KERNEL | __GFP_NOWARN, 2));
	assert_true(should_fail_alloc_page(GFP_KERNEL | __GFP_NOWARN, 2));
	assert_int_equal(fail_page_alloc.attr.space, 4);
}

static const struct obs_kernel_param *option(const char *name)
{
	extern const struct obs_kernel_param __setup_start[], __setup_end[];

	for (const struct obs_kernel_param *p = __setup_start; p < __setup_end; p++)
		if (!strcmp(p->str, name))
			return p;
	fail_msg("no early option %s", name);
	return NULL;
}

/* The options: fail_page_alloc= sets the attributes, fail_page_alloc.seed= the draws. */
static void test_fail_page_alloc_options(void **state)
{
	char value[32];
	struct model m;

	(void)state;
	strcpy(value, "3,100,0,2");
	assert_int_equal(option("fail_page_alloc")->setup_func(value), 0);
	assert_int_equal(fail_page_alloc.attr.interval, 3);
	assert_int_equal(fail_page_alloc.attr.times, 2);
	/* interval 3, times 2: requests 3 and 6 fail, then none */
	for (int i = 1; i <= 12; i++)
		assert_int_equal(should_fail_alloc_page(GFP_KERNEL | __GFP_NOWARN, 1), i == 3 || i == 6);

	strcpy(value, "0x2a");
	assert_int_equal(option("fail_page_alloc.seed")->setup_func(value), 0);
	model_seed(&m, 42);
	for (int i = 0; i < 10; i++)
		assert_int_equal(prandom_u32_state(&fail_page_alloc.attr.rnd), model_next(&m));
	strcpy(value, "42x");
	assert_int_not_equal(option("fail_page_alloc.seed")->setup_func(value), 0);
	strcpy(value, "1,2");
	assert_int_equal(option("fail_page_alloc")->setup_func(value), 0);
	assert_true(khost_log_has("FAULT_INJECTION: failed to parse arguments\n"));
	assert_int_equal(fail_page_alloc.attr.interval, 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_default_never_fails, reset),
		cmocka_unit_test_setup(test_times_limits_failures, reset),
		cmocka_unit_test_setup(test_times_unlimited, reset),
		cmocka_unit_test_setup(test_interval, reset),
		cmocka_unit_test_setup(test_interval_zero, reset),
		cmocka_unit_test_setup(test_space, reset),
		cmocka_unit_test_setup(test_space_then_interval, reset),
		cmocka_unit_test_setup(test_times_zero_and_negative_space, reset),
		cmocka_unit_test_setup(test_probability_follows_the_draws, reset),
		cmocka_unit_test_setup(test_seeding, reset),
		cmocka_unit_test_setup(test_message, reset),
		cmocka_unit_test_setup(test_parse, reset),
		cmocka_unit_test_setup(test_parse_refused, reset),
		cmocka_unit_test_setup(test_fail_page_alloc_defaults, reset),
		cmocka_unit_test_setup(test_fail_page_alloc_spares, reset),
		cmocka_unit_test_setup(test_fail_page_alloc_space_in_pages, reset),
		cmocka_unit_test_setup(test_fail_page_alloc_options, reset),
	};

	pristine = fail_page_alloc;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
