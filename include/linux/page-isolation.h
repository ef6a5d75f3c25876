/*
 * Isolating pageblocks: a range whose pageblocks are MIGRATE_ISOLATE
 * keeps its free pages off every list the allocator serves, so that pages
 * freed or moved out of it stay there. Follows Linux's
 * include/linux/page-isolation.h and mm/page_isolation.c (v6.1).
 */
#ifndef _LINUX_PAGE_ISOLATION_H
#define _LINUX_PAGE_ISOLATION_H

#include <linux/mm.h>
#include <linux/pageblock-flags.h>

/* Linux's isolation flags: print the page that makes a range fail. */
#define REPORT_FAILURE		0x2

static inline bool is_migrate_isolate_page(const struct page *page)
{
	return get_pageblock_migratetype(page) == MIGRATE_ISOLATE;
}

/* The first page of [start_pfn, end_pfn) that neither is free nor could move, or NULL. */
struct page *has_unmovable_pages(unsigned long start_pfn, unsigned long end_pfn, int migratetype, int flags);
/* Every pageblock touching [start_pfn, end_pfn) isolated, or -EBUSY and none. */
int start_isolate_page_range(unsigned long start_pfn, unsigned long end_pfn, int migratetype, int flags);
/* Back to migratetype, the free pages with them. */
void undo_isolate_page_range(unsigned long start_pfn, unsigned long end_pfn, int migratetype);
/* 0 when every page of the isolated range is free, else -EBUSY. */
int test_pages_isolated(unsigned long start_pfn, unsigned long end_pfn, int isol_flags);

#endif
