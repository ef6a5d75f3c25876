/*
 * Anti-fragmentation: when a request finds no free block of its own
 * migrate type, it takes one of another type in the order of fallbacks[],
 * and with a large enough block, or a type that pollutes, it claims the
 * whole pageblock so that kinds stay grouped. Follows Linux's
 * mm/page_alloc.c (v6.1) without watermark boosting (there is no kswapd)
 * and without ALLOC_NOFRAGMENT (Linux sets it only with ZONE_DMA32).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include "internal.h"

/*
 * Linux's fallbacks[] (v6.1): the types a request may take from, in the
 * order tried, ended by MIGRATE_TYPES. CMA and ISOLATE blocks are never
 * taken over; HIGHATOMIC has no row since nothing reserves it here.
 */
const int fallbacks[MIGRATE_TYPES][MIGRATE_PCPTYPES] = {
	[MIGRATE_UNMOVABLE]   = { MIGRATE_RECLAIMABLE, MIGRATE_MOVABLE,   MIGRATE_TYPES },
	[MIGRATE_MOVABLE]     = { MIGRATE_RECLAIMABLE, MIGRATE_UNMOVABLE, MIGRATE_TYPES },
	[MIGRATE_RECLAIMABLE] = { MIGRATE_UNMOVABLE,   MIGRATE_MOVABLE,   MIGRATE_TYPES },
	[MIGRATE_HIGHATOMIC]  = { MIGRATE_TYPES },
	[MIGRATE_CMA]         = { MIGRATE_TYPES },
	[MIGRATE_ISOLATE]     = { MIGRATE_TYPES },
};

/*
 * Follows Linux's can_steal_fallback (v6.1): a whole pageblock is claimed
 * for a block of at least half a pageblock, or for an unmovable or
 * reclaimable request (which would pollute the block anyway), or always
 * while grouping is off.
 */
bool can_steal_fallback(unsigned int order, int start_mt)
{
	if (order >= pageblock_order)
		return true;
	return order >= pageblock_order / 2 || start_mt == MIGRATE_RECLAIMABLE ||
	       start_mt == MIGRATE_UNMOVABLE || page_group_by_mobility_disabled;
}

/*
 * Follows Linux's find_suitable_fallback (v6.1): the first type in
 * migratetype's row with a free block of this order, or -1; can_steal says
 * whether the whole block may be claimed.
 */
int find_suitable_fallback(struct free_area *area, unsigned int order, int migratetype,
			   bool only_stealable, bool *can_steal)
{
	*can_steal = false;
	if (!area->nr_free)
		return -1;
	for (int i = 0; i < MIGRATE_PCPTYPES; i++) {
		int fallback_mt = fallbacks[migratetype][i];

		if (fallback_mt == MIGRATE_TYPES)
			break;
		if (free_area_empty(area, fallback_mt))
			continue;
		if (can_steal_fallback(order, migratetype))
			*can_steal = true;
		if (!only_stealable || *can_steal)
			return fallback_mt;
	}
	return -1;
}

/*
 * Follows Linux's move_freepages (v6.1): the free blocks of [start_pfn,
 * end_pfn] go to migratetype's lists; the pages in use that could move
 * (Linux: on an LRU or __PageMovable) are counted in num_movable.
 */
static int move_freepages(struct zone *zone, unsigned long start_pfn, unsigned long end_pfn,
			  int migratetype, int *num_movable)
{
	/* mem_map is one array (FLATMEM): the page steps along with the frame, no pfn_to_page each time. */
	struct page *page = pfn_to_page(start_pfn);
	int pages_moved = 0;

	for (unsigned long pfn = start_pfn; pfn <= end_pfn;) {
		unsigned int order;

		if (!PageBuddy(page)) {
			if (num_movable && __PageMovable(page))
				(*num_movable)++;
			pfn++;
			page++;
			continue;
		}
		order = buddy_order(page);
		move_to_free_list(page, zone, order, migratetype);
		pfn += 1UL << order;
		page += 1UL << order;
		pages_moved += 1 << order;
	}
	return pages_moved;
}

/*
 * Follows Linux's move_freepages_block (v6.1): move_freepages over page's
 * pageblock, 0 when the block is not wholly in the zone. The caller keeps
 * the zone's counters right when a block goes to or from ISOLATE or CMA.
 */
int move_freepages_block(struct zone *zone, struct page *page, int migratetype, int *num_movable)
{
	unsigned long pfn = page_to_pfn(page);
	unsigned long start_pfn = pageblock_start_pfn(pfn);
	unsigned long end_pfn = pageblock_end_pfn(pfn) - 1;

	if (num_movable)
		*num_movable = 0;
	if (!zone_spans_pfn(zone, start_pfn))
		start_pfn = pfn;
	if (!zone_spans_pfn(zone, end_pfn))
		return 0;
	return move_freepages(zone, start_pfn, end_pfn, migratetype, num_movable);
}

/* Follows Linux's change_pageblock_range (v6.1): every pageblock of a block of pageblock_order or more. */
static void change_pageblock_range(struct page *page, unsigned int order, int migratetype)
{
	for (unsigned long n = 1UL << (order - pageblock_order); n; n--, page += pageblock_nr_pages)
		set_pageblock_migratetype(page, migratetype);
}

/*
 * Follows Linux's steal_suitable_fallback (v6.1), without the watermark
 * boost: a block of a pageblock or more changes type outright; otherwise,
 * when allowed, every free page of its pageblock moves to start_type's
 * lists, and the block changes type if at least half of it is free or
 * already used compatibly. Failing that, only this block changes list.
 */
void steal_suitable_fallback(struct zone *zone, struct page *page, unsigned int alloc_flags,
			     int start_type, bool whole_block)
{
	unsigned int current_order = buddy_order(page);
	int old_block_type = get_pageblock_migratetype(page);
	int free_pages, movable_pages, alike_pages;

	(void)alloc_flags;
	if (is_migrate_highatomic(old_block_type))
		goto single_page;
	if (current_order >= pageblock_order) {
		change_pageblock_range(page, current_order, start_type);
		goto single_page;
	}
	if (!whole_block)
		goto single_page;
	free_pages = move_freepages_block(zone, page, start_type, &movable_pages);
	if (start_type == MIGRATE_MOVABLE)
		alike_pages = movable_pages;
	else if (old_block_type == MIGRATE_MOVABLE)
		alike_pages = (int)pageblock_nr_pages - (free_pages + movable_pages);
	else
		alike_pages = 0;
	if (!free_pages)
		goto single_page;
	if (free_pages + alike_pages >= (1 << (pageblock_order - 1)) || page_group_by_mobility_disabled)
		set_pageblock_migratetype(page, start_type);
	return;

single_page:
	move_to_free_list(page, zone, current_order, start_type);
}

/*
 * Follows Linux's __rmqueue_fallback (v6.1): the largest block of a
 * fallback type, so that the pageblock taken over is as big as can be;
 * except that a movable request which may not claim the block takes the
 * smallest one, leaving the large blocks whole. Moves it to
 * start_migratetype's lists; the caller then takes it from there.
 */
bool __rmqueue_fallback(struct zone *zone, int order, int start_migratetype, unsigned int alloc_flags)
{
	struct free_area *area;
	int current_order, fallback_mt = -1;
	bool can_steal;
	struct page *page;

	for (current_order = MAX_ORDER - 1; current_order >= order; current_order--) {
		area = &zone->free_area[current_order];
		fallback_mt = find_suitable_fallback(area, (unsigned int)current_order, start_migratetype,
						     false, &can_steal);
		if (fallback_mt == -1)
			continue;
		if (!can_steal && start_migratetype == MIGRATE_MOVABLE && current_order > order)
			goto find_smallest;
		goto do_steal;
	}
	return false;

find_smallest:
	for (current_order = order; current_order < MAX_ORDER; current_order++) {
		area = &zone->free_area[current_order];
		fallback_mt = find_suitable_fallback(area, (unsigned int)current_order, start_migratetype,
						     false, &can_steal);
		if (fallback_mt != -1)
			break;
	}
	/* The first loop found a block at an order above order, so this one finds one too. */
do_steal:
	page = get_page_from_free_area(area, fallback_mt);
	steal_suitable_fallback(zone, page, alloc_flags, start_migratetype, can_steal);
	return true;
}
