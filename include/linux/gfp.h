/*
 * Page allocation requests. Follows Linux's include/linux/gfp.h and
 * gfp_types.h (v6.x) for the flags this kernel honours: which zones a
 * request may use. There is no reclaim: a request that finds nothing fails.
 */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/mm.h>

typedef unsigned int gfp_t;

#define __GFP_DMA	0x01u	/* only ZONE_DMA (when configured) */
#define __GFP_HIGHMEM	0x02u	/* may come from highmem */
#define __GFP_ZERO	0x100u	/* return zeroed memory */
#define __GFP_NOWARN	0x200u	/* no message on failure */
/* Must not fail. With no reclaim to retry, it only keeps fail_page_alloc away (Linux's value). */
#define __GFP_NOFAIL	0x8000u

#define GFP_KERNEL	0u
#define GFP_ATOMIC	0u
#define GFP_HIGHUSER	(GFP_KERNEL | __GFP_HIGHMEM)
#define GFP_DMA		__GFP_DMA

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
/* Lowmem only: the kernel address of the block, or 0. */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
void free_pages(unsigned long addr, unsigned int order);

#define alloc_page(gfp)			alloc_pages(gfp, 0)
#define __free_page(page)		__free_pages(page, 0)
#define __get_free_page(gfp)		__get_free_pages(gfp, 0)
#define free_page(addr)			free_pages(addr, 0)

#endif
