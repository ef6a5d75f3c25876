/*
 * Per-CPU variables. Follows Linux's include/linux/percpu-defs.h and
 * asm-generic/percpu.h (v6.x): a variable defined with DEFINE_PER_CPU
 * lives in .data..percpu, and CPU n's instance sits __per_cpu_offset[n]
 * bytes from it. With one CPU the section itself is CPU 0's instance
 * (offset 0, nothing copied, so it is ordinary data, not init memory as in
 * Linux); starting more CPUs means copying the section per CPU and filling
 * in their offsets, and no user changes.
 */
#ifndef _LINUX_PERCPU_H
#define _LINUX_PERCPU_H

#include <linux/compiler.h>
#include <linux/smp.h>

/* Linux's __per_cpu_offset[]: where each CPU's instance of .data..percpu is, relative to the section (mm/percpu.c). */
extern unsigned long __per_cpu_offset[NR_CPUS];

#define DEFINE_PER_CPU(type, name)	__section(".data..percpu") __typeof__(type) name
#define DECLARE_PER_CPU(type, name)	extern __typeof__(type) name

/* CPU @cpu's instance of the per-CPU object @ptr points to. */
#define per_cpu_ptr(ptr, cpu)						\
	((__typeof__(ptr))((unsigned long)(ptr) + __per_cpu_offset[(cpu)]))
#define this_cpu_ptr(ptr)		per_cpu_ptr(ptr, smp_processor_id())
#define per_cpu(var, cpu)		(*per_cpu_ptr(&(var), cpu))

#endif
