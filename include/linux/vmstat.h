/*
 * Node counters. Follows Linux's enum node_stat_item (include/linux/mmzone.h)
 * and include/linux/vmstat.h (v6.1) for the items this kernel keeps. One
 * node, so a node counter is also the global one. Items whose name ends in
 * _B are changed in bytes, always whole pages, and kept in pages, as Linux
 * keeps them (vmstat_item_in_bytes).
 */
#ifndef _LINUX_VMSTAT_H
#define _LINUX_VMSTAT_H

#include <linux/mmzone.h>
#include <asm/atomic.h>

enum node_stat_item {
	NR_SLAB_RECLAIMABLE_B,		/* slab pages of SLAB_RECLAIM_ACCOUNT caches */
	NR_SLAB_UNRECLAIMABLE_B,	/* the other slab pages, and kmalloc_large's */
	NR_VM_NODE_STAT_ITEMS
};

extern long vm_node_stat[NR_VM_NODE_STAT_ITEMS];

/* Follows Linux's vmstat_item_in_bytes (v6.1). */
static inline bool vmstat_item_in_bytes(enum node_stat_item item)
{
	return item == NR_SLAB_RECLAIMABLE_B || item == NR_SLAB_UNRECLAIMABLE_B;
}

/* Follows Linux's mod_node_page_state (v6.1): a byte item moves by whole pages. */
static inline void mod_node_page_state(pg_data_t *pgdat, enum node_stat_item item, long delta)
{
	(void)pgdat;
	if (vmstat_item_in_bytes(item))
		delta /= (long)PAGE_SIZE;
	/* Every CPU changes them, under no common lock: an atomic add (Linux keeps per-CPU deltas). */
	atomic_long_add((int)delta, (atomic_long_t *)&vm_node_stat[item]);
}

/* Follows Linux's global_node_page_state_pages (v6.1): in pages, bytes items too; never below 0. */
static inline unsigned long global_node_page_state_pages(enum node_stat_item item)
{
	long x = vm_node_stat[item];

	return x < 0 ? 0 : (unsigned long)x;
}

#endif
