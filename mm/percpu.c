/*
 * The per-CPU areas: setup_per_cpu_areas copies the template
 * (.data..percpu) into one unit per possible CPU, all units in one
 * memblock allocation, and sets __per_cpu_offset[]. Follows Linux's
 * generic setup_per_cpu_areas and its embedding first-chunk allocator
 * (mm/percpu.c, v6.1); the sizes are mm/percpu-info.c, allocation from
 * the units' reserved and dynamic areas mm/percpu-alloc.c.
 *
 * Each unit is laid out as Linux lays it out:
 *   | static (a copy of the template) | reserved (8 KiB) | dynamic |
 * and the units follow each other, unit_size apart.
 */
#define pr_fmt(fmt) "percpu: " fmt

#include <linux/bitmap.h>
#include <linux/cache.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/string.h>
#include <asm/dma.h>
#include "percpu-internal.h"

/* Zero until setup_per_cpu_areas: every CPU then uses the template itself. */
unsigned long __per_cpu_offset[NR_CPUS];

struct pcpu_chunk *pcpu_first_chunk;
struct pcpu_chunk *pcpu_reserved_chunk;
/* Linux's pcpu_base_addr: CPU 0's unit, where the first chunk starts. */
void *pcpu_base_addr;
size_t pcpu_unit_size;
/* Linux's pcpu_unit_offsets: each possible CPU's unit, from pcpu_base_addr. */
static unsigned long *pcpu_unit_offsets;
/* Linux's pcpu_nr_units and pcpu_nr_populated: units, and pages of each unit with memory behind them. */
static unsigned int pcpu_nr_units;
static unsigned long pcpu_nr_populated;

static void *pcpu_memblock_alloc(size_t size)
{
	void *p = memblock_alloc(size, SMP_CACHE_BYTES);

	if (!p)
		panic("%s: Failed to allocate %zu bytes\n", __func__, size);
	return p;
}

/*
 * Follows Linux's pcpu_alloc_first_chunk (mm/percpu.c, v6.1): an area of
 * @map_size bytes at @tmp_addr in CPU 0's unit, tracked from the page it
 * starts in; the bytes of that page before it, and of the last page after
 * it, are marked allocated so that nothing is ever served from them.
 */
static __noinline struct pcpu_chunk *pcpu_alloc_first_chunk(unsigned long tmp_addr, size_t map_size)
{
	struct pcpu_chunk *chunk;
	unsigned long aligned_addr = tmp_addr & PAGE_MASK;
	size_t start_offset = tmp_addr - aligned_addr;
	size_t region_size = PAGE_ALIGN(start_offset + map_size);
	unsigned long start_bits, end_bit;

	chunk = pcpu_memblock_alloc(sizeof(*chunk));
	chunk->base_addr = aligned_addr;
	chunk->start_offset = start_offset;
	chunk->end_offset = region_size - start_offset - map_size;
	chunk->nr_bits = region_size >> PCPU_MIN_ALLOC_SHIFT;
	chunk->alloc_map = pcpu_memblock_alloc(BITS_TO_LONGS(chunk->nr_bits) * sizeof(long));
	chunk->bound_map = pcpu_memblock_alloc(BITS_TO_LONGS(chunk->nr_bits + 1) * sizeof(long));

	/* A template whose size is not a multiple of 4 hides the partial piece too. */
	start_bits = (start_offset + PCPU_MIN_ALLOC_SIZE - 1) >> PCPU_MIN_ALLOC_SHIFT;
	end_bit = (start_offset + map_size) >> PCPU_MIN_ALLOC_SHIFT;
	if (start_bits) {
		bitmap_set(chunk->alloc_map, 0, start_bits);
		bitmap_set(chunk->bound_map, 0, 1);
		bitmap_set(chunk->bound_map, start_bits, 1);
	}
	if (end_bit < chunk->nr_bits) {
		bitmap_set(chunk->alloc_map, end_bit, chunk->nr_bits - end_bit);
		bitmap_set(chunk->bound_map, end_bit, 1);
		bitmap_set(chunk->bound_map, chunk->nr_bits, 1);
	}
	chunk->free_bytes = (end_bit - start_bits) << PCPU_MIN_ALLOC_SHIFT;
	return chunk;
}

/*
 * Follows Linux's pcpu_setup_first_chunk (mm/percpu.c, v6.1): the units'
 * offsets, then the reserved area and the dynamic area as chunks of their
 * own (the static part needs none: it is never allocated or freed).
 */
static __noinline void pcpu_setup_first_chunk(const struct pcpu_alloc_info *ai, void *base_addr)
{
	unsigned long tmp_addr;
	unsigned int cpu;

	pcpu_unit_offsets = pcpu_memblock_alloc(nr_cpu_ids * sizeof(pcpu_unit_offsets[0]));
	for_each_possible_cpu(cpu)
		pcpu_unit_offsets[cpu] = cpu * ai->unit_size;
	pcpu_unit_size = ai->unit_size;
	pcpu_base_addr = base_addr;
	pcpu_nr_units = ai->nr_units;
	/* Every region of the first chunk (static, reserved, dynamic) has its pages. */
	pcpu_nr_populated = PFN_DOWN(pcpu_size_sum(ai));

	tmp_addr = (unsigned long)base_addr + ai->static_size;
	if (ai->reserved_size)
		pcpu_reserved_chunk = pcpu_alloc_first_chunk(tmp_addr, ai->reserved_size);
	tmp_addr += ai->reserved_size;
	pcpu_first_chunk = pcpu_alloc_first_chunk(tmp_addr, ai->dyn_size);
}

/* Follows Linux's pcpu_nr_pages (v6.1): the pages backing the chunks, every unit's; meminfo's Percpu. */
unsigned long pcpu_nr_pages(void)
{
	return pcpu_nr_populated * pcpu_nr_units;
}

/* Follows Linux's pcpu_fc_alloc (mm/percpu.c, v6.1, no NUMA): above the DMA zone if it can. */
static void *pcpu_fc_alloc(size_t size, size_t align)
{
	return memblock_alloc_from(size, align, __pa(MAX_DMA_ADDRESS));
}

/* Follows Linux's pcpu_fc_free (mm/percpu.c, v6.1). */
static void pcpu_fc_free(void *ptr, size_t size)
{
	memblock_phys_free(__pa(ptr), size);
}

/*
 * Follows Linux's pcpu_embed_first_chunk (mm/percpu.c, v6.1): the units
 * in one allocation from memblock, inside the linear map, so that a
 * per-CPU address is an ordinary kernel address; the template copied
 * into each possible CPU's unit; units beyond the possible CPUs and each
 * unit's tail past its used pages given back.
 */
static __noinline int pcpu_embed_first_chunk(size_t reserved_size, size_t dyn_size, size_t atom_size)
{
	struct pcpu_alloc_info ai;
	size_t size_sum;
	char *base, *unit;
	unsigned int i;
	int rc;

	rc = pcpu_build_alloc_info((size_t)(__per_cpu_end - __per_cpu_start), reserved_size, dyn_size,
				   atom_size, nr_cpu_ids, &ai);
	if (rc)
		return rc;
	size_sum = pcpu_size_sum(&ai);

	base = pcpu_fc_alloc(ai.nr_units * ai.unit_size, ai.atom_size);
	if (!base)
		return -ENOMEM;

	for (i = 0, unit = base; i < ai.nr_units; i++, unit += ai.unit_size) {
		if (i >= nr_cpu_ids) {
			/* A unit no CPU uses, only there to fill the allocation. */
			pcpu_fc_free(unit, ai.unit_size);
			continue;
		}
		memcpy(unit, __per_cpu_start, ai.static_size);
		pcpu_fc_free(unit + size_sum, ai.unit_size - size_sum);
	}

	pr_info("Embedded %zu pages/cpu s%zu r%zu d%zu u%zu\n",
		(size_t)PFN_DOWN(size_sum), ai.static_size, ai.reserved_size, ai.dyn_size, ai.unit_size);

	pcpu_setup_first_chunk(&ai, base);
	return 0;
}

/*
 * Follows Linux's generic setup_per_cpu_areas (mm/percpu.c, v6.1, which
 * ARM uses): embed the first chunk with room for modules' per-CPU data and
 * PERCPU_DYNAMIC_RESERVE for alloc_percpu, in page-sized atoms, then point
 * each CPU's offset at its unit. The template is not read again: it is
 * init memory, which free_initmem frees.
 */
void setup_per_cpu_areas(void)
{
	unsigned long delta;
	unsigned int cpu;

	if (pcpu_embed_first_chunk(PERCPU_MODULE_RESERVE, PERCPU_DYNAMIC_RESERVE, PAGE_SIZE) < 0)
		panic("Failed to initialize percpu areas.");

	delta = (unsigned long)pcpu_base_addr - (unsigned long)__per_cpu_start;
	for_each_possible_cpu(cpu)
		__per_cpu_offset[cpu] = delta + pcpu_unit_offsets[cpu];
}
