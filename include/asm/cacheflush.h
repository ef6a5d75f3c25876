/* Cache maintenance the kernel needs so far. Follows Linux's arch/arm/include/asm/cacheflush.h (v6.x). */
#ifndef _ASM_CACHEFLUSH_H
#define _ASM_CACHEFLUSH_H

/*
 * Follows Linux's flush_icache_range: make instructions written to
 * [start, end) through the data cache visible to instruction fetches, at
 * any virtual address that maps them.
 */
void flush_icache_range(unsigned long start, unsigned long end);
/* Clean and invalidate the data cache lines of [start, end) to memory (Linux's dmac_flush_range). */
void dmac_flush_range(const void *start, const void *end);

#endif
