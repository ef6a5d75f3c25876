/*
 * Drivers' side of the DMA-contiguous areas: pages from a device's CMA
 * area, or the default one. Follows Linux's dma_alloc_from_contiguous,
 * dma_release_from_contiguous and rmem_cma_device_init
 * (kernel/dma/contiguous.c, v6.1); kept apart from the boot half
 * (kernel/dma/contiguous.c), which the host tests build without an
 * allocator.
 */
#include <linux/cma.h>
#include <linux/device.h>
#include <linux/dma-map-ops.h>
#include <linux/of_reserved_mem.h>

/* Linux's CONFIG_CMA_ALIGNMENT, Debian's value: allocations are aligned to at most 2^8 pages. */
#define CMA_ALIGNMENT		8

/* Follows Linux's dev_get_cma_area (v6.1). */
struct cma *dev_get_cma_area(struct device *dev)
{
	if (dev && dev->cma_area)
		return dev->cma_area;
	return dma_contiguous_default_area;
}

/* Follows Linux's dma_alloc_from_contiguous (v6.1): count pages aligned to 2^align (capped) pages. */
struct page *dma_alloc_from_contiguous(struct device *dev, size_t count, unsigned int align, bool no_warn)
{
	if (align > CMA_ALIGNMENT)
		align = CMA_ALIGNMENT;
	return cma_alloc(dev_get_cma_area(dev), count, align, no_warn);
}

/* Follows Linux's dma_release_from_contiguous (v6.1): false when the pages are not from the device's area. */
bool dma_release_from_contiguous(struct device *dev, struct page *pages, int count)
{
	return cma_release(dev_get_cma_area(dev), pages, (unsigned long)count);
}

/* Follows Linux's rmem_cma_device_init (v6.1): the region's area becomes the device's. */
static int rmem_cma_device_init(struct reserved_mem *rmem, struct device *dev)
{
	dev->cma_area = rmem->priv;
	return 0;
}

static void rmem_cma_device_release(struct reserved_mem *rmem, struct device *dev)
{
	(void)rmem;
	dev->cma_area = NULL;
}

const struct reserved_mem_ops rmem_cma_ops = {
	.device_init = rmem_cma_device_init,
	.device_release = rmem_cma_device_release,
};
