/*
 * Bitmaps of unsigned longs, bit 0 the lowest bit of word 0. Follows the
 * parts of Linux's include/linux/bitmap.h and find.h (v6.1) that CMA and
 * the DMA pools use.
 */
#ifndef _LINUX_BITMAP_H
#define _LINUX_BITMAP_H

#include <linux/types.h>

#define BITS_PER_LONG		((unsigned long)(8 * sizeof(unsigned long)))
#define BITS_TO_LONGS(nr)	(((nr) + BITS_PER_LONG - 1) / BITS_PER_LONG)

/* The first set (find_next_bit) or clear (find_next_zero_bit) bit at or after start, or size. */
unsigned long find_next_bit(const unsigned long *addr, unsigned long size, unsigned long start);
unsigned long find_next_zero_bit(const unsigned long *addr, unsigned long size, unsigned long start);
void bitmap_set(unsigned long *map, unsigned long start, unsigned long nbits);
void bitmap_clear(unsigned long *map, unsigned long start, unsigned long nbits);
/*
 * The first run of nr clear bits at or after start, below size, whose
 * index plus align_offset is a multiple of align_mask + 1; size (or more)
 * when there is none.
 */
unsigned long bitmap_find_next_zero_area_off(unsigned long *map, unsigned long size,
					     unsigned long start, unsigned int nr,
					     unsigned long align_mask, unsigned long align_offset);

/* A free, size-aligned block of 2^order bits, claimed: its first bit, or -ENOMEM. */
int bitmap_find_free_region(unsigned long *bitmap, unsigned int bits, int order);
void bitmap_release_region(unsigned long *bitmap, unsigned int pos, int order);

static inline bool test_bit(unsigned long nr, const unsigned long *addr)
{
	return (addr[nr / BITS_PER_LONG] >> (nr % BITS_PER_LONG)) & 1;
}

#endif
