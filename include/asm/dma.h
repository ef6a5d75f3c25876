/*
 * Linux's MAX_DMA_ADDRESS (arch/arm/include/asm/dma.h, v6.1): the end of
 * the DMA zone as a virtual address. No vexpress machine limits its DMA
 * zone (arm_dma_zone_size 0), so it is the top of the address space; the
 * per-CPU areas ask memblock for memory above its physical address, which
 * lies past lowmem, so memblock falls back to any address.
 */
#ifndef _ASM_DMA_H
#define _ASM_DMA_H

#define MAX_DMA_ADDRESS		0xffffffffUL

#endif
