/*
 * Power-off through the Versatile Express system registers: SYS_CFGDATA
 * and SYS_CFGCTRL at 0xa0/0xa4 start a "shutdown" (function 8) on the
 * motherboard's configuration controller; QEMU then exits with status 0.
 * Follows Linux's vexpress-poweroff / vexpress-sysreg (v6.x).
 */
#include <linux/types.h>
#include <asm/memory.h>
#include <asm/reboot.h>
#include <mach/vexpress.h>

#define SYSREG_BASE		(V2M_PERIPH_VIRT + V2M_SYSREG_OFFSET)
#define SYS_CFGDATA		0xa0
#define SYS_CFGCTRL		0xa4
#define SYS_CFGCTRL_START	(1u << 31)
#define SYS_CFGCTRL_WRITE	(1u << 30)
#define SYS_CFG_SHUTDOWN	8
#define SYS_CFGCTRL_FUNC(f)	((u32)(f) << 20)

/* Ask the motherboard to power off; never returns. */
void vexpress_power_off(void)
{
	volatile u32 *base = (volatile u32 *)SYSREG_BASE;

	base[SYS_CFGDATA / 4] = 0;
	base[SYS_CFGCTRL / 4] = SYS_CFGCTRL_START | SYS_CFGCTRL_WRITE |
				SYS_CFGCTRL_FUNC(SYS_CFG_SHUTDOWN);
	for (;;)
		__asm__ __volatile__("wfi");
}
