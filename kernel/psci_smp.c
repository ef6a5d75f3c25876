/*
 * Starting secondary CPUs through PSCI CPU_ON (QEMU's virt, orangepi-pc,
 * midway). Follows Linux's arch/arm/kernel/psci_smp.c (v6.1): the CPU
 * starts at secondary_startup's physical address with its MMU off; the
 * holding pen is opened for it first, since secondary_startup waits
 * there on every board. Wake-ups from the idle loop are GIC SGIs, as on
 * vexpress; the firmware leaves a started CPU's GIC interface off, so
 * the CPU turns it on itself.
 */
#include <linux/irqchip/arm-gic.h>
#include <linux/kernel.h>
#include <linux/smp.h>
#include <asm/cacheflush.h>
#include <asm/memory.h>
#include <asm/smp.h>

/* Every possible CPU is there to start: the firmware says which do not come. */
static void psci_smp_prepare_cpus(unsigned int max_cpus)
{
	phys_addr_t dist, cpu_if;

	if (!gic_dt_regs(&dist, &cpu_if) || gic_sgi_init(dist, cpu_if) < 2)
		return;
	for (unsigned int cpu = 1; cpu < max_cpus; cpu++)
		cpu_present_bits |= 1UL << cpu;
}

/* Follows Linux's psci_boot_secondary (v6.1). */
static int psci_boot_secondary(unsigned int cpu)
{
	u32 hwid = cpu_logical_map(cpu);

	WRITE_ONCE(secondary_data.pen, hwid);
	dmac_flush_range(&secondary_data.pen, &secondary_data.pen + 1);
	return psci_cpu_on(hwid, (unsigned long)__pa(secondary_startup));
}

static void psci_secondary_init(unsigned int cpu)
{
	(void)cpu;
	gic_cpu_if_init();
}

static void psci_send_wakeup(unsigned int cpu)
{
	gic_send_sgi(cpu_logical_map(cpu) & 0xff, GIC_SGI_WAKEUP);
}

const struct smp_operations psci_smp_ops = {
	.smp_prepare_cpus = psci_smp_prepare_cpus,
	.smp_boot_secondary = psci_boot_secondary,
	.smp_secondary_init = psci_secondary_init,
	.smp_send_wakeup = psci_send_wakeup,
	.smp_wakeup_ack = gic_ack_sgis,
};
