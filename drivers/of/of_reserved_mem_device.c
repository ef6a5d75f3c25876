/*
 * Devices and /reserved-memory after boot: a device's memory-region entry
 * gives it the region's CMA area or coherent pool. Follows Linux's
 * of_reserved_mem_device_init_by_idx, of_reserved_mem_device_release and
 * of_reserved_mem_lookup (drivers/of/of_reserved_mem.c, v6.1). Apart from
 * the boot-time file so that the host tests of the boot half need none of
 * the allocators. In Linux each setup sets the region's ops; here a table
 * gives the ops of the setup that took the region.
 */
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/of_fdt.h>
#include <linux/of_reserved_mem.h>
#include <libfdt.h>

static const struct {
	int (*setup)(struct reserved_mem *rmem);
	const struct reserved_mem_ops *ops;
} reserved_mem_device_ops[] = {
	{ rmem_cma_setup, &rmem_cma_ops },
	{ rmem_dma_setup, &rmem_dma_ops },
};

/* Which device holds which region (Linux's of_rmem_assigned_device_list). */
static struct {
	struct device *dev;
	struct reserved_mem *rmem;
} assigned[MAX_RESERVED_REGIONS];

static const struct reserved_mem_ops *rmem_ops(const struct reserved_mem *rmem)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(reserved_mem_device_ops); i++)
		if (rmem->setup == reserved_mem_device_ops[i].setup)
			return reserved_mem_device_ops[i].ops;
	return NULL;
}

/* Follows Linux's of_reserved_mem_lookup (v6.1). */
struct reserved_mem *of_reserved_mem_lookup(int node)
{
	for (int i = 0; i < reserved_mem_count; i++)
		if (reserved_mem[i].fdt_node == node)
			return &reserved_mem[i];
	return NULL;
}

/* Follows Linux's of_reserved_mem_device_init_by_idx (v6.1). */
int of_reserved_mem_device_init_by_idx(struct device *dev, int node, int idx)
{
	const void *fdt = initial_boot_params;
	const fdt32_t *prop;
	const struct reserved_mem_ops *ops;
	struct reserved_mem *rmem;
	int len, target, ret;

	prop = fdt_getprop(fdt, node, "memory-region", &len);
	if (!prop || idx < 0 || (idx + 1) * (int)sizeof(*prop) > len)
		return -ENODEV;
	target = fdt_node_offset_by_phandle(fdt, fdt32_to_cpu(prop[idx]));
	if (target < 0)
		return -ENODEV;
	rmem = of_reserved_mem_lookup(target);
	ops = rmem ? rmem_ops(rmem) : NULL;
	if (!ops || !ops->device_init)
		return -EINVAL;
	ret = ops->device_init(rmem, dev);
	if (ret)
		return ret;
	for (unsigned int i = 0; i < ARRAY_SIZE(assigned); i++) {
		if (!assigned[i].dev) {
			assigned[i].dev = dev;
			assigned[i].rmem = rmem;
			break;
		}
	}
	pr_info("%s: assigned reserved memory node %s\n", dev->init_name, rmem->name);
	return 0;
}

/* Follows Linux's of_reserved_mem_device_release (v6.1): every region the device was given. */
void of_reserved_mem_device_release(struct device *dev)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(assigned); i++) {
		const struct reserved_mem_ops *ops;

		if (assigned[i].dev != dev)
			continue;
		ops = rmem_ops(assigned[i].rmem);
		if (ops && ops->device_release)
			ops->device_release(assigned[i].rmem, dev);
		assigned[i].dev = NULL;
		assigned[i].rmem = NULL;
	}
}
