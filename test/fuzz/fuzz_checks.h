/*
 * What both fuzz harnesses check after each step: memblock's arrays well
 * formed and no memory below PHYS_OFFSET; adjust_lowmem_bounds against the
 * model of test/model/lowmem_model.h (the exact bounds, or the panic the
 * model predicts); and that a panic is one of the few an input may cause.
 *
 * The panics an input may cause, each with the condition the harness
 * checks on its own:
 *  - "adjust_lowmem_bounds: no RAM below <limit>, where lowmem must end":
 *    the model finds no mappable RAM below the vmalloc limit, and <limit>
 *    is the model's;
 *  - "memblock: cannot resize <memory|reserved> array": the array still
 *    has its first INIT_MEMBLOCK_REGIONS entries (nothing may grow it before
 *    bootmem_init, as in Linux) and is at least half full (one call adds at
 *    most one region more than the array holds).
 * Any other panic, or a predicted one that does not come, stops the fuzzer.
 */
#ifndef FUZZ_CHECKS_H
#define FUZZ_CHECKS_H

#include <stdio.h>
#include <string.h>

#include <linux/memblock.h>
#include <asm/lowmem.h>
#include <asm/memory.h>

#include "../model/lowmem_model.h"

static const char *fuzz_step;
/* The panic message the model predicts for the step under way ("" if none). */
static char fuzz_expected_panic[160];

#define CHECK(cond, what) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "invariant broken after %s: %s\n", fuzz_step, what); \
		__builtin_trap();					\
	}								\
} while (0)

/* Sorted, non-overlapping, merged, summed right: what every memblock call must leave. */
static inline void check_type(const struct memblock_type *type)
{
	const char *why = memblock_type_check(type);

	CHECK(!why, why);
}

static inline void check_all(const char *now)
{
	fuzz_step = now;
	check_type(&memblock.memory);
	check_type(&memblock.reserved);
	for (unsigned long i = 0; i < memblock.memory.cnt; i++)
		CHECK(memblock.memory.regions[i].base >= PHYS_OFFSET, "no memory below PHYS_OFFSET");
}

/* A full array: still the static one (the harnesses never allow resizing) and at least half used. */
static inline bool array_may_be_full(const struct memblock_type *type)
{
	return type->max == INIT_MEMBLOCK_REGIONS && 2 * type->cnt + 1 > type->max;
}

/* Called where the harness's setjmp returns: the panic must be one the input may cause. */
static inline void check_panic(void)
{
	if (fuzz_expected_panic[0] && !strcmp(khost_panic_msg, fuzz_expected_panic))
		return;
	if (!strcmp(khost_panic_msg, "memblock: cannot resize memory array\n") &&
	    array_may_be_full(&memblock.memory))
		return;
	if (!strcmp(khost_panic_msg, "memblock: cannot resize reserved array\n") &&
	    array_may_be_full(&memblock.reserved))
		return;
	fprintf(stderr, "panic not explained by the input during %s: %s\n", fuzz_step, khost_panic_msg);
	if (fuzz_expected_panic[0])
		fprintf(stderr, "(the model expected: %s)\n", fuzz_expected_panic);
	__builtin_trap();
}

/*
 * adjust_lowmem_bounds, checked against the model given memblock's banks as
 * they are before the call and the vmalloc size: the NOMAP head, the lowmem
 * limit and the allocation limit exactly, or the panic when there is no
 * lowmem. The caller checks vmalloc_size itself where it knows what was asked.
 */
static inline void adjust_lowmem_bounds_checked(const char *now)
{
	static struct model_bank banks[INIT_MEMBLOCK_REGIONS];
	struct model_lowmem m;
	unsigned int n = 0;

	fuzz_step = now;
	for (unsigned long i = 0; i < memblock.memory.cnt && n < INIT_MEMBLOCK_REGIONS; i++, n++) {
		const struct memblock_region *r = &memblock.memory.regions[i];

		banks[n].start = r->base;
		banks[n].end = (u64)r->base + r->size;
		banks[n].nomap = memblock_is_nomap(r);
	}
	CHECK(n == memblock.memory.cnt, "the harness holds every bank");
	CHECK(vmalloc_size >= MODEL_VMALLOC_MIN, "vmalloc area at least 16 MiB");
	CHECK(vmalloc_size <= model_vmalloc_size(true, ~0ULL, CONFIG_PAGE_OFFSET), "vmalloc area leaves 32 MiB of lowmem");
	model_lowmem_bounds(&m, banks, n, vmalloc_size, CONFIG_PAGE_OFFSET, MODEL_RAM_BASE);
	if (!m.limit)
		snprintf(fuzz_expected_panic, sizeof(fuzz_expected_panic),
			 "adjust_lowmem_bounds: no RAM below %#llx, where lowmem must end",
			 (unsigned long long)m.vmalloc_limit);

	adjust_lowmem_bounds();

	CHECK(m.limit, "no panic, but the model finds no RAM below the vmalloc limit");
	fuzz_expected_panic[0] = '\0';
	check_all(now);
	CHECK(arm_lowmem_limit == m.limit, "lowmem limit as the model's");
	CHECK(memblock.current_limit == m.memblock_limit, "memblock limit as the model's");
	if (m.head_start < m.head_end)
		CHECK(!memblock_is_map_memory((phys_addr_t)m.head_start), "the first bank's unaligned head is NOMAP");
}

#endif
