/*
 * How big the per-CPU page lists are: the batch moved at once between a
 * CPU's lists and the buddy allocator, and the high mark at which a free
 * gives a batch back. Follows Linux's mm/page_alloc.c (v6.1) with the
 * default percpu_pagelist_high_fraction (0), and mm/vmstat.c for the
 * counters' threshold. Pure arithmetic on a zone's figures: the host tests
 * (test/host/test_pcp_sizes.c) check it alone.
 */
#include <linux/kernel.h>
#include <linux/smp.h>
#include "pcp.h"

/* Linux's fls: the 1-based position of the highest set bit, 0 for 0. */
static int fls_ul(unsigned long x)
{
	return x ? (int)(sizeof(x) * 8) - __builtin_clzl(x) : 0;
}

/*
 * Follows Linux's zone_batchsize (v6.1): a quarter of 0.1% of the zone,
 * at most of 1 MiB (4.14 capped it at 512 KiB), at least one page, then
 * times 1.5 rounded down to a power of two, minus one (2^n - 1 so that
 * batches do not keep hitting the same cache colours).
 */
int zone_batchsize(const struct zone *zone)
{
	unsigned long batch = min(zone->managed_pages >> 10, (unsigned long)(SZ_1M / PAGE_SIZE));

	batch /= 4;
	if (batch < 1)
		batch = 1;
	batch += batch / 2;
	return (1 << (fls_ul(batch) - 1)) - 1;
}

/*
 * Follows Linux's zone_highsize (v6.1, percpu_pagelist_high_fraction 0):
 * the zone's low watermark shared among the CPUs of its node (the online
 * ones, plus one when a CPU is coming online and not yet counted), so that
 * pages parked on full lists never push the zone under the mark that
 * would wake reclaim; at least four batches.
 */
int zone_highsize(const struct zone *zone, int batch, int cpu_online)
{
	int nr_split_cpus = (int)num_online_cpus() + cpu_online;
	unsigned long high = zone->watermark[WMARK_LOW] / (unsigned long)nr_split_cpus;

	return max((int)high, batch << 2);
}

/*
 * Follows Linux's calculate_normal_threshold (mm/vmstat.c, v6.1): twice
 * fls(online CPUs) times (1 + fls(the zone's managed memory in 128 MiB
 * units)), at most 125.
 */
int calculate_normal_threshold(const struct zone *zone)
{
	unsigned long mem = zone->managed_pages >> (27 - PAGE_SHIFT);
	int threshold = 2 * fls_ul(num_online_cpus()) * (1 + fls_ul(mem));

	return min(125, threshold);
}
