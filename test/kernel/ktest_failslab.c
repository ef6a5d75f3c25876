/*
 * failslab: slab allocations failing on purpose (mm/failslab.c), through
 * lib/fault-inject.c's decisions. Exactly the requests the attributes say
 * fail, by arithmetic; a storm of kmalloc and kmem_cache_alloc calls of
 * mixed sizes fails exactly the slab requests whose draws say so (never
 * kmalloc_large's, which are the page allocator's); and once everything
 * is freed and the caches shrunk, every object and slab page is back.
 */
#include <linux/fault-inject.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmstat.h>
#include <ktest.h>

#include "../../mm/slab.h"

#ifdef CONFIG_FAILSLAB
static struct failslab_attr *settings(struct ktest *t)
{
	(void)t;
	return &failslab;
}
#else
static struct failslab_attr *settings(struct ktest *t)
{
	ktest_skip(t, "no CONFIG_FAILSLAB in this build");
	return NULL;
}
#endif

/* What the slab allocator holds: objects in use per kmalloc cache, slab pages, free pages; caches shrunk first. */
struct slab_counters {
	unsigned long in_use[KMALLOC_SHIFT_HIGH + 1];
	unsigned long slab_pages;
	unsigned long free_pages;
};

static void read_slab_counters(struct slab_counters *c)
{
	for (unsigned int i = 0; i <= KMALLOC_SHIFT_HIGH; i++) {
		struct kmem_cache *s = kmalloc_caches[KMALLOC_NORMAL][i];

		c->in_use[i] = 0;
		if (!s)
			continue;
		kmem_cache_shrink(s);
		c->in_use[i] = slab_objects_in_use(s);
	}
	c->slab_pages = global_node_page_state_pages(NR_SLAB_UNRECLAIMABLE_B) +
			global_node_page_state_pages(NR_SLAB_RECLAIMABLE_B);
	drain_all_pages(NULL);
	c->free_pages = nr_free_pages();
}

static void expect_slab_counters_back(struct ktest *t, const struct slab_counters *before)
{
	struct slab_counters now;

	read_slab_counters(&now);
	for (unsigned int i = 0; i <= KMALLOC_SHIFT_HIGH; i++)
		if (now.in_use[i] != before->in_use[i])
			KTEST_FAIL(t, "kmalloc index %u: %lu objects in use, %lu before", i, now.in_use[i],
				   before->in_use[i]);
	KTEST_EXPECT_EQ(t, now.slab_pages, before->slab_pages);
	KTEST_EXPECT_EQ(t, now.free_pages, before->free_pages);
}

/* Interval 3, probability 100, times 2: of 10 requests the 3rd and 6th fail, no others. */
static void exact_failures(struct ktest *t)
{
	struct failslab_attr *fs = settings(t), saved;
	void *p[10];

	if (!fs)
		return;
	saved = *fs;
	fs->attr.interval = 3;
	fs->attr.probability = 100;
	fs->attr.space = 0;
	fs->attr.times = 2;
	fs->attr.count = 0;
	for (unsigned int k = 0; k < 10; k++) {
		p[k] = kmalloc(100, GFP_KERNEL | __GFP_NOWARN);
		if ((p[k] == NULL) != (k == 2 || k == 5))
			KTEST_FAIL(t, "request %u %s", k + 1, p[k] ? "served" : "failed");
	}
	/* __GFP_NOFAIL requests never fail. */
	fs->attr.times = -1;
	fs->attr.interval = 1;
	for (unsigned int k = 0; k < 3; k++) {
		void *q = kmalloc(100, GFP_KERNEL | __GFP_NOFAIL);

		KTEST_EXPECT_TRUE(t, q != NULL);
		kfree(q);
	}
	*fs = saved;
	for (unsigned int k = 0; k < 10; k++)
		kfree(p[k]);
}

static u32 lcg(u32 *state)
{
	*state = *state * 1664525u + 1013904223u;
	return *state >> 8;
}

#define MAX_LIVE	256

/*
 * A fixed-seed storm at probability 25: kmalloc of 1 .. 16384 bytes and
 * allocations from a 72-byte cache, freed at random. A slab request fails
 * exactly when its draw, taken from a copy of the attributes' source, is
 * below 25; kmalloc_large's requests take no draw and never fail.
 */
static void storm_returns_everything(struct ktest *t)
{
	struct failslab_attr *fs = settings(t), saved;
	struct kmem_cache *cache;
	struct slab_counters before;
	struct rnd_state draws;
	void *live[MAX_LIVE];
	bool from_cache[MAX_LIVE];
	unsigned int n = 0, candidates = 0, injected = 0;
	u32 seed = 2026;

	if (!fs)
		return;
	saved = *fs;
	cache = kmem_cache_create("ktest-storm", 72, 0, SLAB_NOLEAKTRACE, NULL);
	KTEST_ASSERT_TRUE(t, cache != NULL);
	read_slab_counters(&before);
	fs->attr.interval = 1;
	fs->attr.probability = 25;
	fs->attr.space = 0;
	fs->attr.times = -1;
	prandom_seed_state(&fs->attr.rnd, 20260102);
	draws = fs->attr.rnd;
	for (unsigned int step = 0; step < 3000; step++) {
		u32 r = lcg(&seed);
		bool use_cache = (lcg(&seed) & 3) == 0;
		size_t size = 1 + lcg(&seed) % 16384;
		bool candidate = use_cache || size <= KMALLOC_MAX_CACHE_SIZE;
		bool should_fail;
		void *p;

		if (n == MAX_LIVE || (n && r % 3 == 0)) {
			unsigned int i = lcg(&seed) % n;

			if (from_cache[i])
				kmem_cache_free(cache, live[i]);
			else
				kfree(live[i]);
			n--;
			live[i] = live[n];
			from_cache[i] = from_cache[n];
			continue;
		}
		p = use_cache ? kmem_cache_alloc(cache, GFP_KERNEL | __GFP_NOWARN)
			      : kmalloc(size, GFP_KERNEL | __GFP_NOWARN);
		should_fail = candidate && prandom_u32_state_below(&draws, 100) < 25;
		candidates += candidate;
		injected += !p;
		if (p) {
			live[n] = p;
			from_cache[n++] = use_cache;
		}
		if (!p != should_fail) {
			KTEST_FAIL(t, "step %u: %s of %zu bytes %s, expected to %s", step,
				   use_cache ? "kmem_cache_alloc" : "kmalloc", use_cache ? (size_t)72 : size,
				   p ? "served" : "failed", should_fail ? "fail" : "be served");
			break;
		}
	}
	*fs = saved;
	while (n--) {
		if (from_cache[n])
			kmem_cache_free(cache, live[n]);
		else
			kfree(live[n]);
	}
	KTEST_EXPECT_EQ(t, slab_objects_in_use(cache), 0);
	kmem_cache_shrink(cache);
	KTEST_EXPECT_EQ(t, cache->node[0]->nr_slabs, 0);
	expect_slab_counters_back(t, &before);
	kmem_cache_destroy(cache);
	KTEST_EXPECT_GE(t, candidates, 1000);
	KTEST_EXPECT_GE(t, injected, candidates / 8);
	KTEST_EXPECT_LE(t, injected, candidates / 2);
}

static const struct ktest_case failslab_cases[] = {
	KTEST_CASE(exact_failures),
	KTEST_CASE(storm_returns_everything),
	{}
};
KTEST_SUITE(failslab, failslab_cases);
