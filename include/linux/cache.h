/* Follows Linux's include/linux/cache.h (v6.x): the alignment that keeps data apart in the caches. */
#ifndef _LINUX_CACHE_H
#define _LINUX_CACHE_H

#include <asm/cache.h>

#define SMP_CACHE_BYTES		L1_CACHE_BYTES

#endif
