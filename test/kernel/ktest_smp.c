/*
 * smp: every online CPU runs allocation storms at the same time, so that
 * the allocators' locks and per-CPU data meet real races (QEMU's
 * multi-threaded TCG runs each CPU on its own host thread). Each storm
 * writes an owner tag (CPU, round, index) over what it allocates and
 * checks it before the free: a page or object handed to two users at once
 * shows as a tag another CPU wrote. Objects and pages also cross CPUs (a
 * CPU frees what its neighbour allocated, after all have met at a
 * barrier), which is SLUB's remote free and the zone lock's other side;
 * in slab_handoff one CPU frees into the slabs another keeps refilling from.
 * After each storm, with the other CPUs idle again: the free pages (their
 * lists drained), the slab objects in use, the vmalloc areas and the
 * pkmap entries are what they were before.
 *
 * With one CPU online the storms run on it alone: the same checks, no
 * race. The boot test runs the suite with two CPUs; a build without the
 * zone lock (CONFIG_SMP_TEST_NO_ZONE_LOCK, ctest boot.smp-no-zone-lock)
 * must fail it.
 */
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/prandom.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>
#include <asm/atomic.h>
#include <asm/barrier.h>
#include <asm/smp.h>
#include <ktest.h>
#include "../../mm/slab.h"

#define STORM_ROUNDS	40
#define STORM_PAGES	12	/* blocks a round holds at once */
#define STORM_OBJECTS	24	/* slab objects a round holds at once */
#define STORM_AREAS	3	/* vmalloc areas a round holds at once */
#define STORM_KMAPS	4	/* highmem pages kmapped at once */

/* What one CPU holds in a round: by its owner until the neighbour takes it. */
struct storm_cpu {
	unsigned int cpu;
	struct rnd_state rnd;
	struct page *pages[STORM_PAGES];
	unsigned int orders[STORM_PAGES];
	void *objects[STORM_OBJECTS];
	struct kmem_cache *caches[STORM_OBJECTS];	/* NULL: kmalloc */
	size_t sizes[STORM_OBJECTS];
	void *areas[STORM_AREAS];
	unsigned long area_sizes[STORM_AREAS];
	struct page *kmapped[STORM_KMAPS];
	void *churn[STORM_OBJECTS];		/* allocated while the neighbour's objects are freed */
	/* Found by the storm, reported by CPU 0 once all are back. */
	unsigned int bad_tags, failed_allocs, kmap_refusals;
	unsigned long allocations;
} __aligned(64);

/* One per possible CPU, allocated for each storm (the kernel image keeps no room for it). */
static struct storm_cpu *storm_cpus;
static struct kmem_cache *storm_cache;
static unsigned int storm_kinds;	/* which storms run: STORM_* bits */
#define STORM_PAGES_KIND	1u
#define STORM_SLAB_KIND		2u
#define STORM_VMALLOC_KIND	4u
#define STORM_KMAP_KIND		8u
#define STORM_HANDOFF_KIND	16u

/*
 * The handoff storm: CPU 0 allocates HANDOFF_OBJECTS kmalloc(64) objects,
 * then CPU 1 frees them while CPU 0 allocates as many again: CPU 0's slabs
 * are the ones CPU 1 frees into, so CPU 0 keeps refilling its freelist
 * from what CPU 1 just freed (get_freelist) while CPU 1 frees more into it.
 */
#define HANDOFF_OBJECTS		1024
#define HANDOFF_ROUNDS		8
static void **handoff_given, **handoff_kept;

/* A barrier for the storming CPUs: each arrival counts, the last one opens the next generation. */
static atomic_t barrier_count, barrier_generation;
static unsigned int storm_nr_cpus;

static void storm_barrier(void)
{
	int gen = atomic_read(&barrier_generation);

	if (atomic_inc_return(&barrier_count) == (int)storm_nr_cpus) {
		atomic_set(&barrier_count, 0);
		atomic_inc_return(&barrier_generation);
		dsb_sev();
		return;
	}
	while (atomic_read(&barrier_generation) == gen)
		wfe();
	smp_mb();
}

/* The tag: who wrote it and what for, never 0 (a freshly zeroed page). */
static u32 owner_tag(unsigned int cpu, unsigned int round, unsigned int idx)
{
	return 0xa5000000u | (cpu << 20) | (round << 8) | idx;
}

static void tag_fill(void *p, size_t bytes, u32 tag)
{
	u32 *w = p;

	for (size_t i = 0; i < bytes / 4; i++)
		w[i] = tag ^ (u32)i;
}

/* Every word of what is smaller than a page; pages: the first and last 64 bytes of each and one in the middle. */
static bool tag_check(const void *p, size_t bytes, u32 tag)
{
	const u32 *w = p;

	if (bytes < PAGE_SIZE) {
		for (size_t i = 0; i < bytes / 4; i++)
			if (w[i] != (tag ^ (u32)i))
				return false;
		return true;
	}
	for (size_t pg = 0; pg < bytes; pg += PAGE_SIZE) {
		size_t idx[] = { 0, 15, PAGE_SIZE / 8, PAGE_SIZE / 4 - 16, PAGE_SIZE / 4 - 1 };

		for (unsigned int k = 0; k < ARRAY_SIZE(idx); k++) {
			size_t i = pg / 4 + idx[k];

			if (w[i] != (tag ^ (u32)i))
				return false;
		}
	}
	return true;
}

/* A page of any kind through kmap_local (lowmem: its linear address). */
static void page_tag(struct page *page, unsigned int order, u32 tag, bool check, unsigned int *bad)
{
	for (unsigned int i = 0; i < (1u << order); i++) {
		void *p = kmap_local_page(page + i);

		if (check) {
			if (!tag_check(p, PAGE_SIZE, tag + i))
				(*bad)++;
		} else {
			tag_fill(p, PAGE_SIZE, tag + i);
		}
		kunmap_local(p);
	}
}

static const gfp_t storm_gfps[] = {
	GFP_KERNEL, GFP_KERNEL | __GFP_MOVABLE, GFP_KERNEL | __GFP_RECLAIMABLE, GFP_HIGHUSER_MOVABLE, GFP_HIGHUSER,
};
static const size_t storm_kmalloc_sizes[] = { 64, 192, 512, 2048 };

/* Allocate and tag what this CPU holds in @round. */
static void storm_take(struct storm_cpu *sc, unsigned int round)
{
	unsigned int cpu = sc->cpu;

	if (storm_kinds & STORM_PAGES_KIND) {
		for (unsigned int i = 0; i < STORM_PAGES; i++) {
			/* Mostly per-CPU list orders, a quarter straight from the buddy lists (4 and 5). */
			unsigned int order = prandom_u32_state_below(&sc->rnd, 8);
			gfp_t gfp = storm_gfps[prandom_u32_state_below(&sc->rnd, ARRAY_SIZE(storm_gfps))];

			order = order < 6 ? order % 4 : order - 2;
			sc->pages[i] = alloc_pages(gfp | __GFP_NOWARN, order);
			sc->orders[i] = order;
			if (!sc->pages[i]) {
				sc->failed_allocs++;
				continue;
			}
			sc->allocations++;
			page_tag(sc->pages[i], order, owner_tag(cpu, round, i), false, NULL);
		}
	}
	if (storm_kinds & STORM_SLAB_KIND) {
		for (unsigned int i = 0; i < STORM_OBJECTS; i++) {
			unsigned int pick = prandom_u32_state_below(&sc->rnd, ARRAY_SIZE(storm_kmalloc_sizes) + 1);

			sc->caches[i] = pick ? NULL : storm_cache;
			sc->sizes[i] = pick ? storm_kmalloc_sizes[pick - 1] : storm_cache->object_size;
			sc->objects[i] = pick ? kmalloc(sc->sizes[i], GFP_KERNEL) : kmem_cache_alloc(storm_cache, GFP_KERNEL);
			if (!sc->objects[i]) {
				sc->failed_allocs++;
				continue;
			}
			sc->allocations++;
			tag_fill(sc->objects[i], sc->sizes[i], owner_tag(cpu, round, 64 + i));
		}
	}
	if (storm_kinds & STORM_VMALLOC_KIND) {
		for (unsigned int i = 0; i < STORM_AREAS; i++) {
			sc->area_sizes[i] = (1 + prandom_u32_state_below(&sc->rnd, 4)) * PAGE_SIZE;
			sc->areas[i] = vmalloc(sc->area_sizes[i]);
			if (!sc->areas[i]) {
				sc->failed_allocs++;
				continue;
			}
			sc->allocations++;
			tag_fill(sc->areas[i], sc->area_sizes[i], owner_tag(cpu, round, 128 + i));
		}
	}
	if (storm_kinds & STORM_KMAP_KIND) {
		for (unsigned int i = 0; i < STORM_KMAPS; i++) {
			void *p;

			sc->kmapped[i] = alloc_page(GFP_HIGHUSER | __GFP_NOWARN);
			if (!sc->kmapped[i]) {
				sc->failed_allocs++;
				continue;
			}
			sc->allocations++;
			p = kmap(sc->kmapped[i]);
			if (!p) {
				/* The pool was full: kmap refuses, it never waits here. */
				sc->kmap_refusals++;
				continue;
			}
			tag_fill(p, PAGE_SIZE, owner_tag(cpu, round, 192 + i));
			kunmap(sc->kmapped[i]);
		}
	}
}

/* Check and free what CPU @owner's storm_cpu holds from @round; run by @sc's CPU. */
static void storm_give_back(struct storm_cpu *sc, struct storm_cpu *owner, unsigned int round)
{
	unsigned int cpu = owner->cpu;

	if (storm_kinds & STORM_PAGES_KIND) {
		for (unsigned int i = 0; i < STORM_PAGES; i++) {
			if (!owner->pages[i])
				continue;
			page_tag(owner->pages[i], owner->orders[i], owner_tag(cpu, round, i), true, &sc->bad_tags);
			__free_pages(owner->pages[i], owner->orders[i]);
			owner->pages[i] = NULL;
		}
	}
	if (storm_kinds & STORM_SLAB_KIND) {
		/*
		 * Each free is followed by an allocation of the same size for
		 * this CPU, so that its slabs run empty and it takes what other
		 * CPUs freed to them (SLUB's get_freelist) while the neighbour
		 * frees into them.
		 */
		for (unsigned int i = 0; i < STORM_OBJECTS; i++) {
			struct kmem_cache *cache = owner->caches[i];
			size_t size = owner->sizes[i];

			sc->churn[i] = NULL;
			if (!owner->objects[i])
				continue;
			if (!tag_check(owner->objects[i], size, owner_tag(cpu, round, 64 + i)))
				sc->bad_tags++;
			if (cache)
				kmem_cache_free(cache, owner->objects[i]);
			else
				kfree(owner->objects[i]);
			owner->objects[i] = NULL;
			sc->churn[i] = cache ? kmem_cache_alloc(cache, GFP_KERNEL) : kmalloc(size, GFP_KERNEL);
			if (!sc->churn[i]) {
				sc->failed_allocs++;
				continue;
			}
			tag_fill(sc->churn[i], size, owner_tag(sc->cpu, round, 224 + i));
		}
		for (unsigned int i = 0; i < STORM_OBJECTS; i++) {
			if (!sc->churn[i])
				continue;
			if (!tag_check(sc->churn[i], owner->sizes[i], owner_tag(sc->cpu, round, 224 + i)))
				sc->bad_tags++;
			kfree(sc->churn[i]);
		}
	}
	if (storm_kinds & STORM_VMALLOC_KIND) {
		for (unsigned int i = 0; i < STORM_AREAS; i++) {
			if (!owner->areas[i])
				continue;
			if (!tag_check(owner->areas[i], owner->area_sizes[i], owner_tag(cpu, round, 128 + i)))
				sc->bad_tags++;
			vfree(owner->areas[i]);
			owner->areas[i] = NULL;
		}
	}
	if (storm_kinds & STORM_KMAP_KIND) {
		for (unsigned int i = 0; i < STORM_KMAPS; i++) {
			void *p;

			if (!owner->kmapped[i])
				continue;
			p = kmap(owner->kmapped[i]);
			if (p) {
				if (!tag_check(p, PAGE_SIZE, owner_tag(cpu, round, 192 + i)))
					sc->bad_tags++;
				kunmap(owner->kmapped[i]);
			}
			__free_page(owner->kmapped[i]);
			owner->kmapped[i] = NULL;
		}
	}
}

static void handoff_fill(void **objs, unsigned int cpu, unsigned int round, struct storm_cpu *sc)
{
	for (unsigned int i = 0; i < HANDOFF_OBJECTS; i++) {
		objs[i] = kmalloc(64, GFP_KERNEL);
		if (!objs[i]) {
			sc->failed_allocs++;
			continue;
		}
		sc->allocations++;
		*(u32 *)objs[i] = owner_tag(cpu, round, i & 0xff);
	}
}

static void handoff_empty(void **objs, unsigned int cpu, unsigned int round, struct storm_cpu *sc)
{
	for (unsigned int i = 0; i < HANDOFF_OBJECTS; i++) {
		if (!objs[i])
			continue;
		if (*(u32 *)objs[i] != owner_tag(cpu, round, i & 0xff))
			sc->bad_tags++;
		kfree(objs[i]);
		objs[i] = NULL;
	}
}

/* CPU 0 gives, CPU 1 frees what it was given; the other CPUs only meet them at the barriers. */
static void handoff_storm(struct storm_cpu *sc)
{
	unsigned int cpu = sc->cpu, taker = storm_nr_cpus > 1 ? 1 : 0;

	for (unsigned int round = 0; round < HANDOFF_ROUNDS; round++) {
		if (cpu == 0)
			handoff_fill(handoff_given, 0, round, sc);
		storm_barrier();
		if (cpu == 0)
			handoff_fill(handoff_kept, 0, round + 128, sc);
		if (cpu == taker)
			handoff_empty(handoff_given, 0, round, sc);
		storm_barrier();
		if (cpu == 0)
			handoff_empty(handoff_kept, 0, round + 128, sc);
	}
}

/*
 * One CPU's storm: each round it allocates and tags, all CPUs meet, then
 * even rounds each CPU frees its own, odd rounds its neighbour's.
 */
static void storm(void *arg)
{
	struct storm_cpu *sc = arg;
	unsigned int cpu = smp_processor_id();

	sc->cpu = cpu;
	if (storm_kinds & STORM_HANDOFF_KIND) {
		handoff_storm(sc);
		return;
	}
	for (unsigned int round = 0; round < STORM_ROUNDS; round++) {
		unsigned int victim = (round & 1) ? (cpu + 1) % storm_nr_cpus : cpu;

		storm_take(sc, round);
		storm_barrier();
		storm_give_back(sc, &storm_cpus[victim], round);
		storm_barrier();
	}
}

/* The objects need no construction: the constructor is there to keep the cache apart. */
static void storm_ctor(void *object)
{
	(void)object;
}

/* What must be back after a storm: measured with every other CPU idle. */
struct storm_counters {
	unsigned long free_pages, slab_pages, vmalloc_meta;
	unsigned long kmalloc_in_use[ARRAY_SIZE(storm_kmalloc_sizes)], cache_in_use;
	unsigned long busy_areas, pkmaps;
};

static void storm_counters(struct storm_counters *c)
{
	struct vmap_area_stats vs;

	/*
	 * Every CPU's slab of the caches back to its node (a frozen slab's
	 * remote frees are counted only then), every CPU's page lists back to
	 * the buddy allocator, every lazily freed area purged.
	 */
	for (unsigned int i = 0; i < ARRAY_SIZE(storm_kmalloc_sizes); i++)
		kmem_cache_shrink(kmalloc_caches[KMALLOC_NORMAL][kmalloc_size_index(storm_kmalloc_sizes[i])]);
	kmem_cache_shrink(storm_cache);
	drain_all_pages(NULL);
	purge_vmap_area_lazy();
	vmap_area_stats(&vs);
	c->free_pages = nr_free_pages();
	c->slab_pages = global_node_page_state_pages(NR_SLAB_RECLAIMABLE_B) +
			global_node_page_state_pages(NR_SLAB_UNRECLAIMABLE_B);
	c->vmalloc_meta = vmalloc_meta_pages();
	for (unsigned int i = 0; i < ARRAY_SIZE(storm_kmalloc_sizes); i++)
		c->kmalloc_in_use[i] = slab_objects_in_use(kmalloc_caches[KMALLOC_NORMAL]
							   [kmalloc_size_index(storm_kmalloc_sizes[i])]);
	c->cache_in_use = slab_objects_in_use(storm_cache);
	c->busy_areas = vs.busy_areas;
	c->pkmaps = kmap_pkmap_in_use();
}

/* Run the storms of @kinds on every online CPU at once and check everything. */
static void run_storm(struct ktest *t, unsigned int kinds)
{
	struct storm_counters before, after;
	unsigned int cpu, bad = 0, failed = 0, refused = 0;
	unsigned long allocations = 0;

	/* A constructor keeps it from merging with a kmalloc cache: its objects are the storm's alone. */
	storm_cpus = kcalloc(nr_cpu_ids, sizeof(*storm_cpus), GFP_KERNEL);
	KTEST_ASSERT_TRUE(t, storm_cpus != NULL);
	storm_cache = kmem_cache_create("ktest-smp", 96, 0, SLAB_RECLAIM_ACCOUNT, storm_ctor);
	if (!storm_cache)
		kfree(storm_cpus);
	KTEST_ASSERT_TRUE(t, storm_cache != NULL);
	storm_kinds = kinds;
	storm_nr_cpus = num_online_cpus();
	/* The CPUs storm as 0..n-1: they are the online ones, numbered from the boot CPU up. */
	if (cpu_online_bits != (1UL << storm_nr_cpus) - 1) {
		kmem_cache_destroy(storm_cache);
		kfree(storm_cpus);
	}
	KTEST_ASSERT_TRUE(t, cpu_online_bits == (1UL << storm_nr_cpus) - 1);
	atomic_set(&barrier_count, 0);
	storm_counters(&before);
	for_each_online_cpu(cpu) {
		prandom_seed_state(&storm_cpus[cpu].rnd, 0x5eed0000u + cpu + kinds * 16);
	}
	smp_mb();
	for_each_online_cpu(cpu)
		if (cpu != smp_processor_id())
			KTEST_ASSERT_TRUE(t, smp_call_on_cpu_async(cpu, storm, &storm_cpus[cpu]) == 0);
	storm(&storm_cpus[smp_processor_id()]);
	for_each_online_cpu(cpu)
		if (cpu != smp_processor_id())
			smp_call_wait(cpu);

	for_each_online_cpu(cpu) {
		bad += storm_cpus[cpu].bad_tags;
		failed += storm_cpus[cpu].failed_allocs;
		refused += storm_cpus[cpu].kmap_refusals;
		allocations += storm_cpus[cpu].allocations;
	}
	KTEST_EXPECT_EQ(t, bad, 0u);
	KTEST_EXPECT_EQ(t, failed, 0u);
	KTEST_EXPECT_EQ(t, refused, 0u);
	/* The storms did their work: nothing was skipped. */
	KTEST_EXPECT_GT(t, allocations, (unsigned long)STORM_ROUNDS);

	storm_counters(&after);
	KTEST_EXPECT_EQ(t, after.free_pages + after.slab_pages + after.vmalloc_meta,
			before.free_pages + before.slab_pages + before.vmalloc_meta);
	for (unsigned int i = 0; i < ARRAY_SIZE(storm_kmalloc_sizes); i++)
		KTEST_EXPECT_EQ(t, after.kmalloc_in_use[i], before.kmalloc_in_use[i]);
	KTEST_EXPECT_EQ(t, after.cache_in_use, 0ul);
	KTEST_EXPECT_EQ(t, after.busy_areas, before.busy_areas);
	KTEST_EXPECT_EQ(t, after.pkmaps, before.pkmaps);
	KTEST_EXPECT_EQ(t, kmap_local_depth(), 0u);
	kmem_cache_destroy(storm_cache);
	storm_cache = NULL;
	kfree(storm_cpus);
	storm_cpus = NULL;
}

static void page_storm(struct ktest *t)
{
	run_storm(t, STORM_PAGES_KIND);
}

static void slab_storm(struct ktest *t)
{
	run_storm(t, STORM_SLAB_KIND);
}

static void vmalloc_storm(struct ktest *t)
{
	run_storm(t, STORM_VMALLOC_KIND);
}

static void kmap_storm(struct ktest *t)
{
	run_storm(t, STORM_KMAP_KIND);
}

static void slab_handoff(struct ktest *t)
{
	handoff_given = kcalloc(HANDOFF_OBJECTS, sizeof(void *), GFP_KERNEL);
	handoff_kept = kcalloc(HANDOFF_OBJECTS, sizeof(void *), GFP_KERNEL);
	if (handoff_given && handoff_kept)
		run_storm(t, STORM_HANDOFF_KIND);
	KTEST_EXPECT_TRUE(t, handoff_given && handoff_kept);
	kfree(handoff_given);
	kfree(handoff_kept);
}

static void mixed_storm(struct ktest *t)
{
	run_storm(t, STORM_PAGES_KIND | STORM_SLAB_KIND | STORM_VMALLOC_KIND | STORM_KMAP_KIND);
}

/*
 * Every CPU prints at once. Each line must come out whole, one to a
 * console line: the boot tests reject a line that holds two of them or a
 * second timestamp (printk's lock; without it two CPUs' timestamps and
 * text interleave).
 */
#define PRINTK_STORM_LINES	20
static atomic_t printk_storm_done;

static void printk_storm_cpu(void *arg)
{
	(void)arg;
	storm_barrier();
	for (unsigned int i = 1; i <= PRINTK_STORM_LINES; i++)
		pr_info("ktest smp: CPU%u line %u of %u\n", smp_processor_id(), i, PRINTK_STORM_LINES);
	atomic_inc(&printk_storm_done);
}

static void printk_storm(struct ktest *t)
{
	unsigned int cpu;

	storm_nr_cpus = num_online_cpus();
	atomic_set(&barrier_count, 0);
	atomic_set(&printk_storm_done, 0);
	smp_mb();
	for_each_online_cpu(cpu)
		if (cpu != smp_processor_id())
			KTEST_ASSERT_TRUE(t, smp_call_on_cpu_async(cpu, printk_storm_cpu, NULL) == 0);
	printk_storm_cpu(NULL);
	for_each_online_cpu(cpu)
		if (cpu != smp_processor_id())
			smp_call_wait(cpu);
	KTEST_EXPECT_EQ(t, (unsigned int)atomic_read(&printk_storm_done), storm_nr_cpus);
}

static const struct ktest_case smp_cases[] = {
	KTEST_CASE(page_storm),
	KTEST_CASE(slab_storm),
	KTEST_CASE(vmalloc_storm),
	KTEST_CASE(kmap_storm),
	KTEST_CASE(slab_handoff),
	KTEST_CASE(mixed_storm),
	KTEST_CASE(printk_storm),
	{}
};
KTEST_SUITE(smp, smp_cases);
