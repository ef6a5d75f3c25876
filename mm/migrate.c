/*
 * Page migration for pages whose owner registered them as movable
 * (include/linux/migrate.h). Follows Linux's mm/migrate.c (v6.1) for
 * non-LRU movable pages: isolate_movable_page, migrate_pages with its
 * retries, putback_movable_pages. There is no page cache or anonymous
 * memory here, so every movable page has an owner with
 * movable_operations. Unlike Linux, where each owner's migrate_page copies
 * the data, migration copies it (copy_highpage) before asking the owner:
 * every owner gets the highmem-safe copy, and only points its references
 * at the new page.
 */
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/migrate.h>
#include <linux/mm.h>

/* How often migrate_pages goes over a list whose owners said "not now" (-EAGAIN), as Linux's NR_MAX_MIGRATE_PAGES_RETRY. */
#define MIGRATE_RETRIES		10

/* Follows Linux's isolate_movable_page (mm/migrate.c, v6.1): take a reference, ask the owner, mark the page taken. */
bool isolate_movable_page(struct page *page, isolate_mode_t mode)
{
	if (page->_refcount <= 0 || PageBuddy(page) || !PageMovable(page) || PageIsolated(page))
		return false;
	page->_refcount++;
	if (!page_movable_ops(page)->isolate_page(page, mode)) {
		page->_refcount--;
		return false;
	}
	SetPageIsolated(page);
	return true;
}

/* Migration drops its reference; a page nobody holds any more goes back to the allocator, without its owner's mark. */
static void put_isolated_page(struct page *page)
{
	ClearPageIsolated(page);
	if (page->_refcount == 1)
		page->mapping = NULL;
	__free_page(page);
}

/* Follows Linux's putback_movable_pages (v6.1): each page back to its owner, unless the owner let go of it meanwhile. */
void putback_movable_pages(struct list_head *l)
{
	while (!list_empty(l)) {
		struct page *page = list_first_entry(l, struct page, lru);

		list_del(&page->lru);
		INIT_LIST_HEAD(&page->lru);
		if (PageMovable(page))
			page_movable_ops(page)->putback_page(page);
		put_isolated_page(page);
	}
}

/*
 * Follows Linux's unmap_and_move and move_to_new_folio (v6.1) for a
 * movable page: a page whose owner freed it while it was isolated only
 * needs freeing; else a new page from get_new_page, the copy, and the
 * owner's migrate_page. On success src leaves the list and is freed (the
 * owner's reference went to dst); on failure dst is returned.
 */
static int unmap_and_move(new_page_t get_new_page, free_page_t put_new_page, unsigned long private,
			  struct page *page, enum migrate_mode mode)
{
	struct page *newpage;
	int rc;

	if (!PageMovable(page) || page->_refcount == 1) {
		list_del(&page->lru);
		INIT_LIST_HEAD(&page->lru);
		put_isolated_page(page);
		return MIGRATEPAGE_SUCCESS;
	}
	newpage = get_new_page(page, private);
	if (!newpage)
		return -ENOMEM;
	copy_highpage(newpage, page);
	rc = page_movable_ops(page)->migrate_page(newpage, page, mode);
	if (rc != MIGRATEPAGE_SUCCESS) {
		if (put_new_page)
			put_new_page(newpage, private);
		else
			__free_page(newpage);
		return rc;
	}
	list_del(&page->lru);
	INIT_LIST_HEAD(&page->lru);
	page->_refcount--;		/* the owner's, now dst's */
	page->mapping = NULL;
	put_isolated_page(page);
	return MIGRATEPAGE_SUCCESS;
}

/*
 * Follows Linux's migrate_pages (v6.1) for order-0 movable pages: up to
 * MIGRATE_RETRIES passes while owners answer -EAGAIN; other failures
 * count at once. Pages that did not move stay on the list, isolated, for
 * the caller's putback_movable_pages.
 */
int migrate_pages(struct list_head *from, new_page_t get_new_page, free_page_t put_new_page,
		  unsigned long private, enum migrate_mode mode, int reason,
		  unsigned int *nr_succeeded)
{
	struct list_head failed;
	int nr_failed = 0, retry = 1;

	(void)reason;
	*nr_succeeded = 0;
	INIT_LIST_HEAD(&failed);
	for (int pass = 0; pass < MIGRATE_RETRIES && retry; pass++) {
		struct list_head *pos = from->next;

		retry = 0;
		while (pos != from) {
			struct page *page = list_entry(pos, struct page, lru);
			int rc;

			pos = pos->next;
			rc = unmap_and_move(get_new_page, put_new_page, private, page, mode);
			if (rc == MIGRATEPAGE_SUCCESS) {
				(*nr_succeeded)++;
			} else if (rc == -EAGAIN) {
				retry++;
			} else if (rc == -ENOMEM) {
				nr_failed = -ENOMEM;
				goto out;
			} else {
				list_del(&page->lru);
				list_add_tail(&page->lru, &failed);
				nr_failed++;
			}
		}
	}
	nr_failed += retry;
out:
	/* The pages that failed for good go back on the caller's list. */
	while (!list_empty(&failed)) {
		struct page *page = list_first_entry(&failed, struct page, lru);

		list_del(&page->lru);
		list_add_tail(&page->lru, from);
	}
	return nr_failed;
}
