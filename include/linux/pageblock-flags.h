/*
 * Pageblocks: the unit in which memory is grouped by mobility, each with a
 * few bits in its zone's usemap (zone->pageblock_flags). Follows Linux's
 * include/linux/pageblock-flags.h (v6.1); the bits live in mm/pageblock.c.
 */
#ifndef _LINUX_PAGEBLOCK_FLAGS_H
#define _LINUX_PAGEBLOCK_FLAGS_H

/*
 * Pages per pageblock, the unit of migrate types and of CMA areas. With
 * LPAE, Debian's kernels have HUGETLB_PAGE and a pageblock is a 2 MiB PMD
 * block; in classic builds it is the largest buddy block (MAX_ORDER - 1).
 */
#ifdef CONFIG_ARM_LPAE
#define pageblock_order		9
#else
#define pageblock_order		(MAX_ORDER - 1)
#endif
#define pageblock_nr_pages	(1UL << pageblock_order)
#define pageblock_start_pfn(pfn)	((pfn) & ~(pageblock_nr_pages - 1))
#define pageblock_end_pfn(pfn)		(pageblock_start_pfn(pfn) + pageblock_nr_pages)
#define pageblock_aligned(pfn)		(((pfn) & (pageblock_nr_pages - 1)) == 0)

/* Linux's enum pageblock_bits (v6.1): three bits of migrate type, one for compaction. */
enum pageblock_bits {
	PB_migrate,
	PB_migrate_end = PB_migrate + 3 - 1,
	PB_migrate_skip,
	NR_PAGEBLOCK_BITS
};

#define MIGRATETYPE_MASK	((1UL << (PB_migrate_end + 1)) - 1)

#ifndef __ASSEMBLY__
struct page;
struct zone;

unsigned long get_pfnblock_flags_mask(const struct page *page, unsigned long pfn, unsigned long mask);
void set_pfnblock_flags_mask(struct page *page, unsigned long flags, unsigned long pfn, unsigned long mask);
/* The migrate type of the pageblock that holds page. */
int get_pageblock_migratetype(const struct page *page);
/* Set it (MOVABLE and RECLAIMABLE become UNMOVABLE while grouping is off, as in Linux). */
void set_pageblock_migratetype(struct page *page, int migratetype);
/* Bytes of usemap a zone of zonesize pages from zone_start_pfn needs (Linux's usemap_size). */
unsigned long usemap_size(unsigned long zone_start_pfn, unsigned long zonesize);
/* The zone's usemap from memblock, during free_area_init (Linux's setup_usemap). */
void setup_usemap(struct zone *zone);
#endif

#endif
