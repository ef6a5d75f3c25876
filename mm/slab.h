/*
 * SLUB's internals: struct slab over struct page, the cache, its per-CPU
 * and per-node parts, kmalloc's caches. Follows Linux's mm/slab.h and
 * include/linux/slub_def.h (v6.1), one node.
 */
#ifndef _MM_SLAB_H
#define _MM_SLAB_H

#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/types.h>

/*
 * Follows Linux's struct slab (mm/slab.h, v6.1): the first page of a slab,
 * seen as the slab. Each field sits on the struct page field Linux puts it
 * on or, where this kernel's struct page differs, on one the slab does not
 * otherwise use (checked below), so a slab costs no memory of its own.
 */
struct slab {
	unsigned long __page_flags;	/* page->flags: PG_slab, PG_head, the zone */
	struct list_head slab_list;	/* page->lru: on its node's partial list */
	struct kmem_cache *slab_cache;	/* page->private */
	void *freelist;			/* page->mapping: the first free object (not the per-CPU list's) */
	union {				/* page->index */
		unsigned long counters;
		struct {
			unsigned int inuse:16;	/* objects handed out (or on the per-CPU freelist) */
			unsigned int objects:15; /* objects the slab holds */
			unsigned int frozen:1;	/* a CPU's slab: on no list */
		};
	};
	unsigned int __unused;		/* page->page_type */
	int __page_refcount;		/* page->_refcount */
#ifdef CONFIG_MEMCG
	unsigned long memcg_data;
#endif
};

#define SLAB_MATCH(pg, sl)						\
	_Static_assert(__builtin_offsetof(struct page, pg) ==		\
		       __builtin_offsetof(struct slab, sl), "struct slab's " #sl " is page->" #pg)
SLAB_MATCH(flags, __page_flags);
SLAB_MATCH(lru, slab_list);
SLAB_MATCH(private, slab_cache);
SLAB_MATCH(mapping, freelist);
SLAB_MATCH(index, counters);
SLAB_MATCH(_refcount, __page_refcount);
#ifdef CONFIG_MEMCG
SLAB_MATCH(memcg_data, memcg_data);
#endif
_Static_assert(sizeof(struct slab) == sizeof(struct page), "struct slab is exactly a struct page");

/* Linux's MAX_OBJS_PER_PAGE: objects fit the 15-bit count. */
#define MAX_OBJS_PER_PAGE	32767

static inline struct page *slab_page(const struct slab *slab)
{
	return (struct page *)slab;
}

static inline unsigned int slab_order(const struct slab *slab)
{
	return compound_order(slab_page(slab));
}

static inline void *slab_address(const struct slab *slab)
{
	return lowmem_page_address(slab_page(slab));
}

static inline size_t slab_size(const struct slab *slab)
{
	return PAGE_SIZE << slab_order(slab);
}

/* Follows Linux's virt_to_slab (v6.1): the slab an address is in, or NULL if its page is not a slab's. */
static inline struct slab *virt_to_slab(const void *addr)
{
	struct page *head = virt_to_head_page(addr);

	return PageSlab(head) ? (struct slab *)head : NULL;
}

/* Follows Linux's struct kmem_cache_cpu (v6.1): one CPU's slab and the free objects it allocates from. */
struct kmem_cache_cpu {
	void **freelist;	/* next object to hand out; NULL when the slab must be refilled */
	struct slab *slab;	/* the slab the freelist's objects are in (frozen) */
};

/* Follows Linux's struct kmem_cache_node (v6.1): the node's slabs that are neither full nor a CPU's. */
struct kmem_cache_node {
	/* Linux's list_lock: the lists and counters below, and a slab's move between lists. */
	spinlock_t list_lock;
	unsigned long nr_partial;
	struct list_head partial;
	unsigned long nr_slabs;		/* every slab of the cache on the node */
	unsigned long total_objects;	/* the objects they hold */
	struct list_head full;		/* full slabs, kept only with SLAB_STORE_USER (slub_debug) */
};

/* Linux's kmem_cache_order_objects: the slab order in the high bits, objects per slab in the low 16. */
struct kmem_cache_order_objects {
	unsigned int x;
};
#define OO_SHIFT	16
#define OO_MASK		((1u << OO_SHIFT) - 1)

static inline struct kmem_cache_order_objects oo_make(unsigned int order, unsigned int size)
{
	struct kmem_cache_order_objects x = { (order << OO_SHIFT) + (unsigned int)((PAGE_SIZE << order) / size) };

	return x;
}

static inline unsigned int oo_order(struct kmem_cache_order_objects x)
{
	return x.x >> OO_SHIFT;
}

static inline unsigned int oo_objects(struct kmem_cache_order_objects x)
{
	return x.x & OO_MASK;
}

/* Follows Linux's struct kmem_cache (include/linux/slub_def.h, v6.1). */
struct kmem_cache {
	struct kmem_cache_cpu __percpu *cpu_slab;
	slab_flags_t flags;
	unsigned long min_partial;	/* empty slabs kept on the partial list before any goes back */
	unsigned int size;		/* an object with its metadata: the stride in the slab */
	unsigned int object_size;	/* what the user asked for */
	unsigned int offset;		/* where the free pointer is in the object */
	struct kmem_cache_order_objects oo;	/* the preferred slab order */
	struct kmem_cache_order_objects min;	/* the smallest, when the preferred one cannot be had */
	gfp_t allocflags;		/* for every slab page: __GFP_COMP, __GFP_RECLAIMABLE */
	int refcount;			/* creators, merged ones included */
	void (*ctor)(void *);
	unsigned int inuse;		/* the object's bytes before the metadata */
	unsigned int align;
	unsigned int red_left_pad;	/* the left red zone (slub_debug Z) */
	const char *name;
	struct list_head list;		/* on slab_caches */
	unsigned long random;		/* the freelist pointers' obfuscation (SLAB_FREELIST_HARDENED) */
	unsigned int usersize;		/* non-zero: never merged (kmalloc's caches, as HARDENED_USERCOPY makes them) */
	struct kmem_cache_node *node[1];
};

/* Linux's kmalloc_info (v6.1): each kmalloc index's size and cache names. */
struct kmalloc_info_struct {
	const char *name[NR_KMALLOC_TYPES];
	unsigned int size;
};
extern const struct kmalloc_info_struct kmalloc_info[KMALLOC_SHIFT_HIGH + 1];

/* Linux's size_index (v6.1): the kmalloc index of each 8-byte step up to 192 bytes. */
extern u8 size_index[24];
void setup_kmalloc_cache_index_table(void);

/* Linux's size_index_elem: the size_index entry of a size up to 192. */
static inline unsigned int size_index_elem(unsigned int bytes)
{
	return (bytes - 1) / 8;
}

/* The index half of Linux's kmalloc_slab (v6.1) for 1 .. KMALLOC_MAX_CACHE_SIZE bytes: the table up to 192, the next power of two above. */
static inline unsigned int kmalloc_size_index(size_t size)
{
	if (size <= 192)
		return size_index[size_index_elem((unsigned int)size)];
	return fls((unsigned int)size - 1);
}

/* Pure arithmetic (mm/slab_sizes.c), shared with the host tests. */
/* Follows Linux's calculate_alignment (mm/slab_common.c, v6.1). */
unsigned int calculate_alignment(slab_flags_t flags, unsigned int align, unsigned int size);
/*
 * Follows Linux's calculate_order (mm/slub.c, v6.1): the slab order for
 * objects of @size bytes, given slub_min_order, slub_max_order,
 * slub_min_objects (0: from the CPU count) and the number of CPUs; or -1
 * when no order up to MAX_ORDER - 1 holds one object.
 */
int calculate_order(unsigned int size, unsigned int min_order, unsigned int max_order,
		    unsigned int min_objects, unsigned int nr_cpus);

/* The caches, newest first (Linux's slab_caches). */
extern struct list_head slab_caches;

/* Linux's slab_state (v6.1), the stages kmem_cache_init goes through. */
enum slab_state {
	DOWN,		/* nothing works */
	PARTIAL,	/* kmem_cache_node can be allocated */
	UP,		/* kmalloc works */
	FULL
};
extern enum slab_state slab_state;

/* mm/slub.c's half of cache creation (Linux's __kmem_cache_create); 0 or -errno. */
int __kmem_cache_create(struct kmem_cache *s, slab_flags_t flags);
int __kmem_cache_shutdown(struct kmem_cache *s);
void __kmem_cache_release(struct kmem_cache *s);
int __kmem_cache_shrink(struct kmem_cache *s);
/* Follows Linux's __kmem_cache_alias (v6.1): a mergeable cache for these parameters, its refcount taken. */
struct kmem_cache *__kmem_cache_alias(const char *name, unsigned int size, unsigned int align,
				      slab_flags_t flags, void (*ctor)(void *));
/* Follows Linux's create_boot_cache (v6.1): a cache in memory the caller gives, before kmalloc works. */
void create_boot_cache(struct kmem_cache *s, const char *name, unsigned int size,
		       slab_flags_t flags, unsigned int usersize);
void create_kmalloc_caches(slab_flags_t flags);
/* The object for a kmem_cache, from the kmem_cache cache (mm/slub.c). */
extern struct kmem_cache *kmem_cache;

/* Follows Linux's slabinfo (mm/slab.h, v6.1): what /proc/slabinfo prints of a cache. */
struct slabinfo {
	unsigned long active_objs;
	unsigned long num_objs;
	unsigned long active_slabs;
	unsigned long num_slabs;
	unsigned int objects_per_slab;
	unsigned int cache_order;
};
void get_slabinfo(struct kmem_cache *s, struct slabinfo *sinfo);

/* kmalloc above KMALLOC_MAX_CACHE_SIZE and its kfree (mm/slab_common.c). */
void *kmalloc_large_caller(size_t size, gfp_t flags);
void free_large_kmalloc(struct page *page, const void *object);
/* Follows Linux's slab_ksize (v6.1). */
size_t slab_ksize(const struct kmem_cache *s);

/* Objects handed out and slab pages held, for tests and the bench (mm/slub.c). */
unsigned long slab_objects_in_use(const struct kmem_cache *s);
size_t __ksize(const void *object);

#endif
