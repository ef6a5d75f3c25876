/* /reserved-memory regions. Follows Linux's include/linux/of_reserved_mem.h (v6.x). */
#ifndef _LINUX_OF_RESERVED_MEM_H
#define _LINUX_OF_RESERVED_MEM_H

#include <linux/types.h>

struct device;
struct reserved_mem;

/* What a region does for a device that names it in memory-region (Linux's reserved_mem_ops). */
struct reserved_mem_ops {
	int (*device_init)(struct reserved_mem *rmem, struct device *dev);
	void (*device_release)(struct reserved_mem *rmem, struct device *dev);
};

/* Linux 6.1's MAX_RESERVED_REGIONS. */
#define MAX_RESERVED_REGIONS	64

struct reserved_mem {
	const char *name;
	int fdt_node;			/* offset of the node in initial_boot_params */
	u32 phandle;
	phys_addr_t base;
	phys_addr_t size;		/* 0 until a dynamic region is allocated */
	/* The setup that took the region (reserved_mem_setups), NULL if none did. */
	int (*setup)(struct reserved_mem *rmem);
	void *priv;			/* the setup's: the CMA area, the coherent pool */
};

/* A compatible string and the setup its regions get (Linux's RESERVEDMEM_OF_DECLARE table). */
struct reserved_mem_setup {
	const char *compatible;
	int (*init)(struct reserved_mem *rmem);
};

extern struct reserved_mem reserved_mem[MAX_RESERVED_REGIONS];
extern int reserved_mem_count;

void fdt_reserved_mem_save_node(int node, const char *uname, phys_addr_t base, phys_addr_t size);
void fdt_init_reserved_mem(void);
int early_init_dt_alloc_reserved_memory_arch(phys_addr_t size, phys_addr_t align,
					     phys_addr_t start, phys_addr_t end,
					     bool nomap, phys_addr_t *res_base);

/*
 * A device's memory-region number idx: the region's device_init gives the
 * device its CMA area or coherent pool (drivers/of/of_reserved_mem_device.c).
 * -ENODEV when the node has no such entry, -EINVAL when the region has no
 * use for devices.
 */
int of_reserved_mem_device_init_by_idx(struct device *dev, int node, int idx);
void of_reserved_mem_device_release(struct device *dev);
/* The region whose node has this offset in initial_boot_params, or NULL. */
struct reserved_mem *of_reserved_mem_lookup(int node);

/* Setups for "shared-dma-pool" (kernel/dma/contiguous.c, kernel/dma/coherent.c). */
int rmem_cma_setup(struct reserved_mem *rmem);
int rmem_dma_setup(struct reserved_mem *rmem);
/* What each does for a device (kernel/dma/contiguous_alloc.c, kernel/dma/coherent_pool.c). */
extern const struct reserved_mem_ops rmem_cma_ops;
extern const struct reserved_mem_ops rmem_dma_ops;

#endif
