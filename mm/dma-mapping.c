/*
 * CMA areas in lowmem are remapped with pages, so that the kernel can
 * later change the attributes of parts of them for DMA-coherent buffers,
 * and the atomic pool is such a buffer (from highmem CMA or, without a
 * CMA area, from the page allocator, it is mapped in the vmalloc area
 * instead). Follows Linux's dma_contiguous_early_fixup,
 * dma_contiguous_remap and atomic_pool_init (arch/arm/mm/dma-mapping.c,
 * v6.x).
 */
#include <linux/bitmap.h>
#include <linux/kernel.h>
#include <linux/cma.h>
#include <linux/dma-map-ops.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/cacheflush.h>
#include <asm/dma-mapping.h>
#include <asm/mem_types.h>
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
		flush_tlb_all();
		iotable_init(&map, 1);
	}
}

/* ---- the atomic pool ------------------------------------------------------- */

/* Linux's DEFAULT_DMA_COHERENT_POOL_SIZE: memory for coherent allocations that cannot wait. */
#define ATOMIC_POOL_SIZE	SZ_256K
#define ATOMIC_POOL_PAGES	(ATOMIC_POOL_SIZE / PAGE_SIZE)
#define ATOMIC_POOL_ORDER	((unsigned int)__builtin_ctz(ATOMIC_POOL_PAGES))

static struct {
	void *vaddr;		/* NULL when there is no pool */
	struct page *page;
	unsigned long bitmap[BITS_TO_LONGS(ATOMIC_POOL_PAGES)];	/* a bit a page, set when allocated */
} atomic_pool;

/* Follows Linux's pgprot_dmacoherent (arch/arm/include/asm/pgtable.h, v6.1): normal memory, uncached, never executable. */
static pgprot_t pgprot_dmacoherent(pgprot_t prot)
{
	return __pgprot((pgprot_val(prot) & ~(pteval_t)L_PTE_MT_MASK) | L_PTE_MT_BUFFERABLE | L_PTE_XN);
}

/*
 * Follows Linux's __dma_clear_buffer (v6.1, for a buffer the CPU will not
 * see through a cached mapping): zeroed and flushed from the caches, a
 * page at a time through kmap for highmem, so that no dirty line is
 * written back over what the device puts there later.
 */
static void __dma_clear_buffer(struct page *page, size_t size)
{
	if (PageHighMem(page)) {
		for (size_t off = 0; off < size; off += PAGE_SIZE, page++) {
			void *ptr = kmap_local_page(page);

			memset(ptr, 0, PAGE_SIZE);
			dmac_flush_range(ptr, (char *)ptr + PAGE_SIZE);
			kunmap_local(ptr);
		}
	} else {
		void *ptr = page_address(page);

		memset(ptr, 0, size);
		dmac_flush_range(ptr, (char *)ptr + size);
	}
}

/*
 * Follows Linux's __dma_remap (v6.1): the linear-map PTEs of a lowmem
 * buffer take the new attributes. The buffer is in a CMA area, which
 * dma_contiguous_remap mapped with pages, so the PTEs exist.
 */
static void __dma_remap(struct page *page, size_t size, pgprot_t prot)
{
	unsigned long start = (unsigned long)page_address(page);

	for (unsigned long addr = start; addr < start + size; addr += PAGE_SIZE) {
		pte_t *ptep = pte_offset_kernel(pmd_off_k(addr), addr);

		set_pte_ext(ptep, pfn_pte(PFN_DOWN(__pa(addr)), prot), 0);
		flush_tlb_kernel_page(addr);
	}
}

/*
 * Follows Linux's __alloc_from_contiguous (v6.1) for the default area: a
 * lowmem buffer keeps its linear address with new attributes, a highmem
 * one gets a mapping in the vmalloc area.
 */
static void *__alloc_from_contiguous(size_t size, pgprot_t prot, struct page **ret_page, const void *caller)
{
	size_t count = size >> PAGE_SHIFT;
	struct page *page = dma_alloc_from_contiguous(NULL, count, ATOMIC_POOL_ORDER, false);
	void *ptr;

	if (!page)
		return NULL;
	__dma_clear_buffer(page, size);
	if (PageHighMem(page)) {
		ptr = dma_common_contiguous_remap(page, size, prot, caller);
		if (!ptr) {
			dma_release_from_contiguous(NULL, page, (int)count);
			return NULL;
		}
	} else {
		__dma_remap(page, size, prot);
		ptr = page_address(page);
	}
	*ret_page = page;
	return ptr;
}

/*
 * Follows Linux's __alloc_remap_buffer and __dma_alloc_buffer (v6.1):
 * pages from the page allocator (lowmem: GFP_DMA), cleared, mapped with
 * prot in the vmalloc area; their linear mapping stays as it is, as in
 * Linux. The pool is exactly 2^ATOMIC_POOL_ORDER pages, so Linux's
 * split_page and the freeing of the pages past size have nothing to do
 * (the pool's pages are never freed one by one).
 */
static void *__alloc_remap_buffer(size_t size, gfp_t gfp, pgprot_t prot, struct page **ret_page,
				  const void *caller)
{
	struct page *page = alloc_pages(gfp, ATOMIC_POOL_ORDER);
	void *ptr;

	if (!page)
		return NULL;
	__dma_clear_buffer(page, size);
	ptr = dma_common_contiguous_remap(page, size, prot, caller);
	if (!ptr) {
		__free_pages(page, ATOMIC_POOL_ORDER);
		return NULL;
	}
	*ret_page = page;
	return ptr;
}

/*
 * Follows Linux's atomic_pool_init (arch/arm/mm/dma-mapping.c, v6.1, a
 * postcore_initcall): 256 KiB of uncached memory (pgprot_dmacoherent of
 * PAGE_KERNEL), from the default CMA area when there is one, else from
 * the page allocator, with Linux's line either way.
 */
void atomic_pool_init(void)
{
	pgprot_t prot = pgprot_dmacoherent(PAGE_KERNEL);
	struct page *page = NULL;
	void *ptr;

	if (dev_get_cma_area(NULL))
		ptr = __alloc_from_contiguous(ATOMIC_POOL_SIZE, prot, &page, atomic_pool_init);
	else
		ptr = __alloc_remap_buffer(ATOMIC_POOL_SIZE, GFP_KERNEL | GFP_DMA, prot, &page, atomic_pool_init);
	if (!ptr) {
		pr_err("DMA: failed to allocate %u KiB pool for atomic coherent allocations\n",
		       (unsigned int)(ATOMIC_POOL_SIZE / 1024));
		return;
	}
	atomic_pool.vaddr = ptr;
	atomic_pool.page = page;
	pr_info("DMA: preallocated %u KiB pool for atomic coherent allocations\n",
		(unsigned int)(ATOMIC_POOL_SIZE / 1024));
}

/*
 * Follows Linux's __alloc_from_pool (v6.1) with gen_pool's first fit,
 * order-aligned: whole pages, a block aligned to its size rounded up to a
 * power of two. NULL when the pool has no room (or there is no pool).
 */
void *__alloc_from_pool(size_t size, struct page **ret_page)
{
	unsigned long nr = PAGE_ALIGN(size) >> PAGE_SHIFT, align = 1, no;

	if (!atomic_pool.vaddr || !nr || nr > ATOMIC_POOL_PAGES)
		return NULL;
	while (align < nr)
		align <<= 1;
	no = bitmap_find_next_zero_area_off(atomic_pool.bitmap, ATOMIC_POOL_PAGES, 0, (unsigned int)nr,
					    align - 1, 0);
	if (no >= ATOMIC_POOL_PAGES)
		return NULL;
	bitmap_set(atomic_pool.bitmap, no, nr);
	*ret_page = atomic_pool.page + no;
	return (char *)atomic_pool.vaddr + no * PAGE_SIZE;
}

/* Follows Linux's __free_from_pool (v6.1): false when start is not the pool's. */
bool __free_from_pool(void *start, size_t size)
{
	char *base = atomic_pool.vaddr;

	if (!base || (char *)start < base || (char *)start >= base + ATOMIC_POOL_SIZE)
		return false;
	bitmap_clear(atomic_pool.bitmap, (unsigned long)((char *)start - base) >> PAGE_SHIFT,
		     PAGE_ALIGN(size) >> PAGE_SHIFT);
	return true;
}

/* The pool's first byte and size, for tests (NULL, 0 when there is none). */
void *atomic_pool_range(size_t *size)
{
	*size = atomic_pool.vaddr ? ATOMIC_POOL_SIZE : 0;
	return atomic_pool.vaddr;
}

/* The pool's first page (its pages are contiguous), NULL when there is none. */
struct page *atomic_pool_first_page(void)
{
	return atomic_pool.vaddr ? atomic_pool.page : NULL;
}
