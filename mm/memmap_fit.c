/*
 * The arithmetic of how much RAM a mem_map in lowmem can describe (no
 * memblock, no output: host.memmap_fit checks it against figures worked
 * out by hand). mm/memmap_limit.c applies it at boot. Not in Linux.
 *
 * Everything is in 64 bits: a mem_map for 255 GiB of RAM (2295 MiB) or the
 * RAM past 4 GiB does not fit a 32-bit unsigned long.
 */
#include <linux/cache.h>
#include <linux/bitmap.h>
#include <linux/kernel.h>
#include <linux/mm_types.h>
#include <linux/mmzone.h>
#include <linux/pageblock-flags.h>
#include <asm/memmap_limit.h>

/* alloc_node_mem_map (mm/page_alloc.c) rounds the node out to whole MAX_ORDER blocks at both ends. */
u64 memmap_bytes(unsigned long start_pfn, unsigned long end_pfn)
{
	u64 first = start_pfn & ~(MAX_ORDER_NR_PAGES - 1);
	u64 last = ((u64)end_pfn + MAX_ORDER_NR_PAGES - 1) & ~(u64)(MAX_ORDER_NR_PAGES - 1);

	if (end_pfn <= start_pfn)
		return 0;
	return (last - first) * sizeof(struct page);
}

/*
 * An upper bound of setup_usemap's two allocations (mm/pageblock.c): each
 * zone's bitmap is at most the whole node's pageblocks plus one at each
 * edge, NR_PAGEBLOCK_BITS each, in whole longs, placed on a cache line.
 */
u64 memmap_usemap_bytes(unsigned long start_pfn, unsigned long end_pfn)
{
	u64 blocks, bits;

	if (end_pfn <= start_pfn)
		return 0;
	blocks = ((u64)end_pfn - start_pfn) / pageblock_nr_pages + 2;
	bits = blocks * NR_PAGEBLOCK_BITS;
	bits = (bits + BITS_PER_LONG - 1) / BITS_PER_LONG * BITS_PER_LONG;
	return 2 * (bits / 8 + SMP_CACHE_BYTES);
}

/* What mem_map leaves free: the bitmaps, what boot allocates later, and a share of lowmem (asm/memmap_limit.h). */
u64 memmap_lowmem_keep(u64 lowmem_bytes, unsigned long start_pfn, unsigned long end_pfn)
{
	return memmap_usemap_bytes(start_pfn, end_pfn) + MEMMAP_KEEP_MIN + lowmem_bytes / MEMMAP_KEEP_DIVISOR;
}

unsigned long memmap_fit_end_pfn(unsigned long start_pfn, unsigned long end_pfn, u64 avail_bytes,
				 unsigned long floor_pfn)
{
	u64 first = start_pfn & ~(MAX_ORDER_NR_PAGES - 1);
	u64 blocks = avail_bytes / ((u64)MAX_ORDER_NR_PAGES * sizeof(struct page));
	u64 end = first + blocks * MAX_ORDER_NR_PAGES;

	if (floor_pfn > end_pfn)
		floor_pfn = end_pfn;
	if (end >= end_pfn)
		return end_pfn;
	if (end < floor_pfn)
		return floor_pfn;
	return (unsigned long)end;
}
