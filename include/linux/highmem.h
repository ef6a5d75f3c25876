/*
 * Kernel mappings of highmem pages: kmap through the pkmap area (a PTE
 * page below PAGE_OFFSET, entries kept until the pool wraps) and
 * kmap_local/kmap_atomic through this CPU's fixmap slots, used and released
 * in stack order. Follows Linux's include/linux/highmem.h,
 * highmem-internal.h, mm/highmem.c (v6.x) and 4.14's kmap_atomic. Lowmem
 * pages are just their linear-map address.
 *
 * mm/highmem.c and mm/init-highmem.c are built only with CONFIG_HIGHMEM;
 * without it every page is lowmem and the stubs below are all there is.
 */
#ifndef _LINUX_HIGHMEM_H
#define _LINUX_HIGHMEM_H

#include <linux/mm.h>

#ifdef CONFIG_HIGHMEM

/* NULL (with a message) when every pkmap entry is in use: there is no scheduler to wait on. */
void *kmap(struct page *page);
void kunmap(struct page *page);
void *kmap_local_page(struct page *page);
void kunmap_local(void *addr);

/* pkmap entries in use and kmap_local slots in use, for tests. */
unsigned int kmap_pkmap_in_use(void);
unsigned int kmap_local_depth(void);

/* mem_init's highmem half: the free highmem ranges to the buddy allocator (mm/init-highmem.c). */
void free_highpages(void);

#else

static inline void *kmap(struct page *page)
{
	return page_address(page);
}

static inline void kunmap(struct page *page)
{
	(void)page;
}

static inline void *kmap_local_page(struct page *page)
{
	return page_address(page);
}

static inline void kunmap_local(void *addr)
{
	(void)addr;
}

static inline unsigned int kmap_pkmap_in_use(void)
{
	return 0;
}

static inline unsigned int kmap_local_depth(void)
{
	return 0;
}

static inline void free_highpages(void)
{
}

#endif

/*
 * Follows Linux's copy_highpage (include/linux/highmem.h, v6.1): a page's
 * data to another, either of them possibly highmem, through two nested
 * kmap_local slots.
 */
static inline void copy_highpage(struct page *to, struct page *from)
{
	char *vfrom = kmap_local_page(from);
	char *vto = kmap_local_page(to);

	copy_page(vto, vfrom);
	kunmap_local(vto);
	kunmap_local(vfrom);
}

/* 4.14's names for the same per-CPU slots. */
#define kmap_atomic(page)	kmap_local_page(page)
#define kunmap_atomic(addr)	kunmap_local(addr)

#endif
