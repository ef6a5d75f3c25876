/*
 * The ktest runner: KTAP version 1 output in the layout of KUnit
 * (lib/kunit/test.c, Linux v6.x): a top-level plan of suites, each suite
 * a nested, indented KTAP document of its cases.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/setup.h>
#include <ktest.h>

extern const struct ktest_suite __ktest_suites_start[], __ktest_suites_end[];

static bool ktest_enabled;
static char ktest_filter[256];	/* comma-separated suite names; empty = all */

/* `ktest` runs every suite; `ktest=a,b` runs suites a and b. */
static int __init ktest_setup(char *val)
{
	ktest_enabled = true;
	scnprintf(ktest_filter, sizeof(ktest_filter), "%s", val);
	return 0;
}
early_param("ktest", ktest_setup);

/* Record a failed expectation, KUnit-style, as a KTAP diagnostic. */
void ktest_fail(struct ktest *t, const char *file, int line, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vscnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	t->failed = true;
	printk(KERN_ERR "    # %s: EXPECTATION FAILED at %s:%d\n", t->case_name, file, line);
	/* Indent continuation lines so they stay inside the suite's KTAP block. */
	for (char *s = msg, *nl; s; s = nl) {
		nl = strchr(s, '\n');
		if (nl)
			*nl++ = 0;
		printk(KERN_ERR "    # %s\n", s);
	}
}

void ktest_skip(struct ktest *t, const char *reason)
{
	t->skipped = true;
	t->skip_reason = reason;
}

static bool suite_selected(const char *name)
{
	size_t n = strlen(name);

	if (!ktest_filter[0])
		return true;
	for (const char *s = ktest_filter; s; s = strchr(s, ',')) {
		if (*s == ',')
			s++;
		if (!strncmp(s, name, n) && (s[n] == 0 || s[n] == ','))
			return true;
	}
	return false;
}

static int count_cases(const struct ktest_suite *s)
{
	int n = 0;

	while (s->cases[n].name)
		n++;
	return n;
}

/* Run one suite; returns the number of failed cases. */
static int ktest_run_suite(const struct ktest_suite *s, int index)
{
	int ncases = count_cases(s), failed = 0;

	printk(KERN_INFO "    KTAP version 1\n");
	printk(KERN_INFO "    # Subtest: %s\n", s->name);
	printk(KERN_INFO "    1..%d\n", ncases);
	for (int i = 0; i < ncases; i++) {
		struct ktest t = { .case_name = s->cases[i].name };

		s->cases[i].run(&t);
		if (t.skipped && !t.failed)
			printk(KERN_INFO "    ok %d %s # SKIP %s\n", i + 1, t.case_name,
			       t.skip_reason ? t.skip_reason : "");
		else
			printk(KERN_INFO "    %s %d %s\n", t.failed ? "not ok" : "ok", i + 1, t.case_name);
		failed += t.failed;
	}
	printk(KERN_INFO "%s %d %s\n", failed ? "not ok" : "ok", index, s->name);
	return failed;
}

void ktest_run_bootmem_hooks(void)
{
	if (!ktest_enabled)
		return;
	for (const struct ktest_suite *s = __ktest_suites_start; s < __ktest_suites_end; s++)
		if (s->at_bootmem && suite_selected(s->name))
			s->at_bootmem();
}

int ktest_run_requested(void)
{
	int nsuites = 0, index = 0, failed = 0;

	if (!ktest_enabled)
		return 0;
	for (const struct ktest_suite *s = __ktest_suites_start; s < __ktest_suites_end; s++)
		nsuites += suite_selected(s->name);
	printk(KERN_INFO "KTAP version 1\n");
	printk(KERN_INFO "1..%d\n", nsuites);
	for (const struct ktest_suite *s = __ktest_suites_start; s < __ktest_suites_end; s++)
		if (suite_selected(s->name))
			failed += ktest_run_suite(s, ++index);
	return failed;
}
