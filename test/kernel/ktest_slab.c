/*
 * slab: SLUB and kmalloc, checked from outside the allocator:
 *  - objects are aligned as asked and never overlap: each is filled with
 *    its own pattern and every pattern is checked after all are written;
 *  - a cache grows by whole slabs and shrink and destroy give every page
 *    back (free pages counted after draining the per-CPU lists, which hold
 *    free pages outside NR_FREE_PAGES), with the slab counters following;
 *  - a constructor runs once per object, when its slab is made;
 *  - each size goes to the kmalloc class worked out here from Linux 6.1's
 *    classes (64 bytes the smallest on ARM, 192 between 128 and 256);
 *  - ksize, krealloc keeping contents, kcalloc and kmalloc_array,
 *    kmalloc_large's compound pages, merging, the hardened free pointer.
 * Expected values come from arithmetic here, not from the allocator.
 */
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/pageblock-flags.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/vmstat.h>
#include <ktest.h>

#include "../../mm/slab.h"

/* Free pages, the per-CPU lists' included (they are drained into the free lists first). */
static unsigned long free_pages_drained(void)
{
	drain_all_pages(NULL);
	return nr_free_pages();
}

static unsigned long slab_pages(void)
{
	return global_node_page_state_pages(NR_SLAB_RECLAIMABLE_B) +
	       global_node_page_state_pages(NR_SLAB_UNRECLAIMABLE_B);
}

static u8 pattern_byte(unsigned int obj, unsigned int i)
{
	return (u8)(obj * 31u + i * 7u + 1u);
}

/*
 * @n objects of @s, each aligned to @align, filled with its own pattern;
 * then every byte of every object checked. An overlap would show as a
 * pattern overwritten by a later object.
 */
static unsigned int fill_and_check(struct ktest *t, struct kmem_cache *s, void **objs, unsigned int n,
				   unsigned int size, unsigned int align)
{
	for (unsigned int k = 0; k < n; k++) {
		objs[k] = kmem_cache_alloc(s, GFP_KERNEL);
		if (!objs[k]) {
			KTEST_FAIL(t, "allocation %u of %u failed", k, n);
			return k;
		}
		KTEST_EXPECT_EQ(t, (unsigned long)objs[k] & (align - 1), 0);
		KTEST_EXPECT_TRUE(t, virt_to_slab(objs[k]) && virt_to_slab(objs[k])->slab_cache == s);
		for (unsigned int i = 0; i < size; i++)
			((u8 *)objs[k])[i] = pattern_byte(k, i);
	}
	for (unsigned int k = 0; k < n; k++) {
		unsigned int bad = 0;

		for (unsigned int i = 0; i < size; i++)
			bad += ((u8 *)objs[k])[i] != pattern_byte(k, i);
		if (bad)
			KTEST_FAIL(t, "object %u at %p: %u bytes overwritten", k, objs[k], bad);
	}
	return n;
}

static void free_all(struct kmem_cache *s, void **objs, unsigned int n)
{
	for (unsigned int k = 0; k < n; k++)
		kmem_cache_free(s, objs[k]);
}

#define MANY	300

static void *objs[MANY];

/* 40 bytes with SLAB_HWCACHE_ALIGN: more than half a 64-byte line, so aligned to a whole line. */
static void objects_aligned_and_apart(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("ktest-40", 40, 0, SLAB_HWCACHE_ALIGN, NULL);

	KTEST_ASSERT_TRUE(t, s != NULL);
	KTEST_EXPECT_EQ(t, s->size, 64);
	free_all(s, objs, fill_and_check(t, s, objs, MANY, 40, 64));
	kmem_cache_destroy(s);

	/* 20 bytes: a quarter line fits, so 32-byte alignment; 8 asked of an odd size gives 8. */
	s = kmem_cache_create("ktest-20", 20, 0, SLAB_HWCACHE_ALIGN, NULL);
	KTEST_ASSERT_TRUE(t, s != NULL);
	KTEST_EXPECT_EQ(t, s->size, 32);
	free_all(s, objs, fill_and_check(t, s, objs, MANY, 20, 32));
	kmem_cache_destroy(s);

	s = kmem_cache_create("ktest-100", 100, 8, 0, NULL);
	KTEST_ASSERT_TRUE(t, s != NULL);
	KTEST_EXPECT_EQ(t, s->size, 104);
	free_all(s, objs, fill_and_check(t, s, objs, MANY, 100, 8));
	kmem_cache_destroy(s);
}

static unsigned int ctor_calls;

/* For the 200-byte caches: counts its calls and fills the object. */
static void count_ctor(void *object)
{
	ctor_calls++;
	memset(object, 0xc7, 200);
}

/* For caches of other sizes: a constructor only to keep the cache from merging; touches nothing. */
static void no_merge_ctor(void *object)
{
	(void)object;
}

/*
 * A cache grows by whole slabs of (PAGE_SIZE << order) / size objects;
 * emptied and shrunk it gives back every page it took, and destroyed it
 * gives back the slabs it still held. A constructor keeps it from being
 * merged with another cache.
 */
static void grow_shrink_destroy_return_pages(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("ktest-grow", 200, 0, 0, count_ctor);
	unsigned long free0, slab0, free_full, held;
	unsigned int order, per_slab, slabs;

	KTEST_ASSERT_TRUE(t, s != NULL);
	order = oo_order(s->oo);
	/* 200 bytes, the free pointer after the object (a constructor): 204, aligned to 8: 208. */
	KTEST_EXPECT_EQ(t, s->size, 208);
	per_slab = (unsigned int)((PAGE_SIZE << order) / 208);
	KTEST_EXPECT_EQ(t, oo_objects(s->oo), per_slab);
	free0 = free_pages_drained();
	slab0 = slab_pages();
	for (unsigned int k = 0; k < MANY; k++) {
		objs[k] = kmem_cache_alloc(s, GFP_KERNEL);
		KTEST_ASSERT_TRUE(t, objs[k] != NULL);
	}
	slabs = (MANY + per_slab - 1) / per_slab;
	free_full = free_pages_drained();
	KTEST_EXPECT_EQ(t, s->node[0]->nr_slabs, slabs);
	KTEST_EXPECT_EQ(t, slab_pages() - slab0, (unsigned long)slabs << order);
	KTEST_EXPECT_EQ(t, free0 - free_full, (unsigned long)slabs << order);
	KTEST_EXPECT_EQ(t, slab_objects_in_use(s), MANY);

	for (unsigned int k = 0; k < MANY; k++)
		kmem_cache_free(s, objs[k]);
	KTEST_EXPECT_EQ(t, slab_objects_in_use(s), 0);
	KTEST_EXPECT_EQ(t, kmem_cache_shrink(s), 0);
	KTEST_EXPECT_EQ(t, s->node[0]->nr_slabs, 0);
	KTEST_EXPECT_EQ(t, free_pages_drained(), free0);
	KTEST_EXPECT_EQ(t, slab_pages(), slab0);

	/* Half the objects again, freed without a shrink: destroy gives back what the cache kept. */
	for (unsigned int k = 0; k < MANY / 2; k++)
		objs[k] = kmem_cache_alloc(s, GFP_KERNEL);
	for (unsigned int k = 0; k < MANY / 2; k++)
		kmem_cache_free(s, objs[k]);
	held = s->node[0]->nr_slabs << order;
	KTEST_EXPECT_GT(t, held, 0);
	KTEST_EXPECT_EQ(t, free_pages_drained() + held, free0);
	kmem_cache_destroy(s);
	KTEST_EXPECT_EQ(t, free_pages_drained(), free0);
	KTEST_EXPECT_EQ(t, slab_pages(), slab0);
}

/* SLAB_RECLAIM_ACCOUNT: pages asked as reclaimable and counted as SReclaimable. */
static void reclaim_account_pages(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("ktest-rcl", 512, 0, SLAB_RECLAIM_ACCOUNT, no_merge_ctor);
	unsigned long rcl0 = global_node_page_state_pages(NR_SLAB_RECLAIMABLE_B);
	unsigned long unrcl0 = global_node_page_state_pages(NR_SLAB_UNRECLAIMABLE_B);
	void *p;

	KTEST_ASSERT_TRUE(t, s != NULL);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_TRUE(t, p != NULL);
	KTEST_EXPECT_EQ(t, global_node_page_state_pages(NR_SLAB_RECLAIMABLE_B) - rcl0, 1UL << oo_order(s->oo));
	KTEST_EXPECT_EQ(t, global_node_page_state_pages(NR_SLAB_UNRECLAIMABLE_B), unrcl0);
	/* With mobility grouping the page sits in a reclaimable pageblock (stolen whole if need be). */
	if (!page_group_by_mobility_disabled)
		KTEST_EXPECT_EQ(t, get_pageblock_migratetype(virt_to_page(p)), MIGRATE_RECLAIMABLE);
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
	KTEST_EXPECT_EQ(t, global_node_page_state_pages(NR_SLAB_RECLAIMABLE_B), rcl0);
}

/* The constructor runs for each object of a new slab, and never again for a reused object. */
static void ctor_once_per_object(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("ktest-ctor", 200, 0, 0, count_ctor);
	unsigned int per_slab;

	KTEST_ASSERT_TRUE(t, s != NULL);
	per_slab = oo_objects(s->oo);
	ctor_calls = 0;
	for (unsigned int k = 0; k < per_slab + 1; k++)
		objs[k] = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_EXPECT_EQ(t, ctor_calls, 2 * per_slab);
	for (unsigned int k = 0; k < per_slab + 1; k++) {
		unsigned int bad = 0;

		for (unsigned int i = 0; i < 200; i++)
			bad += ((u8 *)objs[k])[i] != 0xc7;
		KTEST_EXPECT_EQ(t, bad, 0);
		kmem_cache_free(s, objs[k]);
	}
	/* Reused objects: no constructor call, and the constructed state intact (the free pointer is outside). */
	for (unsigned int k = 0; k < per_slab + 1; k++) {
		unsigned int bad = 0;

		objs[k] = kmem_cache_alloc(s, GFP_KERNEL);
		for (unsigned int i = 0; i < 200; i++)
			bad += ((u8 *)objs[k])[i] != 0xc7;
		KTEST_EXPECT_EQ(t, bad, 0);
	}
	KTEST_EXPECT_EQ(t, ctor_calls, 2 * per_slab);
	for (unsigned int k = 0; k < per_slab + 1; k++)
		kmem_cache_free(s, objs[k]);
	kmem_cache_destroy(s);
}

/* Linux 6.1's class for a kmalloc of n bytes on ARM: 64 the smallest, 192 between 128 and 256, powers of two. */
static unsigned int expected_class(unsigned int n)
{
	unsigned int c = 64;

	if (n > 128 && n <= 192)
		return 192;
	while (c < n)
		c *= 2;
	return c;
}

static void class_name(char *buf, size_t len, const char *prefix, unsigned int c)
{
	if (c >= 1024)
		snprintf(buf, len, "%s%uk", prefix, c / 1024);
	else
		snprintf(buf, len, "%s%u", prefix, c);
}

static void check_class(struct ktest *t, unsigned int n, gfp_t gfp, const char *prefix)
{
	unsigned int c = expected_class(n);
	void *p = kmalloc(n, gfp);
	char name[32];
	struct slab *slab;

	KTEST_ASSERT_TRUE(t, p != NULL);
	slab = virt_to_slab(p);
	KTEST_ASSERT_TRUE(t, slab != NULL);
	class_name(name, sizeof(name), prefix, c);
	if (strcmp(slab->slab_cache->name, name))
		KTEST_FAIL(t, "kmalloc(%u) went to %s, not %s", n, slab->slab_cache->name, name);
	KTEST_EXPECT_EQ(t, ksize(p), c);
	/* Powers of two are aligned to their size, 192 to the 64-byte minimum. */
	KTEST_EXPECT_EQ(t, (unsigned long)p & ((c & (c - 1)) ? 63 : c - 1), 0);
	memset(p, 0x5a, n);
	kfree(p);
}

static void kmalloc_size_classes(struct ktest *t)
{
	for (unsigned int n = 1; n <= 1024; n++)
		check_class(t, n, GFP_KERNEL, "kmalloc-");
	for (unsigned int n = 1025; n <= 8192; n += 61)
		check_class(t, n, GFP_KERNEL, "kmalloc-");
	check_class(t, 8192, GFP_KERNEL, "kmalloc-");
	for (unsigned int n = 1; n <= 8192; n = n * 3 + 1)
		check_class(t, n, GFP_KERNEL | __GFP_RECLAIMABLE, "kmalloc-rcl-");
	/* No class below 64 exists: kmalloc-8 .. kmalloc-32 and kmalloc-96 are not made with a 64-byte minimum. */
	KTEST_EXPECT_TRUE(t, kmalloc_caches[KMALLOC_NORMAL][3] == NULL);
	KTEST_EXPECT_TRUE(t, kmalloc_caches[KMALLOC_NORMAL][5] == NULL);
	KTEST_EXPECT_TRUE(t, kmalloc_caches[KMALLOC_NORMAL][1] == NULL);
}

static void ksize_and_krealloc(struct ktest *t)
{
	u8 *p = kmalloc(100, GFP_KERNEL), *q;
	void *z;

	KTEST_ASSERT_TRUE(t, p != NULL);
	KTEST_EXPECT_EQ(t, ksize(p), 128);
	for (unsigned int i = 0; i < 100; i++)
		p[i] = pattern_byte(1, i);
	/* Still fits its 128 bytes: the same object. */
	KTEST_EXPECT_EQ(t, (unsigned long)krealloc(p, 128, GFP_KERNEL), (unsigned long)p);
	q = krealloc(p, 1000, GFP_KERNEL);
	KTEST_ASSERT_TRUE(t, q != NULL);
	KTEST_EXPECT_NE(t, (unsigned long)q, (unsigned long)p);
	KTEST_EXPECT_EQ(t, ksize(q), 1024);
	for (unsigned int i = 0; i < 100; i++)
		if (q[i] != pattern_byte(1, i)) {
			KTEST_FAIL(t, "krealloc lost byte %u", i);
			break;
		}
	/* Into kmalloc_large and back down: contents kept each way. */
	q = krealloc(q, 20000, GFP_KERNEL);
	KTEST_ASSERT_TRUE(t, q != NULL);
	KTEST_EXPECT_EQ(t, ksize(q), 8 * PAGE_SIZE);	/* 20000 bytes: more than 4 pages, order 3 */
	KTEST_EXPECT_EQ(t, q[99], pattern_byte(1, 99));
	KTEST_EXPECT_EQ(t, (unsigned long)krealloc(q, 0, GFP_KERNEL), (unsigned long)ZERO_SIZE_PTR);

	z = krealloc(NULL, 50, GFP_KERNEL);
	KTEST_ASSERT_TRUE(t, z != NULL);
	KTEST_EXPECT_EQ(t, ksize(z), 64);
	kfree(z);

	KTEST_EXPECT_EQ(t, (unsigned long)kmalloc(0, GFP_KERNEL), (unsigned long)ZERO_SIZE_PTR);
	KTEST_EXPECT_EQ(t, ksize(ZERO_SIZE_PTR), 0);
	KTEST_EXPECT_EQ(t, ksize(NULL), 0);
	kfree(NULL);
	kfree(ZERO_SIZE_PTR);
}

static void kcalloc_zeroes_and_overflow(struct ktest *t)
{
	u8 *p = kmalloc(200, GFP_KERNEL);
	unsigned int nonzero = 0;

	KTEST_ASSERT_TRUE(t, p != NULL);
	memset(p, 0xff, 200);
	kfree(p);
	/* The same class: very likely the object just dirtied. */
	p = kcalloc(10, 20, GFP_KERNEL);
	KTEST_ASSERT_TRUE(t, p != NULL);
	for (unsigned int i = 0; i < 200; i++)
		nonzero += p[i] != 0;
	KTEST_EXPECT_EQ(t, nonzero, 0);
	kfree(p);
	p = kzalloc(300, GFP_KERNEL);
	KTEST_ASSERT_TRUE(t, p != NULL);
	for (unsigned int i = 0; i < 300; i++)
		nonzero += p[i] != 0;
	KTEST_EXPECT_EQ(t, nonzero, 0);
	kfree(p);
	KTEST_EXPECT_TRUE(t, kmalloc_array(SIZE_MAX / 4 + 2, 4, GFP_KERNEL) == NULL);
	KTEST_EXPECT_TRUE(t, kcalloc(0x10001, 0x10001, GFP_KERNEL) == NULL);
	p = kmalloc_array(16, 16, GFP_KERNEL);
	KTEST_ASSERT_TRUE(t, p != NULL);
	KTEST_EXPECT_EQ(t, ksize(p), 256);
	kfree(p);
}

/* Above kmalloc-8k: a compound block of get_order(size) pages, counted as unreclaimable slab. */
static void kmalloc_large_pages(struct ktest *t)
{
	unsigned long free0 = free_pages_drained(), unrcl0 = global_node_page_state_pages(NR_SLAB_UNRECLAIMABLE_B);
	u8 *p = kmalloc(8192 + 1, GFP_KERNEL);
	struct page *page;

	KTEST_ASSERT_TRUE(t, p != NULL);
	page = virt_to_page(p);
	KTEST_EXPECT_EQ(t, (unsigned long)p & (PAGE_SIZE - 1), 0);
	KTEST_EXPECT_FALSE(t, PageSlab(page));
	KTEST_EXPECT_TRUE(t, PageHead(page));
	KTEST_EXPECT_EQ(t, compound_order(page), 2);	/* 8193 bytes: 3 pages, order 2 */
	KTEST_EXPECT_EQ(t, (unsigned long)compound_head(page + 3), (unsigned long)page);
	KTEST_EXPECT_EQ(t, ksize(p), 4 * PAGE_SIZE);
	KTEST_EXPECT_EQ(t, global_node_page_state_pages(NR_SLAB_UNRECLAIMABLE_B) - unrcl0, 4);
	memset(p, 0xab, 4 * PAGE_SIZE);
	kfree(p);
	KTEST_EXPECT_FALSE(t, PageHead(page));
	KTEST_EXPECT_FALSE(t, PageTail(page + 1));
	KTEST_EXPECT_EQ(t, global_node_page_state_pages(NR_SLAB_UNRECLAIMABLE_B), unrcl0);
	KTEST_EXPECT_EQ(t, free_pages_drained(), free0);

	/* kmalloc(8192) is still a slab object; past KMALLOC_MAX_SIZE nothing. */
	p = kmalloc(8192, GFP_KERNEL);
	KTEST_ASSERT_TRUE(t, p != NULL);
	KTEST_EXPECT_TRUE(t, PageSlab(compound_head(virt_to_page(p))));
	kfree(p);
	KTEST_EXPECT_TRUE(t, kmalloc(KMALLOC_MAX_SIZE + 1, GFP_KERNEL | __GFP_NOWARN) == NULL);
	/* kmalloc_large called directly: 3 pages make an order-2 block. */
	p = kmalloc_large(3 * PAGE_SIZE, GFP_KERNEL);
	KTEST_ASSERT_TRUE(t, p != NULL);
	KTEST_EXPECT_EQ(t, compound_order(virt_to_page(p)), 2);
	KTEST_EXPECT_EQ(t, global_node_page_state_pages(NR_SLAB_UNRECLAIMABLE_B) - unrcl0, 4);
	kfree(p);
	KTEST_EXPECT_EQ(t, global_node_page_state_pages(NR_SLAB_UNRECLAIMABLE_B), unrcl0);
}

/* Caches of the same size without constructors share one (Linux's merging); destroy takes both references. */
static void compatible_caches_merge(struct ktest *t)
{
	struct kmem_cache *a = kmem_cache_create("ktest-merge-a", 72, 0, 0, NULL);
	struct kmem_cache *b = kmem_cache_create("ktest-merge-b", 70, 0, 0, NULL);
	struct kmem_cache *c = kmem_cache_create("ktest-merge-c", 72, 0, SLAB_RECLAIM_ACCOUNT, NULL);

	KTEST_ASSERT_TRUE(t, a && b && c);
	KTEST_EXPECT_EQ(t, (unsigned long)a, (unsigned long)b);
	KTEST_EXPECT_EQ(t, a->refcount, 2);
	KTEST_EXPECT_STREQ(t, kmem_cache_name(b), "ktest-merge-a");
	/* Not with a different reclaim accounting. */
	KTEST_EXPECT_NE(t, (unsigned long)a, (unsigned long)c);
	kmem_cache_destroy(b);
	KTEST_EXPECT_EQ(t, a->refcount, 1);
	kmem_cache_destroy(a);
	kmem_cache_destroy(c);
}

/*
 * Free objects link through a pointer inside them, stored as Linux's
 * hardened freelist stores it: next ^ s->random ^ swab32(where it is).
 */
static void free_pointer_hardened(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("ktest-fp", 64, 0, 0, no_merge_ctor);
	void *a, *b;
	u32 raw, where;

	KTEST_ASSERT_TRUE(t, s != NULL);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_TRUE(t, a && b);
	kmem_cache_free(s, a);
	kmem_cache_free(s, b);
	/* With a constructor the pointer is after the object: at 64, the object's words left alone. */
	KTEST_EXPECT_EQ(t, s->offset, 64);
	where = (u32)(unsigned long)b + s->offset;
	raw = *(u32 *)(unsigned long)where;
	KTEST_EXPECT_NE(t, raw, (u32)(unsigned long)a);
	KTEST_EXPECT_EQ(t, raw ^ (u32)s->random ^ __builtin_bswap32(where), (u32)(unsigned long)a);
	/* Last freed, first handed out. */
	KTEST_EXPECT_EQ(t, (unsigned long)kmem_cache_alloc(s, GFP_KERNEL), (unsigned long)b);
	KTEST_EXPECT_EQ(t, (unsigned long)kmem_cache_alloc(s, GFP_KERNEL), (unsigned long)a);
	kmem_cache_free(s, a);
	kmem_cache_free(s, b);
	kmem_cache_destroy(s);
}

/* Bad calls: refused with Linux's message, nothing made. */
static void bad_create_refused(struct ktest *t)
{
	KTEST_EXPECT_TRUE(t, kmem_cache_create("ktest-zero", 0, 0, 0, NULL) == NULL);
	KTEST_EXPECT_TRUE(t, kmem_cache_create("ktest-flags", 64, 0, 0x1, NULL) == NULL);
	KTEST_EXPECT_TRUE(t, kmem_cache_create(NULL, 64, 0, 0, NULL) == NULL);
}

static const struct ktest_case slab_cases[] = {
	KTEST_CASE(objects_aligned_and_apart),
	KTEST_CASE(grow_shrink_destroy_return_pages),
	KTEST_CASE(reclaim_account_pages),
	KTEST_CASE(ctor_once_per_object),
	KTEST_CASE(kmalloc_size_classes),
	KTEST_CASE(ksize_and_krealloc),
	KTEST_CASE(kcalloc_zeroes_and_overflow),
	KTEST_CASE(kmalloc_large_pages),
	KTEST_CASE(compatible_caches_merge),
	KTEST_CASE(free_pointer_hardened),
	KTEST_CASE(bad_create_refused),
	{}
};
KTEST_SUITE(slab, slab_cases);
