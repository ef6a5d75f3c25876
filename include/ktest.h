/*
 * ktest: a small in-kernel test framework in the spirit of KUnit. Suites
 * of cases run after boot when the command line says `ktest` (all
 * suites) or `ktest=a,b` (those suites), and report in KTAP version 1,
 * which tools/boottest.py parses on the host.
 *
 *   static void my_case(struct ktest *t) { KTEST_EXPECT_EQ(t, 1 + 1, 2); }
 *   static const struct ktest_case my_cases[] = { KTEST_CASE(my_case), {} };
 *   KTEST_SUITE(my_suite, my_cases);
 */
#ifndef _KTEST_H
#define _KTEST_H

#include <linux/compiler.h>
#include <linux/types.h>

struct ktest {
	const char *case_name;
	bool failed;
	bool skipped;
	const char *skip_reason;
};

struct ktest_case {
	const char *name;
	void (*run)(struct ktest *t);
};

struct ktest_suite {
	const char *name;
	const struct ktest_case *cases;	/* ends with an empty entry */
	/* Optional: run at the end of bootmem_init, while memblock is alive and may grow; the cases report later. */
	void (*at_bootmem)(void);
};

#define KTEST_CASE(fn)	{ #fn, fn }

#define KTEST_SUITE(sname, scases)					\
	static const struct ktest_suite __ktest_suite_##sname		\
		__used __section(".ktest.suites") __aligned(4) = {	\
			.name = #sname, .cases = scases }

/* A suite that also does work during boot, at the end of bootmem_init (see struct ktest_suite). */
#define KTEST_SUITE_AT_BOOTMEM(sname, scases, hook)			\
	static const struct ktest_suite __ktest_suite_##sname		\
		__used __section(".ktest.suites") __aligned(4) = {	\
			.name = #sname, .cases = scases, .at_bootmem = hook }

void ktest_fail(struct ktest *t, const char *file, int line, const char *fmt, ...)
	__printf(4, 5);
void ktest_skip(struct ktest *t, const char *reason);

/* The lowest base of the device tree's memory nodes (test/kernel/ktest_board.c). */
u64 ktest_dt_ram_base(void);
/* Whether the tree's root is "arm,vexpress": the cases that use its motherboard's registers. */
bool ktest_board_is_vexpress(void);
/* The reason those cases skip with elsewhere (the "non-vexpress" fact of ktest-cases.txt). */
#define KTEST_NOT_VEXPRESS	"not a Versatile Express board"
/*
 * A physical range of @size for the ioremap cases (mapped, never touched):
 * @preferred where that is not RAM on this board, else an aligned window
 * below 0xf0000000 that is not, at @preferred's offset in it.
 */
phys_addr_t ktest_device_phys(phys_addr_t preferred, phys_addr_t size);

#ifdef CONFIG_KTEST
/* Runs the at_bootmem hooks of the suites the command line asked for (from bootmem_init). */
void ktest_run_bootmem_hooks(void);
#else
static inline void ktest_run_bootmem_hooks(void)
{
}
#endif

/*
 * Runs the suites the command line asked for; returns the number of failed
 * cases. Without CONFIG_KTEST (kernel/ktest-absent.c) a `ktest` on the
 * command line gets a message that there are no suites and counts as one
 * failure, so that a boot asking for tests never passes without them.
 */
int ktest_run_requested(void);

/* A failure no single condition describes: the message says what went wrong. */
#define KTEST_FAIL(t, fmt, ...)	ktest_fail(t, __FILE__, __LINE__, fmt, ##__VA_ARGS__)

#define KTEST_EXPECT_TRUE(t, cond)						\
	do {									\
		if (!(cond))							\
			ktest_fail(t, __FILE__, __LINE__,			\
				   "Expected %s to be true, but is false", #cond); \
	} while (0)

#define KTEST_EXPECT_FALSE(t, cond)						\
	do {									\
		if (cond)							\
			ktest_fail(t, __FILE__, __LINE__,			\
				   "Expected %s to be false, but is true", #cond); \
	} while (0)

/* Compares as unsigned 64-bit values and prints both in hex. */
#define KTEST_EXPECT_OP(t, a, op, b)						\
	do {									\
		unsigned long long __a = (unsigned long long)(a);		\
		unsigned long long __b = (unsigned long long)(b);		\
		if (!(__a op __b))						\
			ktest_fail(t, __FILE__, __LINE__,			\
				   "Expected %s %s %s, but\n        %s == 0x%llx\n        %s == 0x%llx", \
				   #a, #op, #b, #a, __a, #b, __b);		\
	} while (0)

#define KTEST_EXPECT_EQ(t, a, b)	KTEST_EXPECT_OP(t, a, ==, b)
#define KTEST_EXPECT_NE(t, a, b)	KTEST_EXPECT_OP(t, a, !=, b)
#define KTEST_EXPECT_LT(t, a, b)	KTEST_EXPECT_OP(t, a, <, b)
#define KTEST_EXPECT_LE(t, a, b)	KTEST_EXPECT_OP(t, a, <=, b)
#define KTEST_EXPECT_GE(t, a, b)	KTEST_EXPECT_OP(t, a, >=, b)
#define KTEST_EXPECT_GT(t, a, b)	KTEST_EXPECT_OP(t, a, >, b)

#define KTEST_EXPECT_STREQ(t, a, b)						\
	do {									\
		const char *__a = (a), *__b = (b);				\
		if (!__a || !__b || strcmp(__a, __b))				\
			ktest_fail(t, __FILE__, __LINE__,			\
				   "Expected %s == %s, but\n        \"%s\" != \"%s\"", \
				   #a, #b, __a ? __a : "(null)", __b ? __b : "(null)"); \
	} while (0)

/* ASSERT variants end the case at the first failure. */
#define KTEST_ASSERT_TRUE(t, cond)						\
	do {									\
		KTEST_EXPECT_TRUE(t, cond);					\
		if ((t)->failed)						\
			return;							\
	} while (0)

#endif
