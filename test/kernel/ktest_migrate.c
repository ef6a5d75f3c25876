/*
 * Migrate types, fallback and stealing, scripted. The scenario runs on a
 * scratch zone: a struct zone of its own whose free lists and counters
 * hold only pageblocks borrowed from the allocator, so every step's
 * outcome is known in advance. Expected values are worked out here from
 * Linux 6.1's rules (fallbacks[], can_steal_fallback, the half-a-block
 * claim), never read back from the code under test.
 *
 * The pageblocks used are each a whole free block of pageblock_order in
 * the scratch zone and never merge beyond it: in classic builds a
 * pageblock is the largest block; with LPAE (4 pageblocks to the largest
 * block) only the even pageblocks of each borrowed block are used, and the
 * odd ones stay allocated between them.
 */
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <ktest.h>
#include "../../mm/internal.h"

#define SCENARIO_BLOCKS		6	/* 4 movable, 1 CMA, 1 isolated */
#define BLOCKS_PER_MAX		(1 << (MAX_ORDER - 1 - pageblock_order))
/* Pageblocks used from each borrowed largest block: 1 in classic builds, every other one with LPAE. */
#define USED_PER_MAX		((BLOCKS_PER_MAX + 1) / 2)
#define MAX_BORROWED		((SCENARIO_BLOCKS + USED_PER_MAX - 1) / USED_PER_MAX)

static struct zone scratch;
static struct page *borrowed[MAX_BORROWED];
static int borrowed_types[MAX_BORROWED][BLOCKS_PER_MAX];
static struct page *block[SCENARIO_BLOCKS];

/* The pages taken in the scenario (4 P + 4 at most), to give back at the end. */
#define MAX_TAKEN		(5 * (int)pageblock_nr_pages)
static struct page **taken;	/* MAX_TAKEN entries, from the allocator (not bss) */
static unsigned int taken_order;
static int nr_taken;
/* The scenarios follow grouping on; a boot with little memory has it off (build_all_zonelists). */
static int saved_grouping_disabled;

/* As /proc/pagetypeinfo's "Number of blocks type" counts, over the scenario's pageblocks. */
static void count_blocks(unsigned long count[MIGRATE_TYPES])
{
	for (int mt = 0; mt < MIGRATE_TYPES; mt++)
		count[mt] = 0;
	for (int i = 0; i < SCENARIO_BLOCKS; i++)
		count[get_pageblock_migratetype(block[i])]++;
}

static void expect_blocks(struct ktest *t, const char *step, unsigned long unmovable, unsigned long movable,
			  unsigned long reclaimable)
{
	unsigned long count[MIGRATE_TYPES];

	count_blocks(count);
	if (count[MIGRATE_UNMOVABLE] != unmovable || count[MIGRATE_MOVABLE] != movable ||
	    count[MIGRATE_RECLAIMABLE] != reclaimable || count[MIGRATE_CMA] != 1 || count[MIGRATE_ISOLATE] != 1)
		KTEST_FAIL(t, "after %s: blocks U/M/R/CMA/Isolate %lu/%lu/%lu/%lu/%lu, expected %lu/%lu/%lu/1/1",
			   step, count[MIGRATE_UNMOVABLE], count[MIGRATE_MOVABLE], count[MIGRATE_RECLAIMABLE],
			   count[MIGRATE_CMA], count[MIGRATE_ISOLATE], unmovable, movable, reclaimable);
}

/* Free pages of a type at an order, as pagetypeinfo's first table counts them. */
static unsigned long free_count(unsigned int order, int mt)
{
	unsigned long n = 0;

	for (struct list_head *l = scratch.free_area[order].free_list[mt].next;
	     l != &scratch.free_area[order].free_list[mt]; l = l->next)
		n++;
	return n;
}

static int block_of(const struct page *page)
{
	for (int i = 0; i < SCENARIO_BLOCKS; i++)
		if (page >= block[i] && page < block[i] + pageblock_nr_pages)
			return i;
	return -1;
}

/* One request on the scratch zone, counted as Linux's rmqueue_buddy counts it. */
static struct page *take(int migratetype, unsigned int alloc_flags)
{
	struct page *page = __rmqueue(&scratch, 0, migratetype, alloc_flags);

	if (!page)
		return NULL;
	__mod_zone_freepage_state(&scratch, -1, get_pcppage_migratetype(page));
	if (nr_taken < MAX_TAKEN)
		taken[nr_taken++] = page;
	return page;
}

/* Free as __free_pages does: onto the list of the page's pageblock type. */
static void give_back(struct page *page)
{
	__free_one_page(page, page_to_pfn(page), &scratch, 0, get_pageblock_migratetype(page));
}

/* Borrow largest blocks, set up the scratch zone and its six pageblocks. */
static bool borrow(struct ktest *t)
{
	unsigned long free_largest = 0;
	int used = 0;

	for (int z = 0; z < MAX_NR_ZONES; z++)
		if (!is_highmem_idx((enum zone_type)z))
			free_largest += contig_page_data.node_zones[z].free_area[MAX_ORDER - 1].nr_free;
	if (free_largest < MAX_BORROWED) {
		ktest_skip(t, "too few free largest blocks in lowmem to lend (little RAM)");
		return false;
	}
	for (taken_order = 0; (PAGE_SIZE << taken_order) < MAX_TAKEN * sizeof(*taken); taken_order++)
		;
	taken = (struct page **)__get_free_pages(GFP_KERNEL | __GFP_NOWARN, taken_order);
	if (!taken) {
		KTEST_FAIL(t, "no order-%u block for the list of pages taken", taken_order);
		return false;
	}
	saved_grouping_disabled = page_group_by_mobility_disabled;
	page_group_by_mobility_disabled = 0;
	nr_taken = 0;
	memset(&scratch, 0, sizeof(scratch));
	scratch.name = "scratch";
	for (int o = 0; o < MAX_ORDER; o++)
		for (int mt = 0; mt < MIGRATE_TYPES; mt++)
			INIT_LIST_HEAD(&scratch.free_area[o].free_list[mt]);
	scratch.zone_start_pfn = ~0UL;
	for (int b = 0; b < MAX_BORROWED; b++) {
		struct page *page = alloc_pages(__GFP_MOVABLE | __GFP_NOWARN, MAX_ORDER - 1);

		if (!page) {
			KTEST_FAIL(t, "no free block of order %d to borrow", MAX_ORDER - 1);
			while (b--)
				__free_pages(borrowed[b], MAX_ORDER - 1);
			free_pages((unsigned long)taken, taken_order);
			page_group_by_mobility_disabled = saved_grouping_disabled;
			return false;
		}
		borrowed[b] = page;
		for (int i = 0; i < BLOCKS_PER_MAX; i++)
			borrowed_types[b][i] = get_pageblock_migratetype(page + (unsigned long)i * pageblock_nr_pages);
		for (int i = 0; i < BLOCKS_PER_MAX && used < SCENARIO_BLOCKS; i += 2)
			block[used++] = page + (unsigned long)i * pageblock_nr_pages;
	}
	/* The scratch zone spans every page borrowed (move_freepages_block stays within it). */
	for (int b = 0; b < MAX_BORROWED; b++) {
		unsigned long pfn = page_to_pfn(borrowed[b]);

		scratch.zone_start_pfn = min(scratch.zone_start_pfn, pfn);
		scratch.spanned_pages = max(scratch.spanned_pages, pfn + (1UL << (MAX_ORDER - 1)));
	}
	scratch.spanned_pages -= scratch.zone_start_pfn;
	scratch.present_pages = scratch.spanned_pages;
	return true;
}

/* Free a pageblock into the scratch zone the way boot hands memory over. */
static void hand_over_block(struct page *first, int migratetype)
{
	set_pageblock_migratetype(first, migratetype);
	__free_one_page(first, page_to_pfn(first), &scratch, pageblock_order, migratetype);
}

/* Everything back to the allocator, each pageblock with the type it was lent with. */
static void return_borrowed(struct ktest *t)
{
	for (int i = 0; i < nr_taken; i++)
		give_back(taken[i]);
	nr_taken = 0;
	for (int i = 0; i < SCENARIO_BLOCKS; i++) {
		KTEST_EXPECT_TRUE(t, PageBuddy(block[i]) && buddy_order(block[i]) == pageblock_order);
		if (PageBuddy(block[i]))
			del_page_from_free_list(block[i], &scratch, pageblock_order);
	}
	for (int o = 0; o < MAX_ORDER; o++)
		KTEST_EXPECT_EQ(t, scratch.free_area[o].nr_free, 0);
	for (int b = 0; b < MAX_BORROWED; b++) {
		for (int i = 0; i < BLOCKS_PER_MAX; i++)
			set_pageblock_migratetype(borrowed[b] + (unsigned long)i * pageblock_nr_pages, borrowed_types[b][i]);
		__free_pages(borrowed[b], MAX_ORDER - 1);
	}
	free_pages((unsigned long)taken, taken_order);
	page_group_by_mobility_disabled = saved_grouping_disabled;
}

/*
 * The scripted scenario, with P pages a pageblock:
 *  0. four MOVABLE blocks, one CMA, one ISOLATE (freed page by page:
 *     it stays on the isolate list and is not counted free);
 *  1. unmovable: no unmovable page; a whole movable block is claimed (a
 *     free pageblock: order >= pageblock_order);
 *  2. reclaimable: fallbacks[RECLAIMABLE] tries UNMOVABLE then MOVABLE at
 *     each order from the top: a whole movable block again;
 *  3. 2P movable pages empty the two movable blocks, never CMA (no ALLOC_CMA);
 *  4. movable: fallbacks[MOVABLE] = RECLAIMABLE first; its largest free
 *     block (order pageblock_order - 1) is at least half a pageblock, so the
 *     block is claimed: P - 1 free pages, at least half of it;
 *  5. P - 2 movable pages fill that block; the unmovable block is then cut
 *     to four single free pages (all taken, four non-adjacent ones given back);
 *  6. movable: only order-0 unmovable pages: too small to claim, the
 *     smallest is taken alone; the block stays unmovable;
 *  7. reclaimable: may claim, but only 3 of P pages are free and none is
 *     used alike: the free pages move to the reclaimable lists, the block
 *     stays unmovable;
 *  8. unmovable: takes them back from the reclaimable lists (fallback);
 *  9. one movable page given back; movable with ALLOC_CMA: the CMA block
 *     holds more than half the free pages, so CMA comes first.
 */
static void fallback_and_steal(struct ktest *t)
{
	const unsigned long P = pageblock_nr_pages;
	struct page *page, *cut[4];
	bool ok = true;
	int a, b;

	if (!borrow(t))
		return;
	/* 0 */
	for (int i = 0; i < 4; i++)
		hand_over_block(block[i], MIGRATE_MOVABLE);
	hand_over_block(block[4], MIGRATE_CMA);
	set_pageblock_migratetype(block[5], MIGRATE_ISOLATE);
	for (unsigned long off = 0; off < P; off++)
		give_back(block[5] + off);
	KTEST_EXPECT_EQ(t, free_count(pageblock_order, MIGRATE_ISOLATE), 1);
	KTEST_EXPECT_EQ(t, free_count(pageblock_order, MIGRATE_MOVABLE), 4);
	KTEST_EXPECT_EQ(t, free_count(pageblock_order, MIGRATE_CMA), 1);
	KTEST_EXPECT_EQ(t, zone_page_state(&scratch, NR_FREE_PAGES), 5 * P);
	KTEST_EXPECT_EQ(t, zone_page_state(&scratch, NR_FREE_CMA_PAGES), P);
	expect_blocks(t, "hand-over", 0, 4, 0);

	/* 1 */
	page = take(MIGRATE_UNMOVABLE, 0);
	KTEST_ASSERT_TRUE(t, page != NULL);
	a = block_of(page);
	KTEST_EXPECT_TRUE(t, a >= 0 && a < 4);
	expect_blocks(t, "an unmovable page", 1, 3, 0);
	/* 2 */
	page = take(MIGRATE_RECLAIMABLE, 0);
	KTEST_ASSERT_TRUE(t, page != NULL);
	b = block_of(page);
	KTEST_EXPECT_TRUE(t, b >= 0 && b < 4 && b != a);
	expect_blocks(t, "a reclaimable page", 1, 2, 1);
	/* 3 */
	for (unsigned long i = 0; i < 2 * P; i++) {
		page = take(MIGRATE_MOVABLE, 0);
		if (!page || block_of(page) == a || block_of(page) == b || block_of(page) >= 4)
			ok = false;
	}
	KTEST_EXPECT_TRUE(t, ok);
	expect_blocks(t, "two blocks of movable pages", 1, 2, 1);
	KTEST_EXPECT_EQ(t, zone_page_state(&scratch, NR_FREE_PAGES), 5 * P - 2 - 2 * P);
	/* 4 */
	page = take(MIGRATE_MOVABLE, 0);
	KTEST_ASSERT_TRUE(t, page != NULL);
	KTEST_EXPECT_EQ(t, block_of(page), b);
	expect_blocks(t, "a movable page from the reclaimable block", 1, 3, 0);
	/* 5 */
	ok = true;
	for (unsigned long i = 0; i < P - 2; i++) {
		page = take(MIGRATE_MOVABLE, 0);
		if (!page || block_of(page) != b)
			ok = false;
	}
	for (unsigned long i = 0; i < P - 1; i++) {
		page = take(MIGRATE_UNMOVABLE, 0);
		if (!page || block_of(page) != a)
			ok = false;
	}
	KTEST_EXPECT_TRUE(t, ok);
	KTEST_EXPECT_EQ(t, zone_page_state(&scratch, NR_FREE_PAGES), P);	/* the CMA block */
	for (int i = 0; i < 4; i++) {
		cut[i] = block[a] + 2 + 2 * i;	/* pages 2, 4, 6, 8: no two are buddies */
		give_back(cut[i]);
	}
	KTEST_EXPECT_EQ(t, free_count(0, MIGRATE_UNMOVABLE), 4);
	expect_blocks(t, "filling", 1, 3, 0);
	/* 6 */
	page = take(MIGRATE_MOVABLE, 0);
	KTEST_ASSERT_TRUE(t, page != NULL);
	KTEST_EXPECT_EQ(t, block_of(page), a);
	KTEST_EXPECT_EQ(t, free_count(0, MIGRATE_UNMOVABLE), 3);
	expect_blocks(t, "a movable page from the unmovable block", 1, 3, 0);
	/* 7 */
	page = take(MIGRATE_RECLAIMABLE, 0);
	KTEST_ASSERT_TRUE(t, page != NULL);
	KTEST_EXPECT_EQ(t, block_of(page), a);
	KTEST_EXPECT_EQ(t, free_count(0, MIGRATE_UNMOVABLE), 0);
	KTEST_EXPECT_EQ(t, free_count(0, MIGRATE_RECLAIMABLE), 2);
	expect_blocks(t, "a reclaimable page from the cut block", 1, 3, 0);
	/* 8 */
	page = take(MIGRATE_UNMOVABLE, 0);
	KTEST_ASSERT_TRUE(t, page != NULL);
	KTEST_EXPECT_EQ(t, block_of(page), a);
	KTEST_EXPECT_EQ(t, free_count(0, MIGRATE_RECLAIMABLE), 0);
	KTEST_EXPECT_EQ(t, free_count(0, MIGRATE_UNMOVABLE), 1);
	expect_blocks(t, "an unmovable page back", 1, 3, 0);
	/* 9: with a movable page free too, CMA still comes first */
	for (int j = nr_taken - 1; j >= 0; j--)
		if (block_of(taken[j]) == b) {
			give_back(taken[j]);
			taken[j] = taken[--nr_taken];
			break;
		}
	KTEST_EXPECT_EQ(t, free_count(0, MIGRATE_MOVABLE), 1);
	KTEST_EXPECT_EQ(t, zone_page_state(&scratch, NR_FREE_PAGES), P + 2);
	page = take(MIGRATE_MOVABLE, ALLOC_CMA);
	KTEST_ASSERT_TRUE(t, page != NULL);
	KTEST_EXPECT_EQ(t, block_of(page), 4);
	KTEST_EXPECT_EQ(t, zone_page_state(&scratch, NR_FREE_CMA_PAGES), P - 1);
	KTEST_EXPECT_EQ(t, zone_page_state(&scratch, NR_FREE_PAGES), P + 1);
	KTEST_EXPECT_EQ(t, free_count(0, MIGRATE_MOVABLE), 1);
	expect_blocks(t, "a movable page from CMA", 1, 3, 0);
	/* Nothing ever came from the isolated block. */
	KTEST_EXPECT_EQ(t, free_count(pageblock_order, MIGRATE_ISOLATE), 1);
	/*
	 * The cut pages went back while still in taken[], and three were
	 * taken again: one entry less each leaves taken[] with what is taken.
	 */
	for (int i = 0; i < 4; i++)
		for (int j = 0; j < nr_taken; j++)
			if (taken[j] == cut[i]) {
				taken[j] = taken[--nr_taken];
				break;
			}
	return_borrowed(t);
}

/*
 * CMA blocks serve only movable requests allowed CMA (alloc_pages sets
 * ALLOC_CMA only for movable ones); no fallback takes them over, and an
 * isolated block serves nobody.
 */
static void cma_and_isolate_kept(struct ktest *t)
{
	const unsigned long P = pageblock_nr_pages;

	if (!borrow(t))
		return;
	for (int i = 0; i < 4; i++)
		hand_over_block(block[i], MIGRATE_CMA);
	hand_over_block(block[4], MIGRATE_CMA);
	set_pageblock_migratetype(block[5], MIGRATE_ISOLATE);
	for (unsigned long off = 0; off < P; off++)
		give_back(block[5] + off);
	KTEST_EXPECT_EQ(t, zone_page_state(&scratch, NR_FREE_CMA_PAGES), 5 * P);
	KTEST_EXPECT_TRUE(t, take(MIGRATE_UNMOVABLE, 0) == NULL);
	KTEST_EXPECT_TRUE(t, take(MIGRATE_RECLAIMABLE, 0) == NULL);
	KTEST_EXPECT_TRUE(t, take(MIGRATE_MOVABLE, 0) == NULL);
	KTEST_EXPECT_TRUE(t, take(MIGRATE_MOVABLE, ALLOC_CMA) != NULL);
	KTEST_EXPECT_EQ(t, zone_page_state(&scratch, NR_FREE_CMA_PAGES), 5 * P - 1);
	for (int i = 0; i < 5; i++)
		KTEST_EXPECT_EQ(t, get_pageblock_migratetype(block[i]), MIGRATE_CMA);
	KTEST_EXPECT_EQ(t, free_count(pageblock_order, MIGRATE_ISOLATE), 1);
	/* return_borrowed wants the isolated block whole, and it is. */
	{
		unsigned long count[MIGRATE_TYPES];

		count_blocks(count);
		KTEST_EXPECT_EQ(t, count[MIGRATE_CMA], 5);
		KTEST_EXPECT_EQ(t, count[MIGRATE_ISOLATE], 1);
	}
	return_borrowed(t);
}

/*
 * gfp flags to migrate types, as Linux's GFP_MOVABLE_MASK maps them with
 * grouping on; with it off every request is unmovable.
 */
static void gfp_to_migratetype(struct ktest *t)
{
	int saved = page_group_by_mobility_disabled;

	page_group_by_mobility_disabled = 0;
	KTEST_EXPECT_EQ(t, gfp_migratetype(GFP_KERNEL), MIGRATE_UNMOVABLE);
	KTEST_EXPECT_EQ(t, gfp_migratetype(GFP_HIGHUSER), MIGRATE_UNMOVABLE);
	KTEST_EXPECT_EQ(t, gfp_migratetype(GFP_HIGHUSER_MOVABLE), MIGRATE_MOVABLE);
	KTEST_EXPECT_EQ(t, gfp_migratetype(GFP_KERNEL | __GFP_RECLAIMABLE), MIGRATE_RECLAIMABLE);
	page_group_by_mobility_disabled = 1;
	KTEST_EXPECT_EQ(t, gfp_migratetype(GFP_HIGHUSER_MOVABLE), MIGRATE_UNMOVABLE);
	KTEST_EXPECT_EQ(t, gfp_migratetype(GFP_KERNEL | __GFP_RECLAIMABLE), MIGRATE_UNMOVABLE);
	page_group_by_mobility_disabled = saved;
}

static const struct ktest_case migrate_cases[] = {
	KTEST_CASE(fallback_and_steal),
	KTEST_CASE(cma_and_isolate_kept),
	KTEST_CASE(gfp_to_migratetype),
	{}
};
KTEST_SUITE(migrate, migrate_cases);
