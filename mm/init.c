/*
 * arm_memblock_init: reserve what is already in use before anything is
 * allocated. Follows Linux's arch/arm/mm/init.c (v6.x).
 */
#include <linux/dma-map-ops.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/initrd.h>
#include <linux/cma.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/of_fdt.h>
#include <asm/dma-mapping.h>
#include <asm/bootstats.h>
#include <asm/layout.h>
#include <asm/mach/arch.h>
#include <asm/memmap_limit.h>
#include <asm/memory.h>
#include <asm/pgtable.h>
#include <asm/setup.h>
#include <asm/sections.h>
#include <ktest.h>


unsigned long initrd_start, initrd_end;

/*
 * Without a ZONE_DMA every address is DMA-able (Linux's arm_dma_limit when
 * the machine has no dma_zone_size); the default CMA area stays below it.
 */
phys_addr_t arm_dma_limit = (phys_addr_t)0xffffffff;

/*
 * Follows Linux's reserve_initrd_mem (init/initramfs.c, v6.1), which ARM
 * calls: the initrd's pages are reserved whole, if they are memory and not
 * in use already. The messages are split as Linux's pr_cont splits them.
 */
__noinline static void reserve_initrd_mem(void)
{
	phys_addr_t start;
	u64 size;

	initrd_start = initrd_end = 0;
	if (!phys_initrd_size)
		return;

	start = phys_initrd_start & ~((phys_addr_t)PAGE_SIZE - 1);
	size = (u64)phys_initrd_size + (phys_initrd_start - start);
	size = (size + (phys_addr_t)PAGE_SIZE - 1) & ~(u64)((phys_addr_t)PAGE_SIZE - 1);

	/* The range check (not in Linux) keeps a wrapping initrd from looking like memory. */
	if ((phys_addr_t)size != size || start + (phys_addr_t)size < start ||
	    !memblock_is_region_memory(start, (phys_addr_t)size)) {
		pr_err("INITRD: 0x%08llx+0x%08llx is not a memory region", (u64)start, size);
		goto disable;
	}
	if (memblock_is_region_reserved(start, (phys_addr_t)size)) {
		pr_err("INITRD: 0x%08llx+0x%08llx overlaps in-use memory region\n", (u64)start, size);
		goto disable;
	}
	memblock_reserve(start, (phys_addr_t)size);
	initrd_start = (unsigned long)__va(phys_initrd_start);
	initrd_end = initrd_start + phys_initrd_size;
	return;
disable:
	pr_cont(" - disabling initrd\n");
	initrd_start = initrd_end = 0;
}

/*
 * Not in Linux, which would carry on and overwrite what is not there:
 * the kernel image must be in the memory the device tree and mem=
 * describe. Called by setup_arch before the lowmem bounds.
 */
void arm_memblock_check_kernel(void)
{
	phys_addr_t kstart = __pa(_stext), ksize = (phys_addr_t)(_end - _stext);

	if (!memblock_is_region_memory(kstart, ksize))
		panic("The kernel image at %pa-%pa is not in memory the device tree or mem= describes",
		      &kstart, &(phys_addr_t){ kstart + ksize - 1 });
}

/* Follows Linux's arm_mm_memblock_reserve (arch/arm/mm/mmu.c, v6.x): the kernel's own page tables. */
static void arm_mm_memblock_reserve(void)
{
	memblock_reserve(__pa(swapper_pg_dir), PG_DIR_SIZE);
}

/*
 * Follows Linux's arm_memblock_init (arch/arm/mm/init.c, v6.x), in its
 * order: the kernel image (from _stext: the head code before it is not
 * needed after boot), the initrd, the page tables, the platform's own,
 * the device tree's /memreserve/ and /reserved-memory, then the CMA area.
 */
void arm_memblock_init(const struct machine_desc *mdesc)
{
	phys_addr_t kstart = __pa(_stext), ksize = (phys_addr_t)(_end - _stext);

	memblock_reserve(kstart, ksize);
	reserve_initrd_mem();
	arm_mm_memblock_reserve();
	if (mdesc && mdesc->reserve)
		mdesc->reserve();
	early_init_fdt_scan_reserved_mem();
	dma_contiguous_reserve(arm_dma_limit);
	memblock_dump_all();
}

/* Follows Linux's find_limits (arch/arm/mm/init.c, v6.x): first page, end of lowmem, end of RAM. */
static void find_limits(unsigned long *min, unsigned long *max_low, unsigned long *max_high)
{
	*max_low = PFN_DOWN(memblock_get_current_limit());
	*min = PFN_UP(memblock_start_of_DRAM());
	*max_high = PFN_DOWN(memblock_end_of_DRAM());
}

/* Follows Linux's zone_sizes_init (arch/arm/mm/init.c, v6.x): each zone's end. */
static void zone_sizes_init(unsigned long min, unsigned long max_low, unsigned long max_high)
{
	unsigned long max_zone_pfn[MAX_NR_ZONES] = { 0 };

	(void)min;
	max_zone_pfn[OPT_ZONE_DMA] = min((unsigned long)PFN_DOWN(arm_dma_limit), max_low);
	max_zone_pfn[OPT_ZONE_HIGHMEM] = max_high;
	/* Last: a zone the build lacks is ZONE_NORMAL above (OPT_ZONE_*), whose end is this. */
	max_zone_pfn[ZONE_NORMAL] = max_low;
	free_area_init(max_zone_pfn);
}

/*
 * Follows Linux's bootmem_init (arch/arm/mm/init.c, v6.x), called at the
 * end of paging_init: the page-frame limits, then the zones and mem_map.
 */
void bootmem_init(void)
{
	unsigned long min, max_low, max_high;

	memblock_allow_resize();
	/* Not in Linux: highmem lowmem cannot hold a mem_map for is left out (mm/memmap_limit.c). */
	trim_highmem_to_memmap();
	find_limits(&min, &max_low, &max_high);
	zone_sizes_init(min, max_low, max_high);
	min_low_pfn = min;
	max_low_pfn = max_low;
	max_pfn = max_high;
	/* Not in Linux: suites that must look at memblock while it is alive (ktest=memblock_grow). */
	ktest_run_bootmem_hooks();
}

/* Linux's ARM poison for freed init memory: a permanently undefined instruction (UDF). */
#define INIT_POISON_INSN	0xe7fddef0u

/*
 * Follows Linux's free_initmem (arch/arm/mm/init.c, v6.1): the init
 * sections become never executable, are filled with undefined
 * instructions (poison_init_mem) and go to the allocator, with Linux's
 * "Freeing unused kernel image (initmem) memory" line.
 */
void free_initmem(void)
{
	fix_kernmem_perms();
	for (u32 *p = (u32 *)__init_begin; p < (u32 *)__init_end; p++)
		*p = INIT_POISON_INSN;
	free_reserved_area(__init_begin, __init_end, -1, "unused kernel image (initmem)");
}

early_param_flag("buddyinfo", show_buddyinfo_at_boot);
early_param_flag("zoneinfo", show_zoneinfo_at_boot);
early_param_flag("pagetypeinfo", show_pagetypeinfo_at_boot);
early_param_flag("meminfo", show_meminfo_at_boot);

/*
 * Follows Linux's mem_init (arch/arm/mm/init.c, v4.14 order, v6.1 parts):
 * lowmem then highmem to the buddy allocator, the "Memory:" line and the
 * virtual memory layout.
 */
void mem_init(void)
{
	struct vm_layout layout;

	bootstats_mark(BOOT_FREE_BEGIN);
	memblock_free_all();
	free_highpages();
	bootstats_mark(BOOT_FREE_END);
	mem_init_print_info();
	vm_layout_current(&layout);
	vm_layout_print(&layout);
	bootstats_mark(BOOT_LAYOUT_END);
	bootstats_print();
}

/*
 * The initcalls of Linux 6.1 that set memory up, in do_initcalls' order:
 * the CMA areas join the allocator (core_initcall
 * cma_init_reserved_areas) after the Memory: line, which counted them as
 * cma-reserved; then, at postcore level in link order, the atomic DMA
 * pool (kernel/dma/pool.c) and the watermarks (mm/page_alloc.c's
 * init_per_zone_wmark_min), which count the CMA areas as managed and size
 * the per-CPU lists' high. "buddyinfo", "zoneinfo", "pagetypeinfo",
 * "meminfo" and "slabinfo" on the command line then print
 * /proc/buddyinfo's, (in short) /proc/zoneinfo's, /proc/pagetypeinfo's,
 * /proc/meminfo's and /proc/slabinfo's contents.
 */
void mm_initcalls(void)
{
	cma_init_reserved_areas();
	atomic_pool_init();
	setup_per_zone_wmarks();
	if (show_buddyinfo_at_boot)
		show_buddyinfo();
	if (show_zoneinfo_at_boot)
		show_zoneinfo();
	if (show_pagetypeinfo_at_boot)
		show_pagetypeinfo();
	if (show_meminfo_at_boot)
		show_meminfo();
	slabinfo_at_boot();
}
