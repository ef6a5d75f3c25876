/*
 * The invariants both fuzz harnesses check after each step: memblock's
 * arrays well formed, no memory below PHYS_OFFSET, lowmem within the
 * VMSPLIT's limit and the allocation limit within lowmem.
 */
#ifndef FUZZ_CHECKS_H
#define FUZZ_CHECKS_H

#include <stdio.h>

#include <linux/memblock.h>
#include <asm/lowmem.h>
#include <asm/memory.h>

static const char *fuzz_step;

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

/* After the lowmem bounds: lowmem is memory below the VMSPLIT's limit, allocations stay under it. */
static inline void check_lowmem(const char *now)
{
	u64 vmalloc_limit = (u64)VMALLOC_END - vmalloc_size - VMALLOC_OFFSET - PAGE_OFFSET + PHYS_OFFSET;

	check_all(now);
	CHECK(vmalloc_size >= SZ_16M, "vmalloc area at least 16 MiB");
	CHECK(arm_lowmem_limit <= vmalloc_limit, "lowmem below the vmalloc area");
	CHECK(memblock.current_limit <= arm_lowmem_limit, "memblock limit within lowmem");
	CHECK(!(memblock.current_limit & (SZ_2M - 1)), "memblock limit PMD-aligned");
}

#endif
