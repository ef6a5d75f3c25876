/*
 * The Versatile Express system registers that power the machine off
 * (Motherboard Express uATX V2M-P1 TRM, ARM DUI 0447, the system register
 * summary): SYS_CFGDATA holds the value, writing SYS_CFGCTRL starts its
 * transfer to the function named; QEMU then exits with status 0. For
 * boot/head.S's power-off before the MMU is on and for
 * platform/vexpress/sysreg.c (Linux's vexpress-sysreg and vexpress-poweroff).
 */
#ifndef _MACH_SYSREG_H
#define _MACH_SYSREG_H

#include <linux/const.h>

#define SYS_CFGDATA		0xa0
#define SYS_CFGCTRL		0xa4
#define SYS_CFGCTRL_START	(UL(1) << 31)
#define SYS_CFGCTRL_WRITE	(UL(1) << 30)
#define SYS_CFGCTRL_FUNC(f)	((f) << 20)	/* [25:20] */
#define SYS_CFG_SHUTDOWN	UL(8)

/* Write SHUTDOWN to site 0, position 0, device 0 (site, position and device 0: the motherboard's). */
#define SYS_CFGCTRL_SHUTDOWN	(SYS_CFGCTRL_START | SYS_CFGCTRL_WRITE | SYS_CFGCTRL_FUNC(SYS_CFG_SHUTDOWN))

#ifndef __ASSEMBLY__
#include <asm/io.h>

/* ioremap the system registers (the machine's init_machine, once ioremap works). */
void vexpress_sysreg_probe(void);
/* Their ioremap; NULL before the probe or when it failed. */
void __iomem *vexpress_sysreg_base(void);
#endif

#endif
