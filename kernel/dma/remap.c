/*
 * A DMA buffer's CPU mapping in the vmalloc area, for pages the linear
 * map does not cover (highmem) or must not be used for uncached access.
 * Follows Linux's kernel/dma/remap.c (v6.1).
 */
#include <linux/dma-map-ops.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>

/*
 * Follows Linux's dma_common_contiguous_remap (v6.1): the size bytes of
 * physically contiguous pages from page, mapped with prot at a new
 * VM_DMA_COHERENT area; NULL when there is no room. Linux kvmallocs the
 * page array and frees it once vmap has the PTEs; here it is a lowmem
 * block from the page allocator, freed the same way.
 */
void *dma_common_contiguous_remap(struct page *page, size_t size, pgprot_t prot, const void *caller)
{
	unsigned int count = (unsigned int)(PAGE_ALIGN(size) >> PAGE_SHIFT), order = 0;
	struct page **pages;
	void *vaddr;

	(void)caller;	/* Linux 6.1 passes it on to nobody either: vmap records its own caller */
	while ((PAGE_SIZE << order) < count * sizeof(*pages))
		order++;
	pages = (struct page **)__get_free_pages(GFP_KERNEL, order);
	if (!pages)
		return NULL;
	for (unsigned int i = 0; i < count; i++)
		pages[i] = page + i;
	vaddr = vmap(pages, count, VM_DMA_COHERENT, prot);
	free_pages((unsigned long)pages, order);
	return vaddr;
}
