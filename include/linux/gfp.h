/*
 * Page allocation requests. Follows Linux's include/linux/gfp.h and
 * gfp_types.h (v6.1) for the flags this kernel honours: which zones a
 * request may use, and what kind of page it is (its migrate type). There
 * is no reclaim: a request that finds nothing fails.
 */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/mm.h>

typedef unsigned int gfp_t;

#define __GFP_DMA	0x01u	/* only ZONE_DMA (when configured) */
#define __GFP_HIGHMEM	0x02u	/* may come from highmem */
#define __GFP_MOVABLE	0x08u	/* can be moved or reclaimed: MIGRATE_MOVABLE, may use CMA */
#define __GFP_RECLAIMABLE 0x10u	/* can be reclaimed: MIGRATE_RECLAIMABLE */
#define __GFP_ZERO	0x100u	/* return zeroed memory */
#define __GFP_NOWARN	0x200u	/* no message on failure */
/* Must not fail. With no reclaim to retry, it only keeps fail_page_alloc away (Linux's value). */
#define __GFP_NOFAIL	0x8000u
/* A block of order > 0 is marked compound (linux/mm.h's compound_head), as slab and kmalloc_large ask (Linux's value). */
#define __GFP_COMP	0x40000u

#define GFP_KERNEL	0u
#define GFP_ATOMIC	0u
#define GFP_USER	GFP_KERNEL
#define GFP_HIGHUSER	(GFP_USER | __GFP_HIGHMEM)
#define GFP_HIGHUSER_MOVABLE	(GFP_HIGHUSER | __GFP_MOVABLE)
#define GFP_DMA		__GFP_DMA

/* The migrate type bits, as Linux lays them out: shifted down they are the enum migratetype. */
#define GFP_MOVABLE_MASK	(__GFP_RECLAIMABLE | __GFP_MOVABLE)
#define GFP_MOVABLE_SHIFT	3
_Static_assert(__GFP_MOVABLE >> GFP_MOVABLE_SHIFT == MIGRATE_MOVABLE &&
	       __GFP_RECLAIMABLE >> GFP_MOVABLE_SHIFT == MIGRATE_RECLAIMABLE,
	       "gfp_migratetype shifts the flags onto the migrate types");

/* Follows Linux's gfp_migratetype (v6.1): unmovable, movable or reclaimable; unmovable while grouping is off. */
static inline int gfp_migratetype(gfp_t gfp)
{
	if (page_group_by_mobility_disabled)
		return MIGRATE_UNMOVABLE;
	return (int)((gfp & GFP_MOVABLE_MASK) >> GFP_MOVABLE_SHIFT);
}

/*
 * The zone a zone modifier asks for, ZONE_NORMAL where the build lacks it
 * (Linux's OPT_ZONE_*), so that code naming an optional zone needs no #ifdef.
 */
#ifdef CONFIG_ZONE_DMA
#define OPT_ZONE_DMA		ZONE_DMA
#else
#define OPT_ZONE_DMA		ZONE_NORMAL
#endif
#ifdef CONFIG_HIGHMEM
#define OPT_ZONE_HIGHMEM	ZONE_HIGHMEM
#else
#define OPT_ZONE_HIGHMEM	ZONE_NORMAL
#endif

/* Follows Linux's gfp_zone: the highest zone a request may use. */
enum zone_type gfp_zone(gfp_t gfp);

struct page *alloc_pages(gfp_t gfp, unsigned int order);
void __free_pages(struct page *page, unsigned int order);
/* An allocated block of 2^order pages becomes that many pages of one reference each (Linux's split_page). */
void split_page(struct page *page, unsigned int order);
/* Lowmem only: the kernel address of the block, or 0. */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
void free_pages(unsigned long addr, unsigned int order);

/*
 * The per-CPU lists' pages back to the buddy allocator (mm/page_pcp.c):
 * this CPU's, or every CPU's, of @zone or (NULL) of every zone.
 */
void drain_local_pages(struct zone *zone);
void drain_all_pages(struct zone *zone);
/* Linux's page_alloc_cpu_online/_dead: the per-CPU lists' sizes with a CPU about to start, or back without it. */
void page_alloc_cpu_online(unsigned int cpu);
void page_alloc_cpu_dead(unsigned int cpu);
/* Keep nothing on @zone's per-CPU lists until zone_pcp_enable (Linux's, for memory offlining). */
void zone_pcp_disable(struct zone *zone);
void zone_pcp_enable(struct zone *zone);

#define alloc_page(gfp)			alloc_pages(gfp, 0)
#define __free_page(page)		__free_pages(page, 0)
#define __get_free_page(gfp)		__get_free_pages(gfp, 0)
#define free_page(addr)			free_pages(addr, 0)

/*
 * Contiguous ranges (mm/page_contig.c): the page frames [start, end), all
 * of them, moving movable pages out of the way; 0, or -EBUSY when a page
 * in the range can be neither moved nor taken. Each page comes with one
 * reference; free_contig_range gives them back.
 */
int alloc_contig_range(unsigned long start, unsigned long end, unsigned int migratetype, gfp_t gfp_mask);
void free_contig_range(unsigned long pfn, unsigned long nr_pages);

#endif
