/*
 * CPU addresses of device-tree registers, read from the flat tree: a
 * node's first reg entry translated through each parent bus's "ranges".
 * Follows Linux's drivers/of/fdt_address.c (v6.1), the default bus only.
 */
#include <linux/kernel.h>
#include <linux/of_fdt.h>
#include <libfdt.h>

/* A bus's cell count for its children; the root's when the bus says nothing (Linux's fdt_bus_default_count_cells). */
static void fdt_bus_count_cells(const void *fdt, int bus, u32 *addrc, u32 *sizec)
{
	const fdt32_t *prop;

	prop = fdt_getprop(fdt, bus, "#address-cells", NULL);
	*addrc = prop ? fdt32_to_cpu(*prop) : dt_root_addr_cells;
	prop = fdt_getprop(fdt, bus, "#size-cells", NULL);
	*sizec = prop ? fdt32_to_cpu(*prop) : dt_root_size_cells;
}

/* Linux's of_read_number: cells big-endian words, only the low 64 bits kept. */
static u64 fdt_read_number(const fdt32_t *cell, u32 size)
{
	u64 r = 0;

	while (size--)
		r = (r << 32) | fdt32_to_cpu(*cell++);
	return r;
}

/*
 * Follows Linux's of_flat_dt_translate_address (drivers/of/fdt_address.c,
 * v6.1): the first reg entry of @node up to the root. A bus without
 * "ranges" cannot be translated through (OF_BAD_ADDR); an empty one maps
 * 1:1. *size gets the entry's size when size is not NULL.
 */
u64 of_flat_dt_translate_address(int node, u64 *size)
{
	const void *fdt = initial_boot_params;
	int bus = fdt_parent_offset(fdt, node);
	const fdt32_t *reg;
	u32 na, ns;
	int len;
	u64 addr;

	if (bus < 0)
		return OF_BAD_ADDR;
	fdt_bus_count_cells(fdt, bus, &na, &ns);
	reg = fdt_getprop(fdt, node, "reg", &len);
	if (!reg || na == 0 || na > 4 || ns > 4 || len < (int)((na + ns) * 4))
		return OF_BAD_ADDR;
	addr = fdt_read_number(reg, na);
	if (size)
		*size = fdt_read_number(reg + na, ns);

	/* Up each bus to the root: the child address in a range becomes the parent's. */
	while (bus != 0) {
		int parent = fdt_parent_offset(fdt, bus);
		const fdt32_t *ranges;
		u32 pna, pns, rone;
		bool found = false;

		if (parent < 0)
			return OF_BAD_ADDR;
		fdt_bus_count_cells(fdt, parent, &pna, &pns);
		ranges = fdt_getprop(fdt, bus, "ranges", &len);
		if (!ranges)
			return OF_BAD_ADDR;
		if (len > 0) {
			rone = na + pna + ns;
			if (pna == 0 || pna > 4)
				return OF_BAD_ADDR;
			for (int i = 0; (i + 1) * (int)rone * 4 <= len; i++) {
				const fdt32_t *r = ranges + (u32)i * rone;
				u64 child = fdt_read_number(r, na);
				u64 span = fdt_read_number(r + na + pna, ns);

				if (addr >= child && addr - child < span) {
					addr = fdt_read_number(r + na, pna) + (addr - child);
					found = true;
					break;
				}
			}
			if (!found)
				return OF_BAD_ADDR;
		}
		na = pna;
		ns = pns;
		bus = parent;
	}
	return addr;
}
