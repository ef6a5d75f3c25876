/*
 * memblock: boot-time physical memory regions and the early allocator.
 *
 * Semantics and message formats follow Linux 6.x mm/memblock.c; see
 * include/linux/memblock.h for the API and the deliberate differences.
 *
 * Invariants kept for both types after every public call: regions sorted by
 * base, non-overlapping, adjacent regions with equal flags merged,
 * total_size equal to the sum of sizes, cnt <= max. An empty type has cnt 0
 * (Linux 6.x dropped the old dummy entry).
 *
 * Boot-CPU only, as in Linux (whose memblock has no lock either): the
 * tables change only before the secondary CPUs start (smp_init) and are
 * read-only after; every change asserts it (memblock_assert_boot_cpu).
 * Lookups (memblock_is_map_memory for pfn_valid) are safe on any CPU.
 */
#include <linux/cache.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/types.h>
#include <asm/page.h>
#include <linux/smp.h>
#include <asm/setup.h>

/* Keep public entry points out of line so %pS names their real caller. */
#define __mb_noinline		__attribute__((__noinline__))
#define MB_CALLER()		__builtin_return_address(0)

#define memblock_dbg(fmt, ...)						\
	do {								\
		if (memblock_debug)					\
			pr_info(fmt, ##__VA_ARGS__);			\
	} while (0)

static struct memblock_region memory_init_regions[INIT_MEMBLOCK_REGIONS];
static struct memblock_region reserved_init_regions[INIT_MEMBLOCK_REGIONS];

struct memblock memblock = {
	.bottom_up = false,
	.current_limit = MEMBLOCK_ALLOC_ANYWHERE,
	.memory = {
		.cnt = 0,
		.max = INIT_MEMBLOCK_REGIONS,
		.regions = memory_init_regions,
		.name = "memory",
	},
	.reserved = {
		.cnt = 0,
		.max = INIT_MEMBLOCK_REGIONS,
		.regions = reserved_init_regions,
		.name = "reserved",
	},
};

bool memblock_debug;
bool memblock_free_all_done;
void *(*memblock_virt)(phys_addr_t phys);

static bool can_resize;
static bool has_mirror;
/* Physical addresses of the doubled arrays (0: still the static array). */
static phys_addr_t memory_array_phys;
static phys_addr_t reserved_array_phys;

/* Follows Linux's memblock_cap_size (mm/memblock.c, v6.x). */
static phys_addr_t cap_size(phys_addr_t base, phys_addr_t *size)
{
	phys_addr_t room = PHYS_ADDR_MAX - base;

	if (*size > room)
		*size = room;
	return *size;
}

static phys_addr_t rgn_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

/* Follows Linux's memblock_overlaps_region (mm/memblock.c, v6.x). */
bool memblock_overlaps_region(struct memblock_type *type,
			      phys_addr_t base, phys_addr_t size)
{
	phys_addr_t end;
	unsigned long i;

	end = base + cap_size(base, &size);
	for (i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];

		if (r->base < end && base < rgn_end(r))
			return true;
	}
	return false;
}

/* Follows Linux's should_skip_region (mm/memblock.c, v6.x), without nodes. */
static bool skip_region(const struct memblock_type *type,
			const struct memblock_region *r,
			enum memblock_flags flags)
{
	if (type != &memblock.memory)
		return false;
	if ((flags & MEMBLOCK_MIRROR) && !memblock_is_mirror(r))
		return true;
	if (!(flags & MEMBLOCK_NOMAP) && memblock_is_nomap(r))
		return true;
	return false;
}

/*
 * Gap number g of type b: g = 0 is [0, first base), g = cnt is
 * [end of last, PHYS_ADDR_MAX).
 */
static void gap_bounds(const struct memblock_type *b, unsigned long g,
		       phys_addr_t *gs, phys_addr_t *ge)
{
	*gs = g ? rgn_end(&b->regions[g - 1]) : 0;
	*ge = g < b->cnt ? b->regions[g].base : PHYS_ADDR_MAX;
}

static u64 pack_idx(unsigned long a, unsigned long b)
{
	return (u64)(u32)a | ((u64)(u32)b << 32);
}

/* Store a found range through the iterators' optional out pointers. */
static inline void set_range_out(phys_addr_t *out_start, phys_addr_t *out_end,
				 phys_addr_t start, phys_addr_t end)
{
	if (out_start)
		*out_start = start;
	if (out_end)
		*out_end = end;
}

/* Follows Linux's __next_mem_range (mm/memblock.c, v6.x), without nodes. */
void __next_mem_range(u64 *idx, enum memblock_flags flags,
		      struct memblock_type *type_a,
		      struct memblock_type *type_b,
		      phys_addr_t *out_start, phys_addr_t *out_end)
{
	unsigned long ia = (u32)*idx;
	unsigned long ib = (u32)(*idx >> 32);

	for (; ia < type_a->cnt; ia++) {
		const struct memblock_region *m = &type_a->regions[ia];
		phys_addr_t ms = m->base, me = rgn_end(m);

		if (skip_region(type_a, m, flags))
			continue;
		if (!type_b) {
			set_range_out(out_start, out_end, ms, me);
			*idx = pack_idx(ia + 1, ib);
			return;
		}
		/* Walk the gaps of type_b that can intersect m. */
		for (; ib <= type_b->cnt; ib++) {
			phys_addr_t gs, ge;

			gap_bounds(type_b, ib, &gs, &ge);
			if (gs >= me)
				break;		/* next m */
			if (ms >= ge)
				continue;	/* next gap */
			set_range_out(out_start, out_end, ms > gs ? ms : gs, me < ge ? me : ge);
			/* Advance whichever of the two ends first. */
			if (me <= ge)
				ia++;
			else
				ib++;
			*idx = pack_idx(ia, ib);
			return;
		}
	}
	*idx = ULLONG_MAX;
}

/*
 * Follows Linux's __next_mem_range_rev (mm/memblock.c, v6.x), without nodes.
 * State: low half = index of the next type_a region + 1, high half = gap.
 */
void __next_mem_range_rev(u64 *idx, enum memblock_flags flags,
			  struct memblock_type *type_a,
			  struct memblock_type *type_b,
			  phys_addr_t *out_start, phys_addr_t *out_end)
{
	unsigned long na, ib;

	if (*idx == ULLONG_MAX) {
		na = type_a->cnt;
		ib = type_b ? type_b->cnt : 0;
	} else {
		na = (u32)*idx;
		ib = (u32)(*idx >> 32);
	}

	for (; na > 0; na--) {
		const struct memblock_region *m = &type_a->regions[na - 1];
		phys_addr_t ms = m->base, me = rgn_end(m);

		if (skip_region(type_a, m, flags))
			continue;
		if (!type_b) {
			set_range_out(out_start, out_end, ms, me);
			*idx = pack_idx(na - 1, ib);
			return;
		}
		for (;; ib--) {
			phys_addr_t gs, ge;

			gap_bounds(type_b, ib, &gs, &ge);
			if (ge <= ms)
				break;		/* previous m */
			if (gs < me) {
				set_range_out(out_start, out_end, ms > gs ? ms : gs, me < ge ? me : ge);
				/* Step back whichever starts last. */
				if (ms >= gs)
					na--;
				else
					ib--;
				*idx = pack_idx(na, ib);
				return;
			}
			if (!ib)
				break;
		}
	}
	*idx = ULLONG_MAX;
}

/* Follows Linux's __memblock_find_range_bottom_up (mm/memblock.c, v6.x). */
static phys_addr_t find_bottom_up(phys_addr_t start, phys_addr_t end,
				  phys_addr_t size, phys_addr_t align,
				  enum memblock_flags flags)
{
	phys_addr_t s, e, cand;
	u64 i;

	for_each_free_mem_range(i, flags, &s, &e) {
		s = s < start ? start : (s > end ? end : s);
		e = e < start ? start : (e > end ? end : e);
		cand = (s + align - 1) & ~(align - 1);
		if (cand < s)
			continue;	/* rounding wrapped */
		if (cand < e && e - cand >= size)
			return cand;
	}
	return 0;
}

/* Follows Linux's __memblock_find_range_top_down (mm/memblock.c, v6.x). */
static phys_addr_t find_top_down(phys_addr_t start, phys_addr_t end,
				 phys_addr_t size, phys_addr_t align,
				 enum memblock_flags flags)
{
	phys_addr_t s, e, cand;
	u64 i;

	for_each_free_mem_range_reverse(i, flags, &s, &e) {
		s = s < start ? start : (s > end ? end : s);
		e = e < start ? start : (e > end ? end : e);
		if (e < size)
			continue;
		cand = (e - size) & ~(align - 1);
		if (cand >= s)
			return cand;
	}
	return 0;
}

/* Follows Linux's memblock_find_in_range_node (mm/memblock.c, v6.x). */
static phys_addr_t find_in_range_flags(phys_addr_t size, phys_addr_t align,
				       phys_addr_t start, phys_addr_t end,
				       enum memblock_flags flags)
{
	if (end == MEMBLOCK_ALLOC_ACCESSIBLE)
		end = memblock.current_limit;
	/* Never hand out the first page: 0 means failure. */
	if (start < PAGE_SIZE)
		start = PAGE_SIZE;
	if (end < start)
		end = start;
	if (memblock.bottom_up)
		return find_bottom_up(start, end, size, align, flags);
	return find_top_down(start, end, size, align, flags);
}

/* Follows Linux's memblock_find_in_range (mm/memblock.c, v6.x). */
static phys_addr_t find_in_range(phys_addr_t start, phys_addr_t end,
				 phys_addr_t size, phys_addr_t align)
{
	enum memblock_flags flags = has_mirror ? MEMBLOCK_MIRROR : MEMBLOCK_NONE;
	phys_addr_t found;

	found = find_in_range_flags(size, align, start, end, flags);
	if (!found && (flags & MEMBLOCK_MIRROR)) {
		pr_warn("Could not allocate %pap bytes of mirrored memory\n",
			&size);
		found = find_in_range_flags(size, align, start, end,
					    MEMBLOCK_NONE);
	}
	return found;
}

/* Follows Linux's memblock_double_array (mm/memblock.c, v6.x), no slab path. */
static int double_array(struct memblock_type *type,
			phys_addr_t avoid_start, phys_addr_t avoid_size)
{
	struct memblock_region *new_array, *old_array;
	phys_addr_t old_bytes, new_bytes, old_alloc, new_alloc;
	phys_addr_t addr, last, old_phys;
	phys_addr_t *array_phys;

	/* Before paging_init maps lowmem there is nowhere to put a bigger array (Linux 6.x panics too). */
	if (!can_resize)
		panic("memblock: cannot resize %s array\n", type->name);

	old_bytes = (phys_addr_t)(type->max * sizeof(struct memblock_region));
	new_bytes = old_bytes * 2;
	old_alloc = ALIGN(old_bytes, PAGE_SIZE);
	new_alloc = ALIGN(new_bytes, PAGE_SIZE);
	array_phys = type == &memblock.memory ? &memory_array_phys
					      : &reserved_array_phys;

	/* Only a range about to be reserved must be kept clear of. */
	if (type != &memblock.reserved)
		avoid_start = avoid_size = 0;

	addr = find_in_range(avoid_start + avoid_size, memblock.current_limit,
			     new_alloc, PAGE_SIZE);
	if (!addr && avoid_size)
		addr = find_in_range(0, avoid_start < memblock.current_limit ?
					avoid_start : memblock.current_limit,
				     new_alloc, PAGE_SIZE);
	new_array = addr && memblock_virt ? memblock_virt(addr) : NULL;
	if (!new_array) {
		pr_err("memblock: Failed to double %s array from %ld to %ld entries !\n",
		       type->name, (long)type->max, (long)type->max * 2);
		return -1;
	}

	last = addr + new_bytes - 1;
	/* Linux's format has no trailing newline. */
	memblock_dbg("memblock: %s is doubled to %ld at [%pa-%pa]",
		     type->name, (long)type->max * 2, &addr, &last);

	memcpy(new_array, type->regions, (size_t)old_bytes);
	memset(new_array + type->max, 0, (size_t)old_bytes);
	old_array = type->regions;
	old_phys = *array_phys;
	type->regions = new_array;
	type->max *= 2;
	*array_phys = addr;

	if (old_array != memory_init_regions &&
	    old_array != reserved_init_regions)
		memblock_phys_free(old_phys, old_alloc);

	if (memblock_reserve(addr, new_alloc))
		panic("memblock: cannot reserve the new %s array\n",
		      type->name);
	return 0;
}

/* Follows Linux's memblock_merge_regions (mm/memblock.c, v6.x). */
static void merge_regions(struct memblock_type *type)
{
	unsigned long i = 0;

	while (i + 1 < type->cnt) {
		struct memblock_region *cur = &type->regions[i];
		struct memblock_region *nxt = cur + 1;

		if (rgn_end(cur) != nxt->base || cur->flags != nxt->flags) {
			i++;
			continue;
		}
		cur->size += nxt->size;
		memmove(nxt, nxt + 1,
			(type->cnt - i - 2) * sizeof(struct memblock_region));
		type->cnt--;
	}
}

/* Follows Linux's memblock_insert_region (mm/memblock.c, v6.x). */
static void insert_region(struct memblock_type *type, unsigned long at,
			  phys_addr_t base, phys_addr_t size,
			  enum memblock_flags flags)
{
	struct memblock_region *r = &type->regions[at];

	memmove(r + 1, r, (type->cnt - at) * sizeof(*r));
	r->base = base;
	r->size = size;
	r->flags = flags;
	type->cnt++;
	type->total_size += size;
}

/*
 * The part of Linux's memblock_add_range that walks the uncovered pieces of
 * [base, end): counts them, and inserts them when insert is true.
 */
static unsigned long fill_gaps(struct memblock_type *type, phys_addr_t base,
			       phys_addr_t end, enum memblock_flags flags,
			       bool insert)
{
	unsigned long i, pieces = 0;
	phys_addr_t cur = base;

	for (i = 0; i < type->cnt && cur < end; i++) {
		const struct memblock_region *r = &type->regions[i];
		phys_addr_t rb = r->base, re = rgn_end(r);

		if (re <= cur)
			continue;
		if (rb >= end)
			break;
		if (rb > cur) {
			pieces++;
			if (insert)
				insert_region(type, i++, cur, rb - cur, flags);
		}
		cur = re < end ? re : end;
	}
	if (cur < end) {
		pieces++;
		if (insert)
			insert_region(type, i, cur, end - cur, flags);
	}
	return pieces;
}

/* Follows Linux's memblock_add_range (mm/memblock.c, v6.x). */
/* A change to the tables once another CPU runs is a bug: say so, where. */
static void memblock_assert_boot_cpu(void)
{
	WARN_ON(num_online_cpus() > 1);
}

static int add_range(struct memblock_type *type, phys_addr_t base,
		     phys_addr_t size, enum memblock_flags flags)
{
	phys_addr_t end = base + cap_size(base, &size);
	unsigned long pieces;

	memblock_assert_boot_cpu();
	if (!size)
		return 0;

	pieces = fill_gaps(type, base, end, flags, false);
	if (!pieces)
		return 0;
	/* Doubling may itself reserve memory, so recheck the room each time. */
	while (type->cnt + pieces > type->max)
		if (double_array(type, base, size) < 0)
			return -ENOMEM;
	fill_gaps(type, base, end, flags, true);
	merge_regions(type);
	return 0;
}

/* Splits region i at address at (strictly inside it). */
static void split_region(struct memblock_type *type, unsigned long i,
			 phys_addr_t at)
{
	struct memblock_region *r = &type->regions[i];
	phys_addr_t low = at - r->base;

	memmove(r + 1, r, (type->cnt - i) * sizeof(*r));
	r[1].base = at;
	r[1].size = r->size - low;
	r->size = low;
	type->cnt++;
}

/* Follows Linux's memblock_isolate_range (mm/memblock.c, v6.x). */
static int isolate_range(struct memblock_type *type, phys_addr_t base,
			 phys_addr_t size, unsigned long *first,
			 unsigned long *last)
{
	phys_addr_t end = base + cap_size(base, &size);
	unsigned long i;
	bool seen = false;

	memblock_assert_boot_cpu();
	*first = *last = 0;
	if (!size)
		return 0;

	/* At most two splits. */
	while (type->cnt + 2 > type->max)
		if (double_array(type, base, size) < 0)
			return -ENOMEM;

	for (i = 0; i < type->cnt; i++) {
		struct memblock_region *r = &type->regions[i];

		if (r->base >= end)
			break;
		if (rgn_end(r) <= base)
			continue;
		if (r->base < base) {
			/* Straddles base: keep the low part, revisit the rest. */
			split_region(type, i, base);
			continue;
		}
		if (rgn_end(r) > end)
			split_region(type, i, end);	/* low part is inside */
		if (!seen)
			*first = i;
		seen = true;
		*last = i + 1;
	}
	return 0;
}

/* Follows Linux's memblock_remove_region (mm/memblock.c, v6.x), for a run. */
static void remove_regions(struct memblock_type *type, unsigned long first,
			   unsigned long last)
{
	unsigned long i;

	for (i = first; i < last; i++)
		type->total_size -= type->regions[i].size;
	memmove(&type->regions[first], &type->regions[last],
		(type->cnt - last) * sizeof(struct memblock_region));
	type->cnt -= last - first;
	if (!type->cnt) {
		type->regions[0].base = 0;
		type->regions[0].size = 0;
		type->regions[0].flags = MEMBLOCK_NONE;
	}
}

/* Follows Linux's memblock_remove_range (mm/memblock.c, v6.x). */
static int remove_range(struct memblock_type *type, phys_addr_t base,
			phys_addr_t size)
{
	unsigned long first, last;
	int ret;

	ret = isolate_range(type, base, size, &first, &last);
	if (ret)
		return ret;
	if (last > first)
		remove_regions(type, first, last);
	return 0;
}

/* The memblock=debug line of the add/remove/reserve/free entry points: "fn: [base-last] caller". */
static void memblock_dbg_range(const char *fn, phys_addr_t base, phys_addr_t size, void *caller)
{
	phys_addr_t last = base + size - 1;

	memblock_dbg("%s: [%pa-%pa] %pS\n", fn, &base, &last, caller);
}

/* Follows Linux's memblock_add (mm/memblock.c, v6.x). */
__mb_noinline int memblock_add(phys_addr_t base, phys_addr_t size)
{
	memblock_dbg_range(__func__, base, size, MB_CALLER());
	return add_range(&memblock.memory, base, size, MEMBLOCK_NONE);
}

/* Follows Linux's memblock_remove (mm/memblock.c, v6.x). */
__mb_noinline int memblock_remove(phys_addr_t base, phys_addr_t size)
{
	memblock_dbg_range(__func__, base, size, MB_CALLER());
	return remove_range(&memblock.memory, base, size);
}

/* Follows Linux's memblock_reserve (mm/memblock.c, v6.x). */
__mb_noinline int memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	memblock_dbg_range(__func__, base, size, MB_CALLER());
	return add_range(&memblock.reserved, base, size, MEMBLOCK_NONE);
}

/* Follows Linux's memblock_phys_free (mm/memblock.c, v6.x). */
__mb_noinline int memblock_phys_free(phys_addr_t base, phys_addr_t size)
{
	memblock_dbg_range(__func__, base, size, MB_CALLER());
	return remove_range(&memblock.reserved, base, size);
}

/* Follows Linux's memblock_setclr_flag (mm/memblock.c, v6.x). */
static int setclr_flag(phys_addr_t base, phys_addr_t size, bool set,
		       enum memblock_flags flag)
{
	struct memblock_type *type = &memblock.memory;
	unsigned long first, last, i;
	int ret;

	ret = isolate_range(type, base, size, &first, &last);
	if (ret)
		return ret;
	for (i = first; i < last; i++) {
		if (set)
			type->regions[i].flags |= flag;
		else
			type->regions[i].flags &= ~flag;
	}
	merge_regions(type);
	return 0;
}

/* Follows Linux's memblock_mark_hotplug (mm/memblock.c, v6.x). */
int memblock_mark_hotplug(phys_addr_t base, phys_addr_t size)
{
	return setclr_flag(base, size, true, MEMBLOCK_HOTPLUG);
}

/* Follows Linux's memblock_clear_hotplug (mm/memblock.c, v6.x). */
int memblock_clear_hotplug(phys_addr_t base, phys_addr_t size)
{
	return setclr_flag(base, size, false, MEMBLOCK_HOTPLUG);
}

/* Follows Linux's memblock_mark_mirror (mm/memblock.c, v6.x). */
int memblock_mark_mirror(phys_addr_t base, phys_addr_t size)
{
	has_mirror = true;
	return setclr_flag(base, size, true, MEMBLOCK_MIRROR);
}

/* Follows Linux's memblock_mark_nomap (mm/memblock.c, v6.x). */
int memblock_mark_nomap(phys_addr_t base, phys_addr_t size)
{
	return setclr_flag(base, size, true, MEMBLOCK_NOMAP);
}

/* Follows Linux's memblock_clear_nomap (mm/memblock.c, v6.x). */
int memblock_clear_nomap(phys_addr_t base, phys_addr_t size)
{
	return setclr_flag(base, size, false, MEMBLOCK_NOMAP);
}

/* Follows Linux's memblock_allow_resize (mm/memblock.c, v6.x). */
void memblock_allow_resize(void)
{
	can_resize = true;
}

/* Follows Linux's memblock_set_current_limit (mm/memblock.c, v6.x). */
void memblock_set_current_limit(phys_addr_t limit)
{
	memblock.current_limit = limit;
}

/* Follows Linux's memblock_get_current_limit (mm/memblock.c, v6.x). */
phys_addr_t memblock_get_current_limit(void)
{
	return memblock.current_limit;
}

/* Follows Linux's memblock_set_bottom_up (include/linux/memblock.h, v6.x). */
void memblock_set_bottom_up(bool enable)
{
	memblock.bottom_up = enable;
}

/* Follows Linux's memblock_bottom_up (include/linux/memblock.h, v6.x). */
bool memblock_bottom_up(void)
{
	return memblock.bottom_up;
}

/*
 * No Linux counterpart: the point where Linux's memblock_free_all() hands
 * memory to the page allocator; memblock allocations fail from then on.
 */
void memblock_retire(void)
{
	memblock_free_all_done = true;
}

/*
 * Follows Linux's memblock_alloc_range_nid (mm/memblock.c, v6.x), without
 * nodes (nid and exact_nid are accepted and ignored). Out of line so that
 * the memblock_reserve debug line names it as its caller, as Linux's does.
 */
__mb_noinline phys_addr_t memblock_alloc_range_nid(phys_addr_t size, phys_addr_t align,
						   phys_addr_t start, phys_addr_t end,
						   int nid, bool exact_nid)
{
	phys_addr_t found;

	(void)nid;
	(void)exact_nid;
	if (memblock_free_all_done) {
		pr_warn("memblock: allocation of %llu bytes after the page allocator took over, from %pS\n",
			(unsigned long long)size, MB_CALLER());
		return 0;
	}
	if (!align)
		align = SMP_CACHE_BYTES;	/* Linux: dump_stack(), then this */

	found = find_in_range(start, end, size, align);
	if (found && !memblock_reserve(found, size))
		return found;
	return 0;
}

/* Follows Linux's memblock_phys_alloc_range (mm/memblock.c, v6.x). */
__mb_noinline phys_addr_t memblock_phys_alloc_range(phys_addr_t size,
						    phys_addr_t align,
						    phys_addr_t start,
						    phys_addr_t end)
{
	void *caller = MB_CALLER();

	memblock_dbg("%s: %llu bytes align=0x%llx from=%pa max_addr=%pa %pS\n",
		     __func__, (unsigned long long)size,
		     (unsigned long long)align, &start, &end, caller);
	return memblock_alloc_range_nid(size, align, start, end, NUMA_NO_NODE, false);
}

/* Follows Linux's memblock_alloc_internal (mm/memblock.c, v6.x): the virtual address of a new block, or NULL. */
static void *memblock_alloc_internal(phys_addr_t size, phys_addr_t align, phys_addr_t min_addr,
				     phys_addr_t max_addr, int nid)
{
	phys_addr_t phys;

	if (!memblock_virt)
		return NULL;
	if (max_addr > memblock.current_limit)
		max_addr = memblock.current_limit;
	phys = memblock_alloc_range_nid(size, align, min_addr, max_addr, nid, false);
	if (!phys && min_addr && !memblock_free_all_done)
		phys = memblock_alloc_range_nid(size, align, 0, max_addr, nid, false);
	return phys ? memblock_virt(phys) : NULL;
}

/* Follows Linux's memblock_alloc_try_nid (mm/memblock.c, v6.x): zeroed. */
__mb_noinline void *memblock_alloc_try_nid(phys_addr_t size,
					   phys_addr_t align,
					   phys_addr_t min_addr,
					   phys_addr_t max_addr, int nid)
{
	void *ptr;

	memblock_dbg("%s: %llu bytes align=0x%llx nid=%d from=%pa max_addr=%pa %pS\n",
		     __func__, (unsigned long long)size,
		     (unsigned long long)align, nid, &min_addr, &max_addr,
		     MB_CALLER());
	ptr = memblock_alloc_internal(size, align, min_addr, max_addr, nid);
	if (ptr)
		memset(ptr, 0, (size_t)size);
	return ptr;
}

/* Follows Linux's memblock_alloc_try_nid_raw (mm/memblock.c, v6.x): not zeroed (mem_map is initialised page by page). */
__mb_noinline void *memblock_alloc_try_nid_raw(phys_addr_t size,
					       phys_addr_t align,
					       phys_addr_t min_addr,
					       phys_addr_t max_addr, int nid)
{
	memblock_dbg("%s: %llu bytes align=0x%llx nid=%d from=%pa max_addr=%pa %pS\n",
		     __func__, (unsigned long long)size,
		     (unsigned long long)align, nid, &min_addr, &max_addr,
		     MB_CALLER());
	return memblock_alloc_internal(size, align, min_addr, max_addr, nid);
}

/* Follows Linux's memblock_phys_mem_size (mm/memblock.c, v6.x). */
phys_addr_t memblock_phys_mem_size(void)
{
	return memblock.memory.total_size;
}

/* Follows Linux's memblock_reserved_size (mm/memblock.c, v6.x). */
phys_addr_t memblock_reserved_size(void)
{
	return memblock.reserved.total_size;
}

/* Follows Linux's memblock_start_of_DRAM (mm/memblock.c, v6.x). */
phys_addr_t memblock_start_of_DRAM(void)
{
	return memblock.memory.regions[0].base;
}

/* Follows Linux's memblock_end_of_DRAM (mm/memblock.c, v6.x); 0 when empty. */
phys_addr_t memblock_end_of_DRAM(void)
{
	if (!memblock.memory.cnt)
		return 0;
	return rgn_end(&memblock.memory.regions[memblock.memory.cnt - 1]);
}

/* Follows Linux's memblock_search (mm/memblock.c, v6.x): index or -1. */
static long search(const struct memblock_type *type, phys_addr_t addr)
{
	unsigned long lo = 0, hi = type->cnt;

	while (lo < hi) {
		unsigned long mid = lo + (hi - lo) / 2;
		const struct memblock_region *r = &type->regions[mid];

		if (addr < r->base)
			hi = mid;
		else if (addr >= rgn_end(r))
			lo = mid + 1;
		else
			return (long)mid;
	}
	return -1;
}

/* Follows Linux's memblock_is_memory (mm/memblock.c, v6.x). */
bool memblock_is_memory(phys_addr_t addr)
{
	return search(&memblock.memory, addr) != -1;
}

/* Follows Linux's memblock_is_map_memory (mm/memblock.c, v6.x). */
bool memblock_is_map_memory(phys_addr_t addr)
{
	long i = search(&memblock.memory, addr);

	return i != -1 && !memblock_is_nomap(&memblock.memory.regions[i]);
}

/* Follows Linux's memblock_is_region_memory (mm/memblock.c, v6.x). */
bool memblock_is_region_memory(phys_addr_t base, phys_addr_t size)
{
	long i = search(&memblock.memory, base);
	phys_addr_t end = base + cap_size(base, &size);

	if (i == -1)
		return false;
	return rgn_end(&memblock.memory.regions[i]) >= end;
}

/* Follows Linux's memblock_is_region_reserved (mm/memblock.c, v6.x). */
bool memblock_is_region_reserved(phys_addr_t base, phys_addr_t size)
{
	return memblock_overlaps_region(&memblock.reserved, base, size);
}

/* Follows Linux's memblock_cap_memory_range (mm/memblock.c, v6.x). */
void memblock_cap_memory_range(phys_addr_t base, phys_addr_t size)
{
	struct memblock_type *mem = &memblock.memory;
	unsigned long first, last, i;

	if (!size)
		return;
	if (!mem->total_size) {
		pr_warn("%s: No memory registered yet\n", __func__);
		return;
	}
	if (isolate_range(mem, base, size, &first, &last))
		return;

	/* Drop mapped regions above, then below, the kept range. */
	for (i = mem->cnt; i > last && i > 0; i--)
		if (!memblock_is_nomap(&mem->regions[i - 1]))
			remove_regions(mem, i - 1, i);
	for (i = first; i > 0; i--)
		if (!memblock_is_nomap(&mem->regions[i - 1]))
			remove_regions(mem, i - 1, i);

	remove_range(&memblock.reserved, 0, base);
	remove_range(&memblock.reserved, base + size, PHYS_ADDR_MAX);
}

/* Follows Linux's memblock_mem_limit_remove_map (mm/memblock.c, v6.x). */
void memblock_mem_limit_remove_map(phys_addr_t limit)
{
	const struct memblock_region *r;
	phys_addr_t max_addr = PHYS_ADDR_MAX;

	if (!limit)
		return;
	/* Linux's __find_max_addr: where the first limit bytes of RAM end. */
	for_each_mem_region(r) {
		if (limit <= r->size) {
			max_addr = r->base + limit;
			break;
		}
		limit -= r->size;
	}
	if (max_addr == PHYS_ADDR_MAX)
		return;
	memblock_cap_memory_range(0, max_addr);
}

/* Follows Linux's memblock_dump (mm/memblock.c, v6.x), without NUMA. */
static void dump_type(const struct memblock_type *type)
{
	unsigned long i;

	pr_info(" %s.cnt  = %#lx\n", type->name, type->cnt);
	for (i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];
		phys_addr_t base = r->base, size = r->size;
		phys_addr_t last = base + size - 1;

		pr_info(" %s[%#x]\t[%pa-%pa], %pa bytes flags: %#x\n",
			type->name, (unsigned int)i, &base, &last, &size,
			(unsigned int)r->flags);
	}
}

/* Follows Linux's __memblock_dump_all (mm/memblock.c, v6.x). */
void __memblock_dump_all(void)
{
	pr_info("MEMBLOCK configuration:\n");
	pr_info(" memory size = %pa reserved size = %pa\n",
		&memblock.memory.total_size, &memblock.reserved.total_size);
	dump_type(&memblock.memory);
	dump_type(&memblock.reserved);
}

/*
 * No Linux counterpart: which of memblock's invariants a type breaks, or
 * NULL. The same check serves the host tests, the fuzzer and the in-kernel
 * suite.
 */
const char *memblock_type_check(const struct memblock_type *type)
{
	phys_addr_t total = 0;
	unsigned long i;

	if (type->cnt > type->max || !type->regions)
		return "cnt exceeds max, or no array";
	for (i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];

		if (!r->size)
			return "an empty region";
		if (r->base + r->size - 1 < r->base)
			return "a region wraps past the top";
		total += r->size;
		if (i + 1 < type->cnt) {
			const struct memblock_region *n = r + 1;

			if (r->base + r->size > n->base)
				return "regions out of order or overlapping";
			if (r->base + r->size == n->base && r->flags == n->flags)
				return "adjacent regions of equal flags not merged";
		}
	}
	if (total != type->total_size)
		return "total_size is not the sum of the sizes";
	return NULL;
}

/* Follows Linux's early_memblock (mm/memblock.c, v6.x): "memblock=debug" (any value containing "debug"). */
static int early_memblock(char *p)
{
	static const char word[] = "debug";

	for (; p && *p; p++) {
		if (!strncmp(p, word, sizeof(word) - 1)) {
			memblock_debug = true;
			break;
		}
	}
	return 0;
}
early_param("memblock", early_memblock);

/*
 * Not in Linux, whose callers only say what they asked for: before such a
 * "Failed to allocate" panic, what memblock still had free below the
 * allocation limit, the first few ranges and the total.
 */
void memblock_show_free(void)
{
	phys_addr_t start, end, limit = memblock.current_limit, total = 0;
	unsigned int ranges = 0;
	u64 i;

	for_each_free_mem_range(i, MEMBLOCK_NONE, &start, &end) {
		if (start >= limit)
			break;
		end = min(end, limit);
		total += end - start;
		if (ranges++ < 8)
			pr_err("memblock: free [mem %#018llx-%#018llx] %llu bytes\n", (unsigned long long)start,
			       (unsigned long long)end - 1, (unsigned long long)(end - start));
	}
	pr_err("memblock: %llu bytes free in %u ranges below the limit %pa\n",
	       (unsigned long long)total, ranges, &limit);
}

/* Follows Linux's memblock_dump_all (mm/memblock.c, v6.x). */
void memblock_dump_all(void)
{
	if (memblock_debug)
		__memblock_dump_all();
}

#ifdef HOST_TEST
/* Host unit tests only: back to the state memblock has at boot. */
void memblock_host_reset(void)
{
	memset(memory_init_regions, 0, sizeof(memory_init_regions));
	memset(reserved_init_regions, 0, sizeof(reserved_init_regions));
	memblock.bottom_up = false;
	memblock.current_limit = MEMBLOCK_ALLOC_ANYWHERE;
	memblock.memory.cnt = memblock.reserved.cnt = 0;
	memblock.memory.max = memblock.reserved.max = INIT_MEMBLOCK_REGIONS;
	memblock.memory.total_size = memblock.reserved.total_size = 0;
	memblock.memory.regions = memory_init_regions;
	memblock.reserved.regions = reserved_init_regions;
	memblock_debug = false;
	memblock_free_all_done = false;
	memblock_virt = NULL;
	can_resize = false;
	has_mirror = false;
	memory_array_phys = reserved_array_phys = 0;
}
#endif
