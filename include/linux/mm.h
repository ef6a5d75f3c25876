/*
 * Page frames: struct page lookups, page flags and the page allocator's
 * totals. Follows Linux's include/linux/mm.h, page-flags.h and
 * asm-generic/memory_model.h (FLATMEM), v6.x.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/mm_types.h>
#include <linux/mmzone.h>
#include <asm/memory.h>
#include <asm/page.h>

/* In 64 bits: with a 32-bit phys_addr_t, RAM may end at 0xffffffff and x + PAGE_SIZE - 1 would wrap to 0. */
#define PFN_UP(x)	((unsigned long)(((u64)(x) + PAGE_SIZE - 1) >> PAGE_SHIFT))
#define PFN_DOWN(x)	((unsigned long)((x) >> PAGE_SHIFT))
#define PFN_PHYS(x)	((phys_addr_t)(x) << PAGE_SHIFT)

/* The limits bootmem_init finds (Linux's min_low_pfn, max_low_pfn, max_pfn). */
extern unsigned long min_low_pfn, max_low_pfn, max_pfn;

/* FLATMEM: one array from the node's first page frame (ARCH_PFN_OFFSET). */
extern struct page *mem_map;
extern unsigned long mem_map_pfn_offset;

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_map + (pfn - mem_map_pfn_offset);
}

static inline unsigned long page_to_pfn(const struct page *page)
{
	return (unsigned long)(page - mem_map) + mem_map_pfn_offset;
}

static inline phys_addr_t page_to_phys(const struct page *page)
{
	return PFN_PHYS(page_to_pfn(page));
}

/* A page frame in memory the node covers (Linux's FLATMEM pfn_valid is the memblock check; see mm/page_alloc.c). */
bool pfn_valid(unsigned long pfn);

#define virt_to_page(kaddr)	pfn_to_page(PFN_DOWN(__pa(kaddr)))
/* Linux's virt_to_head_page: the head of the compound block kaddr is in. */
#define virt_to_head_page(kaddr)	compound_head(virt_to_page(kaddr))

/* Page flags (Linux's PG_*), bits from 0; the zone sits in the top bits. */
enum pageflags {
	PG_reserved,		/* not the buddy allocator's: the kernel, memblock, holes */
	PG_buddy,		/* the first page of a free block; private holds its order */
	PG_isolated,		/* a movable page taken by migration (Linux's PG_isolated) */
	PG_head,		/* the first page of a compound block (__GFP_COMP) */
	PG_slab,		/* a slab's first page (Linux's PG_slab): struct slab overlays it */
	PG_locked,		/* a slab's slab_lock (SLUB, linux/bit_spinlock.h), as Linux's */
	__NR_PAGEFLAGS
};

#define ZONES_SHIFT		2
#define ZONES_PGSHIFT		(32 - ZONES_SHIFT)
_Static_assert(MAX_NR_ZONES <= (1 << ZONES_SHIFT), "the zone index fits the top bits of page->flags");

static inline bool page_flag(const struct page *p, enum pageflags f) { return p->flags & (1UL << f); }
static inline void set_page_flag(struct page *p, enum pageflags f) { p->flags |= 1UL << f; }
static inline void clear_page_flag(struct page *p, enum pageflags f) { p->flags &= ~(1UL << f); }

/*
 * Linux's PAGE_FLAGS_CHECK_AT_FREE (v6.1), for the flags this kernel has:
 * a page with one of them set is not the allocator's to free.
 */
#define PAGE_FLAGS_CHECK_AT_FREE	((1UL << PG_reserved) | (1UL << PG_buddy))

#define PageReserved(p)		page_flag(p, PG_reserved)
#define SetPageReserved(p)	set_page_flag(p, PG_reserved)
#define ClearPageReserved(p)	clear_page_flag(p, PG_reserved)
#define PageBuddy(p)		page_flag(p, PG_buddy)
#define PageIsolated(p)		page_flag(p, PG_isolated)
#define SetPageIsolated(p)	set_page_flag(p, PG_isolated)
#define ClearPageIsolated(p)	clear_page_flag(p, PG_isolated)
#define PageHead(p)		page_flag(p, PG_head)
#define PageSlab(p)		page_flag(p, PG_slab)
#define __SetPageSlab(p)	set_page_flag(p, PG_slab)
#define __ClearPageSlab(p)	clear_page_flag(p, PG_slab)

/*
 * Compound blocks, as Linux 6.1 marks them: the head page has PG_head,
 * each tail page points to it from the word that is lru.next elsewhere
 * (Linux's compound_head), with bit 0 set, which no list pointer has; the
 * order is kept in the first tail page. mm/page_alloc.c makes them for
 * __GFP_COMP and undoes them on free.
 */
static inline struct page *compound_head(const struct page *page)
{
	unsigned long head = (unsigned long)page->lru.next;

	if (head & 1)
		return (struct page *)(head - 1);
	return (struct page *)page;
}

static inline bool PageTail(const struct page *page)
{
	return (unsigned long)page->lru.next & 1;
}

/* Follows Linux's compound_order (v6.1): the order of the block a head page starts; 0 for a single page. */
static inline unsigned int compound_order(const struct page *page)
{
	if (!PageHead(page))
		return 0;
	return (unsigned int)page[1].private;
}

void prep_compound_page(struct page *page, unsigned int order);
void destroy_compound_page(struct page *page, unsigned int order);

static inline enum zone_type page_zonenum(const struct page *page)
{
	return (enum zone_type)(page->flags >> ZONES_PGSHIFT);
}

static inline struct zone *page_zone(const struct page *page)
{
	return &contig_page_data.node_zones[page_zonenum(page)];
}

static inline bool PageHighMem(const struct page *page)
{
	return is_highmem_idx(page_zonenum(page));
}

/*
 * Linux's PAGE_MAPPING_* (v6.1): the low bits of page->mapping say what it
 * points to; PAGE_MAPPING_MOVABLE marks a page whose owner can move it.
 */
#define PAGE_MAPPING_ANON	0x1
#define PAGE_MAPPING_MOVABLE	0x2
#define PAGE_MAPPING_FLAGS	(PAGE_MAPPING_ANON | PAGE_MAPPING_MOVABLE)

/* Follows Linux's __PageMovable (v6.1): a page in use that its owner could move. */
static inline bool __PageMovable(const struct page *page)
{
	return ((unsigned long)page->mapping & PAGE_MAPPING_FLAGS) == PAGE_MAPPING_MOVABLE;
}

static inline int page_count(const struct page *page)
{
	return page->_refcount;
}

/* Follows Linux's lowmem_page_address (v6.x): a lowmem page's address in the linear map. */
static inline void *lowmem_page_address(const struct page *page)
{
	return __va(page_to_phys(page));
}

/*
 * The kernel address of a page. With HIGHMEM (mm/highmem.c): lowmem
 * through the linear map, a highmem page at its pkmap entry until the
 * entry is cleared, else NULL. Without it every page is lowmem.
 */
#ifdef CONFIG_HIGHMEM
void *page_address(const struct page *page);
#else
static inline void *page_address(const struct page *page)
{
	return lowmem_page_address(page);
}
#endif

/* The page allocator's totals (Linux's totalram_pages, totalhigh_pages, totalcma_pages). */
unsigned long totalram_pages(void);
unsigned long totalhigh_pages(void);
unsigned long nr_free_pages(void);
unsigned long get_num_physpages(void);

/* The zone stage (mm/page_alloc.c, arch half in mm/init.c). */
void free_area_init(unsigned long *max_zone_pfn);
/* Its sizing half alone (zones, node, present pages), without output or mem_map; false if no memory. */
bool calculate_zone_sizes(const unsigned long *max_zone_pfn);
void memblock_free_all(void);
void free_highmem_page(struct page *page);
/* The free highmem frames [start, end) in the largest aligned blocks (free_highpages). */
void free_highmem_range(unsigned long start, unsigned long end);
void mem_init_print_info(void);
/* Boot-reserved pages of [start, end) to the allocator, poisoned unless poison < 0; prints "Freeing s memory". */
unsigned long free_reserved_area(void *start, void *end, int poison, const char *s);
/* One boot-reserved page to the allocator, which now manages it (Linux's free_reserved_page). */
void free_reserved_page(struct page *page);
/* A CMA area's pageblock to the allocator as MIGRATE_CMA, managed from now on. */
void init_cma_reserved_pageblock(struct page *page);
void setup_per_zone_wmarks(void);
/* Each populated zone's per-CPU page lists, sized (mm/page_pcp.c). */
void setup_per_cpu_pageset(void);
/* /proc/buddyinfo and /proc/zoneinfo, in short, on the console (mm/vmstat.c). */
void show_buddyinfo(void);
/* The free memory per zone and order, as the Mem-Info part of an allocation-failure report. */
void show_free_areas(void);
void show_zoneinfo(void);
/* /proc/pagetypeinfo: free blocks per migrate type and order, pageblocks per type (mm/vmstat.c). */
void show_pagetypeinfo(void);
/*
 * Pages the watermarks and lowmem_reserve keep from user space (Linux's
 * totalreserve_pages, set with the watermarks), and the estimate of what
 * could be allocated without reclaim that /proc/meminfo prints (mm/meminfo.c).
 */
extern unsigned long totalreserve_pages;
long si_mem_available(void);
/* /proc/meminfo's lines on the console (mm/meminfo.c). */
void show_meminfo(void);

#endif
