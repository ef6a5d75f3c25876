/*
 * The per-CPU page lists inside mm/: their sizes (mm/pcp_sizes.c, pure
 * arithmetic on a zone's figures) and the allocator's hooks into them:
 * taking a block from a list and putting one on it are inline here, so
 * that alloc_pages and __free_pages reach the lists without a call; the
 * rare halves (a refill, a give-back, a free into an isolated pageblock)
 * and the setup are mm/page_pcp.c's.
 */
#ifndef _MM_PCP_H
#define _MM_PCP_H

#include <linux/list.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/percpu.h>
#include "internal.h"

/* Pages a refill takes from the buddy lists, or a drain gives back, at once. */
int zone_batchsize(const struct zone *zone);
/* Pages the lists of one CPU may hold before a free gives a batch back. */
int zone_highsize(const struct zone *zone, int batch, int cpu_online);
/* What Linux lets one CPU's zone counters drift before they are folded (vm stats threshold). */
int calculate_normal_threshold(const struct zone *zone);

/*
 * Follows Linux's pcp_allowed_order (v6.1, no transparent huge pages):
 * the orders the per-CPU lists keep.
 */
static inline bool pcp_allowed_order(unsigned int order)
{
	return order <= PAGE_ALLOC_COSTLY_ORDER;
}

/* mm/page_pcp.c: the zone on the boot pageset (free_area_init_core), its sizes after a watermark change. */
void zone_pcp_init(struct zone *zone);
/* mm/page_pcp.c: each possible CPU's boot pageset, empty (build_all_zonelists, after setup_per_cpu_areas). */
void boot_pageset_init(void);
void zone_pcp_update(struct zone *zone, int cpu_online);
/*
 * The out-of-line halves: an empty list's refill (which takes the first
 * block of the refilled list, NULL if there is none), a give-back at the
 * high mark.
 */
struct page *pcp_refill(struct zone *zone, unsigned int order, int migratetype, unsigned int alloc_flags,
		struct per_cpu_pages *pcp, struct list_head *list);
void pcp_give_back(struct zone *zone, struct per_cpu_pages *pcp, int high, bool free_high, unsigned int pindex);

/* Follows Linux's order_to_pindex (v6.1, no THP list): the lists of one order are side by side. */
static inline unsigned int order_to_pindex(int migratetype, unsigned int order)
{
	return MIGRATE_PCPTYPES * order + (unsigned int)migratetype;
}

/*
 * Follows Linux's __rmqueue_pcplist (v6.1): the first block of @list; an
 * empty list is refilled, and its first block taken, out of line.
 */
static __always_inline struct page *__rmqueue_pcplist(struct zone *zone, unsigned int order, int migratetype,
						      unsigned int alloc_flags, struct per_cpu_pages *pcp,
						      struct list_head *list)
{
	struct page *page;

	if (unlikely(list_empty(list)))
		return pcp_refill(zone, order, migratetype, alloc_flags, pcp, list);
	page = list_first_entry(list, struct page, lru);
	list_del(&page->lru);
	pcp->count -= 1 << order;
	return page;
}

/*
 * Follows Linux's rmqueue_pcplist (v6.1): a block of @order from this
 * CPU's lists, refilled from the buddy allocator when empty; NULL if there
 * is none. An allocation halves the free factor, so that frees after it
 * give back smaller batches again.
 */
static __always_inline struct page *rmqueue_pcplist(struct zone *zone, unsigned int order, int migratetype,
						    unsigned int alloc_flags)
{
	struct per_cpu_pages *pcp = this_cpu_ptr(zone->per_cpu_pageset);

	pcp->free_factor >>= 1;
	return __rmqueue_pcplist(zone, order, migratetype, alloc_flags, pcp,
				 &pcp->lists[order_to_pindex(migratetype, order)]);
}

/*
 * Follows Linux's nr_pcp_high (v6.1) without reclaim: the high mark, or 0
 * (give back now) when the lists are disabled or when high-order blocks
 * are being freed without allocations.
 */
static inline int nr_pcp_high(const struct per_cpu_pages *pcp, bool free_high)
{
	int high = READ_ONCE(pcp->high);

	if (unlikely(!high || free_high))
		return 0;
	return high;
}

/*
 * Follows Linux's free_unref_page_commit (v6.1): the block goes to the
 * head of its list (the next allocation takes it while it is warm in the
 * cache); reaching the high mark gives pages back, starting with the lists
 * after this one. Orders 1 to PAGE_ALLOC_COSTLY_ORDER freed while frees
 * outnumber allocations empty the lists, so that high-order blocks do not
 * sit on them away from their buddies.
 */
static __always_inline void free_unref_page_commit(struct zone *zone, struct per_cpu_pages *pcp,
						   struct page *page, int migratetype, unsigned int order)
{
	unsigned int pindex = order_to_pindex(migratetype, order);
	bool free_high;
	int high;

	list_add(&page->lru, &pcp->lists[pindex]);
	pcp->count += 1 << order;
	free_high = order && order <= PAGE_ALLOC_COSTLY_ORDER && pcp->free_factor;
	high = nr_pcp_high(pcp, free_high);
	if (unlikely(pcp->count >= high))
		pcp_give_back(zone, pcp, high, free_high, pindex);
}

/*
 * Follows Linux's free_unref_page and free_unref_page_prepare (v6.1): a
 * block of order <= PAGE_ALLOC_COSTLY_ORDER whose last reference is gone,
 * to this CPU's lists. It remembers its pageblock's migrate
 * type (set_pcppage_migratetype), read once here, so that the way back
 * to the buddy allocator need not read it again. Only the
 * MIGRATE_PCPTYPES have lists: a block in an isolated pageblock goes
 * straight to the buddy allocator (isolation is emptying the block), CMA
 * and high-atomic blocks travel on the movable list and keep their type
 * for the way back.
 */
static __always_inline void free_unref_page(struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page);
	struct zone *zone = page_zone(page);
	int migratetype = get_pfnblock_migratetype(page, pfn);

	set_pcppage_migratetype(page, migratetype);
	if (unlikely(migratetype >= MIGRATE_PCPTYPES)) {
		if (unlikely(is_migrate_isolate(migratetype))) {
			free_one_page(zone, page, pfn, order);
			return;
		}
		migratetype = MIGRATE_MOVABLE;
	}
	free_unref_page_commit(zone, this_cpu_ptr(zone->per_cpu_pageset), page, migratetype, order);
}

/* zoneinfo's pagesets lines for a populated zone. */
void show_zone_pagesets(const struct zone *zone);

#endif
