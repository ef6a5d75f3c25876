/*
 * This CPU's per-CPU offset, kept where Linux keeps it on ARMv7: TPIDRPRW,
 * the PL1-only thread ID register (ARM ARM B4.1.150), which each CPU has
 * its own of (arch/arm/include/asm/percpu.h, v6.1). Zero until
 * smp_prepare_boot_cpu (or secondary_start_kernel) sets it: the template
 * is then every CPU's instance, as __per_cpu_offset[] says too.
 */
#ifndef _ASM_PERCPU_H
#define _ASM_PERCPU_H

#include <linux/compiler.h>

#ifdef HOST_TEST
extern unsigned long __per_cpu_offset[];
static inline void set_my_cpu_offset(unsigned long off) { __per_cpu_offset[0] = off; }
static inline unsigned long __my_cpu_offset(void) { return __per_cpu_offset[0]; }
#else
/* Follows Linux's set_my_cpu_offset (v6.1). */
static inline void set_my_cpu_offset(unsigned long off)
{
	__asm__ __volatile__("mcr p15, 0, %0, c13, c0, 4" : : "r"(off) : "memory");
}

/*
 * Follows Linux's __my_cpu_offset (v6.1). Volatile: the register changes
 * once per CPU (at smp_prepare_boot_cpu), and a read must not be taken
 * from before that. Code never moves between CPUs here (no scheduler), so
 * a value read stays this CPU's.
 */
static __always_inline unsigned long __my_cpu_offset(void)
{
	unsigned long off;

	__asm__ __volatile__("mrc p15, 0, %0, c13, c0, 4" : "=r"(off));
	return off;
}
#endif

#endif
