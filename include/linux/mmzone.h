/*
 * Zones and the node that holds them. Follows Linux's include/linux/mmzone.h
 * (v6.1), for one node: free lists per order and per migrate type, the
 * zone counters, pageblocks (include/linux/pageblock-flags.h).
 */
#ifndef _LINUX_MMZONE_H
#define _LINUX_MMZONE_H

#include <asm/page.h>

/* Orders 0 .. MAX_ORDER - 1 (Linux 6.1's meaning of MAX_ORDER). */
#define MAX_ORDER		CONFIG_ARCH_FORCE_MAX_ORDER
#define MAX_ORDER_NR_PAGES	(1UL << (MAX_ORDER - 1))

#include <linux/pageblock-flags.h>

#ifndef __ASSEMBLY__
#include <linux/cache.h>
#include <linux/compiler.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/types.h>

/* Linux's zones, in address order; ZONE_DMA only with CONFIG_ZONE_DMA. */
enum zone_type {
#ifdef CONFIG_ZONE_DMA
	ZONE_DMA,
#endif
	ZONE_NORMAL,
#ifdef CONFIG_HIGHMEM
	ZONE_HIGHMEM,
#endif
	MAX_NR_ZONES
};

enum zone_watermarks {
	WMARK_MIN,
	WMARK_LOW,
	WMARK_HIGH,
	NR_WMARK
};

/*
 * Linux's migrate types (v6.1): what the pages of a pageblock may do, so
 * that blocks which can be moved or reclaimed are grouped apart from those
 * that cannot (anti-fragmentation). The first MIGRATE_PCPTYPES have per-CPU
 * lists; HIGHATOMIC shares its number with PCPTYPES, as in Linux. CMA
 * blocks serve only movable requests; ISOLATE blocks serve nobody.
 */
enum migratetype {
	MIGRATE_UNMOVABLE,
	MIGRATE_MOVABLE,
	MIGRATE_RECLAIMABLE,
	MIGRATE_PCPTYPES,
	MIGRATE_HIGHATOMIC = MIGRATE_PCPTYPES,
	MIGRATE_CMA,
	MIGRATE_ISOLATE,
	MIGRATE_TYPES
};

#define is_migrate_cma(mt)		((mt) == MIGRATE_CMA)
#define is_migrate_isolate(mt)		((mt) == MIGRATE_ISOLATE)
#define is_migrate_highatomic(mt)	((mt) == MIGRATE_HIGHATOMIC)
/* Follows Linux's migratetype_is_mergeable (v6.1): blocks of these types may merge across pageblocks. */
#define migratetype_is_mergeable(mt)	((mt) < MIGRATE_PCPTYPES)

/* Linux's migratetype_names (v6.1), as /proc/pagetypeinfo prints them. */
extern const char *const migratetype_names[MIGRATE_TYPES];

/* Set when there are too few pageblocks for grouping to help (build_all_zonelists). */
extern int page_group_by_mobility_disabled;

struct free_area {
	struct list_head free_list[MIGRATE_TYPES];	/* blocks of this order, first struct page */
	unsigned long nr_free;				/* over all the types */
};

/* Linux's zone counters (enum zone_stat_item, v6.1), those this kernel keeps. */
enum zone_stat_item {
	NR_FREE_PAGES,		/* in the free lists, isolated blocks not counted */
	NR_FREE_CMA_PAGES,	/* of them, in MIGRATE_CMA blocks */
	NR_VM_ZONE_STAT_ITEMS
};

struct zone {
	const char *name;
	/* Each CPU's page lists (a per-CPU pointer, linux/percpu.h) and the sizes setup gave them. */
	struct per_cpu_pages *per_cpu_pageset;
	int pageset_high;
	int pageset_batch;
	unsigned long zone_start_pfn;
	unsigned long spanned_pages;	/* end - start, holes included */
	unsigned long present_pages;	/* memory the zone spans (NOMAP included, as Linux) */
	unsigned long managed_pages;	/* handed to the buddy allocator */
	unsigned long cma_pages;	/* of them, in CMA areas (Linux's zone->cma_pages) */
	unsigned long watermark[NR_WMARK];
	/* Pages kept back from requests that may use zone j too (Linux's lowmem_reserve[j]). */
	unsigned long lowmem_reserve[MAX_NR_ZONES];
	unsigned long *pageblock_flags;	/* NR_PAGEBLOCK_BITS per pageblock (setup_usemap) */
	struct free_area free_area[MAX_ORDER];
	long vm_stat[NR_VM_ZONE_STAT_ITEMS];
	/*
	 * Pageblocks of the zone now MIGRATE_ISOLATE (Linux's
	 * nr_isolate_pageblock, kept by whoever isolates a block): while
	 * there are any, a block leaving the per-CPU lists takes its
	 * pageblock's current type, not the one it was freed with.
	 */
	unsigned long nr_isolate_pageblock;
	/*
	 * Linux's zone->lock: the free lists, their counters (NR_FREE_PAGES,
	 * NR_FREE_CMA_PAGES) and the pageblock bits change only under it
	 * (mm/internal.h's zone_lock; docs/smp.md).
	 */
	spinlock_t lock;
};

/* Follows Linux's has_isolate_pageblock (include/linux/page-isolation.h, v6.1). */
static inline bool has_isolate_pageblock(const struct zone *zone)
{
	return zone->nr_isolate_pageblock != 0;
}

/*
 * The orders the per-CPU lists keep (Linux's PAGE_ALLOC_COSTLY_ORDER):
 * larger requests are rarer and go to the buddy allocator directly.
 */
#define PAGE_ALLOC_COSTLY_ORDER	3
/*
 * One list per order and per-CPU migrate type, as Linux 6.1 without
 * transparent huge pages (which adds a list for pageblock_order).
 */
#define NR_PCP_LISTS		(MIGRATE_PCPTYPES * (PAGE_ALLOC_COSTLY_ORDER + 1))

/*
 * Follows Linux's struct per_cpu_pages (v6.1): one CPU's free pages of
 * one zone, taken from and given back to the buddy allocator in batches.
 * count is in pages (an order-n block counts 2^n); the buddy allocator's
 * NR_FREE_PAGES does not include them, as in Linux.
 */
struct per_cpu_pages {
	int count;		/* pages on the lists */
	int high;		/* a free that reaches it gives pages back */
	int batch;		/* pages moved at once to or from the buddy allocator */
	short free_factor;	/* doubles the batch freed while frees run without allocations */
	struct list_head lists[NR_PCP_LISTS];
} __aligned(L1_CACHE_BYTES);

/*
 * Linux's zonelist (v6.1): the zones an allocation may try, highest first,
 * ended by a NULL zone. One node, so one list (ZONELIST_FALLBACK).
 */
struct zoneref {
	struct zone *zone;
	int zone_idx;
};

struct zonelist {
	struct zoneref _zonerefs[MAX_NR_ZONES + 1];
};

/* Linux's pg_data_t for the one node (contig_page_data). */
typedef struct pglist_data {
	struct zone node_zones[MAX_NR_ZONES];
	struct zonelist node_zonelists[1];
	unsigned long node_start_pfn;
	unsigned long node_present_pages;
	unsigned long node_spanned_pages;
	struct page *node_mem_map;
} pg_data_t;

extern pg_data_t contig_page_data;
#define NODE_DATA(nid)		(&contig_page_data)

/* The zone's index in its node (Linux's zone_idx). */
#define zone_idx(zone)		((int)((zone) - contig_page_data.node_zones))

/* Follows Linux's next_zones_zonelist (v6.1): this entry or the next whose zone is highest_zoneidx or below. */
static inline struct zoneref *next_zones_zonelist(struct zoneref *z, int highest_zoneidx)
{
	while (z->zone && z->zone_idx > highest_zoneidx)
		z++;
	return z;
}

static inline struct zoneref *first_zones_zonelist(struct zonelist *zonelist, int highest_zoneidx)
{
	return next_zones_zonelist(zonelist->_zonerefs, highest_zoneidx);
}

/* Follows Linux's for_each_zone_zonelist (v6.1): each zone of the list a request up to highidx may use. */
#define for_each_zone_zonelist(zone, z, zlist, highidx)					\
	for (z = first_zones_zonelist(zlist, highidx), zone = z->zone; zone;		\
	     z = next_zones_zonelist(z + 1, highidx), zone = z->zone)

/* Follows Linux's for_next_zone_zonelist_nodemask (v6.1, no nodemask): from zoneref z on. */
#define for_next_zone_zonelist(zone, z, highidx)					\
	for (zone = (z)->zone; zone; z = next_zones_zonelist((z) + 1, highidx), zone = (z)->zone)

/* Follows Linux's node_zonelist (v6.1): the one node's list. */
static inline struct zonelist *node_zonelist(int nid)
{
	(void)nid;
	return &contig_page_data.node_zonelists[0];
}

/* mm/zonelist.c */
void build_all_zonelists(void);
unsigned long nr_free_zone_pages(int offset);

static inline unsigned long zone_end_pfn(const struct zone *zone)
{
	return zone->zone_start_pfn + zone->spanned_pages;
}

static inline bool is_highmem_idx(enum zone_type idx)
{
#ifdef CONFIG_HIGHMEM
	return idx == ZONE_HIGHMEM;
#else
	(void)idx;
	return false;
#endif
}

static inline bool populated_zone(const struct zone *zone)
{
	return zone->present_pages != 0;
}

static inline bool zone_spans_pfn(const struct zone *zone, unsigned long pfn)
{
	return zone->zone_start_pfn <= pfn && pfn < zone_end_pfn(zone);
}

static inline bool free_area_empty(const struct free_area *area, int migratetype)
{
	return list_empty(&area->free_list[migratetype]);
}

/* Follows Linux's zone_page_state (v6.1): a counter, never below 0. */
static inline unsigned long zone_page_state(const struct zone *zone, enum zone_stat_item item)
{
	long x = zone->vm_stat[item];

	return x < 0 ? 0 : (unsigned long)x;
}

static inline void __mod_zone_page_state(struct zone *zone, enum zone_stat_item item, long nr)
{
	zone->vm_stat[item] += nr;
}

/* Follows Linux's __mod_zone_freepage_state (v6.1): free pages, and CMA's among them. */
static inline void __mod_zone_freepage_state(struct zone *zone, long nr_pages, int migratetype)
{
	__mod_zone_page_state(zone, NR_FREE_PAGES, nr_pages);
	if (is_migrate_cma(migratetype))
		__mod_zone_page_state(zone, NR_FREE_CMA_PAGES, nr_pages);
}
#endif

#endif
