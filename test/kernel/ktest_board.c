/*
 * What the suites need to know of the board they run on, read straight
 * from the device tree with libfdt (not through drivers/of/fdt.c, whose
 * results they check): where RAM starts, and whether the board is a
 * Versatile Express, whose motherboard registers some cases use; and
 * physical addresses that are not RAM on this board, for the ioremap cases.
 */
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <libfdt.h>
#include <linux/of_fdt.h>
#include <ktest.h>

/* A number of @cells big-endian 32-bit cells (devicetree specification 2.3.5). */
static u64 read_cells(const fdt32_t *p, int cells)
{
	u64 v = 0;

	while (cells-- > 0)
		v = (v << 32) | fdt32_to_cpu(*p++);
	return v;
}

u64 ktest_dt_ram_base(void)
{
	const void *fdt = initial_boot_params;
	int ac = fdt_address_cells(fdt, 0), sc = fdt_size_cells(fdt, 0);
	u64 lowest = ~0ULL;
	int node;

	for (node = fdt_node_offset_by_prop_value(fdt, -1, "device_type", "memory", sizeof("memory"));
	     node >= 0;
	     node = fdt_node_offset_by_prop_value(fdt, node, "device_type", "memory", sizeof("memory"))) {
		int len;
		const fdt32_t *reg = fdt_getprop(fdt, node, "reg", &len);

		for (int off = 0; reg && (off + ac + sc) * 4 <= len; off += ac + sc) {
			u64 base = read_cells(reg + off, ac), size = read_cells(reg + off + ac, sc);

			if (size && base < lowest)
				lowest = base;
		}
	}
	return lowest;
}

bool ktest_board_is_vexpress(void)
{
	return fdt_node_check_compatible(initial_boot_params, 0, "arm,vexpress") == 0;
}

/* Whether [base, base + size) overlaps a memory node's range (memblock.memory holds them). */
static bool overlaps_ram(u64 base, u64 size)
{
	const struct memblock_region *r;

	for_each_mem_region(r)
		if (base < (u64)r->base + r->size && (u64)r->base < base + size)
			return true;
	return false;
}

phys_addr_t ktest_device_phys(phys_addr_t preferred, phys_addr_t size)
{
	const u64 step = size > SZ_16M ? size : SZ_16M;

	if (!overlaps_ram(preferred, size))
		return preferred;
	for (u64 base = 0xf0000000ULL; base >= step; base -= step)
		if (!overlaps_ram(base, step))
			return (phys_addr_t)(base + (preferred & (step - 1)));
	return preferred;
}
