/*
 * The per-CPU page lists: each CPU keeps, per zone, lists of free blocks
 * of orders 0 to PAGE_ALLOC_COSTLY_ORDER (one list per order and per
 * migrate type), so that most allocations and frees of small blocks touch
 * neither the buddy lists nor the zone's counters. The lists are refilled
 * from the buddy allocator a batch at a time (rmqueue_bulk) and give a
 * batch back when a free takes them to their high mark
 * (free_pcppages_bulk). Follows Linux's mm/page_alloc.c (v6.1); the sizes
 * are in mm/pcp_sizes.c, and taking a block from a list or putting one on
 * it is inline in mm/pcp.h. One CPU today, with no interrupts that allocate:
 * Linux's pcp lock and zone lock have nothing to exclude.
 */
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/string.h>
#include <asm/smp.h>
#include "internal.h"
#include "pcp.h"

/* Linux's boot pageset sizes: a freed page goes straight back, a request takes one page. */
#define BOOT_PAGESET_HIGH	0
#define BOOT_PAGESET_BATCH	1

/* Linux's boot_pageset: what every zone uses until setup_per_cpu_pageset. */
static DEFINE_PER_CPU(struct per_cpu_pages, boot_pageset);
BUILD_BUG_ON(PAGE_ALLOC_COSTLY_ORDER >= MAX_ORDER);

/* Follows Linux's pindex_to_order (v6.1, no THP list). */
static inline unsigned int pindex_to_order(unsigned int pindex)
{
	return pindex / MIGRATE_PCPTYPES;
}

/* Follows Linux's per_cpu_pages_init (v6.1): empty lists with the boot pageset's sizes. */
static void per_cpu_pages_init(struct per_cpu_pages *pcp)
{
	memset(pcp, 0, sizeof(*pcp));
	for (unsigned int i = 0; i < NR_PCP_LISTS; i++)
		INIT_LIST_HEAD(&pcp->lists[i]);
	pcp->high = BOOT_PAGESET_HIGH;
	pcp->batch = BOOT_PAGESET_BATCH;
}

/*
 * Follows the boot pageset's initialisation in Linux's
 * build_all_zonelists_init (v6.1): every possible CPU's instance gets
 * empty lists. It must come after setup_per_cpu_areas: the lists point at
 * themselves, so lists made in the template would be copied pointing back
 * into it.
 */
void boot_pageset_init(void)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		per_cpu_pages_init(per_cpu_ptr(&boot_pageset, cpu));
}

/*
 * Follows Linux's zone_pcp_init (v6.1): the zone starts on the boot
 * pageset, whose high of 0 hands every freed page straight back, so the
 * one set of lists can serve every zone.
 */
void zone_pcp_init(struct zone *zone)
{
	zone->per_cpu_pageset = &boot_pageset;
	zone->pageset_high = BOOT_PAGESET_HIGH;
	zone->pageset_batch = BOOT_PAGESET_BATCH;
}

/* Follows Linux's __zone_set_pageset_high_and_batch (v6.1): @high and @batch to every CPU's lists of @zone. */
static void __zone_set_pageset_high_and_batch(struct zone *zone, int high, int batch)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		struct per_cpu_pages *pcp = per_cpu_ptr(zone->per_cpu_pageset, cpu);

		WRITE_ONCE(pcp->batch, batch);
		WRITE_ONCE(pcp->high, high);
	}
}

/*
 * Follows Linux's zone_set_pageset_high_and_batch (v6.1): the sizes for
 * the zone's current managed pages and low watermark, given to every
 * CPU's lists when they changed.
 */
static void zone_set_pageset_high_and_batch(struct zone *zone, int cpu_online)
{
	int new_batch = max(1, zone_batchsize(zone));
	int new_high = zone_highsize(zone, new_batch, cpu_online);

	if (zone->pageset_high == new_high && zone->pageset_batch == new_batch)
		return;
	zone->pageset_high = new_high;
	zone->pageset_batch = new_batch;
	__zone_set_pageset_high_and_batch(zone, new_high, new_batch);
}

/*
 * Follows Linux's zone_pcp_disable (v6.1): the zone's lists keep nothing
 * (high 0, refills of one block) until zone_pcp_enable, and are emptied
 * now. Linux's memory offlining uses it so that no free page waits where
 * the buddy allocator cannot see it; a caller that must control exactly
 * which blocks it gets does too, since a bulk refill takes more than one.
 * Linux also holds pcp_batch_high_lock in between: with one CPU and no
 * preemption nothing can change the sizes meanwhile.
 */
void zone_pcp_disable(struct zone *zone)
{
	if (zone->per_cpu_pageset == &boot_pageset)
		return;
	__zone_set_pageset_high_and_batch(zone, 0, 1);
	drain_all_pages(zone);
}

/* Follows Linux's zone_pcp_enable (v6.1): the zone's lists get their sizes back. */
void zone_pcp_enable(struct zone *zone)
{
	if (zone->per_cpu_pageset == &boot_pageset)
		return;
	__zone_set_pageset_high_and_batch(zone, zone->pageset_high, zone->pageset_batch);
}

/*
 * Follows Linux's setup_per_cpu_pageset and setup_zone_pageset (v6.1):
 * each populated zone leaves the boot pageset for lists of its own, from
 * the per-CPU allocator, sized for it.
 */
void setup_per_cpu_pageset(void)
{
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &contig_page_data.node_zones[z];
		struct per_cpu_pages __percpu *pageset;
		unsigned int cpu;

		if (!populated_zone(zone))
			continue;
		/* Linux does not check: the first chunk always has room for these at boot. */
		pageset = alloc_percpu(struct per_cpu_pages);
		if (!pageset)
			panic("setup_zone_pageset: no per-CPU memory for zone %s", zone->name);
		zone->per_cpu_pageset = pageset;
		for_each_possible_cpu(cpu)
			per_cpu_pages_init(per_cpu_ptr(zone->per_cpu_pageset, cpu));
		zone_set_pageset_high_and_batch(zone, 0);
	}
}

/*
 * Follows Linux's zone_pcp_update (v6.1), called when the watermarks
 * change. Unlike Linux, a zone still on the boot pageset keeps it: the
 * boot pageset is shared by every zone and must keep its high of 0 (in
 * Linux the unpopulated zones write their sizes into it).
 */
void zone_pcp_update(struct zone *zone, int cpu_online)
{
	if (zone->per_cpu_pageset == &boot_pageset)
		return;
	zone_set_pageset_high_and_batch(zone, cpu_online);
}

/*
 * Follows Linux's page_alloc_cpu_online (v6.1, the CPUHP_PAGE_ALLOC step,
 * run before the CPU starts): the lists' sizes count one more CPU.
 */
void page_alloc_cpu_online(unsigned int cpu)
{
	(void)cpu;
	for (int z = 0; z < MAX_NR_ZONES; z++)
		if (populated_zone(&contig_page_data.node_zones[z]))
			zone_pcp_update(&contig_page_data.node_zones[z], 1);
}

/* Follows Linux's page_alloc_cpu_dead (v6.1): the CPU did not come, the sizes as before. */
void page_alloc_cpu_dead(unsigned int cpu)
{
	(void)cpu;
	for (int z = 0; z < MAX_NR_ZONES; z++)
		if (populated_zone(&contig_page_data.node_zones[z]))
			zone_pcp_update(&contig_page_data.node_zones[z], 0);
}

/*
 * Follows Linux's rmqueue_bulk (v6.1): up to @count blocks of @order from
 * the buddy allocator to the tail of @list, in the order expand() splits
 * them (rising addresses); they leave NR_FREE_PAGES. Returns how many.
 */
static int rmqueue_bulk(struct zone *zone, unsigned int order, int count, struct list_head *list,
			int migratetype, unsigned int alloc_flags)
{
	unsigned long flags;
	int i;

	zone_lock(zone, flags);
	for (i = 0; i < count; i++) {
		struct page *page = __rmqueue(zone, order, migratetype, alloc_flags);

		if (unlikely(!page))
			break;
		list_add_tail(&page->lru, list);
		if (is_migrate_cma(get_pcppage_migratetype(page)))
			__mod_zone_page_state(zone, NR_FREE_CMA_PAGES, -(1L << order));
	}
	__mod_zone_page_state(zone, NR_FREE_PAGES, -((long)i << order));
	zone_unlock(zone, flags);
	return i;
}

/*
 * The refill half of Linux's __rmqueue_pcplist (v6.1): the batch scaled
 * down by the order (at least two blocks), except for a batch of 1, which
 * keeps no pages on the lists (the boot pageset, tiny zones); then the
 * first block of the list, as the inline half takes it (mm/pcp.h), or
 * NULL when the buddy allocator had none. Out of line, so that taking a
 * block from a full list saves no more registers than it uses.
 */
__noinline struct page *pcp_refill(struct zone *zone, unsigned int order, int migratetype, unsigned int alloc_flags,
				   struct per_cpu_pages *pcp, struct list_head *list)
{
	int batch = READ_ONCE(pcp->batch);
	struct page *page;

	if (batch > 1)
		batch = max(batch >> order, 2);
	pcp->count += rmqueue_bulk(zone, order, batch, list, migratetype, alloc_flags) << order;
	if (unlikely(list_empty(list)))
		return NULL;
	page = list_first_entry(list, struct page, lru);
	list_del(&page->lru);
	pcp->count -= 1 << order;
	return page;
}

/*
 * Follows Linux's free_pcppages_bulk (v6.1): @count pages back to the
 * buddy allocator, the oldest first (the lists' tails), taking whole lists
 * in turn from @pindex on (the list just freed to goes first). A block keeps the migrate type it was freed with, unless the
 * zone has isolated pageblocks: its block may have been isolated since,
 * and an isolated block's pages must reach its isolated free list.
 */
static void free_pcppages_bulk(struct zone *zone, int count, struct per_cpu_pages *pcp,
			       unsigned int first_pindex)
{
	int min_pindex = 0, max_pindex = NR_PCP_LISTS - 1, pindex = (int)first_pindex - 1;
	bool isolated_pageblocks;
	unsigned long flags;

	count = min(pcp->count, count);
	zone_lock(zone, flags);
	isolated_pageblocks = has_isolate_pageblock(zone);
	while (count > 0) {
		struct list_head *list;
		unsigned int order;
		int nr_pages;

		/* The next non-empty list, narrowing the range as empty ends are found. */
		for (;;) {
			if (++pindex > max_pindex)
				pindex = min_pindex;
			list = &pcp->lists[pindex];
			if (!list_empty(list))
				break;
			if (pindex == max_pindex)
				max_pindex--;
			if (pindex == min_pindex)
				min_pindex++;
		}
		order = pindex_to_order((unsigned int)pindex);
		nr_pages = 1 << order;
		do {
			struct page *page = list_last_entry(list, struct page, lru);
			int mt = get_pcppage_migratetype(page);

			list_del(&page->lru);
			count -= nr_pages;
			pcp->count -= nr_pages;
			if (unlikely(isolated_pageblocks))
				mt = get_pfnblock_migratetype(page, page_to_pfn(page));
			__free_one_page(page, page_to_pfn(page), zone, order, mt);
		} while (count > 0 && !list_empty(list));
	}
	zone_unlock(zone, flags);
}

/*
 * Follows Linux's nr_pcp_free (v6.1): how many pages a free that reached
 * the high mark gives back. A batch, doubled for each further free without
 * an allocation in between (free_factor), but never so many that fewer
 * than a batch stay; everything when high-order blocks pile up; one page
 * when the lists are too small for a batch (the boot pageset).
 */
static int nr_pcp_free(struct per_cpu_pages *pcp, int high, int batch, bool free_high)
{
	int min_nr_free, max_nr_free;

	if (unlikely(free_high))
		return pcp->count;
	if (unlikely(high < batch))
		return 1;
	min_nr_free = batch;
	max_nr_free = high - batch;
	batch <<= pcp->free_factor;
	if (batch < max_nr_free)
		pcp->free_factor++;
	return min(max(batch, min_nr_free), max_nr_free);
}

/* What a free at the high mark gives back, out of the free path's line (it is the rare case). */
__noinline void pcp_give_back(struct zone *zone, struct per_cpu_pages *pcp, int high, bool free_high,
			      unsigned int pindex)
{
	free_pcppages_bulk(zone, nr_pcp_free(pcp, high, READ_ONCE(pcp->batch), free_high), pcp, pindex);
}

/* Follows Linux's drain_pages_zone (v6.1): every page of @cpu's lists for @zone back to the buddy allocator. */
static void drain_pages_zone(unsigned int cpu, struct zone *zone)
{
	struct per_cpu_pages *pcp = per_cpu_ptr(zone->per_cpu_pageset, cpu);

	if (pcp->count)
		free_pcppages_bulk(zone, pcp->count, pcp, 0);
}

/* Follows Linux's drain_local_pages (v6.1): this CPU's lists, of @zone or (NULL) of every zone. */
void drain_local_pages(struct zone *zone)
{
	unsigned int cpu = smp_processor_id();

	if (zone) {
		drain_pages_zone(cpu, zone);
		return;
	}
	for (int z = 0; z < MAX_NR_ZONES; z++)
		if (populated_zone(&contig_page_data.node_zones[z]))
			drain_pages_zone(cpu, &contig_page_data.node_zones[z]);
}

static void drain_local_pages_call(void *zone)
{
	drain_local_pages(zone);
}

/*
 * Follows Linux's drain_all_pages (v6.1): every CPU's lists. A CPU's
 * lists are touched by that CPU alone (the fast paths take no lock), so
 * each other CPU drains its own: an idle one is asked to
 * (smp_call_on_cpu_async) and waited for; one that is busy keeps its
 * pages, where Linux 6.1 would take its pcp->lock and drain them.
 */
void drain_all_pages(struct zone *zone)
{
	unsigned int cpu, self = smp_processor_id();
	unsigned long asked = 0;

	for_each_online_cpu(cpu)
		if (cpu != self && !smp_call_on_cpu_async(cpu, drain_local_pages_call, zone))
			asked |= 1UL << cpu;
	drain_local_pages(zone);
	for_each_online_cpu(cpu)
		if (asked & (1UL << cpu))
			smp_call_wait(cpu);
}

/*
 * The pagesets part of Linux's zoneinfo_show_print (mm/vmstat.c, v6.1)
 * for a populated zone: each online CPU's lists and its counters'
 * threshold. Our zone counters are exact (no per-CPU deltas to fold), so
 * the threshold is what Linux would use, printed for comparison.
 */
void show_zone_pagesets(const struct zone *zone)
{
	unsigned int cpu;

	pr_info("  pagesets\n");
	for_each_online_cpu(cpu) {
		const struct per_cpu_pages *pcp = per_cpu_ptr(zone->per_cpu_pageset, cpu);

		pr_info("    cpu: %u\n", cpu);
		pr_info("              count: %d\n", pcp->count);
		pr_info("              high:  %d\n", pcp->high);
		pr_info("              batch: %d\n", pcp->batch);
		pr_info("  vm stats threshold: %d\n", calculate_normal_threshold(zone));
	}
}
