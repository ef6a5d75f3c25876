/*
 * What every slab allocator shares in Linux (mm/slab_common.c, v6.1):
 * making, merging and destroying caches, kmalloc's caches and its calls,
 * and /proc/slabinfo.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/vmstat.h>
#include <asm/setup.h>
#include "slab.h"
#include "slub_debug.h"

LIST_HEAD(slab_caches);
enum slab_state slab_state;
struct kmem_cache *kmalloc_caches[NR_KMALLOC_TYPES][KMALLOC_SHIFT_HIGH + 1];

/* Linux's slab_nomerge: slab_nomerge or slub_nomerge on the command line turns merging off. */
early_param_flag("slab_nomerge", slab_nomerge);
static int __init setup_slub_nomerge(char *str)
{
	(void)str;
	slab_nomerge = true;
	return 0;
}
early_param("slub_nomerge", setup_slub_nomerge);

/* Follows Linux's slab_unmergeable (v6.1). */
static bool slab_unmergeable(const struct kmem_cache *s)
{
	return slab_nomerge || (s->flags & SLAB_NEVER_MERGE) || s->ctor || s->usersize || s->refcount < 0;
}

/* Follows Linux's find_mergeable (v6.1): the oldest cache whose objects would serve, with no more than a word to spare. */
static struct kmem_cache *find_mergeable(unsigned int size, unsigned int align, slab_flags_t flags,
					 const char *name, void (*ctor)(void *))
{
	struct kmem_cache *s;

	if (slab_nomerge || ctor)
		return NULL;
	size = ALIGN(size, (unsigned int)sizeof(void *));
	align = calculate_alignment(flags, align, size);
	size = ALIGN(size, align);
	flags = kmem_cache_flags(size, flags, name);
	if (flags & SLAB_NEVER_MERGE)
		return NULL;
	list_for_each_entry_reverse(s, &slab_caches, list) {
		if (slab_unmergeable(s))
			continue;
		if (size > s->size)
			continue;
		if ((flags & SLAB_MERGE_SAME) != (s->flags & SLAB_MERGE_SAME))
			continue;
		if ((s->size & ~(align - 1)) != s->size)
			continue;
		if (s->size - size >= sizeof(void *))
			continue;
		return s;
	}
	return NULL;
}

/* Follows Linux's __kmem_cache_alias (mm/slub.c, v6.1). */
struct kmem_cache *__kmem_cache_alias(const char *name, unsigned int size, unsigned int align,
				      slab_flags_t flags, void (*ctor)(void *))
{
	struct kmem_cache *s = find_mergeable(size, align, flags, name, ctor);

	if (s) {
		s->refcount++;
		s->object_size = max(s->object_size, size);
		s->inuse = max(s->inuse, ALIGN(size, (unsigned int)sizeof(void *)));
	}
	return s;
}

/* The flags kmem_cache_create accepts (Linux's SLAB_FLAGS_PERMITTED, those this kernel has). */
#define SLAB_FLAGS_PERMITTED	(SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | SLAB_POISON | SLAB_HWCACHE_ALIGN | \
				 SLAB_CACHE_DMA | SLAB_STORE_USER | SLAB_RECLAIM_ACCOUNT | SLAB_PANIC | \
				 SLAB_NOLEAKTRACE | SLAB_FAILSLAB)

/* Follows Linux's create_cache (v6.1). */
static struct kmem_cache *create_cache(const char *name, unsigned int object_size, unsigned int align,
				       slab_flags_t flags, void (*ctor)(void *), int *err)
{
	struct kmem_cache *s = kmem_cache_zalloc(kmem_cache, GFP_KERNEL);

	if (!s) {
		*err = -ENOMEM;
		return NULL;
	}
	s->name = name;
	s->size = s->object_size = object_size;
	s->align = align;
	s->ctor = ctor;
	*err = __kmem_cache_create(s, flags);
	if (*err) {
		kmem_cache_free(kmem_cache, s);
		return NULL;
	}
	s->refcount = 1;
	list_add(&s->list, &slab_caches);
	return s;
}

/*
 * Follows Linux's kmem_cache_create_usercopy (v6.1) without a usercopy
 * region. The name is kept, not copied (Linux's kstrdup_const keeps
 * constant strings too): it must outlive the cache. Linux's
 * kmem_cache_sanity_check (with CONFIG_DEBUG_VM) refuses no name, size 0
 * and sizes above KMALLOC_MAX_SIZE; so does this.
 */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     slab_flags_t flags, void (*ctor)(void *))
{
	struct kmem_cache *s = NULL;
	int err = 0;

	if (!name || !size || size > KMALLOC_MAX_SIZE || slab_state < UP) {
		err = -EINVAL;
		goto out;
	}
	/* Refuse requests with allocator-specific flags. */
	if (flags & ~SLAB_FLAGS_PERMITTED) {
		err = -EINVAL;
		goto out;
	}
	s = __kmem_cache_alias(name, size, align, flags, ctor);
	if (s)
		goto out;
	s = create_cache(name, size, calculate_alignment(flags, align, size), flags, ctor, &err);
out:
	if (err) {
		if (flags & SLAB_PANIC)
			panic("%s: Failed to create slab '%s'. Error %d\n", __func__, name, err);
		pr_warn("%s(%s) failed with error %d\n", __func__, name ? name : "(null)", err);
		dump_stack();
		return NULL;
	}
	return s;
}

const char *kmem_cache_name(const struct kmem_cache *s)
{
	return s->name;
}

/*
 * Follows Linux's kmem_cache_destroy and shutdown_cache (v6.1): the last
 * user's destroy frees the cache; one with objects still allocated is
 * reported and left as it is, its objects still usable.
 */
void kmem_cache_destroy(struct kmem_cache *s)
{
	if (!s)
		return;
	if (--s->refcount)
		return;
	if (__kmem_cache_shutdown(s)) {
		pr_warn("%s %s: Slab cache still has objects when called from %pS\n", __func__, s->name,
			__builtin_return_address(0));
		WARN_ON(true);
		return;
	}
	list_del(&s->list);
	__kmem_cache_release(s);
	kmem_cache_free(kmem_cache, s);
}

int kmem_cache_shrink(struct kmem_cache *s)
{
	return __kmem_cache_shrink(s);
}

/* Follows Linux's create_boot_cache (v6.1): kmalloc's alignment, a power of two's own size. */
void create_boot_cache(struct kmem_cache *s, const char *name, unsigned int size,
		       slab_flags_t flags, unsigned int usersize)
{
	unsigned int align = ARCH_KMALLOC_MINALIGN;
	int err;

	s->name = name;
	s->size = s->object_size = size;
	if (is_power_of_2(size))
		align = max(align, size);
	s->align = calculate_alignment(flags, align, size);
	s->usersize = usersize;
	err = __kmem_cache_create(s, flags);
	if (err)
		panic("Creation of kmalloc slab %s size=%u failed. Reason %d\n", name, size, err);
	/* Exempt from merging for now. */
	s->refcount = -1;
}

/* Follows Linux's create_kmalloc_cache (v6.1): usersize makes it unmergeable, as HARDENED_USERCOPY's whitelist does. */
static struct kmem_cache *create_kmalloc_cache(const char *name, unsigned int size, slab_flags_t flags)
{
	struct kmem_cache *s = kmem_cache_zalloc(kmem_cache, GFP_KERNEL);

	if (!s)
		panic("Out of memory when creating slab %s\n", name);
	create_boot_cache(s, name, size, flags | SLAB_KMALLOC, size);
	list_add(&s->list, &slab_caches);
	s->refcount = 1;
	return s;
}

/* Follows Linux's new_kmalloc_cache (v6.1). */
static void new_kmalloc_cache(unsigned int idx, enum kmalloc_cache_type type, slab_flags_t flags)
{
	if (type == KMALLOC_RECLAIM)
		flags |= SLAB_RECLAIM_ACCOUNT;
#ifdef CONFIG_ZONE_DMA
	if (type == KMALLOC_DMA)
		flags |= SLAB_CACHE_DMA;
#endif
	kmalloc_caches[type][idx] = create_kmalloc_cache(kmalloc_info[idx].name[type], kmalloc_info[idx].size, flags);
}

/*
 * Follows Linux's create_kmalloc_caches (v6.1): for each type the
 * power-of-two caches from KMALLOC_SHIFT_LOW, with 96 after 64 and 192
 * after 128 where the minimum size lets them be used.
 */
void create_kmalloc_caches(slab_flags_t flags)
{
	for (int type = KMALLOC_NORMAL; type < NR_KMALLOC_TYPES; type++) {
		for (unsigned int i = KMALLOC_SHIFT_LOW; i <= KMALLOC_SHIFT_HIGH; i++) {
			if (!kmalloc_caches[type][i])
				new_kmalloc_cache(i, (enum kmalloc_cache_type)type, flags);
			if (KMALLOC_MIN_SIZE <= 32 && i == 6 && !kmalloc_caches[type][1])
				new_kmalloc_cache(1, (enum kmalloc_cache_type)type, flags);
			if (KMALLOC_MIN_SIZE <= 64 && i == 7 && !kmalloc_caches[type][2])
				new_kmalloc_cache(2, (enum kmalloc_cache_type)type, flags);
		}
	}
	slab_state = UP;
}

/*
 * Follows Linux's __kmalloc_large_node (v6.1): a compound block, counted
 * as unreclaimable slab memory as Linux counts it.
 */
void *kmalloc_large_caller(size_t size, gfp_t flags)
{
	unsigned int order = get_order(size);
	struct page *page;

	if (size > KMALLOC_MAX_SIZE) {
		if (!(flags & __GFP_NOWARN))
			WARN_ON(true);
		return NULL;
	}
	page = alloc_pages((flags & ~__GFP_HIGHMEM) | __GFP_COMP, order);
	if (!page)
		return NULL;
	mod_node_page_state(NODE_DATA(0), NR_SLAB_UNRECLAIMABLE_B, (long)(PAGE_SIZE << order));
	return page_address(page);
}

void *kmalloc_large(size_t size, gfp_t flags)
{
	return kmalloc_large_caller(size, flags);
}

/* Follows Linux's free_large_kmalloc (v6.1). */
void free_large_kmalloc(struct page *page, const void *object)
{
	unsigned int order = compound_order(page);

	if (WARN_ON(order == 0))
		pr_warn("object pointer: 0x%p\n", object);
	mod_node_page_state(NODE_DATA(0), NR_SLAB_UNRECLAIMABLE_B, -(long)(PAGE_SIZE << order));
	__free_pages(page, order);
}

/* Follows Linux's __ksize (v6.1). */
size_t __ksize(const void *object)
{
	struct page *page;

	if (unlikely(object == ZERO_SIZE_PTR))
		return 0;
	page = virt_to_head_page(object);
	if (unlikely(!PageSlab(page))) {
		size_t bytes = PAGE_SIZE << compound_order(page);

		if (WARN_ON(bytes <= KMALLOC_MAX_CACHE_SIZE))
			return 0;
		if (WARN_ON(object != page_address(page)))
			return 0;
		return bytes;
	}
	return slab_ksize(((struct slab *)page)->slab_cache);
}

size_t ksize(const void *object)
{
	if (unlikely(ZERO_OR_NULL_PTR(object)))
		return 0;
	return __ksize(object);
}

/* Follows Linux's krealloc and __do_krealloc (v6.1). */
void *krealloc(const void *p, size_t new_size, gfp_t flags)
{
	size_t ks = 0;
	void *ret;

	if (unlikely(!new_size)) {
		kfree(p);
		return ZERO_SIZE_PTR;
	}
	if (likely(!ZERO_OR_NULL_PTR(p)))
		ks = __ksize(p);
	/* It still fits. */
	if (ks >= new_size)
		return (void *)p;
	ret = __kmalloc(new_size, flags);
	if (ret && !ZERO_OR_NULL_PTR(p)) {
		memcpy(ret, p, ks);
		kfree(p);
	}
	return ret;
}

early_param_flag("slabinfo", show_slabinfo_at_boot);

/* Follows Linux's print_slabinfo_header and cache_show (mm/slab_common.c, v6.1): /proc/slabinfo, newest cache first. */
void show_slabinfo(void)
{
	struct kmem_cache *s;

	pr_info("slabinfo - version: 2.1\n");
	pr_info("# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab>"
		" : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>\n");
	list_for_each_entry(s, &slab_caches, list) {
		struct slabinfo sinfo;

		get_slabinfo(s, &sinfo);
		pr_info("%-17s %6lu %6lu %6u %4u %4d : tunables %4u %4u %4u : slabdata %6lu %6lu %6lu\n",
			s->name, sinfo.active_objs, sinfo.num_objs, s->size, sinfo.objects_per_slab,
			1 << sinfo.cache_order, 0u, 0u, 0u, sinfo.active_slabs, sinfo.num_slabs, 0ul);
	}
}

/* "slabinfo" on the command line: printed with the other /proc files (mm_initcalls). */
void slabinfo_at_boot(void)
{
	if (show_slabinfo_at_boot)
		show_slabinfo();
}
