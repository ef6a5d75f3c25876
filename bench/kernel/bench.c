/*
 * In-kernel micro-benchmarks, in instructions (PMCCNTR under qemu -icount
 * shift=0,sleep=off: one per instruction, the same on every machine).
 * `bench` on the command line runs them at the end of boot; bench/run
 * collects the lines. Not tests: nothing here fails, the budgets are
 * printed beside the figures by bench/run.
 *
 *  - alloc_pages + __free_pages pairs for each order 0..10, steady (the
 *    free lists as mem_init left them) and fragmented (every other page
 *    of a few MiB of lowmem held, so small blocks are plentiful and large
 *    ones must come from further away);
 *  - the per-CPU lists' refill (a batch from the buddy allocator) and
 *    drain (everything back), per page moved; orders 0 to 3 of the
 *    steady pairs above go through the lists;
 *  - kmap + kunmap of a highmem page, kmap_local_page + kunmap_local;
 *  - vmalloc(16 KiB) + vfree (the lazy purges they cause included),
 *    ioremap + iounmap of one page, and alloc_vmap_area where 10, 100
 *    and 1000 busy areas are separated by free holes too small for the
 *    request, so the search must prune by subtree_max_size;
 *  - cma_alloc of 4 MiB of the default area while it is free, per page;
 *    and alloc_contig_range over the same 4 MiB while movable pages of a
 *    bench owner fill it, per page moved (isolation, a new page, the 4 KiB
 *    copy, the owner's update, and taking the range);
 *  - SLUB: kmalloc(64) + kfree, kmem_cache_alloc + kmem_cache_free of a
 *    256-byte cache, kmalloc(8192) + kfree (the largest kmalloc cache)
 *    and kmalloc(16 KiB) + kfree (kmalloc_large: compound pages); and for
 *    each kmalloc class the bytes a slab spends per object beyond the
 *    object (padding and leftover: struct slab lives in struct page);
 *  - with more than one CPU online: the order-0 pair and the kmalloc(64)
 *    pair on every CPU at once, per pair of any CPU (bench_contended);
 *  - anti-fragmentation: a fixed-seed storm of unmovable and movable
 *    page allocations in lowmem, then the movable pages freed: the free
 *    pageblocks left, with mobility grouping as the boot has it
 *    (page_alloc.grouping=off turns it off; bench/run boots both).
 */
#include <linux/cma.h>
#include <linux/dma-map-ops.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <asm/bootstats.h>
#include <asm/io.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include "../../mm/slab.h"

#define BENCH_ORDERS	11
#define FRAGMENT_PAGES	2048	/* 8 MiB of order-0 pages, every other one kept */

static bool bench_enabled;
early_param_flag("bench", bench_enabled);

/* Instructions per alloc+free pair of @order, over @rounds pairs. */
static u32 pair_cost(gfp_t gfp, unsigned int order, unsigned int rounds)
{
	u32 start = read_pmccntr();

	for (unsigned int i = 0; i < rounds; i++) {
		struct page *page = alloc_pages(gfp | __GFP_NOWARN, order);

		if (!page)
			return 0;
		__free_pages(page, order);
	}
	return (read_pmccntr() - start) / rounds;
}

static void bench_buddy(const char *state)
{
	for (unsigned int order = 0; order < BENCH_ORDERS; order++)
		pr_info("bench: alloc_pages+__free_pages %s order %2u: %6u instructions per pair\n", state, order,
			pair_cost(GFP_KERNEL, order, order < 8 ? 256 : 32));
}

/* Hold every other page of FRAGMENT_PAGES order-0 allocations; give the rest back. */
static void fragment(struct list_head *held)
{
	static struct page *pages[FRAGMENT_PAGES];
	unsigned int n = 0;

	while (n < FRAGMENT_PAGES && (pages[n] = alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0)))
		n++;
	for (unsigned int i = 0; i < n; i++) {
		if (i & 1)
			__free_pages(pages[i], 0);
		else
			list_add(&pages[i]->lru, held);
	}
}

#define PCP_ROUNDS	32

/*
 * The per-CPU lists of lowmem: a request on drained lists refills a whole
 * batch (the request's own work included, spread over the batch); a drain
 * gives back what frees left on the lists, up to just under high.
 */
static void bench_pcp(void)
{
	struct zone *zone = &contig_page_data.node_zones[ZONE_NORMAL];
	struct per_cpu_pages *pcp = this_cpu_ptr(zone->per_cpu_pageset);
	u32 refill = 0, drain = 0, start;
	unsigned long drained = 0;
	unsigned int n = (unsigned int)pcp->high - 1;

	for (unsigned int r = 0; r < PCP_ROUNDS; r++) {
		struct page *page;

		drain_all_pages(zone);
		start = read_pmccntr();
		page = alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0);
		refill += read_pmccntr() - start;
		if (!page)
			return;
		__free_pages(page, 0);
	}
	pr_info("bench: pcp refill, a batch of %d: %u instructions per page\n", pcp->batch,
		refill / (PCP_ROUNDS * (unsigned int)pcp->batch));
	for (unsigned int r = 0; r < PCP_ROUNDS; r++) {
		struct list_head held;
		struct page *page;

		drain_all_pages(zone);
		INIT_LIST_HEAD(&held);
		/* Held through their lru: no array in the image's bss. */
		for (unsigned int got = 0; got < n && (page = alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0)); got++)
			list_add_tail(&page->lru, &held);
		while (!list_empty(&held)) {
			page = list_first_entry(&held, struct page, lru);
			list_del(&page->lru);
			__free_pages(page, 0);
		}
		drained += (unsigned long)pcp->count;
		start = read_pmccntr();
		drain_all_pages(zone);
		drain += read_pmccntr() - start;
	}
	if (drained)
		pr_info("bench: pcp drain, %lu pages: %lu instructions per page\n", drained / PCP_ROUNDS,
			drain / drained);
}

#define STORM_PAGES	16384	/* 64 MiB of lowmem */
#define STORM_SEED	0x2545f491u

/* Free blocks of a pageblock or more in the lowmem zones, in pageblocks. */
static unsigned long free_lowmem_pageblocks(void)
{
	unsigned long n = 0;

	for (int z = 0; z < MAX_NR_ZONES; z++) {
		const struct zone *zone = &contig_page_data.node_zones[z];

		if (is_highmem_idx((enum zone_type)z))
			continue;
		for (unsigned int o = pageblock_order; o < MAX_ORDER; o++)
			n += zone->free_area[o].nr_free << (o - pageblock_order);
	}
	return n;
}

/*
 * One page in four unmovable (GFP_KERNEL), the rest movable (__GFP_MOVABLE,
 * lowmem too, so both kinds compete for the same zone), in an order drawn
 * from a fixed seed; then the movable pages go back. Unmovable pages are
 * what fragments memory: with grouping they gather in the pageblocks they
 * claimed, without it they lie all over the blocks the storm touched.
 */
static void bench_fragmentation(void)
{
	struct list_head movable, unmovable;
	unsigned long before, after;
	unsigned int seed = STORM_SEED, n_unmovable = 0, n_movable = 0;

	/* Pages parked on the per-CPU lists are in no free block: counted after a drain. */
	drain_all_pages(NULL);
	before = free_lowmem_pageblocks();
	INIT_LIST_HEAD(&movable);
	INIT_LIST_HEAD(&unmovable);
	for (unsigned int i = 0; i < STORM_PAGES; i++) {
		bool pinned;
		struct page *page;

		seed = seed * 1103515245u + 12345u;
		pinned = ((seed >> 16) & 3) == 0;
		page = alloc_pages((pinned ? GFP_KERNEL : __GFP_MOVABLE) | __GFP_NOWARN, 0);
		if (!page)
			break;
		list_add(&page->lru, pinned ? &unmovable : &movable);
		if (pinned)
			n_unmovable++;
		else
			n_movable++;
	}
	while (!list_empty(&movable)) {
		struct page *page = list_first_entry(&movable, struct page, lru);

		list_del(&page->lru);
		__free_pages(page, 0);
	}
	drain_all_pages(NULL);
	after = free_lowmem_pageblocks();
	pr_info("bench: anti-fragmentation, grouping %s: %lu free pageblocks of %lu left after %u unmovable and %u movable pages, movable freed\n",
		page_group_by_mobility_disabled ? "off" : "on", after, before, n_unmovable, n_movable);
	while (!list_empty(&unmovable)) {
		struct page *page = list_first_entry(&unmovable, struct page, lru);

		list_del(&page->lru);
		__free_pages(page, 0);
	}
}

static void bench_kmap(void)
{
	struct page *page = alloc_pages(GFP_HIGHUSER | __GFP_NOWARN, 0);
	u32 start;

	if (!page)
		return;
	start = read_pmccntr();
	for (unsigned int i = 0; i < 256; i++)
		kmap(page), kunmap(page);
	pr_info("bench: kmap+kunmap (%s page): %u instructions per pair\n",
		PageHighMem(page) ? "highmem" : "lowmem", (read_pmccntr() - start) / 256);
	start = read_pmccntr();
	for (unsigned int i = 0; i < 256; i++)
		kunmap_local(kmap_local_page(page));
	pr_info("bench: kmap_local_page+kunmap_local (%s page): %u instructions per pair\n",
		PageHighMem(page) ? "highmem" : "lowmem", (read_pmccntr() - start) / 256);
	__free_pages(page, 0);
}

/* The bench owner: its pages know their slot (page->index); migration moves its references. */
#define CMA_BENCH_PAGES	1024	/* 4 MiB */
static struct page *bench_owned[CMA_BENCH_PAGES];
static const struct movable_operations bench_owner_ops;

static bool bench_owner_isolate(struct page *page, isolate_mode_t mode)
{
	(void)page, (void)mode;
	return true;
}

static int bench_owner_migrate(struct page *dst, struct page *src, enum migrate_mode mode)
{
	(void)mode;
	bench_owned[src->index] = dst;
	dst->index = src->index;
	__SetPageMovable(dst, &bench_owner_ops);
	return MIGRATEPAGE_SUCCESS;
}

static void bench_owner_putback(struct page *page)
{
	(void)page;
}

static const struct movable_operations bench_owner_ops = {
	.isolate_page = bench_owner_isolate,
	.migrate_page = bench_owner_migrate,
	.putback_page = bench_owner_putback,
};

static void bench_cma(void)
{
	struct cma *cma = dma_contiguous_default_area;
	struct page *page;
	unsigned long pfn;
	u32 start, cost;
	int ret;

	if (!cma || cma->count < CMA_BENCH_PAGES)
		return;
	start = read_pmccntr();
	page = cma_alloc(cma, CMA_BENCH_PAGES, 0, true);
	cost = read_pmccntr() - start;
	if (!page)
		return;
	pr_info("bench: cma_alloc 4 MiB, range free: %u instructions per page\n", cost / CMA_BENCH_PAGES);
	/* The range's pages become the owner's movable pages; taking the range again moves every one. */
	pfn = page_to_pfn(page);
	for (unsigned int i = 0; i < CMA_BENCH_PAGES; i++) {
		bench_owned[i] = &page[i];
		page[i].index = i;
		__SetPageMovable(&page[i], &bench_owner_ops);
	}
	start = read_pmccntr();
	ret = alloc_contig_range(pfn, pfn + CMA_BENCH_PAGES, MIGRATE_CMA, GFP_KERNEL | __GFP_NOWARN);
	cost = read_pmccntr() - start;
	if (!ret)
		pr_info("bench: alloc_contig_range 4 MiB of CMA, full of movable pages: %u instructions per page moved\n",
			cost / CMA_BENCH_PAGES);
	for (unsigned int i = 0; i < CMA_BENCH_PAGES; i++) {
		__ClearPageMovable(bench_owned[i]);
		bench_owned[i]->index = 0;
		if (ret)
			continue;
		__free_page(bench_owned[i]);
	}
	if (!ret) {
		start = read_pmccntr();
		cma_release(cma, page, CMA_BENCH_PAGES);
		pr_info("bench: cma_release 4 MiB: %u instructions per page\n",
			(read_pmccntr() - start) / CMA_BENCH_PAGES);
	}
}

#define VMALLOC_ROUNDS	2048	/* 2048 x 5 pages: past lazy_max_pages once, so one purge is in the figure */

static void bench_vmalloc(void)
{
	u32 start = read_pmccntr();

	for (unsigned int i = 0; i < VMALLOC_ROUNDS; i++)
		vfree(vmalloc(16 * 1024));
	pr_info("bench: vmalloc(16K)+vfree: %u instructions per pair\n", (read_pmccntr() - start) / VMALLOC_ROUNDS);
	purge_vmap_area_lazy();
	start = read_pmccntr();
	for (unsigned int i = 0; i < 256; i++)
		iounmap(ioremap(0x2b000000, PAGE_SIZE));	/* outside the static mappings: a new area */
	pr_info("bench: ioremap+iounmap one page: %u instructions per pair\n", (read_pmccntr() - start) / 256);
	purge_vmap_area_lazy();
}

#define SLAB_ROUNDS	1024

/* Instructions per kmalloc + kfree pair of a size known at compile time (as callers mostly have), the CPU's slab warm. */
#define KMALLOC_PAIR_COST(size) ({					\
	u32 __start;							\
									\
	kfree(kmalloc(size, GFP_KERNEL));				\
	__start = read_pmccntr();					\
	for (unsigned int __i = 0; __i < SLAB_ROUNDS; __i++)		\
		kfree(kmalloc(size, GFP_KERNEL));			\
	(read_pmccntr() - __start) / SLAB_ROUNDS;			\
})

static void bench_slab(void)
{
	struct kmem_cache *s = kmem_cache_create("bench-256", 256, 0, 0, NULL);
	u32 start;

	pr_info("bench: kmalloc(64)+kfree: %u instructions per pair\n", KMALLOC_PAIR_COST(64));
	if (s) {
		kmem_cache_free(s, kmem_cache_alloc(s, GFP_KERNEL));
		start = read_pmccntr();
		for (unsigned int i = 0; i < SLAB_ROUNDS; i++)
			kmem_cache_free(s, kmem_cache_alloc(s, GFP_KERNEL));
		pr_info("bench: kmem_cache_alloc+kmem_cache_free (256 bytes): %u instructions per pair\n",
			(read_pmccntr() - start) / SLAB_ROUNDS);
		kmem_cache_destroy(s);
	}
	pr_info("bench: kmalloc(8192)+kfree: %u instructions per pair\n", KMALLOC_PAIR_COST(8192));
	pr_info("bench: kmalloc(16K)+kfree (kmalloc_large): %u instructions per pair\n", KMALLOC_PAIR_COST(16384));
	/* Per class: slab bytes / objects per slab - object size, in hundredths. */
	for (unsigned int n = 0; n <= KMALLOC_SHIFT_HIGH; n++) {
		/* By size: index 2 (192 bytes) between 7 (128) and 8 (256). */
		unsigned int i = n < 7 ? n + (n >= 2) : n == 7 ? 2 : n;
		const struct kmem_cache *k = kmalloc_caches[KMALLOC_NORMAL][i];
		unsigned int objects, hundredths;

		if (!k)
			continue;
		objects = oo_objects(k->oo);
		hundredths = (unsigned int)(((PAGE_SIZE << oo_order(k->oo)) * 100 / objects) - k->object_size * 100);
		pr_info("bench: slab metadata %s: %u.%02u bytes per object (%u objects in %lu bytes)\n", k->name,
			hundredths / 100, hundredths % 100, objects, PAGE_SIZE << oo_order(k->oo));
	}
}

#define VMAP_PROBES	64

/* alloc_vmap_area of 2 pages with busy one-page areas separated by one-page holes. */
static void bench_vmap_area(unsigned int busy)
{
	/* 2 x 1000 pointers: from the allocator rather than .bss, which head.S clears on every boot. */
	struct vmap_area **areas = (struct vmap_area **)__get_free_pages(GFP_KERNEL, 1);
	struct vmap_area *probes[VMAP_PROBES];
	unsigned int n = 0, got = 0;
	u32 start, cost;

	_Static_assert(2 * 1000 * sizeof(*areas) <= 2 * PAGE_SIZE, "two pages hold the areas");
	if (!areas)
		return;
	purge_vmap_area_lazy();
	while (n < 2 * busy && (areas[n] = alloc_vmap_area(PAGE_SIZE, PAGE_SIZE, vmalloc_area_start(), VMALLOC_END)))
		n++;
	for (unsigned int i = 0; i < n; i += 2)
		free_vmap_area_noflush(areas[i]);
	purge_vmap_area_lazy();
	start = read_pmccntr();
	while (got < VMAP_PROBES &&
	       (probes[got] = alloc_vmap_area(2 * PAGE_SIZE, PAGE_SIZE, vmalloc_area_start(), VMALLOC_END)))
		got++;
	cost = got ? (read_pmccntr() - start) / got : 0;
	pr_info("bench: alloc_vmap_area with %4u busy areas: %u instructions per pair\n", n / 2, cost);
	for (unsigned int i = 0; i < got; i++)
		free_vmap_area_noflush(probes[i]);
	for (unsigned int i = 1; i < n; i += 2)
		free_vmap_area_noflush(areas[i]);
	purge_vmap_area_lazy();
	free_pages((unsigned long)areas, 1);
}

#define CONTENDED_ROUNDS	512

static void contended_page_pairs(void *arg)
{
	(void)arg;
	for (unsigned int i = 0; i < CONTENDED_ROUNDS; i++)
		__free_pages(alloc_pages(GFP_KERNEL, 0), 0);
}

static void contended_kmalloc_pairs(void *arg)
{
	(void)arg;
	for (unsigned int i = 0; i < CONTENDED_ROUNDS; i++)
		kfree(kmalloc(64, GFP_KERNEL));
}

/*
 * @fn's pairs on every online CPU at once. Under -icount QEMU runs the
 * CPUs in turn and PMCCNTR follows the one instruction count of the
 * machine, so the window holds every CPU's instructions: divided by every
 * CPU's pairs, the cost of a pair when all CPUs want the same allocator
 * (waiting on a lock counts as the instructions of the wait).
 */
static void bench_contended(const char *what, void (*fn)(void *))
{
	unsigned int cpu, cpus = num_online_cpus(), self = smp_processor_id();
	unsigned long started = 0;
	u32 start;

	if (cpus < 2)
		return;
	fn(NULL);	/* every list and slab warm on this CPU */
	start = read_pmccntr();
	for_each_online_cpu(cpu)
		if (cpu != self && !smp_call_on_cpu_async(cpu, fn, NULL))
			started |= 1UL << cpu;
	fn(NULL);
	for_each_online_cpu(cpu)
		if (started & (1UL << cpu))
			smp_call_wait(cpu);
	pr_info("bench: %s contended by %u CPUs: %u instructions per pair\n", what,
		1 + (unsigned int)__builtin_popcountl(started),
		(read_pmccntr() - start) / (CONTENDED_ROUNDS * (1 + (unsigned int)__builtin_popcountl(started))));
}

/* Called at the end of boot (kernel/main.c). */
void bench_run(void)
{
	struct list_head held;

	if (!bench_enabled)
		return;
	bench_buddy("steady");
	bench_pcp();
	INIT_LIST_HEAD(&held);
	fragment(&held);
	bench_buddy("fragmented");
	while (!list_empty(&held)) {
		struct page *page = list_first_entry(&held, struct page, lru);

		list_del(&page->lru);
		__free_pages(page, 0);
	}
	bench_kmap();
	bench_cma();
	bench_fragmentation();
	bench_vmalloc();
	bench_slab();
	bench_vmap_area(10);
	bench_vmap_area(100);
	bench_vmap_area(1000);
	bench_contended("alloc_pages+__free_pages order 0", contended_page_pairs);
	bench_contended("kmalloc(64)+kfree", contended_kmalloc_pairs);
}
