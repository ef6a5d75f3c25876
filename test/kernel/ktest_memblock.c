/*
 * memblock: what setup_arch left in memblock on this very boot. The
 * regions obey memblock's invariants; what the kernel runs on (its image,
 * swapper_pg_dir, the DTB, the initrd) is memory and reserved; memory
 * matches the device tree; the CMA areas are reserved RAM inside one zone;
 * the lowmem bounds are those of adjust_lowmem_bounds; and an early
 * allocation comes from free lowmem and goes back.
 */
#include <linux/cma.h>
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


static void check_type(struct ktest *t, const struct memblock_type *type)
{
	const char *why = memblock_type_check(type);

	if (why)
		ktest_fail(t, __FILE__, __LINE__, "%s: %s", type->name, why);
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

/* Every memory bank of the device tree, clipped as Linux clips it, is memblock memory (unless mem= replaced them). */
static void memory_matches_device_tree(struct ktest *t)
{
	const void *fdt = initial_boot_params;
	phys_addr_t in_dt = 0;
	int node;

	if (strstr(boot_command_line, "mem="))
		return;
	fdt_for_each_subnode(node, fdt, 0) {
		const char *type = fdt_getprop(fdt, node, "device_type", NULL);
		const fdt32_t *reg;
		int len;

		if (!type || strcmp(type, "memory"))
			continue;
		reg = fdt_getprop(fdt, node, "reg", &len);
		for (const fdt32_t *end = reg + len / 4; reg && end - reg >= (int)(dt_root_addr_cells + dt_root_size_cells);) {
			u64 base = dt_mem_next_cell(dt_root_addr_cells, &reg);
			u64 size = dt_mem_next_cell(dt_root_size_cells, &reg);
			u64 top = base + size;

			if (top > (u64)(phys_addr_t)~(phys_addr_t)0)	/* classic: at most 4 GiB - 1 */
				top = (phys_addr_t)~(phys_addr_t)0;
			/* The tail memblock_probe_ram found missing is gone (-m smaller than the tree says). */
			for (unsigned int i = 0; i < ram_probe_nr_silent; i++)
				if (ram_probe_silent[i].start >= base && ram_probe_silent[i].start < top)
					top = ram_probe_silent[i].start;
#ifndef CONFIG_HIGHMEM
			/* Without HIGHMEM, adjust_lowmem_bounds dropped the RAM beyond lowmem. */
			if (top > arm_lowmem_limit)
				top = base < arm_lowmem_limit ? arm_lowmem_limit : base;
#endif
			KTEST_EXPECT_TRUE(t, covered_by_memory((phys_addr_t)base, (phys_addr_t)(top - base)));
			in_dt += (phys_addr_t)(top - base);
		}
	}
	KTEST_EXPECT_EQ(t, memblock_phys_mem_size(), in_dt);
#ifndef CONFIG_HIGHMEM
	KTEST_EXPECT_EQ(t, memblock_end_of_DRAM(), arm_lowmem_limit);
#endif
}

static void cma_areas_in_one_zone(struct ktest *t)
{
	for (unsigned int i = 0; i < cma_area_count; i++) {
		phys_addr_t base = cma_areas[i].base, size = cma_areas[i].size;

		expect_reserved_memory(t, base, size);
		KTEST_EXPECT_TRUE(t, IS_ALIGNED(base | size, CMA_MIN_ALIGNMENT_BYTES));
		/* All lowmem or all highmem: the page allocator needs one zone per area. */
		KTEST_EXPECT_TRUE(t, base + size <= arm_lowmem_limit || base >= arm_lowmem_limit);
	}
}

static void lowmem_bounds(struct ktest *t)
{
	u64 vmalloc_limit = (u64)VMALLOC_END - vmalloc_size - VMALLOC_OFFSET - PAGE_OFFSET + PHYS_OFFSET;

	KTEST_EXPECT_GT(t, arm_lowmem_limit, PHYS_OFFSET);
	KTEST_EXPECT_LE(t, arm_lowmem_limit, vmalloc_limit);
	KTEST_EXPECT_TRUE(t, memblock_is_memory(arm_lowmem_limit - 1));
	KTEST_EXPECT_EQ(t, (unsigned long)high_memory, (unsigned long)__va(arm_lowmem_limit - 1) + 1);
	/* Once paging_init has mapped all of lowmem, allocations may come from all of it (as Linux). */
	KTEST_EXPECT_EQ(t, memblock.current_limit, arm_lowmem_limit);
	/* The vmalloc area between high_memory + VMALLOC_OFFSET and VMALLOC_END is at least vmalloc_size. */
	KTEST_EXPECT_GE(t, VMALLOC_END - ((unsigned long)high_memory + VMALLOC_OFFSET), vmalloc_size);
}

/*
 * mem_init handed memory to the buddy allocator and retired memblock: a
 * late memblock allocation is refused (and changes nothing); each free
 * range's pages left PG_reserved and each reserved range's pages kept it.
 */
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
		if (!memblock_is_memory(start))
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
