/*
 * The zones and the buddy allocator: free_area_init sizes the zones and
 * builds mem_map, memblock_free_all hands free memory over, alloc_pages and
 * __free_pages split and merge blocks. Follows Linux's mm/page_alloc.c
 * (v6.1); one node, one free list per order (no migrate types, per-CPU
 * lists or reclaim).
 */
#include <linux/cache.h>
#include <linux/cma.h>
#include <linux/fault-inject.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/setup.h>
#include <asm/sections.h>

pg_data_t contig_page_data;
struct page *mem_map;
unsigned long mem_map_pfn_offset;
unsigned long min_low_pfn, max_low_pfn, max_pfn;

static unsigned long totalram, totalhigh;

static const char *const zone_names[MAX_NR_ZONES] = {
#ifdef CONFIG_ZONE_DMA
	[ZONE_DMA] = "DMA",
#endif
	[ZONE_NORMAL] = "Normal",
#ifdef CONFIG_HIGHMEM
	[ZONE_HIGHMEM] = "HighMem",
#endif
};

/* Linux's sysctl_lowmem_reserve_ratio (v6.1): what a zone keeps back from requests that could use a higher one. */
static const unsigned int lowmem_reserve_ratio[MAX_NR_ZONES] = {
#ifdef CONFIG_ZONE_DMA
	[ZONE_DMA] = 256,
#endif
	[ZONE_NORMAL] = 32,
};
static unsigned long lowmem_reserve[MAX_NR_ZONES][MAX_NR_ZONES];

/* Pages to KiB, as Linux's K() in its memory reports. */
#define K(x)			((x) << (PAGE_SHIFT - 10))

unsigned long totalram_pages(void)
{
	return totalram;
}

unsigned long totalhigh_pages(void)
{
	return totalhigh;
}

/* Follows Linux's nr_free_pages (v6.x): free pages in every zone. */
unsigned long nr_free_pages(void)
{
	unsigned long sum = 0;

	for (int z = 0; z < MAX_NR_ZONES; z++)
		sum += contig_page_data.node_zones[z].free_pages;
	return sum;
}

/* Follows Linux's get_num_physpages (v6.x): the node's present pages. */
unsigned long get_num_physpages(void)
{
	return contig_page_data.node_present_pages;
}

/* Follows Linux's pfn_valid for ARM (arch/arm/mm/init.c, v6.x): mapped memory only. */
bool pfn_valid(unsigned long pfn)
{
	phys_addr_t addr = PFN_PHYS(pfn);

	return PFN_DOWN(addr) == pfn && memblock_is_map_memory(addr);
}

/* Pages of memory (memblock.memory, NOMAP included) in [start_pfn, end_pfn). */
static unsigned long present_pages_in_range(unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long present = 0;
	struct memblock_region *r;

	for_each_mem_region(r) {
		unsigned long lo = PFN_UP(r->base), hi = PFN_DOWN(r->base + r->size);

		lo = max(lo, start_pfn);
		hi = min(hi, end_pfn);
		if (lo < hi)
			present += hi - lo;
	}
	return present;
}

/*
 * Follows Linux's zone_batchsize (v6.1): the per-CPU list batch, shown in
 * the "LIFO batch" line: 0.1% of the zone or 1 MiB, whichever is smaller,
 * a quarter of it, then clamped to 2^n - 1 (4.14 capped it at 512 KiB).
 */
static unsigned int zone_batchsize(const struct zone *zone)
{
	unsigned long batch = min(zone->managed_pages >> 10, (unsigned long)(SZ_1M / PAGE_SIZE));

	batch /= 4;
	if (batch < 1)
		batch = 1;
	batch += batch / 2;
	/* rounddown_pow_of_two, minus one */
	return (1u << (31 - __builtin_clz((unsigned int)batch))) - 1;
}

static void init_page(struct page *page, enum zone_type zone)
{
	page->flags = ((unsigned long)zone << ZONES_PGSHIFT) | (1UL << PG_reserved);
	INIT_LIST_HEAD(&page->lru);
	page->private = 0;
	page->mapping = NULL;
	page->index = 0;
	page->page_type = 0;
	page->_refcount = 1;
}

/*
 * Follows Linux's alloc_node_mem_map (v6.1): one struct page per frame
 * from the node's start to its end, both rounded out to the largest buddy
 * block, so a block's buddy always has a struct page.
 */
static void alloc_node_mem_map(pg_data_t *pgdat)
{
	unsigned long start = pgdat->node_start_pfn & ~(MAX_ORDER_NR_PAGES - 1);
	unsigned long end = ALIGN(pgdat->node_start_pfn + pgdat->node_spanned_pages, MAX_ORDER_NR_PAGES);
	unsigned long size = (end - start) * sizeof(struct page);
	struct page *map;

	map = memblock_alloc_try_nid_raw(size, SMP_CACHE_BYTES, MEMBLOCK_LOW_LIMIT,
					 MEMBLOCK_ALLOC_ACCESSIBLE, 0);
	if (!map) {
		memblock_show_free();
		panic("Failed to allocate %ld bytes for node %d memory map\n", (long)size, 0);
	}
	mem_map = map;
	mem_map_pfn_offset = start;
	pgdat->node_mem_map = map + (pgdat->node_start_pfn - start);
	pr_debug("%s: node %d, pgdat %08lx, node_mem_map %08lx\n", __func__, 0,
		 (unsigned long)pgdat, (unsigned long)pgdat->node_mem_map);
	/*
	 * Every frame starts reserved. The zones tile the node, and
	 * free_area_init_core initialises their frames; here only the padding
	 * outside the node, which keeps zone 0 (each frame once: bench/).
	 */
	for (unsigned long pfn = start; pfn < pgdat->node_start_pfn; pfn++)
		init_page(pfn_to_page(pfn), 0);
	for (unsigned long pfn = pgdat->node_start_pfn + pgdat->node_spanned_pages; pfn < end; pfn++)
		init_page(pfn_to_page(pfn), 0);
}

/* Pages set aside in the first zone before the allocator starts: none on ARM. */
#define DMA_RESERVE		0UL

/*
 * Follows Linux's free_area_init_core (v6.1): each zone's free lists and
 * struct pages, the memmap pages it costs (lowmem zones), the first zone's
 * reserve, and a first estimate of its managed pages, with Linux's debug
 * lines in its order.
 */
static void free_area_init_core(pg_data_t *pgdat)
{
	for (int j = 0; j < MAX_NR_ZONES; j++) {
		struct zone *zone = &pgdat->node_zones[j];
		unsigned long freesize = zone->present_pages;
		unsigned long memmap_pages = PAGE_ALIGN(zone->spanned_pages * sizeof(struct page)) >> PAGE_SHIFT;

		if (!is_highmem_idx((enum zone_type)j)) {
			if (freesize >= memmap_pages) {
				freesize -= memmap_pages;
				if (memmap_pages)
					pr_debug("  %s zone: %lu pages used for memmap\n", zone->name, memmap_pages);
			} else {
				pr_warn("  %s zone: %lu memmap pages exceeds freesize %lu\n", zone->name,
					memmap_pages, freesize);
			}
		}
		/*
		 * Linux's dma_reserve: pages an architecture sets aside in the
		 * first zone (set_dma_reserve, which ARM never calls). The line
		 * is printed all the same whenever that zone has pages left.
		 */
		if (j == 0 && freesize > DMA_RESERVE) {
			freesize -= DMA_RESERVE;
			pr_debug("  %s zone: %lu pages reserved\n", zone->name, DMA_RESERVE);
		}
		zone->managed_pages = freesize;
		for (int o = 0; o < MAX_ORDER; o++) {
			INIT_LIST_HEAD(&zone->free_area[o].free_list);
			zone->free_area[o].nr_free = 0;
		}
		zone->free_pages = 0;
		if (populated_zone(zone))
			pr_debug("  %s zone: %lu pages, LIFO batch:%u\n", zone->name, zone->present_pages,
				 zone_batchsize(zone));
		for (unsigned long pfn = zone->zone_start_pfn; pfn < zone_end_pfn(zone); pfn++)
			init_page(pfn_to_page(pfn), (enum zone_type)j);
	}
}

/* Linux's arch_zone_lowest/highest_possible_pfn: each zone's range from the architecture's limits. */
static unsigned long arch_zone_lowest_possible_pfn[MAX_NR_ZONES];
static unsigned long arch_zone_highest_possible_pfn[MAX_NR_ZONES];

/*
 * The sizing half of Linux's free_area_init (v6.1) for one node: the zone
 * ranges from the limits, the node's range from memblock
 * (get_pfn_range_for_nid) and each zone's span and present pages within
 * it (calculate_node_totalpages). No output, no mem_map: the fuzzer
 * (test/fuzz/fuzz_zones.c) checks it on its own. False when there is no
 * memory.
 */
bool calculate_zone_sizes(const unsigned long *max_zone_pfn)
{
	pg_data_t *pgdat = &contig_page_data;
	unsigned long start_pfn = PFN_DOWN(memblock_start_of_DRAM());
	unsigned long node_start = ~0UL, node_end = 0;
	struct memblock_region *r;

	for (int i = 0; i < MAX_NR_ZONES; i++) {
		unsigned long end_pfn = max(max_zone_pfn[i], start_pfn);

		arch_zone_lowest_possible_pfn[i] = start_pfn;
		arch_zone_highest_possible_pfn[i] = end_pfn;
		start_pfn = end_pfn;
	}
	for_each_mem_region(r) {
		unsigned long lo = PFN_UP(r->base), hi = PFN_DOWN(r->base + r->size);

		if (lo >= hi)
			continue;
		node_start = min(node_start, lo);
		node_end = max(node_end, hi);
	}
	if (node_start >= node_end)
		return false;
	pgdat->node_start_pfn = node_start;
	pgdat->node_spanned_pages = node_end - node_start;
	pgdat->node_present_pages = 0;
	for (int i = 0; i < MAX_NR_ZONES; i++) {
		struct zone *zone = &pgdat->node_zones[i];
		unsigned long zs = min(max(arch_zone_lowest_possible_pfn[i], node_start), node_end);
		unsigned long ze = min(max(arch_zone_highest_possible_pfn[i], node_start), node_end);

		zone->name = zone_names[i];
		zone->zone_start_pfn = zs;
		zone->spanned_pages = ze - zs;
		zone->present_pages = present_pages_in_range(zs, ze);
		pgdat->node_present_pages += zone->present_pages;
	}
	return true;
}

/*
 * Follows Linux's free_area_init (v6.1) for one node: the zone sizes
 * (calculate_zone_sizes), their summary (Linux's exact lines), then
 * mem_map and the zones' struct pages.
 */
void free_area_init(unsigned long *max_zone_pfn)
{
	pg_data_t *pgdat = &contig_page_data;
	struct memblock_region *r;
	bool have_memory = calculate_zone_sizes(max_zone_pfn);

	pr_info("Zone ranges:\n");
	for (int i = 0; i < MAX_NR_ZONES; i++) {
		unsigned long lo = arch_zone_lowest_possible_pfn[i], hi = arch_zone_highest_possible_pfn[i];

		if (lo == hi)
			pr_info("  %-8s empty\n", zone_names[i]);
		else
			pr_info("  %-8s [mem %#018llx-%#018llx]\n", zone_names[i],
				(unsigned long long)PFN_PHYS(lo), (unsigned long long)PFN_PHYS(hi) - 1);
	}
	pr_info("Movable zone start for each node\n");
	pr_info("Early memory node ranges\n");
	for_each_mem_region(r) {
		unsigned long lo = PFN_UP(r->base), hi = PFN_DOWN(r->base + r->size);

		if (lo < hi)
			pr_info("  node %3d: [mem %#018llx-%#018llx]\n", 0, (unsigned long long)PFN_PHYS(lo),
				(unsigned long long)PFN_PHYS(hi) - 1);
	}
	if (!have_memory)
		panic("free_area_init: no memory");
	pr_info("Initmem setup node %d [mem %#018llx-%#018llx]\n", 0,
		(unsigned long long)PFN_PHYS(pgdat->node_start_pfn),
		(unsigned long long)PFN_PHYS(pgdat->node_start_pfn + pgdat->node_spanned_pages) - 1);
	pr_debug("On node %d totalpages: %lu\n", 0, pgdat->node_present_pages);
	alloc_node_mem_map(pgdat);
	free_area_init_core(pgdat);
}

static void add_to_free_list(struct page *page, struct zone *zone, unsigned int order)
{
	set_page_flag(page, PG_buddy);
	page->private = order;
	list_add(&page->lru, &zone->free_area[order].free_list);
	zone->free_area[order].nr_free++;
}

static void del_from_free_list(struct page *page, struct zone *zone, unsigned int order)
{
	list_del(&page->lru);
	clear_page_flag(page, PG_buddy);
	page->private = 0;
	zone->free_area[order].nr_free--;
}

/* Follows Linux's page_is_buddy (v6.x): a free block of the same order in the same zone. */
static bool page_is_buddy(const struct page *page, const struct page *buddy, unsigned int order)
{
	return PageBuddy(buddy) && buddy->private == order && page_zonenum(buddy) == page_zonenum(page);
}

/*
 * Follows Linux's __free_one_page (v6.x): merge with the buddy (the block
 * whose frame number differs in bit `order`) as long as it is free and of
 * the same order, then put the result on its free list.
 */
static void __free_one_page(struct page *page, unsigned long pfn, struct zone *zone, unsigned int order)
{
	zone->free_pages += 1UL << order;
	while (order < MAX_ORDER - 1) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);
		struct page *buddy = page + (buddy_pfn - pfn);
		unsigned long combined_pfn = buddy_pfn & pfn;

		/*
		 * A buddy in another pageblock may lie in a hole whose struct
		 * pages free_unused_memmap gave back; only classic builds, whose
		 * pageblock is the largest block, can never meet one.
		 */
		if (order >= pageblock_order && !pfn_valid(buddy_pfn))
			break;
		if (!page_is_buddy(page, buddy, order))
			break;
		del_from_free_list(buddy, zone, order);
		page = page + (combined_pfn - pfn);
		pfn = combined_pfn;
		order++;
	}
	add_to_free_list(page, zone, order);
}

/* Follows Linux's __free_pages_core (v6.x): boot memory enters the allocator. */
static void __free_pages_core(struct page *page, unsigned int order)
{
	unsigned long n = 1UL << order;
	struct zone *zone = page_zone(page);

	for (unsigned long i = 0; i < n; i++) {
		ClearPageReserved(&page[i]);
		page[i]._refcount = 0;
	}
	zone->managed_pages += n;
	totalram += n;
	__free_one_page(page, page_to_pfn(page), zone, order);
}

/* Follows Linux's __free_pages_memory (mm/memblock.c, v6.x): the largest aligned blocks that fit. */
static void __free_pages_memory(unsigned long start, unsigned long end)
{
	while (start < end) {
		unsigned int order = start ? (unsigned int)__builtin_ctzl(start) : MAX_ORDER - 1;

		if (order > MAX_ORDER - 1)
			order = MAX_ORDER - 1;
		while (start + (1UL << order) > end)
			order--;
		__free_pages_core(pfn_to_page(start), order);
		start += 1UL << order;
	}
}

/*
 * Follows Linux's free_memmap (mm/memblock.c, v6.1): the whole pages of
 * mem_map that hold only the struct pages of [start_pfn, end_pfn) go back
 * to memblock, so memblock_free_all hands them to the allocator.
 */
static void free_memmap(unsigned long start_pfn, unsigned long end_pfn)
{
	phys_addr_t pg = PAGE_ALIGN(__pa(pfn_to_page(start_pfn - 1) + 1));
	phys_addr_t pgend = __pa(pfn_to_page(end_pfn - 1) + 1) & PAGE_MASK;

	if (pg < pgend)
		memblock_phys_free(pg, pgend - pg);
}

/*
 * Follows Linux's free_unused_memmap (mm/memblock.c, v6.1, FLATMEM): the
 * struct pages of a hole between two banks describe nothing, so their
 * part of mem_map is given back. The hole is shrunk to whole pageblocks
 * first: the allocator may look at any struct page of a pageblock that
 * holds memory. With LPAE a pageblock (2 MiB) is smaller than the largest
 * buddy block, so __free_one_page checks that a buddy in another
 * pageblock is memory before it reads that buddy's struct page.
 */
static void free_unused_memmap(void)
{
	unsigned long prev_end = 0;
	struct memblock_region *r;

	for_each_mem_region(r) {
		unsigned long start = PFN_UP(r->base), end = PFN_DOWN(r->base + r->size);

		if (start >= end)
			continue;
		start &= ~(pageblock_nr_pages - 1);
		if (prev_end && prev_end < start)
			free_memmap(prev_end, start);
		prev_end = ALIGN(end, pageblock_nr_pages);
	}
}

/*
 * Follows Linux's memblock_free_all (mm/memblock.c, v6.x): the unused
 * parts of mem_map back to memblock (free_unused_memmap), then every free,
 * mappable memblock range of lowmem goes to the buddy allocator (reserved
 * and NOMAP memory, and CMA areas until CMA takes them, stay out); highmem
 * is the architecture's (free_highpages). Then memblock retires.
 */
void memblock_free_all(void)
{
	phys_addr_t start, end;
	u64 i;

	free_unused_memmap();
	for (int z = 0; z < MAX_NR_ZONES; z++)
		contig_page_data.node_zones[z].managed_pages = 0;
	for_each_free_mem_range(i, MEMBLOCK_NONE, &start, &end) {
		unsigned long s = PFN_UP(start), e = min(PFN_DOWN(end), max_low_pfn);

		if (s < e)
			__free_pages_memory(s, e);
	}
	memblock_retire();
}

/* Follows Linux's free_highmem_page (v6.x): one highmem page to the allocator. */
void free_highmem_page(struct page *page)
{
	__free_pages_core(page, 0);
	totalhigh++;
}

/*
 * Not in Linux, whose free_highpages frees highmem page by page: the free
 * highmem frames [start, end) in the largest aligned blocks, as lowmem's
 * are. The free lists come out the same (the buddy allocator merges the
 * single pages into those blocks anyway), at a few instructions a page
 * instead of a merge walk for each (bench/).
 */
void free_highmem_range(unsigned long start, unsigned long end)
{
	if (start >= end)
		return;
	__free_pages_memory(start, end);
	totalhigh += end - start;
}

/* Follows Linux's gfp_zone (v6.x). */
enum zone_type gfp_zone(gfp_t gfp)
{
	if (gfp & __GFP_DMA)
		return OPT_ZONE_DMA;
	if (gfp & __GFP_HIGHMEM)
		return OPT_ZONE_HIGHMEM;
	return ZONE_NORMAL;
}

/*
 * Follows Linux's __zone_watermark_ok (v6.x), without the per-migratetype
 * and high-order-atomic parts: after the allocation the zone must keep more
 * than the mark plus its reserve against requests allowed higher zones,
 * and hold a free block of the order asked.
 */
static bool zone_watermark_ok(const struct zone *zone, unsigned int order, unsigned long mark,
			      enum zone_type highest)
{
	long free = (long)zone->free_pages - (1L << order) + 1;

	if (free <= (long)(mark + lowmem_reserve[zone - contig_page_data.node_zones][highest]))
		return false;
	for (unsigned int o = order; o < MAX_ORDER; o++)
		if (zone->free_area[o].nr_free)
			return true;
	return false;
}

/* Follows Linux's __rmqueue_smallest and expand (v6.x): take the smallest block that fits, give back the halves. */
static struct page *rmqueue(struct zone *zone, unsigned int order)
{
	for (unsigned int current_order = order; current_order < MAX_ORDER; current_order++) {
		struct free_area *area = &zone->free_area[current_order];
		struct page *page;
		unsigned int high = current_order;

		if (list_empty(&area->free_list))
			continue;
		page = list_first_entry(&area->free_list, struct page, lru);
		del_from_free_list(page, zone, current_order);
		while (high > order) {
			high--;
			add_to_free_list(&page[1UL << high], zone, high);
		}
		zone->free_pages -= 1UL << order;
		return page;
	}
	return NULL;
}

static void bad_page(const struct page *page, const char *reason)
{
	pr_alert("BUG: Bad page state in process swapper  pfn:%05lx\n", page_to_pfn(page));
	/* Linux's __dump_page first line (v6.1); there are no mappings, so mapcount 0. */
	pr_alert("page:%p refcount:%d mapcount:%d mapping:%p index:%#lx pfn:%#lx\n", page,
		 page->_refcount, 0, page->mapping, page->index, page_to_pfn(page));
	pr_alert("page dumped because: %s\n", reason);
}

/* The names Linux's %pGg prints for the flags we have, '|'-separated. */
static const char *gfp_names(gfp_t gfp, char *buf, size_t size)
{
	static const struct { gfp_t flag; const char *name; } names[] = {
		{ __GFP_DMA, "GFP_DMA" }, { __GFP_HIGHMEM, "__GFP_HIGHMEM" },
		{ __GFP_ZERO, "__GFP_ZERO" }, { __GFP_NOWARN, "__GFP_NOWARN" },
	};
	int n = scnprintf(buf, size, "GFP_KERNEL");

	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (gfp & names[i].flag)
			n += scnprintf(buf + n, size - (size_t)n, "|%s", names[i].name);
	return buf;
}

/*
 * Follows the parts of Linux's show_free_areas (mm/page_alloc.c, v6.1)
 * that exist here: per zone its free memory against the watermarks and
 * its lowmem reserve, then the free blocks of each order (no migrate
 * types, no per-CPU lists, no page cache).
 */
void show_free_areas(void)
{
	pr_info("Mem-Info:\n");
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		const struct zone *zone = &contig_page_data.node_zones[z];
		char line[16 * MAX_NR_ZONES];
		int n = 0;

		if (!populated_zone(zone))
			continue;
		pr_info("%s free:%lukB min:%lukB low:%lukB high:%lukB present:%lukB managed:%lukB\n",
			zone->name, K(zone->free_pages), K(zone->watermark[WMARK_MIN]),
			K(zone->watermark[WMARK_LOW]), K(zone->watermark[WMARK_HIGH]),
			K(zone->present_pages), K(zone->managed_pages));
		for (int j = 0; j < MAX_NR_ZONES; j++)
			n += scnprintf(line + n, sizeof(line) - (size_t)n, " %lu", lowmem_reserve[z][j]);
		pr_info("lowmem_reserve[]:%s\n", line);
	}
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		const struct zone *zone = &contig_page_data.node_zones[z];
		char line[24 * MAX_ORDER];
		unsigned long total = 0;
		int n = 0;

		if (!populated_zone(zone))
			continue;
		for (int o = 0; o < MAX_ORDER; o++) {
			n += scnprintf(line + n, sizeof(line) - (size_t)n, "%lu*%lukB ",
				       zone->free_area[o].nr_free, K(1UL) << o);
			total += zone->free_area[o].nr_free << o;
		}
		pr_info("%s: %s= %lukB\n", zone->name, line, K(total));
	}
}

/*
 * Follows Linux's warn_alloc (mm/page_alloc.c, v6.1): what was asked, by
 * whom (the backtrace) and what is free.
 */
static void warn_alloc(gfp_t gfp, unsigned int order)
{
	char names[96];

	/* "0x%x": Linux's %#x prints 0 as 0x0, ours as C's 0. */
	pr_warn("swapper: page allocation failure: order:%u, mode:0x%x(%s), nodemask=(null)\n",
		order, gfp, gfp_names(gfp, names, sizeof(names)));
	dump_stack();
	show_free_areas();
}

/*
 * Follows Linux's __alloc_pages (v6.x) without reclaim: each zone the
 * request may use, highest first, above its low watermark; then again
 * down to the min watermark; else a failure message and NULL.
 */
struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	enum zone_type highest = gfp_zone(gfp);

	if (order >= MAX_ORDER) {
		WARN_ON(!(gfp & __GFP_NOWARN));
		return NULL;
	}
	if (should_fail_alloc_page(gfp, order))
		return NULL;
	for (int mark = WMARK_LOW; mark >= WMARK_MIN; mark--) {
		for (int z = (int)highest; z >= 0; z--) {
			struct zone *zone = &contig_page_data.node_zones[z];
			struct page *page;

			if (!zone->managed_pages ||
			    !zone_watermark_ok(zone, order, zone->watermark[mark], highest))
				continue;
			page = rmqueue(zone, order);
			if (!page)
				continue;
			page->_refcount = 1;
			if (gfp & __GFP_ZERO) {
				for (unsigned long i = 0; i < (1UL << order); i++) {
					void *addr = kmap_local_page(&page[i]);

					memset(addr, 0, PAGE_SIZE);
					kunmap_local(addr);
				}
			}
			return page;
		}
	}
	if (!(gfp & __GFP_NOWARN))
		warn_alloc(gfp, order);
	return NULL;
}

/*
 * Follows Linux's __free_pages (v6.x): drop a reference, and free the
 * block with the last one. Freeing a reserved page, a free page (double
 * free) or a misaligned block is reported as Linux's bad_page does, and
 * the page is left alone.
 */
void __free_pages(struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page);

	if (PageReserved(page)) {
		bad_page(page, "PAGE_FLAGS_CHECK_AT_FREE flag(s) set");
		return;
	}
	if (order >= MAX_ORDER || (pfn & ((1UL << order) - 1))) {
		bad_page(page, "free of a block not aligned to its order");
		return;
	}
	if (PageBuddy(page) || page->_refcount <= 0) {
		bad_page(page, "nonzero _refcount or already free (double free?)");
		return;
	}
	if (--page->_refcount)
		return;
	__free_one_page(page, pfn, page_zone(page), order);
}

/*
 * Follows Linux's free_reserved_area (v6.1): each whole page of [start,
 * end) that boot kept reserved is filled with poison (unless it is < 0)
 * and given to the allocator, which now manages it, as boot memory enters
 * it (__free_pages_core).
 */
unsigned long free_reserved_area(void *start, void *end, int poison, const char *s)
{
	unsigned long first = PAGE_ALIGN((unsigned long)start);
	unsigned long last = (unsigned long)end & PAGE_MASK;
	unsigned long pages = 0;

	for (unsigned long addr = first; addr < last; addr += PAGE_SIZE, pages++) {
		struct page *page = virt_to_page(addr);

		if (poison >= 0)
			memset((void *)addr, poison, PAGE_SIZE);
		__free_pages_core(page, 0);
	}
	if (pages && s)
		pr_info("Freeing %s memory: %luK\n", s, K(pages));
	return pages;
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp & ~__GFP_HIGHMEM, order);

	return page ? (unsigned long)page_address(page) : 0;
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		__free_pages(virt_to_page(addr), order);
}

/* Linux's int_sqrt: the largest r with r * r <= x (a binary search). */
static unsigned long int_sqrt(unsigned long long x)
{
	unsigned long long lo = 0, hi = 1ULL << 32;

	while (hi - lo > 1) {
		unsigned long long mid = lo + (hi - lo) / 2;

		if (mid * mid <= x)
			lo = mid;
		else
			hi = mid;
	}
	return (unsigned long)lo;
}

/*
 * Follows Linux's setup_per_zone_lowmem_reserve, init_per_zone_wmark_min
 * and __setup_per_zone_wmarks (v6.1): min_free_kbytes = sqrt(16 x lowmem
 * KiB) within [128, 262144], shared out over the lowmem zones by size;
 * highmem gets 1/1024 of itself within [32, 128] pages; low and high are
 * min plus one and two steps of max(min/4, 0.1% of the zone).
 */
void setup_per_zone_wmarks(void)
{
	struct zone *zones = contig_page_data.node_zones;
	unsigned long lowmem_pages = 0, min_free_kbytes, pages_min;

	for (int i = 0; i < MAX_NR_ZONES; i++) {
		/* A zone with nothing managed has nothing to protect (6.1; 4.14 kept the figures). */
		bool clear = !lowmem_reserve_ratio[i] || !zones[i].managed_pages;
		unsigned long managed = 0;

		for (int j = i + 1; j < MAX_NR_ZONES; j++) {
			managed += zones[j].managed_pages;
			lowmem_reserve[i][j] = clear ? 0 : managed / lowmem_reserve_ratio[i];
		}
		if (!is_highmem_idx((enum zone_type)i))
			lowmem_pages += zones[i].managed_pages;
	}
	min_free_kbytes = int_sqrt((unsigned long long)lowmem_pages * (PAGE_SIZE >> 10) * 16);
	min_free_kbytes = min(max(min_free_kbytes, 128UL), 262144UL);
	pages_min = min_free_kbytes >> (PAGE_SHIFT - 10);

	for (int i = 0; i < MAX_NR_ZONES; i++) {
		struct zone *zone = &zones[i];
		unsigned long long tmp = lowmem_pages ?
			(unsigned long long)pages_min * zone->managed_pages / lowmem_pages : 0;
		unsigned long step;

		if (is_highmem_idx((enum zone_type)i))
			zone->watermark[WMARK_MIN] = min(max(zone->managed_pages / 1024, 32UL), 128UL);
		else
			zone->watermark[WMARK_MIN] = (unsigned long)tmp;
		step = max((unsigned long)(tmp >> 2),
			   (unsigned long)((unsigned long long)zone->managed_pages * 10 / 10000));
		zone->watermark[WMARK_LOW] = zone->watermark[WMARK_MIN] + step;
		zone->watermark[WMARK_HIGH] = zone->watermark[WMARK_MIN] + 2 * step;
	}
}

/* Follows Linux's mem_init_print_info (v6.1), for this kernel's sections. */
void mem_init_print_info(void)
{
	unsigned long physpages = get_num_physpages();
	unsigned long cma = (unsigned long)(cma_total_size() >> PAGE_SHIFT);
	char highmem[32] = "";

	if (IS_ENABLED(CONFIG_HIGHMEM))
		scnprintf(highmem, sizeof(highmem), ", %luK highmem", K(totalhigh));
	pr_info("Memory: %luK/%luK available (%luK kernel code, %luK rwdata, %luK rodata, "
		"%luK init, %luK bss, %luK reserved, %luK cma-reserved%s)\n",
		K(nr_free_pages()), K(physpages),
		(unsigned long)(_etext - _stext) / SZ_1K, (unsigned long)(_edata - _sdata) / SZ_1K,
		(unsigned long)(__end_rodata - __start_rodata) / SZ_1K,
		(unsigned long)(__init_end - __init_begin) / SZ_1K,
		(unsigned long)(__bss_stop - __bss_start) / SZ_1K,
		K(physpages - totalram - cma), K(cma), highmem);
}

/* Follows Linux's frag_show_print (mm/vmstat.c, v6.x): /proc/buddyinfo's lines. */
void show_buddyinfo(void)
{
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		const struct zone *zone = &contig_page_data.node_zones[z];
		char line[32 + 8 * MAX_ORDER];
		int n;

		if (!populated_zone(zone))
			continue;
		n = scnprintf(line, sizeof(line), "Node %d, zone %8s ", 0, zone->name);
		for (int o = 0; o < MAX_ORDER; o++)
			n += scnprintf(line + n, sizeof(line) - (size_t)n, "%6lu ", zone->free_area[o].nr_free);
		pr_info("%s\n", line);
	}
}

/* Follows the first lines of Linux's zoneinfo_show_print (mm/vmstat.c, v6.1): /proc/zoneinfo, in short. */
void show_zoneinfo(void)
{
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		const struct zone *zone = &contig_page_data.node_zones[z];
		char prot[16 * MAX_NR_ZONES];
		int n = 0;

		for (int j = 0; j < MAX_NR_ZONES; j++)
			n += scnprintf(prot + n, sizeof(prot) - (size_t)n, "%s%lu", j ? ", " : "", lowmem_reserve[z][j]);
		pr_info("Node %d, zone %8s\n", 0, zone->name);
		pr_info("  pages free     %lu\n", zone->free_pages);
		pr_info("        min      %lu\n", zone->watermark[WMARK_MIN]);
		pr_info("        low      %lu\n", zone->watermark[WMARK_LOW]);
		pr_info("        high     %lu\n", zone->watermark[WMARK_HIGH]);
		pr_info("        spanned  %lu\n", zone->spanned_pages);
		pr_info("        present  %lu\n", zone->present_pages);
		pr_info("        managed  %lu\n", zone->managed_pages);
		pr_info("        protection: (%s)\n", prot);
	}
}

#ifdef HOST_TEST
/* Host tests: back to before free_area_init. */
void page_alloc_host_reset(void)
{
	memset(&contig_page_data, 0, sizeof(contig_page_data));
	memset(lowmem_reserve, 0, sizeof(lowmem_reserve));
	totalram = totalhigh = 0;
	mem_map = NULL;
}
#endif
