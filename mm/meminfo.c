/*
 * /proc/meminfo on the console: the lines of Linux 6.1's
 * meminfo_proc_show (fs/proc/meminfo.c) that this kernel has something to
 * count for, in its order and format, from the allocator's own counters.
 * `meminfo` on the command line prints them from mm_initcalls.
 *
 * As Linux, nothing is drained first: pages on the per-CPU lists are not
 * in NR_FREE_PAGES, so MemFree does not count them.
 */
#include <linux/cma.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>

/* Follows Linux's global_zone_page_state (v6.1): a zone counter summed over the zones. */
static unsigned long global_zone_page_state(enum zone_stat_item item)
{
	unsigned long sum = 0;

	for (int z = 0; z < MAX_NR_ZONES; z++)
		sum += zone_page_state(&contig_page_data.node_zones[z], item);
	return sum;
}

/* Follows Linux's nr_free_highpages (v6.1): free pages of the highmem zones. */
static unsigned long nr_free_highpages(void)
{
	unsigned long sum = 0;

	for (int z = 0; z < MAX_NR_ZONES; z++)
		if (is_highmem_idx((enum zone_type)z))
			sum += zone_page_state(&contig_page_data.node_zones[z], NR_FREE_PAGES);
	return sum;
}

/*
 * Kernel memory that reclaim could give back (Linux's
 * NR_SLAB_RECLAIMABLE_B plus NR_KERNEL_MISC_RECLAIMABLE, which nothing
 * here counts): the slab caches made with SLAB_RECLAIM_ACCOUNT.
 */
static unsigned long reclaimable_kernel_pages(void)
{
	return global_node_page_state_pages(NR_SLAB_RECLAIMABLE_B);
}

/*
 * Follows Linux's si_mem_available (mm/page_alloc.c, v6.1): free pages
 * less what the watermarks and lowmem_reserve keep back
 * (totalreserve_pages), plus the part of the reclaimable kernel memory
 * that the low watermarks do not keep. Linux also adds half the page
 * cache (there is none here).
 */
long si_mem_available(void)
{
	unsigned long wmark_low = 0, reclaimable = reclaimable_kernel_pages();
	long available;

	for (int z = 0; z < MAX_NR_ZONES; z++)
		wmark_low += contig_page_data.node_zones[z].watermark[WMARK_LOW];
	available = (long)global_zone_page_state(NR_FREE_PAGES) - (long)totalreserve_pages;
	available += (long)(reclaimable - min(reclaimable / 2, wmark_low));
	return available < 0 ? 0 : available;
}

/* One line, as Linux's show_val_kb: the name padded to 16, the figure in kB right-aligned in 8. */
static void show_val_kb(const char *name, unsigned long pages)
{
	pr_info("%-16s%8lu kB\n", name, pages << (PAGE_SHIFT - 10));
}

/*
 * Follows Linux's meminfo_proc_show (fs/proc/meminfo.c, v6.1). The lines
 * it prints for page cache, LRU lists, swap, kernel stacks, user page
 * tables, commit accounting and huge pages have
 * nothing here to count and are left out (docs/page-allocator.md lists
 * them); HighTotal to LowFree need CONFIG_HIGHMEM, as in Linux.
 */
void show_meminfo(void)
{
	unsigned long totalram = totalram_pages(), freeram = global_zone_page_state(NR_FREE_PAGES);
	unsigned long sreclaimable = global_node_page_state_pages(NR_SLAB_RECLAIMABLE_B);
	unsigned long sunreclaim = global_node_page_state_pages(NR_SLAB_UNRECLAIMABLE_B);
	struct vmalloc_meminfo vmi;

	show_val_kb("MemTotal:", totalram);
	show_val_kb("MemFree:", freeram);
	show_val_kb("MemAvailable:", (unsigned long)si_mem_available());
	if (IS_ENABLED(CONFIG_HIGHMEM)) {
		unsigned long totalhigh = totalhigh_pages(), freehigh = nr_free_highpages();

		show_val_kb("HighTotal:", totalhigh);
		show_val_kb("HighFree:", freehigh);
		show_val_kb("LowTotal:", totalram - totalhigh);
		show_val_kb("LowFree:", freeram - freehigh);
	}
	show_val_kb("KReclaimable:", reclaimable_kernel_pages());
	show_val_kb("Slab:", sreclaimable + sunreclaim);
	show_val_kb("SReclaimable:", sreclaimable);
	show_val_kb("SUnreclaim:", sunreclaim);
	vmalloc_meminfo(&vmi);
	pr_info("%-16s%8lu kB\n", "VmallocTotal:", vmi.total_kb);
	pr_info("%-16s%8lu kB\n", "VmallocUsed:", vmi.used_kb);
	pr_info("%-16s%8lu kB\n", "VmallocChunk:", vmi.chunk_kb);
	show_val_kb("Percpu:", pcpu_nr_pages());
	show_val_kb("CmaTotal:", (unsigned long)(cma_total_size() >> PAGE_SHIFT));
	show_val_kb("CmaFree:", global_zone_page_state(NR_FREE_CMA_PAGES));
}
