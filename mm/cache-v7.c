/*
 * ARMv7 cache maintenance by virtual address. Follows what Linux's
 * v7_coherent_kern_range (arch/arm/mm/cache-v7.S, v6.x) does, in C.
 */
#include <linux/kernel.h>
#include <asm/barrier.h>
#include <asm/cacheflush.h>
#include <asm/system.h>

/* CTR.DminLine (B4.1.42): log2 of the smallest data cache line, in words. */
static unsigned long dcache_line_size(void)
{
	return 4UL << ((read_cpuid_cachetype() >> 16) & 0xf);
}

/*
 * Code written through the data cache reaches instruction fetch in two
 * steps (ARM ARM B2.2.9): clean the lines to the point of unification,
 * then invalidate the instruction caches and branch predictors. The whole
 * I-cache is invalidated (ICIALLUIS), so this also holds for the other
 * virtual addresses of the same memory, whatever the I-cache's indexing.
 */
void flush_icache_range(unsigned long start, unsigned long end)
{
	unsigned long line = dcache_line_size();

	for (unsigned long a = start & ~(line - 1); a < end; a += line)
		__asm__ __volatile__("mcr p15, 0, %0, c7, c11, 1" : : "r"(a) : "memory");	/* DCCMVAU */
	dsb(ish);
	__asm__ __volatile__("mcr p15, 0, %0, c7, c1, 0" : : "r"(0) : "memory");	/* ICIALLUIS */
	__asm__ __volatile__("mcr p15, 0, %0, c7, c1, 6" : : "r"(0) : "memory");	/* BPIALLIS */
	dsb(ish);
	isb();
}

/*
 * Follows Linux's v7_dma_flush_range (arch/arm/mm/cache-v7.S, v6.x):
 * clean and invalidate [start, end) to the point of coherency (DCCIMVAC,
 * ARM ARM B4.2.1), so that no dirty line of a buffer a device will see
 * uncached is written back over it later.
 */
void dmac_flush_range(const void *start, const void *end)
{
	unsigned long line = dcache_line_size();

	for (unsigned long a = (unsigned long)start & ~(line - 1); a < (unsigned long)end; a += line)
		__asm__ __volatile__("mcr p15, 0, %0, c7, c14, 1" : : "r"(a) : "memory");	/* DCCIMVAC */
	dsb(sy);
}
