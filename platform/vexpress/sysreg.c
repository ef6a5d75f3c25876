/*
 * Power-off through the Versatile Express system registers: a "shutdown"
 * (function 8) to the motherboard's configuration controller
 * (mach/sysreg.h). Follows Linux's vexpress-poweroff / vexpress-sysreg
 * (v6.x).
 */
#include <linux/types.h>
#include <asm/memory.h>
#include <asm/reboot.h>
#include <mach/sysreg.h>
#include <mach/vexpress.h>

#define SYSREG_BASE		(V2M_PERIPH_VIRT + V2M_SYSREG_OFFSET)

/* Ask the motherboard to power off; never returns. */
void vexpress_power_off(void)
{
	volatile u32 *base = (volatile u32 *)SYSREG_BASE;

	base[SYS_CFGDATA / 4] = 0;
	base[SYS_CFGCTRL / 4] = SYS_CFGCTRL_SHUTDOWN;
	for (;;)
		__asm__ __volatile__("wfi");
}
