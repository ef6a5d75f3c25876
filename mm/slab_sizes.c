/*
 * SLUB's arithmetic: object alignment, slab order, and which kmalloc
 * cache a size goes to. Pure functions of their arguments and tables
 * (host-tested in test/host/test_slab_sizes.c). Follows Linux 6.1's
 * mm/slab_common.c and mm/slub.c.
 */
#include <linux/cache.h>
#include <linux/kernel.h>
#include <linux/log2.h>
#include "slab.h"

/* Linux's cache_line_size() on ARM: the L1 line, 64 bytes on the Cortex-A15. */
#define cache_line_size()	L1_CACHE_BYTES

/* Follows Linux's calculate_alignment (mm/slab_common.c, v6.1). */
unsigned int calculate_alignment(slab_flags_t flags, unsigned int align, unsigned int size)
{
	/* A small object is aligned to the fraction of the line it fits, so two can share one. */
	if (flags & SLAB_HWCACHE_ALIGN) {
		unsigned int ralign = cache_line_size();

		while (size <= ralign / 2)
			ralign /= 2;
		align = max(align, ralign);
	}
	align = max(align, (unsigned int)ARCH_SLAB_MINALIGN);
	return ALIGN(align, (unsigned int)sizeof(void *));
}

/* Linux's order_objects (v6.1): objects of @size bytes in a slab of @order. */
static unsigned int order_objects(unsigned int order, unsigned int size)
{
	return (unsigned int)((PAGE_SIZE << order) / size);
}

/*
 * Follows Linux's calc_slab_order (mm/slub.c, v6.1): the smallest order
 * from min_order (and room for min_objects) whose leftover is at most
 * 1/fract_leftover of the slab; max_order + 1 when none up to max_order.
 */
static unsigned int calc_slab_order(unsigned int size, unsigned int min_objects, unsigned int max_order,
				    unsigned int fract_leftover, unsigned int min_order)
{
	unsigned int order;

	if (order_objects(min_order, size) > MAX_OBJS_PER_PAGE)
		return get_order((unsigned long)size * MAX_OBJS_PER_PAGE) - 1;

	for (order = max(min_order, get_order((unsigned long)min_objects * size)); order <= max_order; order++) {
		unsigned int slab_size = (unsigned int)PAGE_SIZE << order;
		unsigned int rem = slab_size % size;

		if (rem <= slab_size / fract_leftover)
			break;
	}
	return order;
}

/* Follows Linux's calculate_order (mm/slub.c, v6.1). */
int calculate_order(unsigned int size, unsigned int min_order, unsigned int max_order,
		    unsigned int min_objects, unsigned int nr_cpus)
{
	unsigned int order, max_objects;

	/* More CPUs, more objects per slab, so that each CPU refills less often. */
	if (!min_objects)
		min_objects = 4 * (fls(nr_cpus) + 1);
	max_objects = order_objects(max_order, size);
	min_objects = min(min_objects, max_objects);

	/* The fewest objects and the most waste are given up on last. */
	while (min_objects > 1) {
		for (unsigned int fraction = 16; fraction >= 4; fraction /= 2) {
			order = calc_slab_order(size, min_objects, max_order, fraction, min_order);
			if (order <= max_order)
				return (int)order;
		}
		min_objects--;
	}
	/* One object per slab, any waste, within max_order; then within the page allocator's limit. */
	order = calc_slab_order(size, 1, max_order, 1, min_order);
	if (order <= max_order)
		return (int)order;
	order = calc_slab_order(size, 1, MAX_ORDER, 1, min_order);
	if (order < MAX_ORDER)
		return (int)order;
	return -1;
}

/*
 * Linux's kmalloc_info (v6.1), from index 0: 1 and 2 are the 96- and
 * 192-byte caches, n from 3 the 2^n-byte ones. Only the indexes from
 * KMALLOC_SHIFT_LOW (64 bytes here) and 192 have caches.
 */
#ifdef CONFIG_ZONE_DMA
#define KMALLOC_NAMES(sz)	{ "kmalloc-" sz, "kmalloc-rcl-" sz, "dma-kmalloc-" sz }
#else
#define KMALLOC_NAMES(sz)	{ "kmalloc-" sz, "kmalloc-rcl-" sz }
#endif
const struct kmalloc_info_struct kmalloc_info[KMALLOC_SHIFT_HIGH + 1] = {
	{ { NULL }, 0 },
	{ KMALLOC_NAMES("96"), 96 },
	{ KMALLOC_NAMES("192"), 192 },
	{ KMALLOC_NAMES("8"), 8 },
	{ KMALLOC_NAMES("16"), 16 },
	{ KMALLOC_NAMES("32"), 32 },
	{ KMALLOC_NAMES("64"), 64 },
	{ KMALLOC_NAMES("128"), 128 },
	{ KMALLOC_NAMES("256"), 256 },
	{ KMALLOC_NAMES("512"), 512 },
	{ KMALLOC_NAMES("1k"), 1024 },
	{ KMALLOC_NAMES("2k"), 2048 },
	{ KMALLOC_NAMES("4k"), 4096 },
	{ KMALLOC_NAMES("8k"), 8192 },
};
_Static_assert(KMALLOC_SHIFT_HIGH == 13, "kmalloc_info lists the caches up to 8k");

/* Follows Linux's size_index (mm/slab_common.c, v6.1): before setup_kmalloc_cache_index_table. */
u8 size_index[24] = {
	3, 4, 5, 5, 6, 6, 6, 6,		/* 8 .. 64 */
	1, 1, 1, 1,			/* 72 .. 96 */
	7, 7, 7, 7,			/* 104 .. 128 */
	2, 2, 2, 2, 2, 2, 2, 2,		/* 136 .. 192 */
};

/*
 * Follows Linux's setup_kmalloc_cache_index_table (v6.1): sizes below
 * KMALLOC_MIN_SIZE go to the smallest cache, and with a 64-byte minimum
 * there is no 96-byte cache, so 72 .. 96 go to kmalloc-128.
 */
void setup_kmalloc_cache_index_table(void)
{
	for (unsigned int i = 8; i < KMALLOC_MIN_SIZE; i += 8) {
		unsigned int elem = size_index_elem(i);

		if (elem >= ARRAY_SIZE(size_index))
			break;
		size_index[elem] = KMALLOC_SHIFT_LOW;
	}
	if (KMALLOC_MIN_SIZE >= 64)
		for (unsigned int i = 64 + 8; i <= 96; i += 8)
			size_index[size_index_elem(i)] = 7;
	if (KMALLOC_MIN_SIZE >= 128)
		for (unsigned int i = 128 + 8; i <= 192; i += 8)
			size_index[size_index_elem(i)] = 8;
}
