/*
 * fail_page_alloc: alloc_pages failing on purpose (mm/fail_page_alloc.c).
 * Exactly the requests the attributes say fail, by arithmetic; a storm of
 * mixed requests under random failures fails exactly the eligible
 * requests whose draws say so; and after each, every free counter (per
 * zone, per order) is back where it started. The command line's
 * attributes (fail_page_alloc=) act on the requests of the last case.
 */
#include <linux/fault-inject.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <ktest.h>

/*
 * Every zone's free pages and free blocks per order, with the per-CPU
 * lists drained first: a page parked there is free but on no free list,
 * and the buddy lists' shape depends only on which pages are free once
 * none are parked.
 */
struct counters {
	unsigned long free_pages[MAX_NR_ZONES];
	unsigned long nr_free[MAX_NR_ZONES][MAX_ORDER];
};

static void read_counters(struct counters *c)
{
	drain_all_pages(NULL);
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		const struct zone *zone = &contig_page_data.node_zones[z];

		c->free_pages[z] = (unsigned long)zone_page_state(zone, NR_FREE_PAGES);
		for (int o = 0; o < MAX_ORDER; o++)
			c->nr_free[z][o] = zone->free_area[o].nr_free;
	}
}

static void expect_counters_back(struct ktest *t, const struct counters *before)
{
	struct counters now;

	read_counters(&now);
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		const char *name = contig_page_data.node_zones[z].name;

		if (now.free_pages[z] != before->free_pages[z])
			KTEST_FAIL(t, "%s: %lu free pages, %lu before", name, now.free_pages[z],
				   before->free_pages[z]);
		for (int o = 0; o < MAX_ORDER; o++)
			if (now.nr_free[z][o] != before->nr_free[z][o])
				KTEST_FAIL(t, "%s order %d: %lu free blocks, %lu before", name, o,
					   now.nr_free[z][o], before->nr_free[z][o]);
	}
}

/* The workload's own generator, apart from the draws under test. */
static u32 lcg(u32 *state)
{
	*state = *state * 1664525u + 1013904223u;
	return *state >> 8;
}

#define MAX_LIVE	64

struct live {
	struct page *page[MAX_LIVE];
	unsigned int order[MAX_LIVE];
	unsigned int n;
};

/* fail_page_alloc's settings; without them in the build, NULL and the case skips, saying so. */
static struct fail_page_alloc_attr *settings(struct ktest *t)
{
#ifdef CONFIG_FAIL_PAGE_ALLOC
	(void)t;
	return &fail_page_alloc;
#else
	ktest_skip(t, "no CONFIG_FAIL_PAGE_ALLOC in this build");
	return NULL;
#endif
}

static void free_all(struct live *l)
{
	while (l->n) {
		l->n--;
		__free_pages(l->page[l->n], l->order[l->n]);
	}
}

/*
 * interval 3, probability 100, times 4: of the order-1 lowmem requests, the
 * 3rd, 6th, 9th and 12th fail and no other. Order-0 and highmem requests in
 * between are never candidates, so they move neither the interval's count
 * nor times.
 */
static void exact_failures(struct ktest *t)
{
	struct fail_page_alloc_attr *fpa, saved;
	struct counters before;
	struct live l = { .n = 0 };

	fpa = settings(t);
	if (!fpa)
		return;
	saved = *fpa;

	read_counters(&before);
	fpa->attr.interval = 3;
	fpa->attr.probability = 100;
	fpa->attr.space = 0;
	fpa->attr.times = 4;
	fpa->attr.count = 0;
	for (unsigned int k = 1; k <= 20; k++) {
		struct page *page = alloc_pages(GFP_KERNEL | __GFP_NOWARN, 1);
		struct page *small = alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0);
		struct page *high = alloc_pages(GFP_HIGHUSER | __GFP_NOWARN, 2);
		bool should_fail = k % 3 == 0 && k <= 12;

		if (!page != should_fail)
			KTEST_FAIL(t, "order-1 request %u: %s, expected to %s", k, page ? "served" : "failed",
				   should_fail ? "fail" : "be served");
		KTEST_EXPECT_TRUE(t, small != NULL);
		KTEST_EXPECT_TRUE(t, high != NULL);
		if (page) {
			l.page[l.n] = page;
			l.order[l.n++] = 1;
		}
		if (small) {
			l.page[l.n] = small;
			l.order[l.n++] = 0;
		}
		if (high) {
			l.page[l.n] = high;
			l.order[l.n++] = 2;
		}
	}
	KTEST_EXPECT_EQ(t, fpa->attr.times, 0);
	/* Once times is used up (request 12) the requests stop before the interval's count. */
	KTEST_EXPECT_EQ(t, fpa->attr.count, 12);
	free_all(&l);
	*fpa = saved;
	expect_counters_back(t, &before);
}

/*
 * A fixed-seed storm at probability 25 with no limit: requests of orders 0
 * to 5, lowmem and highmem, freed at random. A request fails exactly when
 * it is a candidate (order 1 or more, lowmem) and its draw, taken from a
 * copy of the attributes' source, is below 25; candidates alone take
 * draws. Everything freed, the counters are where they started.
 */
static void storm_back_to_start(struct ktest *t)
{
	struct fail_page_alloc_attr *fpa, saved;
	struct counters before;
	struct live l = { .n = 0 };
	struct rnd_state draws;
	unsigned int candidates = 0, injected = 0;
	u32 seed = 2026;

	fpa = settings(t);
	if (!fpa)
		return;
	saved = *fpa;

	read_counters(&before);
	fpa->attr.interval = 1;
	fpa->attr.probability = 25;
	fpa->attr.space = 0;
	fpa->attr.times = -1;
	prandom_seed_state(&fpa->attr.rnd, 20260101);
	draws = fpa->attr.rnd;
	for (unsigned int step = 0; step < 2000; step++) {
		u32 r = lcg(&seed);

		if (l.n == MAX_LIVE || (l.n && r % 3 == 0)) {
			unsigned int i = lcg(&seed) % l.n;

			__free_pages(l.page[i], l.order[i]);
			l.n--;
			l.page[i] = l.page[l.n];
			l.order[i] = l.order[l.n];
			continue;
		}
		unsigned int order = lcg(&seed) % 6;
		bool highmem = lcg(&seed) & 1;
		struct page *page = alloc_pages((highmem ? GFP_HIGHUSER : GFP_KERNEL) | __GFP_NOWARN, order);
		bool candidate = order >= 1 && !highmem;
		bool should_fail = candidate && prandom_u32_state_below(&draws, 100) < 25;

		candidates += candidate;
		injected += !page;
		if (page) {
			l.page[l.n] = page;
			l.order[l.n++] = order;
		}
		if (!page != should_fail) {
			KTEST_FAIL(t, "step %u: order-%u %s request %s, expected to %s", step, order,
				   highmem ? "highmem" : "lowmem", page ? "served" : "failed",
				   should_fail ? "fail" : "be served");
			break;
		}
	}
	free_all(&l);
	*fpa = saved;
	expect_counters_back(t, &before);
	/* The storm made a real test of it: about a quarter of the candidates failed. */
	KTEST_EXPECT_GE(t, candidates, 300);
	KTEST_EXPECT_GE(t, injected, candidates / 8);
	KTEST_EXPECT_LE(t, injected, candidates / 2);
}

/*
 * The requests under the command line's attributes, with the message:
 * without fail_page_alloc= (probability 0) none fails; the boot test
 * passes probability 100 and no space, with which request k of 8 fails
 * when k is a multiple of the interval, until times runs out.
 */
static void command_line_attributes(struct ktest *t)
{
	struct fail_page_alloc_attr *fpa;
	struct fault_attr a;
	struct counters before;
	struct live l = { .n = 0 };
	unsigned long interval;
	int failures = 0;

	fpa = settings(t);
	if (!fpa)
		return;
	a = fpa->attr;
	interval = a.interval > 1 ? a.interval : 1;

	if (a.probability != 0 && (a.probability < 100 || a.space)) {
		KTEST_FAIL(t, "this case foretells probability 0, or 100 with space 0; the command line gave %lu, %d",
			   a.probability, a.space);
		return;
	}
	read_counters(&before);
	for (unsigned int k = 1; k <= 8; k++) {
		struct page *page = alloc_pages(GFP_KERNEL, 1);
		/* The (count + k)-th request to reach the interval's test; a negative times never runs out. */
		bool should_fail = a.probability && (a.count + k) % interval == 0 &&
				   (a.times < 0 || failures < a.times);

		if (!page != should_fail)
			KTEST_FAIL(t, "request %u: %s, expected to %s", k, page ? "served" : "failed",
				   should_fail ? "fail" : "be served");
		failures += !page;
		if (page) {
			l.page[l.n] = page;
			l.order[l.n++] = 1;
		}
	}
	free_all(&l);
	expect_counters_back(t, &before);
}

static const struct ktest_case fail_page_alloc_cases[] = {
	KTEST_CASE(exact_failures),
	KTEST_CASE(storm_back_to_start),
	KTEST_CASE(command_line_attributes),
	{}
};
KTEST_SUITE(fail_page_alloc, fail_page_alloc_cases);
