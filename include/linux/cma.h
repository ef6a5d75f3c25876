/* Contiguous memory areas reserved at boot. Follows Linux's include/linux/cma.h and mm/cma.h (v6.x). */
#ifndef _LINUX_CMA_H
#define _LINUX_CMA_H

#include <linux/mmzone.h>
#include <linux/types.h>

/* Linux's CONFIG_CMA_AREAS: Debian's value. */
#define MAX_CMA_AREAS		7
#define CMA_MAX_NAME		64

/* CMA areas are whole pageblocks (Linux's CMA_MIN_ALIGNMENT_BYTES). */
#define CMA_MIN_ALIGNMENT_BYTES	((phys_addr_t)PAGE_SIZE * pageblock_nr_pages)

struct cma {
	phys_addr_t base;
	phys_addr_t size;
	unsigned long base_pfn;		/* base and size in pages (Linux's base_pfn, count) */
	unsigned long count;
	/* One bit per 2^order_per_bit pages, set when allocated; NULL until cma_init_reserved_areas. */
	unsigned long *bitmap;
	unsigned int order_per_bit;
	char name[CMA_MAX_NAME];
	/*
	 * Not in Linux: where the area could have gone when it was placed
	 * (no lower than place_min, on place_align), or fixed where it was
	 * asked to be; trim_highmem_to_memmap moves a placed one below the
	 * RAM it leaves out.
	 */
	bool fixed;
	phys_addr_t place_min;
	phys_addr_t place_align;
};

extern struct cma cma_areas[MAX_CMA_AREAS];
extern unsigned int cma_area_count;

int cma_declare_contiguous_nid(phys_addr_t base, phys_addr_t size, phys_addr_t limit,
			       phys_addr_t alignment, bool fixed, const char *name,
			       struct cma **res_cma);
int cma_init_reserved_mem(phys_addr_t base, phys_addr_t size, const char *name,
			  struct cma **res_cma);
/* The areas' pageblocks to the buddy allocator as MIGRATE_CMA (Linux's core_initcall). */
void cma_init_reserved_areas(void);
/*
 * count pages aligned to 2^align pages from the area, moving movable
 * pages out of the way; NULL (with Linux's message unless no_warn) when
 * no such range could be had.
 */
struct page *cma_alloc(struct cma *cma, unsigned long count, unsigned int align, bool no_warn);
/* Give back what cma_alloc returned; false when the pages are not the area's. */
bool cma_release(struct cma *cma, const struct page *pages, unsigned long count);
/* Pages of the area still free in its bitmap (Linux's debugfs "used" is the complement). */
unsigned long cma_free_in_bitmap(const struct cma *cma);

/* Total size of all CMA areas (Linux's totalcma_pages, in bytes). */
phys_addr_t cma_total_size(void);

#endif
