/* The possible CPUs' count (Linux's nr_cpu_ids, kernel/smp.c); arm_dt_init_cpu_maps sets it. */
#include <linux/smp.h>

/* The boot CPU is possible from the start, as Linux's boot_cpu_init makes it. */
unsigned int nr_cpu_ids = 1;
