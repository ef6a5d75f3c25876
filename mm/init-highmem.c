/*
 * mem_init's highmem half (mm/init.c), built only with CONFIG_HIGHMEM:
 * without it the RAM above lowmem was dropped (adjust_lowmem_bounds) and
 * linux/highmem.h's stub stands in.
 */
#include <linux/highmem.h>
#include <linux/memblock.h>
#include <linux/mm.h>

/*
 * Follows Linux's free_highpages (arch/arm/mm/init.c, v6.x): every free
 * highmem range to the buddy allocator; in blocks, where Linux frees it
 * page by page (free_highmem_range).
 */
void free_highpages(void)
{
	phys_addr_t range_start, range_end;
	u64 i;

	for_each_free_mem_range(i, MEMBLOCK_NONE, &range_start, &range_end) {
		unsigned long start = PFN_UP(range_start), end = PFN_DOWN(range_end);

		if (end <= max_low_pfn)
			continue;
		if (start < max_low_pfn)
			start = max_low_pfn;
		free_highmem_range(start, end);
	}
}
