/*
 * Per-CPU variables and the per-CPU allocator. Follows Linux's
 * include/linux/percpu-defs.h, percpu.h and asm-generic/percpu.h (v6.1).
 *
 * A variable defined with DEFINE_PER_CPU is linked into .data..percpu, an
 * init section: the template. setup_per_cpu_areas (mm/percpu.c) copies the
 * template into one unit per possible CPU and sets __per_cpu_offset[cpu] to
 * the distance from the template to CPU cpu's unit. A per-CPU pointer (the
 * address of a DEFINE_PER_CPU variable, or what alloc_percpu returns) is an
 * address in the template's space: it is never dereferenced as it is, only
 * through per_cpu_ptr/this_cpu_ptr. Before setup_per_cpu_areas the offsets
 * are 0 and the template is every CPU's instance; after it the template is
 * not used again and free_initmem frees it with the rest of init memory.
 */
#ifndef _LINUX_PERCPU_H
#define _LINUX_PERCPU_H

#include <linux/compiler.h>
#include <linux/smp.h>
#include <linux/types.h>
#include <asm/percpu.h>

/* Linux's __per_cpu_offset[]: where each CPU's unit is, relative to the template (mm/percpu.c). */
extern unsigned long __per_cpu_offset[NR_CPUS];
/* The template's bounds (the linker script). */
extern char __per_cpu_start[], __per_cpu_end[];

#define DEFINE_PER_CPU(type, name)	__section(".data..percpu") __typeof__(type) name
#define DECLARE_PER_CPU(type, name)	extern __typeof__(type) name

/* CPU @cpu's instance of the per-CPU object @ptr points to. */
#define per_cpu_offset(cpu)		(__per_cpu_offset[(cpu)])
#define per_cpu_ptr(ptr, cpu)						\
	((__typeof__(ptr))((unsigned long)(ptr) + per_cpu_offset(cpu)))
/* This CPU's instance: the offset from TPIDRPRW (asm/percpu.h), no CPU number needed. */
#define this_cpu_ptr(ptr)						\
	((__typeof__(ptr))((unsigned long)(ptr) + __my_cpu_offset()))
#define per_cpu(var, cpu)		(*per_cpu_ptr(&(var), cpu))

/* Linux's PERCPU_MODULE_RESERVE (CONFIG_MODULES): the reserved area, for modules' static per-CPU data. */
#define PERCPU_MODULE_RESERVE		(8 << 10)
/* Linux's PCPU_MIN_UNIT_SIZE: no unit is smaller (32 KiB, page aligned). */
#define PCPU_MIN_UNIT_SIZE		(32 << 10)
/* Linux's PERCPU_DYNAMIC_EARLY_SIZE: the dynamic area is never smaller. */
#define PERCPU_DYNAMIC_EARLY_SIZE	(20 << 10)
/* Linux's PERCPU_DYNAMIC_RESERVE for 32-bit longs: the dynamic area asked for. */
#define PERCPU_DYNAMIC_RESERVE		(20 << 10)
/* Linux's PCPU_MIN_ALLOC_SHIFT/SIZE: allocations are made of 4-byte pieces. */
#define PCPU_MIN_ALLOC_SHIFT		2
#define PCPU_MIN_ALLOC_SIZE		(1 << PCPU_MIN_ALLOC_SHIFT)

/* Copy the template per possible CPU and set the offsets (mm/percpu.c). */
void setup_per_cpu_areas(void);

/*
 * Linux's per-CPU allocator (mm/percpu.c): @size bytes at @align in every
 * possible CPU's unit, zeroed, or NULL (with a warning unless __GFP_NOWARN).
 */
void __percpu *__alloc_percpu_gfp(size_t size, size_t align, unsigned int gfp);
void __percpu *__alloc_percpu(size_t size, size_t align);
/* From the reserved area (modules' static data in Linux). */
void __percpu *__alloc_reserved_percpu(size_t size, size_t align);
void free_percpu(void __percpu *ptr);
/* Pages backing the per-CPU chunks, all units (meminfo's Percpu). */
unsigned long pcpu_nr_pages(void);

#define alloc_percpu_gfp(type, gfp)					\
	((__typeof__(type) __percpu *)__alloc_percpu_gfp(sizeof(type), __alignof__(type), (gfp)))
#define alloc_percpu(type)						\
	((__typeof__(type) __percpu *)__alloc_percpu(sizeof(type), __alignof__(type)))

#endif
