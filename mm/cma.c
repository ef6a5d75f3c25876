/*
 * Declaring contiguous memory areas at boot: where the area goes and its
 * memblock reservation. Follows Linux's mm/cma.c (v6.x); the allocator on
 * top of the areas is mm/cma_alloc.c.
 */
#define pr_fmt(fmt) "cma: " fmt

#include <linux/errno.h>
#include <linux/cma.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/lowmem.h>
#include <asm/memory.h>

struct cma cma_areas[MAX_CMA_AREAS];
unsigned int cma_area_count;

static bool is_power_of_2(phys_addr_t x)
{
	return x && !(x & (x - 1));
}

/* Follows Linux's cma_init_reserved_mem (mm/cma.c, v6.x): record an area whose memory is already reserved. */
int cma_init_reserved_mem(phys_addr_t base, phys_addr_t size, const char *name,
			  struct cma **res_cma)
{
	struct cma *cma;

	if (cma_area_count == MAX_CMA_AREAS) {
		pr_err("Not enough slots for CMA reserved regions!\n");
		return -ENOSPC;
	}
	/* Memory check not in Linux, which would declare an area of RAM that is not there. */
	if (!size || !memblock_is_region_reserved(base, size) ||
	    !memblock_is_region_memory(base, size))
		return -EINVAL;
	if (!IS_ALIGNED(base | size, CMA_MIN_ALIGNMENT_BYTES))
		return -EINVAL;

	cma = &cma_areas[cma_area_count];
	if (name)
		scnprintf(cma->name, sizeof(cma->name), "%s", name);
	else
		scnprintf(cma->name, sizeof(cma->name), "cma%d", (int)cma_area_count);
	cma->base = base;
	cma->size = size;
	cma->base_pfn = PFN_DOWN(base);
	cma->count = (unsigned long)(size >> PAGE_SHIFT);
	cma->bitmap = NULL;
	cma->order_per_bit = 0;
	cma->fixed = true;	/* cma_declare_contiguous_nid says otherwise for an area it placed */
	cma->place_min = base;
	cma->place_align = CMA_MIN_ALIGNMENT_BYTES;
	cma_area_count++;
	*res_cma = cma;
	return 0;
}

/*
 * Follows Linux's cma_declare_contiguous_nid (mm/cma.c), as current Linux
 * has it: an area that may straddle lowmem and highmem is tried in highmem
 * first, and (64-bit phys_addr_t) bottom-up above 4 GiB only when that
 * failed. Linux 6.1 also tried above 4 GiB after a highmem success and lost
 * the highmem block (see docs/linux-parity.md).
 */
__noinline int cma_declare_contiguous_nid(phys_addr_t base, phys_addr_t size, phys_addr_t limit,
			       phys_addr_t alignment, bool fixed, const char *name,
			       struct cma **res_cma)
{
	phys_addr_t memblock_end = memblock_end_of_DRAM();
	phys_addr_t highmem_start = __pa((char *)high_memory - 1) + 1;
	phys_addr_t place_min;
	int ret;

	pr_debug("%s(size %pa, base %pa, limit %pa alignment %pa)\n",
		 __func__, &size, &base, &limit, &alignment);

	if (cma_area_count == MAX_CMA_AREAS) {
		pr_err("Not enough slots for CMA reserved regions!\n");
		return -ENOSPC;
	}
	if (!size)
		return -EINVAL;
	if (alignment && !is_power_of_2(alignment))
		return -EINVAL;

	if (alignment < CMA_MIN_ALIGNMENT_BYTES)
		alignment = CMA_MIN_ALIGNMENT_BYTES;
	if (fixed && (base & (alignment - 1))) {
		ret = -EINVAL;
		pr_err("Region at %pa must be aligned to %pa bytes\n", &base, &alignment);
		goto err;
	}
	/* Round up without wrapping: an area that cannot be aligned cannot be placed. */
	if (base > PHYS_ADDR_MAX - (alignment - 1) || size > PHYS_ADDR_MAX - (alignment - 1)) {
		ret = -EINVAL;
		goto err;
	}
	base = ALIGN(base, alignment);
	size = ALIGN(size, alignment);
	limit &= ~(alignment - 1);
	place_min = base;

	if (!base)
		fixed = false;

	if (fixed && base < highmem_start && base + size > highmem_start) {
		ret = -EINVAL;
		pr_err("Region at %pa defined on low/high memory boundary (%pa)\n",
		       &base, &highmem_start);
		goto err;
	}

	if (limit == 0 || limit > memblock_end)
		limit = memblock_end;

	if (base + size > limit || base + size < base) {
		ret = -EINVAL;
		pr_err("Size (%pa) of region at %pa exceeds limit (%pa)\n", &size, &base, &limit);
		goto err;
	}

	if (fixed) {
		/* Not in Linux: a fixed area must be RAM; Linux reserves whatever it is given. */
		if (!memblock_is_region_memory(base, size)) {
			ret = -EINVAL;
			pr_err("Region at %pa is not memory\n", &base);
			goto err;
		}
		if (memblock_is_region_reserved(base, size) || memblock_reserve(base, size) < 0) {
			ret = -EBUSY;
			goto err;
		}
	} else {
		phys_addr_t addr = 0;

		/* The whole area must lie in one zone: highmem first, then lowmem. */
		if (base < highmem_start && limit > highmem_start) {
			addr = memblock_alloc_range_nid(size, alignment, highmem_start, limit,
							NUMA_NO_NODE, true);
			limit = highmem_start;
		}
#ifdef CONFIG_PHYS_ADDR_T_64BIT
		/* Keep clear of the first 4 GiB, where the constrained zones are, when RAM reaches far enough. */
		const phys_addr_t four_gib = 0x100000000ULL;

		if (!addr && !memblock_bottom_up() && memblock_end >= four_gib + size) {
			memblock_set_bottom_up(true);
			addr = memblock_alloc_range_nid(size, alignment, four_gib, limit,
							NUMA_NO_NODE, true);
			memblock_set_bottom_up(false);
		}
#endif
		if (!addr) {
			addr = memblock_alloc_range_nid(size, alignment, base, limit,
							NUMA_NO_NODE, true);
			if (!addr) {
				ret = -ENOMEM;
				goto err;
			}
		}
		base = addr;
	}

	ret = cma_init_reserved_mem(base, size, name, res_cma);
	if (ret)
		goto free_mem;
	(*res_cma)->fixed = fixed;
	(*res_cma)->place_min = place_min;
	(*res_cma)->place_align = alignment;

	pr_info("Reserved %lu MiB at %pa\n", (unsigned long)(size / SZ_1M), &base);
	return 0;

free_mem:
	memblock_phys_free(base, size);
err:
	pr_err("Failed to reserve %lu MiB\n", (unsigned long)(size / SZ_1M));
	return ret;
}

/* Sum of the declared areas (an area that could not be activated counts 0 pages, as in Linux's totalcma_pages). */
phys_addr_t cma_total_size(void)
{
	phys_addr_t total = 0;

	for (unsigned int i = 0; i < cma_area_count; i++)
		total += PFN_PHYS(cma_areas[i].count);
	return total;
}
