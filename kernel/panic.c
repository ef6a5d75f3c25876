/* panic, the end of a run, and the early exception report. */
#include <linux/console.h>
#include <linux/kernel.h>
#include <linux/smp.h>
#include <asm/cp15.h>
#include <asm/setup.h>
#include <asm/reboot.h>
#include <asm/system.h>
#include <asm/traps.h>

/*
 * Linux's taint flags (kernel/panic.c, v6.1), in bit order: the first
 * letter when set, the second when not. Only TAINT_BAD_PAGE is ever set
 * here (the slab allocator's reports), but the line shows them all.
 */
static const char taint_letters[][2] = {
	{ 'P', 'G' }, { 'F', ' ' }, { 'S', ' ' }, { 'R', ' ' }, { 'M', ' ' }, { 'B', ' ' }, { 'U', ' ' },
	{ 'D', ' ' }, { 'A', ' ' }, { 'W', ' ' }, { 'C', ' ' }, { 'I', ' ' }, { 'O', ' ' }, { 'E', ' ' },
	{ 'L', ' ' }, { 'K', ' ' }, { 'X', ' ' }, { 'T', ' ' }, { 'N', ' ' },
};
static unsigned long tainted_mask;

void add_taint(unsigned int flag)
{
	tainted_mask |= 1UL << flag;
}

bool test_taint(unsigned int flag)
{
	return tainted_mask & (1UL << flag);
}

/* Follows Linux's print_tainted (v6.1): "Not tainted", or "Tainted: " and a letter or blank per flag. */
const char *print_tainted(void)
{
	static char buf[sizeof("Tainted: ") + ARRAY_SIZE(taint_letters)];
	char *s = buf;

	if (!tainted_mask)
		return "Not tainted";
	for (const char *t = "Tainted: "; *t; t++)
		*s++ = *t;
	for (unsigned int i = 0; i < ARRAY_SIZE(taint_letters); i++)
		*s++ = taint_letters[i][(tainted_mask >> i) & 1 ? 0 : 1];
	*s = 0;
	return buf;
}

/* Follows Linux's panic (kernel/panic.c, v6.x): message, end marker, then stop. */
void panic(const char *fmt, ...)
{
	static char buf[256];
	va_list ap;
	int len;

	__asm__ __volatile__("cpsid if");
	va_start(ap, fmt);
	len = vscnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	/* Messages such as early_alloc's end in a newline; the lines below add their own. */
	if (len && buf[len - 1] == '\n')
		buf[len - 1] = 0;
	pr_emerg("Kernel panic - not syncing: %s\n", buf);
	pr_emerg("---[ end Kernel panic - not syncing: %s ]---\n", buf);
	machine_exit(1);
}

/*
 * Called from boot/entry-armv.S's early vectors, which serve from the
 * moment the MMU is on until devicemaps_init puts up the vector page
 * (whose stubs hand faults to mm/fault.c and kernel/traps.c for a full
 * oops): say what happened, then panic.
 */
void __noreturn bad_exception(unsigned int vector, unsigned long lr, unsigned long spsr);
void bad_exception(unsigned int vector, unsigned long lr, unsigned long spsr)
{
	static const char *const vector_names[NR_VECTORS] = {
		[VECTOR_RESET] = "reset", [VECTOR_UNDEF] = "undefined instruction",
		[VECTOR_SVC] = "SVC", [VECTOR_PABT] = "prefetch abort", [VECTOR_DABT] = "data abort",
		[VECTOR_ADDREXCPTN] = "reserved", [VECTOR_IRQ] = "IRQ", [VECTOR_FIQ] = "FIQ",
	};
	/* The preferred return address is lr - 8 for data aborts, lr - 4 otherwise (ARM ARM B1.8.3). */
	unsigned long pc = lr - (vector == VECTOR_DABT ? 8 : 4);
	static int nested;

	/* Reporting faulted too (a console that is not mapped, say): stop without printing. */
	if (nested++)
		machine_exit(1);

	pr_emerg("Unhandled early exception: %s at pc %08lx, spsr %08lx\n",
		 vector < NR_VECTORS ? vector_names[vector] : "?", pc, spsr);
	if (vector == VECTOR_DABT)
		pr_emerg("DFSR %08x DFAR %08x\n", read_dfsr(), read_dfar());
	else if (vector == VECTOR_PABT)
		pr_emerg("IFSR %08x IFAR %08x\n", read_ifsr(), read_ifar());
	panic("unhandled exception before the vectors were set up");
}

/*
 * Follows Linux's __warn (kernel/panic.c, v6.1) for a WARN_ON without
 * registers: where, then dump_stack's backtrace from here, then the end
 * marker; the kernel carries on.
 */
void __warn(const char *file, int line, void *caller)
{
	pr_warn("WARNING: CPU: %u PID: 0 at %s:%d %pS\n", smp_processor_id(), file, line, caller);
	printk("Modules linked in:\n");
	dump_stack();
	pr_warn("---[ end trace 0000000000000000 ]---\n");
}
