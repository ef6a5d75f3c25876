/*
 * Host tests of the pure parts of CMA and the DMA pools: lib/bitmap.c
 * against a bit-at-a-time model written here, and the CMA bitmap
 * arithmetic of mm/cma.h (order_per_bit, alignment masks and offsets)
 * against page-frame arithmetic: whatever bit the search returns, the
 * page frame it stands for must be aligned as asked and lie in the area.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <linux/bitmap.h>
#include <linux/errno.h>
#include "../../mm/cma.h"

#define MAXBITS		300
#define WORDS		BITS_TO_LONGS(MAXBITS)

static uint32_t rng_state = 12345;

static uint32_t rnd(void)
{
	rng_state = rng_state * 1103515245u + 12345u;
	return rng_state >> 8;
}

/* The model: one bool per bit. */
static bool model[MAXBITS];

static bool bit(const unsigned long *map, unsigned long n)
{
	return (map[n / BITS_PER_LONG] >> (n % BITS_PER_LONG)) & 1;
}

static void random_map(unsigned long *map, unsigned long size, unsigned int density)
{
	memset(map, 0, WORDS * sizeof(*map));
	for (unsigned long i = 0; i < size; i++) {
		model[i] = rnd() % 100 < density;
		if (model[i])
			map[i / BITS_PER_LONG] |= 1UL << (i % BITS_PER_LONG);
	}
}

static void expect_same(const unsigned long *map, unsigned long size)
{
	for (unsigned long i = 0; i < size; i++)
		assert_int_equal(bit(map, i), model[i]);
}

static unsigned long model_find(unsigned long size, unsigned long start, bool value)
{
	for (unsigned long i = start; i < size; i++)
		if (model[i] == value)
			return i;
	return size;
}

/* The first index >= start whose index + offset is a multiple of mask + 1 and whose nr bits are clear; size if none. */
static unsigned long model_zero_area(unsigned long size, unsigned long start, unsigned long nr,
				     unsigned long mask, unsigned long offset)
{
	for (unsigned long i = start; i + nr <= size; i++) {
		bool free = true;

		if ((i + offset) & mask)
			continue;
		for (unsigned long j = i; j < i + nr && free; j++)
			free = !model[j];
		if (free)
			return i;
	}
	return size;
}

static void find_bits_match_model(void **state)
{
	unsigned long map[WORDS];

	(void)state;
	for (int round = 0; round < 2000; round++) {
		unsigned long size = 1 + rnd() % MAXBITS, start = rnd() % (size + 40);

		random_map(map, size, rnd() % 101);
		assert_int_equal(find_next_bit(map, size, start), model_find(size, start, true));
		assert_int_equal(find_next_zero_bit(map, size, start), model_find(size, start, false));
	}
}

static void set_and_clear_match_model(void **state)
{
	unsigned long map[WORDS];

	(void)state;
	for (int round = 0; round < 2000; round++) {
		unsigned long size = 1 + rnd() % MAXBITS, start = rnd() % size, nbits = rnd() % (size - start + 1);
		bool set = rnd() & 1;

		random_map(map, size, 50);
		if (set)
			bitmap_set(map, start, nbits);
		else
			bitmap_clear(map, start, nbits);
		for (unsigned long i = start; i < start + nbits; i++)
			model[i] = set;
		expect_same(map, size);
	}
}

static void zero_area_matches_model(void **state)
{
	unsigned long map[WORDS];

	(void)state;
	for (int round = 0; round < 5000; round++) {
		unsigned long size = 1 + rnd() % MAXBITS, start = rnd() % size;
		unsigned long nr = 1 + rnd() % 40, mask = (1UL << (rnd() % 6)) - 1, offset = rnd() % (mask + 1);
		unsigned long got, want;

		random_map(map, size, rnd() % 60);
		got = bitmap_find_next_zero_area_off(map, size, start, (unsigned int)nr, mask, offset);
		want = model_zero_area(size, start, nr, mask, offset);
		if (want == size)
			assert_true(got >= size);
		else
			assert_int_equal(got, want);
	}
}

static void free_region_is_aligned_and_claimed(void **state)
{
	unsigned long map[WORDS];

	(void)state;
	for (int round = 0; round < 2000; round++) {
		unsigned int size = 1 + rnd() % MAXBITS;
		int order = (int)(rnd() % 6), pos;
		unsigned long want;

		random_map(map, size, rnd() % 40);
		want = model_zero_area(size, 0, 1UL << order, (1UL << order) - 1, 0);
		pos = bitmap_find_free_region(map, size, order);
		if (want == size) {
			assert_int_equal(pos, -ENOMEM);
			expect_same(map, size);
			continue;
		}
		assert_int_equal(pos, want);
		for (unsigned long i = want; i < want + (1UL << order); i++)
			model[i] = true;
		expect_same(map, size);
		bitmap_release_region(map, (unsigned int)pos, order);
		for (unsigned long i = want; i < want + (1UL << order); i++)
			model[i] = false;
		expect_same(map, size);
	}
}

/* Worked by hand: base_pfn 0x80340 (a 4 MiB area, 1024 pages), two pages a bit. */
static void cma_arithmetic_by_hand(void **state)
{
	struct cma cma = { .base_pfn = 0x80340, .count = 1024, .order_per_bit = 1 };

	(void)state;
	assert_int_equal(cma_bitmap_maxno(&cma), 512);
	assert_int_equal(cma_bitmap_pages_to_bits(&cma, 1), 1);
	assert_int_equal(cma_bitmap_pages_to_bits(&cma, 2), 1);
	assert_int_equal(cma_bitmap_pages_to_bits(&cma, 3), 2);
	/* Alignment of one or two pages is every bit. */
	assert_int_equal(cma_bitmap_aligned_mask(&cma, 0), 0);
	assert_int_equal(cma_bitmap_aligned_mask(&cma, 1), 0);
	/* 2^8 pages: every 128th bit; 0x80340 is 0x40 pages past a 256-page boundary, 0x20 bits. */
	assert_int_equal(cma_bitmap_aligned_mask(&cma, 8), 127);
	assert_int_equal(cma_bitmap_aligned_offset(&cma, 8), 0x20);
	assert_int_equal(cma_bitmap_pfn_to_bit(&cma, 0x80340 + 10), 5);
}

/* Any area, any alignment: the bit found stands for a page frame aligned as asked, inside the area, over free bits. */
static void cma_search_gives_aligned_frames(void **state)
{
	unsigned long map[WORDS];

	(void)state;
	for (int round = 0; round < 5000; round++) {
		struct cma cma = { .order_per_bit = rnd() % 3 };
		unsigned int align = rnd() % 8;
		unsigned long count = 1 + rnd() % 64, maxno, bits, mask, offset, no, pfn;

		cma.count = (1 + rnd() % (MAXBITS - 1)) << cma.order_per_bit;
		cma.base_pfn = (0x80000 + rnd() % 0x1000) << cma.order_per_bit;
		maxno = cma_bitmap_maxno(&cma);
		assert_true(maxno <= MAXBITS);
		bits = cma_bitmap_pages_to_bits(&cma, count);
		assert_true(bits << cma.order_per_bit >= count);
		assert_true((bits - 1) << cma.order_per_bit < count);
		mask = cma_bitmap_aligned_mask(&cma, align);
		offset = cma_bitmap_aligned_offset(&cma, align);
		random_map(map, maxno, rnd() % 50);
		no = bitmap_find_next_zero_area_off(map, maxno, 0, (unsigned int)bits, mask, offset);
		if (no >= maxno)
			continue;
		pfn = cma.base_pfn + (no << cma.order_per_bit);
		if (align >= cma.order_per_bit)
			assert_int_equal(pfn & ((1UL << align) - 1), 0);
		assert_true(pfn + count <= cma.base_pfn + cma.count);
		assert_int_equal(cma_bitmap_pfn_to_bit(&cma, pfn), no);
		for (unsigned long i = no; i < no + bits; i++)
			assert_false(model[i]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(find_bits_match_model),
		cmocka_unit_test(set_and_clear_match_model),
		cmocka_unit_test(zero_area_matches_model),
		cmocka_unit_test(free_region_is_aligned_and_claimed),
		cmocka_unit_test(cma_arithmetic_by_hand),
		cmocka_unit_test(cma_search_gives_aligned_frames),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
