/*
 * memblock: the boot-time physical memory manager (mm/memblock.c).
 *
 * Two sorted, non-overlapping region lists: "memory" (RAM the kernel may
 * use) and "reserved" (RAM already taken). Free memory is memory minus
 * reserved. Semantics, names and debug messages follow Linux 6.x; the code is
 * this project's own. Pure logic: the only link to the address space is the
 * memblock_virt hook, which turns a physical address into a pointer (the
 * kernel sets it to __va, the host tests to a simulated RAM buffer). It is
 * needed to grow the region arrays and by memblock_alloc().
 *
 * Differences from Linux 6.x (see docs/linux-parity.md):
 *  - no NUMA node ids, no physmem type, no slab path in doubling;
 *  - memblock_free() (Linux 6.x: takes a virtual address) is not provided,
 *    use memblock_phys_free();
 *  - memblock_retire() marks the hand-over to the page allocator; any later
 *    allocation warns and fails.
 */
#ifndef _LINUX_MEMBLOCK_H
#define _LINUX_MEMBLOCK_H

#include <linux/compiler.h>
#include <linux/types.h>

#include <linux/errno.h>

#ifndef PHYS_ADDR_MAX
#define PHYS_ADDR_MAX	(~(phys_addr_t)0)
#endif

#ifndef ULLONG_MAX
#define ULLONG_MAX	(~0ULL)
#endif

#define INIT_MEMBLOCK_REGIONS	128

/* Region attributes (Linux's enum memblock_flags). */
enum memblock_flags {
	MEMBLOCK_NONE		= 0x0,	/* no special request */
	MEMBLOCK_HOTPLUG	= 0x1,	/* hotpluggable region */
	MEMBLOCK_MIRROR		= 0x2,	/* mirrored region */
	MEMBLOCK_NOMAP		= 0x4,	/* don't add to the kernel direct mapping */
};

struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;
	enum memblock_flags flags;
};

struct memblock_type {
	unsigned long cnt;		/* regions in use */
	unsigned long max;		/* size of the regions array */
	phys_addr_t total_size;		/* sum of the region sizes */
	struct memblock_region *regions;
	const char *name;
};

struct memblock {
	bool bottom_up;			/* allocate upwards from the bottom */
	phys_addr_t current_limit;	/* allocations stay below this */
	struct memblock_type memory;
	struct memblock_type reserved;
};

extern struct memblock memblock;

/* "memblock=debug": memblock_dbg lines and memblock_dump_all() output. */
extern bool memblock_debug;
/* Set by memblock_retire(): the page allocator owns memory now. */
extern bool memblock_free_all_done;
/* Physical to virtual translation used for arrays and memblock_alloc(). */
extern void *(*memblock_virt)(phys_addr_t phys);

/* Limits for the allocation API. */
#define MEMBLOCK_ALLOC_ANYWHERE		(~(phys_addr_t)0)
#define MEMBLOCK_ALLOC_ACCESSIBLE	0
#define MEMBLOCK_LOW_LIMIT		0
#ifndef NUMA_NO_NODE
#define NUMA_NO_NODE			(-1)
#endif

/* Registering and reserving. */
int memblock_add(phys_addr_t base, phys_addr_t size);
int memblock_remove(phys_addr_t base, phys_addr_t size);
int memblock_reserve(phys_addr_t base, phys_addr_t size);
int memblock_phys_free(phys_addr_t base, phys_addr_t size);

/* Region flags. */
int memblock_mark_hotplug(phys_addr_t base, phys_addr_t size);
int memblock_clear_hotplug(phys_addr_t base, phys_addr_t size);
int memblock_mark_mirror(phys_addr_t base, phys_addr_t size);
int memblock_mark_nomap(phys_addr_t base, phys_addr_t size);
int memblock_clear_nomap(phys_addr_t base, phys_addr_t size);

static inline bool memblock_is_hotpluggable(const struct memblock_region *m)
{
	return m->flags & MEMBLOCK_HOTPLUG;
}

static inline bool memblock_is_mirror(const struct memblock_region *m)
{
	return m->flags & MEMBLOCK_MIRROR;
}

static inline bool memblock_is_nomap(const struct memblock_region *m)
{
	return m->flags & MEMBLOCK_NOMAP;
}

/* Policy. */
void memblock_allow_resize(void);
void memblock_set_current_limit(phys_addr_t limit);
phys_addr_t memblock_get_current_limit(void);
void memblock_set_bottom_up(bool enable);
bool memblock_bottom_up(void);
void memblock_retire(void);

/* Allocation: physical address, 0 on failure. */
phys_addr_t memblock_alloc_range_nid(phys_addr_t size, phys_addr_t align,
				     phys_addr_t start, phys_addr_t end,
				     int nid, bool exact_nid);
phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
				      phys_addr_t start, phys_addr_t end);
/* Allocation: zeroed memory through memblock_virt, NULL on failure. */
void *memblock_alloc_try_nid(phys_addr_t size, phys_addr_t align,
			     phys_addr_t min_addr, phys_addr_t max_addr,
			     int nid);
void *memblock_alloc_try_nid_raw(phys_addr_t size, phys_addr_t align,
				 phys_addr_t min_addr, phys_addr_t max_addr,
				 int nid);

/* Follows Linux's memblock_phys_alloc (include/linux/memblock.h, v6.x). */
static inline phys_addr_t memblock_phys_alloc(phys_addr_t size,
					      phys_addr_t align)
{
	return memblock_phys_alloc_range(size, align, 0,
					 MEMBLOCK_ALLOC_ACCESSIBLE);
}

/* Follows Linux's memblock_alloc (include/linux/memblock.h, v6.x). */
static inline void *memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	return memblock_alloc_try_nid(size, align, MEMBLOCK_LOW_LIMIT,
				      MEMBLOCK_ALLOC_ACCESSIBLE, NUMA_NO_NODE);
}

/* Follows Linux's memblock_alloc_from (include/linux/memblock.h, v6.x): at or above @min_addr if possible. */
static inline void *memblock_alloc_from(phys_addr_t size, phys_addr_t align, phys_addr_t min_addr)
{
	return memblock_alloc_try_nid(size, align, min_addr,
				      MEMBLOCK_ALLOC_ACCESSIBLE, NUMA_NO_NODE);
}

/* Queries. */
phys_addr_t memblock_phys_mem_size(void);
phys_addr_t memblock_reserved_size(void);
phys_addr_t memblock_start_of_DRAM(void);
phys_addr_t memblock_end_of_DRAM(void);
bool memblock_is_memory(phys_addr_t addr);
bool memblock_is_map_memory(phys_addr_t addr);
bool memblock_is_region_memory(phys_addr_t base, phys_addr_t size);
bool memblock_is_region_reserved(phys_addr_t base, phys_addr_t size);
bool memblock_overlaps_region(struct memblock_type *type,
			      phys_addr_t base, phys_addr_t size);

/* mem= handling. */
void memblock_cap_memory_range(phys_addr_t base, phys_addr_t size);
void memblock_mem_limit_remove_map(phys_addr_t limit);

/* Which invariant a type breaks (sorted, disjoint, merged, summed), or NULL. */
const char *memblock_type_check(const struct memblock_type *type);

/* Output. */
void memblock_dump_all(void);		/* only with memblock_debug, as Linux */
void __memblock_dump_all(void);		/* unconditionally */
void memblock_show_free(void);		/* free ranges below the limit, before an allocation panic */

/*
 * Range iteration. *idx is the iterator state (u64); the walk ends when it
 * becomes ULLONG_MAX. type_b, when not NULL, is subtracted from type_a.
 * Regions of "memory" are skipped if NOMAP (unless flags has MEMBLOCK_NOMAP)
 * or if flags has MEMBLOCK_MIRROR and the region is not mirrored.
 */
void __next_mem_range(u64 *idx, enum memblock_flags flags,
		      struct memblock_type *type_a,
		      struct memblock_type *type_b,
		      phys_addr_t *out_start, phys_addr_t *out_end);
void __next_mem_range_rev(u64 *idx, enum memblock_flags flags,
			  struct memblock_type *type_a,
			  struct memblock_type *type_b,
			  phys_addr_t *out_start, phys_addr_t *out_end);

#define __for_each_mem_range(i, type_a, type_b, flags, p_start, p_end)	\
	for (i = 0, __next_mem_range(&i, flags, type_a, type_b,		\
				     p_start, p_end);			\
	     i != (u64)ULLONG_MAX;					\
	     __next_mem_range(&i, flags, type_a, type_b, p_start, p_end))

#define __for_each_mem_range_rev(i, type_a, type_b, flags, p_start, p_end) \
	for (i = (u64)ULLONG_MAX,					\
	     __next_mem_range_rev(&i, flags, type_a, type_b,		\
				  p_start, p_end);			\
	     i != (u64)ULLONG_MAX;					\
	     __next_mem_range_rev(&i, flags, type_a, type_b, p_start, p_end))

/* Every mappable memory range (NOMAP skipped), low to high. */
#define for_each_mem_range(i, p_start, p_end)				\
	__for_each_mem_range(i, &memblock.memory, NULL, MEMBLOCK_NONE,	\
			     p_start, p_end)

/* Same, high to low. */
#define for_each_mem_range_rev(i, p_start, p_end)			\
	__for_each_mem_range_rev(i, &memblock.memory, NULL,		\
				 MEMBLOCK_NONE, p_start, p_end)

/* Every reserved range, low to high. */
#define for_each_reserved_mem_range(i, p_start, p_end)			\
	__for_each_mem_range(i, &memblock.reserved, NULL, MEMBLOCK_NONE, \
			     p_start, p_end)

/* Free ranges (memory minus reserved) matching flags, low to high. */
#define for_each_free_mem_range(i, flags, p_start, p_end)		\
	__for_each_mem_range(i, &memblock.memory, &memblock.reserved,	\
			     flags, p_start, p_end)

/* Same, high to low. */
#define for_each_free_mem_range_reverse(i, flags, p_start, p_end)	\
	__for_each_mem_range_rev(i, &memblock.memory, &memblock.reserved, \
				 flags, p_start, p_end)

/* Every region of memory / reserved, including NOMAP ones. */
#define for_each_mem_region(region)					\
	for (region = memblock.memory.regions;				\
	     region < memblock.memory.regions + memblock.memory.cnt;	\
	     region++)

#define for_each_reserved_mem_region(region)				\
	for (region = memblock.reserved.regions;			\
	     region < memblock.reserved.regions + memblock.reserved.cnt; \
	     region++)

#ifdef HOST_TEST
/* Host unit tests only: restore the boot-time state. */
void memblock_host_reset(void);
#endif

#endif /* _LINUX_MEMBLOCK_H */
