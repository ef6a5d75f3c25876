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
 *  - kmap + kunmap of a highmem page, kmap_local_page + kunmap_local.
 */
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <asm/bootstats.h>
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
}
