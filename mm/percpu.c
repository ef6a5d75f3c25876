/*
 * The per-CPU areas' offsets (Linux's mm/percpu.c keeps them as
 * __per_cpu_offset[], filled by setup_per_cpu_areas). One CPU: its
 * instance is the .data..percpu section the kernel was linked with.
 */
#include <linux/percpu.h>

unsigned long __per_cpu_offset[NR_CPUS];
