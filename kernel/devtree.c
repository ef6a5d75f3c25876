/*
 * Finding the machine in the device tree and starting the scan, with
 * Debian's libfdt. Follows Linux's setup_machine_fdt
 * (arch/arm/kernel/devtree.c, v6.x); the scan itself (chosen, root cells,
 * memory nodes) is drivers/of/fdt.c. Messages carry the "OF: fdt: " prefix
 * Linux gives them.
 */
#define pr_fmt(fmt) "OF: fdt: " fmt

#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/of_fdt.h>
#include <linux/string.h>
#include <libfdt.h>
#include <asm/mach/arch.h>
#include <asm/memory.h>
#include <asm/pgtable-hwdef.h>
#include <asm/setup.h>
#include <asm/sections.h>

/* The machine name Linux prints: the model, else the first compatible string. */
static const char *of_flat_dt_get_machine_name(const void *fdt)
{
	const char *name = fdt_getprop(fdt, 0, "model", NULL);

	if (!name)
		name = fdt_getprop(fdt, 0, "compatible", NULL);
	return name ? name : "<unknown>";
}

/*
 * Follows Linux's generic machine (arch/arm/kernel/devtree.c, v6.1, with
 * ARCH_MULTIPLATFORM): what a tree no descriptor names boots as. It has
 * no compatible list of its own.
 */
DT_MACHINE_START(GENERIC_DT, "Generic DT based system")
MACHINE_END

/*
 * Best machine for the root compatible list: the one matching the earliest
 * entry, as Linux's of_flat_dt_match_machine scores it; @default_match when
 * none matches.
 */
static const struct machine_desc *of_flat_dt_match_machine(const void *fdt,
							   const struct machine_desc *default_match)
{
	const struct machine_desc *best = default_match;
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
	/*
	 * Not in Linux: a boot loader short of RAM may put the DTB right after
	 * the image file, where .bss is, and head.S has cleared it since.
	 */
	if (dt_phys >= __pa(_text) && dt_phys < __pa(_end)) {
		early_print("Error: device tree blob at 0x%08lx is inside the kernel image (0x%08lx-0x%08lx), overwritten by .bss; the boot loader must put it above 0x%08lx\n",
			    (unsigned long)dt_phys, (unsigned long)__pa(_text), (unsigned long)__pa(_end) - 1,
			    (unsigned long)__pa(_end) - 1);
		return NULL;
	}
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
	/*
	 * Not in Linux, which only checks the header: check the whole structure
	 * block first. A malformed one can make libfdt loop forever (found by
	 * test/fuzz/fuzz_early.c); fdt_check_full can loop too, so our own walk.
	 */
	err = fdt_struct_sound(fdt);
	if (err) {
		early_print("Error: invalid device tree blob at 0x%08lx: %s\n",
			    (unsigned long)dt_phys, fdt_strerror(err));
		return NULL;
	}
	initial_boot_params = fdt;

	mdesc = of_flat_dt_match_machine(fdt, &__mach_desc_GENERIC_DT);

	pr_info("Machine model: %s\n", of_flat_dt_get_machine_name(fdt));
	early_init_dt_scan_nodes(boot_command_line);
	/* Not in Linux: a blob that claims to run past the RAM it describes is not to be trusted. */
	if (memblock_is_region_memory(dt_phys, 1) && !memblock_is_region_memory(dt_phys, fdt_totalsize(fdt))) {
		early_print("Error: device tree blob at 0x%08lx (%u bytes) runs past the RAM it describes\n",
			    (unsigned long)dt_phys, (unsigned int)fdt_totalsize(fdt));
		return NULL;
	}
	return mdesc;
}
