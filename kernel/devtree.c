/*
 * Finding the machine and the memory in the device tree, with Debian's
 * libfdt. Follows Linux's setup_machine_fdt (arch/arm/kernel/devtree.c)
 * and early_init_dt_scan (drivers/of/fdt.c), v6.x. Messages carry the
 * "OF: fdt: " prefix Linux gives them.
 */
#define pr_fmt(fmt) "OF: fdt: " fmt

#include <linux/kernel.h>
#include <linux/string.h>
#include <libfdt.h>
#include <asm/mach/arch.h>
#include <asm/memory.h>
#include <asm/pgtable-hwdef.h>
#include <asm/setup.h>

/* head.S maps two sections (blocks) of the DTB at FDT_FIXED_BASE. */
#define FDT_FIXED_SIZE		(2 * SECTION_SIZE)

void *initial_boot_params;
struct dt_membank dt_mem_banks[DT_MAX_BANKS];
int dt_nr_mem_banks;
static u32 dt_root_addr_cells;
static u32 dt_root_size_cells;

/* Read a cells-wide big-endian number and advance (Linux's dt_mem_next_cell). */
static u64 dt_mem_next_cell(u32 cells, const fdt32_t **cellp)
{
	u64 v = 0;

	while (cells--)
		v = (v << 32) | fdt32_to_cpu(*(*cellp)++);
	return v;
}

/* Follows Linux's early_init_dt_add_memory_arch (drivers/of/fdt.c, v6.x); memblock comes later. */
static void early_init_dt_add_memory_arch(u64 base, u64 size)
{
	if (dt_nr_mem_banks >= DT_MAX_BANKS) {
		pr_warn("Ignoring memory range 0x%llx - 0x%llx (too many banks)\n", base, base + size);
		return;
	}
	dt_mem_banks[dt_nr_mem_banks].base = base;
	dt_mem_banks[dt_nr_mem_banks].size = size;
	dt_nr_mem_banks++;
}

/* Follows Linux's of_fdt_device_is_available: no status, "okay" or "ok". */
static bool fdt_node_available(const void *fdt, int node)
{
	const char *status = fdt_getprop(fdt, node, "status", NULL);

	return !status || !strcmp(status, "okay") || !strcmp(status, "ok");
}

/* Follows Linux's early_init_dt_scan_memory (drivers/of/fdt.c, v6.x). */
static void early_init_dt_scan_memory(const void *fdt)
{
	int node;

	fdt_for_each_subnode(node, fdt, 0) {
		const char *type = fdt_getprop(fdt, node, "device_type", NULL);
		const fdt32_t *reg, *endp;
		int len;

		if (!type || strcmp(type, "memory") || !fdt_node_available(fdt, node))
			continue;
		reg = fdt_getprop(fdt, node, "linux,usable-memory", &len);
		if (!reg)
			reg = fdt_getprop(fdt, node, "reg", &len);
		if (!reg)
			continue;
		endp = reg + len / 4;
		pr_debug("memory scan node %s, reg size %d,\n", fdt_get_name(fdt, node, NULL), len);
		while ((u32)(endp - reg) >= dt_root_addr_cells + dt_root_size_cells) {
			u64 base = dt_mem_next_cell(dt_root_addr_cells, &reg);
			u64 size = dt_mem_next_cell(dt_root_size_cells, &reg);

			if (!size)
				continue;
			pr_debug(" - %llx, %llx\n", base, size);
			early_init_dt_add_memory_arch(base, size);
		}
	}
}

/* Follows Linux's early_init_dt_scan_root: #address-cells/#size-cells default to 1. */
static void early_init_dt_scan_root(const void *fdt)
{
	const fdt32_t *p;

	p = fdt_getprop(fdt, 0, "#size-cells", NULL);
	dt_root_size_cells = p ? fdt32_to_cpu(*p) : 1;
	p = fdt_getprop(fdt, 0, "#address-cells", NULL);
	dt_root_addr_cells = p ? fdt32_to_cpu(*p) : 1;
	pr_debug("dt_root_size_cells = %x\n", dt_root_size_cells);
	pr_debug("dt_root_addr_cells = %x\n", dt_root_addr_cells);
}

/* Follows Linux's early_init_dt_scan_chosen: bootargs, else the built-in command line. */
static void early_init_dt_scan_chosen(const void *fdt)
{
	int node = fdt_path_offset(fdt, "/chosen");
	const char *args = NULL;
	int len = 0;

	if (node < 0)
		node = fdt_path_offset(fdt, "/chosen@0");
	if (node >= 0)
		args = fdt_getprop(fdt, node, "bootargs", &len);
	if (args && len > 0 && args[0])
		scnprintf(boot_command_line, sizeof(boot_command_line), "%.*s", len, args);
	else
		scnprintf(boot_command_line, sizeof(boot_command_line), "%s", CONFIG_CMDLINE);
	pr_debug("Command line is: %s\n", boot_command_line);
}

/* The machine name Linux prints: the model, else the first compatible string. */
static const char *of_flat_dt_get_machine_name(const void *fdt)
{
	const char *name = fdt_getprop(fdt, 0, "model", NULL);

	if (!name)
		name = fdt_getprop(fdt, 0, "compatible", NULL);
	return name ? name : "<unknown>";
}

/*
 * Best machine for the root compatible list: the one matching the earliest
 * entry, as Linux's of_flat_dt_match_machine scores it.
 */
static const struct machine_desc *of_flat_dt_match_machine(const void *fdt)
{
	const struct machine_desc *best = NULL;
	int best_score = INT32_MAX;

	for (const struct machine_desc *m = __arch_info_begin; m < __arch_info_end; m++) {
		for (const char *const *c = m->dt_compat; c && *c; c++) {
			int idx = fdt_stringlist_search(fdt, 0, "compatible", *c);

			if (idx >= 0 && idx < best_score) {
				best = m;
				best_score = idx;
			}
		}
	}
	return best;
}

/* Follows the message of Linux's setup_machine_fdt for an unknown compatible list (v6.x). */
static void __noreturn unsupported_compatible(const void *fdt)
{
	int len;
	const char *prop = fdt_getprop(fdt, 0, "compatible", &len);

	early_print("\nError: unrecognized/unsupported device tree compatible list:\n[ ");
	for (int off = 0; prop && off < len; off += (int)strnlen(prop + off, (size_t)(len - off)) + 1)
		early_print("'%s' ", prop + off);
	early_print("]\n\n");
	dump_machine_table();
}

/*
 * Follows Linux's setup_machine_fdt (arch/arm/kernel/devtree.c, v6.x):
 * check the DTB, pick the machine, scan /chosen, the root cells and
 * the memory nodes. Returns NULL when there is no usable DTB.
 */
const struct machine_desc *setup_machine_fdt(phys_addr_t dt_phys)
{
	const struct machine_desc *mdesc;
	unsigned long offset = (unsigned long)dt_phys & (SECTION_SIZE - 1);
	void *fdt = (void *)(FDT_FIXED_BASE + offset);
	int err;

	if (!dt_phys)
		return NULL;
	err = fdt_check_header(fdt);
	if (err) {
		early_print("Error: invalid device tree blob at 0x%08lx: %s\n",
			    (unsigned long)dt_phys, fdt_strerror(err));
		return NULL;
	}
	if (fdt_totalsize(fdt) > FDT_FIXED_SIZE - offset) {
		early_print("Error: device tree blob at 0x%08lx is %u bytes; only %lu are mapped\n",
			    (unsigned long)dt_phys, (unsigned int)fdt_totalsize(fdt), FDT_FIXED_SIZE - offset);
		return NULL;
	}
	initial_boot_params = fdt;

	mdesc = of_flat_dt_match_machine(fdt);
	if (!mdesc)
		unsupported_compatible(fdt);

	pr_info("Machine model: %s\n", of_flat_dt_get_machine_name(fdt));
	early_init_dt_scan_chosen(fdt);
	early_init_dt_scan_root(fdt);
	early_init_dt_scan_memory(fdt);
	return mdesc;
}
