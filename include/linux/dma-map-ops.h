/* The DMA-contiguous allocator. Follows Linux's include/linux/dma-map-ops.h and kernel/dma/contiguous.c (v6.1). */
#ifndef _LINUX_DMA_MAP_OPS_H
#define _LINUX_DMA_MAP_OPS_H

#include <linux/types.h>
#include <asm/pgtable.h>

struct cma;
struct device;
struct page;

/* The default area for devices without their own (Linux's dma_contiguous_default_area). */
extern struct cma *dma_contiguous_default_area;

void dma_contiguous_reserve(phys_addr_t addr_limit);

/* The device's own CMA area, else the default one (NULL when there is none). */
struct cma *dev_get_cma_area(struct device *dev);
/* count pages from the device's area, aligned to 2^min(align, 8) pages; NULL when none could be had. */
struct page *dma_alloc_from_contiguous(struct device *dev, size_t count, unsigned int align, bool no_warn);
bool dma_release_from_contiguous(struct device *dev, struct page *pages, int count);

/*
 * A device's no-map coherent pool (kernel/dma/coherent_pool.c): 0 when
 * the device has none; else 1, with *ret the zeroed block (NULL when the
 * pool cannot serve it) and *dma_handle its device address.
 */
int dma_alloc_from_dev_coherent(struct device *dev, size_t size, dma_addr_t *dma_handle, void **ret);
/* 1 when vaddr, a block of 2^order pages, was the device's pool's and is given back. */
int dma_release_from_dev_coherent(struct device *dev, int order, void *vaddr);

/* Physically contiguous pages mapped with prot in the vmalloc area (kernel/dma/remap.c); NULL when there is no room. */
void *dma_common_contiguous_remap(struct page *page, size_t size, pgprot_t prot, const void *caller);

/* The architecture's hooks (arch/arm/mm/dma-mapping.c in Linux; mm/dma-mapping.c here). */
void dma_contiguous_early_fixup(phys_addr_t base, unsigned long size);
void dma_contiguous_remap(void);

#endif
