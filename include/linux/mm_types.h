/*
 * struct page: one per page frame, in mem_map. Follows the layout of
 * Linux's include/linux/mm_types.h (v6.x) on 32-bit ARM without MEMCG:
 * 32 bytes, so the memmap costs what Linux's does (Debian's kernels have
 * MEMCG and 36 bytes).
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/list.h>
#include <linux/types.h>

struct page {
	unsigned long flags;		/* PG_* bits; the zone in the top bits */
	struct list_head lru;		/* free-list link while in the buddy allocator */
	unsigned long private;		/* the block's order while PG_buddy */
	void *mapping;			/* unused here (Linux: the page cache or anon mapping) */
	unsigned long index;		/* unused here */
	unsigned int page_type;		/* unused here (Linux keeps PG_buddy here) */
	int _refcount;			/* users; 0 when free */
};

_Static_assert(sizeof(void *) != 4 || sizeof(struct page) == 32,
	       "struct page is 32 bytes, as Linux's on 32-bit ARM without MEMCG");

#endif
