/*
 * SLUB: objects carved out of slabs (blocks of pages from the buddy
 * allocator). Follows Linux's mm/slub.c (v6.1) for one node and without
 * the per-CPU partial lists (CONFIG_SLUB_CPU_PARTIAL) or freelist
 * shuffling (CONFIG_SLAB_FREELIST_RANDOM):
 *  - each CPU allocates from its own slab, through a freelist only it
 *    uses (the fast path), and refills from the node's partial slabs or a
 *    new slab (the slow path);
 *  - a free object holds the pointer to the next free one inside itself,
 *    at s->offset, obfuscated as CONFIG_SLAB_FREELIST_HARDENED does;
 *  - slabs with free objects wait on the node's partial list; full slabs
 *    are on no list; an empty slab goes back to the page allocator unless
 *    the node keeps fewer than min_partial partial slabs.
 * Concurrency: a CPU's kmem_cache_cpu is touched by that CPU only, and
 * nothing interrupts an allocation (no IRQs are taken), so the fast paths
 * need none of Linux's this_cpu_cmpxchg_double: the order of their steps
 * is Linux's. A slab's freelist, inuse and frozen change under
 * slab_lock, a bit lock in its page flags: ARM32 has no cmpxchg_double,
 * and Linux's fallback for it is the same lock with IRQs off
 * (__cmpxchg_double_slab). The node's lists and counters change under
 * n->list_lock, taken before slab_lock when both are held.
 */
#include <linux/cmdline.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/prandom.h>
#include <linux/smp.h>
#include <linux/bit_spinlock.h>
#include <linux/string.h>
#include <linux/vmstat.h>
#include <asm/smp.h>
#include <asm/setup.h>
#include <asm/system.h>
#include "slab.h"
#include "slub_debug.h"

/* Linux's defaults (v6.1): orders 0 to PAGE_ALLOC_COSTLY_ORDER, objects per slab from the CPU count. */
static unsigned int slub_min_order;
static unsigned int slub_max_order = PAGE_ALLOC_COSTLY_ORDER;
static unsigned int slub_min_objects;

/* Linux's MIN_PARTIAL and MAX_PARTIAL: the bounds of a cache's min_partial. */
#define MIN_PARTIAL	5
#define MAX_PARTIAL	10

struct kmem_cache *kmem_cache;
static struct kmem_cache *kmem_cache_node;

/* Where s->random comes from (Linux's get_random_long): seeded at kmem_cache_init from the timer. */
static struct rnd_state slab_random_state = PRANDOM_STATE_INIT(1);

static int __init setup_slub_order_option(char *str, unsigned int *var, unsigned int limit)
{
	unsigned long long v;
	char *end;

	if (memparse_checked(str, &end, &v) || *end || v > limit)
		return -EINVAL;
	*var = (unsigned int)v;
	return 0;
}

/* Follows Linux's setup_slub_min_order (v6.1). */
static int __init setup_slub_min_order(char *str)
{
	return setup_slub_order_option(str, &slub_min_order, MAX_ORDER - 1);
}
early_param("slub_min_order", setup_slub_min_order);

/* Follows Linux's setup_slub_max_order (v6.1): min_order is raised to it if above. */
static int __init setup_slub_max_order(char *str)
{
	int err = setup_slub_order_option(str, &slub_max_order, MAX_ORDER - 1);

	if (!err && slub_min_order > slub_max_order)
		slub_min_order = slub_max_order;
	return err;
}
early_param("slub_max_order", setup_slub_max_order);

/* Follows Linux's setup_slub_min_objects (v6.1). */
static int __init setup_slub_min_objects(char *str)
{
	return setup_slub_order_option(str, &slub_min_objects, MAX_OBJS_PER_PAGE);
}
early_param("slub_min_objects", setup_slub_min_objects);

/*
 * Follows Linux's freelist_ptr (v6.1, CONFIG_SLAB_FREELIST_HARDENED): a
 * stored free pointer is the pointer XOR the cache's random XOR its own
 * address byte-swapped, so an overwrite cannot aim the allocator at a
 * chosen address without knowing the secret.
 */
static inline void *freelist_ptr(const struct kmem_cache *s, void *ptr, unsigned long ptr_addr)
{
	return (void *)((unsigned long)ptr ^ s->random ^ __builtin_bswap32((u32)ptr_addr));
}

static inline void *get_freepointer(const struct kmem_cache *s, void *object)
{
	unsigned long ptr_addr = (unsigned long)object + s->offset;

	return freelist_ptr(s, *(void **)ptr_addr, ptr_addr);
}

/*
 * this_cpu_ptr, computed into one register: left to itself the compiler
 * keeps base and offset apart for its addressing modes, which costs the
 * fast paths two callee-saved registers and their saving.
 */
#define this_cpu_ptr_one_reg(ptr) ({					\
	__typeof__(ptr) __p = this_cpu_ptr(ptr);			\
									\
	__asm__("" : "+r"(__p));					\
	__p;								\
})

/* Linux's BUG_ON in set_freepointer: the freelist would point an object at itself. */
static __noinline void freelist_corrupted(const struct kmem_cache *s, void *object)
{
	panic("SLUB: %s: object %p freed twice in a row (freelist corruption)", s->name, object);
}

static inline void set_freepointer(const struct kmem_cache *s, void *object, void *fp)
{
	unsigned long ptr_addr = (unsigned long)object + s->offset;

	/* Linux's naive double-free check of the hardened freelist: an object freed onto itself. */
	if (unlikely(object == fp)) {
		freelist_corrupted(s, object);	/* does not return */
		return;
	}
	*(void **)ptr_addr = freelist_ptr(s, fp, ptr_addr);
}

static inline struct kmem_cache_node *get_node(const struct kmem_cache *s, int node)
{
	return s->node[node];
}

/* Follows Linux's slab_lock and slab_unlock (v6.1): PG_locked of the slab's first page. */
static __always_inline void slab_lock(struct slab *slab)
{
	bit_spin_lock(PG_locked, &slab->__page_flags);
}

static __always_inline void slab_unlock(struct slab *slab)
{
	bit_spin_unlock(PG_locked, &slab->__page_flags);
}

/* Follows Linux's __add_partial and remove_partial (v6.1). */
static void add_partial(struct kmem_cache_node *n, struct slab *slab, bool tail)
{
	n->nr_partial++;
	if (tail)
		list_add_tail(&slab->slab_list, &n->partial);
	else
		list_add(&slab->slab_list, &n->partial);
}

static void remove_partial(struct kmem_cache_node *n, struct slab *slab)
{
	list_del(&slab->slab_list);
	n->nr_partial--;
}

/* Follows Linux's add_full and remove_full (v6.1): full slabs are tracked only for SLAB_STORE_USER. */
static void add_full(struct kmem_cache *s, struct kmem_cache_node *n, struct slab *slab)
{
	if (s->flags & SLAB_STORE_USER)
		list_add(&slab->slab_list, &n->full);
}

static void remove_full(struct kmem_cache *s, struct slab *slab)
{
	if (s->flags & SLAB_STORE_USER)
		list_del(&slab->slab_list);
}

static void inc_slabs_node(struct kmem_cache *s, int node, unsigned int objects)
{
	struct kmem_cache_node *n = get_node(s, node);

	n->nr_slabs++;
	n->total_objects += objects;
}

static void dec_slabs_node(struct kmem_cache *s, int node, unsigned int objects)
{
	struct kmem_cache_node *n = get_node(s, node);

	n->nr_slabs--;
	n->total_objects -= objects;
}

/* Follows Linux's cache_vmstat_idx (mm/slab.h, v6.1). */
static enum node_stat_item cache_vmstat_idx(const struct kmem_cache *s)
{
	return (s->flags & SLAB_RECLAIM_ACCOUNT) ? NR_SLAB_RECLAIMABLE_B : NR_SLAB_UNRECLAIMABLE_B;
}

/* Follows Linux's alloc_slab_page (v6.1): the pages, marked as a slab. */
static struct slab *alloc_slab_page(gfp_t flags, struct kmem_cache_order_objects oo)
{
	unsigned int order = oo_order(oo);
	struct page *page = alloc_pages(flags, order);
	struct slab *slab;

	if (!page)
		return NULL;
	__SetPageSlab(page);
	slab = (struct slab *)page;
	return slab;
}

/* Follows Linux's setup_object (v6.1): debug set-up, then the constructor, once per object for the slab's life. */
static void *setup_object(struct kmem_cache *s, void *object)
{
	setup_object_debug(s, object);
	if (unlikely(s->ctor))
		s->ctor(object);
	return object;
}

/*
 * Follows Linux's allocate_slab (v6.1): the cache's order without
 * warnings, else its smallest (s->min) as asked; every object put on the
 * slab's freelist in address order (no CONFIG_SLAB_FREELIST_RANDOM).
 */
static struct slab *allocate_slab(struct kmem_cache *s, gfp_t flags)
{
	struct kmem_cache_order_objects oo = s->oo;
	struct slab *slab;
	char *start, *p;

	/* __GFP_ZERO is for the object (slab_post_alloc_hook), not the whole slab. */
	flags = (flags & ~__GFP_ZERO) | s->allocflags;
	slab = alloc_slab_page((flags | __GFP_NOWARN) & ~__GFP_NOFAIL, oo);
	if (unlikely(!slab)) {
		oo = s->min;
		slab = alloc_slab_page(flags, oo);
		if (unlikely(!slab))
			return NULL;
	}
	slab->objects = oo_objects(oo) & MAX_OBJS_PER_PAGE;
	slab->inuse = 0;
	slab->frozen = 0;
	/* Linux's account_slab. */
	mod_node_page_state(NODE_DATA(0), cache_vmstat_idx(s), (long)(PAGE_SIZE << oo_order(oo)));
	slab->slab_cache = s;

	start = slab_address(slab);
	setup_slab_debug(s, slab, start);
	start = fixup_red_left(s, start);
	start = setup_object(s, start);
	slab->freelist = start;
	p = start;
	for (unsigned int idx = 0; idx + 1 < slab->objects; idx++) {
		char *next = setup_object(s, p + s->size);

		set_freepointer(s, p, next);
		p = next;
	}
	set_freepointer(s, p, NULL);
	return slab;
}

/* Follows Linux's new_slab (v6.1), with its check of the flags a slab may not be asked with. */
static struct slab *new_slab(struct kmem_cache *s, gfp_t flags)
{
	if (unlikely(flags & __GFP_HIGHMEM)) {
		gfp_t invalid = flags & __GFP_HIGHMEM;

		flags &= ~__GFP_HIGHMEM;
		pr_warn("Unexpected gfp: %#x. Fixing up to gfp: %#x. Fix your code!\n", flags | invalid, flags);
		dump_stack();
	}
	return allocate_slab(s, flags);
}

/* Follows Linux's __free_slab (v6.1): the marks undone, the counter back, the pages to the page allocator. */
static void __free_slab(struct kmem_cache *s, struct slab *slab)
{
	struct page *page = slab_page(slab);
	unsigned int order = slab_order(slab);

	page->mapping = NULL;
	page->index = 0;
	__ClearPageSlab(page);
	/* Linux's unaccount_slab. */
	mod_node_page_state(NODE_DATA(0), cache_vmstat_idx(s), -(long)(PAGE_SIZE << order));
	__free_pages(page, order);
}

static void free_slab(struct kmem_cache *s, struct slab *slab)
{
	free_slab_debug(s, slab);
	__free_slab(s, slab);
}

/* The counters are the node's: the caller holds n->list_lock, and frees the slab once it dropped it. */
static void discard_slab_locked(struct kmem_cache *s, struct slab *slab)
{
	dec_slabs_node(s, 0, slab->objects);
}

/*
 * Follows Linux's deactivate_slab (v6.1): a CPU gives its slab up. The
 * objects left on the CPU's freelist join the slab's; then the slab is
 * freed if empty and the node has enough partial slabs, goes to the
 * partial list if it has free objects, or is left full on no list.
 */
static void deactivate_slab(struct kmem_cache *s, struct slab *slab, void *freelist)
{
	struct kmem_cache_node *n = get_node(s, 0);
	bool discard = false;
	unsigned long flags;

	spin_lock_irqsave(&n->list_lock, flags);
	slab_lock(slab);
	while (freelist) {
		void *next = get_freepointer(s, freelist);

		set_freepointer(s, freelist, slab->freelist);
		slab->freelist = freelist;
		slab->inuse--;
		freelist = next;
	}
	slab->frozen = 0;
	slab_unlock(slab);
	/* Unfrozen under list_lock: a remote free of this slab waits for it, so inuse and freelist hold still. */
	if (!slab->inuse && n->nr_partial >= s->min_partial) {
		discard_slab_locked(s, slab);
		discard = true;
	} else if (slab->freelist) {
		add_partial(n, slab, false);
	}
	spin_unlock_irqrestore(&n->list_lock, flags);
	if (discard)
		free_slab(s, slab);
}

/* Follows Linux's flush_slab (v6.1): this CPU's slab back to the node. */
static void flush_slab(struct kmem_cache *s, struct kmem_cache_cpu *c)
{
	struct slab *slab = c->slab;
	void *freelist = c->freelist;

	c->slab = NULL;
	c->freelist = NULL;
	if (slab)
		deactivate_slab(s, slab, freelist);
}

static void flush_cpu_slab(void *s)
{
	flush_slab(s, this_cpu_ptr(((struct kmem_cache *)s)->cpu_slab));
}

/*
 * Follows Linux's flush_all (v6.1): every CPU's slab back to the node,
 * each by its own CPU (Linux queues the work on each): an online CPU is
 * asked from its idle loop; a CPU not online never had a slab. A CPU busy
 * with a call keeps its slab (Linux would wait for it): the cache's user
 * destroys or shrinks it only once no other CPU works on it.
 */
static void flush_all(struct kmem_cache *s)
{
	unsigned int cpu, self = smp_processor_id();
	unsigned long asked = 0;

	for_each_online_cpu(cpu)
		if (cpu != self && !smp_call_on_cpu_async(cpu, flush_cpu_slab, s))
			asked |= 1UL << cpu;
	flush_cpu_slab(s);
	for_each_online_cpu(cpu)
		if (asked & (1UL << cpu))
			smp_call_wait(cpu);
}

/* Follows Linux's acquire_slab and get_partial_node (v6.1): a partial slab, all its free objects taken. */
static void *get_partial(struct kmem_cache *s, struct slab **slabp)
{
	struct kmem_cache_node *n = get_node(s, 0);
	struct slab *slab;
	unsigned long flags;
	void *freelist;

	if (!READ_ONCE(n->nr_partial))
		return NULL;
	spin_lock_irqsave(&n->list_lock, flags);
	if (!n->nr_partial) {
		spin_unlock_irqrestore(&n->list_lock, flags);
		return NULL;
	}
	slab = list_first_entry(&n->partial, struct slab, slab_list);
	remove_partial(n, slab);
	slab_lock(slab);
	freelist = slab->freelist;
	slab->freelist = NULL;
	slab->inuse = slab->objects;
	slab->frozen = 1;
	slab_unlock(slab);
	spin_unlock_irqrestore(&n->list_lock, flags);
	*slabp = slab;
	return freelist;
}

/* Follows Linux's slab_out_of_memory (v6.1). */
static void slab_out_of_memory(struct kmem_cache *s, gfp_t gfpflags)
{
	struct kmem_cache_node *n = get_node(s, 0);
	unsigned long nr_free = 0;
	struct slab *slab;

	if (gfpflags & __GFP_NOWARN)
		return;
	pr_warn("SLUB: Unable to allocate memory on node %d, gfp=%#x\n", -1, gfpflags);
	pr_warn("  cache: %s, object size: %u, buffer size: %u, default order: %u, min order: %u\n",
		s->name, s->object_size, s->size, oo_order(s->oo), oo_order(s->min));
	list_for_each_entry(slab, &n->partial, slab_list)
		nr_free += slab->objects - slab->inuse;
	pr_warn("  node %d: slabs: %ld, objs: %ld, free: %ld\n", 0, (long)n->nr_slabs,
		(long)n->total_objects, (long)nr_free);
}

/*
 * Follows Linux 6.1's alloc_single_from_partial and alloc_single_from_new_slab:
 * a debug cache hands out one object at a time straight from a slab on
 * the node's lists, checked, and never uses the per-CPU freelist.
 */
static void *alloc_single(struct kmem_cache *s, gfp_t gfpflags, unsigned long addr)
{
	struct kmem_cache_node *n = get_node(s, 0);
	struct slab *slab = NULL;
	unsigned long flags;
	void *object;

	spin_lock_irqsave(&n->list_lock, flags);
	while (n->nr_partial) {
		slab = list_first_entry(&n->partial, struct slab, slab_list);
		object = slab->freelist;
		if (alloc_debug_processing(s, slab, object, addr))
			goto take;
		/* The slab's freelist is damaged: the report is made, the slab is taken out of use. */
		remove_partial(n, slab);
		slab->freelist = NULL;
		slab->inuse = slab->objects;
		add_full(s, n, slab);
	}
	spin_unlock_irqrestore(&n->list_lock, flags);
	slab = new_slab(s, gfpflags);
	if (!slab) {
		slab_out_of_memory(s, gfpflags);
		return NULL;
	}
	spin_lock_irqsave(&n->list_lock, flags);
	inc_slabs_node(s, 0, slab->objects);
	object = slab->freelist;
	if (!alloc_debug_processing(s, slab, object, addr)) {
		add_full(s, n, slab);
		spin_unlock_irqrestore(&n->list_lock, flags);
		return NULL;
	}
	add_partial(n, slab, false);
take:
	/* A debug cache's slabs are never frozen: list_lock alone keeps them still (Linux takes slab_lock too). */
	slab->freelist = get_freepointer(s, object);
	slab->inuse++;
	if (!slab->freelist) {
		remove_partial(n, slab);
		add_full(s, n, slab);
	}
	spin_unlock_irqrestore(&n->list_lock, flags);
	return object;
}

/*
 * Follows Linux's ___slab_alloc (v6.1): the CPU's freelist is empty, so
 * take what was freed to its slab meanwhile, else a partial slab, else a
 * new one; the first object is returned, the rest become the freelist.
 */
static __noinline void *__slab_alloc(struct kmem_cache *s, gfp_t gfpflags, unsigned long addr)
{
	struct kmem_cache_cpu *c = this_cpu_ptr(s->cpu_slab);
	struct slab *slab;
	void *freelist;

	if (kmem_cache_debug(s))
		return alloc_single(s, gfpflags, addr);

	slab = c->slab;
	if (slab) {
		/*
		 * Linux's get_freelist: what other CPUs freed to the slab
		 * meanwhile; a slab with no free object is unfrozen and left
		 * full, and from then on a free to it makes it partial.
		 */
		slab_lock(slab);
		freelist = slab->freelist;
		slab->freelist = NULL;
		slab->inuse = slab->objects;
		slab->frozen = freelist != NULL;
		slab_unlock(slab);
		if (freelist)
			goto load_freelist;
		c->slab = NULL;
	}
	freelist = get_partial(s, &slab);
	if (!freelist) {
		unsigned long flags;

		slab = new_slab(s, gfpflags);
		if (unlikely(!slab)) {
			slab_out_of_memory(s, gfpflags);
			return NULL;
		}
		spin_lock_irqsave(&get_node(s, 0)->list_lock, flags);
		inc_slabs_node(s, 0, slab->objects);
		spin_unlock_irqrestore(&get_node(s, 0)->list_lock, flags);
		/* No other CPU knows the new slab yet. */
		freelist = slab->freelist;
		slab->freelist = NULL;
		slab->inuse = slab->objects;
		slab->frozen = 1;
	}
	c->slab = slab;
load_freelist:
	c->freelist = get_freepointer(s, freelist);
	return freelist;
}

/*
 * The allocation hooks of Linux's slab_alloc_node (v6.1) around the slow
 * path: failslab first (slab_pre_alloc_hook), __GFP_ZERO after
 * (slab_post_alloc_hook). Out of line, so that the fast path calls nothing.
 */
static __noinline void *slab_alloc_hooked(struct kmem_cache *s, gfp_t gfpflags, unsigned long addr)
{
	struct kmem_cache_cpu *c;
	void *object;

	if (should_failslab(s, gfpflags))
		return NULL;
	c = this_cpu_ptr(s->cpu_slab);
	object = c->freelist;
	if (unlikely(!object || !c->slab))
		object = __slab_alloc(s, gfpflags, addr);
	else
		c->freelist = get_freepointer(s, object);
	if (object && (gfpflags & __GFP_ZERO))
		memset(object, 0, s->object_size);
	return object;
}

/*
 * Follows Linux's slab_alloc_node (v6.1): the fast path pops the CPU's
 * freelist; an empty one (or a debug cache, which never has one) takes
 * the slow path. Requests with hooks to run take slab_alloc_hooked.
 * Linux also checks c->slab, which another CPU's flush may clear under
 * it; here a freelist is set and cleared together with its slab, on this
 * CPU only, so a non-empty freelist has its slab.
 */
static __always_inline void *slab_alloc(struct kmem_cache *s, gfp_t gfpflags, unsigned long addr)
{
	struct kmem_cache_cpu *c;
	void *object;

	if (unlikely((gfpflags & __GFP_ZERO) || failslab_armed()))
		return slab_alloc_hooked(s, gfpflags, addr);
	c = this_cpu_ptr_one_reg(s->cpu_slab);
	object = c->freelist;
	if (unlikely(!object))
		return __slab_alloc(s, gfpflags, addr);
	c->freelist = get_freepointer(s, object);
	return object;
}

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfpflags)
{
	return slab_alloc(s, gfpflags, (unsigned long)__builtin_return_address(0));
}

/*
 * Follows Linux's __do_kmalloc_node and kmalloc_slab (v6.1): above
 * KMALLOC_MAX_CACHE_SIZE whole pages, else the cache of the size's class
 * and type. Here rather than in slab_common.c (where Linux 6.1 moved it
 * from mm/slub.c) so that the fast path is inlined into it.
 */
void *__kmalloc(size_t size, gfp_t flags)
{
	if (unlikely(size > KMALLOC_MAX_CACHE_SIZE))
		return kmalloc_large_caller(size, flags);
	if (unlikely(!size))
		return ZERO_SIZE_PTR;
	if (likely(!(flags & (__GFP_DMA | __GFP_RECLAIMABLE))))
		return slab_alloc(kmalloc_caches[KMALLOC_NORMAL][kmalloc_size_index(size)], flags,
				  (unsigned long)__builtin_return_address(0));
	return slab_alloc(kmalloc_caches[kmalloc_type(flags)][kmalloc_size_index(size)], flags,
			  (unsigned long)__builtin_return_address(0));
}

/*
 * Follows Linux's __slab_free (v6.1) for one object: onto the slab's own
 * freelist; a full slab becomes partial; an empty one goes back to the
 * page allocator once the node has min_partial partial slabs.
 */
static __noinline void __slab_free(struct kmem_cache *s, struct slab *slab, void *object, unsigned long addr)
{
	struct kmem_cache_node *n = get_node(s, 0);
	unsigned long flags;
	void *prior;
	bool frozen;

	/*
	 * Linux takes list_lock only when the slab may change lists; here
	 * always, which keeps a slab that is not frozen still while its
	 * counts decide where it goes.
	 */
	spin_lock_irqsave(&n->list_lock, flags);
	if (kmem_cache_debug(s) && !free_debug_processing(s, slab, object, addr)) {
		spin_unlock_irqrestore(&n->list_lock, flags);
		return;
	}
	slab_lock(slab);
	prior = slab->freelist;
	set_freepointer(s, object, prior);
	slab->freelist = object;
	slab->inuse--;
	frozen = slab->frozen;
	slab_unlock(slab);
	if (frozen) {
		/* Its CPU takes the object with the slab's freelist (get_freelist). */
		spin_unlock_irqrestore(&n->list_lock, flags);
		return;
	}
	if (!slab->inuse && n->nr_partial >= s->min_partial) {
		if (prior)
			remove_partial(n, slab);
		else
			remove_full(s, slab);
		discard_slab_locked(s, slab);
		spin_unlock_irqrestore(&n->list_lock, flags);
		free_slab(s, slab);
		return;
	}
	if (!prior) {
		remove_full(s, slab);
		add_partial(n, slab, true);
	}
	spin_unlock_irqrestore(&n->list_lock, flags);
}

/* Follows Linux's do_slab_free (v6.1): an object of the CPU's slab goes on the CPU's freelist. */
static __always_inline void slab_free(struct kmem_cache *s, struct slab *slab, void *object, unsigned long addr)
{
	struct kmem_cache_cpu *c = this_cpu_ptr_one_reg(s->cpu_slab);

	if (likely(slab == c->slab)) {
		set_freepointer(s, object, c->freelist);
		c->freelist = object;
	} else {
		__slab_free(s, slab, object, addr);
	}
}

void *kmalloc_trace(struct kmem_cache *s, gfp_t flags, size_t size)
{
	(void)size;
	return slab_alloc(s, flags, (unsigned long)__builtin_return_address(0));
}

/* Follows Linux's kfree (v6.1): a slab object to its cache, a large block to the page allocator. */
void kfree(const void *object)
{
	struct page *page;
	struct slab *slab;

	if (unlikely(ZERO_OR_NULL_PTR(object)))
		return;
	page = virt_to_head_page(object);
	if (unlikely(!PageSlab(page))) {
		free_large_kmalloc(page, object);
		return;
	}
	slab = (struct slab *)page;
	slab_free(slab->slab_cache, slab, (void *)object, (unsigned long)__builtin_return_address(0));
}

/*
 * Follows Linux's kmem_cache_free and cache_from_obj (v6.1, with
 * CONFIG_SLAB_FREELIST_HARDENED): the object's own slab decides; an
 * object of another cache is freed to its own with a warning, a pointer
 * outside any slab is refused.
 */
void kmem_cache_free(struct kmem_cache *s, void *x)
{
	struct slab *slab = virt_to_slab(x);

	if (unlikely(!slab)) {
		pr_warn("%s: Object is not a Slab page!\n", "virt_to_cache");
		WARN_ON(true);
		return;
	}
	if (unlikely(slab->slab_cache != s)) {
		pr_warn("%s: Wrong slab cache. %s but object is from %s\n", "cache_from_obj", s->name,
			slab->slab_cache->name);
		WARN_ON(true);
	}
	slab_free(slab->slab_cache, slab, x, (unsigned long)__builtin_return_address(0));
}

/* Follows Linux's slab_ksize (v6.1): the bytes of an object its user may touch. */
size_t slab_ksize(const struct kmem_cache *s)
{
	if (s->flags & (SLAB_RED_ZONE | SLAB_POISON))
		return s->object_size;
	if (s->flags & SLAB_STORE_USER)
		return s->inuse;
	return s->size;
}

/* Follows Linux's init_kmem_cache_node (v6.1). */
static void init_kmem_cache_node(struct kmem_cache_node *n)
{
	spin_lock_init(&n->list_lock);
	n->nr_partial = 0;
	INIT_LIST_HEAD(&n->partial);
	n->nr_slabs = 0;
	n->total_objects = 0;
	INIT_LIST_HEAD(&n->full);
}

/*
 * Follows Linux's early_kmem_cache_node_alloc (v6.1): the node structure
 * of kmem_cache_node itself is the first object of its first slab.
 */
static void early_kmem_cache_node_alloc(void)
{
	struct slab *slab = new_slab(kmem_cache_node, GFP_KERNEL);
	struct kmem_cache_node *n;

	if (!slab)
		panic("SLUB: Unable to allocate memory from node 0\n");
	n = slab->freelist;
	slab->freelist = get_freepointer(kmem_cache_node, n);
	slab->inuse = 1;
	early_object_debug(kmem_cache_node, n);
	kmem_cache_node->node[0] = n;
	init_kmem_cache_node(n);
	inc_slabs_node(kmem_cache_node, 0, slab->objects);
	add_partial(n, slab, false);
}

/* Follows Linux's init_kmem_cache_nodes (v6.1). */
static bool init_kmem_cache_nodes(struct kmem_cache *s)
{
	struct kmem_cache_node *n;

	if (slab_state == DOWN) {
		early_kmem_cache_node_alloc();
		return true;
	}
	n = kmem_cache_alloc(kmem_cache_node, GFP_KERNEL);
	if (!n)
		return false;
	init_kmem_cache_node(n);
	s->node[0] = n;
	return true;
}

/* Follows Linux's set_min_partial (v6.1): larger objects keep more empty slabs around. */
static void set_min_partial(struct kmem_cache *s, unsigned long min)
{
	if (min < MIN_PARTIAL)
		min = MIN_PARTIAL;
	else if (min > MAX_PARTIAL)
		min = MAX_PARTIAL;
	s->min_partial = min;
}

/*
 * Follows Linux's calculate_sizes (v6.1): the object's layout
 *   [left red zone][object][right red zone][free pointer][tracks][padding]
 * where the free pointer sits inside the object (in its middle) unless
 * the object must stay intact while free (a constructor, poisoning).
 */
static bool calculate_sizes(struct kmem_cache *s)
{
	slab_flags_t flags = s->flags;
	unsigned int size = ALIGN(s->object_size, (unsigned int)sizeof(void *));
	int order;

	if ((flags & SLAB_POISON) && !s->ctor)
		s->flags |= __OBJECT_POISON;
	else
		s->flags &= ~__OBJECT_POISON;
	/* Room for a right red zone when the object fills its words. */
	if ((flags & SLAB_RED_ZONE) && size == s->object_size)
		size += sizeof(void *);
	s->inuse = size;
	if ((flags & SLAB_POISON) || ((flags & SLAB_RED_ZONE) && s->object_size < sizeof(void *)) || s->ctor) {
		s->offset = size;
		size += sizeof(void *);
	} else {
		s->offset = (s->object_size / 2) & ~(unsigned int)(sizeof(void *) - 1);
	}
	size += slub_debug_track_size(s);
	if (flags & SLAB_RED_ZONE) {
		size += sizeof(void *);
		s->red_left_pad = ALIGN((unsigned int)sizeof(void *), s->align);
		size += s->red_left_pad;
	}
	size = ALIGN(size, s->align);
	s->size = size;
	order = calculate_order(size, slub_min_order, slub_max_order, slub_min_objects, num_possible_cpus());
	if (order < 0)
		return false;
	s->allocflags = 0;
	if (order)
		s->allocflags |= __GFP_COMP;
	if (s->flags & SLAB_CACHE_DMA)
		s->allocflags |= GFP_DMA;
	if (s->flags & SLAB_RECLAIM_ACCOUNT)
		s->allocflags |= __GFP_RECLAIMABLE;
	s->oo = oo_make((unsigned int)order, size);
	s->min = oo_make(get_order(size), size);
	return oo_objects(s->oo) != 0;
}

/* Follows Linux's kmem_cache_open (v6.1). */
static int kmem_cache_open(struct kmem_cache *s, slab_flags_t flags)
{
	s->flags = kmem_cache_flags(s->size, flags, s->name);
	s->random = prandom_u32_state(&slab_random_state);
	if (!calculate_sizes(s))
		return -EINVAL;
	set_min_partial(s, ilog2(s->size) / 2);
	if (!init_kmem_cache_nodes(s))
		return -ENOMEM;
	/* Linux's alloc_kmem_cache_cpus: zeroed, two words aligned as its cmpxchg_double wants. */
	s->cpu_slab = __alloc_percpu(sizeof(struct kmem_cache_cpu), 2 * sizeof(void *));
	if (!s->cpu_slab) {
		__kmem_cache_release(s);
		return -ENOMEM;
	}
	return 0;
}

int __kmem_cache_create(struct kmem_cache *s, slab_flags_t flags)
{
	return kmem_cache_open(s, flags);
}

/* Follows Linux's __kmem_cache_release (v6.1): the per-CPU part and the node structure. */
void __kmem_cache_release(struct kmem_cache *s)
{
	if (s->cpu_slab)
		free_percpu(s->cpu_slab);
	s->cpu_slab = NULL;
	if (s->node[0])
		kmem_cache_free(kmem_cache_node, s->node[0]);
	s->node[0] = NULL;
}

/*
 * Every CPU's slab back, then every empty slab of the node's partial list
 * freed; a slab with objects still in use is kept, and reported when
 * @report names why (the shared part of Linux's free_partial and
 * __kmem_cache_do_shrink).
 */
static void free_empty_partial(struct kmem_cache *s, struct kmem_cache_node *n, const char *report)
{
	struct list_head *pos, *next;
	LIST_HEAD(discard);
	unsigned long flags;

	flush_all(s);
	spin_lock_irqsave(&n->list_lock, flags);
	for (pos = n->partial.next; pos != &n->partial; pos = next) {
		struct slab *slab = list_entry(pos, struct slab, slab_list);

		next = pos->next;
		if (!slab->inuse) {
			remove_partial(n, slab);
			discard_slab_locked(s, slab);
			list_add(&slab->slab_list, &discard);
		} else if (report) {
			list_slab_objects(s, slab, report);
		}
	}
	spin_unlock_irqrestore(&n->list_lock, flags);
	/* Back to the page allocator outside the lock, as Linux's free_partial. */
	for (pos = discard.next; pos != &discard; pos = next) {
		next = pos->next;
		free_slab(s, list_entry(pos, struct slab, slab_list));
	}
}

/*
 * Follows Linux's __kmem_cache_shutdown and free_partial (v6.1): every
 * CPU's slab back, every empty slab freed; a slab with objects still in
 * use is reported and kept, and the cache with it (non-zero).
 */
int __kmem_cache_shutdown(struct kmem_cache *s)
{
	struct kmem_cache_node *n = get_node(s, 0);

	free_empty_partial(s, n, "Objects remaining in kmem_cache on __kmem_cache_shutdown()");
	return n->nr_partial || n->nr_slabs;
}

/*
 * Follows Linux's __kmem_cache_do_shrink (v6.1): every CPU's slab back,
 * then every empty partial slab freed; 1 if the cache still holds slabs.
 */
int __kmem_cache_shrink(struct kmem_cache *s)
{
	struct kmem_cache_node *n = get_node(s, 0);

	free_empty_partial(s, n, NULL);
	return n->nr_slabs != 0;
}

/* Follows Linux's get_slabinfo (mm/slub.c, v6.1): objects on CPU slabs count as active, as in Linux. */
void get_slabinfo(struct kmem_cache *s, struct slabinfo *sinfo)
{
	struct kmem_cache_node *n = get_node(s, 0);
	unsigned long nr_free = 0, flags;
	struct slab *slab;

	spin_lock_irqsave(&n->list_lock, flags);
	list_for_each_entry(slab, &n->partial, slab_list)
		nr_free += slab->objects - slab->inuse;
	spin_unlock_irqrestore(&n->list_lock, flags);
	sinfo->active_objs = n->total_objects - nr_free;
	sinfo->num_objs = n->total_objects;
	sinfo->active_slabs = n->nr_slabs;
	sinfo->num_slabs = n->nr_slabs;
	sinfo->objects_per_slab = oo_objects(s->oo);
	sinfo->cache_order = oo_order(s->oo);
}

/* Objects really handed out: the slabs' counts less the CPUs' freelists. */
unsigned long slab_objects_in_use(const struct kmem_cache *s)
{
	struct kmem_cache_node *n = get_node(s, 0);
	unsigned long free = 0, flags;
	unsigned int cpu;
	struct slab *slab;

	spin_lock_irqsave(&n->list_lock, flags);
	list_for_each_entry(slab, &n->partial, slab_list)
		free += slab->objects - slab->inuse;
	spin_unlock_irqrestore(&n->list_lock, flags);
	/* The CPUs' freelists: exact only while their CPUs are idle, as the tests read it. */
	for_each_possible_cpu(cpu) {
		struct kmem_cache_cpu *c = per_cpu_ptr(s->cpu_slab, cpu);

		for (void *p = c->freelist; p; p = get_freepointer(s, p))
			free++;
	}
	return n->total_objects - free;
}

/*
 * Follows Linux's bootstrap (v6.1): a boot cache moves into an object of
 * the kmem_cache cache; its slabs are told where their cache now is.
 */
static struct kmem_cache *bootstrap(struct kmem_cache *static_cache)
{
	struct kmem_cache *s = kmem_cache_zalloc(kmem_cache, GFP_KERNEL);
	struct kmem_cache_node *n;
	struct slab *slab;

	if (!s)
		panic("SLUB: no memory for the kmem_cache bootstrap");
	memcpy(s, static_cache, kmem_cache->object_size);
	flush_slab(s, this_cpu_ptr(s->cpu_slab));
	n = get_node(s, 0);
	list_for_each_entry(slab, &n->partial, slab_list)
		slab->slab_cache = s;
	list_for_each_entry(slab, &n->full, slab_list)
		slab->slab_cache = s;
	list_add(&s->list, &slab_caches);
	return s;
}

/*
 * Follows Linux's kmem_cache_init (mm/slub.c, v6.1): kmem_cache_node and
 * kmem_cache made in static memory, moved into their own slabs, then the
 * kmalloc caches, and Linux's SLUB: line.
 */
void kmem_cache_init(void)
{
	static __initdata struct kmem_cache boot_kmem_cache, boot_kmem_cache_node;

	prandom_seed_state(&slab_random_state, read_cntvct());
	kmem_cache_node = &boot_kmem_cache_node;
	kmem_cache = &boot_kmem_cache;
	create_boot_cache(kmem_cache_node, "kmem_cache_node", sizeof(struct kmem_cache_node),
			  SLAB_HWCACHE_ALIGN, 0);
	slab_state = PARTIAL;
	create_boot_cache(kmem_cache, "kmem_cache", sizeof(struct kmem_cache), SLAB_HWCACHE_ALIGN, 0);
	kmem_cache = bootstrap(&boot_kmem_cache);
	kmem_cache_node = bootstrap(&boot_kmem_cache_node);
	setup_kmalloc_cache_index_table();
	create_kmalloc_caches(0);
	pr_info("SLUB: HWalign=%d, Order=%u-%u, MinObjects=%u, CPUs=%u, Nodes=%u\n", (int)L1_CACHE_BYTES,
		slub_min_order, slub_max_order, slub_min_objects, nr_cpu_ids, 1u);
	slab_state = FULL;
}
