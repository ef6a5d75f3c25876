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
 *  - kmap + kunmap of a highmem page, kmap_local_page + kunmap_local;
 *  - vmalloc(16 KiB) + vfree (the lazy purges they cause included),
 *    ioremap + iounmap of one page, and alloc_vmap_area where 10, 100
 *    and 1000 busy areas are separated by free holes too small for the
 *    request, so the search must prune by subtree_max_size.
 */
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <asm/bootstats.h>
#include <asm/io.h>
#include <asm/setup.h>

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

/* Called at the end of boot (kernel/main.c). */
void bench_run(void)
{
	struct list_head held;

	if (!bench_enabled)
		return;
	bench_buddy("steady");
	INIT_LIST_HEAD(&held);
	fragment(&held);
	bench_buddy("fragmented");
	while (!list_empty(&held)) {
		struct page *page = list_first_entry(&held, struct page, lru);

		list_del(&page->lru);
		__free_pages(page, 0);
	}
	bench_kmap();
	bench_vmalloc();
	bench_vmap_area(10);
	bench_vmap_area(100);
	bench_vmap_area(1000);
}
