/* Page-allocator granules that early code already needs. Follows Linux's include/linux/mmzone.h and pageblock-flags.h (v6.1). */
#ifndef _LINUX_MMZONE_H
#define _LINUX_MMZONE_H

#include <asm/page.h>

/* Orders 0 .. MAX_ORDER - 1 (Linux 6.1's meaning of MAX_ORDER). */
#define MAX_ORDER		CONFIG_ARCH_FORCE_MAX_ORDER

/*
 * Pages per pageblock, the unit of migrate types and of CMA areas. With
 * LPAE, Debian's kernels have HUGETLB_PAGE and a pageblock is a 2 MiB PMD
 * block; in classic builds it is the largest buddy block.
 */
#ifdef CONFIG_ARM_LPAE
#define pageblock_order		9
#else
#define pageblock_order		(MAX_ORDER - 1)
#endif
#define pageblock_nr_pages	(1UL << pageblock_order)

#endif
