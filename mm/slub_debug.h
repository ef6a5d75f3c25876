/*
 * slub_debug's hooks into SLUB (mm/slub_debug.c, CONFIG_SLUB_DEBUG), and
 * failslab's (mm/failslab.c, CONFIG_FAILSLAB). Without them the hooks are
 * stubs that check nothing and never fail, and no cache gets debug flags.
 */
#ifndef _MM_SLUB_DEBUG_H
#define _MM_SLUB_DEBUG_H

#include "slab.h"

/* The flags slub_debug may set (Linux's SLAB_DEBUG_FLAGS). */
#define SLAB_DEBUG_FLAGS	(SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER | SLAB_CONSISTENCY_CHECKS)
/* Never merged (Linux's SLAB_NEVER_MERGE, the flags this kernel has). */
#define SLAB_NEVER_MERGE	(SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER | SLAB_NOLEAKTRACE | SLAB_FAILSLAB)
/* Merged only with caches that have the same (Linux's SLAB_MERGE_SAME). */
#define SLAB_MERGE_SAME		(SLAB_RECLAIM_ACCOUNT | SLAB_CACHE_DMA)

/* Linux's __OBJECT_POISON: the objects of this cache are poisoned (SLAB_POISON without a constructor). */
#define __OBJECT_POISON		0x80000000U

/* Follows Linux's kmem_cache_debug (v6.1): debug caches take the slow paths, one object at a time. */
static inline bool kmem_cache_debug(const struct kmem_cache *s)
{
	return s->flags & SLAB_DEBUG_FLAGS;
}

/* Follows Linux's fixup_red_left (v6.1): an object's address, past its left red zone. */
static inline void *fixup_red_left(const struct kmem_cache *s, void *p)
{
	if (s->flags & SLAB_RED_ZONE)
		p = (char *)p + s->red_left_pad;
	return p;
}

#ifdef CONFIG_SLUB_DEBUG
/* Follows Linux's kmem_cache_flags (v6.1): the cache's flags with those slub_debug= gives it. */
slab_flags_t kmem_cache_flags(unsigned int object_size, slab_flags_t flags, const char *name);
/* The bytes slub_debug adds after the free pointer (Linux's struct track pair for U). */
unsigned int slub_debug_track_size(const struct kmem_cache *s);
/* A new slab: poisoned whole with P (Linux's setup_slab_debug). */
void setup_slab_debug(struct kmem_cache *s, struct slab *slab, void *addr);
/* A new object: red zones and poison (Linux's setup_object_debug). */
void setup_object_debug(struct kmem_cache *s, void *object);
/* Linux's alloc_debug_processing (v6.1): false if the object must not be handed out. */
bool alloc_debug_processing(struct kmem_cache *s, struct slab *slab, void *object, unsigned long addr);
/* Linux's free_debug_processing (v6.1), one object: false if it must not be freed. */
bool free_debug_processing(struct kmem_cache *s, struct slab *slab, void *object, unsigned long addr);
/* A slab about to be freed: each object and the padding checked (Linux's free_slab's checks). */
void free_slab_debug(struct kmem_cache *s, struct slab *slab);
/* kmem_cache_node's first object, taken before the allocator works (early_kmem_cache_node_alloc). */
void early_object_debug(struct kmem_cache *s, void *object);
/* Objects still allocated at destroy (Linux's list_slab_objects). */
void list_slab_objects(struct kmem_cache *s, struct slab *slab, const char *text);
#else
static inline slab_flags_t kmem_cache_flags(unsigned int object_size, slab_flags_t flags, const char *name)
{
	(void)object_size; (void)name;
	return flags;
}
static inline unsigned int slub_debug_track_size(const struct kmem_cache *s) { (void)s; return 0; }
static inline void setup_slab_debug(struct kmem_cache *s, struct slab *slab, void *addr)
{
	(void)s; (void)slab; (void)addr;
}
static inline void setup_object_debug(struct kmem_cache *s, void *object) { (void)s; (void)object; }
static inline bool alloc_debug_processing(struct kmem_cache *s, struct slab *slab, void *object, unsigned long addr)
{
	(void)s; (void)slab; (void)object; (void)addr;
	return true;
}
static inline bool free_debug_processing(struct kmem_cache *s, struct slab *slab, void *object, unsigned long addr)
{
	(void)s; (void)slab; (void)object; (void)addr;
	return true;
}
static inline void free_slab_debug(struct kmem_cache *s, struct slab *slab) { (void)s; (void)slab; }
static inline void early_object_debug(struct kmem_cache *s, void *object) { (void)s; (void)object; }
static inline void list_slab_objects(struct kmem_cache *s, struct slab *slab, const char *text)
{
	(void)s; (void)slab;
	pr_err("%s\n", text);
}
#endif

#ifdef CONFIG_FAILSLAB
#include <linux/fault-inject.h>
/* Follows Linux's should_failslab (mm/failslab.c, v6.1): whether this allocation fails on purpose. */
bool should_failslab(struct kmem_cache *s, gfp_t gfpflags);
/*
 * Whether failslab could fail anything: with probability 0 should_fail_ex
 * fails nothing and changes nothing, so the fast path need not ask it.
 */
static inline bool failslab_armed(void)
{
	return unlikely(failslab.attr.probability != 0);
}
#else
static inline bool should_failslab(struct kmem_cache *s, gfp_t gfpflags)
{
	(void)s; (void)gfpflags;
	return false;
}
static inline bool failslab_armed(void)
{
	return false;
}
#endif

#endif
