/*
 * Where lowmem (the linear map) ends, and how big the vmalloc area is.
 * Follows Linux's arch/arm/mm/mmu.c (v6.x); see mm/lowmem.c.
 */
#ifndef _ASM_LOWMEM_H
#define _ASM_LOWMEM_H

#include <linux/types.h>

/* Physical end of lowmem (exclusive), set by adjust_lowmem_bounds. */
extern phys_addr_t arm_lowmem_limit;
/* Virtual end of lowmem: __va(arm_lowmem_limit - 1) + 1. */
extern void *high_memory;
/* Size of the vmalloc area asked for (vmalloc=), 240 MiB by default. */
extern unsigned long vmalloc_size;

void adjust_lowmem_bounds(void);

#endif
