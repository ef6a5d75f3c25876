/* In-place sorting (lib/sort.c). */
#ifndef _LINUX_SORT_H
#define _LINUX_SORT_H

#include <stddef.h>

#ifdef HOST_TEST
# define sort klib_sort
#endif

/*
 * Follows Linux's sort (lib/sort.c, v6.x): a bottom-up heapsort, O(n log n),
 * no recursion, no allocation, and not stable. Equal elements come out in
 * the same order as with Linux's sort, which matters where Linux's output
 * depends on it (the order reserved-memory nodes are allocated in).
 */
void sort(void *base, size_t num, size_t size,
	  int (*cmp)(const void *a, const void *b));

#endif
