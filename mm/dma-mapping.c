/*
 * CMA areas in lowmem are remapped with pages, so that the kernel can
 * later change the attributes of parts of them (Linux uses them for
 * DMA-coherent buffers). Follows Linux's dma_contiguous_early_fixup and
 * dma_contiguous_remap (arch/arm/mm/dma-mapping.c, v6.x).
 */
#include <linux/kernel.h>
#include <linux/cma.h>
#include <linux/dma-map-ops.h>
#include <asm/lowmem.h>
#include <asm/mmu.h>
#include <asm/pgtable.h>
#include <asm/static_vm.h>
#include <asm/tlbflush.h>

_Static_assert(CMA_MIN_ALIGNMENT_BYTES >= PMD_SIZE, "a CMA area covers whole PMDs");

static struct {
	phys_addr_t base;
	unsigned long size;
} dma_mmu_remap[MAX_CMA_AREAS];
static int dma_mmu_remap_num;

/* Follows Linux's dma_contiguous_early_fixup (v6.x): remember a CMA area for paging_init. */
void dma_contiguous_early_fixup(phys_addr_t base, unsigned long size)
{
	if (WARN_ON(dma_mmu_remap_num >= MAX_CMA_AREAS))
		return;
	dma_mmu_remap[dma_mmu_remap_num].base = base;
	dma_mmu_remap[dma_mmu_remap_num].size = size;
	dma_mmu_remap_num++;
}

/*
 * Follows Linux's dma_contiguous_remap (v6.x). map_lowmem mapped the
 * areas with sections; an entry may not change size while it can be in
 * the TLB, so the PMDs are cleared and the TLB invalidated before the
 * pages go in (break-before-make, ARM ARM B3.10.1). CMA areas are whole
 * pageblocks, so the cleared PMDs hold nothing else. A large block
 * (CONFIG_LARGE_MAPPINGS) reaching past either end is split into
 * sections first, so that none is left half cleared.
 */
void dma_contiguous_remap(void)
{
	for (int i = 0; i < dma_mmu_remap_num; i++) {
		phys_addr_t start = dma_mmu_remap[i].base;
		phys_addr_t end = start + dma_mmu_remap[i].size;
		struct map_desc map;

		if (end > arm_lowmem_limit)
			end = arm_lowmem_limit;
		if (start >= end)
			continue;
		map.pfn = (unsigned long)(start >> PAGE_SHIFT);
		map.virtual = __phys_to_virt(start);
		map.length = (unsigned long)(end - start);
		map.type = MT_MEMORY_DMA_READY;

		split_large_block(map.virtual);
		split_large_block(__phys_to_virt(end) - 1);
		for (unsigned long addr = map.virtual; addr < __phys_to_virt(end); addr += PMD_SIZE)
			pmd_clear(pmd_off_k(addr));
		local_flush_tlb_all();
		iotable_init(&map, 1);
	}
}
