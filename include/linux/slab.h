/*
 * The slab allocator (SLUB) and kmalloc. Follows Linux's include/linux/slab.h
 * (v6.1): object caches made with kmem_cache_create, and kmalloc's caches
 * of general sizes above them, with the pages of larger requests straight
 * from the page allocator. See docs/slab.md.
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/cache.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/overflow.h>
#include <linux/types.h>

typedef unsigned int slab_flags_t;

/* Cache flags, Linux 6.1's values. */
#define SLAB_CONSISTENCY_CHECKS	0x00000100U	/* slub_debug F: checks on alloc and free */
#define SLAB_RED_ZONE		0x00000400U	/* slub_debug Z: guard bytes around each object */
#define SLAB_POISON		0x00000800U	/* slub_debug P: free objects filled with a pattern */
#define SLAB_KMALLOC		0x00001000U	/* one of kmalloc's caches */
#define SLAB_HWCACHE_ALIGN	0x00002000U	/* objects aligned to the cache line (cache_line_size) */
#define SLAB_CACHE_DMA		0x00004000U	/* pages from ZONE_DMA */
#define SLAB_STORE_USER		0x00010000U	/* slub_debug U: who allocated and freed each object */
#define SLAB_RECLAIM_ACCOUNT	0x00020000U	/* reclaimable: MIGRATE_RECLAIMABLE pages, SReclaimable */
#define SLAB_PANIC		0x00040000U	/* kmem_cache_create panics instead of failing */
#define SLAB_NOLEAKTRACE	0x00800000U	/* (kmemleak in Linux) never merged */
#define SLAB_FAILSLAB		0x02000000U	/* failslab may fail its allocations */

/*
 * ARM's ARCH_DMA_MINALIGN is the L1 line (arch/arm/include/asm/cache.h),
 * 64 bytes on the Cortex-A15: kmalloc memory may be given to DMA, so no
 * kmalloc object shares a cache line, and the smallest kmalloc class is 64.
 */
#define ARCH_DMA_MINALIGN	L1_CACHE_BYTES
#define ARCH_KMALLOC_MINALIGN	ARCH_DMA_MINALIGN
#define KMALLOC_MIN_SIZE	ARCH_DMA_MINALIGN
/* Linux's default ARCH_SLAB_MINALIGN: no object less aligned than a 64-bit value. */
#define ARCH_SLAB_MINALIGN	__alignof__(unsigned long long)

#define KMALLOC_SHIFT_LOW	6
_Static_assert(1 << KMALLOC_SHIFT_LOW == KMALLOC_MIN_SIZE, "KMALLOC_SHIFT_LOW is ilog2(KMALLOC_MIN_SIZE)");
/* SLUB's kmalloc caches go up to two pages; larger requests are kmalloc_large's. */
#define KMALLOC_SHIFT_HIGH	(PAGE_SHIFT + 1)
#define KMALLOC_SHIFT_MAX	(MAX_ORDER + PAGE_SHIFT - 1)
#define KMALLOC_MAX_SIZE	(1UL << KMALLOC_SHIFT_MAX)
#define KMALLOC_MAX_CACHE_SIZE	(1UL << KMALLOC_SHIFT_HIGH)

/* What kmalloc(0) returns: not NULL, and faults if used (Linux's ZERO_SIZE_PTR). */
#define ZERO_SIZE_PTR		((void *)16)
#define ZERO_OR_NULL_PTR(x)	((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

struct kmem_cache;

/*
 * Follows Linux's kmem_cache_create (mm/slab_common.c, v6.1): a cache of
 * objects of @size bytes aligned to @align (and to the cache line with
 * SLAB_HWCACHE_ALIGN), each given to @ctor once when its slab is made. A
 * compatible existing cache may be returned instead (merging), as Linux
 * does unless slub_nomerge is on the command line. NULL on failure, or a
 * panic with SLAB_PANIC.
 */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     slab_flags_t flags, void (*ctor)(void *));
/* Follows Linux's kmem_cache_destroy (v6.1): every object must have been freed. */
void kmem_cache_destroy(struct kmem_cache *s);
/* Follows Linux's kmem_cache_shrink (v6.1): empty slabs back to the page allocator; 0 if none is left. */
int kmem_cache_shrink(struct kmem_cache *s);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags);
void kmem_cache_free(struct kmem_cache *s, void *object);
static inline void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t flags)
{
	return kmem_cache_alloc(s, flags | __GFP_ZERO);
}
/* The name a cache was made with (or merged into). */
const char *kmem_cache_name(const struct kmem_cache *s);

/* Follows Linux's kmalloc (v6.1): at least @size bytes, aligned to ARCH_KMALLOC_MINALIGN (and a power of two's own size). */
void *__kmalloc(size_t size, gfp_t flags);
/* Follows Linux's kmalloc_large (v6.1): whole compound pages from the page allocator. */
void *kmalloc_large(size_t size, gfp_t flags);
void kfree(const void *object);
/* Follows Linux's ksize (v6.1): how many bytes of the object may be used. */
size_t ksize(const void *object);
/* Follows Linux's krealloc (v6.1): the contents kept up to the smaller size; the object moves only when it must grow past ksize. */
void *krealloc(const void *p, size_t new_size, gfp_t flags);

/* Linux's enum kmalloc_cache_type (v6.1), the types this kernel has (no memory cgroups). */
enum kmalloc_cache_type {
	KMALLOC_NORMAL,
	KMALLOC_RECLAIM,	/* __GFP_RECLAIMABLE: kmalloc-rcl-* */
#ifdef CONFIG_ZONE_DMA
	KMALLOC_DMA,		/* __GFP_DMA: dma-kmalloc-* */
#endif
	NR_KMALLOC_TYPES
};

extern struct kmem_cache *kmalloc_caches[NR_KMALLOC_TYPES][KMALLOC_SHIFT_HIGH + 1];

/* Follows Linux's kmalloc_type (v6.1). */
static __always_inline enum kmalloc_cache_type kmalloc_type(gfp_t flags)
{
	if (likely(!(flags & (__GFP_DMA | __GFP_RECLAIMABLE))))
		return KMALLOC_NORMAL;
#ifdef CONFIG_ZONE_DMA
	if (flags & __GFP_DMA)
		return KMALLOC_DMA;
#endif
	return KMALLOC_RECLAIM;
}

/*
 * Follows Linux's __kmalloc_index (v6.1) for SLUB on ARM: the kmalloc
 * index of a size known at compile time (1 .. KMALLOC_MAX_CACHE_SIZE).
 */
static __always_inline unsigned int kmalloc_index(size_t size)
{
	if (size <= KMALLOC_MIN_SIZE)
		return KMALLOC_SHIFT_LOW;
	if (KMALLOC_MIN_SIZE <= 32 && size > 64 && size <= 96)
		return 1;
	if (KMALLOC_MIN_SIZE <= 64 && size > 128 && size <= 192)
		return 2;
	for (unsigned int i = 3; i <= KMALLOC_SHIFT_HIGH; i++)
		if (size <= (1UL << i))
			return i;
	return KMALLOC_SHIFT_HIGH;
}

/* Follows Linux's kmalloc_trace (v6.1): kmalloc from a cache chosen at compile time. */
void *kmalloc_trace(struct kmem_cache *s, gfp_t flags, size_t size);

/*
 * Follows Linux's kmalloc (v6.1): a size known at compile time picks its
 * cache (or kmalloc_large) at compile time; any other goes through
 * __kmalloc's table.
 */
static __always_inline void *kmalloc(size_t size, gfp_t flags)
{
	if (__builtin_constant_p(size) && size) {
		if (size > KMALLOC_MAX_CACHE_SIZE)
			return kmalloc_large(size, flags);
		return kmalloc_trace(kmalloc_caches[kmalloc_type(flags)][kmalloc_index(size)], flags, size);
	}
	return __kmalloc(size, flags);
}

static inline void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

/* Follows Linux's kmalloc_array (v6.1): NULL when n * size overflows. */
static inline void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (check_mul_overflow(n, size, &bytes))
		return NULL;
	return __kmalloc(bytes, flags);
}

static inline void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	return kmalloc_array(n, size, flags | __GFP_ZERO);
}

/* Follows Linux's kmem_cache_init (mm/slub.c, v6.1): the first caches, kmalloc's, and the SLUB: line. */
void kmem_cache_init(void);
/* /proc/slabinfo (version 2.1) on the console (mm/slab_common.c). */
void show_slabinfo(void);
/* show_slabinfo if the command line says "slabinfo" (from mm_initcalls). */
void slabinfo_at_boot(void);

/*
 * fault=slab-double-free, slab-use-after-free, slab-redzone (called by
 * kernel/fault_inject.c): the bug made on a kmalloc-64 object, which
 * slub_debug=FZPU must report; returns once it has (mm/slub_debug.c).
 */
#ifdef CONFIG_SLUB_DEBUG
void slab_debug_fault(const char *kind);
#else
static inline void slab_debug_fault(const char *kind)
{
	panic("fault=%s: this kernel is built without CONFIG_SLUB_DEBUG", kind);
}
#endif

#endif
