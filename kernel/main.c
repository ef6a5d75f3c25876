/* start_kernel: the generic order of boot. Follows Linux's init/main.c (v6.x). */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/vmalloc.h>
#include <asm/bootstats.h>
#include <asm/early_ioremap.h>
#include <asm/memory.h>
#include <asm/reboot.h>
#include <asm/ptdump.h>
#include <asm/setup.h>
#include <asm/system.h>
#include <ktest.h>

#define KERNEL_NAME	"armv7mm"

/* The part of start_kernel after setup_arch, on the guarded stack map_boot_stack made. */
static void __noreturn start_kernel_on_boot_stack(void)
{
	/* Linux's start_kernel: the per-CPU areas right after setup_arch, before the zonelists. */
	setup_per_cpu_areas();
	smp_prepare_boot_cpu();
	build_all_zonelists();
	pr_notice("Kernel command line: %s\n", boot_command_line);
	if (__boot_cpu_hyp)
		pr_info("CPU: All CPU(s) started in HYP mode.\n");
	else
		pr_info("CPU: All CPU(s) started in SVC mode.\n");
	/* Linux's mm_init, which calls mem_init. */
	mem_init();
	/* Linux's mm_init: the slab allocator right after the page allocator. */
	kmem_cache_init();
	/* Linux's mm_init ends with vmalloc_init: the vmalloc area becomes an allocator. */
	vmalloc_init();
	/* Later in start_kernel: the per-CPU page lists leave the boot pageset. */
	setup_per_cpu_pageset();
	/* Linux's kernel_init_freeable: the secondary CPUs come up before the initcalls. */
	smp_prepare_cpus();
	smp_init();
	/* rest_init's kernel_init runs the initcalls. */
	mm_initcalls();
	/* The machine's devices (Linux's arch_initcall customize_machine, then the drivers' probes). */
	customize_machine();
	/* A late_initcall: early_ioremap slots left mapped. */
	check_early_ioremap_leak();
	/* Linux's kernel_init: init memory is freed, then the W+X check (mark_rodata_ro). */
	free_initmem();
	/* ptdump is Linux's debugfs file. */
	ptdump_at_end_of_boot();
	vmallocinfo_at_end_of_boot();
	fault_inject();
	bench_run();

	int failed = ktest_run_requested();

	pr_emerg("reboot: Power down\n");
	machine_exit(failed ? 3 : 0);
}

/* Follows Linux's start_kernel (init/main.c, v6.x), stage by stage as they are written. */
void __noreturn start_kernel(void);
void start_kernel(void)
{
	char *command_line;

	bootstats_mark(BOOT_START_KERNEL);
	smp_setup_processor_id();
	pr_info("Booting Linux on physical CPU 0x%x\n", read_cpuid_mpidr() & 0xffffff);
	printk(KERN_NOTICE "" KERNEL_NAME " version 0.1 (%s, PAGE_OFFSET 0x%08lx%s)\n",
	       IS_ENABLED(CONFIG_ARM_LPAE) ? "LPAE" : "classic", PAGE_OFFSET,
	       IS_ENABLED(CONFIG_HIGHMEM) ? ", HIGHMEM" : "");
	setup_arch(&command_line);
	/* From here on the stack has a guard page below it (map_boot_stack). */
	call_on_stack(start_kernel_on_boot_stack, (void *)(BOOT_STACK_VIRT + THREAD_SIZE));
}
