/*
 * The coherent pool of a no-map "shared-dma-pool" (vexpress's
 * vram@18000000): a device that names the region gets it as its pool,
 * and dma_alloc_from_dev_coherent hands out blocks of 2^order pages from
 * it. Follows Linux's kernel/dma/coherent.c (v6.1): rmem_dma_device_init,
 * dma_init_coherent_memory, dma_alloc_from_dev_coherent,
 * dma_release_from_dev_coherent.
 *
 * The CPU sees the pool through Linux's memremap(MEMREMAP_WC): for memory
 * that is not the kernel's RAM (a no-map region is not), that is
 * ioremap_wc, normal uncached memory in the vmalloc area.
 */
#include <linux/bitmap.h>
#include <linux/device.h>
#include <linux/dma-map-ops.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/of_reserved_mem.h>
#include <linux/string.h>
#include <asm/io.h>
#include "coherent.h"

/* The pools (Linux kzallocs them): at most one per reserved region. */
static struct dma_coherent_mem coherent_mems[MAX_RESERVED_REGIONS];
static unsigned int nr_coherent_mems;

/* Linux's get_order: the smallest order of pages that holds size bytes. */
static int size_to_order(size_t size)
{
	int order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return order;
}

static unsigned int bitmap_pages_order(int bits)
{
	return (unsigned int)size_to_order(BITS_TO_LONGS((unsigned long)bits) * sizeof(unsigned long));
}

/*
 * Follows Linux's dma_init_coherent_memory (v6.1): the pool's CPU mapping
 * (memremap(MEMREMAP_WC), see the top of this file), bitmap and
 * addresses; -EINVAL when the mapping fails, -ENOMEM with Linux's message
 * when the bookkeeping does.
 */
static int dma_init_coherent_memory(phys_addr_t phys_addr, dma_addr_t device_addr, size_t size,
				    struct dma_coherent_mem **res)
{
	int pages = (int)(size >> PAGE_SHIFT);
	struct dma_coherent_mem *mem;
	unsigned long bitmap = 0;
	void *mem_base;

	if (!pages)
		return -EINVAL;
	mem_base = (void *)ioremap_wc(phys_addr, size);
	if (!mem_base)
		return -EINVAL;
	if (nr_coherent_mems < ARRAY_SIZE(coherent_mems))
		bitmap = __get_free_pages(GFP_KERNEL | __GFP_ZERO, bitmap_pages_order(pages));
	if (!bitmap) {
		iounmap(mem_base);
		pr_err("Reserved memory: failed to init DMA memory pool at %pa, size %ld MiB\n",
		       &phys_addr, (long)(size / SZ_1M));
		return -ENOMEM;
	}
	mem = &coherent_mems[nr_coherent_mems++];
	mem->bitmap = (unsigned long *)bitmap;
	mem->virt_base = mem_base;
	mem->device_base = device_addr;
	mem->pfn_base = PFN_DOWN(phys_addr);
	mem->size = pages;
	*res = mem;
	return 0;
}

int dma_coherent_claim(struct dma_coherent_mem *mem, size_t size)
{
	if (PAGE_ALIGN(size) > ((size_t)mem->size << PAGE_SHIFT))
		return -ENOMEM;
	return bitmap_find_free_region(mem->bitmap, (unsigned int)mem->size, size_to_order(size));
}

void dma_coherent_unclaim(struct dma_coherent_mem *mem, int pageno, int order)
{
	bitmap_release_region(mem->bitmap, (unsigned int)pageno, order);
}

/* Follows Linux's __dma_alloc_from_coherent (v6.1): a zeroed block and its device address, or NULL. */
static void *__dma_alloc_from_coherent(struct dma_coherent_mem *mem, size_t size, dma_addr_t *dma_handle)
{
	int pageno;
	void *ret;

	pageno = dma_coherent_claim(mem, size);
	if (pageno < 0)
		return NULL;
	*dma_handle = mem->device_base + ((dma_addr_t)pageno << PAGE_SHIFT);
	ret = (char *)mem->virt_base + ((size_t)pageno << PAGE_SHIFT);
	memset(ret, 0, PAGE_ALIGN(size));
	return ret;
}

/*
 * Follows Linux's dma_alloc_from_dev_coherent (v6.1): 0 when the device
 * has no pool (the caller uses other memory), else 1 with the block, or
 * NULL when the pool has none.
 */
int dma_alloc_from_dev_coherent(struct device *dev, size_t size, dma_addr_t *dma_handle, void **ret)
{
	struct dma_coherent_mem *mem = dev ? dev->dma_mem : NULL;

	if (!mem)
		return 0;
	*ret = size ? __dma_alloc_from_coherent(mem, size, dma_handle) : NULL;
	return 1;
}

/* Follows Linux's dma_release_from_dev_coherent (v6.1): 1 when vaddr was the device's pool's. */
int dma_release_from_dev_coherent(struct device *dev, int order, void *vaddr)
{
	struct dma_coherent_mem *mem = dev ? dev->dma_mem : NULL;
	char *base;

	if (!mem)
		return 0;
	base = mem->virt_base;
	if ((char *)vaddr < base || (char *)vaddr >= base + ((size_t)mem->size << PAGE_SHIFT))
		return 0;
	dma_coherent_unclaim(mem, (int)(((char *)vaddr - base) >> PAGE_SHIFT), order);
	return 1;
}

/* Follows Linux's rmem_dma_device_init and dma_assign_coherent_memory (v6.1): the pool is made on first use. */
static int rmem_dma_device_init(struct reserved_mem *rmem, struct device *dev)
{
	if (!rmem->priv) {
		struct dma_coherent_mem *mem;
		int err = dma_init_coherent_memory(rmem->base, rmem->base, (size_t)rmem->size, &mem);

		if (err)
			return err;
		rmem->priv = mem;
	}
	if (dev->dma_mem)
		return -EBUSY;
	dev->dma_mem = rmem->priv;
	return 0;
}

static void rmem_dma_device_release(struct reserved_mem *rmem, struct device *dev)
{
	(void)rmem;
	dev->dma_mem = NULL;
}

const struct reserved_mem_ops rmem_dma_ops = {
	.device_init = rmem_dma_device_init,
	.device_release = rmem_dma_device_release,
};
