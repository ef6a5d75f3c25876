/* What head.S hands to C, and setup_arch's results. */
#ifndef _ASM_SETUP_H
#define _ASM_SETUP_H

#include <linux/compiler.h>
#include <linux/types.h>

#define COMMAND_LINE_SIZE 1024

extern u32 processor_id;		/* MIDR, read by head.S */
extern u32 __machine_arch_type;		/* r1 at entry */
extern u32 __boot_r2;			/* r2 at entry, as passed */
extern u32 __atags_pointer;		/* r2 if it held a DTB, else 0 */
extern u32 __boot_cpu_hyp;		/* 1 if entered in HYP mode */
extern char boot_command_line[COMMAND_LINE_SIZE];

struct machine_desc;
extern const struct machine_desc *machine_desc;

void setup_arch(char **cmdline_p);
/* Each exception mode's stack (kernel/setup.c): four of EXC_STACK_SIZE, abort, undef, IRQ, FIQ. */
#define EXC_STACK_SIZE	4096
#define EXC_STACKS_SIZE	(4 * EXC_STACK_SIZE)
void cpu_init(u8 (*stacks)[EXC_STACK_SIZE]);
const struct machine_desc *setup_machine_fdt(phys_addr_t dt_phys);
/* The possible CPUs: the device tree's /cpus (kernel/devtree_cpus.c). */
void arm_dt_init_cpu_maps(void);
/* The machine's devices once ioremap works (Linux's customize_machine). */
void customize_machine(void);
void __noreturn dump_machine_table(void);
void arm_memblock_init(const struct machine_desc *mdesc);
/* Panics unless the kernel image lies in memblock.memory (mm/init.c). */
void arm_memblock_check_kernel(void);
/* The zones and mem_map, at the end of paging_init (mm/init.c). */
void bootmem_init(void);
/* Run fn on the stack whose top is sp (boot/entry-armv.S); fn does not return. */
void __noreturn call_on_stack(void (*fn)(void), void *sp);
/* fault=KIND: fault on purpose at the end of boot (kernel/fault_inject.c). */
void fault_inject(void);
/*
 * The in-kernel micro-benchmarks, with `bench` on the command line
 * (bench/kernel/bench.c); without CONFIG_BENCH, a message that they are
 * not built (bench/kernel/bench-absent.c).
 */
void bench_run(void);
/* start_kernel's memory stage after setup_arch (mm/init.c). */
void mem_init(void);
/* Linux's initcalls that set memory up (mm/init.c), after the per-CPU lists. */
void mm_initcalls(void);
/* The end of boot: the init sections never executable, then given to the allocator (mm/init.c). */
void free_initmem(void);
/* Its first half: the init sections' mappings made never executable (mm/mmu.c). */
void fix_kernmem_perms(void);
int arm_add_memory(u64 start, u64 size);

/* Command-line options handled before anything else (Linux's early_param). */
struct obs_kernel_param {
	const char *str;
	int (*setup_func)(char *val);
	bool null_when_bare;	/* "name" alone gives the handler NULL, not "" */
};
/*
 * The kernel's linker script gathers .init.setup between __setup_start and
 * __setup_end; host builds (tests, fuzzers) use a section whose name the
 * host linker brackets with __start_/__stop_ symbols itself.
 */
#ifdef HOST_TEST
#define EARLY_PARAM_SECTION	"early_params"
#define __setup_start		__start_early_params
#define __setup_end		__stop_early_params
#else
#define EARLY_PARAM_SECTION	".init.setup"
#endif

#define early_param(str, fn)						\
	static const struct obs_kernel_param __setup_##fn		\
		__used __section(EARLY_PARAM_SECTION) __aligned(4) = { str, fn, false }

/* The same, for a handler that tells "name" (NULL) from "name=" (""), as Linux's handlers can. */
#define early_param_null(str, fn)					\
	static const struct obs_kernel_param __setup_##fn		\
		__used __section(EARLY_PARAM_SECTION) __aligned(4) = { str, fn, true }

/* An option that is only present or absent ("ptdump"): defines the static bool var it sets. */
#define early_param_flag(str, var)					\
	static bool var;						\
	static int __init var##_setup(char *val)			\
	{								\
		(void)val;						\
		var = true;						\
		return 0;						\
	}								\
	early_param(str, var##_setup)

void parse_early_param(void);

#endif
