/*
 * buddy: the zones bootmem_init built and the buddy allocator mem_init
 * filled. Zone spans match memblock and the lowmem limit; every free block
 * is aligned to its order, marked, in its zone and counted; storms of
 * mixed-order allocations never hand a page out twice and coalesce back to
 * the state they started from; all of a zone can be taken and given back;
 * requests stay in the zones their flags allow; bad frees are refused.
 */
#include <linux/cma.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/log2.h>
#include <linux/smp.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/vmalloc.h>
#include <linux/string.h>
#include <linux/vmstat.h>
#include <asm/dma-mapping.h>
#include <asm/lowmem.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/setup.h>
#include <ktest.h>


/* The pages the CMA areas' bitmaps take: one bit per page of an area, in a power-of-two block of pages. */
static unsigned long cma_bitmap_pages(void)
{
	unsigned long pages = 0;

	for (unsigned int i = 0; i < cma_area_count; i++) {
		unsigned long bytes = (cma_areas[i].count + 7) / 8, n = 1;

		if (!cma_areas[i].bitmap)
			continue;
		while (n * PAGE_SIZE < bytes)
			n *= 2;
		pages += n;
	}
	return pages;
}

static unsigned long atomic_pool_pages(void)
{
	size_t size;

	atomic_pool_range(&size);
	return size / PAGE_SIZE;
}

static struct zone *zone_of(enum zone_type z)
{
	return &contig_page_data.node_zones[z];
}

/*
 * Walk every free list of a zone: alignment, marks, zone, the counts, and
 * that CMA and isolated blocks sit on their own lists only (the other
 * types may share a pageblock after a partial steal, as in Linux).
 */
static void check_free_lists(struct ktest *t, enum zone_type z)
{
	struct zone *zone = zone_of(z);
	unsigned long total = 0, cma = 0;

	for (unsigned int o = 0; o < MAX_ORDER; o++) {
		unsigned long n = 0;

		for (int mt = 0; mt < MIGRATE_TYPES; mt++) {
			struct list_head *head = &zone->free_area[o].free_list[mt];

			for (struct list_head *l = head->next; l != head; l = l->next) {
				struct page *page = list_entry(l, struct page, lru);
				unsigned long pfn = page_to_pfn(page);
				int block_mt;

				n++;
				if (!PageBuddy(page) || page->private != o || PageReserved(page) ||
				    page_zonenum(page) != z || (pfn & ((1UL << o) - 1)) ||
				    pfn < zone->zone_start_pfn || pfn + (1UL << o) > zone_end_pfn(zone)) {
					KTEST_FAIL(t, "%s order-%u free list: pfn %#lx (buddy %d, order %lu, reserved %d, zone %d) is not a free block of that order in [%#lx, %#lx)",
						   zone->name, o, pfn, PageBuddy(page), page->private, PageReserved(page),
						   (int)page_zonenum(page), zone->zone_start_pfn, zone_end_pfn(zone));
					return;
				}
				block_mt = get_pageblock_migratetype(page);
				if (is_migrate_cma(mt) != is_migrate_cma(block_mt) ||
				    is_migrate_isolate(mt) != is_migrate_isolate(block_mt)) {
					KTEST_FAIL(t, "%s order-%u pfn %#lx on the %s list in a %s pageblock",
						   zone->name, o, pfn, migratetype_names[mt], migratetype_names[block_mt]);
					return;
				}
				if (!is_migrate_isolate(mt))
					total += 1UL << o;
				if (is_migrate_cma(mt))
					cma += 1UL << o;
			}
		}
		KTEST_EXPECT_EQ(t, n, zone->free_area[o].nr_free);
	}
	KTEST_EXPECT_EQ(t, total, zone_page_state(zone, NR_FREE_PAGES));
	KTEST_EXPECT_EQ(t, cma, zone_page_state(zone, NR_FREE_CMA_PAGES));
}

/*
 * What bringing the secondary CPUs up took (kernel/smp-boot.c), from the
 * sizes: each one online has a kernel stack and its exception-mode
 * stacks, and with any the identity map's tables exist, as large as
 * swapper_pg_dir's.
 */
static unsigned long smp_bringup_pages(void)
{
	unsigned long secondaries = num_online_cpus() - 1;

	if (!secondaries)
		return 0;
	return (1UL << get_order(PG_DIR_SIZE)) +
	       secondaries * ((1UL << get_order(THREAD_SIZE)) + (1UL << get_order(EXC_STACKS_SIZE)));
}

/* The zone boundaries are the lowmem limit and the ends of memblock's memory. */
static void zones_match_memblock(struct ktest *t)
{
	struct zone *normal = zone_of(ZONE_NORMAL);
	unsigned long present = 0, managed = 0;

	KTEST_EXPECT_EQ(t, max_low_pfn, PFN_DOWN(arm_lowmem_limit));
	KTEST_EXPECT_EQ(t, min_low_pfn, PFN_UP(memblock_start_of_DRAM()));
	KTEST_EXPECT_EQ(t, max_pfn, PFN_DOWN(memblock_end_of_DRAM()));
	KTEST_EXPECT_EQ(t, zone_end_pfn(normal), max_low_pfn);
#ifdef CONFIG_HIGHMEM
	KTEST_EXPECT_EQ(t, zone_of(ZONE_HIGHMEM)->zone_start_pfn, max_low_pfn);
	KTEST_EXPECT_EQ(t, zone_end_pfn(zone_of(ZONE_HIGHMEM)), max_pfn);
#endif
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		KTEST_EXPECT_LE(t, zone_of(z)->managed_pages, zone_of(z)->present_pages);
		KTEST_EXPECT_LE(t, zone_of(z)->present_pages, zone_of(z)->spanned_pages);
		present += zone_of(z)->present_pages;
		managed += zone_of(z)->managed_pages;
	}
	KTEST_EXPECT_EQ(t, present, PFN_DOWN(memblock_phys_mem_size()));
	KTEST_EXPECT_EQ(t, managed, totalram_pages());
	/*
	 * Nothing allocated yet but by tests, the CMA areas' bitmaps (a bit a
	 * page, whole pages of them) and the atomic DMA pool, vmalloc_init's
	 * bookkeeping (its object pool) and the slab pages (kmem_cache_init's
	 * first caches, SReclaimable and SUnreclaim). The per-CPU
	 * lists' pages are not in NR_FREE_PAGES, as in Linux: drain them.
	 */
	drain_all_pages(NULL);
	KTEST_EXPECT_EQ(t, nr_free_pages() + vmalloc_meta_pages() +
			global_node_page_state_pages(NR_SLAB_RECLAIMABLE_B) +
			global_node_page_state_pages(NR_SLAB_UNRECLAIMABLE_B) + smp_bringup_pages(),
			totalram_pages() - cma_bitmap_pages() - atomic_pool_pages());
}

/* mem_map: frame numbers, struct pages and lowmem addresses agree. */
static void memmap_lookups(struct ktest *t)
{
	unsigned long pfn = PFN_DOWN(__pa(_stext));
	struct page *page = pfn_to_page(pfn);

	KTEST_EXPECT_EQ(t, page_to_pfn(page), pfn);
	KTEST_EXPECT_EQ(t, (unsigned long)virt_to_page(_stext), (unsigned long)page);
	KTEST_EXPECT_EQ(t, (unsigned long)page_address(page), (unsigned long)_stext & PAGE_MASK);
	KTEST_EXPECT_TRUE(t, PageReserved(page));	/* the kernel image is not the allocator's */
	KTEST_EXPECT_TRUE(t, pfn_valid(pfn));
	KTEST_EXPECT_FALSE(t, pfn_valid(PFN_UP(memblock_end_of_DRAM())));
}

static void free_lists_consistent(struct ktest *t)
{
	for (int z = 0; z < MAX_NR_ZONES; z++)
		check_free_lists(t, (enum zone_type)z);
}

/* A snapshot of every zone's free counts per order. */
struct snapshot {
	unsigned long nr_free[MAX_NR_ZONES][MAX_ORDER];
};

/*
 * The per-CPU lists are drained first, as Linux's own tests of the free
 * lists do: pages parked there are in no free list.
 */
static void take_snapshot(struct snapshot *s)
{
	drain_all_pages(NULL);
	for (int z = 0; z < MAX_NR_ZONES; z++)
		for (int o = 0; o < MAX_ORDER; o++)
			s->nr_free[z][o] = zone_of(z)->free_area[o].nr_free;
}

static u32 lcg(u32 *state)
{
	*state = *state * 1664525u + 1013904223u;
	return *state >> 8;
}

#define STORM_BLOCKS	256

/*
 * Mixed orders 0..5 from every zone the flags allow; each block is stamped
 * with its frame number in every page, and checked before it is freed, so a
 * page handed out twice shows. Freed in another order; the free lists must
 * come back to the snapshot exactly (everything coalesced).
 */
static void alloc_free_storm(struct ktest *t)
{
	static struct page *blocks[STORM_BLOCKS];
	static unsigned int orders[STORM_BLOCKS];
	struct snapshot before, after;
	u32 seed = 12345;
	unsigned int n = 0;

	take_snapshot(&before);
	for (unsigned int i = 0; i < STORM_BLOCKS; i++) {
		unsigned int order = lcg(&seed) % 6;
		gfp_t gfp = (lcg(&seed) & 1) ? GFP_HIGHUSER : GFP_KERNEL;
		struct page *page = alloc_pages(gfp | __GFP_NOWARN, order);

		if (!page)
			continue;
		KTEST_EXPECT_EQ(t, page_to_pfn(page) & ((1UL << order) - 1), 0);
		KTEST_EXPECT_EQ(t, page_count(page), 1);
		for (unsigned int p = 0; p < (1u << order); p++) {
			unsigned long *w = kmap_local_page(&page[p]);

			w[0] = page_to_pfn(&page[p]);
			w[1] = 0x600dbeef;
			kunmap_local(w);
		}
		blocks[n] = page;
		orders[n++] = order;
	}
	KTEST_EXPECT_GE(t, n, STORM_BLOCKS / 2);
	check_free_lists(t, ZONE_NORMAL);
	/* Free in a scattered order: every third, then the rest backwards. */
	for (unsigned int pass = 0; pass < 2; pass++) {
		for (unsigned int k = 0; k < n; k++) {
			unsigned int i = pass ? n - 1 - k : k;
			struct page *page = blocks[i];

			if (!page || (pass == 0 && i % 3))
				continue;
			for (unsigned int p = 0; p < (1u << orders[i]); p++) {
				unsigned long *w = kmap_local_page(&page[p]);

				if (w[0] != page_to_pfn(&page[p]) || w[1] != 0x600dbeef)
					KTEST_FAIL(t, "pfn %#lx holds %#lx %#lx, not its own stamp: handed out twice or overwritten",
						   page_to_pfn(&page[p]), w[0], w[1]);
				kunmap_local(w);
			}
			__free_pages(page, orders[i]);
			blocks[i] = NULL;
		}
	}
	take_snapshot(&after);
	KTEST_EXPECT_EQ(t, memcmp(&before, &after, sizeof(before)), 0);
	free_lists_consistent(t);
	KTEST_EXPECT_EQ(t, kmap_local_depth(), 0);
}

/* Linux's sysctl_lowmem_reserve_ratio (v6.1) for ZONE_NORMAL: it keeps 1/32 of the zones above it from their requests. */
#define NORMAL_RESERVE_RATIO	32

/*
 * What zone z keeps back from a request that may use zones up to highest
 * (Linux's lowmem_reserve): nothing in its own zone, else 1/32 of the
 * managed pages of the zones above it that the request may use.
 */
static unsigned long reserve_against(enum zone_type z, enum zone_type highest)
{
	unsigned long above = 0;

	for (int j = (int)z + 1; j < MAX_NR_ZONES && j <= (int)highest; j++)
		above += zone_of((enum zone_type)j)->managed_pages;
	return z == ZONE_NORMAL ? above / NORMAL_RESERVE_RATIO : 0;
}

/*
 * Take every page a request may get, chained through page->lru; then give
 * them all back. As Linux's __alloc_pages does without reclaim, the pages
 * come from the highest zone the flags allow until it is down to its low
 * watermark, then from the zones below (the fallback), then again down to
 * the min watermarks; a lower zone keeps back its reserve against the
 * higher ones. Each zone must end at exactly what these rules leave it.
 */
#define TAKEN_MARK	0x7a4e0001UL

/* Free pages of a zone an unmovable request may take: CMA's serve movable requests only (Linux's __zone_watermark_ok). */
static unsigned long unmovable_free(struct zone *zone)
{
	return (unsigned long)(zone_page_state(zone, NR_FREE_PAGES) - zone_page_state(zone, NR_FREE_CMA_PAGES));
}

static void take_zone_and_give_back(struct ktest *t, gfp_t gfp, enum zone_type highest,
				    unsigned long taken[MAX_NR_ZONES])
{
	unsigned long free_before[MAX_NR_ZONES];
	struct snapshot before, after;
	struct list_head taken_list;
	bool fell_back = false;
	struct page *page;

	take_snapshot(&before);
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		free_before[z] = unmovable_free(zone_of(z));
		taken[z] = 0;
	}
	INIT_LIST_HEAD(&taken_list);
	while ((page = alloc_pages(gfp | __GFP_NOWARN, 0))) {
		enum zone_type z = page_zonenum(page);

		if (z > highest) {
			KTEST_FAIL(t, "a request for zones up to %s got a page of zone %d (pfn %#lx)",
				   zone_of(highest)->name, (int)z, page_to_pfn(page));
			break;
		}
		/* The first page from below: the zone asked for first must be down to its low watermark. */
		if (z < highest && !fell_back) {
			fell_back = true;
			KTEST_EXPECT_LE(t, unmovable_free(zone_of(highest)), zone_of(highest)->watermark[WMARK_LOW]);
		}
		/* page->index is unused here: a page handed out twice would carry the mark already. */
		if (page->index == TAKEN_MARK) {
			KTEST_FAIL(t, "pfn %#lx handed out twice", page_to_pfn(page));
			break;
		}
		page->index = TAKEN_MARK;
		list_add(&page->lru, &taken_list);
		taken[z]++;
	}
	/*
	 * The watermark is checked before each request, and an empty per-CPU
	 * list then takes a whole batch: the zone's free count ends up to a
	 * batch - 1 under the mark. The request that failed drained the lists
	 * first (as Linux's direct reclaim does), so none of it waits there.
	 */
	for (int z = 0; z <= (int)highest; z++) {
		struct zone *zone = zone_of(z);
		unsigned long keep = zone->watermark[WMARK_MIN] + reserve_against((enum zone_type)z, highest);
		unsigned long left = min(free_before[z], keep);
		const struct per_cpu_pages *pcp = this_cpu_ptr(zone->per_cpu_pageset);
		unsigned long free = unmovable_free(zone);

		if (!zone->managed_pages)
			continue;
		KTEST_EXPECT_LE(t, free, left);
		KTEST_EXPECT_LT(t, left - free, (unsigned long)pcp->batch);
		KTEST_EXPECT_EQ(t, pcp->count, 0);
		KTEST_EXPECT_EQ(t, taken[z], free_before[z] - free);
	}
	/* Once more, without __GFP_NOWARN: NULL and Linux's allocation-failure report (the boot test reads it). */
	KTEST_EXPECT_TRUE(t, alloc_pages(gfp, 0) == NULL);
	while (!list_empty(&taken_list)) {
		page = list_first_entry(&taken_list, struct page, lru);
		list_del(&page->lru);
		page->index = 0;
		__free_page(page);
	}
	take_snapshot(&after);
	KTEST_EXPECT_EQ(t, memcmp(&before, &after, sizeof(before)), 0);
	free_lists_consistent(t);
}

static void all_of_lowmem_then_back(struct ktest *t)
{
	unsigned long taken[MAX_NR_ZONES];

	take_zone_and_give_back(t, GFP_KERNEL, ZONE_NORMAL, taken);
	KTEST_EXPECT_GT(t, taken[ZONE_NORMAL], 0);
}

/*
 * A highmem-capable request drains highmem first, then falls back to
 * lowmem, which keeps its reserve: with much highmem (1/32 of it more than
 * lowmem has free) that is all of lowmem, and nothing falls back.
 */
static void highmem_requests_fall_back(struct ktest *t)
{
#ifdef CONFIG_HIGHMEM
	struct zone *normal = zone_of(ZONE_NORMAL);
	unsigned long taken[MAX_NR_ZONES];
	bool room_below;
	struct page *page;

	if (!zone_of(ZONE_HIGHMEM)->managed_pages) {
		ktest_skip(t, "no highmem on this boot");
		return;
	}
	page = alloc_pages(GFP_HIGHUSER, 0);
	KTEST_ASSERT_TRUE(t, page != NULL);
	KTEST_EXPECT_EQ(t, page_zonenum(page), ZONE_HIGHMEM);
	KTEST_EXPECT_TRUE(t, PageHighMem(page));
	KTEST_EXPECT_TRUE(t, page_address(page) == NULL);	/* not mapped until kmapped */
	__free_page(page);
	/* An order-0 request passes the watermark check when free > min + reserve. */
	room_below = unmovable_free(normal) > normal->watermark[WMARK_MIN] + reserve_against(ZONE_NORMAL, ZONE_HIGHMEM);
	take_zone_and_give_back(t, GFP_HIGHUSER, ZONE_HIGHMEM, taken);
	if (room_below && !taken[ZONE_NORMAL])
		KTEST_FAIL(t, "highmem requests never fell back to lowmem (%lu highmem pages taken)",
			   taken[ZONE_HIGHMEM]);
	if (!room_below)
		KTEST_EXPECT_EQ(t, taken[ZONE_NORMAL], 0);
#else
	ktest_skip(t, "no HIGHMEM in this build");
#endif
}

static void lowmem_requests_stay_low(struct ktest *t)
{
	for (int i = 0; i < 64; i++) {
		struct page *page = alloc_pages(GFP_KERNEL, (unsigned int)(i % 4));

		KTEST_ASSERT_TRUE(t, page != NULL);
		KTEST_EXPECT_FALSE(t, PageHighMem(page));
		KTEST_EXPECT_TRUE(t, page_address(page) != NULL);
		__free_pages(page, (unsigned int)(i % 4));
	}
	KTEST_EXPECT_TRUE(t, alloc_pages(GFP_KERNEL | __GFP_NOWARN, MAX_ORDER) == NULL);
}

/*
 * __get_free_pages gives a block at its linear address; dirtied and freed,
 * the same block must come back zeroed from a __GFP_ZERO request. RAM
 * starts zeroed under QEMU, so only a block known to be dirty shows the
 * zeroing. The allocator may hand out other blocks first: they are held
 * (chained through page->lru) until the dirtied one comes.
 */
static void zeroed_and_addressed(struct ktest *t)
{
	unsigned long addr = __get_free_pages(GFP_KERNEL, 1);
	unsigned long held = 0, most = zone_page_state(zone_of(ZONE_NORMAL), NR_FREE_PAGES) / 2;
	struct page *dirty, *page;
	struct list_head others;
	const u32 *w;

	KTEST_ASSERT_TRUE(t, addr != 0);
	dirty = virt_to_page((void *)addr);
	KTEST_EXPECT_EQ(t, (unsigned long)page_address(dirty), addr);
	memset((void *)addr, 0xa5, 2 * PAGE_SIZE);
	free_pages(addr, 1);
	INIT_LIST_HEAD(&others);
	while ((page = alloc_pages(GFP_KERNEL | __GFP_ZERO | __GFP_NOWARN, 1)) != dirty) {
		if (!page || held == most) {
			if (page)
				__free_pages(page, 1);
			KTEST_FAIL(t, "the dirtied block (pfn %#lx) did not come back in %lu allocations",
				   page_to_pfn(dirty), held + 1);
			break;
		}
		list_add(&page->lru, &others);
		held++;
	}
	if (page == dirty) {
		w = page_address(page);
		for (unsigned int i = 0; i < 2 * PAGE_SIZE / 4; i++)
			if (w[i]) {
				KTEST_FAIL(t, "word %u of the dirtied block is %#x after __GFP_ZERO", i, w[i]);
				break;
			}
		__free_pages(page, 1);
	}
	while (!list_empty(&others)) {
		page = list_first_entry(&others, struct page, lru);
		list_del(&page->lru);
		__free_pages(page, 1);
	}
}

/* A second free and the free of a reserved page are refused, and change nothing. */
static void bad_frees_refused(struct ktest *t)
{
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned long free_before;

	KTEST_ASSERT_TRUE(t, page != NULL);
	__free_page(page);
	free_before = nr_free_pages();
	__free_page(page);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free_before);
	__free_page(virt_to_page(_stext));
	KTEST_EXPECT_EQ(t, nr_free_pages(), free_before);
	KTEST_EXPECT_TRUE(t, PageReserved(virt_to_page(_stext)));
	free_lists_consistent(t);
}

/* Watermarks as Linux computes them: ordered, and lowmem protected from highmem-capable requests. */
static void watermarks_set(struct ktest *t)
{
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = zone_of(z);

		if (!zone->managed_pages)
			continue;
		KTEST_EXPECT_GT(t, zone->watermark[WMARK_MIN], 0);
		KTEST_EXPECT_LT(t, zone->watermark[WMARK_MIN], zone->watermark[WMARK_LOW]);
		KTEST_EXPECT_LT(t, zone->watermark[WMARK_LOW], zone->watermark[WMARK_HIGH]);
		KTEST_EXPECT_LT(t, zone->watermark[WMARK_HIGH], zone->managed_pages);
	}
}

static const struct ktest_case buddy_cases[] = {
	KTEST_CASE(zones_match_memblock),
	KTEST_CASE(memmap_lookups),
	KTEST_CASE(free_lists_consistent),
	KTEST_CASE(watermarks_set),
	KTEST_CASE(alloc_free_storm),
	KTEST_CASE(all_of_lowmem_then_back),
	KTEST_CASE(highmem_requests_fall_back),
	KTEST_CASE(lowmem_requests_stay_low),
	KTEST_CASE(zeroed_and_addressed),
	KTEST_CASE(bad_frees_refused),
	{}
};
KTEST_SUITE(buddy, buddy_cases);
