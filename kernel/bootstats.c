/*
 * The instructions each boot phase took (asm/bootstats.h). Not in Linux,
 * whose closest is initcall_debug's timing of initcalls.
 */
#include <linux/kernel.h>
#include <asm/bootstats.h>
#include <asm/setup.h>

u32 boot_marks[NR_BOOT_MARKS];

static bool bootstats;
early_param_flag("bootstats", bootstats);

/* One row a phase: its name and the marks it runs between; rows nest where a phase is part of another. */
static const struct {
	const char *name;
	enum boot_mark from, to;
} phases[] = {
	{ "reset to start_kernel (head.S)", NR_BOOT_MARKS, BOOT_START_KERNEL },
	{ "setup_machine_fdt", BOOT_FDT_BEGIN, BOOT_FDT_END },
	{ "arm_memblock_init", BOOT_MEMBLOCK_BEGIN, BOOT_MEMBLOCK_END },
	{ "paging_init", BOOT_PAGING_BEGIN, BOOT_BOOTMEM_END },
	{ "  map_lowmem", BOOT_PAGING_BEGIN, BOOT_MAP_LOWMEM_END },
	{ "  bootmem_init (memmap)", BOOT_BOOTMEM_BEGIN, BOOT_BOOTMEM_END },
	{ "mem_init: freeing to buddy", BOOT_FREE_BEGIN, BOOT_FREE_END },
	{ "total to the layout printout", NR_BOOT_MARKS, BOOT_LAYOUT_END },
	/*
	 * From one function's entry to the next one's, as bench/run measures
	 * Debian's kernel with breakpoints (tools/armv7mm/replay.py). Linux's
	 * span from mem_init to kmem_cache_init is ours "mem_init: freeing to
	 * buddy" above (the freeing is nearly all of Linux's), so the whole
	 * ends with the freeing.
	 */
	{ "start_kernel to setup_arch", BOOT_START_KERNEL, BOOT_SETUP_ARCH },
	{ "setup_arch to arm_memblock_init", BOOT_SETUP_ARCH, BOOT_MEMBLOCK_BEGIN },
	{ "arm_memblock_init to paging_init", BOOT_MEMBLOCK_BEGIN, BOOT_PAGING_BEGIN },
	{ "paging_init to bootmem_init", BOOT_PAGING_BEGIN, BOOT_BOOTMEM_BEGIN },
	{ "bootmem_init to mem_init", BOOT_BOOTMEM_BEGIN, BOOT_FREE_BEGIN },
	{ "start_kernel to the end of freeing", BOOT_START_KERNEL, BOOT_FREE_END },
};

void bootstats_print(void)
{
	if (!bootstats)
		return;
	pr_info("bootstats: instructions per phase (PMCCNTR: one per instruction under qemu -icount shift=0)\n");
	for (unsigned int i = 0; i < ARRAY_SIZE(phases); i++) {
		/* NR_BOOT_MARKS as a start: reset, where head.S zeroed the counter. */
		u32 from = phases[i].from == NR_BOOT_MARKS ? 0 : boot_marks[phases[i].from];

		pr_info("bootstats: %-34s %10u\n", phases[i].name, boot_marks[phases[i].to] - from);
	}
}
