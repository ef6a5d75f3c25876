/*
 * Zones and the node that holds them. Follows Linux's include/linux/mmzone.h
 * and pageblock-flags.h (v6.1), for one node and one free list per order.
 */
#ifndef _LINUX_MMZONE_H
#define _LINUX_MMZONE_H

#include <asm/page.h>

/* Orders 0 .. MAX_ORDER - 1 (Linux 6.1's meaning of MAX_ORDER). */
#define MAX_ORDER		CONFIG_ARCH_FORCE_MAX_ORDER
#define MAX_ORDER_NR_PAGES	(1UL << (MAX_ORDER - 1))

/*
 * Pages per pageblock, the unit of migrate types and of CMA areas. With
 * LPAE, Debian's kernels have HUGETLB_PAGE and a pageblock is a 2 MiB PMD
 * block; in classic builds it is the largest buddy block.
 */
#ifdef CONFIG_ARM_LPAE
#define pageblock_order		9
#else
#define pageblock_order		(MAX_ORDER - 1)
#endif
#define pageblock_nr_pages	(1UL << pageblock_order)

#ifndef __ASSEMBLY__
#include <linux/cache.h>
#include <linux/compiler.h>
#include <linux/list.h>
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

struct free_area {
	struct list_head free_list;	/* blocks of this order, first block's struct page */
	unsigned long nr_free;
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
	unsigned long watermark[NR_WMARK];
	unsigned long free_pages;	/* sum of the free areas, in pages */
	struct free_area free_area[MAX_ORDER];
};

/*
 * The orders the per-CPU lists keep (Linux's PAGE_ALLOC_COSTLY_ORDER):
 * larger requests are rarer and go to the buddy allocator directly.
 */
#define PAGE_ALLOC_COSTLY_ORDER	3
/*
 * One list per order and per-CPU migrate type, as Linux 6.1 without
 * transparent huge pages (which adds a list for pageblock_order).
 */
#define NR_PCP_LISTS		(3 /*XXXMERGE MIGRATE_PCPTYPES*/ * (PAGE_ALLOC_COSTLY_ORDER + 1))

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

/* Linux's pg_data_t for the one node (contig_page_data). */
typedef struct pglist_data {
	struct zone node_zones[MAX_NR_ZONES];
	unsigned long node_start_pfn;
	unsigned long node_present_pages;
	unsigned long node_spanned_pages;
	struct page *node_mem_map;
} pg_data_t;

extern pg_data_t contig_page_data;
#define NODE_DATA(nid)		(&contig_page_data)

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
#endif

#endif
