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
	char name[CMA_MAX_NAME];
};

extern struct cma cma_areas[MAX_CMA_AREAS];
extern unsigned int cma_area_count;

int cma_declare_contiguous_nid(phys_addr_t base, phys_addr_t size, phys_addr_t limit,
			       phys_addr_t alignment, bool fixed, const char *name,
			       struct cma **res_cma);
int cma_init_reserved_mem(phys_addr_t base, phys_addr_t size, const char *name,
			  struct cma **res_cma);
/* Total size of all CMA areas (Linux's totalcma_pages, in bytes). */
phys_addr_t cma_total_size(void);

#endif
