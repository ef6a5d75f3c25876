/*
 * The zones and the buddy allocator: free_area_init sizes the zones and
 * builds mem_map, memblock_free_all hands free memory over, alloc_pages and
 * __free_pages split and merge blocks. Follows Linux's mm/page_alloc.c
 * (v6.1); one node, free lists per order and migrate type (the pageblock
 * bits are mm/pageblock.c's, fallback and stealing mm/page_fallback.c's,
 * the per-CPU lists for small orders mm/page_pcp.c's); no reclaim.
 */
#include <linux/cache.h>
#include <linux/cma.h>
#include <linux/fault-inject.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/setup.h>
#include <asm/memmap.h>
#include <asm/sections.h>
#include "internal.h"
#include "pcp.h"

pg_data_t contig_page_data;
struct page *mem_map;
unsigned long mem_map_pfn_offset;
unsigned long min_low_pfn, max_low_pfn, max_pfn;

static unsigned long totalram, totalhigh;

static const char *const zone_names[MAX_NR_ZONES] = {
#ifdef CONFIG_ZONE_DMA
	[ZONE_DMA] = "DMA",
#endif
	[ZONE_NORMAL] = "Normal",
#ifdef CONFIG_HIGHMEM
	[ZONE_HIGHMEM] = "HighMem",
#endif
};

/* Linux's sysctl_lowmem_reserve_ratio (v6.1): what a zone keeps back from requests that could use a higher one. */
static const unsigned int lowmem_reserve_ratio[MAX_NR_ZONES] = {
#ifdef CONFIG_ZONE_DMA
	[ZONE_DMA] = 256,
#endif
	[ZONE_NORMAL] = 32,
};

/* Pages to KiB, as Linux's K() in its memory reports. */
#define K(x)			((x) << (PAGE_SHIFT - 10))

unsigned long totalram_pages(void)
{
	return totalram;
}

unsigned long totalhigh_pages(void)
{
	return totalhigh;
}

/* Follows Linux's nr_free_pages (v6.x): free pages in every zone. */
unsigned long nr_free_pages(void)
{
	unsigned long sum = 0;

	for (int z = 0; z < MAX_NR_ZONES; z++)
		sum += zone_page_state(&contig_page_data.node_zones[z], NR_FREE_PAGES);
	return sum;
}

/* Follows Linux's get_num_physpages (v6.x): the node's present pages. */
unsigned long get_num_physpages(void)
{
	return contig_page_data.node_present_pages;
}

/* Follows Linux's pfn_valid for ARM (arch/arm/mm/init.c, v6.x): mapped memory only. */
bool pfn_valid(unsigned long pfn)
{
	phys_addr_t addr = PFN_PHYS(pfn);

	return PFN_DOWN(addr) == pfn && memblock_is_map_memory(addr);
}

/* Pages of memory (memblock.memory, NOMAP included) in [start_pfn, end_pfn). */
static unsigned long present_pages_in_range(unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long present = 0;
	struct memblock_region *r;

	for_each_mem_region(r) {
		unsigned long lo = PFN_UP(r->base), hi = PFN_DOWN(r->base + r->size);

		lo = max(lo, start_pfn);
		hi = min(hi, end_pfn);
		if (lo < hi)
			present += hi - lo;
	}
	return present;
}

/*
 * Follows Linux's __init_single_page (v6.1) for the frames [start_pfn,
 * end_pfn) of a zone: reserved, one reference, the zone in the flags
 * (memmap_fill, asm/memmap.h: a struct page per store-multiple on ARM).
 */
static void init_pages(unsigned long start_pfn, unsigned long end_pfn, enum zone_type zone)
{
	memmap_fill(pfn_to_page(start_pfn), pfn_to_page(end_pfn),
		    ((unsigned long)zone << ZONES_PGSHIFT) | (1UL << PG_reserved));
}

/*
 * Follows Linux's alloc_node_mem_map (v6.1): one struct page per frame
 * from the node's start to its end, both rounded out to the largest buddy
 * block, so a block's buddy always has a struct page.
 */
static void alloc_node_mem_map(pg_data_t *pgdat)
{
	unsigned long start = pgdat->node_start_pfn & ~(MAX_ORDER_NR_PAGES - 1);
	unsigned long end = ALIGN(pgdat->node_start_pfn + pgdat->node_spanned_pages, MAX_ORDER_NR_PAGES);
	unsigned long size = (end - start) * sizeof(struct page);
	struct page *map;

	map = memblock_alloc_try_nid_raw(size, SMP_CACHE_BYTES, MEMBLOCK_LOW_LIMIT,
					 MEMBLOCK_ALLOC_ACCESSIBLE, 0);
	if (!map) {
		memblock_show_free();
		panic("Failed to allocate %ld bytes for node %d memory map\n", (long)size, 0);
	}
	mem_map = map;
	mem_map_pfn_offset = start;
	pgdat->node_mem_map = map + (pgdat->node_start_pfn - start);
	pr_debug("%s: node %d, pgdat %08lx, node_mem_map %08lx\n", __func__, 0,
		 (unsigned long)pgdat, (unsigned long)pgdat->node_mem_map);
	/*
	 * Every frame starts reserved. The zones tile the node, and
	 * free_area_init_core initialises their frames; here only the padding
	 * outside the node, which keeps zone 0 (each frame once: bench/).
	 */
	init_pages(start, pgdat->node_start_pfn, 0);
	init_pages(pgdat->node_start_pfn + pgdat->node_spanned_pages, end, 0);
}

/* Pages set aside in the first zone before the allocator starts: none on ARM. */
#define DMA_RESERVE		0UL

/*
 * Follows Linux's free_area_init_core (v6.1): each zone's free lists and
 * struct pages, the memmap pages it costs (lowmem zones), the first zone's
 * reserve, and a first estimate of its managed pages, with Linux's debug
 * lines in its order.
 */
static void free_area_init_core(pg_data_t *pgdat)
{
	for (int j = 0; j < MAX_NR_ZONES; j++) {
		struct zone *zone = &pgdat->node_zones[j];
		unsigned long freesize = zone->present_pages;
		unsigned long memmap_pages = PAGE_ALIGN(zone->spanned_pages * sizeof(struct page)) >> PAGE_SHIFT;

		if (!is_highmem_idx((enum zone_type)j)) {
			if (freesize >= memmap_pages) {
				freesize -= memmap_pages;
				if (memmap_pages)
					pr_debug("  %s zone: %lu pages used for memmap\n", zone->name, memmap_pages);
			} else {
				pr_warn("  %s zone: %lu memmap pages exceeds freesize %lu\n", zone->name,
					memmap_pages, freesize);
			}
		}
		/*
		 * Linux's dma_reserve: pages an architecture sets aside in the
		 * first zone (set_dma_reserve, which ARM never calls). The line
		 * is printed all the same whenever that zone has pages left.
		 */
		if (j == 0 && freesize > DMA_RESERVE) {
			freesize -= DMA_RESERVE;
			pr_debug("  %s zone: %lu pages reserved\n", zone->name, DMA_RESERVE);
		}
		zone->managed_pages = freesize;
		for (int o = 0; o < MAX_ORDER; o++) {
			for (int t = 0; t < MIGRATE_TYPES; t++)
				INIT_LIST_HEAD(&zone->free_area[o].free_list[t]);
			zone->free_area[o].nr_free = 0;
		}
		for (int i = 0; i < NR_VM_ZONE_STAT_ITEMS; i++)
			zone->vm_stat[i] = 0;
		zone_pcp_init(zone);
		if (populated_zone(zone))
			pr_debug("  %s zone: %lu pages, LIFO batch:%d\n", zone->name, zone->present_pages,
				 zone_batchsize(zone));
		zone->pageblock_flags = NULL;
		if (!zone->spanned_pages)
			continue;
		setup_usemap(zone);
		init_pages(zone->zone_start_pfn, zone_end_pfn(zone), (enum zone_type)j);
	}
}

/*
 * The pageblock half of Linux's memmap_init (v6.1): each pageblock that
 * starts in memory (memblock.memory, NOMAP included) within a zone is
 * MIGRATE_MOVABLE, so that boot's unmovable allocations gather in few
 * blocks. The struct pages themselves are free_area_init_core's.
 */
static void memmap_init_pageblocks(pg_data_t *pgdat)
{
	struct memblock_region *r;

	for (int j = 0; j < MAX_NR_ZONES; j++) {
		struct zone *zone = &pgdat->node_zones[j];

		if (!zone->spanned_pages)
			continue;
		for_each_mem_region(r) {
			unsigned long lo = max(PFN_UP(r->base), zone->zone_start_pfn);
			unsigned long hi = min(PFN_DOWN(r->base + r->size), zone_end_pfn(zone));

			for (unsigned long pfn = ALIGN(lo, pageblock_nr_pages); pfn < hi; pfn += pageblock_nr_pages)
				set_pageblock_migratetype(pfn_to_page(pfn), MIGRATE_MOVABLE);
		}
	}
}

/* Linux's arch_zone_lowest/highest_possible_pfn: each zone's range from the architecture's limits. */
static unsigned long arch_zone_lowest_possible_pfn[MAX_NR_ZONES];
static unsigned long arch_zone_highest_possible_pfn[MAX_NR_ZONES];

/*
 * The sizing half of Linux's free_area_init (v6.1) for one node: the zone
 * ranges from the limits, the node's range from memblock
 * (get_pfn_range_for_nid) and each zone's span and present pages within
 * it (calculate_node_totalpages). No output, no mem_map: the fuzzer
 * (test/fuzz/fuzz_zones.c) checks it on its own. False when there is no
 * memory.
 */
bool calculate_zone_sizes(const unsigned long *max_zone_pfn)
{
	pg_data_t *pgdat = &contig_page_data;
	unsigned long start_pfn = PFN_DOWN(memblock_start_of_DRAM());
	unsigned long node_start = ~0UL, node_end = 0;
	struct memblock_region *r;

	for (int i = 0; i < MAX_NR_ZONES; i++) {
		unsigned long end_pfn = max(max_zone_pfn[i], start_pfn);

		arch_zone_lowest_possible_pfn[i] = start_pfn;
		arch_zone_highest_possible_pfn[i] = end_pfn;
		start_pfn = end_pfn;
	}
	for_each_mem_region(r) {
		unsigned long lo = PFN_UP(r->base), hi = PFN_DOWN(r->base + r->size);

		if (lo >= hi)
			continue;
		node_start = min(node_start, lo);
		node_end = max(node_end, hi);
	}
	if (node_start >= node_end)
		return false;
	pgdat->node_start_pfn = node_start;
	pgdat->node_spanned_pages = node_end - node_start;
	pgdat->node_present_pages = 0;
	for (int i = 0; i < MAX_NR_ZONES; i++) {
		struct zone *zone = &pgdat->node_zones[i];
		unsigned long zs = min(max(arch_zone_lowest_possible_pfn[i], node_start), node_end);
		unsigned long ze = min(max(arch_zone_highest_possible_pfn[i], node_start), node_end);

		zone->name = zone_names[i];
		zone->zone_start_pfn = zs;
		zone->spanned_pages = ze - zs;
		zone->present_pages = present_pages_in_range(zs, ze);
		pgdat->node_present_pages += zone->present_pages;
	}
	return true;
}

/*
 * Follows Linux's free_area_init (v6.1) for one node: the zone sizes
 * (calculate_zone_sizes), their summary (Linux's exact lines), then
 * mem_map and the zones' struct pages.
 */
void free_area_init(unsigned long *max_zone_pfn)
{
	pg_data_t *pgdat = &contig_page_data;
	struct memblock_region *r;
	bool have_memory = calculate_zone_sizes(max_zone_pfn);

	pr_info("Zone ranges:\n");
	for (int i = 0; i < MAX_NR_ZONES; i++) {
		unsigned long lo = arch_zone_lowest_possible_pfn[i], hi = arch_zone_highest_possible_pfn[i];

		if (lo == hi)
			pr_info("  %-8s empty\n", zone_names[i]);
		else
			pr_info("  %-8s [mem %#018llx-%#018llx]\n", zone_names[i],
				(unsigned long long)PFN_PHYS(lo), (unsigned long long)PFN_PHYS(hi) - 1);
	}
	pr_info("Movable zone start for each node\n");
	pr_info("Early memory node ranges\n");
	for_each_mem_region(r) {
		unsigned long lo = PFN_UP(r->base), hi = PFN_DOWN(r->base + r->size);

		if (lo < hi)
			pr_info("  node %3d: [mem %#018llx-%#018llx]\n", 0, (unsigned long long)PFN_PHYS(lo),
				(unsigned long long)PFN_PHYS(hi) - 1);
	}
	if (!have_memory)
		panic("free_area_init: no memory");
	pr_info("Initmem setup node %d [mem %#018llx-%#018llx]\n", 0,
		(unsigned long long)PFN_PHYS(pgdat->node_start_pfn),
		(unsigned long long)PFN_PHYS(pgdat->node_start_pfn + pgdat->node_spanned_pages) - 1);
	pr_debug("On node %d totalpages: %lu\n", 0, pgdat->node_present_pages);
	alloc_node_mem_map(pgdat);
	free_area_init_core(pgdat);
	memmap_init_pageblocks(pgdat);
}

/* Follows Linux's page_is_buddy (v6.x): a free block of the same order in the same zone. */
static bool page_is_buddy(const struct page *page, const struct page *buddy, unsigned int order)
{
	return PageBuddy(buddy) && buddy->private == order && page_zonenum(buddy) == page_zonenum(page);
}

/*
 * Follows Linux's __free_one_page (v6.1): merge with the buddy (the block
 * whose frame number differs in bit `order`) as long as it is free and of
 * the same order, then put the result on migratetype's free list. A block
 * freed into an isolated pageblock is not counted free. Across pageblocks
 * only blocks of mergeable types (UNMOVABLE, MOVABLE, RECLAIMABLE) merge
 * with another type: always, as current Linux does (6.1 checked only while
 * the zone had an isolated pageblock), so a CMA or isolated block never
 * ends on another type's list.
 */
void __free_one_page(struct page *page, unsigned long pfn, struct zone *zone, unsigned int order, int migratetype)
{
	if (!is_migrate_isolate(migratetype))
		__mod_zone_freepage_state(zone, 1L << order, migratetype);
	while (order < MAX_ORDER - 1) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);
		struct page *buddy = page + (buddy_pfn - pfn);
		unsigned long combined_pfn = buddy_pfn & pfn;

		/*
		 * A buddy in another pageblock may lie in a hole whose struct
		 * pages free_unused_memmap gave back; only classic builds, whose
		 * pageblock is the largest block, can never meet one.
		 */
		if (order >= pageblock_order && !pfn_valid(buddy_pfn))
			break;
		if (!page_is_buddy(page, buddy, order))
			break;
		if (order >= pageblock_order) {
			int buddy_mt = get_pageblock_migratetype(buddy);

			if (buddy_mt != migratetype &&
			    (!migratetype_is_mergeable(migratetype) || !migratetype_is_mergeable(buddy_mt)))
				break;
		}
		del_page_from_free_list(buddy, zone, order);
		page = page + (combined_pfn - pfn);
		pfn = combined_pfn;
		order++;
	}
	add_to_free_list(page, zone, order, migratetype);
}

/*
 * Follows Linux's free_one_page (v6.1): a block straight to the buddy
 * allocator, under the zone lock; the pageblock's type is read under it,
 * since isolation may have changed it.
 */
void free_one_page(struct zone *zone, struct page *page, unsigned long pfn, unsigned int order)
{
	unsigned long flags;

	zone_lock(zone, flags);
	__free_one_page(page, pfn, zone, order, get_pfnblock_migratetype(page, pfn));
	zone_unlock(zone, flags);
}

/* Follows Linux's __free_pages_core (v6.x): boot memory enters the allocator. */
static void __free_pages_core(struct page *page, unsigned int order)
{
	unsigned long n = 1UL << order;
	struct zone *zone = page_zone(page);

	for (unsigned long i = 0; i < n; i++) {
		ClearPageReserved(&page[i]);
		page[i]._refcount = 0;
	}
	zone->managed_pages += n;
	totalram += n;
	__free_one_page(page, page_to_pfn(page), zone, order, get_pageblock_migratetype(page));
}

/* Follows Linux's adjust_managed_page_count (v6.1): pages that boot kept now belong to the allocator. */
static void adjust_managed_page_count(struct page *page, long count)
{
	page_zone(page)->managed_pages += (unsigned long)count;
	totalram += (unsigned long)count;
	if (PageHighMem(page))
		totalhigh += (unsigned long)count;
}

/* Follows Linux's free_reserved_page (v6.1). */
void free_reserved_page(struct page *page)
{
	ClearPageReserved(page);
	page->_refcount = 0;
	adjust_managed_page_count(page, 1);
	free_one_page(page_zone(page), page, page_to_pfn(page), 0);
}

/*
 * Follows Linux's init_cma_reserved_pageblock (v6.1): the pageblock's
 * pages leave the reserved state, the block is marked MIGRATE_CMA and
 * freed whole (so counted in NR_FREE_CMA_PAGES), and the zone manages it.
 */
void init_cma_reserved_pageblock(struct page *page)
{
	struct zone *zone = page_zone(page);

	for (unsigned long i = 0; i < pageblock_nr_pages; i++) {
		ClearPageReserved(&page[i]);
		page[i]._refcount = 0;
	}
	set_pageblock_migratetype(page, MIGRATE_CMA);
	adjust_managed_page_count(page, (long)pageblock_nr_pages);
	zone->cma_pages += pageblock_nr_pages;
	__free_one_page(page, page_to_pfn(page), zone, pageblock_order, MIGRATE_CMA);
}

/* Follows Linux's __free_pages_memory (mm/memblock.c, v6.x): the largest aligned blocks that fit. */
static void __free_pages_memory(unsigned long start, unsigned long end)
{
	while (start < end) {
		unsigned int order = start ? (unsigned int)__builtin_ctzl(start) : MAX_ORDER - 1;

		if (order > MAX_ORDER - 1)
			order = MAX_ORDER - 1;
		while (start + (1UL << order) > end)
			order--;
		__free_pages_core(pfn_to_page(start), order);
		start += 1UL << order;
	}
}

/*
 * Follows Linux's free_memmap (mm/memblock.c, v6.1): the whole pages of
 * mem_map that hold only the struct pages of [start_pfn, end_pfn) go back
 * to memblock, so memblock_free_all hands them to the allocator.
 */
static void free_memmap(unsigned long start_pfn, unsigned long end_pfn)
{
	phys_addr_t pg = PAGE_ALIGN(__pa(pfn_to_page(start_pfn - 1) + 1));
	phys_addr_t pgend = __pa(pfn_to_page(end_pfn - 1) + 1) & PAGE_MASK;

	if (pg < pgend)
		memblock_phys_free(pg, pgend - pg);
}

/*
 * Follows Linux's free_unused_memmap (mm/memblock.c, v6.1, FLATMEM): the
 * struct pages of a hole between two banks describe nothing, so their
 * part of mem_map is given back. The hole is shrunk to whole pageblocks
 * first: the allocator may look at any struct page of a pageblock that
 * holds memory. With LPAE a pageblock (2 MiB) is smaller than the largest
 * buddy block, so __free_one_page checks that a buddy in another
 * pageblock is memory before it reads that buddy's struct page.
 */
static void free_unused_memmap(void)
{
	unsigned long prev_end = 0;
	struct memblock_region *r;

	for_each_mem_region(r) {
		unsigned long start = PFN_UP(r->base), end = PFN_DOWN(r->base + r->size);

		if (start >= end)
			continue;
		start &= ~(pageblock_nr_pages - 1);
		if (prev_end && prev_end < start)
			free_memmap(prev_end, start);
		prev_end = ALIGN(end, pageblock_nr_pages);
	}
}

/*
 * Follows Linux's memblock_free_all (mm/memblock.c, v6.x): the unused
 * parts of mem_map back to memblock (free_unused_memmap), then every free,
 * mappable memblock range of lowmem goes to the buddy allocator (reserved
 * and NOMAP memory, and CMA areas until CMA takes them, stay out); highmem
 * is the architecture's (free_highpages). Then memblock retires.
 */
void memblock_free_all(void)
{
	phys_addr_t start, end;
	u64 i;

	free_unused_memmap();
	for (int z = 0; z < MAX_NR_ZONES; z++)
		contig_page_data.node_zones[z].managed_pages = 0;
	for_each_free_mem_range(i, MEMBLOCK_NONE, &start, &end) {
		unsigned long s = PFN_UP(start), e = min(PFN_DOWN(end), max_low_pfn);

		if (s < e)
			__free_pages_memory(s, e);
	}
	memblock_retire();
}

/* Follows Linux's free_highmem_page (v6.x): one highmem page to the allocator. */
void free_highmem_page(struct page *page)
{
	__free_pages_core(page, 0);
	totalhigh++;
}

/*
 * Not in Linux, whose free_highpages frees highmem page by page: the free
 * highmem frames [start, end) in the largest aligned blocks, as lowmem's
 * are. The free lists come out the same (the buddy allocator merges the
 * single pages into those blocks anyway), at a few instructions a page
 * instead of a merge walk for each (bench/).
 */
void free_highmem_range(unsigned long start, unsigned long end)
{
	if (start >= end)
		return;
	__free_pages_memory(start, end);
	totalhigh += end - start;
}

/* Follows Linux's gfp_zone (v6.x). */
enum zone_type gfp_zone(gfp_t gfp)
{
	if (gfp & __GFP_DMA)
		return OPT_ZONE_DMA;
	if (gfp & __GFP_HIGHMEM)
		return OPT_ZONE_HIGHMEM;
	return ZONE_NORMAL;
}

/*
 * Follows Linux's __zone_watermark_ok (v6.1) for the flags this kernel
 * has: after the allocation the zone must keep more than the mark plus its
 * reserve against requests allowed higher zones, not counting CMA pages for
 * a request that may not use them; a block of the order must then be free
 * on a list the request may take from.
 */
static __noinline bool __zone_watermark_ok(struct zone *zone, unsigned int order, unsigned long mark,
					 enum zone_type highest, unsigned int alloc_flags)
{
	long free = (long)zone_page_state(zone, NR_FREE_PAGES) - (1L << order) + 1;

	if (!(alloc_flags & ALLOC_CMA))
		free -= (long)zone_page_state(zone, NR_FREE_CMA_PAGES);
	if (free <= (long)(mark + zone->lowmem_reserve[highest]))
		return false;
	if (!order)
		return true;
	for (unsigned int o = order; o < MAX_ORDER; o++) {
		struct free_area *area = &zone->free_area[o];

		if (!area->nr_free)
			continue;
		for (int mt = 0; mt < MIGRATE_PCPTYPES; mt++)
			if (!free_area_empty(area, mt))
				return true;
		if ((alloc_flags & ALLOC_CMA) && !free_area_empty(area, MIGRATE_CMA))
			return true;
		if ((alloc_flags & ALLOC_HIGHATOMIC) && !free_area_empty(area, MIGRATE_HIGHATOMIC))
			return true;
	}
	return false;
}

/*
 * Follows Linux's zone_watermark_fast (v6.1): for order 0, the free pages
 * the request may use (less CMA's unless ALLOC_CMA) against the mark and
 * the reserve, without __zone_watermark_ok's call and list walk; any other
 * order, or a zone that looks short, gets the full check.
 */
static __always_inline bool zone_watermark_fast(struct zone *zone, unsigned int order, unsigned long mark,
						enum zone_type highest, unsigned int alloc_flags)
{
	if (!order) {
		long usable = (long)zone_page_state(zone, NR_FREE_PAGES);
		long reserved = (alloc_flags & ALLOC_CMA) ? 0 : (long)zone_page_state(zone, NR_FREE_CMA_PAGES);

		usable -= min(usable, reserved);
		if (usable > (long)(mark + zone->lowmem_reserve[highest]))
			return true;
	}
	return __zone_watermark_ok(zone, order, mark, highest, alloc_flags);
}

/* Follows Linux's expand (v6.1): the halves of a split block not asked for go back on migratetype's lists. */
static void expand(struct zone *zone, struct page *page, unsigned int low, unsigned int high, int migratetype)
{
	while (high > low) {
		high--;
		add_to_free_list(&page[1UL << high], zone, high, migratetype);
	}
}

/* Follows Linux's __rmqueue_smallest (v6.1): the smallest block of migratetype that fits. */
struct page *__rmqueue_smallest(struct zone *zone, unsigned int order, int migratetype)
{
	for (unsigned int current_order = order; current_order < MAX_ORDER; current_order++) {
		struct page *page = get_page_from_free_area(&zone->free_area[current_order], migratetype);

		if (!page)
			continue;
		del_page_from_free_list(page, zone, current_order);
		expand(zone, page, order, current_order, migratetype);
		set_pcppage_migratetype(page, migratetype);
		return page;
	}
	return NULL;
}

/*
 * Follows Linux's __rmqueue (v6.1): a movable request allowed CMA takes
 * from CMA first while more than half the zone's free pages are CMA's (so
 * that CMA memory is used, not left while the rest runs out), else from
 * its own type, then CMA, then another type through the fallback table.
 * Does not touch the free counters: rmqueue does, by the list the block
 * came from (get_pcppage_migratetype).
 */
struct page *__rmqueue(struct zone *zone, unsigned int order, int migratetype, unsigned int alloc_flags)
{
	struct page *page;

	if ((alloc_flags & ALLOC_CMA) &&
	    zone_page_state(zone, NR_FREE_CMA_PAGES) > zone_page_state(zone, NR_FREE_PAGES) / 2) {
		page = __rmqueue_smallest(zone, order, MIGRATE_CMA);
		if (page)
			return page;
	}
	for (;;) {
		page = __rmqueue_smallest(zone, order, migratetype);
		if (page)
			return page;
		if (alloc_flags & ALLOC_CMA) {
			page = __rmqueue_smallest(zone, order, MIGRATE_CMA);
			if (page)
				return page;
		}
		if (!__rmqueue_fallback(zone, (int)order, migratetype, alloc_flags))
			return NULL;
	}
}

/* Follows Linux's rmqueue_buddy (v6.1): a block from the zone, counted out of its free pages. */
static __noinline struct page *rmqueue_buddy(struct zone *zone, unsigned int order, int migratetype,
					     unsigned int alloc_flags)
{
	unsigned long flags;
	struct page *page;

	zone_lock(zone, flags);
	page = __rmqueue(zone, order, migratetype, alloc_flags);
	if (page)
		__mod_zone_freepage_state(zone, -(1L << order), get_pcppage_migratetype(page));
	zone_unlock(zone, flags);
	return page;
}

/*
 * Follows Linux's rmqueue (v6.1): small orders from this CPU's lists
 * (mm/page_pcp.c), except a movable request that may not use CMA, since
 * the movable lists hold CMA pages; the rest, or what the lists could not
 * get, from the buddy allocator.
 */
static __always_inline struct page *rmqueue(struct zone *zone, unsigned int order, int migratetype,
					    unsigned int alloc_flags)
{
	if (likely(pcp_allowed_order(order)) &&
	    ((alloc_flags & ALLOC_CMA) || migratetype != MIGRATE_MOVABLE)) {
		struct page *page = rmqueue_pcplist(zone, order, migratetype, alloc_flags);

		if (likely(page))
			return page;
	}
	return rmqueue_buddy(zone, order, migratetype, alloc_flags);
}

static void bad_page(const struct page *page, const char *reason)
{
	pr_alert("BUG: Bad page state in process swapper  pfn:%05lx\n", page_to_pfn(page));
	/* Linux's __dump_page first line (v6.1); there are no mappings, so mapcount 0. */
	pr_alert("page:%p refcount:%d mapcount:%d mapping:%p index:%#lx pfn:%#lx\n", page,
		 page->_refcount, 0, page->mapping, page->index, page_to_pfn(page));
	pr_alert("page dumped because: %s\n", reason);
}

/* The names Linux's %pGg prints for the flags we have, '|'-separated. */
static const char *gfp_names(gfp_t gfp, char *buf, size_t size)
{
	static const struct { gfp_t flag; const char *name; } names[] = {
		{ __GFP_DMA, "GFP_DMA" }, { __GFP_HIGHMEM, "__GFP_HIGHMEM" },
		{ __GFP_MOVABLE, "__GFP_MOVABLE" }, { __GFP_RECLAIMABLE, "__GFP_RECLAIMABLE" },
		{ __GFP_ZERO, "__GFP_ZERO" }, { __GFP_NOWARN, "__GFP_NOWARN" },
		{ __GFP_COMP, "__GFP_COMP" },
	};
	int n = scnprintf(buf, size, "GFP_KERNEL");

	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (gfp & names[i].flag)
			n += scnprintf(buf + n, size - (size_t)n, "|%s", names[i].name);
	return buf;
}

/* Follows Linux's show_migration_types (v6.1): the letters of the types with free blocks, "(UM) ". */
static int show_migration_types(const struct free_area *area, char *buf, size_t size)
{
	static const char letters[MIGRATE_TYPES] = {
		[MIGRATE_UNMOVABLE] = 'U', [MIGRATE_MOVABLE] = 'M', [MIGRATE_RECLAIMABLE] = 'E',
		[MIGRATE_HIGHATOMIC] = 'H', [MIGRATE_CMA] = 'C', [MIGRATE_ISOLATE] = 'I',
	};
	char tmp[MIGRATE_TYPES + 1];
	int n = 0;

	for (int mt = 0; mt < MIGRATE_TYPES; mt++)
		if (!free_area_empty(area, mt))
			tmp[n++] = letters[mt];
	tmp[n] = 0;
	return scnprintf(buf, size, "(%s) ", tmp);
}

/*
 * Follows the parts of Linux's show_free_areas (mm/page_alloc.c, v6.1)
 * that exist here: per zone its free memory against the watermarks and
 * its lowmem reserve, then the free blocks of each order with the letters
 * of their migrate types (without Linux's free_pcp and page-cache figures).
 */
void show_free_areas(void)
{
	pr_info("Mem-Info:\n");
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		const struct zone *zone = &contig_page_data.node_zones[z];
		char line[16 * MAX_NR_ZONES];
		int n = 0;

		if (!populated_zone(zone))
			continue;
		pr_info("%s free:%lukB min:%lukB low:%lukB high:%lukB present:%lukB managed:%lukB\n",
			zone->name, K(zone_page_state(zone, NR_FREE_PAGES)), K(zone->watermark[WMARK_MIN]),
			K(zone->watermark[WMARK_LOW]), K(zone->watermark[WMARK_HIGH]),
			K(zone->present_pages), K(zone->managed_pages));
		for (int j = 0; j < MAX_NR_ZONES; j++)
			n += scnprintf(line + n, sizeof(line) - (size_t)n, " %lu", zone->lowmem_reserve[j]);
		pr_info("lowmem_reserve[]:%s\n", line);
	}
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		const struct zone *zone = &contig_page_data.node_zones[z];
		char line[(24 + MIGRATE_TYPES + 3) * MAX_ORDER];
		unsigned long total = 0;
		int n = 0;

		if (!populated_zone(zone))
			continue;
		for (int o = 0; o < MAX_ORDER; o++) {
			n += scnprintf(line + n, sizeof(line) - (size_t)n, "%lu*%lukB ",
				       zone->free_area[o].nr_free, K(1UL) << o);
			if (zone->free_area[o].nr_free)
				n += show_migration_types(&zone->free_area[o], line + n, sizeof(line) - (size_t)n);
			total += zone->free_area[o].nr_free << o;
		}
		pr_info("%s: %s= %lukB\n", zone->name, line, K(total));
	}
}

/*
 * Follows Linux's warn_alloc (mm/page_alloc.c, v6.1): what was asked, by
 * whom (the backtrace) and what is free. Kept out of alloc_pages: its
 * buffer would give every allocation a stack canary and a larger frame.
 */
static __noinline void warn_alloc(gfp_t gfp, unsigned int order)
{
	char names[96];

	pr_warn("swapper: page allocation failure: order:%u, mode:%#x(%s), nodemask=(null)\n",
		order, gfp, gfp_names(gfp, names, sizeof(names)));
	dump_stack();
	show_free_areas();
}

/* Follows Linux's struct alloc_context (v6.1): what every attempt of one request shares. */
struct alloc_context {
	struct zonelist *zonelist;
	/* The first zone of the zonelist the request may use, found once per request. */
	struct zoneref *preferred_zoneref;
	int migratetype;
	int highest_zoneidx;
};

/* Follows Linux's prep_compound_page (v6.1): the head marked, each tail pointing to it, the order in the first tail. */
void prep_compound_page(struct page *page, unsigned int order)
{
	set_page_flag(page, PG_head);
	for (unsigned long i = 1; i < (1UL << order); i++)
		page[i].lru.next = (struct list_head *)((unsigned long)page + 1);
	page[1].private = order;
}

/* Linux's free_tail_pages_check and ClearPageHead (v6.1): the block is plain pages again. */
void destroy_compound_page(struct page *page, unsigned int order)
{
	clear_page_flag(page, PG_head);
	for (unsigned long i = 1; i < (1UL << order); i++)
		page[i].lru.next = NULL;
	page[1].private = 0;
}

/* Follows Linux's prep_new_page (v6.1), the part this kernel has: one user, zeroed on request, compound on request. */
static __always_inline void prep_new_page(struct page *page, unsigned int order, gfp_t gfp)
{
	page->_refcount = 1;
	if (unlikely(order && (gfp & __GFP_COMP)))
		prep_compound_page(page, order);
	if (unlikely(gfp & __GFP_ZERO)) {
		for (unsigned long i = 0; i < (1UL << order); i++) {
			void *addr = kmap_local_page(&page[i]);

			memset(addr, 0, PAGE_SIZE);
			kunmap_local(addr);
		}
	}
}

/*
 * Follows Linux's get_page_from_freelist (v6.1): each zone of the zonelist
 * the request may use, highest first from the preferred one, that keeps
 * the watermark alloc_flags names and its lowmem reserve; the first block
 * found. Inline, so that the fast path of alloc_pages makes no call
 * before the per-CPU list.
 */
static __always_inline struct page *get_page_from_freelist(gfp_t gfp, unsigned int order, unsigned int alloc_flags,
							   const struct alloc_context *ac)
{
	struct zoneref *z = ac->preferred_zoneref;
	struct zone *zone;

	for_next_zone_zonelist(zone, z, ac->highest_zoneidx) {
		unsigned long mark = zone->watermark[alloc_flags & ALLOC_WMARK_MASK];
		struct page *page;

		if (!zone_watermark_fast(zone, order, mark, (enum zone_type)ac->highest_zoneidx, alloc_flags))
			continue;
		page = rmqueue(zone, order, ac->migratetype, alloc_flags);
		if (likely(page)) {
			prep_new_page(page, order, gfp);
			return page;
		}
	}
	return NULL;
}

/* Follows Linux's gfp_to_alloc_flags_cma (v6.1): movable requests may use CMA pageblocks. */
static inline unsigned int gfp_to_alloc_flags_cma(gfp_t gfp, unsigned int alloc_flags)
{
	if (gfp_migratetype(gfp) == MIGRATE_MOVABLE)
		alloc_flags |= ALLOC_CMA;
	return alloc_flags;
}

/*
 * Follows Linux's prepare_alloc_pages (v6.1): the request's context (the
 * zonelist, its preferred zone, the migrate type). Linux asks
 * should_fail_alloc_page here too; alloc_pages does, just before.
 */
static __always_inline void prepare_alloc_pages(gfp_t gfp, struct alloc_context *ac)
{
	ac->zonelist = node_zonelist(0);
	ac->highest_zoneidx = gfp_zone(gfp);
	ac->migratetype = gfp_migratetype(gfp);
	ac->preferred_zoneref = first_zones_zonelist(ac->zonelist, ac->highest_zoneidx);
}

/*
 * Follows Linux's __alloc_pages_slowpath (v6.1) without reclaim: once
 * more down to the min watermark, then again after draining the per-CPU
 * lists; else a failure message and NULL. It works the request's context
 * out again rather than take the fast path's: alloc_pages then keeps no
 * local alive past its first try (no spills, no address taken, so no
 * stack canary on the fast path).
 */
static __noinline struct page *__alloc_pages_slowpath(gfp_t gfp, unsigned int order)
{
	unsigned int alloc_flags = gfp_to_alloc_flags_cma(gfp, ALLOC_WMARK_MIN);
	struct alloc_context ac;
	struct page *page;

	prepare_alloc_pages(gfp, &ac);
	page = get_page_from_freelist(gfp, order, alloc_flags, &ac);
	/*
	 * What Linux's direct reclaim does before it gives up
	 * (__alloc_pages_direct_reclaim, 6.1): the per-CPU lists go back to
	 * the buddy allocator and the request is tried once more, since the
	 * pages parked there may be what it needs. There is no reclaim here.
	 */
	if (!page) {
		drain_all_pages(NULL);
		page = get_page_from_freelist(gfp, order, alloc_flags, &ac);
	}
	if (!page && !(gfp & __GFP_NOWARN))
		warn_alloc(gfp, order);
	return page;
}

/*
 * Follows Linux's __alloc_pages (v6.1): the request's context
 * (prepare_alloc_pages), the zonelist above the low watermark (the fast
 * path), else the slow path.
 */
struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	struct alloc_context ac;
	struct page *page;

	if (unlikely(order >= MAX_ORDER)) {
		WARN_ON(!(gfp & __GFP_NOWARN));
		return NULL;
	}
	if (unlikely(should_fail_alloc_page(gfp, order)))
		return NULL;
	prepare_alloc_pages(gfp, &ac);
	page = get_page_from_freelist(gfp, order, gfp_to_alloc_flags_cma(gfp, ALLOC_WMARK_LOW), &ac);
	if (likely(page))
		return page;
	page = __alloc_pages_slowpath(gfp, order);
	/* No tail call: a failure's backtrace names alloc_pages and its caller, as Linux's names __alloc_pages. */
	barrier();
	return page;
}

/* Follows Linux's page_bad_reason (v6.1): why a page may not be freed, in the order the checks go. */
static const char *page_bad_reason(const struct page *page, unsigned int order, unsigned long pfn)
{
	if (PageReserved(page))
		return "PAGE_FLAGS_CHECK_AT_FREE flag(s) set";
	if (order >= MAX_ORDER || (pfn & ((1UL << order) - 1)))
		return "free of a block not aligned to its order";
	return "nonzero _refcount or already free (double free?)";
}

/* Follows Linux's free_page_is_bad_report (v6.1): out of line, the free path only tests. */
static __noinline void free_page_is_bad_report(struct page *page, unsigned int order, unsigned long pfn)
{
	bad_page(page, page_bad_reason(page, order, pfn));
}

/*
 * Follows Linux's free_page_is_bad (v6.1), before the reference is
 * dropped: a reserved or free (PG_buddy) page, found with one test of
 * PAGE_FLAGS_CHECK_AT_FREE; a page nobody holds (a double free of a page
 * on the per-CPU lists); a block not aligned to its order.
 */
static __always_inline bool free_page_is_bad(struct page *page, unsigned int order, unsigned long pfn)
{
	if (likely(!(page->flags & PAGE_FLAGS_CHECK_AT_FREE) && page->_refcount > 0 &&
		   (!order || (order < MAX_ORDER && !(pfn & ((1UL << order) - 1))))))
		return false;
	free_page_is_bad_report(page, order, pfn);
	return true;
}

/*
 * Follows Linux's __free_pages (v6.x): drop a reference, and free the
 * block with the last one. Freeing a reserved page, a free page (double
 * free) or a misaligned block is reported as Linux's bad_page does, and
 * the page is left alone.
 */
void __free_pages(struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page);

	if (unlikely(free_page_is_bad(page, order, pfn)))
		return;
	if (--page->_refcount)
		return;
	if (unlikely(PageHead(page)))
		destroy_compound_page(page, order);
	/* Linux's free_pages_prepare: a movable owner's mark does not outlive the page's use. */
	if (unlikely((unsigned long)page->mapping & PAGE_MAPPING_FLAGS))
		page->mapping = NULL;
	/* Linux's free_the_page: small orders to this CPU's lists. */
	if (likely(pcp_allowed_order(order)))
		free_unref_page(page, order);
	else
		free_one_page(page_zone(page), page, pfn, order);
}

/*
 * Follows Linux's split_page (v6.1): the pages after the first of a block
 * alloc_pages handed out get a reference each, so that each can be freed
 * on its own as an order-0 page.
 */
void split_page(struct page *page, unsigned int order)
{
	for (unsigned long i = 1; i < (1UL << order); i++)
		page[i]._refcount = 1;
}

/*
 * Follows Linux's free_reserved_area (v6.1): each whole page of [start,
 * end) that boot kept reserved is filled with poison (unless it is < 0)
 * and given to the allocator, which now manages it, as boot memory enters
 * it (__free_pages_core).
 */
unsigned long free_reserved_area(void *start, void *end, int poison, const char *s)
{
	unsigned long first = PAGE_ALIGN((unsigned long)start);
	unsigned long last = (unsigned long)end & PAGE_MASK;
	unsigned long pages = 0;

	for (unsigned long addr = first; addr < last; addr += PAGE_SIZE, pages++) {
		struct page *page = virt_to_page(addr);

		if (poison >= 0)
			memset((void *)addr, poison, PAGE_SIZE);
		__free_pages_core(page, 0);
	}
	if (pages && s)
		pr_info("Freeing %s memory: %luK\n", s, K(pages));
	return pages;
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp & ~__GFP_HIGHMEM, order);

	return page ? (unsigned long)page_address(page) : 0;
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		__free_pages(virt_to_page(addr), order);
}

/* Linux's int_sqrt: the largest r with r * r <= x (a binary search). */
static unsigned long int_sqrt(unsigned long long x)
{
	unsigned long long lo = 0, hi = 1ULL << 32;

	while (hi - lo > 1) {
		unsigned long long mid = lo + (hi - lo) / 2;

		if (mid * mid <= x)
			lo = mid;
		else
			hi = mid;
	}
	return (unsigned long)lo;
}

unsigned long totalreserve_pages;

/*
 * Follows Linux's calculate_totalreserve_pages (v6.1): each zone keeps
 * back its largest lowmem_reserve against the zones above it plus its
 * high watermark, at most what it manages.
 */
static void calculate_totalreserve_pages(void)
{
	unsigned long reserve_pages = 0;

	for (int i = 0; i < MAX_NR_ZONES; i++) {
		const struct zone *zone = &contig_page_data.node_zones[i];
		unsigned long reserve = 0;

		for (int j = i; j < MAX_NR_ZONES; j++)
			reserve = max(reserve, zone->lowmem_reserve[j]);
		reserve += zone->watermark[WMARK_HIGH];
		reserve_pages += min(reserve, zone->managed_pages);
	}
	totalreserve_pages = reserve_pages;
}

/*
 * Follows Linux's setup_per_zone_lowmem_reserve, init_per_zone_wmark_min
 * and __setup_per_zone_wmarks (v6.1): min_free_kbytes = sqrt(16 x lowmem
 * KiB) within [128, 262144], shared out over the lowmem zones by size;
 * highmem gets 1/1024 of itself within [32, 128] pages; low and high are
 * min plus one and two steps of max(min/4, 0.1% of the zone).
 */
void setup_per_zone_wmarks(void)
{
	struct zone *zones = contig_page_data.node_zones;
	unsigned long lowmem_pages = 0, min_free_kbytes, pages_min;

	for (int i = 0; i < MAX_NR_ZONES; i++) {
		/* A zone with nothing managed has nothing to protect (6.1; 4.14 kept the figures). */
		bool clear = !lowmem_reserve_ratio[i] || !zones[i].managed_pages;
		unsigned long managed = 0;

		for (int j = i + 1; j < MAX_NR_ZONES; j++) {
			managed += zones[j].managed_pages;
			zones[i].lowmem_reserve[j] = clear ? 0 : managed / lowmem_reserve_ratio[i];
		}
		if (!is_highmem_idx((enum zone_type)i))
			lowmem_pages += zones[i].managed_pages;
	}
	min_free_kbytes = int_sqrt((unsigned long long)lowmem_pages * (PAGE_SIZE >> 10) * 16);
	min_free_kbytes = min(max(min_free_kbytes, 128UL), 262144UL);
	pages_min = min_free_kbytes >> (PAGE_SHIFT - 10);

	for (int i = 0; i < MAX_NR_ZONES; i++) {
		struct zone *zone = &zones[i];
		unsigned long long tmp = lowmem_pages ?
			(unsigned long long)pages_min * zone->managed_pages / lowmem_pages : 0;
		unsigned long step;

		if (is_highmem_idx((enum zone_type)i))
			zone->watermark[WMARK_MIN] = min(max(zone->managed_pages / 1024, 32UL), 128UL);
		else
			zone->watermark[WMARK_MIN] = (unsigned long)tmp;
		step = max((unsigned long)(tmp >> 2),
			   (unsigned long)((unsigned long long)zone->managed_pages * 10 / 10000));
		zone->watermark[WMARK_LOW] = zone->watermark[WMARK_MIN] + step;
		zone->watermark[WMARK_HIGH] = zone->watermark[WMARK_MIN] + 2 * step;
	}
	calculate_totalreserve_pages();
	/* The per-CPU lists' high follows the low watermark. */
	for (int i = 0; i < MAX_NR_ZONES; i++)
		zone_pcp_update(&zones[i], 0);
}

/* Follows Linux's mem_init_print_info (v6.1), for this kernel's sections. */
void mem_init_print_info(void)
{
	unsigned long physpages = get_num_physpages();
	unsigned long cma = (unsigned long)(cma_total_size() >> PAGE_SHIFT);
	char highmem[32] = "";

	if (IS_ENABLED(CONFIG_HIGHMEM))
		scnprintf(highmem, sizeof(highmem), ", %luK highmem", K(totalhigh));
	pr_info("Memory: %luK/%luK available (%luK kernel code, %luK rwdata, %luK rodata, "
		"%luK init, %luK bss, %luK reserved, %luK cma-reserved%s)\n",
		K(nr_free_pages()), K(physpages),
		(unsigned long)(_etext - _stext) / SZ_1K, (unsigned long)(_edata - _sdata) / SZ_1K,
		(unsigned long)(__end_rodata - __start_rodata) / SZ_1K,
		(unsigned long)(__init_end - __init_begin) / SZ_1K,
		(unsigned long)(__bss_stop - __bss_start) / SZ_1K,
		K(physpages - totalram - cma), K(cma), highmem);
}

#ifdef HOST_TEST
/* Host tests: back to before free_area_init. */
void page_alloc_host_reset(void)
{
	memset(&contig_page_data, 0, sizeof(contig_page_data));
	totalram = totalhigh = 0;
	mem_map = NULL;
	page_group_by_mobility_disabled = 0;
}
#endif
