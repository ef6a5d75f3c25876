/*
 * A model of the lowmem bounds for the checks of mm/lowmem.c: the fuzzers
 * (test/fuzz/) and the memblock suite (test/kernel/ktest_memblock.c).
 * It is written from the rules tools/vmlayout.py states (Linux 6.x
 * early_vmalloc and adjust_lowmem_bounds, on vexpress-a15 with RAM at
 * 2 GiB), not from mm/lowmem.c, so that the two can check each other:
 * the constants are Linux's numbers, not the kernel's macros.
 *
 * vmlayout.py knows one bank of RAM, where lowmem ends at
 * min(vm_limit, end). Given any list of banks, Linux 6.x's
 * adjust_lowmem_bounds adds two rules, restated here:
 *  - mapping starts on a PMD boundary: from the start of the first bank
 *    that may be mapped up to the next PMD boundary, memory (of that bank
 *    and of any bank beginning there) is made NOMAP, since it could not
 *    be section-mapped before there are page tables to allocate;
 *  - early allocations stay below the first edge (start, else end) of a
 *    mappable bank below vm_limit that is not PMD-aligned, rounded down to
 *    a PMD; without one, below the lowmem limit rounded down.
 */
#ifndef LOWMEM_MODEL_H
#define LOWMEM_MODEL_H

#include <linux/types.h>

#define MODEL_SZ_1M		0x100000ULL
#define MODEL_PMD_SIZE		(2 * MODEL_SZ_1M)
#define MODEL_RAM_BASE		0x80000000ULL	/* vexpress-a15, the fuzzers' board: RAM starts at 2 GiB */
#define MODEL_VMALLOC_END	0xff800000ULL
#define MODEL_VMALLOC_OFFSET	(8 * MODEL_SZ_1M)
#define MODEL_VMALLOC_DEFAULT	(240 * MODEL_SZ_1M)
#define MODEL_VMALLOC_MIN	(16 * MODEL_SZ_1M)
#define MODEL_LOWMEM_MIN	(32 * MODEL_SZ_1M)

/* A bank of memory as memblock holds it: [start, end), NOMAP or not. */
struct model_bank {
	u64 start, end;
	bool nomap;
};

struct model_lowmem {
	u64 vmalloc_limit;	/* the physical address where lowmem must stop */
	u64 head_start, head_end;	/* from the first mappable bank's start to a PMD boundary: made NOMAP */
	u64 limit;		/* arm_lowmem_limit; 0: no mappable RAM below vmalloc_limit */
	u64 memblock_limit;	/* memblock's allocation limit after the bounds */
};

static inline u64 model_round_up_pmd(u64 x)
{
	return (x + MODEL_PMD_SIZE - 1) & ~(MODEL_PMD_SIZE - 1);
}

/* vmlayout.py's vmalloc_size: the default, or what vmalloc= asked for within [16 MiB, what leaves 32 MiB of lowmem]. */
static inline u64 model_vmalloc_size(bool asked_given, u64 asked, u64 page_offset)
{
	u64 most = MODEL_VMALLOC_END - (page_offset + MODEL_LOWMEM_MIN + MODEL_VMALLOC_OFFSET);

	if (!asked_given)
		return MODEL_VMALLOC_DEFAULT;
	if (asked < MODEL_VMALLOC_MIN)
		return MODEL_VMALLOC_MIN;
	return asked > most ? most : asked;
}

/*
 * vmlayout.py's lowmem_limit, for any banks: sorted and not overlapping,
 * as memblock keeps them; RAM (PHYS_OFFSET) starting at ram_base.
 */
static inline void model_lowmem_bounds(struct model_lowmem *m, const struct model_bank *banks,
				       unsigned int nbanks, u64 vmalloc_size, u64 page_offset, u64 ram_base)
{
	bool first = true;

	m->vmalloc_limit = MODEL_VMALLOC_END - vmalloc_size - MODEL_VMALLOC_OFFSET - page_offset + ram_base;
	m->head_start = m->head_end = 0;
	m->limit = 0;
	m->memblock_limit = 0;
	for (unsigned int i = 0; i < nbanks; i++) {
		u64 start = banks[i].start, end = banks[i].end;

		if (banks[i].nomap || start >= end)
			continue;
		if (first) {
			first = false;
			m->head_start = start;
			m->head_end = model_round_up_pmd(start);
		}
		/* The head is an address range: it reaches into the banks that start within it too. */
		if (start < m->head_end)
			start = m->head_end;
		if (start >= end)
			continue;
		if (start >= m->vmalloc_limit)
			continue;
		m->limit = end < m->vmalloc_limit ? end : m->vmalloc_limit;
		if (!m->memblock_limit && start % MODEL_PMD_SIZE)
			m->memblock_limit = start;
		else if (!m->memblock_limit && end % MODEL_PMD_SIZE)
			m->memblock_limit = m->limit;
	}
	if (!m->memblock_limit)
		m->memblock_limit = m->limit;
	m->memblock_limit &= ~(MODEL_PMD_SIZE - 1);
}

/* vmlayout.py's high_memory: the virtual address just past lowmem (32 bits); ram_base maps to page_offset. */
static inline u32 model_high_memory(u64 limit, u64 page_offset, u64 ram_base)
{
	return (u32)(limit - ram_base + page_offset);
}

#endif
