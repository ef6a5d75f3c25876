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
#include <linux/of_fdt.h>
#include <linux/string.h>
#include <libfdt.h>
#include <asm/early_ioremap.h>
#include <asm/io.h>
#include <asm/memory.h>
#include <asm/reboot.h>
#include <mach/sysreg.h>
#include <mach/vexpress.h>

/* The registers' ioremap, once vexpress_sysreg_probe made it. */
static void __iomem *sysreg_base;

/*
 * Follows Linux's vexpress_sysreg_probe (drivers/mfd/vexpress-sysreg.c,
 * v6.1): the tree's "arm,vexpress-sysreg" node (0x1c010000 on vexpress-a15,
 * 0x10000000 in the A9's legacy map), its one register block ioremapped
 * (devm_ioremap, silent when it fails; the driver core then reports the
 * probe's -ENOMEM under the device's name, "<address>.<node name>").
 */
void vexpress_sysreg_probe(void)
{
	const void *fdt = initial_boot_params;
	int node = fdt ? fdt_node_offset_by_compatible(fdt, -1, "arm,vexpress-sysreg") : -1;
	void __iomem *base;
	u64 phys, size;
	const char *name;
	int name_len;

	if (node < 0 || !of_fdt_device_is_available(fdt, node) || of_fdt_reg_address(fdt, node, 0, &phys, &size))
		return;
	base = ioremap((phys_addr_t)phys, (size_t)size);
	if (!base) {
		const char *at;

		name = fdt_get_name(fdt, node, &name_len);
		at = memchr(name, '@', (size_t)name_len);
		if (at)
			name_len = (int)(at - name);
		pr_warn("vexpress-sysreg: probe of %llx.%.*s failed with error %d\n",
			(unsigned long long)phys, name_len, name, -ENOMEM);
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
