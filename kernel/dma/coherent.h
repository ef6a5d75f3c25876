/*
 * A device's coherent pool from a no-map "shared-dma-pool": memory the
 * kernel does not map as RAM, handed out in page blocks tracked by a
 * bitmap. Follows Linux's struct dma_coherent_mem (kernel/dma/coherent.c,
 * v6.1). Internal to kernel/dma/ and its tests.
 */
#ifndef _KERNEL_DMA_COHERENT_H
#define _KERNEL_DMA_COHERENT_H

#include <linux/types.h>

struct device;

struct dma_coherent_mem {
	void *virt_base;		/* the CPU's mapping of the pool (write-combining) */
	dma_addr_t device_base;		/* the pool's first address as the device sees it */
	unsigned long pfn_base;
	int size;			/* in pages */
	unsigned long *bitmap;		/* one bit a page, set when allocated */
};

/* A free block of 2^order pages for size bytes, claimed: its first page number in the pool, or -ENOMEM. */
int dma_coherent_claim(struct dma_coherent_mem *mem, size_t size);
/* The claim at page pageno of 2^order pages, given back. */
void dma_coherent_unclaim(struct dma_coherent_mem *mem, int pageno, int order);

#endif
