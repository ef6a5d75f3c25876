/*
 * meminfo: what /proc/meminfo's MemAvailable rests on, against a model
 * worked out here from each zone's managed pages alone, with Linux 6.1's
 * rules (mm/page_alloc.c): min_free_kbytes = sqrt(16 x lowmem KiB) within
 * [128, 262144]; a lowmem zone's min its share of it by managed pages, a
 * highmem zone's managed/1024 within [32, 128]; high = min + 2 x
 * max(share/4, managed x 10/10000); lowmem_reserve[j] of zone i = the
 * managed pages of zones i+1..j over the zone's ratio (256 DMA, 32
 * Normal, none for highmem); each zone reserves its largest
 * lowmem_reserve plus its high watermark, at most its managed pages
 * (totalreserve_pages); MemAvailable = free - reserve + the reclaimable
 * slab pages less the smaller of their half and the zones' low
 * watermarks (low = min + step), never below 0 (no page cache here).
 *
 * The watermarks are set once, in the memory initcalls, as Linux's
 * postcore init_per_zone_wmark_min; free_initmem hands the init sections'
 * pages to their zone after that, so the model takes them back out.
 */
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/vmstat.h>
#include <asm/sections.h>
#include <ktest.h>

static unsigned long long model_sqrt(unsigned long long x)
{
	unsigned long long r = 0;

	while ((r + 1) * (r + 1) <= x)
		r++;
	return r;
}

static unsigned long model_ratio(int z)
{
	if (is_highmem_idx((enum zone_type)z))
		return 0;
#ifdef CONFIG_ZONE_DMA
	if (z == ZONE_DMA)
		return 256;
#endif
	return 32;
}

/* A zone's managed pages when the watermarks were set: without the init pages free_initmem gave it later. */
static unsigned long long managed_at_setup(int z)
{
	const struct zone *zone = &contig_page_data.node_zones[z];
	unsigned long first = PFN_UP(__pa(__init_begin)), end = PFN_DOWN(__pa(__init_end));
	unsigned long long managed = zone->managed_pages;

	if (end > first && zone_spans_pfn(zone, first))
		managed -= end - first;
	return managed;
}

/* The zones' low watermarks as the model has them (set by model_totalreserve). */
static unsigned long model_low_total;

/* The model's totalreserve_pages, from the zones' managed pages only. */
static unsigned long model_totalreserve(void)
{
	unsigned long long lowmem = 0, min_kbytes, pages_min;
	unsigned long total = 0;

	for (int z = 0; z < MAX_NR_ZONES; z++)
		if (!is_highmem_idx((enum zone_type)z))
			lowmem += managed_at_setup(z);
	min_kbytes = model_sqrt(lowmem * (PAGE_SIZE / 1024) * 16);
	if (min_kbytes < 128)
		min_kbytes = 128;
	if (min_kbytes > 262144)
		min_kbytes = 262144;
	pages_min = min_kbytes / (PAGE_SIZE / 1024);
	model_low_total = 0;
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		unsigned long long managed = managed_at_setup(z);
		unsigned long long share = lowmem ? pages_min * managed / lowmem : 0, min, step, high;
		unsigned long long reserve = 0, above = 0;

		if (is_highmem_idx((enum zone_type)z))
			min = managed / 1024 < 32 ? 32 : managed / 1024 > 128 ? 128 : managed / 1024;
		else
			min = share;
		step = share / 4 > managed * 10 / 10000 ? share / 4 : managed * 10 / 10000;
		high = min + 2 * step;
		if (managed)
			model_low_total += (unsigned long)(min + step);
		for (int j = z + 1; j < MAX_NR_ZONES; j++) {
			above += managed_at_setup(j);
			if (model_ratio(z) && managed && above / model_ratio(z) > reserve)
				reserve = above / model_ratio(z);
		}
		reserve += high;
		total += (unsigned long)(reserve < managed ? reserve : managed);
	}
	return total;
}

static long model_available(void)
{
	long available = (long)nr_free_pages() - (long)model_totalreserve();
	unsigned long reclaimable = global_node_page_state_pages(NR_SLAB_RECLAIMABLE_B);

	available += (long)(reclaimable - min(reclaimable / 2, model_low_total));

	return available < 0 ? 0 : available;
}

/* totalreserve_pages and MemAvailable as the model has them. */
static void mem_available_model(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, totalreserve_pages, model_totalreserve());
	KTEST_EXPECT_GT(t, totalreserve_pages, 0);
	KTEST_EXPECT_EQ(t, si_mem_available(), model_available());
	KTEST_EXPECT_LE(t, si_mem_available(), (long)nr_free_pages());
}

/*
 * MemAvailable follows the free pages: an order-4 block (past the
 * per-CPU lists' orders, so it comes from and goes back to the buddy
 * lists) takes 16 pages from it, and its free gives them back.
 */
static void mem_available_follows_free_pages(struct ktest *t)
{
	long before, during;
	struct page *page;

	drain_all_pages(NULL);
	before = si_mem_available();
	KTEST_EXPECT_EQ(t, before, model_available());
	page = alloc_pages(GFP_KERNEL, 4);
	KTEST_ASSERT_TRUE(t, page != NULL);
	during = si_mem_available();
	KTEST_EXPECT_EQ(t, during, model_available());
	if (before >= 16)
		KTEST_EXPECT_EQ(t, during, before - 16);
	__free_pages(page, 4);
	KTEST_EXPECT_EQ(t, si_mem_available(), before);
}

static const struct ktest_case meminfo_cases[] = {
	KTEST_CASE(mem_available_model),
	KTEST_CASE(mem_available_follows_free_pages),
	{}
};
KTEST_SUITE(meminfo, meminfo_cases);
