/*
 * How much RAM lowmem can describe. Every struct page lives in lowmem
 * (mem_map, one array for the whole node), so RAM far beyond lowmem needs
 * a mem_map lowmem cannot hold. Not in Linux, which allocates mem_map for
 * all RAM and panics when it does not fit ("Failed to allocate ... bytes
 * for node 0 memory map"): here the top of highmem is left out first
 * (mm/memmap_limit.c), by the arithmetic of mm/memmap_fit.c.
 */
#ifndef _ASM_MEMMAP_LIMIT_H
#define _ASM_MEMMAP_LIMIT_H

#include <linux/const.h>
#include <linux/types.h>

/*
 * Lowmem kept out of mem_map's reach, besides the pageblock bitmaps
 * (computed): MEMMAP_KEEP_MIN for what boot still allocates once mem_map
 * is placed (the per-CPU first chunk, the last page tables, memblock's
 * arrays doubling, slab caches, vmalloc's page tables, the DMA pools:
 * under 200 KiB on a two-CPU boot, measured with memblock=debug and
 * meminfo's LowFree), and 1/MEMMAP_KEEP_DIVISOR of lowmem for the running
 * kernel (page tables, stacks, slab), so that a boot at the limit is not
 * out of lowmem the moment it starts: 52 MiB of the 3G split's 768 MiB.
 */
#define MEMMAP_KEEP_MIN		SZ_4M
#define MEMMAP_KEEP_DIVISOR	16

/* Bytes of the mem_map alloc_node_mem_map allocates for a node of [start_pfn, end_pfn). */
u64 memmap_bytes(unsigned long start_pfn, unsigned long end_pfn);

/* Bytes of the pageblock bitmaps (usemaps) of a node of [start_pfn, end_pfn), split in two zones anywhere. */
u64 memmap_usemap_bytes(unsigned long start_pfn, unsigned long end_pfn);

/* Lowmem (of lowmem_bytes) mem_map must leave free for a node of [start_pfn, end_pfn). */
u64 memmap_lowmem_keep(u64 lowmem_bytes, unsigned long start_pfn, unsigned long end_pfn);

/*
 * The end of the largest node [start_pfn, end) with end <= end_pfn whose
 * mem_map fits in avail_bytes: end_pfn itself, or a whole number of
 * MAX_ORDER blocks from the node's first block; never below floor_pfn
 * (lowmem's end: lowmem is always described).
 */
unsigned long memmap_fit_end_pfn(unsigned long start_pfn, unsigned long end_pfn, u64 avail_bytes,
				 unsigned long floor_pfn);

#ifdef CONFIG_HIGHMEM
void trim_highmem_to_memmap(void);
#else
/* Without highmem all RAM is lowmem, and its mem_map is under 1% of it. */
static inline void trim_highmem_to_memmap(void)
{
}
#endif

#endif
