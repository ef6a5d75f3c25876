/*
 * The Versatile Express machine descriptor. Follows Linux's
 * mach-vexpress/v2m.c (v6.x) for the match; map_io follows the static
 * mapping of the motherboard peripherals older Linux had there (v3.x
 * v2m_map_io), which current Linux replaced with ioremap from drivers.
 */
#include <linux/kernel.h>
#include <asm/mach/arch.h>
#include <asm/mach/map.h>
#include <asm/page.h>
#include <asm/static_vm.h>
#include <mach/vexpress.h>

static const char *const v2m_dt_match[] = {
	"arm,vexpress",
	0
};

/* The motherboard peripherals (sysregs, UARTs, timers, ...), where power-off and the console reach them. */
static const struct map_desc v2m_io_desc[] = {
	{
		.virtual = V2M_PERIPH_VIRT,
		.pfn = V2M_PERIPH_PHYS >> PAGE_SHIFT,
		.length = V2M_PERIPH_SIZE,
		.type = MT_DEVICE,
	},
};

static void v2m_map_io(void)
{
	iotable_init(v2m_io_desc, ARRAY_SIZE(v2m_io_desc));
}

DT_MACHINE_START(VEXPRESS_DT, "ARM-Versatile Express")
	.dt_compat = v2m_dt_match,
	.map_io = v2m_map_io,
MACHINE_END
