/*
 * The per-CPU page lists inside mm/: their sizes (mm/pcp_sizes.c, pure
 * arithmetic on a zone's figures) and the allocator's hooks into them
 * (mm/page_pcp.c).
 */
#ifndef _MM_PCP_H
#define _MM_PCP_H

#include <linux/mmzone.h>

/* Pages a refill takes from the buddy lists, or a drain gives back, at once. */
int zone_batchsize(const struct zone *zone);
/* Pages the lists of one CPU may hold before a free gives a batch back. */
int zone_highsize(const struct zone *zone, int batch, int cpu_online);
/* What Linux lets one CPU's zone counters drift before they are folded (vm stats threshold). */
int calculate_normal_threshold(const struct zone *zone);

#endif
