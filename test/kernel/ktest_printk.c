/*
 * printk's log buffer and console registration (kernel/printk.c): a
 * console registered now starts with the whole boot, from its first line,
 * then gets what is printed after it, as Linux's register_console gives a
 * CON_PRINTBUFFER console.
 */
#include <linux/console.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <ktest.h>

/* What the test console was given: its first bytes, its last bytes, how many. */
static char capture_head[128];
static char capture_tail[256];
static unsigned int capture_len;

static void capture_write(struct console *con, const char *s, unsigned int n)
{
	(void)con;
	for (unsigned int i = 0; i < n; i++, capture_len++) {
		if (capture_len < sizeof(capture_head) - 1)
			capture_head[capture_len] = s[i];
		memmove(capture_tail, capture_tail + 1, sizeof(capture_tail) - 2);
		capture_tail[sizeof(capture_tail) - 2] = s[i];
	}
}

static struct console capture_console = {
	.name = "ktest",
	.write = capture_write,
	.flags = CON_PRINTBUFFER,
	.index = 0,
};

/* The replay starts at start_kernel's first line, with its timestamp. */
static void late_console_gets_whole_log(struct ktest *t)
{
	static const char first[] = "] Booting Linux on physical CPU 0x";
	const char *close;

	capture_len = 0;
	memset(capture_head, 0, sizeof(capture_head));
	memset(capture_tail, 0, sizeof(capture_tail));
	register_console(&capture_console);
	pr_info("ktest printk: after registration\n");
	KTEST_EXPECT_EQ(t, unregister_console(&capture_console), 0);
	KTEST_EXPECT_EQ(t, unregister_console(&capture_console), -ENODEV);

	KTEST_ASSERT_TRUE(t, capture_len > 1000);
	KTEST_EXPECT_EQ(t, capture_head[0], '[');
	close = strchr(capture_head, ']');
	KTEST_ASSERT_TRUE(t, close != NULL);
	KTEST_EXPECT_EQ(t, strncmp(close, first, sizeof(first) - 1), 0);
	/* Then, in order: its own "enabled" line, the line printed after it; not its "disabled" line. */
	KTEST_EXPECT_TRUE(t, strstr(capture_tail, "printk: console [ktest0] enabled\n") != NULL);
	KTEST_EXPECT_TRUE(t, strstr(capture_tail, "ktest printk: after registration\n") != NULL);
	KTEST_EXPECT_TRUE(t, strstr(capture_tail, "enabled\n") < strstr(capture_tail, "after registration\n"));
	KTEST_EXPECT_TRUE(t, strstr(capture_tail, "disabled") == NULL);
}

static const struct ktest_case printk_cases[] = {
	KTEST_CASE(late_console_gets_whole_log),
	{}
};
KTEST_SUITE(printk, printk_cases);
