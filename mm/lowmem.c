/*
 * The lowmem/highmem split: how much RAM the linear map can cover, given
 * the VMSPLIT (PAGE_OFFSET) and the vmalloc area kept above lowmem.
 * Follows Linux's arch/arm/mm/mmu.c (v6.x).
 */
#include <linux/errno.h>
#include <linux/cmdline.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <asm/lowmem.h>
#include <asm/memory.h>
#include <asm/pgtable.h>
#include <asm/setup.h>

phys_addr_t arm_lowmem_limit;
void *high_memory;
unsigned long vmalloc_size = VMALLOC_DEFAULT_SIZE;

/* The smallest vmalloc area vmalloc= may ask for. */
#define VMALLOC_MIN_SIZE	SZ_16M

/* Lowmem must keep at least this much above PAGE_OFFSET (Linux's vmalloc_max). */
#define LOWMEM_MIN_SIZE		SZ_32M

BUILD_BUG_ON(VMALLOC_END - VMALLOC_OFFSET - VMALLOC_DEFAULT_SIZE <= UL(CONFIG_PAGE_OFFSET) + LOWMEM_MIN_SIZE);

/* Follows Linux's early_vmalloc (arch/arm/mm/mmu.c, v6.x): "vmalloc=SIZE", clamped with a warning. */
static int early_vmalloc(char *arg)
{
	unsigned long long asked;
	unsigned long reserve, vmalloc_max;
	char *end;

	/* Linux takes whatever memparse returns; a size that is not one is refused here. */
	if (memparse_checked(arg, &end, &asked) == -EINVAL || *end)
		return -EINVAL;
	reserve = asked > ~0UL ? ~0UL : (unsigned long)asked;

	if (reserve < VMALLOC_MIN_SIZE) {
		reserve = VMALLOC_MIN_SIZE;
		pr_warn("vmalloc area is too small, limiting to %luMiB\n", reserve >> 20);
	}

	vmalloc_max = VMALLOC_END - (PAGE_OFFSET + LOWMEM_MIN_SIZE + VMALLOC_OFFSET);
	if (reserve > vmalloc_max) {
		reserve = vmalloc_max;
		pr_warn("vmalloc area is too big, limiting to %luMiB\n", reserve >> 20);
	}

	vmalloc_size = reserve;
	return 0;
}
early_param("vmalloc", early_vmalloc);

/*
 * Follows Linux's adjust_lowmem_bounds (arch/arm/mm/mmu.c, v6.x): lowmem
 * is every memory bank below the address where the vmalloc area must
 * start; memblock allocations stay below the first bank edge that is not
 * PMD-aligned, because map_lowmem can only map whole PMDs before the
 * allocator can give it page tables. Run before and after arm_memblock_init.
 */
__noinline void adjust_lowmem_bounds(void)
{
	phys_addr_t start, end, memblock_limit = 0;
	phys_addr_t lowmem_limit = 0;
	u64 vmalloc_limit, i;

	/*
	 * Physical address where lowmem must stop, computed in 64 bits: with a
	 * 32-bit phys_addr_t it may lie beyond 4 GiB.
	 */
	vmalloc_limit = (u64)VMALLOC_END - vmalloc_size - VMALLOC_OFFSET -
			PAGE_OFFSET + PHYS_OFFSET;

	/* A first bank that starts off a PMD boundary cannot be section-mapped: leave its head out. */
	for_each_mem_range(i, &start, &end) {
		if (!IS_ALIGNED(start, PMD_SIZE))
			memblock_mark_nomap(start, ALIGN(start, (phys_addr_t)PMD_SIZE) - start);
		break;
	}

	for_each_mem_range(i, &start, &end) {
		if (start >= vmalloc_limit)
			continue;
		if (end > lowmem_limit)
			lowmem_limit = (phys_addr_t)(vmalloc_limit < end ? vmalloc_limit : end);
		if (!memblock_limit) {
			if (!IS_ALIGNED(start, PMD_SIZE))
				memblock_limit = start;
			else if (!IS_ALIGNED(end, PMD_SIZE))
				memblock_limit = lowmem_limit;
		}
	}

	/* setup_arch has checked that the kernel image is in memory, and it is lowmem; so is there any? */
	if (!lowmem_limit)
		panic("adjust_lowmem_bounds: no RAM below %#llx, where lowmem must end",
		      (unsigned long long)vmalloc_limit);
	arm_lowmem_limit = lowmem_limit;
	high_memory = (char *)__va(arm_lowmem_limit - 1) + 1;

	if (!memblock_limit)
		memblock_limit = arm_lowmem_limit;
	/* Allocate only from the last whole PMD, which map_lowmem maps first. */
	memblock_limit &= ~(phys_addr_t)(PMD_SIZE - 1);

	/* Linux also drops highmem on VIPT-aliasing caches; the Cortex-A15's are PIPT. */
	if (!IS_ENABLED(CONFIG_HIGHMEM) && memblock_end_of_DRAM() > arm_lowmem_limit) {
		phys_addr_t dram_end = memblock_end_of_DRAM();

		pr_notice("Ignoring RAM at %pa-%pa\n", &memblock_limit, &dram_end);
		pr_notice("Consider using a HIGHMEM enabled kernel.\n");
		memblock_remove(memblock_limit, dram_end - memblock_limit);
	}

	memblock_set_current_limit(memblock_limit);
}
