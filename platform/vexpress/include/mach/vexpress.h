/*
 * Fixed facts of the Versatile Express "RS1" memory map (motherboard
 * peripherals at 0x1c000000) as QEMU's vexpress-a15 models it. Only the
 * earliest boot code uses these directly; later code reads the DTB.
 */
#ifndef _MACH_VEXPRESS_H
#define _MACH_VEXPRESS_H

#include <linux/const.h>
#include <asm/memory.h>

/*
 * The motherboard peripherals. There is no static mapping of them (Linux
 * 6.1's vexpress has no map_io): power-off goes through early_ioremap,
 * then an ioremap (platform/vexpress/sysreg.c); the console finds its UART
 * in the device tree (drivers/tty/serial/).
 */
#define V2M_PERIPH_PHYS		UL(0x1c000000)
#define V2M_PERIPH_SIZE		UL(0x00200000)
#define V2M_SYSREG_OFFSET	0x00010000	/* system registers (SYS_CFG*) */
#define V2M_UART0_OFFSET	0x00090000	/* PL011 UART0 */
#define V2M_SYSREG_PHYS		(V2M_PERIPH_PHYS + V2M_SYSREG_OFFSET)
#define V2M_UART0_PHYS		(V2M_PERIPH_PHYS + V2M_UART0_OFFSET)
/* Each is one 4 KiB register block (the reg sizes of the device tree's sysreg and serial nodes). */
#define V2M_SYSREG_SIZE		UL(0x1000)
#define V2M_UART0_SIZE		UL(0x1000)

/*
 * RAM base the ELF file's load addresses assume (vmlinux's LMA), so
 * `qemu -kernel vmlinux` works too. The raw Image does not depend on it:
 * head.S finds PHYS_OFFSET from where it was loaded.
 */
#define V2M_RAM_PHYS		UL(0x80000000)

#endif
