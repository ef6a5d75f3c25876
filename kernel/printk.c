/*
 * printk: log levels, console_loglevel and [seconds.micros] timestamps,
 * in the format of Linux's kernel/printk/printk.c (v6.x); the log buffer
 * and the consoles that show it.
 *
 * Everything printed is kept in __log_buf, as Linux keeps it, so that a
 * console registered late (the UART's driver, at customize_machine)
 * starts with all that came before. Unlike Linux, the buffer holds the
 * text as the console shows it (timestamp, then the line) and only lines
 * console_loglevel let through when they were printed: the output is the
 * same whichever way a console came.
 */
#include <linux/console.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/serial_core.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <asm/irqflags.h>
#include <asm/spinlock.h>
#include <asm/setup.h>
#include <asm/system.h>

int console_loglevel = CONFIG_CONSOLE_LOGLEVEL_DEFAULT;

/* Linux's __log_buf, CONFIG_LOG_BUF_SHIFT bytes, used as a ring. */
#define LOG_BUF_LEN	(1u << CONFIG_LOG_BUF_SHIFT)
static char __log_buf[LOG_BUF_LEN];
/* Bytes and lines ever stored: the ring holds the last LOG_BUF_LEN bytes. */
static u32 log_next;
static u32 log_lines;

/* The registered consoles, newest first (Linux's console_drivers). */
static struct console *console_drivers;

static bool printk_at_line_start = true;
static bool printk_line_shown = true;	/* whether the line being continued is shown */

/*
 * One CPU at a time writes the log and the consoles, so that two CPUs'
 * lines neither interleave nor tear the ring. Linux 6.1 has a lockless
 * ring and serialises the consoles with printk_cpu_sync; here that one
 * lock covers both. Its owner may take it again: a fault while this CPU
 * prints must still be reported (Linux's reentrant cpu_sync works so).
 */
static arch_spinlock_t printk_cpu_sync_lock = __ARCH_SPIN_LOCK_UNLOCKED;
static int printk_cpu_sync_owner = -1;

/* Follows Linux's printk_cpu_sync_get_irqsave (v6.1); false when this CPU held it already. */
static bool printk_cpu_sync_get_irqsave(unsigned long *flags)
{
	unsigned int cpu;

	local_irq_save(*flags);
	cpu = smp_processor_id();
	if (READ_ONCE(printk_cpu_sync_owner) == (int)cpu)
		return false;
	arch_spin_lock(&printk_cpu_sync_lock);
	WRITE_ONCE(printk_cpu_sync_owner, (int)cpu);
	return true;
}

/* Follows Linux's printk_cpu_sync_put_irqrestore (v6.1); @outer: what printk_cpu_sync_get_irqsave returned. */
static void printk_cpu_sync_put_irqrestore(bool outer, unsigned long flags)
{
	if (outer) {
		WRITE_ONCE(printk_cpu_sync_owner, -1);
		arch_spin_unlock(&printk_cpu_sync_lock);
	}
	local_irq_restore(flags);
}

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

/* Keep s in the log and show it on every console. */
static void console_write(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		__log_buf[(log_next + i) % LOG_BUF_LEN] = s[i];
		if (s[i] == '\n')
			log_lines++;
	}
	log_next += (u32)n;
	for (struct console *con = console_drivers; con; con = con->next)
		con->write(con, s, (unsigned int)n);
}

/*
 * The log so far to @con. When the ring wrapped, from the first whole
 * line it still holds, after Linux's note of what was lost.
 */
static void console_replay(struct console *con)
{
	u32 start = log_next > LOG_BUF_LEN ? log_next - LOG_BUF_LEN : 0;

	if (start) {
		u32 kept = 0;
		char note[64];

		while (start < log_next && __log_buf[start++ % LOG_BUF_LEN] != '\n')
			;
		for (u32 i = start; i < log_next; i++)
			kept += __log_buf[i % LOG_BUF_LEN] == '\n';
		con->write(con, note, (unsigned int)scnprintf(note, sizeof(note),
			   "** %u printk messages dropped **\n", log_lines - kept));
	}
	while (start < log_next) {
		u32 at = start % LOG_BUF_LEN;
		u32 n = min(log_next - start, LOG_BUF_LEN - at);

		con->write(con, __log_buf + at, n);
		start += n;
	}
}

bool console_registered(void)
{
	return console_drivers != NULL;
}

unsigned long console_base(void)
{
	const struct uart_port *port = console_drivers ? console_drivers->data : NULL;

	return port ? (unsigned long)port->membase : 0;
}

/* Follows Linux's register_console (kernel/printk/printk.c, v6.1). */
void register_console(struct console *newcon)
{
	bool boot = newcon->flags & CON_BOOT;
	struct console *retired = NULL;

	for (struct console *con = console_drivers; con; con = con->next) {
		if (boot && !(con->flags & CON_BOOT)) {
			pr_info("printk: Too late to register bootconsole %s%d\n", newcon->name, newcon->index);
			return;
		}
		/* A boot console showed the log already. */
		if (!boot && (con->flags & CON_BOOT))
			newcon->flags &= (short)~CON_PRINTBUFFER;
	}
	newcon->flags |= CON_ENABLED;
	if (newcon->flags & CON_PRINTBUFFER)
		console_replay(newcon);
	/*
	 * A real console retires the boot consoles (Linux's unregister of each
	 * CON_BOOT console). They go before the lines below are printed: both
	 * write to the same UART here, where Linux shows those lines twice.
	 */
	if (!boot) {
		struct console **tail = &retired;

		for (struct console **p = &console_drivers; *p;) {
			struct console *con = *p;

			if (con->flags & CON_BOOT) {
				*p = con->next;
				con->next = NULL;
				*tail = con;
				tail = &con->next;
			} else {
				p = &con->next;
			}
		}
	}
	newcon->next = console_drivers;
	console_drivers = newcon;
	pr_info("printk: %sconsole [%s%d] enabled\n", boot ? "boot" : "", newcon->name, newcon->index);
	for (struct console *con = retired; con; con = con->next) {
		con->flags &= (short)~CON_ENABLED;
		pr_info("printk: bootconsole [%s%d] disabled\n", con->name, con->index);
	}
}

int unregister_console(struct console *con)
{
	for (struct console **p = &console_drivers; *p; p = &(*p)->next) {
		if (*p == con) {
			*p = con->next;
			con->flags &= (short)~CON_ENABLED;
			pr_info("printk: %sconsole [%s%d] disabled\n", (con->flags & CON_BOOT) ? "boot" : "",
				con->name, con->index);
			return 0;
		}
	}
	return -ENODEV;
}

void console_flush_unregistered(void)
{
	struct console *con;

	if (console_drivers)
		return;
	con = earlycon_emergency();
	if (!con)
		con = &smh_console;
	con->flags |= CON_ENABLED;
	console_replay(con);
	console_drivers = con;
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
	unsigned long flags;
	bool outer = printk_cpu_sync_get_irqsave(&flags);
	bool show = cont && !printk_at_line_start ? printk_line_shown : level < console_loglevel;

	if (!cont && !printk_at_line_start) {
		/* A new message while the last line is open: close it, as Linux does. */
		if (printk_line_shown)
			console_write("\n", 1);
		printk_at_line_start = true;
	}
	for (int i = 0, end; i < len; i = end) {
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
		/* The rest of the line, its newline included. */
		for (end = i; end < len && buf[end] != '\n'; end++)
			;
		if (end < len)
			end++;
		if (show)
			console_write(buf + i, (size_t)(end - i));
		if (buf[end - 1] == '\n')
			printk_at_line_start = true;
	}
	printk_cpu_sync_put_irqrestore(outer, flags);
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

/* Follows Linux's early_print (arch/arm/kernel/setup.c, v6.x): the text as it is, no level or timestamp. */
void early_print(const char *fmt, ...)
{
	char buf[256];
	unsigned long flags;
	va_list ap;
	bool outer;
	int n;

	va_start(ap, fmt);
	n = vscnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	outer = printk_cpu_sync_get_irqsave(&flags);
	console_write(buf, (size_t)n);
	printk_cpu_sync_put_irqrestore(outer, flags);
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
