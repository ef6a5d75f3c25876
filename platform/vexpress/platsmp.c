/*
 * Starting the Versatile Express's secondary CPUs. Follows Linux's
 * arch/arm/mach-versatile/platsmp-vexpress.c and platsmp.c (v6.1):
 * the boot loader (on QEMU, hw/arm/boot.c's secondary loader) parks every
 * secondary CPU in WFI with its GIC CPU interface enabled; woken, a CPU
 * jumps to the address in the system controller's SYS_FLAGS register if
 * it is not zero. So: SYS_FLAGS gets secondary_startup's physical
 * address, the holding pen (secondary_data.pen) names the one CPU that
 * may go on, and an SGI wakes it.
 */
#include <linux/errno.h>
#include <linux/irqchip/arm-gic.h>
#include <linux/kernel.h>
#include <linux/smp.h>
#include <asm/barrier.h>
#include <asm/cacheflush.h>
#include <asm/io.h>
#include <asm/memory.h>
#include <asm/smp.h>
#include <asm/system.h>
#include <mach/vexpress.h>

/* The system controller's flags: read at +0x30, bits set through +0x30 and cleared through +0x34. */
#define SYS_FLAGSSET		0x30
#define SYS_FLAGSCLR		0x34

/*
 * Follows Linux's vexpress_smp_dt_prepare_cpus and vexpress_flags_set
 * (v6.1). Present are the possible CPUs the GIC has an interface for (its
 * GICD_TYPER): QEMU gives it as many as -smp asks, and no other CPU could
 * be woken. Linux takes every CPU of the DT as present and finds out by
 * waiting a second for it; the message is the same.
 */
static void vexpress_smp_prepare_cpus(unsigned int max_cpus)
{
	phys_addr_t dist, cpu_if;
	unsigned int gic_cpus;
	void __iomem *sysreg;

	if (!gic_dt_regs(&dist, &cpu_if))
		return;
	gic_cpus = gic_nr_cpu_interfaces(dist);
	/* Alone, map nothing: a one-CPU boot's vmalloc area stays as it was. */
	if (gic_cpus < 2 || gic_sgi_init(dist, cpu_if) < 2)
		return;
	sysreg = ioremap(V2M_SYSREG_PHYS, V2M_SYSREG_SIZE);
	if (!sysreg)
		return;
	writel(~0u, sysreg + SYS_FLAGSCLR);
	writel((u32)__pa(secondary_startup), sysreg + SYS_FLAGSSET);
	iounmap(sysreg);
	for (unsigned int cpu = 1; cpu < max_cpus; cpu++)
		if ((cpu_logical_map(cpu) & 0xff) < gic_cpus)
			cpu_present_bits |= 1UL << cpu;
}

/*
 * Follows Linux's versatile_boot_secondary (v6.1): the CPU's MPIDR into
 * the pen, the wake-up SGI, then up to a second for the CPU to leave the
 * pen; -ENOSYS if it does not. A CPU the GIC has no interface for cannot
 * be woken: -ENOSYS at once, where Linux would wait the second out.
 */
static int vexpress_boot_secondary(unsigned int cpu)
{
	u32 hwid = cpu_logical_map(cpu);
	u64 freq = read_cntfrq(), end = read_cntvct() + freq;

	WRITE_ONCE(secondary_data.pen, hwid);
	/* The CPU reads the pen with its caches off. */
	dmac_flush_range(&secondary_data.pen, &secondary_data.pen + 1);
	gic_send_sgi(hwid & 0xff, GIC_SGI_WAKEUP);
	sev();
	while (READ_ONCE(secondary_data.pen) == hwid) {
		if (read_cntvct() > end)
			return -ENOSYS;
		yield();
	}
	return 0;
}

/* The wake-up SGI acknowledged (secondary_start_kernel then lets the boot CPU know the pen is left, as Linux's versatile_secondary_init). */
static void vexpress_secondary_init(unsigned int cpu)
{
	(void)cpu;
	gic_ack_sgis();
}

static void vexpress_send_wakeup(unsigned int cpu)
{
	gic_send_sgi(cpu_logical_map(cpu) & 0xff, GIC_SGI_WAKEUP);
}

const struct smp_operations vexpress_smp_dt_ops = {
	.smp_prepare_cpus = vexpress_smp_prepare_cpus,
	.smp_boot_secondary = vexpress_boot_secondary,
	.smp_secondary_init = vexpress_secondary_init,
	.smp_send_wakeup = vexpress_send_wakeup,
	.smp_wakeup_ack = gic_ack_sgis,
};
