/*
 * Kernel mappings of highmem pages: kmap through the pkmap area (a PTE
 * page below PAGE_OFFSET, entries kept until the pool wraps) and
 * kmap_local/kmap_atomic through this CPU's fixmap slots, used and released
 * in stack order. Follows Linux's include/linux/highmem.h, mm/highmem.c
 * (v6.x) and 4.14's kmap_atomic. Lowmem pages are just their linear-map
 * address.
 */
#ifndef _LINUX_HIGHMEM_H
#define _LINUX_HIGHMEM_H

#include <linux/mm.h>

/* NULL (with a message) when every pkmap entry is in use: there is no scheduler to wait on. */
void *kmap(struct page *page);
void kunmap(struct page *page);
void *kmap_local_page(struct page *page);
void kunmap_local(void *addr);

/* 4.14's names for the same per-CPU slots. */
#define kmap_atomic(page)	kmap_local_page(page)
#define kunmap_atomic(addr)	kunmap_local(addr)

/* pkmap entries in use and kmap_local slots in use, for tests. */
unsigned int kmap_pkmap_in_use(void);
unsigned int kmap_local_depth(void);

#endif
