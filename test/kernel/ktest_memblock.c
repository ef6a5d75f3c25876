/*
 * memblock: what setup_arch left in memblock on this very boot. The
 * regions obey memblock's invariants; what the kernel runs on (its image,
 * swapper_pg_dir, the DTB, the initrd) is memory and reserved; memory
 * matches the device tree and mem=; the CMA areas are reserved RAM inside
 * one zone; the lowmem bounds are the model's (test/model/lowmem_model.h);
 * and memblock retires when the buddy allocator takes over.
 */
#include <linux/cma.h>
#include <linux/cmdline.h>
#include <linux/errno.h>
#include <linux/initrd.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/of_fdt.h>
#include <linux/string.h>
#include <libfdt.h>
#include <asm/lowmem.h>
#include <asm/memory.h>
#include <asm/pgtable.h>
#include <asm/setup.h>
#include <ktest.h>
#include <asm/ram_probe.h>
#include <asm/sections.h>

#include "../model/lowmem_model.h"


static void check_type(struct ktest *t, const struct memblock_type *type)
{
	const char *why = memblock_type_check(type);

	if (why)
		KTEST_FAIL(t, "%s: %s", type->name, why);
}

static void regions_sorted_merged_summed(struct ktest *t)
{
	KTEST_ASSERT_TRUE(t, memblock.memory.cnt >= 1);
	check_type(t, &memblock.memory);
	check_type(t, &memblock.reserved);
}

static void expect_reserved_memory(struct ktest *t, phys_addr_t base, phys_addr_t size)
{
	KTEST_EXPECT_TRUE(t, memblock_is_region_memory(base, size));
	KTEST_EXPECT_TRUE(t, memblock_is_region_reserved(base, size));
	/* Reserved throughout, not just overlapping: no free range may touch it. */
	phys_addr_t s, e;
	u64 i;

	for_each_free_mem_range(i, MEMBLOCK_NONE, &s, &e)
		KTEST_EXPECT_TRUE(t, e <= base || s >= base + size);
}

static void kernel_image_reserved(struct ktest *t)
{
	expect_reserved_memory(t, __pa(_stext), (phys_addr_t)(_end - _stext));
}

static void swapper_pg_dir_reserved(struct ktest *t)
{
	expect_reserved_memory(t, __pa(swapper_pg_dir), PG_DIR_SIZE);
}

static void dtb_reserved(struct ktest *t)
{
	KTEST_ASSERT_TRUE(t, initial_boot_params != NULL);
	KTEST_EXPECT_TRUE(t, memblock_is_region_reserved(__atags_pointer,
							 fdt_totalsize(initial_boot_params)));
}

static void initrd_reserved_if_any(struct ktest *t)
{
	if (!initrd_start) {
		KTEST_EXPECT_EQ(t, initrd_end, 0);
		return;
	}
	expect_reserved_memory(t, phys_initrd_start, phys_initrd_size);
	KTEST_EXPECT_EQ(t, initrd_start, (unsigned long)__va(phys_initrd_start));
}

/* [base, base + size) is covered by memory regions, whatever their flags (memblock_is_region_memory wants one region). */
static bool covered_by_memory(phys_addr_t base, phys_addr_t size)
{
	const struct memblock_region *r;
	phys_addr_t cursor = base, end = base + size;

	for_each_mem_region(r) {
		if (r->base <= cursor && cursor < r->base + r->size)
			cursor = r->base + r->size;
	}
	return cursor >= end;
}

#ifdef CONFIG_HIGHMEM
static const bool highmem_build = true;
#else
static const bool highmem_build = false;
#endif

/* A range of physical addresses, [start, end). */
struct range {
	u64 start, end;
};

#define MAX_RANGES	32

/* Sort by start and merge what overlaps or touches. Returns the new count. */
static unsigned int merge_ranges(struct range *r, unsigned int n)
{
	unsigned int out = 0;

	for (unsigned int i = 1; i < n; i++)
		for (unsigned int j = i; j > 0 && r[j].start < r[j - 1].start; j--) {
			struct range tmp = r[j];

			r[j] = r[j - 1];
			r[j - 1] = tmp;
		}
	for (unsigned int i = 0; i < n; i++) {
		if (out && r[i].start <= r[out - 1].end) {
			if (r[i].end > r[out - 1].end)
				r[out - 1].end = r[i].end;
		} else {
			r[out++] = r[i];
		}
	}
	return out;
}

/*
 * The RAM banks of the device tree's memory nodes, clipped as Linux clips
 * them: nothing below PHYS_OFFSET, nothing past the highest phys_addr_t
 * (classic: 4 GiB - 1), and without the tail memblock_probe_ram found
 * missing (-m smaller than the tree says).
 */
static unsigned int dt_ram(struct range *ram)
{
	const void *fdt = initial_boot_params;
	unsigned int n = 0;
	int node;

	fdt_for_each_subnode(node, fdt, 0) {
		const char *type = fdt_getprop(fdt, node, "device_type", NULL);
		const fdt32_t *reg;
		int len;

		if (!type || strcmp(type, "memory"))
			continue;
		reg = fdt_getprop(fdt, node, "reg", &len);
		for (const fdt32_t *end = reg + len / 4; reg && end - reg >= (int)(dt_root_addr_cells + dt_root_size_cells);) {
			u64 base = dt_mem_next_cell(dt_root_addr_cells, &reg);
			u64 top = base + dt_mem_next_cell(dt_root_size_cells, &reg);

			if (base < PHYS_OFFSET)
				base = PHYS_OFFSET;
			if (top > (u64)PHYS_ADDR_MAX)
				top = PHYS_ADDR_MAX;
			for (unsigned int i = 0; i < ram_probe_nr_silent; i++)
				if (ram_probe_silent[i].start >= base && ram_probe_silent[i].start < top)
					top = ram_probe_silent[i].start;
			if (base < top && n < MAX_RANGES)
				ram[n++] = (struct range){ base, top };
		}
	}
	return n;
}

/* The next "name=" option of the command line at or after *pos, its value in *val; false at the end. */
static bool next_option(const char **pos, const char *name, const char **val)
{
	size_t len = strlen(name);

	for (const char *s = *pos; (s = strstr(s, name)) != NULL; s += len) {
		if (s != boot_command_line && s[-1] != ' ')
			continue;
		*val = s + len;
		*pos = s + len;
		return true;
	}
	return false;
}

/*
 * The mem=SIZE[@START] banks of the command line, parsed here as Linux's
 * early_mem reads them (START defaults to PHYS_OFFSET; a value that is not
 * a size, or 0, is refused) and aligned as arm_add_memory aligns them
 * (start up to a page, the size down to whole pages). *named is set when
 * a well-formed bank reaches the device tree's RAM: then the banks replace
 * the tree's memory, clipped to it.
 */
static unsigned int mem_option_banks(struct range *banks, const struct range *ram, unsigned int nram,
				     bool *named)
{
	const char *pos = boot_command_line, *val;
	unsigned int n = 0;

	*named = false;
	while (next_option(&pos, "mem=", &val)) {
		unsigned long long size, start = PHYS_OFFSET;
		u64 aligned, end;
		char *endp;

		if (memparse_checked(val, &endp, &size) || !size)
			continue;
		if (*endp == '@' && memparse_checked(endp + 1, &endp, &start))
			continue;
		if (*endp && *endp != ' ')
			continue;
		if (start + size < start)
			size = ~0ULL - start;
		for (unsigned int i = 0; i < nram; i++)
			*named |= start < ram[i].end && ram[i].start < start + size;
		aligned = (start + PAGE_SIZE - 1) & ~(u64)(PAGE_SIZE - 1);
		if (aligned < start || aligned >= start + size)
			continue;
		end = aligned + ((start + size - aligned) & ~(u64)(PAGE_SIZE - 1));
		if (aligned < end && n < MAX_RANGES)
			banks[n++] = (struct range){ aligned, end };
	}
	return merge_ranges(banks, n);
}

/*
 * Whether the top of RAM may be missing because lowmem could not hold its
 * mem_map (mm/memmap_limit.c): only highmem goes, and only when a mem_map
 * for all of it would have taken more than lowmem less the kernel image,
 * 1/16 of lowmem and 4 MiB (what asm/memmap_limit.h keeps at the least).
 */
static bool memmap_trim_allowed(struct ktest *t, u64 ram_start, u64 ram_end, u64 described_end)
{
	u64 lowmem = 0, full;

	KTEST_EXPECT_GE(t, described_end, (u64)arm_lowmem_limit);
	for (unsigned int i = 0; i < memblock.memory.cnt; i++) {
		u64 lo = memblock.memory.regions[i].base, hi = lo + memblock.memory.regions[i].size;

		if (lo < arm_lowmem_limit)
			lowmem += min(hi, (u64)arm_lowmem_limit) - lo;
	}
	full = (ram_end - ram_start) / PAGE_SIZE * sizeof(struct page);
	return full + (u64)(_end - _stext) + lowmem / 16 + SZ_4M > lowmem;
}

/*
 * memblock's memory is the device tree's RAM, or with mem= the banks the
 * command line names, clipped to that RAM; without HIGHMEM, what lies
 * beyond lowmem is gone; with it, what lies beyond the RAM lowmem can hold
 * a mem_map for. Every expected byte is memory, and memory holds nothing
 * else (the totals agree).
 */
static void memory_matches_device_tree(struct ktest *t)
{
	static struct range ram[MAX_RANGES], banks[MAX_RANGES], expect[2 * MAX_RANGES];
	unsigned int nram = dt_ram(ram), nbanks, n = 0;
	phys_addr_t total = 0;
	bool named;

	KTEST_ASSERT_TRUE(t, nram > 0);
	nbanks = mem_option_banks(banks, ram, nram, &named);
	for (unsigned int i = 0; i < nram; i++) {
		if (!named) {
			expect[n++] = ram[i];
			continue;
		}
		for (unsigned int j = 0; j < nbanks; j++) {
			u64 lo = max(ram[i].start, banks[j].start), hi = min(ram[i].end, banks[j].end);

			if (lo < hi && n < ARRAY_SIZE(expect))
				expect[n++] = (struct range){ lo, hi };
		}
	}
	n = merge_ranges(expect, n);
	if (highmem_build && n && expect[n - 1].end > memblock_end_of_DRAM()) {
		u64 described_end = memblock_end_of_DRAM();

		if (!memmap_trim_allowed(t, expect[0].start, expect[n - 1].end, described_end))
			KTEST_FAIL(t, "RAM beyond %#llx is missing, but lowmem could hold a mem_map for all of it",
				   described_end);
		for (unsigned int i = 0; i < n; i++)
			expect[i].end = max(expect[i].start, min(expect[i].end, described_end));
	}
	for (unsigned int i = 0; i < n; i++) {
		u64 lo = expect[i].start, hi = expect[i].end;

		if (!highmem_build && hi > arm_lowmem_limit)
			hi = max(lo, (u64)arm_lowmem_limit);	/* adjust_lowmem_bounds dropped the RAM beyond lowmem */
		KTEST_EXPECT_TRUE(t, covered_by_memory((phys_addr_t)lo, (phys_addr_t)(hi - lo)));
		total += (phys_addr_t)(hi - lo);
	}
	KTEST_EXPECT_EQ(t, memblock_phys_mem_size(), total);
#ifndef CONFIG_HIGHMEM
	KTEST_EXPECT_EQ(t, memblock_end_of_DRAM(), arm_lowmem_limit);
#endif
}

static void cma_areas_in_one_zone(struct ktest *t)
{
	for (unsigned int i = 0; i < cma_area_count; i++) {
		phys_addr_t base = cma_areas[i].base, size = cma_areas[i].size;

		/* Not used: it lay in RAM mem_map does not describe (mm/memmap_limit.c), which is memory no more. */
		if (!cma_areas[i].count) {
			KTEST_EXPECT_FALSE(t, memblock_is_region_memory(base, size));
			continue;
		}

		expect_reserved_memory(t, base, size);
		KTEST_EXPECT_TRUE(t, IS_ALIGNED(base | size, CMA_MIN_ALIGNMENT_BYTES));
		/* All lowmem or all highmem: the page allocator needs one zone per area. */
		KTEST_EXPECT_TRUE(t, base + size <= arm_lowmem_limit || base >= arm_lowmem_limit);
	}
}

/* vmalloc= as the command line asks, read here: each well-formed value replaces the one before. */
static bool vmalloc_option(u64 *asked)
{
	const char *pos = boot_command_line, *val;
	bool given = false;

	while (next_option(&pos, "vmalloc=", &val)) {
		unsigned long long v;
		char *end;

		if (memparse_checked(val, &end, &v) == -EINVAL || (*end && *end != ' '))
			continue;	/* "Malformed early option": the size stays */
		*asked = v;
		given = true;
	}
	return given;
}

/*
 * The vmalloc area and the lowmem bounds as the model of
 * test/model/lowmem_model.h (from tools/vmlayout.py's rules) computes them
 * for the banks memblock holds: the limit exactly (below and above),
 * high_memory, and after paging_init allocations from all of lowmem.
 */
static void lowmem_bounds(struct ktest *t)
{
	static struct model_bank banks[INIT_MEMBLOCK_REGIONS];
	const struct memblock_region *r;
	struct model_lowmem m;
	unsigned int n = 0;
	u64 asked = 0, size;
	bool given = vmalloc_option(&asked);

	size = model_vmalloc_size(given, asked, CONFIG_PAGE_OFFSET);
	KTEST_EXPECT_EQ(t, vmalloc_size, size);
	for_each_mem_region(r) {
		if (n == ARRAY_SIZE(banks))
			break;
		banks[n++] = (struct model_bank){ r->base, (u64)r->base + r->size, memblock_is_nomap(r) };
	}
	KTEST_ASSERT_TRUE(t, n == memblock.memory.cnt);
	model_lowmem_bounds(&m, banks, n, size, CONFIG_PAGE_OFFSET, ktest_dt_ram_base());
	KTEST_EXPECT_NE(t, m.limit, 0);
	KTEST_EXPECT_EQ(t, arm_lowmem_limit, m.limit);
	KTEST_EXPECT_EQ(t, (unsigned long)high_memory, model_high_memory(m.limit, CONFIG_PAGE_OFFSET, ktest_dt_ram_base()));
	KTEST_EXPECT_TRUE(t, memblock_is_memory(arm_lowmem_limit - 1));
	/* Once paging_init has mapped all of lowmem, allocations may come from all of it (as Linux). */
	KTEST_EXPECT_EQ(t, memblock.current_limit, arm_lowmem_limit);
}

/*
 * mem_init handed memory to the buddy allocator and retired memblock: a
 * late memblock allocation is refused (and changes nothing); each free
 * range's pages left PG_reserved and each reserved range's pages kept it.
 */
/* CMA areas stay reserved in memblock, but cma_init_reserved_areas gave their pages to the allocator. */
static bool in_cma_area(phys_addr_t addr)
{
	for (unsigned int i = 0; i < cma_area_count; i++)
		if (addr >= cma_areas[i].base && addr - cma_areas[i].base < cma_areas[i].size)
			return true;
	return false;
}

static void retired_after_hand_over(struct ktest *t)
{
	phys_addr_t reserved_before = memblock_reserved_size();
	phys_addr_t start, end;
	unsigned int ranges = 0;
	u64 i;

	KTEST_EXPECT_TRUE(t, memblock_free_all_done);
	KTEST_EXPECT_EQ(t, memblock_phys_alloc(SZ_64K, SZ_64K), 0);
	KTEST_EXPECT_EQ(t, memblock_reserved_size(), reserved_before);
	for_each_free_mem_range(i, MEMBLOCK_NONE, &start, &end) {
		unsigned long first = PFN_UP(start), last = PFN_DOWN(end) - 1;

		if (first > last)
			continue;
		KTEST_EXPECT_FALSE(t, PageReserved(pfn_to_page(first)));
		KTEST_EXPECT_FALSE(t, PageReserved(pfn_to_page(last)));
		ranges++;
	}
	KTEST_EXPECT_GE(t, ranges, 1);
	for_each_reserved_mem_range(i, &start, &end) {
		if (!memblock_is_memory(start) || in_cma_area(start))
			continue;
		KTEST_EXPECT_TRUE(t, PageReserved(pfn_to_page(PFN_DOWN(start))));
	}
}

static const struct ktest_case memblock_cases[] = {
	KTEST_CASE(regions_sorted_merged_summed),
	KTEST_CASE(kernel_image_reserved),
	KTEST_CASE(swapper_pg_dir_reserved),
	KTEST_CASE(dtb_reserved),
	KTEST_CASE(initrd_reserved_if_any),
	KTEST_CASE(memory_matches_device_tree),
	KTEST_CASE(cma_areas_in_one_zone),
	KTEST_CASE(lowmem_bounds),
	KTEST_CASE(retired_after_hand_over),
	{}
};
KTEST_SUITE(memblock, memblock_cases);
