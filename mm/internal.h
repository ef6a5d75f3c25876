/*
 * The page allocator's internal interface, for the parts of mm/ that work
 * on its free lists (fallback and stealing, isolation, CMA). Follows
 * Linux's mm/internal.h (v6.1).
 */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include <linux/bitmap.h>
#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/mm.h>

/*
 * Linux's spin_lock_irqsave(&zone->lock): the free lists are shared by
 * every CPU. CONFIG_SMP_TEST_NO_ZONE_LOCK, for the one test build that
 * shows the smp suite catches a race, leaves the lock out (IRQs are still
 * masked); no other build may set it.
 */
#ifdef CONFIG_SMP_TEST_NO_ZONE_LOCK
#define zone_lock(zone, flags)		do { (void)(zone); local_irq_save(flags); } while (0)
#define zone_unlock(zone, flags)	do { (void)(zone); local_irq_restore(flags); } while (0)
#else
#define zone_lock(zone, flags)		spin_lock_irqsave(&(zone)->lock, flags)
#define zone_unlock(zone, flags)	spin_unlock_irqrestore(&(zone)->lock, flags)
#endif

/* Follows Linux's pfn_to_bitidx (v6.1, FLATMEM): the first bit of pfn's pageblock in its zone's usemap. */
static inline unsigned long pfn_to_bitidx(const struct zone *zone, unsigned long pfn)
{
	return ((pfn - pageblock_start_pfn(zone->zone_start_pfn)) >> pageblock_order) * NR_PAGEBLOCK_BITS;
}

_Static_assert((8 * sizeof(unsigned long)) % NR_PAGEBLOCK_BITS == 0, "a pageblock's bits lie in one long");

/*
 * Follows Linux's __get_pfnblock_flags_mask (v6.1): inline, so that the
 * free paths read a pageblock's type in a few loads. A pageblock's bits
 * never straddle two longs: NR_PAGEBLOCK_BITS divides BITS_PER_LONG.
 */
static __always_inline unsigned long __get_pfnblock_flags_mask(const struct page *page, unsigned long pfn,
							       unsigned long mask)
{
	const struct zone *zone = page_zone(page);
	unsigned long bitidx = pfn_to_bitidx(zone, pfn);

	return (zone->pageblock_flags[bitidx / BITS_PER_LONG] >> (bitidx % BITS_PER_LONG)) & mask;
}

/* Follows Linux's get_pfnblock_migratetype (v6.1): the type of the pageblock of page, whose frame is pfn. */
static __always_inline int get_pfnblock_migratetype(const struct page *page, unsigned long pfn)
{
	return (int)__get_pfnblock_flags_mask(page, pfn, MIGRATETYPE_MASK);
}

/* Linux's alloc_flags (v6.1): which watermark a request must keep, and what it may use. */
#define ALLOC_WMARK_MIN		WMARK_MIN
#define ALLOC_WMARK_LOW		WMARK_LOW
#define ALLOC_WMARK_HIGH	WMARK_HIGH
#define ALLOC_NO_WATERMARKS	0x04
#define ALLOC_WMARK_MASK	(ALLOC_NO_WATERMARKS - 1)
#define ALLOC_HARDER		0x10
#define ALLOC_HIGH		0x20
#define ALLOC_CPUSET		0x40
#define ALLOC_CMA		0x80	/* may take from MIGRATE_CMA blocks */
#define ALLOC_HIGHATOMIC	0x200

/* The order of a free block, kept in its first struct page (Linux's buddy_order). */
static inline unsigned int buddy_order(const struct page *page)
{
	return (unsigned int)page->private;
}

/* Follows Linux's add_to_free_list (v6.1), with setting the order (set_buddy_order). */
static inline void add_to_free_list(struct page *page, struct zone *zone, unsigned int order, int migratetype)
{
	struct free_area *area = &zone->free_area[order];

	set_page_flag(page, PG_buddy);
	page->private = order;
	list_add(&page->lru, &area->free_list[migratetype]);
	area->nr_free++;
}

/* Follows Linux's move_to_free_list (v6.1): the block changes list, same order. */
static inline void move_to_free_list(struct page *page, struct zone *zone, unsigned int order, int migratetype)
{
	list_del(&page->lru);
	list_add(&page->lru, &zone->free_area[order].free_list[migratetype]);
}

/* Follows Linux's del_page_from_free_list (v6.1). */
static inline void del_page_from_free_list(struct page *page, struct zone *zone, unsigned int order)
{
	list_del(&page->lru);
	clear_page_flag(page, PG_buddy);
	page->private = 0;
	zone->free_area[order].nr_free--;
}

/* The first block of a free list, or NULL (Linux's get_page_from_free_area). */
static inline struct page *get_page_from_free_area(struct free_area *area, int migratetype)
{
	struct list_head *list = &area->free_list[migratetype];

	return list_empty(list) ? NULL : list_first_entry(list, struct page, lru);
}

/*
 * The list a page taken from the buddy allocator came from, kept in
 * page->index until it is handed out (Linux's set/get_pcppage_migratetype).
 */
static inline void set_pcppage_migratetype(struct page *page, int migratetype)
{
	page->index = (unsigned long)migratetype;
}

static inline int get_pcppage_migratetype(const struct page *page)
{
	return (int)page->index;
}

/* mm/page_alloc.c */
struct page *__rmqueue_smallest(struct zone *zone, unsigned int order, int migratetype);
struct page *__rmqueue(struct zone *zone, unsigned int order, int migratetype, unsigned int alloc_flags);
void __free_one_page(struct page *page, unsigned long pfn, struct zone *zone, unsigned int order, int migratetype);
/* Linux's free_one_page: __free_one_page under the zone lock, the pageblock type read under it. */
void free_one_page(struct zone *zone, struct page *page, unsigned long pfn, unsigned int order);

/* mm/page_fallback.c */
extern const int fallbacks[MIGRATE_TYPES][MIGRATE_PCPTYPES];
bool can_steal_fallback(unsigned int order, int start_mt);
int find_suitable_fallback(struct free_area *area, unsigned int order, int migratetype,
			   bool only_stealable, bool *can_steal);
void steal_suitable_fallback(struct zone *zone, struct page *page, unsigned int alloc_flags,
			     int start_type, bool whole_block);
bool __rmqueue_fallback(struct zone *zone, int order, int start_migratetype, unsigned int alloc_flags);
int move_freepages_block(struct zone *zone, struct page *page, int migratetype, int *num_movable);

#endif
