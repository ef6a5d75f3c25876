/*
 * What this kernel knows of a device: its device-tree node and the DMA
 * memory /reserved-memory gave it. Follows the DMA fields of Linux's
 * struct device (include/linux/device.h, v6.1); there is no driver model.
 */
#ifndef _LINUX_DEVICE_H
#define _LINUX_DEVICE_H

#include <linux/types.h>

struct cma;
struct dma_coherent_mem;

struct device {
	const char *init_name;			/* for messages */
	int of_node;				/* offset of its node in initial_boot_params, or -1 */
	struct cma *cma_area;			/* its own CMA area, else the default one */
	struct dma_coherent_mem *dma_mem;	/* its no-map coherent pool, if any */
};

#endif
