/*
 * GICv2 software-generated interrupts as wake-up events
 * (linux/irqchip/arm-gic.h). Follows what Linux's irq-gic.c (v6.1) does
 * for them: gic_dist_init's enable, gic_ipi_send_mask's barrier and
 * GICD_SGIR write, the IAR/EOIR pair of gic_handle_irq.
 */
#include <linux/irqchip/arm-gic.h>
#include <linux/kernel.h>
#include <linux/of_fdt.h>
#include <libfdt.h>
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
		/* What the sender wrote before the SGI (the posted call) is read after this (Linux's smp_rmb in gic_handle_irq). */
		smp_rmb();
		writel(iar, gic_cpu + GIC_CPU_EOI);
	}
}

/* The GICv2 compatibles Linux's irq-gic.c matches that the boards here have. */
static const char *const gic_compatibles[] = { "arm,cortex-a15-gic", "arm,cortex-a9-gic", "arm,gic-400" };

/* Cell @i of a reg property, read as @cells 32-bit words. */
static u64 reg_cells(const fdt32_t *reg, int i, int cells)
{
	u64 v = 0;

	for (int c = 0; c < cells; c++)
		v = (v << 32) | fdt32_to_cpu(reg[i + c]);
	return v;
}

bool gic_dt_regs(phys_addr_t *dist_phys, phys_addr_t *cpu_phys)
{
	const void *fdt = initial_boot_params;
	int node = -1, parent, ac, sc, len;
	const fdt32_t *reg;

	if (!fdt)
		return false;
	for (unsigned int i = 0; i < ARRAY_SIZE(gic_compatibles) && node < 0; i++)
		node = fdt_node_offset_by_compatible(fdt, -1, gic_compatibles[i]);
	if (node < 0)
		return false;
	parent = fdt_parent_offset(fdt, node);
	ac = parent >= 0 ? fdt_address_cells(fdt, parent) : 2;
	sc = parent >= 0 ? fdt_size_cells(fdt, parent) : 1;
	reg = fdt_getprop(fdt, node, "reg", &len);
	/* The distributor's range, then the CPU interface's. */
	if (!reg || ac < 1 || ac > 2 || sc < 0 || sc > 2 || len < 2 * (ac + sc) * (int)sizeof(*reg))
		return false;
	*dist_phys = (phys_addr_t)reg_cells(reg, 0, ac);
	*cpu_phys = (phys_addr_t)reg_cells(reg, ac + sc, ac);
	return true;
}

void gic_cpu_if_init(void)
{
	writel(0xff, gic_cpu + GIC_CPU_PRIMASK);
	writel(1, gic_cpu + GIC_CPU_CTRL);
}
