/*
 * The pageblock bits: NR_PAGEBLOCK_BITS per pageblock in a bitmap per zone
 * (its usemap), allocated from memblock while the zones are set up, and
 * the migrate type kept in them. Follows Linux's mm/page_alloc.c (v6.1,
 * FLATMEM: the bitmap is the zone's, indexed from the pageblock that holds
 * the zone's first frame).
 */
#include <linux/cache.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include "internal.h"

/* Linux's migratetype_names (v6.1). */
const char *const migratetype_names[MIGRATE_TYPES] = {
	"Unmovable", "Movable", "Reclaimable", "HighAtomic", "CMA", "Isolate",
};

int page_group_by_mobility_disabled;

/*
 * Follows Linux's usemap_size (v6.1): the zone grown down to its first
 * pageblock, whole pageblocks, NR_PAGEBLOCK_BITS each, in whole longs.
 */
unsigned long usemap_size(unsigned long zone_start_pfn, unsigned long zonesize)
{
	unsigned long bits;

	zonesize += zone_start_pfn & (pageblock_nr_pages - 1);
	bits = ALIGN(zonesize, pageblock_nr_pages) >> pageblock_order;
	bits *= NR_PAGEBLOCK_BITS;
	return ALIGN(bits, BITS_PER_LONG) / 8;
}

/* Follows Linux's setup_usemap (v6.1): zeroed, so every block starts MIGRATE_UNMOVABLE until memmap_init. */
__noinline void setup_usemap(struct zone *zone)
{
	unsigned long size = usemap_size(zone->zone_start_pfn, zone->spanned_pages);

	zone->pageblock_flags = NULL;
	if (!size)
		return;
	/* Linux's memblock_alloc_node: the memblock=debug line names nid 0 and this function. */
	zone->pageblock_flags = memblock_alloc_try_nid(size, SMP_CACHE_BYTES, MEMBLOCK_LOW_LIMIT,
						       MEMBLOCK_ALLOC_ACCESSIBLE, 0);
	if (!zone->pageblock_flags)
		panic("Failed to allocate %lu bytes zone %s pageblock flags\n", size, zone->name);
}

/*
 * Follows Linux's get_pfnblock_flags_mask (v6.1): out of line for the
 * rest of the kernel; the allocator's hot paths use the inline
 * __get_pfnblock_flags_mask (mm/internal.h) directly.
 */
unsigned long get_pfnblock_flags_mask(const struct page *page, unsigned long pfn, unsigned long mask)
{
	return __get_pfnblock_flags_mask(page, pfn, mask);
}

/* Follows Linux's set_pfnblock_flags_mask (v6.1), without atomics: one CPU, no interrupts touch the bits. */
void set_pfnblock_flags_mask(struct page *page, unsigned long flags, unsigned long pfn, unsigned long mask)
{
	struct zone *zone = page_zone(page);
	unsigned long bitidx = pfn_to_bitidx(zone, pfn);
	unsigned long *word = &zone->pageblock_flags[bitidx / BITS_PER_LONG];
	unsigned int shift = bitidx % BITS_PER_LONG;

	*word = (*word & ~(mask << shift)) | ((flags & mask) << shift);
}

/* Follows Linux's get_pageblock_migratetype (v6.1). */
int get_pageblock_migratetype(const struct page *page)
{
	return get_pfnblock_migratetype(page, page_to_pfn(page));
}

/* Follows Linux's set_pageblock_migratetype (v6.1). */
void set_pageblock_migratetype(struct page *page, int migratetype)
{
	if (page_group_by_mobility_disabled && migratetype < MIGRATE_PCPTYPES)
		migratetype = MIGRATE_UNMOVABLE;
	set_pfnblock_flags_mask(page, (unsigned long)migratetype, page_to_pfn(page), MIGRATETYPE_MASK);
}
