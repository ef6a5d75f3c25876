/*
 * The per-CPU allocator's own types (Linux's mm/percpu-internal.h and
 * struct pcpu_alloc_info, v6.1), shared by mm/percpu-info.c (the sizes),
 * mm/percpu.c (the first chunk) and mm/percpu-alloc.c (allocation).
 */
#ifndef _MM_PERCPU_INTERNAL_H
#define _MM_PERCPU_INTERNAL_H

#include <linux/types.h>

/*
 * Linux's struct pcpu_alloc_info with its one group (no NUMA: every
 * possible CPU is at the same distance): the sizes of a unit's parts,
 * and how units are packed into allocations of alloc_size bytes.
 */
struct pcpu_alloc_info {
	size_t static_size;	/* the template, .data..percpu */
	size_t reserved_size;	/* PERCPU_MODULE_RESERVE */
	size_t dyn_size;	/* what alloc_percpu serves */
	size_t unit_size;	/* one CPU's unit */
	size_t atom_size;	/* allocations are multiples of this */
	size_t alloc_size;	/* one allocation, holding units_per_alloc units */
	unsigned int units_per_alloc;
	unsigned int nr_units;	/* possible CPUs rounded up to whole allocations */
};

/*
 * Follows Linux's pcpu_build_alloc_info (mm/percpu.c, v6.1) for one group
 * of @nr_cpus CPUs: 0, or -EINVAL when the sizes cannot be met.
 */
int pcpu_build_alloc_info(size_t static_size, size_t reserved_size, size_t dyn_size,
			  size_t atom_size, unsigned int nr_cpus, struct pcpu_alloc_info *ai);

/* The bytes of each unit that hold something: static, reserved and dynamic. */
static inline size_t pcpu_size_sum(const struct pcpu_alloc_info *ai)
{
	return ai->static_size + ai->reserved_size + ai->dyn_size;
}

/*
 * Linux's struct pcpu_chunk, for the two parts of the first chunk (the
 * reserved and the dynamic area). base_addr is CPU 0's unit's page that
 * the area starts in; the bitmaps have one bit per PCPU_MIN_ALLOC_SIZE
 * bytes from there: alloc_map set where allocated (and over the bytes
 * before start_offset and after end_offset, which are not this area's),
 * bound_map set where an allocation starts and where one ends.
 */
struct pcpu_chunk {
	unsigned long base_addr;
	size_t start_offset;	/* first byte of the area, from base_addr */
	size_t end_offset;	/* bytes after the area up to the page end */
	unsigned long nr_bits;	/* region size / PCPU_MIN_ALLOC_SIZE */
	size_t free_bytes;
	unsigned long *alloc_map;
	unsigned long *bound_map;	/* nr_bits + 1 bits */
};

/* The first chunk's areas and its units' base (mm/percpu.c), NULL before setup_per_cpu_areas. */
extern struct pcpu_chunk *pcpu_first_chunk;
extern struct pcpu_chunk *pcpu_reserved_chunk;
extern void *pcpu_base_addr;
/* How far apart the units are (unit i at pcpu_base_addr + i * pcpu_unit_size). */
extern size_t pcpu_unit_size;

#endif
