/*
 * Memory types and static mappings. Follows Linux's
 * arch/arm/include/asm/mach/map.h and io.h (v6.x); the numbering keeps
 * Linux's order but leaves out the types no Cortex-A15 system has (the
 * XScale cache-clean areas and the TCMs).
 */
#ifndef _ASM_MACH_MAP_H
#define _ASM_MACH_MAP_H

#include <linux/types.h>

enum mem_type_id {
	MT_DEVICE,			/* shared device: the default for I/O */
	MT_DEVICE_NONSHARED,
	MT_DEVICE_CACHED,
	MT_DEVICE_WC,			/* write-combining: normal uncached */
	MT_UNCACHED,			/* strongly ordered */
	MT_LOW_VECTORS,			/* the vector page at 0 */
	MT_HIGH_VECTORS,		/* the vector page at 0xffff0000 */
	MT_MEMORY_RWX,
	MT_MEMORY_RW,
	MT_MEMORY_RO,
	MT_MEMORY_RX,			/* not in Linux: kernel text, read-only and executable */
	MT_ROM,
	MT_MEMORY_RWX_NONCACHED,
	MT_MEMORY_RW_SO,
	MT_MEMORY_DMA_READY,
	MT_NR_TYPES
};

/* A static mapping a machine asks for (Linux's struct map_desc). */
struct map_desc {
	unsigned long virtual;
	unsigned long pfn;
	unsigned long length;
	enum mem_type_id type;
};

#endif
