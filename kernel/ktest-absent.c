/*
 * Built when CONFIG_KTEST is off, in place of kernel/ktest.c and the
 * suites: `ktest` on the command line gets a clear message instead of
 * nothing, and the boot ends as a failed test run does (exit status 3),
 * so that a harness that asked for the suites cannot read their absence
 * as a pass.
 */
#include <linux/kernel.h>
#include <asm/setup.h>
#include <ktest.h>

static bool ktest_asked;

static int __init ktest_absent_setup(char *val)
{
	(void)val;
	ktest_asked = true;
	return 0;
}
early_param("ktest", ktest_absent_setup);

int ktest_run_requested(void)
{
	if (!ktest_asked)
		return 0;
	pr_err("ktest: the command line asks for the in-kernel tests, but this kernel is built without them (CONFIG_KTEST is off)\n");
	return 1;
}
