/*
 * struct page: one per page frame, in mem_map. Follows the layout of
 * Linux's include/linux/mm_types.h (v6.1) on 32-bit ARM: 32 bytes, and 36
 * with MEMCG (memcg_data), as Debian's kernels have it, so that the memmap
 * costs what Debian's does.
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/list.h>
#include <linux/types.h>

struct page {
	unsigned long flags;		/* PG_* bits; the zone in the top bits */
	struct list_head lru;		/* free-list link while in the buddy allocator */
	unsigned long private;		/* the block's order while PG_buddy */
	void *mapping;			/* its owner; PAGE_MAPPING_MOVABLE in the low bits if it can move */
	unsigned long index;		/* the free list it came from, until handed out (pcppage migratetype) */
	unsigned int page_type;		/* unused here (Linux keeps PG_buddy here) */
	int _refcount;			/* users; 0 when free */
#ifdef CONFIG_MEMCG
	unsigned long memcg_data;	/* only its size is modelled: there is no memory controller */
#endif
};

#ifdef CONFIG_MEMCG
#define STRUCT_PAGE_BYTES	36
#else
#define STRUCT_PAGE_BYTES	32
#endif
_Static_assert(sizeof(void *) != 4 || sizeof(struct page) == STRUCT_PAGE_BYTES,
	       "struct page is 32 bytes on 32-bit ARM, 36 with MEMCG, as Linux's");

#endif
