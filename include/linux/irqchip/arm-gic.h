/*
 * The part of a GICv2 (ARM IHI 0048B) the secondary CPUs' bring-up uses:
 * software-generated interrupts as wake-up events. Register offsets follow
 * Linux's include/linux/irqchip/arm-gic.h (v6.1). No interrupt is ever
 * taken: an SGI only ends a WFI (ARM ARM chapter B1, "Wait For Interrupt": a pending interrupt
 * wakes the CPU even with CPSR.I set), and the woken CPU acknowledges it.
 */
#ifndef _LINUX_IRQCHIP_ARM_GIC_H
#define _LINUX_IRQCHIP_ARM_GIC_H

#include <linux/types.h>

#define GIC_DIST_CTRL		0x000
#define GIC_DIST_CTR		0x004	/* GICD_TYPER */
#define GIC_DIST_SOFTINT	0xf00	/* GICD_SGIR */
#define GIC_CPU_CTRL		0x00
#define GIC_CPU_PRIMASK		0x04
#define GIC_CPU_INTACK		0x0c	/* GICC_IAR */
#define GIC_CPU_EOI		0x10	/* GICC_EOIR */

#define GICD_ENABLE		0x1
#define GICD_TYPER_CPUS(typer)	((((typer) >> 5) & 7) + 1)	/* CPUNumber + 1 */
#define GICC_IAR_INT_ID_MASK	0x3ff
#define GICC_SPURIOUS		1023

/* The SGI that wakes an idle CPU (Linux's IPI_WAKEUP is SGI 0 too). */
#define GIC_SGI_WAKEUP		0

/*
 * How many CPU interfaces the GIC whose distributor is at @dist_phys has
 * (GICD_TYPER), read through a passing early_ioremap: nothing stays mapped.
 */
unsigned int gic_nr_cpu_interfaces(phys_addr_t dist_phys);
/*
 * Map the distributor and the CPU interface and enable the distributor.
 * The number of CPU interfaces the GIC has (GICD_TYPER), 0 if a mapping failed.
 */
unsigned int gic_sgi_init(phys_addr_t dist_phys, phys_addr_t cpu_phys);
/* The distributor's and the CPU interface's addresses from the device tree's GICv2 node. */
bool gic_dt_regs(phys_addr_t *dist_phys, phys_addr_t *cpu_phys);
/* This CPU's interface on, every priority let through (what QEMU's vexpress loader does for a secondary). */
void gic_cpu_if_init(void);
/* Send SGI @sgi to the CPU interface @cpu_if (the CPU's MPIDR.Aff0 on a single cluster). */
void gic_send_sgi(unsigned int cpu_if, unsigned int sgi);
/* On this CPU: acknowledge and end every pending SGI. */
void gic_ack_sgis(void);

#endif
