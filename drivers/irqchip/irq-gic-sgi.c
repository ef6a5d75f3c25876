/*
 * GICv2 software-generated interrupts as wake-up events
 * (linux/irqchip/arm-gic.h). Follows what Linux's irq-gic.c (v6.1) does
 * for them: gic_dist_init's enable, gic_ipi_send_mask's barrier and
 * GICD_SGIR write, the IAR/EOIR pair of gic_handle_irq.
 */
#include <linux/irqchip/arm-gic.h>
#include <linux/kernel.h>
#include <asm/barrier.h>
#include <asm/early_ioremap.h>
#include <asm/io.h>

static void __iomem *gic_dist;
static void __iomem *gic_cpu;

unsigned int gic_nr_cpu_interfaces(phys_addr_t dist_phys)
{
	void __iomem *dist = early_ioremap(dist_phys, 0x1000);
	unsigned int n;

	if (!dist)
		return 0;
	n = GICD_TYPER_CPUS(readl(dist + GIC_DIST_CTR));
	early_iounmap(dist, 0x1000);
	return n;
}

unsigned int gic_sgi_init(phys_addr_t dist_phys, phys_addr_t cpu_phys)
{
	if (!gic_dist)
		gic_dist = ioremap(dist_phys, 0x1000);
	if (!gic_cpu)
		gic_cpu = ioremap(cpu_phys, 0x1000);
	if (!gic_dist || !gic_cpu)
		return 0;
	writel(readl(gic_dist + GIC_DIST_CTRL) | GICD_ENABLE, gic_dist + GIC_DIST_CTRL);
	return GICD_TYPER_CPUS(readl(gic_dist + GIC_DIST_CTR));
}

void gic_send_sgi(unsigned int cpu_if, unsigned int sgi)
{
	/* What the woken CPU will read is visible to it before the SGI arrives (as Linux's dmb(ishst)). */
	dsb(ishst);
	writel((1u << (16 + cpu_if)) | sgi, gic_dist + GIC_DIST_SOFTINT);
}

void gic_ack_sgis(void)
{
	for (;;) {
		u32 iar = readl(gic_cpu + GIC_CPU_INTACK);

		if ((iar & GICC_IAR_INT_ID_MASK) == GICC_SPURIOUS)
			return;
		writel(iar, gic_cpu + GIC_CPU_EOI);
	}
}
