/* panic, the end of a run, and the early exception report. */
#include <linux/kernel.h>
#include <asm/reboot.h>
#include <asm/system.h>

/* Follows Linux's machine_power_off (arch/arm/kernel/reboot.c, v6.x). */
void machine_power_off(void)
{
	vexpress_power_off();
}

/* Exit with @status: semihosting if QEMU offers it, else plain power-off. */
void machine_exit(int status)
{
	if (status)
		semihost_exit(status);
	machine_power_off();
}

/* Follows Linux's panic (kernel/panic.c, v6.x): message, end marker, then stop. */
void panic(const char *fmt, ...)
{
	static char buf[256];
	va_list ap;

	__asm__ __volatile__("cpsid if");
	va_start(ap, fmt);
	vscnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	pr_emerg("Kernel panic - not syncing: %s\n", buf);
	pr_emerg("---[ end Kernel panic - not syncing: %s ]---\n", buf);
	machine_exit(1);
}

static const char *const vector_names[] = {
	"reset", "undefined instruction", "SVC", "prefetch abort",
	"data abort", "reserved", "IRQ", "FIQ",
};

/* Called from boot/early-vectors.S: say what happened, then panic. */
void __noreturn early_exception(unsigned int type, unsigned long lr, unsigned long spsr);
void early_exception(unsigned int type, unsigned long lr, unsigned long spsr)
{
	/* The preferred return address is lr - 8 for aborts, lr - 4 otherwise (ARM ARM B1.8.3). */
	unsigned long pc = lr - (type == 4 ? 8 : 4);

	pr_emerg("Unhandled early exception: %s at pc %08lx, spsr %08lx\n",
		 type < ARRAY_SIZE(vector_names) ? vector_names[type] : "?", pc, spsr);
	if (type == 4)
		pr_emerg("DFSR %08x DFAR %08x\n", read_dfsr(), read_dfar());
	else if (type == 3)
		pr_emerg("IFSR %08x IFAR %08x\n", read_ifsr(), read_ifar());
	panic("unhandled exception before the vectors were set up");
}

/* Follows the first line of Linux's __warn (kernel/panic.c, v6.x); no backtrace yet (issue 6). */
void __warn(const char *file, int line, void *caller)
{
	pr_warn("WARNING: CPU: 0 PID: 0 at %s:%d %pS\n", file, line, caller);
}
