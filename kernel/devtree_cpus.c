/*
 * The possible CPUs from the device tree's /cpus node. Follows Linux's
 * arm_dt_init_cpu_maps (arch/arm/kernel/devtree.c, v6.1): each cpu node's
 * reg is its MPIDR affinity; the boot CPU becomes CPU 0, the others 1, 2,
 * ... in the order listed. A list Linux would not trust (a reg with bits
 * above MPIDR[23:0] or missing, a duplicate, no node for the boot CPU)
 * leaves only the boot CPU possible, as Linux keeps its default map.
 */
#include <linux/kernel.h>
#include <linux/of_fdt.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <libfdt.h>
#include <asm/setup.h>
#include <asm/system.h>

/* Linux's MPIDR_HWID_BITMASK: the affinity fields a DT reg may hold. */
#define MPIDR_HWID_BITMASK	0xffffffu

/* A node's device_type is "cpu" (Linux's for_each_of_cpu_node selects on it). */
static bool fdt_node_is_cpu(const void *fdt, int node)
{
	int len;
	const char *type = fdt_getprop(fdt, node, "device_type", &len);

	return type && len == sizeof("cpu") && !memcmp(type, "cpu", sizeof("cpu"));
}

/* Follows Linux's of_get_cpu_hwid (drivers/of/base.c, v6.1) for one-cell reg: ~0 when missing. */
static u32 fdt_cpu_hwid(const void *fdt, int node)
{
	int len;
	const fdt32_t *reg = fdt_getprop(fdt, node, "reg", &len);

	if (!reg || len < (int)sizeof(*reg))
		return ~0u;
	return fdt32_to_cpu(reg[0]);
}

/* Follows Linux's arm_dt_init_cpu_maps (arch/arm/kernel/devtree.c, v6.1). */
void arm_dt_init_cpu_maps(void)
{
	const void *fdt = initial_boot_params;
	u32 mpidr = read_cpuid_mpidr() & MPIDR_HWID_BITMASK;
	u32 tmp_map[NR_CPUS];
	unsigned int cpuidx = 1, i, j;
	bool bootcpu_valid = false;
	int cpus, node;

	if (!fdt)
		return;
	cpus = fdt_path_offset(fdt, "/cpus");
	if (cpus < 0)
		return;
	for (i = 0; i < NR_CPUS; i++)
		tmp_map[i] = ~0u;

	fdt_for_each_subnode(node, fdt, cpus) {
		u32 hwid;

		if (!fdt_node_is_cpu(fdt, node))
			continue;
		hwid = fdt_cpu_hwid(fdt, node);
		/* reg holds MPIDR[23:0]: anything above is not a CPU this kernel can name. */
		if (hwid & ~MPIDR_HWID_BITMASK)
			return;
		for (j = 0; j < cpuidx; j++) {
			if (WARN_ON(tmp_map[j] == hwid)) {
				pr_warn("Duplicate /cpu reg properties in the DT\n");
				return;
			}
		}
		if (hwid == mpidr) {
			i = 0;
			bootcpu_valid = true;
		} else {
			i = cpuidx++;
		}
		if (WARN_ON(cpuidx > NR_CPUS)) {
			pr_warn("DT /cpu %u nodes greater than max cores %u, capping them\n", cpuidx, NR_CPUS);
			cpuidx = NR_CPUS;
			break;
		}
		tmp_map[i] = hwid;
	}

	if (!bootcpu_valid) {
		pr_warn("DT missing boot CPU MPIDR[23:0], fall back to default cpu_logical_map\n");
		return;
	}
	nr_cpu_ids = cpuidx;
	for (i = 0; i < cpuidx; i++)
		__cpu_logical_map[i] = tmp_map[i];
}
