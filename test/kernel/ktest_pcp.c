/*
 * pcp: the per-CPU page lists (mm/page_pcp.c). Their sizes against Linux
 * 6.1's rules worked out here; a refill takes a batch from the buddy
 * allocator and a drain gives everything back exactly; a free never leaves
 * a list at or above its high mark, nor below a batch when it gave pages
 * back; orders 1 to 3 have lists of their own and larger orders none; the
 * lists hand back the block freed last; NR_FREE_PAGES leaves the lists'
 * pages out, as Linux's does; a page of an isolated pageblock bypasses
 * the lists and a CMA page returns to the CMA free list.
 */
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/smp.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/string.h>
#include <ktest.h>
#include "../../mm/internal.h"

static struct zone *normal_zone(void)
{
	return &contig_page_data.node_zones[ZONE_NORMAL];
}

static struct per_cpu_pages *local_pcp(struct zone *zone)
{
	return this_cpu_ptr(zone->per_cpu_pageset);
}

/* Linux 6.1's list index: orders side by side, the migrate type within. */
static struct list_head *pcp_list(struct zone *zone, unsigned int order, int migratetype)
{
	return &local_pcp(zone)->lists[order * MIGRATE_PCPTYPES + (unsigned int)migratetype];
}

static unsigned long list_length(const struct list_head *head)
{
	unsigned long n = 0;

	for (const struct list_head *l = head->next; l != head; l = l->next)
		n++;
	return n;
}

/* Pages on every list of a CPU's pageset, counted by walking them (order n counts 2^n). */
static unsigned long pages_on_lists(struct zone *zone)
{
	unsigned long n = 0;

	for (unsigned int i = 0; i < NR_PCP_LISTS; i++)
		n += list_length(&local_pcp(zone)->lists[i]) << (i / MIGRATE_PCPTYPES);
	return n;
}

static unsigned long free_in_buddy(struct zone *zone)
{
	return zone_page_state(zone, NR_FREE_PAGES);
}

/*
 * The batch by Linux 6.1's zone_batchsize, written out here: min(managed /
 * 1024, 256 pages) / 4, at least 1, times 1.5, down to a power of two,
 * minus 1; a batch of 0 becomes 1 (zone_set_pageset_high_and_batch).
 */
static int expected_batch(const struct zone *zone)
{
	unsigned long b = zone->managed_pages / 1024;
	unsigned long p = 1;

	if (b > 256)
		b = 256;
	b /= 4;
	if (!b)
		b = 1;
	b = b + b / 2;
	while (p * 2 <= b)
		p *= 2;
	return p - 1 ? (int)(p - 1) : 1;
}

/*
 * Every populated zone's lists: the batch as above, high the zone's low
 * watermark shared among the online CPUs but at least four batches, and
 * the CPU's count what walking its lists finds.
 */
static void sizes_as_linux(struct ktest *t)
{
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &contig_page_data.node_zones[z];
		struct per_cpu_pages *pcp;
		int batch;
		unsigned long high;

		if (!populated_zone(zone))
			continue;
		pcp = local_pcp(zone);
		batch = expected_batch(zone);
		high = zone->watermark[WMARK_LOW] / num_online_cpus();
		if (high < 4UL * (unsigned long)batch)
			high = 4UL * (unsigned long)batch;
		KTEST_EXPECT_EQ(t, pcp->batch, batch);
		KTEST_EXPECT_EQ(t, pcp->high, high);
		KTEST_EXPECT_GE(t, pcp->high, 4 * pcp->batch);
		KTEST_EXPECT_EQ(t, zone->pageset_batch, pcp->batch);
		KTEST_EXPECT_EQ(t, zone->pageset_high, pcp->high);
		KTEST_EXPECT_EQ(t, (unsigned long)pcp->count, pages_on_lists(zone));
	}
}

/*
 * Drained, the lists are empty and the buddy allocator has every page
 * back: its free lists exactly as they were before the pages were taken
 * (everything coalesced again).
 */
static void drain_gives_everything_back(struct ktest *t)
{
	struct zone *zone = normal_zone();
	static unsigned long nr_free[MAX_ORDER];
	static struct page *pages[64];
	unsigned long before;

	drain_all_pages(NULL);
	before = free_in_buddy(zone);
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		nr_free[o] = zone->free_area[o].nr_free;
	for (unsigned int i = 0; i < ARRAY_SIZE(pages); i++) {
		pages[i] = alloc_pages(GFP_KERNEL, i % 4);
		KTEST_ASSERT_TRUE(t, pages[i] != NULL);
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(pages); i++)
		__free_pages(pages[i], i % 4);
	/*
	 * 240 pages freed; what the refills left is at most a batch per
	 * order. Where that stays under high no free gave pages back, and all
	 * 240 are on the lists (in a small zone high may be reached first).
	 */
	if (240 + 4 * local_pcp(zone)->batch < local_pcp(zone)->high)
		KTEST_EXPECT_GE(t, local_pcp(zone)->count, 240);
	KTEST_EXPECT_EQ(t, (unsigned long)local_pcp(zone)->count, pages_on_lists(zone));
	KTEST_EXPECT_EQ(t, free_in_buddy(zone) + (unsigned long)local_pcp(zone)->count, before);
	drain_all_pages(zone);
	KTEST_EXPECT_EQ(t, local_pcp(zone)->count, 0);
	KTEST_EXPECT_EQ(t, pages_on_lists(zone), 0);
	KTEST_EXPECT_EQ(t, free_in_buddy(zone), before);
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		KTEST_EXPECT_EQ(t, zone->free_area[o].nr_free, nr_free[o]);
}

/*
 * An order-0 request on empty lists takes a whole batch from the buddy
 * allocator: one page leaves, batch - 1 stay on the list of its migrate
 * type, and NR_FREE_PAGES drops by the batch. The next batch - 1 requests
 * leave the buddy allocator alone.
 */
static void refill_by_batch(struct ktest *t)
{
	struct zone *zone = normal_zone();
	struct per_cpu_pages *pcp = local_pcp(zone);
	static struct page *pages[256];
	unsigned long before;
	int batch = pcp->batch;

	KTEST_ASSERT_TRUE(t, batch >= 1 && batch < (int)ARRAY_SIZE(pages));
	drain_all_pages(zone);
	before = free_in_buddy(zone);
	pages[0] = alloc_pages(GFP_KERNEL, 0);
	KTEST_ASSERT_TRUE(t, pages[0] != NULL);
	KTEST_EXPECT_EQ(t, pcp->count, batch - 1);
	KTEST_EXPECT_EQ(t, list_length(pcp_list(zone, 0, MIGRATE_UNMOVABLE)), (unsigned long)batch - 1);
	KTEST_EXPECT_EQ(t, free_in_buddy(zone), before - (unsigned long)batch);
	for (int i = 1; i < batch; i++)
		pages[i] = alloc_pages(GFP_KERNEL, 0);
	KTEST_EXPECT_EQ(t, pcp->count, 0);
	KTEST_EXPECT_EQ(t, free_in_buddy(zone), before - (unsigned long)batch);
	/* One more refills again. */
	pages[batch] = alloc_pages(GFP_KERNEL, 0);
	KTEST_EXPECT_EQ(t, pcp->count, batch - 1);
	KTEST_EXPECT_EQ(t, free_in_buddy(zone), before - 2 * (unsigned long)batch);
	for (int i = 0; i <= batch; i++)
		if (pages[i])
			__free_pages(pages[i], 0);
	drain_all_pages(zone);
	KTEST_EXPECT_EQ(t, free_in_buddy(zone), before);
}

/*
 * zone_pcp_disable: the lists are emptied at once, a request takes one
 * block from the buddy allocator and nothing more, and a free goes
 * straight back; zone_pcp_enable gives the lists their sizes back, and the
 * next request refills a whole batch again.
 */
static void disabled_lists_keep_nothing(struct ktest *t)
{
	struct zone *zone = normal_zone();
	struct per_cpu_pages *pcp = local_pcp(zone);
	int high = pcp->high, batch = pcp->batch;
	struct page *page, *parked;
	unsigned long before;

	/* Something on the lists first, so that the drain has work. */
	parked = alloc_pages(GFP_KERNEL, 0);
	KTEST_ASSERT_TRUE(t, parked != NULL);
	__free_pages(parked, 0);
	KTEST_EXPECT_GT(t, pcp->count, 0);
	zone_pcp_disable(zone);
	KTEST_EXPECT_EQ(t, pcp->count, 0);
	KTEST_EXPECT_EQ(t, pcp->high, 0);
	KTEST_EXPECT_EQ(t, pcp->batch, 1);
	before = free_in_buddy(zone);
	page = alloc_pages(GFP_KERNEL, 0);
	KTEST_ASSERT_TRUE(t, page != NULL);
	KTEST_EXPECT_EQ(t, pcp->count, 0);
	KTEST_EXPECT_EQ(t, free_in_buddy(zone), before - 1);
	__free_pages(page, 0);
	KTEST_EXPECT_EQ(t, pcp->count, 0);
	KTEST_EXPECT_EQ(t, free_in_buddy(zone), before);
	zone_pcp_enable(zone);
	KTEST_EXPECT_EQ(t, pcp->high, high);
	KTEST_EXPECT_EQ(t, pcp->batch, batch);
	page = alloc_pages(GFP_KERNEL, 0);
	KTEST_ASSERT_TRUE(t, page != NULL);
	KTEST_EXPECT_EQ(t, pcp->count, batch - 1);
	__free_pages(page, 0);
	drain_all_pages(zone);
	KTEST_EXPECT_EQ(t, free_in_buddy(zone), before);
}

/*
 * Take up to n order-0 pages, chained through their lru (an allocated
 * page's own; no array in the image's bss). Returns how many came.
 */
static unsigned int take_pages(struct list_head *held, unsigned int n)
{
	unsigned int got;

	INIT_LIST_HEAD(held);
	for (got = 0; got < n; got++) {
		struct page *page = alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0);

		if (!page)
			break;
		list_add_tail(&page->lru, held);
	}
	return got;
}

/* The first held page, off the chain. */
static struct page *next_held(struct list_head *held)
{
	struct page *page = list_first_entry(held, struct page, lru);

	list_del(&page->lru);
	return page;
}

/*
 * Free more pages than high, one at a time: after every free the count is
 * below high, and after every free that gave pages back at least a batch
 * stays (Linux's nr_pcp_free). The counter and the walk agree throughout.
 */
static void count_below_high_after_free(struct ktest *t)
{
	struct zone *zone = normal_zone();
	struct per_cpu_pages *pcp = local_pcp(zone);
	unsigned int n = (unsigned int)(pcp->high + 3 * pcp->batch), bulk_frees = 0;
	unsigned long before;
	struct list_head held;

	drain_all_pages(zone);
	before = free_in_buddy(zone);
	KTEST_EXPECT_EQ(t, take_pages(&held, n), n);
	while (!list_empty(&held)) {
		int count = pcp->count;

		__free_pages(next_held(&held), 0);
		if (pcp->count < count + 1)
			bulk_frees++;
		/* Every page is freed; the first failure is reported, not one per page. */
		if (t->failed)
			continue;
		KTEST_EXPECT_LT(t, pcp->count, pcp->high);
		if (pcp->count < count + 1)
			KTEST_EXPECT_GE(t, pcp->count, pcp->batch);
	}
	KTEST_EXPECT_GT(t, bulk_frees, 0);
	KTEST_EXPECT_EQ(t, (unsigned long)pcp->count, pages_on_lists(zone));
	drain_all_pages(zone);
	KTEST_EXPECT_EQ(t, free_in_buddy(zone), before);
}

/*
 * Frees that give pages back raise the free factor, and only allocations
 * lower it (halving it each time): enough order-0 pairs bring it to 0, so
 * that the next case starts from the state Linux's lists have after
 * allocations.
 */
static void settle_free_factor(struct ktest *t, struct zone *zone)
{
	for (int i = 0; i < 16; i++) {
		struct page *page = alloc_pages(GFP_KERNEL, 0);

		if (page)
			__free_pages(page, 0);
	}
	KTEST_EXPECT_EQ(t, local_pcp(zone)->free_factor, 0);
}

/*
 * Orders 1 to 3 (PAGE_ALLOC_COSTLY_ORDER) have lists: a request on an
 * empty one takes max(batch >> order, 2) blocks of that order, the block
 * freed last is the next one handed out, and freeing it puts it back on
 * its own order's list. Order 4 has none: it leaves the count alone.
 */
static void orders_1_to_3_lists(struct ktest *t)
{
	struct zone *zone = normal_zone();
	struct per_cpu_pages *pcp = local_pcp(zone);
	struct page *page, *again;
	unsigned long before;

	for (unsigned int order = 1; order <= PAGE_ALLOC_COSTLY_ORDER; order++) {
		/* A batch of 1 (a zone under 32 MiB) keeps nothing: one block. */
		int blocks = pcp->batch > 1 ? pcp->batch >> order : 1;

		if (pcp->batch > 1 && blocks < 2)
			blocks = 2;
		settle_free_factor(t, zone);
		drain_all_pages(zone);
		page = alloc_pages(GFP_KERNEL, order);
		KTEST_ASSERT_TRUE(t, page != NULL);
		KTEST_EXPECT_EQ(t, page_to_pfn(page) & ((1UL << order) - 1), 0);
		KTEST_EXPECT_EQ(t, pcp->count, (blocks - 1) << order);
		KTEST_EXPECT_EQ(t, list_length(pcp_list(zone, order, MIGRATE_UNMOVABLE)),
				(unsigned long)blocks - 1);
		__free_pages(page, order);
		KTEST_EXPECT_EQ(t, pcp->count, blocks << order);
		KTEST_EXPECT_EQ(t, list_length(pcp_list(zone, order, MIGRATE_UNMOVABLE)), (unsigned long)blocks);
		again = alloc_pages(GFP_KERNEL, order);
		KTEST_EXPECT_EQ(t, (unsigned long)again, (unsigned long)page);
		if (again)
			__free_pages(again, order);
	}
	drain_all_pages(zone);
	before = free_in_buddy(zone);
	page = alloc_pages(GFP_KERNEL, PAGE_ALLOC_COSTLY_ORDER + 1);
	KTEST_ASSERT_TRUE(t, page != NULL);
	KTEST_EXPECT_EQ(t, pcp->count, 0);
	KTEST_EXPECT_EQ(t, free_in_buddy(zone), before - (1UL << (PAGE_ALLOC_COSTLY_ORDER + 1)));
	__free_pages(page, PAGE_ALLOC_COSTLY_ORDER + 1);
	KTEST_EXPECT_EQ(t, pcp->count, 0);
	KTEST_EXPECT_EQ(t, free_in_buddy(zone), before);
}

/*
 * Linux 6.1's free_high: once frees have given pages back without
 * allocations in between (free factor above 0), freeing a block of order
 * 1 to 3 empties the lists, so that such blocks do not wait there away
 * from their buddies.
 */
static void high_order_free_after_bulk_frees_empties(struct ktest *t)
{
	struct zone *zone = normal_zone();
	struct per_cpu_pages *pcp = local_pcp(zone);
	unsigned int n = (unsigned int)(pcp->high + pcp->batch);
	struct page *block;
	unsigned long before;
	struct list_head held;

	settle_free_factor(t, zone);
	drain_all_pages(zone);
	before = free_in_buddy(zone);
	KTEST_EXPECT_EQ(t, take_pages(&held, n), n);
	block = alloc_pages(GFP_KERNEL | __GFP_NOWARN, 1);
	while (!list_empty(&held))
		__free_pages(next_held(&held), 0);
	KTEST_ASSERT_TRUE(t, block != NULL);
	KTEST_EXPECT_GT(t, pcp->free_factor, 0);
	KTEST_EXPECT_GT(t, pcp->count, 0);
	__free_pages(block, 1);
	KTEST_EXPECT_EQ(t, pcp->count, 0);
	KTEST_EXPECT_EQ(t, pages_on_lists(zone), 0);
	KTEST_EXPECT_EQ(t, free_in_buddy(zone), before);
}

/*
 * A movable request takes from the movable list, not the unmovable one.
 * A freed page goes to the list of its pageblock's type (Linux's
 * free_unref_page), which is movable unless the page came from a block
 * an unmovable or reclaimable request took over.
 */
static void migrate_types_have_own_lists(struct ktest *t)
{
	struct zone *zone = normal_zone();
	unsigned long lengths[MIGRATE_PCPTYPES];
	struct page *page;
	int mt;

	drain_all_pages(zone);
	page = alloc_pages(GFP_KERNEL | __GFP_MOVABLE, 0);
	KTEST_ASSERT_TRUE(t, page != NULL);
	KTEST_EXPECT_EQ(t, list_length(pcp_list(zone, 0, MIGRATE_UNMOVABLE)), 0);
	KTEST_EXPECT_EQ(t, list_length(pcp_list(zone, 0, MIGRATE_MOVABLE)) + 1,
			(unsigned long)local_pcp(zone)->batch);
	mt = get_pageblock_migratetype(page);
	if (mt >= MIGRATE_PCPTYPES)
		mt = MIGRATE_MOVABLE;
	for (int i = 0; i < MIGRATE_PCPTYPES; i++)
		lengths[i] = list_length(pcp_list(zone, 0, i));
	__free_pages(page, 0);
	for (int i = 0; i < MIGRATE_PCPTYPES; i++)
		KTEST_EXPECT_EQ(t, list_length(pcp_list(zone, 0, i)), lengths[i] + (i == mt));
	KTEST_EXPECT_EQ(t, (unsigned long)list_first_entry(pcp_list(zone, 0, mt), struct page, lru),
			(unsigned long)page);
	drain_all_pages(zone);
}

/* Does a free block on zone's free_list[migratetype] cover pfn? */
static bool on_free_list(struct zone *zone, unsigned long pfn, int migratetype)
{
	for (unsigned int o = 0; o < MAX_ORDER; o++) {
		const struct list_head *head = &zone->free_area[o].free_list[migratetype];

		for (const struct list_head *l = head->next; l != head; l = l->next) {
			unsigned long start = page_to_pfn(list_entry(l, struct page, lru));

			if (start <= pfn && pfn < start + (1UL << o))
				return true;
		}
	}
	return false;
}

/*
 * A page freed into an isolated pageblock skips the lists and reaches the
 * buddy allocator's isolated list at once, uncounted (Linux 6.1's
 * free_unref_page). The block is isolated and given back here as Linux's
 * set_migratetype_isolate and unset_migratetype_isolate do: its free pages
 * change list and leave, then rejoin, the free count.
 */
/* Whether the pageblock of @page lies wholly in @zone (move_freepages_block moves nothing otherwise, as Linux's). */
static bool block_in_zone(const struct zone *zone, const struct page *page)
{
	unsigned long start = page_to_pfn(page) & ~(pageblock_nr_pages - 1);

	return zone_spans_pfn(zone, start) && zone_spans_pfn(zone, start + pageblock_nr_pages - 1);
}

static void isolated_block_bypasses_lists(struct ktest *t)
{
	struct zone *zone = normal_zone();
	struct per_cpu_pages *pcp = local_pcp(zone);
	struct page *page;
	struct list_head skipped;
	unsigned long free_before, free_unisolated;
	int old_mt, moved, returned, count;

	/*
	 * A page of a whole pageblock: with a bank that ends inside a
	 * pageblock (mem=3M@...), the first pages handed out may be there.
	 */
	INIT_LIST_HEAD(&skipped);
	while ((page = alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0)) && !block_in_zone(zone, page))
		list_add(&page->lru, &skipped);
	while (!list_empty(&skipped)) {
		struct page *p = list_first_entry(&skipped, struct page, lru);

		list_del(&p->lru);
		__free_pages(p, 0);
	}
	KTEST_ASSERT_TRUE(t, page != NULL);
	drain_all_pages(zone);
	free_unisolated = free_in_buddy(zone);
	old_mt = get_pageblock_migratetype(page);
	set_pageblock_migratetype(page, MIGRATE_ISOLATE);
	moved = move_freepages_block(zone, page, MIGRATE_ISOLATE, NULL);
	__mod_zone_freepage_state(zone, -moved, old_mt);
	zone->nr_isolate_pageblock++;

	count = pcp->count;
	free_before = free_in_buddy(zone);
	__free_pages(page, 0);
	KTEST_EXPECT_EQ(t, pcp->count, count);
	KTEST_EXPECT_EQ(t, free_in_buddy(zone), free_before);
	KTEST_EXPECT_TRUE(t, on_free_list(zone, page_to_pfn(page), MIGRATE_ISOLATE));

	KTEST_EXPECT_EQ(t, free_before, free_unisolated - (unsigned long)moved);

	returned = move_freepages_block(zone, page, old_mt, NULL);
	set_pageblock_migratetype(page, old_mt);
	__mod_zone_freepage_state(zone, returned, old_mt);
	zone->nr_isolate_pageblock--;
	/* The page freed while the block was isolated is back among the free pages. */
	KTEST_EXPECT_EQ(t, returned, moved + 1);
	KTEST_EXPECT_EQ(t, free_in_buddy(zone), free_unisolated + 1);
	KTEST_EXPECT_TRUE(t, on_free_list(zone, page_to_pfn(page), old_mt));
	drain_all_pages(zone);
}

/*
 * A page of a CMA pageblock travels on the movable list and goes back to
 * the buddy allocator's CMA list, counted in NR_FREE_CMA_PAGES (Linux
 * 6.1's free_unref_page keeps the block's type for the way back). The
 * block is made CMA here as cma_init_reserved_areas would, and restored.
 */
static void cma_block_uses_movable_list(struct ktest *t)
{
	struct zone *zone = normal_zone();
	struct per_cpu_pages *pcp = local_pcp(zone);
	struct page *page;
	unsigned long cma_before, movable_len;
	int old_mt, moved, count;

	drain_all_pages(zone);
	page = alloc_pages(GFP_KERNEL | __GFP_MOVABLE, 0);
	KTEST_ASSERT_TRUE(t, page != NULL);
	old_mt = get_pageblock_migratetype(page);
	set_pageblock_migratetype(page, MIGRATE_CMA);
	moved = move_freepages_block(zone, page, MIGRATE_CMA, NULL);
	__mod_zone_page_state(zone, NR_FREE_CMA_PAGES, moved);

	count = pcp->count;
	movable_len = list_length(pcp_list(zone, 0, MIGRATE_MOVABLE));
	__free_pages(page, 0);
	KTEST_EXPECT_EQ(t, pcp->count, count + 1);
	KTEST_EXPECT_EQ(t, list_length(pcp_list(zone, 0, MIGRATE_MOVABLE)), movable_len + 1);
	cma_before = zone_page_state(zone, NR_FREE_CMA_PAGES);
	drain_all_pages(zone);
	/* Only this page left the lists as CMA: the others were taken from movable blocks. */
	KTEST_EXPECT_EQ(t, zone_page_state(zone, NR_FREE_CMA_PAGES), cma_before + 1);
	KTEST_EXPECT_TRUE(t, on_free_list(zone, page_to_pfn(page), MIGRATE_CMA));

	move_freepages_block(zone, page, old_mt, NULL);
	set_pageblock_migratetype(page, old_mt);
	__mod_zone_page_state(zone, NR_FREE_CMA_PAGES, -(long)moved - 1);
	KTEST_EXPECT_EQ(t, zone_page_state(zone, NR_FREE_CMA_PAGES), cma_before - (unsigned long)moved);
}

static const struct ktest_case pcp_cases[] = {
	KTEST_CASE(sizes_as_linux),
	KTEST_CASE(drain_gives_everything_back),
	KTEST_CASE(refill_by_batch),
	KTEST_CASE(disabled_lists_keep_nothing),
	KTEST_CASE(count_below_high_after_free),
	KTEST_CASE(orders_1_to_3_lists),
	KTEST_CASE(high_order_free_after_bulk_frees_empties),
	KTEST_CASE(migrate_types_have_own_lists),
	KTEST_CASE(isolated_block_bypasses_lists),
	KTEST_CASE(cma_block_uses_movable_list),
	{}
};
KTEST_SUITE(pcp, pcp_cases);
