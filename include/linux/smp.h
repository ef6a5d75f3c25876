/*
 * Which CPU runs and which CPUs exist. Follows Linux's include/linux/smp.h
 * and cpumask.h (v6.x) for one CPU: secondary CPUs are never started, so
 * CPU 0 is the only one possible and online. Code that loops over the CPUs
 * already does what more CPUs will need.
 */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

/* Linux's NR_CPUS (CONFIG_NR_CPUS): the CPUs per-CPU data has instances for. */
#define NR_CPUS			1

static inline unsigned int smp_processor_id(void)
{
	return 0;
}

static inline unsigned int num_online_cpus(void)
{
	return 1;
}

#define for_each_possible_cpu(cpu)	for ((cpu) = 0; (cpu) < NR_CPUS; (cpu)++)
#define for_each_online_cpu(cpu)	for ((cpu) = 0; (cpu) < num_online_cpus(); (cpu)++)

#endif
