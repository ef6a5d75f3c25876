/*
 * The vector page and the stubs page, and what the stubs call for an
 * undefined instruction or an unexpected exception, and the oops itself
 * (die). Follows Linux's arch/arm/kernel/traps.c (v6.x), without the kuser
 * helpers (there is no user space to call them).
 */
#include <linux/kernel.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <asm/cacheflush.h>
#include <asm/cp15.h>
#include <asm/fault.h>
#include <asm/mach/arch.h>
#include <asm/memory.h>
#include <asm/page.h>
#include <asm/ptrace.h>
#include <asm/sections.h>
#include <asm/setup.h>
#include <asm/system.h>
#include <asm/traps.h>

/* Where the linker stored the two pages' contents in the image (boot/vmlinux.lds.S). */
extern const char __vectors_lma[], __stubs_lma[], __stubs_lma_end[];

/* An undefined instruction (Linux's poison value): a jump into an unused part of the page faults. */
#define VECTOR_POISON	0xe7fddef1u

/* Follows Linux's early_trap_init (arch/arm/kernel/traps.c, v6.x): fill the two pages at vectors_base. */
void early_trap_init(void *vectors_base)
{
	u32 *word = vectors_base;
	char *vectors = vectors_base;

	for (unsigned int i = 0; i < PAGE_SIZE / sizeof(*word); i++)
		word[i] = VECTOR_POISON;
	memcpy(vectors, __vectors_lma, (size_t)(__stubs_lma - __vectors_lma));
	memcpy(vectors + PAGE_SIZE, __stubs_lma, (size_t)(__stubs_lma_end - __stubs_lma));
	/* Written as data, run as code from 0xffff0000: clean to PoU, invalidate the I-cache. */
	flush_icache_range((unsigned long)vectors, (unsigned long)vectors + 2 * PAGE_SIZE);
}

/* What Linux's dump_stack_print_info shows as the release. */
#define KERNEL_RELEASE	"0.1 #1"

/* Linux's core_kernel_text: an address in the kernel's code. */
static bool kernel_text_address(unsigned long addr)
{
	return addr >= (unsigned long)_text && addr < (unsigned long)_etext;
}

/* A word the MMU lets the kernel read, or false (Linux's get_kernel_nofault). */
static bool read_kernel_word(unsigned long addr, u32 *val)
{
	if ((addr & 3) || (ats1cp(addr, false) & PAR_F))
		return false;
	*val = *(const volatile u32 *)addr;
	return true;
}

static const char *const processor_modes[32] = {
	[USR_MODE] = "USER_32", [FIQ_MODE] = "FIQ_32", [IRQ_MODE] = "IRQ_32", [SVC_MODE] = "SVC_32",
	[0x16] = "MON_32", [ABT_MODE] = "ABT_32", [HYP_MODE] = "HYP_32", [UND_MODE] = "UND_32",
	[SYSTEM_MODE] = "SYS_32",
};

/* Follows Linux's dump_stack_print_info (lib/dump_stack.c, v6.1): who is running, on what. */
static void dump_stack_print_info(void)
{
	printk("CPU: %u PID: 0 Comm: swapper %s " KERNEL_RELEASE "\n", smp_processor_id(), print_tainted());
	printk("Hardware name: %s\n", machine_desc ? machine_desc->name : "unknown");
}

/* Follows Linux's __show_regs (arch/arm/kernel/process.c, v6.1). */
static void __show_regs(const struct pt_regs *regs)
{
	unsigned long flags = regs->ARM_cpsr;
	const char *mode = processor_modes[flags & MODE_MASK];
	char nzcv[5] = {
		flags & (1UL << 31) ? 'N' : 'n', flags & (1UL << 30) ? 'Z' : 'z',
		flags & (1UL << 29) ? 'C' : 'c', flags & (1UL << 28) ? 'V' : 'v', 0,
	};
	u32 dacr = read_dacr();

	dump_stack_print_info();
	printk("PC is at %pS\n", (void *)regs->ARM_pc);
	printk("LR is at %pS\n", (void *)regs->ARM_lr);
	printk("pc : [<%08lx>]    lr : [<%08lx>]    psr: %08lx\n", regs->ARM_pc, regs->ARM_lr, flags);
	printk("sp : %08lx  ip : %08lx  fp : %08lx\n", regs->ARM_sp, regs->ARM_ip, regs->ARM_fp);
	printk("r10: %08lx  r9 : %08lx  r8 : %08lx\n", regs->uregs[10], regs->uregs[9], regs->uregs[8]);
	printk("r7 : %08lx  r6 : %08lx  r5 : %08lx  r4 : %08lx\n", regs->uregs[7], regs->uregs[6],
	       regs->uregs[5], regs->uregs[4]);
	printk("r3 : %08lx  r2 : %08lx  r1 : %08lx  r0 : %08lx\n", regs->uregs[3], regs->uregs[2],
	       regs->uregs[1], regs->uregs[0]);
	printk("Flags: %s  IRQs o%s  FIQs o%s  Mode %s  ISA %s  Segment %s\n", nzcv,
	       flags & PSR_I_BIT ? "ff" : "n", flags & PSR_F_BIT ? "ff" : "n", mode ? mode : "UK",
	       flags & (1UL << 5) ? "Thumb" : "ARM",
	       ((dacr >> (2 * DOMAIN_USER)) & 3) == DOMAIN_NOACCESS ? "none" : "user");
	printk("Control: %08x  Table: %08x  DAC: %08x\n", get_cr(), (u32)read_ttbr(0), dacr);
}

/* Follows Linux's dump_mem (v6.1): the words from bottom to top, eight to a line. */
static void dump_mem(const char *str, unsigned long bottom, unsigned long top)
{
	pr_emerg("%s(0x%08lx to 0x%08lx)\n", str, bottom, top);
	for (unsigned long first = bottom & ~31UL; first < top; first += 32) {
		char line[sizeof(" 12345678") * 8 + 1];
		int n = 0;

		for (unsigned long p = first; p < first + 32 && p < top; p += 4) {
			u32 val;

			if (p < bottom)
				n += scnprintf(line + n, sizeof(line) - (size_t)n, "         ");
			else if (read_kernel_word(p, &val))
				n += scnprintf(line + n, sizeof(line) - (size_t)n, " %08x", val);
			else
				n += scnprintf(line + n, sizeof(line) - (size_t)n, " ????????");
		}
		pr_emerg("%04lx:%s\n", first & 0xffff, line);
	}
}

/* The start of the function holding addr (0 if no symbol does). */
static unsigned long function_start(unsigned long addr)
{
	unsigned long size, offset;

	return kallsyms_lookup_hook(addr, &size, &offset) ? addr - offset : 0;
}

/*
 * Follows Linux's frame-pointer dump_backtrace (v6.1) for GCC's ARM
 * frames (-fno-omit-frame-pointer without APCS frames): fp points at the
 * saved lr with the caller's fp just below it. Two kinds of function leave
 * no such record, and for both the return address is still in lr: a leaf
 * that saves only fp (then fp points at the caller's fp) and one that sets
 * up no frame at all (fp is still the caller's, and lr is not the return
 * address that frame holds).
 */
static void dump_backtrace(const struct pt_regs *regs, unsigned long low, unsigned long high)
{
	unsigned long where = regs->ARM_pc, fp = regs->ARM_fp, lr = regs->ARM_lr;
	bool first = true;

	printk(KERN_EMERG "Backtrace: \n");
	for (int depth = 0; depth < 32; depth++) {
		u32 at_fp, below;
		unsigned long from, next;

		if (fp < low + 4 || fp >= high || !read_kernel_word(fp, &at_fp) ||
		    !read_kernel_word(fp - 4, &below)) {
			if (fp)
				printk(KERN_EMERG "Backtrace aborted due to bad frame pointer <%08lx>\n", fp);
			break;
		}
		if (first && kernel_text_address(lr) && function_start(lr) != function_start(where) &&
		    (!kernel_text_address(at_fp) || at_fp != lr)) {
			/* The faulting function left no record: its caller's is at fp, or fp is its own leaf frame. */
			from = lr;
			next = kernel_text_address(at_fp) ? fp : at_fp;
		} else if (kernel_text_address(at_fp)) {
			from = at_fp;
			next = below;
		} else {
			break;
		}
		printk(KERN_EMERG " %ps from %pS\n", (void *)where, (void *)from);
		if (!next || (next < fp) || (next == fp && !first))
			break;
		where = from;
		fp = next;
		first = false;
	}
}

/*
 * The stack the kernel runs on now: the boot stack until setup_arch is
 * done, then the guarded one; a secondary CPU's, THREAD_SIZE of pages
 * aligned to their size (kernel/smp-boot.c).
 */
static unsigned long current_stack_low(unsigned long sp)
{
	if (smp_processor_id())
		return sp & ~(unsigned long)(THREAD_SIZE - 1);
	return sp - BOOT_STACK_GUARD < PAGE_SIZE + THREAD_SIZE ? BOOT_STACK_VIRT
							       : (unsigned long)init_thread_union;
}

/* Follows Linux's dump_stack (lib/dump_stack.c, v6.1): who, then the backtrace from the caller. */
void __noinline dump_stack(void)
{
	struct pt_regs regs = { 0 };
	unsigned long sp = (unsigned long)__builtin_frame_address(0), low = current_stack_low(sp);

	dump_stack_print_info();
	regs.ARM_pc = (unsigned long)dump_stack;
	regs.ARM_fp = (unsigned long)__builtin_frame_address(0);
	regs.ARM_lr = (unsigned long)__builtin_return_address(0);
	regs.ARM_sp = sp;
	dump_backtrace(&regs, low, low + THREAD_SIZE);
}

/* Follows Linux's dump_instr (v6.1): four instructions before pc, and pc's in brackets. */
static void dump_instr(const struct pt_regs *regs)
{
	char line[sizeof("(12345678) ") * 5 + 16];
	int n = 0;

	for (int i = -4; i < 1; i++) {
		u32 val;

		if (!read_kernel_word(regs->ARM_pc + 4 * (unsigned long)i, &val)) {
			n += scnprintf(line + n, sizeof(line) - (size_t)n, "bad PC value");
			break;
		}
		n += scnprintf(line + n, sizeof(line) - (size_t)n, i == 0 ? "(%08x) " : "%08x ", val);
	}
	printk(KERN_EMERG "Code: %s\n", line);
}

/*
 * Follows Linux's die and __die (arch/arm/kernel/traps.c, v6.1): the oops
 * header, the registers, the stack, the backtrace and the code around pc.
 * The caller ends the run.
 */
void die(const char *str, struct pt_regs *regs, unsigned int err)
{
	static int die_counter;
	unsigned long sp = regs->ARM_sp;
	unsigned long stack_low = current_stack_low(sp);
	unsigned long stack_high = stack_low + THREAD_SIZE;

	pr_emerg("Internal error: %s: %x [#%d] SMP ARM\n", str, err, ++die_counter);
	printk("Modules linked in:\n");
	__show_regs(regs);
	pr_emerg("Process swapper (pid: 0, stack limit = 0x%08lx)\n", stack_low);
	if (sp >= stack_low && sp <= stack_high)
		dump_mem("Stack: ", sp, stack_high);
	else
		dump_mem("Stack: ", sp, sp + 64);
	dump_backtrace(regs, stack_low, stack_high);
	dump_instr(regs);
	pr_emerg("---[ end trace 0000000000000000 ]---\n");
}

/* Follows Linux's do_undefinstr (v6.1) for kernel mode: an oops. Called from the undefined-instruction stub. */
void __noreturn do_undefinstr(struct pt_regs *regs);
void do_undefinstr(struct pt_regs *regs)
{
	die("Oops - undefined instruction", regs, 0);
	panic("Attempted to kill the idle task!");
}

/* Follows Linux's bad_mode (v6.1): an exception this kernel never expects (reset, IRQ, FIQ...). */
void __noreturn bad_mode(struct pt_regs *regs, int reason);
void bad_mode(struct pt_regs *regs, int reason)
{
	static const char *const handler[NR_VECTORS] = {
		[VECTOR_RESET] = "reset", [VECTOR_ADDREXCPTN] = "address exception",
		[VECTOR_IRQ] = "interrupt", [VECTOR_FIQ] = "fast interrupt",
	};
	const char *name = reason >= 0 && reason < NR_VECTORS ? handler[reason] : NULL;

	pr_crit("Bad mode in %s handler detected\n", name ? name : "unknown");
	die("Oops - bad mode", regs, 0);
	panic("bad mode");
}
