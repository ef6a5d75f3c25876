/*
 * Pageblock isolation: the first step of taking a contiguous range
 * (alloc_contig_range). An isolated pageblock's free pages sit on the
 * MIGRATE_ISOLATE lists, which no allocation serves, and are not counted
 * free; pages freed into it go there too. Follows Linux's
 * mm/page_isolation.c (v6.1), for one zone and no memory hotplug.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/page-isolation.h>
#include "internal.h"

/*
 * Follows Linux's has_unmovable_pages (v6.1). A CMA pageblock counts as
 * movable when CMA itself isolates it (the pages that do not move are
 * found later, by test_pages_isolated); otherwise reserved pages and pages
 * in use whose owner cannot move them are unmovable; free pages are not.
 */
struct page *has_unmovable_pages(unsigned long start_pfn, unsigned long end_pfn, int migratetype, int flags)
{
	struct page *page = pfn_to_page(start_pfn);

	(void)flags;
	if (is_migrate_cma(get_pageblock_migratetype(page))) {
		if (is_migrate_cma(migratetype))
			return NULL;
		return page;
	}
	for (unsigned long pfn = start_pfn; pfn < end_pfn; pfn++) {
		page = pfn_to_page(pfn);
		if (PageReserved(page))
			return page;
		if (!page_count(page)) {
			if (PageBuddy(page))
				pfn += (1UL << buddy_order(page)) - 1;
			continue;
		}
		if (__PageMovable(page))
			continue;
		return page;
	}
	return NULL;
}

/*
 * Follows Linux's set_migratetype_isolate (v6.1): a pageblock with no
 * unmovable page in [start_pfn, end_pfn) becomes MIGRATE_ISOLATE, its
 * free pages move to the isolate lists and stop counting as free.
 */
static int set_migratetype_isolate(struct page *page, int migratetype, int flags,
				   unsigned long start_pfn, unsigned long end_pfn)
{
	struct zone *zone = page_zone(page);
	unsigned long pfn = page_to_pfn(page);
	struct page *unmovable;
	int mt, nr_pages;

	if (is_migrate_isolate_page(page))
		return -EBUSY;
	unmovable = has_unmovable_pages(max(pfn, start_pfn), min(pageblock_end_pfn(pfn), end_pfn),
					migratetype, flags);
	if (unmovable) {
		if (flags & REPORT_FAILURE)
			pr_warn("page:%p pfn:%#lx dumped because: unmovable page\n", (void *)unmovable,
				page_to_pfn(unmovable));
		return -EBUSY;
	}
	mt = get_pageblock_migratetype(page);
	set_pageblock_migratetype(page, MIGRATE_ISOLATE);
	zone->nr_isolate_pageblock++;
	nr_pages = move_freepages_block(zone, page, MIGRATE_ISOLATE, NULL);
	__mod_zone_freepage_state(zone, -nr_pages, mt);
	return 0;
}

/*
 * Follows Linux's unset_migratetype_isolate (v6.1): the pageblock's free
 * pages go back to migratetype's lists, counted free again. A free block
 * of a pageblock or more could not merge with its buddy while isolated;
 * taking it out and freeing it again lets it merge now.
 */
static void unset_migratetype_isolate(struct page *page, int migratetype)
{
	struct zone *zone = page_zone(page);
	bool isolated_page = false;
	unsigned int order = 0;
	int nr_pages;

	if (!is_migrate_isolate_page(page))
		return;
	if (PageBuddy(page)) {
		order = buddy_order(page);
		if (order >= pageblock_order && order < MAX_ORDER - 1) {
			unsigned long pfn = page_to_pfn(page), buddy_pfn = pfn ^ (1UL << order);
			struct page *buddy = page + (buddy_pfn - pfn);

			if (pfn_valid(buddy_pfn) && PageBuddy(buddy) && buddy_order(buddy) == order &&
			    !is_migrate_isolate_page(buddy)) {
				del_page_from_free_list(page, zone, order);
				isolated_page = true;
			}
		}
	}
	if (!isolated_page) {
		nr_pages = move_freepages_block(zone, page, migratetype, NULL);
		__mod_zone_freepage_state(zone, nr_pages, migratetype);
	}
	set_pageblock_migratetype(page, migratetype);
	if (isolated_page)
		__free_one_page(page, page_to_pfn(page), zone, order, migratetype);
	zone->nr_isolate_pageblock--;
}

/*
 * Follows Linux's split_free_page (mm/page_alloc.c, v6.1): a free block
 * comes off its list and goes back in pieces aligned so that one piece
 * ends at split_pfn_offset, each piece on its own pageblock's list.
 */
static void split_free_page(struct page *free_page, unsigned int order, unsigned long split_pfn_offset)
{
	struct zone *zone = page_zone(free_page);
	unsigned long free_page_pfn = page_to_pfn(free_page), pfn;
	int mt = get_pageblock_migratetype(free_page);

	if (!is_migrate_isolate(mt))
		__mod_zone_freepage_state(zone, -(1L << order), mt);
	del_page_from_free_list(free_page, zone, order);
	for (pfn = free_page_pfn; pfn < free_page_pfn + (1UL << order);) {
		unsigned int align = pfn ? (unsigned int)__builtin_ctzl(pfn) : order;
		unsigned int fit = (unsigned int)(8 * sizeof(long) - 1) - (unsigned int)__builtin_clzl(split_pfn_offset);
		unsigned int piece = min(min(align, fit), order);

		__free_one_page(pfn_to_page(pfn), pfn, zone, piece, get_pageblock_migratetype(pfn_to_page(pfn)));
		pfn += 1UL << piece;
		split_pfn_offset -= 1UL << piece;
		if (split_pfn_offset == 0)
			split_pfn_offset = (1UL << order) - (pfn - free_page_pfn);
	}
}

/*
 * The part of Linux's isolate_single_pageblock (v6.1) that applies here
 * (no compound pages): isolate the pageblock at a boundary of the range,
 * then split a free block that crosses the boundary, so that the
 * pageblocks outside the range keep their free pages on their own lists.
 */
static int isolate_single_pageblock(unsigned long boundary_pfn, int flags, bool isolate_before,
				    bool skip_isolation, int migratetype)
{
	unsigned long isolate_pageblock = isolate_before ? boundary_pfn - pageblock_nr_pages : boundary_pfn;
	struct page *block = pfn_to_page(isolate_pageblock);
	int ret;

	if (!skip_isolation) {
		ret = set_migratetype_isolate(block, migratetype, flags, isolate_pageblock,
					      isolate_pageblock + pageblock_nr_pages);
		if (ret)
			return ret;
	}
	/* A pageblock boundary that is also a largest-block boundary: nothing crosses it. */
	if (!(boundary_pfn & (MAX_ORDER_NR_PAGES - 1)))
		return 0;
	for (unsigned int order = pageblock_order + 1; order < MAX_ORDER; order++) {
		unsigned long head_pfn = boundary_pfn & ~((1UL << order) - 1);
		struct page *head;

		if (!pfn_valid(head_pfn))
			continue;
		head = pfn_to_page(head_pfn);
		if (PageBuddy(head) && buddy_order(head) == order && head_pfn < boundary_pfn) {
			split_free_page(head, order, boundary_pfn - head_pfn);
			break;
		}
	}
	return 0;
}

/*
 * Follows Linux's start_isolate_page_range (v6.1): the pageblocks at both
 * ends first (splitting free blocks that cross them), then those between;
 * on failure every pageblock isolated so far is given back.
 */
int start_isolate_page_range(unsigned long start_pfn, unsigned long end_pfn, int migratetype, int flags)
{
	unsigned long isolate_start = pageblock_start_pfn(start_pfn);
	unsigned long isolate_end = ALIGN(end_pfn, pageblock_nr_pages);
	bool skip_isolation = false;
	int ret;

	ret = isolate_single_pageblock(isolate_start, flags, false, false, migratetype);
	if (ret)
		return ret;
	if (isolate_start == isolate_end - pageblock_nr_pages)
		skip_isolation = true;
	ret = isolate_single_pageblock(isolate_end, flags, true, skip_isolation, migratetype);
	if (ret) {
		unset_migratetype_isolate(pfn_to_page(isolate_start), migratetype);
		return ret;
	}
	for (unsigned long pfn = isolate_start + pageblock_nr_pages; pfn < isolate_end - pageblock_nr_pages;
	     pfn += pageblock_nr_pages) {
		if (set_migratetype_isolate(pfn_to_page(pfn), migratetype, flags, start_pfn, end_pfn)) {
			undo_isolate_page_range(isolate_start, pfn, migratetype);
			unset_migratetype_isolate(pfn_to_page(isolate_end - pageblock_nr_pages), migratetype);
			return -EBUSY;
		}
	}
	return 0;
}

/* Follows Linux's undo_isolate_page_range (v6.1). */
void undo_isolate_page_range(unsigned long start_pfn, unsigned long end_pfn, int migratetype)
{
	unsigned long isolate_start = pageblock_start_pfn(start_pfn);
	unsigned long isolate_end = ALIGN(end_pfn, pageblock_nr_pages);

	for (unsigned long pfn = isolate_start; pfn < isolate_end; pfn += pageblock_nr_pages) {
		struct page *page = pfn_to_page(pfn);

		if (is_migrate_isolate_page(page))
			unset_migratetype_isolate(page, migratetype);
	}
}

/* Follows Linux's __test_page_isolated_in_pageblock (v6.1): the first page that is not free, or end_pfn. */
static unsigned long __test_page_isolated_in_pageblock(unsigned long pfn, unsigned long end_pfn)
{
	while (pfn < end_pfn) {
		struct page *page = pfn_to_page(pfn);

		if (!PageBuddy(page))
			break;
		pfn += 1UL << buddy_order(page);
	}
	return pfn;
}

/* Follows Linux's test_pages_isolated (v6.1): every pageblock isolated and every page free. */
int test_pages_isolated(unsigned long start_pfn, unsigned long end_pfn, int isol_flags)
{
	unsigned long pfn;

	(void)isol_flags;
	for (pfn = start_pfn; pfn < end_pfn; pfn += pageblock_nr_pages)
		if (!is_migrate_isolate_page(pfn_to_page(pfn)))
			return -EBUSY;
	pfn = __test_page_isolated_in_pageblock(start_pfn, end_pfn);
	return pfn < end_pfn ? -EBUSY : 0;
}
