/*
 * Power-off through the Versatile Express system registers: a "shutdown"
 * (function 8) to the motherboard's configuration controller
 * (mach/sysreg.h). Follows Linux's vexpress-sysreg, vexpress-config and
 * vexpress-poweroff drivers (v6.1): the registers are ioremapped when the
 * driver probes. Before that (a panic during boot) power-off maps them
 * itself through early_ioremap. Linux has no such fallback (without
 * pm_power_off its panic waits forever); here a run must always end.
 * Before the fixmap is up nothing can reach them (machine_power_off uses
 * semihosting until the device tree named the machine).
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <asm/early_ioremap.h>
#include <asm/io.h>
#include <asm/memory.h>
#include <asm/reboot.h>
#include <mach/sysreg.h>
#include <mach/vexpress.h>

/* The registers' ioremap, once vexpress_sysreg_probe made it. */
static void __iomem *sysreg_base;

/* Linux's device name for the node: its address, a dot, the node's name. */
#define SYSREG_DEV_NAME		"1c010000.sysreg"
_Static_assert(V2M_SYSREG_PHYS == 0x1c010000, "SYSREG_DEV_NAME names the system controller's address");

/*
 * Follows Linux's vexpress_sysreg_probe (drivers/mfd/vexpress-sysreg.c,
 * v6.1): its one register block ioremapped (devm_ioremap, silent when it
 * fails; the driver core then reports the probe's -ENOMEM).
 */
void vexpress_sysreg_probe(void)
{
	void __iomem *base = ioremap(V2M_SYSREG_PHYS, V2M_SYSREG_SIZE);

	if (!base) {
		pr_warn("vexpress-sysreg: probe of " SYSREG_DEV_NAME " failed with error %d\n", -ENOMEM);
		return;
	}
	sysreg_base = base;
}

void __iomem *vexpress_sysreg_base(void)
{
	return sysreg_base;
}

/* Where power-off reaches the registers now; NULL before the fixmap is up or if early_ioremap has no free slot. */
static void __iomem *sysreg_for_power_off(void)
{
	if (sysreg_base)
		return sysreg_base;
	return early_ioremap(V2M_SYSREG_PHYS, V2M_SYSREG_SIZE);
}

/* Ask the motherboard to power off; never returns. */
void vexpress_power_off(void)
{
	void __iomem *base = sysreg_for_power_off();

	if (base) {
		writel(0, base + SYS_CFGDATA);
		writel(SYS_CFGCTRL_SHUTDOWN, base + SYS_CFGCTRL);
	}
	for (;;)
		__asm__ __volatile__("wfi");
}
