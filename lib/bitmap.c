/*
 * Bitmap search and fill. Follows Linux's lib/bitmap.c and lib/find_bit.c
 * (v6.1): a word at a time where whole words are involved.
 */
#include <linux/bitmap.h>
#include <linux/errno.h>

/* All bits of a word from bit `start % BITS_PER_LONG` up (Linux's BITMAP_FIRST_WORD_MASK). */
#define FIRST_WORD_MASK(start)	(~0UL << ((start) & (BITS_PER_LONG - 1)))
/* The bits of a word below bit `nbits % BITS_PER_LONG`, all of them when that is 0 (Linux's BITMAP_LAST_WORD_MASK). */
#define LAST_WORD_MASK(nbits)	(~0UL >> (-(nbits) & (BITS_PER_LONG - 1)))

/* Follows Linux's _find_next_bit (v6.1): invert turns the search for a clear bit into one for a set bit. */
static unsigned long find_next(const unsigned long *addr, unsigned long size, unsigned long start,
			       unsigned long invert)
{
	unsigned long word;

	if (start >= size)
		return size;
	word = (addr[start / BITS_PER_LONG] ^ invert) & FIRST_WORD_MASK(start);
	start &= ~(BITS_PER_LONG - 1);
	while (!word) {
		start += BITS_PER_LONG;
		if (start >= size)
			return size;
		word = addr[start / BITS_PER_LONG] ^ invert;
	}
	start += (unsigned long)__builtin_ctzl(word);
	return start < size ? start : size;
}

unsigned long find_next_bit(const unsigned long *addr, unsigned long size, unsigned long start)
{
	return find_next(addr, size, start, 0);
}

unsigned long find_next_zero_bit(const unsigned long *addr, unsigned long size, unsigned long start)
{
	return find_next(addr, size, start, ~0UL);
}

/* Follows Linux's __bitmap_set (v6.1). */
void bitmap_set(unsigned long *map, unsigned long start, unsigned long nbits)
{
	unsigned long *p = map + start / BITS_PER_LONG;
	const unsigned long size = start + nbits;
	long bits_to_set = (long)(BITS_PER_LONG - (start % BITS_PER_LONG));
	unsigned long mask_to_set = FIRST_WORD_MASK(start);

	while (nbits >= (unsigned long)bits_to_set) {
		*p++ |= mask_to_set;
		nbits -= (unsigned long)bits_to_set;
		bits_to_set = (long)BITS_PER_LONG;
		mask_to_set = ~0UL;
	}
	if (nbits) {
		mask_to_set &= LAST_WORD_MASK(size);
		*p |= mask_to_set;
	}
}

/* Follows Linux's __bitmap_clear (v6.1). */
void bitmap_clear(unsigned long *map, unsigned long start, unsigned long nbits)
{
	unsigned long *p = map + start / BITS_PER_LONG;
	const unsigned long size = start + nbits;
	long bits_to_clear = (long)(BITS_PER_LONG - (start % BITS_PER_LONG));
	unsigned long mask_to_clear = FIRST_WORD_MASK(start);

	while (nbits >= (unsigned long)bits_to_clear) {
		*p++ &= ~mask_to_clear;
		nbits -= (unsigned long)bits_to_clear;
		bits_to_clear = (long)BITS_PER_LONG;
		mask_to_clear = ~0UL;
	}
	if (nbits) {
		mask_to_clear &= LAST_WORD_MASK(size);
		*p &= ~mask_to_clear;
	}
}

/*
 * Follows Linux's bitmap_find_next_zero_area_off (v6.1): the first clear
 * bit, moved up to the alignment, then the first set bit of the run; a
 * set bit inside it restarts the search after that bit.
 */
unsigned long bitmap_find_next_zero_area_off(unsigned long *map, unsigned long size,
					     unsigned long start, unsigned int nr,
					     unsigned long align_mask, unsigned long align_offset)
{
	unsigned long index, end, i;

	for (;;) {
		index = find_next_zero_bit(map, size, start);
		index = ((index + align_offset + align_mask) & ~align_mask) - align_offset;
		end = index + nr;
		if (end > size || end < index)
			return end < index ? size : end;
		i = find_next_bit(map, end, index);
		if (i < end) {
			start = i + 1;
			continue;
		}
		return index;
	}
}

/*
 * Follows Linux's bitmap_find_free_region (v6.1): the first free block of
 * 2^order bits aligned to its size, claimed; its first bit, or -ENOMEM.
 */
int bitmap_find_free_region(unsigned long *bitmap, unsigned int bits, int order)
{
	unsigned long nr = 1UL << order;
	unsigned long pos = bitmap_find_next_zero_area_off(bitmap, bits, 0, (unsigned int)nr, nr - 1, 0);

	if (pos >= bits || pos + nr > bits)
		return -ENOMEM;
	bitmap_set(bitmap, pos, nr);
	return (int)pos;
}

/* Follows Linux's bitmap_release_region (v6.1). */
void bitmap_release_region(unsigned long *bitmap, unsigned int pos, int order)
{
	bitmap_clear(bitmap, pos, 1UL << order);
}
