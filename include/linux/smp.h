/*
 * Which CPU runs and which CPUs exist. Follows Linux's include/linux/smp.h
 * and cpumask.h (v6.x). The possible CPUs are the ones the device tree
 * lists (arm_dt_init_cpu_maps numbers them 0..nr_cpu_ids-1, the boot CPU
 * first), so a count stands for Linux's cpu_possible_mask; the online
 * ones are a bit mask a CPU sets for itself once it runs (kernel/smp.c).
 * Per-CPU data has an instance for every possible CPU, as in Linux.
 */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/percpu.h>

/* Linux's NR_CPUS (CONFIG_NR_CPUS, 8 in Debian's armmp kernels): the most CPUs the DT may list. */
#define NR_CPUS			8

/* Linux's nr_cpu_ids (kernel/smp.c): how many CPUs are possible; 1 until the DT is read. */
extern unsigned int nr_cpu_ids;
/* Linux's cpu_online_mask, one word (NR_CPUS fits): bit n set once CPU n runs. */
extern unsigned long cpu_online_bits;
/*
 * Linux's cpu_present_mask, one word: the CPUs there are to start. The
 * machine's smp_prepare_cpus says which possible CPUs exist (on vexpress,
 * those the GIC has an interface for).
 */
extern unsigned long cpu_present_bits;
/* Linux's __cpu_logical_map: each possible CPU's MPIDR affinity, from the DT. */
extern u32 __cpu_logical_map[NR_CPUS];
#define cpu_logical_map(cpu)	(__cpu_logical_map[(cpu)])

/*
 * The CPU number, a per-CPU variable each CPU's unit holds its own value
 * of, read through this CPU's offset (TPIDRPRW). Linux's ARM reads it from
 * thread_info; with no tasks here, the per-CPU unit is where it lives.
 */
extern unsigned int cpu_number;

static __always_inline unsigned int smp_processor_id(void)
{
#ifdef HOST_TEST
	return 0;
#else
	return *(const unsigned int *)((unsigned long)&cpu_number + __my_cpu_offset());
#endif
}

static inline unsigned int num_online_cpus(void)
{
	return (unsigned int)__builtin_popcountl(READ_ONCE(cpu_online_bits));
}

static inline bool cpu_online(unsigned int cpu)
{
	return READ_ONCE(cpu_online_bits) & (1UL << cpu);
}

static inline unsigned int num_possible_cpus(void)
{
	return nr_cpu_ids;
}

#define for_each_possible_cpu(cpu)	for ((cpu) = 0; (cpu) < nr_cpu_ids; (cpu)++)
#define for_each_online_cpu(cpu)					\
	for ((cpu) = 0; (cpu) < nr_cpu_ids; (cpu)++)			\
		if (!cpu_online(cpu)) { } else

/* Linux's smp_setup_processor_id: this CPU's offset register zeroed, before any per-CPU access. */
void smp_setup_processor_id(void);
/* Linux's smp_prepare_boot_cpu: once the per-CPU areas exist, CPU 0 uses its own unit. */
void smp_prepare_boot_cpu(void);
/* Linux's smp_prepare_cpus and smp_init: the topology line, then the secondaries brought up. */
void smp_prepare_cpus(void);
void smp_init(void);

#endif
