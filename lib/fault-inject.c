/*
 * Linux's fault-injection decisions (lib/fault-inject.c, v6.1) for the
 * attributes a struct fault_attr holds; see linux/fault-inject.h. What
 * needs tasks (fail-nth, the task filter) or stack traces (the stacktrace
 * filter) has nothing to act on here and is left out.
 */
#include <linux/cmdline.h>
#include <linux/errno.h>
#include <linux/fault-inject.h>
#include <linux/kernel.h>

/* Follows Linux's fail_dump (lib/fault-inject.c, v6.1), without its rate limit (off by default). */
static void fail_dump(const struct fault_attr *attr)
{
	if (attr->verbose <= 0)
		return;
	pr_notice("FAULT_INJECTION: forcing a failure.\n");
	pr_notice("name %s, interval %lu, probability %lu, space %d, times %d\n",
		  attr->name, attr->interval, attr->probability, attr->space, attr->times);
	if (attr->verbose > 1)
		dump_stack();
}

/* Follows Linux's should_fail_ex (lib/fault-inject.c, v6.1). */
bool should_fail_ex(struct fault_attr *attr, long size, int flags)
{
	/* The tests in Linux's order: each one that holds lets the call through. */
	if (attr->probability == 0)
		return false;
	if (attr->times == 0)
		return false;
	if (attr->space > size) {
		attr->space -= (int)size;
		return false;
	}
	if (attr->interval > 1) {
		attr->count++;
		if (attr->count % attr->interval)
			return false;
	}
	/* A draw in 0..99 below the probability fails the call: probability percent of them. */
	if (attr->probability <= prandom_u32_state_below(&attr->rnd, 100))
		return false;

	if (!(flags & FAULT_NOWARN))
		fail_dump(attr);
	if (attr->times != -1)
		attr->times--;
	return true;
}

/* Follows Linux's should_fail (lib/fault-inject.c, v6.1). */
bool should_fail(struct fault_attr *attr, long size)
{
	return should_fail_ex(attr, size, 0);
}

/*
 * One decimal number at *s, as Linux's sscanf reads %lu (digits only) and
 * %d (a leading '-' allowed); *s is left after it. False when no digit.
 */
static bool read_decimal(const char **s, bool is_signed, unsigned long long *val)
{
	const char *p = *s;
	bool negative = is_signed && *p == '-';
	unsigned long long v = 0;

	if (negative)
		p++;
	if (*p < '0' || *p > '9')
		return false;
	for (; *p >= '0' && *p <= '9'; p++)
		v = v * 10 + (unsigned long long)(*p - '0');
	*val = negative ? 0 - v : v;
	*s = p;
	return true;
}

/* Follows Linux's setup_fault_attr (lib/fault-inject.c, v6.1). */
int setup_fault_attr(struct fault_attr *attr, const char *str)
{
	unsigned long long field[4];	/* interval, probability, space, times */
	const char *s = str;

	for (int i = 0; i < 4; i++) {
		/* Linux's format "%lu,%lu,%d,%d": the last two signed, commas between. */
		if ((i && *s++ != ',') || !read_decimal(&s, i >= 2, &field[i])) {
			pr_warn("FAULT_INJECTION: failed to parse arguments\n");
			return 0;
		}
	}
	attr->interval = (unsigned long)field[0];
	attr->probability = (unsigned long)field[1];
	attr->space = (int)field[2];
	attr->times = (int)field[3];
	return 1;
}

int setup_fault_attr_seed(struct fault_attr *attr, const char *str)
{
	unsigned long long seed;
	char *end;

	if (memparse_checked(str, &end, &seed) || *end)
		return -EINVAL;
	prandom_seed_state(&attr->rnd, seed);
	return 0;
}
