/*
 * Which CPU runs and which CPUs exist. Follows Linux's include/linux/smp.h
 * and cpumask.h (v6.x). The possible CPUs are the ones the device tree
 * lists (arm_dt_init_cpu_maps numbers them 0..nr_cpu_ids-1, the boot CPU
 * first), so a count stands for Linux's cpu_possible_mask. Secondary CPUs
 * are never started: CPU 0 is the only one online, but per-CPU data has an
 * instance for every possible CPU, as in Linux.
 */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

/* Linux's NR_CPUS (CONFIG_NR_CPUS, 8 in Debian's armmp kernels): the most CPUs the DT may list. */
#define NR_CPUS			8

/* Linux's nr_cpu_ids (kernel/smp.c): how many CPUs are possible; 1 until the DT is read. */
extern unsigned int nr_cpu_ids;

static inline unsigned int smp_processor_id(void)
{
	return 0;
}

static inline unsigned int num_online_cpus(void)
{
	return 1;
}

static inline unsigned int num_possible_cpus(void)
{
	return nr_cpu_ids;
}

#define for_each_possible_cpu(cpu)	for ((cpu) = 0; (cpu) < nr_cpu_ids; (cpu)++)
#define for_each_online_cpu(cpu)	for ((cpu) = 0; (cpu) < num_online_cpus(); (cpu)++)

#endif
