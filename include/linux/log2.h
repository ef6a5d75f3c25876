/*
 * Powers of two. Follows Linux's include/linux/log2.h, bitops' fls and
 * asm-generic/getorder.h (v6.1).
 */
#ifndef _LINUX_LOG2_H
#define _LINUX_LOG2_H

#include <asm/page.h>

/* Linux's fls: the 1-based index of the highest set bit, 0 for 0. */
static inline unsigned int fls(unsigned int x)
{
	return x ? 32u - (unsigned int)__builtin_clz(x) : 0;
}

/* Linux's ilog2 for a non-zero value: the index of its highest set bit. */
static inline unsigned int ilog2(unsigned long x)
{
	return (unsigned int)(8 * sizeof(long) - 1) - (unsigned int)__builtin_clzl(x);
}

static inline bool is_power_of_2(unsigned long n)
{
	return n != 0 && (n & (n - 1)) == 0;
}

/* Linux's get_order: the smallest order of pages that holds size (> 0) bytes. */
static inline unsigned int get_order(unsigned long size)
{
	if (size <= PAGE_SIZE)
		return 0;
	return ilog2(size - 1) - PAGE_SHIFT + 1;
}

#endif
