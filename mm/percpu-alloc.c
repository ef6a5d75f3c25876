/*
 * alloc_percpu and free_percpu: the first chunk's reserved and dynamic
 * areas as allocation bitmaps, one bit per PCPU_MIN_ALLOC_SIZE bytes of a
 * unit, shared by all units (an allocation takes the same bytes in every
 * CPU's unit). Follows Linux's pcpu_alloc and free_percpu (mm/percpu.c,
 * v6.1) without their block hints (a first-fit scan of the bitmap) and
 * without further chunks: where Linux would create a chunk in the vmalloc
 * area when the first is full, this kernel fails the allocation.
 */
#define pr_fmt(fmt) "percpu: " fmt

#include <linux/bitmap.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/string.h>
#include <asm/page.h>
#include "percpu-internal.h"

/* Linux's warn_limit in pcpu_alloc: how many failures are still reported. */
static int pcpu_warn_limit = 10;

/*
 * Follows Linux's pcpu_alloc_area (mm/percpu.c, v6.1): the first free run
 * of @alloc_bits bits at @align bytes in @chunk, marked allocated with its
 * start and end in bound_map: its offset from chunk->base_addr in *@off,
 * or false when there is no such run.
 */
static bool pcpu_alloc_area(struct pcpu_chunk *chunk, unsigned long alloc_bits, size_t align, size_t *off)
{
	unsigned long bit_off;

	if (chunk->free_bytes < alloc_bits << PCPU_MIN_ALLOC_SHIFT)
		return false;
	bit_off = bitmap_find_next_zero_area_off(chunk->alloc_map, chunk->nr_bits, 0, alloc_bits,
						 (align >> PCPU_MIN_ALLOC_SHIFT) - 1, 0);
	if (bit_off >= chunk->nr_bits)
		return false;
	bitmap_set(chunk->alloc_map, bit_off, alloc_bits);
	bitmap_set(chunk->bound_map, bit_off, 1);
	bitmap_clear(chunk->bound_map, bit_off + 1, alloc_bits - 1);
	bitmap_set(chunk->bound_map, bit_off + alloc_bits, 1);
	chunk->free_bytes -= alloc_bits << PCPU_MIN_ALLOC_SHIFT;
	*off = bit_off << PCPU_MIN_ALLOC_SHIFT;
	return true;
}

/*
 * Follows Linux's pcpu_free_area (mm/percpu.c, v6.1): the allocation
 * starting at @off ends at the next bound; its bits are cleared. An offset
 * that starts no allocation is refused with a warning.
 */
static void pcpu_free_area(struct pcpu_chunk *chunk, size_t off)
{
	unsigned long bit_off = off >> PCPU_MIN_ALLOC_SHIFT, end;

	if (WARN_ON(off % PCPU_MIN_ALLOC_SIZE || !test_bit(bit_off, chunk->bound_map) ||
		    !test_bit(bit_off, chunk->alloc_map)))
		return;
	end = find_next_bit(chunk->bound_map, chunk->nr_bits + 1, bit_off + 1);
	bitmap_clear(chunk->bound_map, bit_off, 1);
	bitmap_clear(chunk->alloc_map, bit_off, end - bit_off);
	chunk->free_bytes += (end - bit_off) << PCPU_MIN_ALLOC_SHIFT;
}

/* Linux's __addr_to_pcpu_ptr: CPU 0's unit address to the template's space. */
static void __percpu *pcpu_addr_to_ptr(unsigned long addr)
{
	return (void __percpu *)(addr - (unsigned long)pcpu_base_addr + (unsigned long)__per_cpu_start);
}

/* Linux's __pcpu_ptr_to_addr: the other way. */
static unsigned long pcpu_ptr_to_addr(const void __percpu *ptr)
{
	return (unsigned long)ptr + (unsigned long)pcpu_base_addr - (unsigned long)__per_cpu_start;
}

/*
 * Follows Linux's pcpu_alloc (mm/percpu.c, v6.1): @size rounded up to
 * 4-byte pieces at @align (at least 4, at most a page, a power of 2),
 * from the reserved area if @reserved, else the dynamic area; zeroed in
 * every possible CPU's unit. Failure returns NULL, reported as Linux
 * reports it (its first ten times) unless @gfp has __GFP_NOWARN.
 */
static void __percpu *pcpu_alloc(size_t size, size_t align, bool reserved, gfp_t gfp)
{
	bool do_warn = !(gfp & __GFP_NOWARN);
	struct pcpu_chunk *chunk;
	const char *err;
	void __percpu *ptr;
	unsigned int cpu;
	size_t off;

	if (align < PCPU_MIN_ALLOC_SIZE)
		align = PCPU_MIN_ALLOC_SIZE;
	size = ALIGN(size, PCPU_MIN_ALLOC_SIZE);
	if (unlikely(!size || size > PCPU_MIN_UNIT_SIZE || align > PAGE_SIZE || (align & (align - 1)))) {
		if (do_warn) {
			WARN_ON(1);
			printk(KERN_WARNING "illegal size (%zu) or align (%zu) for percpu allocation\n",
			       size, align);
		}
		return NULL;
	}
	/* Linux cannot get here before setup_per_cpu_areas; say so rather than fault. */
	if (WARN_ON(!pcpu_first_chunk))
		return NULL;

	if (reserved && pcpu_reserved_chunk) {
		chunk = pcpu_reserved_chunk;
		err = "alloc from reserved chunk failed";
	} else {
		chunk = pcpu_first_chunk;
		err = "failed to allocate new chunk";
	}
	if (!pcpu_alloc_area(chunk, size >> PCPU_MIN_ALLOC_SHIFT, align, &off))
		goto fail;

	ptr = pcpu_addr_to_ptr(chunk->base_addr + off);
	for_each_possible_cpu(cpu)
		memset(per_cpu_ptr(ptr, cpu), 0, size);
	return ptr;

fail:
	/* GFP_KERNEL requests only here: atomic=0, as Linux prints for them. */
	if (do_warn && pcpu_warn_limit) {
		pr_warn("allocation failed, size=%zu align=%zu atomic=%d, %s\n", size, align, 0, err);
		dump_stack();
		if (!--pcpu_warn_limit)
			pr_info("limit reached, disable warning\n");
	}
	return NULL;
}

/* Follows Linux's __alloc_percpu_gfp (mm/percpu.c, v6.1). */
void __percpu *__alloc_percpu_gfp(size_t size, size_t align, gfp_t gfp)
{
	return pcpu_alloc(size, align, false, gfp);
}

/* Follows Linux's __alloc_percpu (mm/percpu.c, v6.1). */
void __percpu *__alloc_percpu(size_t size, size_t align)
{
	return pcpu_alloc(size, align, false, GFP_KERNEL);
}

/* Follows Linux's __alloc_reserved_percpu (mm/percpu.c, v6.1). */
void __percpu *__alloc_reserved_percpu(size_t size, size_t align)
{
	return pcpu_alloc(size, align, true, GFP_KERNEL);
}

/* Whether @addr (in CPU 0's unit) lies in @chunk's area; its offset from the chunk's base in *@off. */
static bool pcpu_addr_in_chunk(const struct pcpu_chunk *chunk, unsigned long addr, size_t *off)
{
	unsigned long region = (unsigned long)chunk->nr_bits << PCPU_MIN_ALLOC_SHIFT;

	if (addr < chunk->base_addr + chunk->start_offset || addr >= chunk->base_addr + region - chunk->end_offset)
		return false;
	*off = addr - chunk->base_addr;
	return true;
}

/*
 * Follows Linux's free_percpu (mm/percpu.c, v6.1): NULL is ignored; the
 * area goes back to the chunk it came from. A pointer no allocation
 * returned is refused with a warning.
 */
void free_percpu(void __percpu *ptr)
{
	unsigned long addr;
	size_t off;

	if (!ptr)
		return;
	if (WARN_ON(!pcpu_first_chunk))
		return;
	addr = pcpu_ptr_to_addr(ptr);
	if (pcpu_reserved_chunk && pcpu_addr_in_chunk(pcpu_reserved_chunk, addr, &off))
		pcpu_free_area(pcpu_reserved_chunk, off);
	else if (!WARN_ON(!pcpu_addr_in_chunk(pcpu_first_chunk, addr, &off)))
		pcpu_free_area(pcpu_first_chunk, off);
}
