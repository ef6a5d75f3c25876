/*
 * Per-device coherent pools from /reserved-memory. Follows Linux's
 * kernel/dma/coherent.c (v6.1): only the boot-time check and message.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/of_fdt.h>
#include <linux/of_reserved_mem.h>
#include <libfdt.h>

/* Follows Linux's rmem_dma_setup (kernel/dma/coherent.c, v6.1), as built for ARM: the pool must be no-map. */
int rmem_dma_setup(struct reserved_mem *rmem)
{
	const void *fdt = initial_boot_params;

	if (fdt_getprop(fdt, rmem->fdt_node, "reusable", NULL))
		return -EINVAL;
	if (!fdt_getprop(fdt, rmem->fdt_node, "no-map", NULL)) {
		pr_err("Reserved memory: regions without no-map are not yet supported\n");
		return -EINVAL;
	}
	pr_info("Reserved memory: created DMA memory pool at %pa, size %ld MiB\n",
		&rmem->base, (long)(rmem->size / SZ_1M));
	return 0;
}
