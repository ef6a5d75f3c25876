/*
 * A device's registers as the CPU sees them: its reg entry, translated up
 * through the ranges of every bus above it. Follows Linux's
 * of_translate_address (drivers/of/address.c, v6.1) for the default bus,
 * on the flat tree: a bus without ranges is not reachable from the CPU; an
 * empty ranges maps one to one (devicetree specification 2.3.8).
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/of_fdt.h>
#include <libfdt.h>

/* #address-cells / #size-cells of @node for its children; the specification's defaults 2 and 1 when absent. */
static u32 fdt_cells(const void *fdt, int node, const char *name, u32 dflt)
{
	int len;
	const fdt32_t *p = fdt_getprop(fdt, node, name, &len);

	return p && len == (int)sizeof(*p) ? fdt32_to_cpu(*p) : dflt;
}

/* @addr in @bus's child address space, mapped to its parent's through @bus's ranges. */
static int fdt_translate_one(const void *fdt, int bus, int parent, u64 *addr)
{
	u32 child_ac = fdt_cells(fdt, bus, "#address-cells", 2), sc = fdt_cells(fdt, bus, "#size-cells", 1);
	u32 parent_ac = fdt_cells(fdt, parent, "#address-cells", 2);
	u32 entry = child_ac + parent_ac + sc;
	int len;
	const fdt32_t *ranges = fdt_getprop(fdt, bus, "ranges", &len);

	if (!ranges)
		return -EINVAL;
	if (!len)
		return 0;
	for (int cell = 0; (u32)(cell + (int)entry) * 4 <= (u32)len; cell += (int)entry) {
		const fdt32_t *p = ranges + cell;
		u64 child = dt_mem_next_cell(child_ac, &p);
		u64 base = dt_mem_next_cell(parent_ac, &p);
		u64 size = dt_mem_next_cell(sc, &p);

		if (*addr >= child && *addr - child < size) {
			*addr = base + (*addr - child);
			return 0;
		}
	}
	return -EINVAL;
}

int of_fdt_reg_address(const void *fdt, int node, int index, u64 *addr, u64 *size)
{
	int bus = fdt_parent_offset(fdt, node), len;
	u32 ac, sc;
	const fdt32_t *reg;

	if (bus < 0)
		return -EINVAL;
	ac = fdt_cells(fdt, bus, "#address-cells", 2);
	sc = fdt_cells(fdt, bus, "#size-cells", 1);
	reg = fdt_getprop(fdt, node, "reg", &len);
	if (!reg || ac == 0 || (u32)(index + 1) * (ac + sc) * 4 > (u32)len)
		return -EINVAL;
	reg += (u32)index * (ac + sc);
	*addr = dt_mem_next_cell(ac, &reg);
	*size = dt_mem_next_cell(sc, &reg);
	for (int parent = fdt_parent_offset(fdt, bus); parent >= 0; bus = parent, parent = fdt_parent_offset(fdt, bus)) {
		int err = fdt_translate_one(fdt, bus, parent, addr);

		if (err)
			return err;
	}
	return 0;
}
