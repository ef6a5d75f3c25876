/*
 * The per-CPU page lists inside mm/: their sizes (mm/pcp_sizes.c, pure
 * arithmetic on a zone's figures) and the allocator's hooks into them
 * (mm/page_pcp.c).
 */
#ifndef _MM_PCP_H
#define _MM_PCP_H

#include <linux/mm.h>
#include <linux/mmzone.h>

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
/* A block of @order from this CPU's lists, refilled from the buddy allocator when empty; NULL if it has none. */
struct page *rmqueue_pcplist(struct zone *zone, unsigned int order, int migratetype, unsigned int alloc_flags);
/* A block of order <= PAGE_ALLOC_COSTLY_ORDER whose last reference is gone, to this CPU's lists. */
void free_unref_page(struct page *page, unsigned int order);
/* zoneinfo's pagesets lines for a populated zone. */
void show_zone_pagesets(const struct zone *zone);

#endif
