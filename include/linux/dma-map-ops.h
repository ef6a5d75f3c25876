/* The boot-time half of the DMA-contiguous allocator. Follows Linux's kernel/dma/contiguous.c (v6.x). */
#ifndef _LINUX_DMA_MAP_OPS_H
#define _LINUX_DMA_MAP_OPS_H

#include <linux/types.h>

struct cma;

/* The default area for devices without their own (Linux's dma_contiguous_default_area). */
extern struct cma *dma_contiguous_default_area;

void dma_contiguous_reserve(phys_addr_t addr_limit);

/* The architecture's hooks (arch/arm/mm/dma-mapping.c in Linux; mm/dma-mapping.c here). */
void dma_contiguous_early_fixup(phys_addr_t base, unsigned long size);
void dma_contiguous_remap(void);

#endif
