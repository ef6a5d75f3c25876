/*
 * The Versatile Express machine descriptor. Follows Linux's
 * mach-vexpress/v2m.c (v6.x): the match, and no map_io (older Linux mapped
 * the motherboard peripherals statically there; current Linux's drivers
 * ioremap what they use). init_machine probes the system controller and
 * the console.
 */
#include <linux/kernel.h>
#include <asm/mach/arch.h>
#include <asm/reboot.h>
#include <asm/smp.h>
#include <linux/of_console.h>
#include <mach/sysreg.h>

extern const struct smp_operations vexpress_smp_dt_ops;

static const char *const v2m_dt_match[] = {
	"arm,vexpress",
	0
};

/*
 * Linux's customize_machine populates the devices from the device tree
 * and the drivers probe them later in the initcalls; here they probe at
 * once: the system controller first, so that power-off has its final
 * mapping before anything else can fail, then the console's UART.
 */
static void v2m_init_machine(void)
{
	vexpress_sysreg_probe();
	of_console_probe();
}

DT_MACHINE_START(VEXPRESS_DT, "ARM-Versatile Express")
	.dt_compat = v2m_dt_match,
	.init_machine = v2m_init_machine,
	.power_off = vexpress_power_off,
	.smp = smp_ops(vexpress_smp_dt_ops),
MACHINE_END
