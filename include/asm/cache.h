/*
 * The L1 cache line. Follows Linux's arch/arm/include/asm/cache.h (v6.x),
 * where CONFIG_ARM_L1_CACHE_SHIFT is 6 for ARMv7 (the Cortex-A15's lines
 * are 64 bytes).
 */
#ifndef _ASM_CACHE_H
#define _ASM_CACHE_H

#include <linux/const.h>

#define L1_CACHE_SHIFT		6
#define L1_CACHE_BYTES		(UL(1) << L1_CACHE_SHIFT)

#endif
