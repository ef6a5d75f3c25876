/*
 * The first chunk's sizes: how much of each unit is static, reserved and
 * dynamic, and how big a unit is. Pure arithmetic, so the host test
 * (test/host/test_percpu_info.c) checks it on its own.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <asm/page.h>
#include "percpu-internal.h"

/*
 * Follows Linux's pcpu_build_alloc_info (mm/percpu.c, v6.1) with one group:
 * the unit's parts add up to whole pages (the dynamic part takes the
 * rounding, and is never below PERCPU_DYNAMIC_EARLY_SIZE), a unit is at
 * least PCPU_MIN_UNIT_SIZE, and units are packed into atom-sized
 * allocations, as many per allocation as divide it into whole pages
 * without leaving more than a third of the CPUs' count of units unused.
 */
int pcpu_build_alloc_info(size_t static_size, size_t reserved_size, size_t dyn_size,
			  size_t atom_size, unsigned int nr_cpus, struct pcpu_alloc_info *ai)
{
	size_t size_sum, min_unit_size, alloc_size;
	unsigned int upa, max_upa, best_upa = 0, last_allocs = ~0u;

	if (!nr_cpus || !atom_size || atom_size % PAGE_SIZE)
		return -EINVAL;
	size_sum = PAGE_ALIGN(static_size + reserved_size + max(dyn_size, (size_t)PERCPU_DYNAMIC_EARLY_SIZE));
	if (size_sum < static_size)
		return -EINVAL;
	dyn_size = size_sum - static_size - reserved_size;

	min_unit_size = max(size_sum, (size_t)PCPU_MIN_UNIT_SIZE);
	alloc_size = (min_unit_size + atom_size - 1) / atom_size * atom_size;
	upa = alloc_size / min_unit_size;
	while (alloc_size % upa || (alloc_size / upa) % PAGE_SIZE)
		upa--;
	max_upa = upa;

	for (upa = max_upa; upa; upa--) {
		unsigned int allocs, wasted;

		if (alloc_size % upa || (alloc_size / upa) % PAGE_SIZE)
			continue;
		allocs = (nr_cpus + upa - 1) / upa;
		wasted = allocs * upa - nr_cpus;
		/* Linux's "wastage over 1/3" test; upa 1 wastes nothing, so always passes. */
		if (wasted > nr_cpus / 3)
			continue;
		if (allocs > last_allocs)
			break;
		last_allocs = allocs;
		best_upa = upa;
	}
	if (!best_upa)
		return -EINVAL;

	ai->static_size = static_size;
	ai->reserved_size = reserved_size;
	ai->dyn_size = dyn_size;
	ai->atom_size = atom_size;
	ai->alloc_size = alloc_size;
	ai->units_per_alloc = best_upa;
	ai->unit_size = alloc_size / best_upa;
	ai->nr_units = (nr_cpus + best_upa - 1) / best_upa * best_upa;
	return 0;
}
