/*
 * RAM beyond what lowmem can describe: mem_map (a struct page per frame,
 * 36 bytes with MEMCG) is one array in lowmem, so each split has a largest
 * RAM it can describe, about 78 GiB at 3G. Not in Linux: Debian's LPAE
 * kernel on QEMU's virt panics from 70 GiB on (at 96 GiB "Failed to
 * allocate 905969664 bytes for node 0 memory map"), with a negative size
 * at 255 GiB. Here the top of
 * highmem is left out instead, with one message that gives the figures.
 * Built only with CONFIG_HIGHMEM (asm/memmap_limit.h has the stub).
 */
#include <linux/cache.h>
#include <linux/cma.h>
#include <linux/dma-map-ops.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/of_fdt.h>
#include <linux/string.h>
#include <libfdt.h>
#include <asm/lowmem.h>
#include <asm/memory.h>
#include <asm/mmu.h>
#include <asm/pgtable.h>
#include <asm/setup.h>
#include <asm/memmap_limit.h>

/* Bytes of RAM memblock holds in [start, end): all of it, or only what the linear map may map (not NOMAP). */
static u64 memory_in(phys_addr_t start, phys_addr_t end, bool nomap_too)
{
	struct memblock_region *r;
	u64 bytes = 0;

	for_each_mem_region(r) {
		phys_addr_t rs = max(r->base, start), re = min(r->base + r->size, end);

		if (rs < re && (nomap_too || !memblock_is_nomap(r)))
			bytes += re - rs;
	}
	return bytes;
}

/* The largest free block below memblock's allocation limit: mem_map is one allocation. */
static u64 largest_free_lowmem(void)
{
	phys_addr_t limit = memblock_get_current_limit(), rs, re;
	u64 i, largest = 0;

	for_each_free_mem_range(i, MEMBLOCK_NONE, &rs, &re) {
		re = min(re, limit);
		if (rs < re && re - rs > largest)
			largest = re - rs;
	}
	/* alloc_node_mem_map places it on a cache line. */
	return largest > SMP_CACHE_BYTES ? largest - SMP_CACHE_BYTES : 0;
}

/*
 * A CMA area reaching past the cut would have frames without a struct
 * page. One cma_declare_contiguous_nid placed in highmem goes where its
 * top-down placement would have put it had RAM ended at the cut (highmem
 * first, as Linux's): nothing has used it yet, and highmem is not mapped.
 * A fixed one, or one that no longer fits, is not used (nor is it the
 * default area any more), and the part of it below the cut is ordinary
 * memory again.
 */
static void fit_cma_below(phys_addr_t cut)
{
	for (unsigned int i = 0; i < cma_area_count; i++) {
		struct cma *cma = &cma_areas[i];
		phys_addr_t end = cma->base + cma->size, lo = max(cma->place_min, arm_lowmem_limit), addr = 0;

		if (!cma->count || end <= cut)
			continue;
		memblock_phys_free(cma->base, min(end, cut) > cma->base ? min(end, cut) - cma->base : 0);
		if (!cma->fixed && cma->base >= arm_lowmem_limit && lo < cut)
			addr = memblock_alloc_range_nid(cma->size, cma->place_align, lo, cut, NUMA_NO_NODE, true);
		if (addr) {
			pr_info("cma: area %s moved to %pa: it lay in RAM mem_map does not describe\n",
				cma->name, &addr);
			cma->base = addr;
			cma->base_pfn = PFN_DOWN(addr);
			continue;
		}
		pr_err("cma: area %s at %pa-%pa lies in RAM mem_map does not describe: not used\n",
		       cma->name, &cma->base, &(phys_addr_t){ end - 1 });
		cma->count = 0;
		/* As if it had never been declared: DMA then takes plain pages (atomic_pool_init). */
		if (dma_contiguous_default_area == cma)
			dma_contiguous_default_area = NULL;
	}
}

/*
 * QEMU's boot loader puts the DTB 128 MiB into RAM, inside lowmem on
 * every split: it cuts lowmem's largest free block in two (on virt with
 * the 3G split, 120 and 640 MiB), and mem_map, one allocation, gets only
 * the larger part. Linux leaves it there (its limit on virt is about 69
 * GiB); here, when that costs RAM, the DTB moves to the top of lowmem's
 * free memory below 4 GiB (__atags_pointer is 32 bits), at the same
 * offset in its section so that the DTB window keeps every pointer into
 * it good, and its old place is free again.
 */
static bool move_fdt_to_top_of_lowmem(void)
{
	phys_addr_t old = __atags_pointer, size, off, x;
	u64 limit = min((u64)memblock_get_current_limit(), 0x100000000ULL);

	if (!old || !initial_boot_params || old >= limit || old < memblock_start_of_DRAM())
		return false;
	size = fdt_totalsize(initial_boot_params);
	off = old & ~(phys_addr_t)SECTION_MASK;
	if (limit < (u64)old + size + SECTION_SIZE)
		return false;
	for (x = (phys_addr_t)(limit - off - size) & SECTION_MASK; x + off > old + size; x -= SECTION_SIZE) {
		phys_addr_t new = x + off;

		if (!memblock_is_region_memory(new, size) || !memblock_is_map_memory(new) ||
		    memblock_is_region_reserved(new, size))
			continue;
		memblock_reserve(new, size);
		memcpy(__va(new), initial_boot_params, (size_t)size);
		__atags_pointer = (u32)new;
		remap_fdt_window(new);
		memblock_phys_free(old, size);
		pr_info("OF: fdt: moved from %pa to %pa, out of the lowmem mem_map needs\n", &old, &new);
		return true;
	}
	return false;
}

/*
 * Not in Linux: leave out the top of highmem that a mem_map in lowmem
 * cannot describe (after moving the DTB out of lowmem's way, if that is
 * enough or helps). It runs in bootmem_init, before the zones are sized:
 * by then every lowmem reservation (kernel, initrd, page directory, the
 * device tree's, CMA) and paging_init's page tables are in memblock, so
 * the lowmem left is measured, not guessed; what boot still allocates is
 * MEMMAP_KEEP_MIN and the bitmaps (asm/memmap_limit.h). Only highmem goes,
 * which nothing has mapped and memblock allocates nothing from (its limit
 * is lowmem's), so removing it from memblock (reservations there too, as
 * Linux's memblock_cap_memory_range does for mem=) undoes nothing.
 */
void trim_highmem_to_memmap(void)
{
	unsigned long start_pfn = PFN_DOWN(memblock_start_of_DRAM());
	unsigned long end_pfn = PFN_DOWN(memblock_end_of_DRAM());
	u64 lowmem = memory_in(0, arm_lowmem_limit, false);
	u64 needed = memmap_bytes(start_pfn, end_pfn);
	u64 keep = memmap_lowmem_keep(lowmem, start_pfn, end_pfn);
	u64 largest = largest_free_lowmem();
	u64 avail = largest > keep ? largest - keep : 0;
	unsigned long cut_pfn;
	phys_addr_t cut;
	u64 ram, ignored;

	if (needed <= avail)
		return;
	if (move_fdt_to_top_of_lowmem()) {
		largest = largest_free_lowmem();
		avail = largest > keep ? largest - keep : 0;
		if (needed <= avail)
			return;
	}
	cut_pfn = memmap_fit_end_pfn(start_pfn, end_pfn, avail, PFN_UP(arm_lowmem_limit));
	if (cut_pfn >= end_pfn)
		return;
	cut = PFN_PHYS(cut_pfn);
	ram = memblock_phys_mem_size();
	ignored = memory_in(cut, PHYS_ADDR_MAX, true);

	pr_warn("mem_map: ignoring RAM 0x%016llx-0x%016llx (%lluK): describing all %lluK of RAM needs a %lluK mem_map, but lowmem (%lluK) has %lluK free for it after keeping %lluK for the kernel; %lluK described\n",
		(u64)cut, (u64)memblock_end_of_DRAM() - 1, ignored >> 10, ram >> 10, needed >> 10,
		lowmem >> 10, avail >> 10, keep >> 10, (ram - ignored) >> 10);
	memblock_remove(cut, PHYS_ADDR_MAX - cut);
	memblock_phys_free(cut, PHYS_ADDR_MAX - cut);
	fit_cma_below(cut);
}
