/* /reserved-memory regions. Follows Linux's include/linux/of_reserved_mem.h (v6.x). */
#ifndef _LINUX_OF_RESERVED_MEM_H
#define _LINUX_OF_RESERVED_MEM_H

#include <linux/types.h>

/* Linux 6.1's MAX_RESERVED_REGIONS. */
#define MAX_RESERVED_REGIONS	64

struct reserved_mem {
	const char *name;
	int fdt_node;			/* offset of the node in initial_boot_params */
	u32 phandle;
	phys_addr_t base;
	phys_addr_t size;		/* 0 until a dynamic region is allocated */
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

/* Setups for "shared-dma-pool" (kernel/dma/contiguous.c, kernel/dma/coherent.c). */
int rmem_cma_setup(struct reserved_mem *rmem);
int rmem_dma_setup(struct reserved_mem *rmem);

#endif
