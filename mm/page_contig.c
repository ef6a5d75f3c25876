/*
 * Taking a contiguous range of page frames from the buddy allocator, and
 * giving it back: the range is isolated, the movable pages in it moved
 * out, its free pages taken, the pages beyond the range given back.
 * Follows Linux's alloc_contig_range and free_contig_range
 * (mm/page_alloc.c, v6.1) with the parts of mm/compaction.c they use
 * (isolate_migratepages_range, isolate_freepages_range).
 */
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/page-isolation.h>
#include "internal.h"

/* How many pages are isolated for migration at a time (Linux's COMPACT_CLUSTER_MAX). */
#define COMPACT_CLUSTER_MAX	32
/* Passes over the same isolated pages before giving up (Linux's limit in __alloc_contig_migrate_range). */
#define CONTIG_MIGRATE_TRIES	5

/*
 * Migration targets are taken from the buddy allocator a block of this
 * order at a time (COMPACT_CLUSTER_MAX pages, a batch's worth) and split.
 */
#define MIGRATION_TARGET_ORDER	5
_Static_assert(1 << MIGRATION_TARGET_ORDER == COMPACT_CLUSTER_MAX, "a target block is a batch");

/*
 * Free pages set aside for the pages a range moves: lowmem ones, and
 * those for highmem pages (highmem, or lowmem when highmem had none).
 */
struct migration_targets {
	struct list_head pages[2];
};

/*
 * Not in Linux, whose alloc_contig_range asks alloc_migration_target for
 * one page at a time (its compaction isolates free pages in batches,
 * isolate_freepages): a block of MIGRATION_TARGET_ORDER through the page
 * allocator, split into pages; a single page when no such block is free.
 * One trip through the buddy allocator then serves a batch, where single
 * pages each cost a per-CPU list refill's share.
 */
static __noinline bool migration_targets_refill(struct migration_targets *targets, gfp_t gfp, bool high)
{
	unsigned int order = MIGRATION_TARGET_ORDER;
	struct page *page = alloc_pages(gfp, order);

	if (!page) {
		order = 0;
		page = alloc_pages(gfp, order);
		if (!page)
			return false;
	}
	split_page(page, order);
	for (unsigned long i = 0; i < (1UL << order); i++)
		list_add_tail(&page[i].lru, &targets->pages[high]);
	return true;
}

/*
 * Follows Linux's alloc_migration_target (mm/migrate.c, v6.1) for
 * alloc_contig_range: a movable page, from highmem when the page it
 * replaces was; taken from the targets set aside (private), which are
 * refilled when empty. Pages of the isolated range are on no list the
 * allocator serves, so the new page comes from outside it.
 */
static struct page *alloc_migration_target(struct page *src, unsigned long private)
{
	struct migration_targets *targets = (struct migration_targets *)private;
	bool high = PageHighMem(src);
	struct list_head *list = &targets->pages[high];
	struct page *page;

	if (list_empty(list) &&
	    !migration_targets_refill(targets, GFP_USER | __GFP_MOVABLE | __GFP_NOWARN | (high ? __GFP_HIGHMEM : 0),
				      high))
		return NULL;
	page = list_first_entry(list, struct page, lru);
	list_del(&page->lru);
	return page;
}

/* Follows Linux's compaction_free (mm/compaction.c, v6.1): a target migration did not use goes back to the set. */
static void free_migration_target(struct page *page, unsigned long private)
{
	struct migration_targets *targets = (struct migration_targets *)private;

	list_add(&page->lru, &targets->pages[PageHighMem(page)]);
}

/* The targets left over go back to the page allocator. */
static void release_migration_targets(struct migration_targets *targets)
{
	for (int i = 0; i < 2; i++) {
		while (!list_empty(&targets->pages[i])) {
			struct page *page = list_first_entry(&targets->pages[i], struct page, lru);

			list_del(&page->lru);
			__free_page(page);
		}
	}
}

/*
 * Follows Linux's isolate_migratepages_range (mm/compaction.c, v6.1) for
 * movable pages: up to COMPACT_CLUSTER_MAX of them from *pfn on go on the
 * list; free blocks are stepped over; *pfn says where to go on.
 */
static unsigned int isolate_migratepages_range(unsigned long *pfn, unsigned long end_pfn,
					       struct list_head *list)
{
	unsigned int nr = 0;

	while (*pfn < end_pfn && nr < COMPACT_CLUSTER_MAX) {
		struct page *page = pfn_to_page(*pfn);

		if (PageBuddy(page)) {
			*pfn += 1UL << buddy_order(page);
			continue;
		}
		if (__PageMovable(page) && isolate_movable_page(page, MIGRATE_SYNC)) {
			list_add_tail(&page->lru, list);
			nr++;
		}
		(*pfn)++;
	}
	return nr;
}

/*
 * Follows Linux's __alloc_contig_migrate_range (v6.1): isolate a batch,
 * migrate it, and again until the range is done; a batch that does not
 * empty in CONTIG_MIGRATE_TRIES passes fails with -EBUSY. Pages that
 * could not move go back to their owners.
 */
static int __alloc_contig_migrate_range(unsigned long start, unsigned long end)
{
	struct migration_targets targets;
	struct list_head migratepages;
	unsigned long pfn = start;
	unsigned int tries = 0, nr_succeeded;
	int ret = 0;

	INIT_LIST_HEAD(&migratepages);
	INIT_LIST_HEAD(&targets.pages[0]);
	INIT_LIST_HEAD(&targets.pages[1]);
	while (pfn < end || !list_empty(&migratepages)) {
		if (list_empty(&migratepages)) {
			isolate_migratepages_range(&pfn, end, &migratepages);
			tries = 0;
			if (list_empty(&migratepages))
				continue;
		} else if (++tries == CONTIG_MIGRATE_TRIES) {
			ret = -EBUSY;
			break;
		}
		ret = migrate_pages(&migratepages, alloc_migration_target, free_migration_target,
				    (unsigned long)&targets, MIGRATE_SYNC, MR_CONTIG_RANGE, &nr_succeeded);
		if (ret == -ENOMEM)
			break;
	}
	release_migration_targets(&targets);
	if (ret < 0) {
		putback_movable_pages(&migratepages);
		return ret;
	}
	return 0;
}

/*
 * Follows Linux's __isolate_free_page (v6.1) for a block of an isolated
 * pageblock: off the free list, uncounted (isolated pages were not
 * counted free).
 */
static void take_isolated_free_block(struct page *page, unsigned int order)
{
	del_page_from_free_list(page, page_zone(page), order);
	for (unsigned long i = 0; i < (1UL << order); i++)
		page[i]._refcount = 1;
}

/*
 * Follows Linux's isolate_freepages_range (mm/compaction.c, v6.1): every
 * page of [start_pfn, end_pfn) must be the start or part of a free block
 * met in turn; each block is taken whole as single pages. Returns the end
 * of the last block (past end_pfn when it reached beyond), or 0 when a
 * page is not free, after giving back what was taken.
 */
static unsigned long isolate_freepages_range(unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long pfn = start_pfn;

	while (pfn < end_pfn) {
		struct page *page = pfn_to_page(pfn);
		unsigned int order;

		if (!PageBuddy(page)) {
			if (pfn > start_pfn)
				free_contig_range(start_pfn, pfn - start_pfn);
			return 0;
		}
		order = buddy_order(page);
		take_isolated_free_block(page, order);
		pfn += 1UL << order;
	}
	return pfn;
}

/*
 * Not in Linux, whose alloc_contig_range gives the pages around the range
 * back one at a time (free_contig_range): the frames [pfn, pfn + nr_pages)
 * that isolate_freepages_range took beyond the range, free blocks of
 * isolated pageblocks a moment ago, go back in the largest aligned blocks
 * that fit, as memblock_free_all hands memory over (__free_pages_memory).
 * The free lists come out the same: page by page, the buddy allocator
 * merges them into those blocks anyway (they are the pageblocks' only
 * users, and nobody else held them).
 */
static void give_back_isolated_frames(unsigned long pfn, unsigned long nr_pages)
{
	unsigned long end = pfn + nr_pages;

	while (pfn < end) {
		unsigned int order = pfn ? (unsigned int)__builtin_ctzl(pfn) : MAX_ORDER - 1;
		struct page *page = pfn_to_page(pfn);

		if (order > MAX_ORDER - 1)
			order = MAX_ORDER - 1;
		while (pfn + (1UL << order) > end)
			order--;
		for (unsigned long i = 0; i < (1UL << order); i++)
			page[i]._refcount = 0;
		__free_one_page(page, pfn, page_zone(page), order, get_pfnblock_migratetype(page, pfn));
		pfn += 1UL << order;
	}
}

/*
 * Follows Linux's alloc_contig_range (mm/page_alloc.c, v6.1): isolate the
 * pageblocks, drain the per-CPU lists, move the movable pages out, check
 * that the whole range is now free, take it with the free block that
 * holds its start (outer_start) and the one that holds its end, give back
 * what lies outside [start, end), undo the isolation. On success every
 * page of the range is the caller's, with one reference each.
 */
int alloc_contig_range(unsigned long start, unsigned long end, unsigned int migratetype, gfp_t gfp_mask)
{
	unsigned long outer_start, outer_end;
	unsigned int order;
	int ret;

	(void)gfp_mask;
	ret = start_isolate_page_range(start, end, (int)migratetype, 0);
	if (ret)
		return ret;
	drain_all_pages(page_zone(pfn_to_page(start)));

	ret = __alloc_contig_migrate_range(start, end);
	if (ret && ret != -EBUSY)
		goto done;
	ret = 0;

	/* The free block holding start may begin before it. */
	order = 0;
	outer_start = start;
	while (!PageBuddy(pfn_to_page(outer_start))) {
		if (++order >= MAX_ORDER) {
			outer_start = start;
			break;
		}
		outer_start &= ~0UL << order;
	}
	if (outer_start != start) {
		order = buddy_order(pfn_to_page(outer_start));
		if (outer_start + (1UL << order) <= start)
			outer_start = start;
	}

	if (test_pages_isolated(outer_start, end, 0)) {
		ret = -EBUSY;
		goto done;
	}
	outer_end = isolate_freepages_range(outer_start, end);
	if (!outer_end) {
		ret = -EBUSY;
		goto done;
	}
	if (start != outer_start)
		give_back_isolated_frames(outer_start, start - outer_start);
	if (end != outer_end)
		give_back_isolated_frames(end, outer_end - end);
done:
	undo_isolate_page_range(start, end, (int)migratetype);
	return ret;
}

/* Follows Linux's free_contig_range (v6.1): each page given back; a page someone else still holds is counted. */
void free_contig_range(unsigned long pfn, unsigned long nr_pages)
{
	unsigned long count = 0;

	for (; nr_pages--; pfn++) {
		struct page *page = pfn_to_page(pfn);

		count += page_count(page) != 1;
		__free_page(page);
	}
	if (count)
		pr_warn("%lu pages are still in use!\n", count);
	WARN_ON(count != 0);
}
