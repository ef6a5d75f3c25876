/*
 * The early device-tree scan: root cells, /chosen and the memory nodes,
 * and the RAM they describe handed to memblock. Follows Linux's
 * drivers/of/fdt.c (v6.x). Works on initial_boot_params through libfdt
 * only, so the host tests and the fuzzer run it unchanged.
 */
#define pr_fmt(fmt) "OF: fdt: " fmt

#include <linux/errno.h>
#include <linux/initrd.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/of_fdt.h>
#include <linux/of_reserved_mem.h>
#include <linux/string.h>
#include <libfdt.h>
#include <asm/memory.h>
#include <asm/page.h>
#include <asm/setup.h>

void *initial_boot_params;
u32 dt_root_addr_cells;
u32 dt_root_size_cells;
const char *of_stdout_path;

/* Follows Linux's dt_mem_next_cell (drivers/of/fdt.c, v6.x); cells beyond two keep the low 64 bits. */
u64 dt_mem_next_cell(u32 cells, const fdt32_t **cellp)
{
	u64 v = 0;

	while (cells--)
		v = (v << 32) | fdt32_to_cpu(*(*cellp)++);
	return v;
}

/*
 * Not in Linux: check the whole structure block before libfdt walks it.
 * Debian's libfdt (1.6.1) can loop forever on some malformed blocks that
 * pass fdt_check_header, in its lookups and even in fdt_check_full (found
 * by test/fuzz/fuzz_early.c). This walk reads each tag once, always moves
 * forward, and accepts only what libfdt's walkers handle: nodes with
 * NUL-terminated names, properties whose value fits and whose name is a
 * string inside the strings block, NOPs, balanced nesting and a final END.
 * Returns 0 or -FDT_ERR_BADSTRUCTURE.
 */
/* A big-endian 32-bit word at any alignment (the blob may sit anywhere). */
static u32 be32_at(const char *p)
{
	const unsigned char *b = (const unsigned char *)p;

	return (u32)b[0] << 24 | (u32)b[1] << 16 | (u32)b[2] << 8 | b[3];
}

int fdt_struct_sound(const void *fdt)
{
	const char *base = (const char *)fdt + fdt_off_dt_struct(fdt);
	const char *strings = (const char *)fdt + fdt_off_dt_strings(fdt);
	u32 size = fdt_size_dt_struct(fdt), strsize = fdt_size_dt_strings(fdt);
	u32 total = fdt_totalsize(fdt), off = 0, depth = 0;

	if (fdt_version(fdt) < 17 || fdt_off_dt_struct(fdt) > total || size > total - fdt_off_dt_struct(fdt) ||
	    fdt_off_dt_strings(fdt) > total || strsize > total - fdt_off_dt_strings(fdt))
		return -FDT_ERR_BADSTRUCTURE;
	for (;;) {
		u32 tag, len, nameoff;
		const char *end;

		if (size - off < 4)
			return -FDT_ERR_BADSTRUCTURE;
		tag = be32_at(base + off);
		off += 4;
		switch (tag) {
		case FDT_BEGIN_NODE:
			end = memchr(base + off, 0, size - off);
			if (!end)
				return -FDT_ERR_BADSTRUCTURE;
			off = (u32)(end - base) + 1;
			off = (off + 3) & ~3u;
			if (off > size)
				return -FDT_ERR_BADSTRUCTURE;
			depth++;
			break;
		case FDT_END_NODE:
			if (!depth--)
				return -FDT_ERR_BADSTRUCTURE;
			break;
		case FDT_PROP:
			if (!depth || size - off < 8)
				return -FDT_ERR_BADSTRUCTURE;
			len = be32_at(base + off);
			nameoff = be32_at(base + off + 4);
			off += 8;
			if (len > size - off || nameoff >= strsize ||
			    !memchr(strings + nameoff, 0, strsize - nameoff))
				return -FDT_ERR_BADSTRUCTURE;
			off = (off + len + 3) & ~3u;
			if (off > size)
				return -FDT_ERR_BADSTRUCTURE;
			break;
		case FDT_NOP:
			break;
		case FDT_END:
			return depth ? -FDT_ERR_BADSTRUCTURE : 0;
		default:
			return -FDT_ERR_BADSTRUCTURE;
		}
	}
}

/* Follows Linux's of_fdt_device_is_available (drivers/of/fdt.c, v6.x). */
bool of_fdt_device_is_available(const void *fdt, int node)
{
	const char *status = fdt_getprop(fdt, node, "status", NULL);

	return !status || !strcmp(status, "okay") || !strcmp(status, "ok");
}

/* A property of exactly one string (NUL-terminated inside its length), else NULL. */
static const char *fdt_string_prop(const void *fdt, int node, const char *name)
{
	int len;
	const char *s = fdt_getprop(fdt, node, name, &len);

	if (!s || len <= 0 || !memchr(s, 0, (size_t)len))
		return NULL;
	return s;
}

/* Follows Linux's early_init_dt_scan_root (drivers/of/fdt.c, v6.x): both cell counts default to 1. */
void early_init_dt_scan_root(void)
{
	const void *fdt = initial_boot_params;
	const fdt32_t *p;
	int len;

	dt_root_size_cells = 1;
	dt_root_addr_cells = 1;
	p = fdt_getprop(fdt, 0, "#size-cells", &len);
	if (p && len >= 4)
		dt_root_size_cells = fdt32_to_cpu(*p);
	pr_debug("dt_root_size_cells = %x\n", dt_root_size_cells);
	p = fdt_getprop(fdt, 0, "#address-cells", &len);
	if (p && len >= 4)
		dt_root_addr_cells = fdt32_to_cpu(*p);
	pr_debug("dt_root_addr_cells = %x\n", dt_root_addr_cells);
}

/* Follows Linux's early_init_dt_check_for_initrd (drivers/of/fdt.c, v6.x). */
static void early_init_dt_check_for_initrd(int node)
{
	const void *fdt = initial_boot_params;
	const fdt32_t *prop;
	u64 start, end;
	int len;

	prop = fdt_getprop(fdt, node, "linux,initrd-start", &len);
	if (!prop || len < 4)
		return;
	start = dt_mem_next_cell((u32)len / 4, &prop);	/* Linux's of_read_number */
	prop = fdt_getprop(fdt, node, "linux,initrd-end", &len);
	if (!prop || len < 4)
		return;
	end = dt_mem_next_cell((u32)len / 4, &prop);
	if (start > end)
		return;
	phys_initrd_start = (phys_addr_t)start;
	phys_initrd_size = (unsigned long)(end - start);
	pr_debug("initrd_start=0x%llx  initrd_end=0x%llx\n", start, end);
}

/*
 * Follows Linux's early_init_dt_scan_chosen (drivers/of/fdt.c, v6.x):
 * initrd, bootargs (else CONFIG_CMDLINE) and, as its stdout-path
 * handling does, where the console is.
 */
int early_init_dt_scan_chosen(char *cmdline)
{
	const void *fdt = initial_boot_params;
	int node = fdt_path_offset(fdt, "/chosen");
	const char *args;
	int len;

	cmdline[0] = 0;
	if (node < 0)
		node = fdt_path_offset(fdt, "/chosen@0");
	if (node >= 0) {
		early_init_dt_check_for_initrd(node);
		args = fdt_getprop(fdt, node, "bootargs", &len);
		if (args && len > 0)
			scnprintf(cmdline, COMMAND_LINE_SIZE, "%.*s", len, args);
		of_stdout_path = fdt_string_prop(fdt, node, "stdout-path");
		if (!of_stdout_path)
			of_stdout_path = fdt_string_prop(fdt, node, "linux,stdout-path");
		if (of_stdout_path)
			pr_debug("stdout-path is %s\n", of_stdout_path);
	}
	if (!cmdline[0])
		scnprintf(cmdline, COMMAND_LINE_SIZE, "%s", CONFIG_CMDLINE);
	pr_debug("Command line is: %s\n", cmdline);
	return 0;
}

/*
 * Follows Linux's early_init_dt_add_memory_arch (drivers/of/fdt.c, v6.x):
 * whole pages only, nothing above what phys_addr_t can address (4 GiB in
 * classic builds), nothing below PHYS_OFFSET (the kernel's linear map
 * cannot reach it); each cut is reported in Linux's words.
 */
__noinline void early_init_dt_add_memory_arch(u64 base, u64 size)
{
	const u64 min_addr = PHYS_OFFSET;
	const u64 max_addr = (u64)(phys_addr_t)~(phys_addr_t)0;
	u64 head = (u64)PAGE_SIZE - (base & ((u64)PAGE_SIZE - 1));

	if (size < head) {
		pr_warn("Ignoring memory block 0x%llx - 0x%llx\n", base, base + size);
		return;
	}
	if (base & ((u64)PAGE_SIZE - 1)) {
		size -= head;
		base += head;
	}
	size &= ~((u64)PAGE_SIZE - 1);

	if (base > max_addr) {
		pr_warn("Ignoring memory block 0x%llx - 0x%llx\n", base, base + size);
		return;
	}
	if (base + size - 1 > max_addr) {
		pr_warn("Ignoring memory range 0x%llx - 0x%llx\n", max_addr + 1, base + size);
		size = max_addr - base + 1;
	}
	/*
	 * Not in Linux: 4 GiB from 0 (midway in a classic build) is a size
	 * phys_addr_t cannot hold; Linux's memblock_add gets 0 and the bank is
	 * lost. Here the last page goes instead.
	 */
	if (size > max_addr) {
		pr_warn("Ignoring memory range 0x%llx - 0x%llx\n", max_addr + 1 - PAGE_SIZE, base + size);
		size = max_addr + 1 - PAGE_SIZE - base;
	}
	if (base + size < min_addr) {
		pr_warn("Ignoring memory block 0x%llx - 0x%llx\n", base, base + size);
		return;
	}
	if (base < min_addr) {
		pr_warn("Ignoring memory range 0x%llx - 0x%llx\n", base, min_addr);
		size -= min_addr - base;
		base = min_addr;
	}
	memblock_add((phys_addr_t)base, (phys_addr_t)size);
}

/* Follows Linux's early_init_dt_scan_memory (drivers/of/fdt.c, v6.x). Returns whether any memory was found. */
int early_init_dt_scan_memory(void)
{
	const void *fdt = initial_boot_params;
	int node, found_memory = 0;

	/* Linux would loop forever on zero cells; other counts make no sense at the root of an ARM32 tree. */
	if (dt_root_addr_cells < 1 || dt_root_addr_cells > 2 ||
	    dt_root_size_cells < 1 || dt_root_size_cells > 2) {
		pr_err("Invalid root #address-cells = %u / #size-cells = %u (1 or 2 expected): memory nodes ignored\n",
		       dt_root_addr_cells, dt_root_size_cells);
		return 0;
	}

	fdt_for_each_subnode(node, fdt, 0) {
		const char *type = fdt_string_prop(fdt, node, "device_type");
		const fdt32_t *reg, *endp;
		bool hotpluggable;
		int len;

		if (!type || strcmp(type, "memory") || !of_fdt_device_is_available(fdt, node))
			continue;
		reg = fdt_getprop(fdt, node, "linux,usable-memory", &len);
		if (!reg || len <= 0)
			reg = fdt_getprop(fdt, node, "reg", &len);
		if (!reg || len < 0)
			continue;
		endp = reg + len / 4;
		hotpluggable = fdt_getprop(fdt, node, "hotpluggable", NULL) != NULL;
		pr_debug("memory scan node %s, reg size %d,\n", fdt_get_name(fdt, node, NULL), len);

		while ((u64)(endp - reg) >= (u64)dt_root_addr_cells + dt_root_size_cells) {
			u64 base = dt_mem_next_cell(dt_root_addr_cells, &reg);
			u64 size = dt_mem_next_cell(dt_root_size_cells, &reg);

			if (!size)
				continue;
			pr_debug(" - %llx, %llx\n", base, size);
			early_init_dt_add_memory_arch(base, size);
			found_memory = 1;
			if (!hotpluggable)
				continue;
			if (memblock_mark_hotplug((phys_addr_t)base, (phys_addr_t)size))
				pr_warn("failed to mark hotplug range 0x%llx - 0x%llx\n", base, base + size);
		}
	}
	return found_memory;
}

/* Follows Linux's early_init_dt_scan_nodes (drivers/of/fdt.c, v6.x). */
void early_init_dt_scan_nodes(char *cmdline)
{
	early_init_dt_scan_chosen(cmdline);
	early_init_dt_scan_root();
	early_init_dt_scan_memory();
}

/* Follows Linux's early_init_dt_reserve_memory (drivers/of/fdt.c, v6.1): no-map regions stay memory but leave the linear map. */
__noinline static int early_init_dt_reserve_memory(phys_addr_t base, phys_addr_t size, bool nomap)
{
	if (nomap) {
		/* Memory another region already reserved must not lose its mapping. */
		if (memblock_overlaps_region(&memblock.memory, base, size) &&
		    memblock_is_region_reserved(base, size))
			return -EBUSY;
		return memblock_mark_nomap(base, size);
	}
	return memblock_reserve(base, size);
}

/* Follows Linux's __reserved_mem_reserve_reg (drivers/of/fdt.c, v6.1): every reg entry of a static region. */
static int __reserved_mem_reserve_reg(int node, const char *uname)
{
	const int t_len = (int)(dt_root_addr_cells + dt_root_size_cells) * 4;
	const fdt32_t *prop;
	bool first = true, nomap;
	int len;

	prop = fdt_getprop(initial_boot_params, node, "reg", &len);
	if (!prop)
		return -ENOENT;
	if (len && len % t_len != 0) {
		pr_err("Reserved memory: invalid reg property in '%s', skipping node.\n", uname);
		return -EINVAL;
	}
	nomap = fdt_getprop(initial_boot_params, node, "no-map", NULL) != NULL;

	while (len >= t_len) {
		phys_addr_t base = (phys_addr_t)dt_mem_next_cell(dt_root_addr_cells, &prop);
		phys_addr_t size = (phys_addr_t)dt_mem_next_cell(dt_root_size_cells, &prop);

		if (size && early_init_dt_reserve_memory(base, size, nomap) == 0)
			pr_debug("Reserved memory: reserved region for node '%s': base %pa, size %lu MiB\n",
				 uname, &base, (unsigned long)(size / SZ_1M));
		else
			pr_err("Reserved memory: failed to reserve memory for node '%s': base %pa, size %lu MiB\n",
			       uname, &base, (unsigned long)(size / SZ_1M));
		len -= t_len;
		if (first) {
			fdt_reserved_mem_save_node(node, uname, base, size);
			first = false;
		}
	}
	return 0;
}

/* Follows Linux's __reserved_mem_check_root (drivers/of/fdt.c, v6.1): same cells as the root, and "ranges". */
static int __reserved_mem_check_root(int node)
{
	const fdt32_t *prop;
	int len;

	prop = fdt_getprop(initial_boot_params, node, "#size-cells", &len);
	if (!prop || len < 4 || fdt32_to_cpu(*prop) != dt_root_size_cells)
		return -EINVAL;
	prop = fdt_getprop(initial_boot_params, node, "#address-cells", &len);
	if (!prop || len < 4 || fdt32_to_cpu(*prop) != dt_root_addr_cells)
		return -EINVAL;
	if (!fdt_getprop(initial_boot_params, node, "ranges", NULL))
		return -EINVAL;
	return 0;
}

/* Follows Linux's fdt_scan_reserved_mem (drivers/of/fdt.c, v6.1): reserve static regions, save dynamic ones. */
static int fdt_scan_reserved_mem(void)
{
	const void *fdt = initial_boot_params;
	int node, child;

	node = fdt_path_offset(fdt, "/reserved-memory");
	if (node < 0)
		return -ENODEV;
	if (__reserved_mem_check_root(node) != 0) {
		pr_err("Reserved memory: unsupported node format, ignoring\n");
		return -EINVAL;
	}
	/* Regions are read with the root's cells: the same guard as the memory scan. */
	if (dt_root_addr_cells < 1 || dt_root_addr_cells > 2 ||
	    dt_root_size_cells < 1 || dt_root_size_cells > 2)
		return -EINVAL;

	fdt_for_each_subnode(child, fdt, node) {
		const char *uname;
		int err;

		if (!of_fdt_device_is_available(fdt, child))
			continue;
		uname = fdt_get_name(fdt, child, NULL);
		err = __reserved_mem_reserve_reg(child, uname);
		if (err == -ENOENT && fdt_getprop(fdt, child, "size", NULL))
			fdt_reserved_mem_save_node(child, uname, 0, 0);
	}
	return 0;
}

/*
 * Follows Linux's early_init_fdt_scan_reserved_mem (drivers/of/fdt.c,
 * v6.1): the header's /memreserve/ entries, then the /reserved-memory
 * static regions, then the dynamic regions and the regions' setups.
 */
__noinline void early_init_fdt_scan_reserved_mem(void)
{
	int n;

	if (!initial_boot_params)
		return;

	for (n = 0;; n++) {
		uint64_t base, size;

		if (fdt_get_mem_rsv(initial_boot_params, n, &base, &size) || !size)
			break;
		memblock_reserve((phys_addr_t)base, (phys_addr_t)size);
	}

	fdt_scan_reserved_mem();
	fdt_init_reserved_mem();
}
