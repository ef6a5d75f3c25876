/*
 * Bringing up the secondary CPUs. Follows Linux's arch/arm/include/asm/smp.h
 * (v6.1): the per-machine smp_operations, and secondary_data, what the
 * boot CPU leaves for a secondary's first instructions (boot/head-smp.S).
 */
#ifndef _ASM_SMP_H
#define _ASM_SMP_H

/* secondary_data's layout, for head-smp.S (checked against the struct in kernel/smp-boot.c). */
#define SD_TTBR0	0	/* the kernel's TTBR0, as the boot CPU has it (64-bit) */
#define SD_TTBR1	8	/* and TTBR1 */
#define SD_PGDIR	16	/* the identity map's tables, physical (asm/idmap.h) */
#define SD_STACK	20	/* the top of the CPU's kernel stack, virtual */
#define SD_PEN		24	/* MPIDR[23:0] of the CPU let out of the holding pen, ~0: none */
#define SD_SCTLR	28	/* the boot CPU's SCTLR (high vectors and all) */
#define SD_SIZE		32

#ifndef __ASSEMBLY__
#include <linux/types.h>

struct secondary_data {
	u64 ttbr0;
	u64 ttbr1;
	u32 pgdir;
	u32 stack;
	u32 pen;
	u32 sctlr;
};
extern struct secondary_data secondary_data;

/* Follows Linux's struct smp_operations (v6.1), the calls this kernel makes. */
struct smp_operations {
	/* Map what bringing CPUs up needs (Linux's smp_prepare_cpus). */
	void (*smp_prepare_cpus)(unsigned int max_cpus);
	/* Start @cpu at secondary_startup's physical address: 0, or a negative errno. */
	int (*smp_boot_secondary)(unsigned int cpu);
	/* On the new CPU, before it says it is online. */
	void (*smp_secondary_init)(unsigned int cpu);
	/* Wake @cpu from its idle loop's WFI (Linux's IPI). */
	void (*smp_send_wakeup)(unsigned int cpu);
	/* On an idle CPU woken by smp_send_wakeup: forget the wake-up. */
	void (*smp_wakeup_ack)(void);
};

/* Starting CPUs through PSCI CPU_ON (kernel/psci_smp.c), Linux's psci_smp_ops. */
extern const struct smp_operations psci_smp_ops;

/* drivers/firmware/psci.c's (Linux's psci_smp_available and psci_cpu_on, v6.1). */
bool psci_smp_available(void);
int psci_cpu_on(unsigned long cpuid, unsigned long entry_point);

/* Linux's smp_ops(): what a machine descriptor's .smp holds. */
#define smp_ops(ops)	(&(ops))

/* The first instruction of a secondary CPU (boot/head-smp.S), at its physical address. */
void secondary_startup(void);
/* Where head-smp.S goes once the MMU is on; never returns. */
void secondary_start_kernel(void);

/*
 * Run @fn(@arg) on the online CPU @cpu from its idle loop (the CPU is
 * woken for it). smp_call_wait waits for it to return. One call per CPU at
 * a time (a caller finding it busy gets -EBUSY); a CPU calls its own @fn
 * directly. Not Linux's
 * smp_call_function_single: no IPI handler exists here, the idle loop
 * polls for work.
 */
#ifdef HOST_TEST
/* The host tests run one CPU: there is no other to call. */
static inline int smp_call_on_cpu_async(unsigned int cpu, void (*fn)(void *), void *arg)
{
	(void)cpu, (void)fn, (void)arg;
	return -22;	/* -EINVAL */
}
static inline void smp_call_wait(unsigned int cpu) { (void)cpu; }
#else
int smp_call_on_cpu_async(unsigned int cpu, void (*fn)(void *), void *arg);
void smp_call_wait(unsigned int cpu);
#endif
#endif

#endif
