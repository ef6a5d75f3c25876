/*
 * /reserved-memory: the regions saved by the device-tree scan, dynamic
 * ones allocated, and each handed to the setup its compatible names.
 * Follows Linux's drivers/of/of_reserved_mem.c (v6.1).
 */
#define pr_fmt(fmt) "OF: reserved mem: " fmt

#include <linux/cache.h>
#include <linux/errno.h>
#include <linux/cma.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/of_fdt.h>
#include <linux/of_reserved_mem.h>
#include <linux/sort.h>
#include <linux/string.h>
#include <libfdt.h>

struct reserved_mem reserved_mem[MAX_RESERVED_REGIONS];
int reserved_mem_count;

/*
 * Linux's __reservedmem_of_table for what this kernel knows: both
 * "shared-dma-pool" setups, CMA (reusable) first as in Linux's link order.
 */
static const struct reserved_mem_setup reserved_mem_setups[] = {
	{ "shared-dma-pool", rmem_cma_setup },
	{ "shared-dma-pool", rmem_dma_setup },
};

/* Follows Linux's early_init_dt_alloc_reserved_memory_arch (drivers/of/of_reserved_mem.c, v6.1). */
__noinline int early_init_dt_alloc_reserved_memory_arch(phys_addr_t size, phys_addr_t align,
					     phys_addr_t start, phys_addr_t end,
					     bool nomap, phys_addr_t *res_base)
{
	phys_addr_t base;
	int err = 0;

	end = !end ? MEMBLOCK_ALLOC_ANYWHERE : end;
	align = !align ? SMP_CACHE_BYTES : align;
	base = memblock_phys_alloc_range(size, align, start, end);
	if (!base)
		return -ENOMEM;

	*res_base = base;
	if (nomap) {
		err = memblock_mark_nomap(base, size);
		if (err)
			memblock_phys_free(base, size);
	}
	return err;
}

/* Follows Linux's fdt_reserved_mem_save_node (drivers/of/of_reserved_mem.c, v6.1). */
void fdt_reserved_mem_save_node(int node, const char *uname, phys_addr_t base, phys_addr_t size)
{
	struct reserved_mem *rmem;

	if (reserved_mem_count == MAX_RESERVED_REGIONS) {
		pr_err("not enough space for all defined regions.\n");
		return;
	}
	rmem = &reserved_mem[reserved_mem_count++];
	rmem->fdt_node = node;
	rmem->name = uname;
	rmem->base = base;
	rmem->size = size;
}

/* A property of exactly `cells` cells, read as a number; false when absent or of another length. */
static int read_cells_prop(int node, const char *name, u32 cells, phys_addr_t *out)
{
	const fdt32_t *prop;
	int len;

	prop = fdt_getprop(initial_boot_params, node, name, &len);
	if (!prop)
		return -ENOENT;
	if ((u32)len != cells * 4)
		return -EINVAL;
	*out = (phys_addr_t)dt_mem_next_cell(cells, &prop);
	return 0;
}

static bool fdt_has_prop(int node, const char *name)
{
	return fdt_getprop(initial_boot_params, node, name, NULL) != NULL;
}

/* Follows Linux's __reserved_mem_alloc_size (drivers/of/of_reserved_mem.c, v6.1): a region with only a size. */
static int __reserved_mem_alloc_size(int node, const char *uname,
				     phys_addr_t *res_base, phys_addr_t *res_size)
{
	const u32 t_len = (dt_root_addr_cells + dt_root_size_cells) * 4;
	phys_addr_t base = 0, align = 0, size;
	const fdt32_t *prop;
	bool nomap;
	int len, ret;

	ret = read_cells_prop(node, "size", dt_root_size_cells, &size);
	if (ret == -ENOENT)
		return -EINVAL;
	if (ret) {
		pr_err("invalid size property in '%s' node.\n", uname);
		return -EINVAL;
	}
	ret = read_cells_prop(node, "alignment", dt_root_addr_cells, &align);
	if (ret == -EINVAL) {
		pr_err("invalid alignment property in '%s' node.\n", uname);
		return -EINVAL;
	}

	nomap = fdt_has_prop(node, "no-map");

	/* A CMA pool must be whole pageblocks. */
	if (!fdt_node_check_compatible(initial_boot_params, node, "shared-dma-pool") &&
	    fdt_has_prop(node, "reusable") && !nomap && align < CMA_MIN_ALIGNMENT_BYTES)
		align = CMA_MIN_ALIGNMENT_BYTES;

	prop = fdt_getprop(initial_boot_params, node, "alloc-ranges", &len);
	if (prop) {
		if (!t_len || len % (int)t_len != 0) {
			pr_err("invalid alloc-ranges property in '%s', skipping node.\n", uname);
			return -EINVAL;
		}
		base = 0;
		while (len > 0) {
			phys_addr_t start = (phys_addr_t)dt_mem_next_cell(dt_root_addr_cells, &prop);
			phys_addr_t end = start + (phys_addr_t)dt_mem_next_cell(dt_root_size_cells, &prop);

			ret = early_init_dt_alloc_reserved_memory_arch(size, align, start, end,
								       nomap, &base);
			if (ret == 0) {
				pr_debug("allocated memory for '%s' node: base %pa, size %lu MiB\n",
					 uname, &base, (unsigned long)(size / SZ_1M));
				break;
			}
			len -= (int)t_len;
		}
	} else {
		ret = early_init_dt_alloc_reserved_memory_arch(size, align, 0, 0, nomap, &base);
		if (ret == 0)
			pr_debug("allocated memory for '%s' node: base %pa, size %lu MiB\n",
				 uname, &base, (unsigned long)(size / SZ_1M));
	}

	if (base == 0) {
		pr_err("failed to allocate memory for node '%s': size %lu MiB\n",
		       uname, (unsigned long)(size / SZ_1M));
		return -ENOMEM;
	}
	*res_base = base;
	*res_size = size;
	return 0;
}

/* Follows Linux's __reserved_mem_init_node (drivers/of/of_reserved_mem.c, v6.1): -ENOENT when nothing matches. */
static int __reserved_mem_init_node(struct reserved_mem *rmem)
{
	int ret = -ENOENT;

	for (unsigned int i = 0; i < ARRAY_SIZE(reserved_mem_setups); i++) {
		const char *compat = reserved_mem_setups[i].compatible;

		if (fdt_node_check_compatible(initial_boot_params, rmem->fdt_node, compat))
			continue;
		ret = reserved_mem_setups[i].init(rmem);
		if (ret == 0) {
			rmem->setup = reserved_mem_setups[i].init;
			pr_info("initialized node %s, compatible id %s\n", rmem->name, compat);
			break;
		}
	}
	return ret;
}

/* Follows Linux's __rmem_cmp (v6.1): by base, then size, so dynamic regions (0, 0) come first. */
static int __rmem_cmp(const void *a, const void *b)
{
	const struct reserved_mem *ra = a, *rb = b;

	if (ra->base != rb->base)
		return ra->base < rb->base ? -1 : 1;
	if (ra->size != rb->size)
		return ra->size < rb->size ? -1 : 1;
	return 0;
}

/* Follows Linux's __rmem_check_for_overlap (drivers/of/of_reserved_mem.c, v6.1). */
static void __rmem_check_for_overlap(void)
{
	if (reserved_mem_count < 2)
		return;
	sort(reserved_mem, (size_t)reserved_mem_count, sizeof(reserved_mem[0]), __rmem_cmp);
	for (int i = 0; i < reserved_mem_count - 1; i++) {
		struct reserved_mem *this = &reserved_mem[i], *next = &reserved_mem[i + 1];

		if (this->base + this->size > next->base) {
			phys_addr_t this_end = this->base + this->size;
			phys_addr_t next_end = next->base + next->size;

			pr_err("OVERLAP DETECTED!\n%s (%pa--%pa) overlaps with %s (%pa--%pa)\n",
			       this->name, &this->base, &this_end,
			       next->name, &next->base, &next_end);
		}
	}
}

/*
 * Follows Linux's fdt_init_reserved_mem (drivers/of/of_reserved_mem.c,
 * v6.1): sort the saved regions, allocate the dynamic ones in that order,
 * and give each to its setup; a region whose setup refuses it is handed
 * back to memblock.
 */
void fdt_init_reserved_mem(void)
{
	__rmem_check_for_overlap();

	for (int i = 0; i < reserved_mem_count; i++) {
		struct reserved_mem *rmem = &reserved_mem[i];
		int node = rmem->fdt_node;
		bool nomap = fdt_has_prop(node, "no-map");
		const fdt32_t *prop;
		int len, err = 0;

		prop = fdt_getprop(initial_boot_params, node, "phandle", &len);
		if (!prop)
			prop = fdt_getprop(initial_boot_params, node, "linux,phandle", &len);
		if (prop && len >= 4)
			rmem->phandle = fdt32_to_cpu(prop[len / 4 - 1]);

		if (rmem->size == 0)
			err = __reserved_mem_alloc_size(node, rmem->name, &rmem->base, &rmem->size);
		if (err)
			continue;
		err = __reserved_mem_init_node(rmem);
		if (err != 0 && err != -ENOENT) {
			pr_info("node %s compatible matching fail\n", rmem->name);
			if (nomap)
				memblock_clear_nomap(rmem->base, rmem->size);
			else
				memblock_phys_free(rmem->base, rmem->size);
		}
	}
}
