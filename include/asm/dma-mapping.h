/* The ARM DMA pools (mm/dma-mapping.c). Follows Linux's arch/arm/mm/dma-mapping.c (v6.1). */
#ifndef _ASM_DMA_MAPPING_H
#define _ASM_DMA_MAPPING_H

#include <linux/types.h>

struct page;

/* The atomic pool, after the CMA areas (Linux's postcore_initcall). */
void atomic_pool_init(void);
/* Uncached memory that needs no waiting: size bytes (whole pages) from the atomic pool, or NULL. */
void *__alloc_from_pool(size_t size, struct page **ret_page);
bool __free_from_pool(void *start, size_t size);
/* For tests: the pool's CPU address and size (NULL, 0 without a pool), and its first page. */
void *atomic_pool_range(size_t *size);
struct page *atomic_pool_first_page(void);

#endif
