/*
 * printk: log levels, console_loglevel and [seconds.micros] timestamps,
 * in the format of Linux's kernel/printk/printk.c (v6.x).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/setup.h>
#include <asm/system.h>
#include <mach/console.h>

int console_loglevel = CONFIG_CONSOLE_LOGLEVEL_DEFAULT;

static bool printk_at_line_start = true;
static bool printk_line_shown = true;	/* whether the line being continued is shown */

/* Nanoseconds since the generic timer started (Linux's local_clock). */
static u64 local_clock(void)
{
	u32 freq = read_cntfrq();
	u64 ticks = read_cntvct();

	if (!freq)
		return 0;
	/* Split so ticks * 1e9 cannot overflow 64 bits. */
	return (ticks / freq) * 1000000000ull + (ticks % freq) * 1000000000ull / freq;
}

static void console_write(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		console_putc(s[i]);
}

/* Follows Linux's vprintk_emit (kernel/printk/printk.c, v6.x): level prefix, timestamp, line. */
int vprintk(const char *fmt, va_list ap)
{
	char buf[512];
	int level = MESSAGE_LOGLEVEL_DEFAULT;
	bool cont = false;

	while (fmt[0] == KERN_SOH[0] && fmt[1]) {
		if (fmt[1] >= '0' && fmt[1] <= '7')
			level = fmt[1] - '0';
		else if (fmt[1] == 'c')
			cont = true;
		fmt += 2;
	}
	int len = vscnprintf(buf, sizeof(buf), fmt, ap);
	bool show = cont && !printk_at_line_start ? printk_line_shown : level < console_loglevel;

	if (!cont && !printk_at_line_start) {
		/* A new message while the last line is open: close it, as Linux does. */
		if (printk_line_shown)
			console_write("\n", 1);
		printk_at_line_start = true;
	}
	for (int i = 0; i < len; i++) {
		if (printk_at_line_start) {
			printk_line_shown = show;
			if (show) {
				u64 ns = local_clock();
				char ts[32];
				int n = scnprintf(ts, sizeof(ts), "[%5lu.%06lu] ",
						  (unsigned long)(ns / 1000000000ull),
						  (unsigned long)(ns % 1000000000ull / 1000));
				console_write(ts, (size_t)n);
			}
			printk_at_line_start = false;
		}
		if (show)
			console_putc(buf[i]);
		if (buf[i] == '\n')
			printk_at_line_start = true;
	}
	return len;
}

/* Follows Linux's printk (v6.x). */
int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

/* Follows Linux's early_print (arch/arm/kernel/setup.c, v6.x): straight to the console. */
void early_print(const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vscnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	console_write(buf, (size_t)n);
}

/* loglevel= on the command line, as in Linux (init/main.c). */
static int __init loglevel_setup(char *val)
{
	char *end;
	unsigned long v = strtoul(val, &end, 0);

	if (end == val || *end)
		return -1;	/* parse_early_param reports it */
	console_loglevel = (int)min(v, 15ul);
	return 0;
}
early_param("loglevel", loglevel_setup);
