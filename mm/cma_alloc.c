/*
 * CMA as an allocator: the reserved areas' pageblocks go to the buddy
 * allocator as MIGRATE_CMA (where movable allocations may use them), and
 * cma_alloc takes a range of an area back through alloc_contig_range,
 * moving what lives there. Follows Linux's mm/cma.c (v6.1):
 * cma_init_reserved_areas, cma_activate_area, cma_alloc, cma_release.
 * The areas are declared at boot (mm/cma.c); the bitmap arithmetic is in
 * mm/cma.h.
 */
#define pr_fmt(fmt) "cma: " fmt

#include <linux/bitmap.h>
#include <linux/cma.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include "cma.h"

/* The bitmap's size in bytes, whole pages from the allocator (Linux's bitmap_zalloc uses the slab). */
static unsigned int cma_bitmap_order(const struct cma *cma)
{
	unsigned long bytes = BITS_TO_LONGS(cma_bitmap_maxno(cma)) * sizeof(unsigned long);
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < bytes)
		order++;
	return order;
}

/*
 * Follows Linux's cma_activate_area (mm/cma.c, v6.1): the bitmap, a check
 * that the area lies in one zone, then each pageblock to the allocator as
 * MIGRATE_CMA (init_cma_reserved_pageblock). An area that cannot be
 * activated has its pages freed as ordinary memory and counts no more.
 */
static void cma_activate_area(struct cma *cma)
{
	unsigned long base_pfn = cma->base_pfn, pfn;
	struct zone *zone;

	cma->bitmap = (unsigned long *)__get_free_pages(GFP_KERNEL | __GFP_ZERO, cma_bitmap_order(cma));
	if (!cma->bitmap)
		goto out_error;

	zone = page_zone(pfn_to_page(base_pfn));
	for (pfn = base_pfn + 1; pfn < base_pfn + cma->count; pfn++)
		if (page_zone(pfn_to_page(pfn)) != zone)
			goto not_in_zone;

	for (pfn = base_pfn; pfn < base_pfn + cma->count; pfn += pageblock_nr_pages)
		init_cma_reserved_pageblock(pfn_to_page(pfn));
	return;

not_in_zone:
	free_pages((unsigned long)cma->bitmap, cma_bitmap_order(cma));
	cma->bitmap = NULL;
out_error:
	for (pfn = base_pfn; pfn < base_pfn + cma->count; pfn++)
		free_reserved_page(pfn_to_page(pfn));
	cma->count = 0;
	pr_err("CMA area %s could not be activated\n", cma->name);
}

/* Follows Linux's cma_init_reserved_areas (v6.1, a core_initcall): every declared area. */
void cma_init_reserved_areas(void)
{
	for (unsigned int i = 0; i < cma_area_count; i++)
		if (cma_areas[i].count)	/* 0: dropped, beyond the RAM mem_map describes (mm/memmap_limit.c) */
			cma_activate_area(&cma_areas[i]);
}

/* Follows Linux's cma_clear_bitmap (v6.1). */
static void cma_clear_bitmap(struct cma *cma, unsigned long pfn, unsigned long count)
{
	bitmap_clear(cma->bitmap, cma_bitmap_pfn_to_bit(cma, pfn), cma_bitmap_pages_to_bits(cma, count));
}

/* Pages of the area its bitmap shows free. */
unsigned long cma_free_in_bitmap(const struct cma *cma)
{
	unsigned long nbits = cma_bitmap_maxno(cma), start = 0, free = 0;

	if (!cma->bitmap)
		return 0;
	for (;;) {
		unsigned long zero = find_next_zero_bit(cma->bitmap, nbits, start), set;

		if (zero >= nbits)
			break;
		set = find_next_bit(cma->bitmap, nbits, zero);
		free += (set - zero) << cma->order_per_bit;
		start = set;
	}
	return free;
}

/* Follows Linux's cma_debug_show_areas (v6.1): the free runs of the bitmap, as count@bit, after a failure. */
static void cma_debug_show_areas(const struct cma *cma)
{
	unsigned long nbits = cma_bitmap_maxno(cma), start = 0, nr_total = 0;

	pr_info("number of available pages: ");
	for (;;) {
		unsigned long zero = find_next_zero_bit(cma->bitmap, nbits, start), set, nr_part;

		if (zero >= nbits)
			break;
		set = find_next_bit(cma->bitmap, nbits, zero);
		nr_part = (set - zero) << cma->order_per_bit;
		pr_cont("%s%lu@%lu", nr_total ? "+" : "", nr_part, zero);
		nr_total += nr_part;
		start = set;
	}
	pr_cont("=> %lu free of %lu total pages\n", nr_total, cma->count);
}

/*
 * Follows Linux's cma_alloc (mm/cma.c, v6.1): the first free, aligned
 * run of the bitmap is claimed, then alloc_contig_range takes its pages;
 * a busy range (-EBUSY: a page that cannot move) is given back and the
 * search goes on past the alignment step. Linux's message when nothing
 * could be had, unless no_warn.
 */
struct page *cma_alloc(struct cma *cma, unsigned long count, unsigned int align, bool no_warn)
{
	unsigned long mask, offset, pfn, start = 0;
	unsigned long bitmap_maxno, bitmap_no, bitmap_count;
	struct page *page = NULL;
	int ret = -ENOMEM;

	if (!cma || !cma->count || !cma->bitmap)
		return NULL;
	pr_debug("%s(cma %p, name: %s, count %lu, align %u)\n", __func__, (void *)cma, cma->name, count, align);
	if (!count)
		return NULL;

	mask = cma_bitmap_aligned_mask(cma, align);
	offset = cma_bitmap_aligned_offset(cma, align);
	bitmap_maxno = cma_bitmap_maxno(cma);
	bitmap_count = cma_bitmap_pages_to_bits(cma, count);
	if (bitmap_count > bitmap_maxno)
		return NULL;

	for (;;) {
		bitmap_no = bitmap_find_next_zero_area_off(cma->bitmap, bitmap_maxno, start,
							   (unsigned int)bitmap_count, mask, offset);
		if (bitmap_no >= bitmap_maxno)
			break;
		bitmap_set(cma->bitmap, bitmap_no, bitmap_count);
		pfn = cma->base_pfn + (bitmap_no << cma->order_per_bit);
		ret = alloc_contig_range(pfn, pfn + count, MIGRATE_CMA,
					 GFP_KERNEL | (no_warn ? __GFP_NOWARN : 0));
		if (ret == 0) {
			page = pfn_to_page(pfn);
			break;
		}
		cma_clear_bitmap(cma, pfn, count);
		if (ret != -EBUSY)
			break;
		pr_debug("%s(): memory range at pfn %#lx is busy, retrying\n", __func__, pfn);
		/* Try again a step further on. */
		start = bitmap_no + mask + 1;
	}

	if (ret && !no_warn) {
		pr_err("%s: %s: alloc failed, req-size: %lu pages, ret: %d\n", __func__, cma->name, count, ret);
		cma_debug_show_areas(cma);
	}
	pr_debug("%s(): returned %p\n", __func__, (void *)page);
	return page;
}

/* Follows Linux's cma_pages_valid (v6.1): the pages start inside the area. */
static bool cma_pages_valid(const struct cma *cma, const struct page *pages, unsigned long count)
{
	unsigned long pfn;

	if (!cma || !pages || !cma->bitmap)
		return false;
	pfn = page_to_pfn(pages);
	if (pfn < cma->base_pfn || pfn >= cma->base_pfn + cma->count) {
		pr_debug("%s(page %p, count %lu)\n", __func__, (const void *)pages, count);
		return false;
	}
	return true;
}

/* Follows Linux's cma_release (v6.1): the pages back to the allocator and their bits cleared. */
bool cma_release(struct cma *cma, const struct page *pages, unsigned long count)
{
	unsigned long pfn;

	if (!cma_pages_valid(cma, pages, count))
		return false;
	pr_debug("%s(page %p, count %lu)\n", __func__, (const void *)pages, count);
	pfn = page_to_pfn(pages);
	if (WARN_ON(pfn + count > cma->base_pfn + cma->count))
		return false;
	free_contig_range(pfn, count);
	cma_clear_bitmap(cma, pfn, count);
	return true;
}
