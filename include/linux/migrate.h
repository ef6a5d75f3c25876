/*
 * Moving pages: an owner that can be asked to move its pages registers
 * them as movable, and migration (mm/migrate.c) isolates them, copies
 * their data to new pages and asks the owner to switch its references.
 * Follows Linux's include/linux/migrate.h and page-flags.h (v6.1):
 * movable_operations, __SetPageMovable, isolate_movable_page,
 * migrate_pages, putback_movable_pages.
 */
#ifndef _LINUX_MIGRATE_H
#define _LINUX_MIGRATE_H

#include <linux/list.h>
#include <linux/mm.h>

typedef unsigned int isolate_mode_t;

enum migrate_mode {
	MIGRATE_ASYNC,
	MIGRATE_SYNC_LIGHT,
	MIGRATE_SYNC,
};

/* Why pages move (Linux's enum migrate_reason); only contiguous allocations move pages here. */
enum migrate_reason {
	MR_CONTIG_RANGE,
	MR_TYPES
};

#define MIGRATEPAGE_SUCCESS	0

/*
 * What an owner of movable pages provides (Linux's movable_operations):
 *  - isolate_page: may the page be moved now? The owner keeps using it
 *    until migrate_page or putback_page is called.
 *  - migrate_page: dst already holds a copy of src's data (made by
 *    migration, through kmap_local for highmem); the owner points its
 *    references at dst and marks dst movable. MIGRATEPAGE_SUCCESS, or an
 *    error to keep src.
 *  - putback_page: migration gave up; src stays where it was.
 */
struct movable_operations {
	bool (*isolate_page)(struct page *page, isolate_mode_t mode);
	int (*migrate_page)(struct page *dst, struct page *src, enum migrate_mode mode);
	void (*putback_page)(struct page *page);
};

/* Follows Linux's __SetPageMovable (mm/compaction.c, v6.1): the page belongs to an owner with these operations. */
static inline void __SetPageMovable(struct page *page, const struct movable_operations *mops)
{
	page->mapping = (void *)((unsigned long)mops | PAGE_MAPPING_MOVABLE);
}

/*
 * Follows Linux's __ClearPageMovable (v6.1): the owner lets go of the
 * page; the movable mark stays (without operations) so that migration in
 * progress sees a page whose owner no longer needs it moved.
 */
static inline void __ClearPageMovable(struct page *page)
{
	page->mapping = (void *)((unsigned long)page->mapping & (unsigned long)PAGE_MAPPING_MOVABLE);
}

static inline const struct movable_operations *page_movable_ops(const struct page *page)
{
	return (const struct movable_operations *)((unsigned long)page->mapping & ~(unsigned long)PAGE_MAPPING_FLAGS);
}

/* Follows Linux's PageMovable (v6.1): movable and still owned. */
static inline bool PageMovable(const struct page *page)
{
	return __PageMovable(page) && page_movable_ops(page);
}

/* Where migration gets a page for src, and where it returns one it did not use (Linux's new_page_t, free_page_t). */
typedef struct page *new_page_t(struct page *src, unsigned long private);
typedef void free_page_t(struct page *page, unsigned long private);

/* Take a movable page for migration (true), or leave it (false: not movable, already taken, or its owner said no). */
bool isolate_movable_page(struct page *page, isolate_mode_t mode);
/* Give every page of the list (linked by lru) back to its owner. */
void putback_movable_pages(struct list_head *l);
/*
 * Move every page of the list (isolated, linked by lru): 0 when all
 * moved, else the number left on the list (-ENOMEM when get_new_page
 * failed). Moved pages are freed; *nr_succeeded counts them.
 */
int migrate_pages(struct list_head *from, new_page_t get_new_page, free_page_t put_new_page,
		  unsigned long private, enum migrate_mode mode, int reason,
		  unsigned int *nr_succeeded);

#endif
