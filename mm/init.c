/*
 * arm_memblock_init: reserve what is already in use before anything is
 * allocated. Follows Linux's arch/arm/mm/init.c (v6.x).
 */
#include <linux/dma-map-ops.h>
#include <linux/initrd.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/of_fdt.h>
#include <asm/layout.h>
#include <asm/mach/arch.h>
#include <asm/memory.h>
#include <asm/pgtable.h>
#include <asm/setup.h>

extern char _stext[], _end[];

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

	/* Not in Linux, which would carry on and overwrite what is not there. */
	if (!memblock_is_region_memory(kstart, ksize))
		panic("The kernel image at %pa-%pa is not in memory the device tree or mem= describes",
		      &kstart, &(phys_addr_t){ kstart + ksize - 1 });

	memblock_reserve(kstart, ksize);
	reserve_initrd_mem();
	arm_mm_memblock_reserve();
	if (mdesc && mdesc->reserve)
		mdesc->reserve();
	early_init_fdt_scan_reserved_mem();
	dma_contiguous_reserve(arm_dma_limit);
	memblock_dump_all();
}

/*
 * Follows Linux's mem_init (arch/arm/mm/init.c, v4.14), so far its last
 * part: the virtual memory layout, printed once paging_init has made the
 * tables final. Handing memory to the buddy allocator and the "Memory:"
 * line before it are the zone stage's (docs/README.md).
 */
void mem_init(void)
{
	struct vm_layout layout;

	vm_layout_current(&layout);
	vm_layout_print(&layout);
}
