/*
 * The arithmetic of a CMA area's bitmap: one bit for each 2^order_per_bit
 * pages from base_pfn. Follows Linux's mm/cma.h and mm/cma.c (v6.1). Pure
 * functions of the area's fields: the host tests check them
 * (test/host/test_cma.c).
 */
#ifndef _MM_CMA_H
#define _MM_CMA_H

#include <linux/cma.h>
#include <linux/kernel.h>

/* Follows Linux's cma_bitmap_maxno (v6.1): the bitmap's length in bits. */
static inline unsigned long cma_bitmap_maxno(const struct cma *cma)
{
	return cma->count >> cma->order_per_bit;
}

/* Follows Linux's cma_bitmap_aligned_mask (v6.1): an alignment of 2^align_order pages, in bits, minus one. */
static inline unsigned long cma_bitmap_aligned_mask(const struct cma *cma, unsigned int align_order)
{
	if (align_order <= cma->order_per_bit)
		return 0;
	return (1UL << (align_order - cma->order_per_bit)) - 1;
}

/*
 * Follows Linux's cma_bitmap_aligned_offset (v6.1): how far base_pfn is
 * past an alignment boundary, in bits, so that the bit found plus this
 * offset being aligned means the page frame number is.
 */
static inline unsigned long cma_bitmap_aligned_offset(const struct cma *cma, unsigned int align_order)
{
	return (cma->base_pfn & ((1UL << align_order) - 1)) >> cma->order_per_bit;
}

/* Follows Linux's cma_bitmap_pages_to_bits (v6.1): pages rounded up to whole bits. */
static inline unsigned long cma_bitmap_pages_to_bits(const struct cma *cma, unsigned long pages)
{
	return ALIGN(pages, 1UL << cma->order_per_bit) >> cma->order_per_bit;
}

/* The first bit of the page frame pfn of the area. */
static inline unsigned long cma_bitmap_pfn_to_bit(const struct cma *cma, unsigned long pfn)
{
	return (pfn - cma->base_pfn) >> cma->order_per_bit;
}

#endif
