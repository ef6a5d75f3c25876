/*
 * The possible and online CPUs (Linux's nr_cpu_ids, kernel/smp.c, and
 * cpu_online_mask); arm_dt_init_cpu_maps sets the possible ones and their
 * MPIDRs, each CPU marks itself online (kernel/smp-boot.c).
 */
#include <linux/smp.h>

/* The boot CPU is possible and online from the start, as Linux's boot_cpu_init makes it. */
unsigned int nr_cpu_ids = 1;
unsigned long cpu_online_bits = 1;
unsigned long cpu_present_bits = 1;
u32 __cpu_logical_map[NR_CPUS];
