/*
 * The zonelist: the zones an allocation may try, in the order it tries
 * them, and the decision whether grouping pages by mobility is worth it.
 * Follows Linux's mm/page_alloc.c (v6.1) for one node.
 */
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/setup.h>
#include "pcp.h"

/*
 * Not in Linux, which has no way to turn grouping off but too little
 * memory: "page_alloc.grouping=off" turns it off whatever the memory, so
 * the anti-fragmentation benchmark can compare the two (bench/).
 */
static bool grouping_forced_off;

static int __init early_page_alloc_grouping(char *val)
{
	if (!strcmp(val, "off"))
		grouping_forced_off = true;
	else if (!strcmp(val, "on"))
		grouping_forced_off = false;
	else
		return -1;
	return 0;
}
early_param("page_alloc.grouping", early_page_alloc_grouping);

/* Follows Linux's build_zonerefs_node (v6.1): the populated zones, highest first. */
static int build_zonerefs_node(pg_data_t *pgdat, struct zoneref *zonerefs)
{
	int nr_zones = 0;

	for (int zone_type = MAX_NR_ZONES - 1; zone_type >= 0; zone_type--) {
		struct zone *zone = &pgdat->node_zones[zone_type];

		if (populated_zone(zone)) {
			zonerefs[nr_zones].zone = zone;
			zonerefs[nr_zones].zone_idx = zone_type;
			nr_zones++;
		}
	}
	return nr_zones;
}

/* Follows Linux's build_zonelists (v6.1, !NUMA): the node's list, ended by a NULL zone. */
static void build_zonelists(pg_data_t *pgdat)
{
	struct zoneref *zonerefs = pgdat->node_zonelists[0]._zonerefs;
	int nr_zones = build_zonerefs_node(pgdat, zonerefs);

	zonerefs[nr_zones].zone = NULL;
	zonerefs[nr_zones].zone_idx = 0;
}

/*
 * Follows Linux's nr_free_zone_pages (v6.1): the pages above the high
 * watermark of each zone a request up to zone offset may use. Before
 * mem_init that is the zones' managed estimate (free_area_init_core's),
 * the watermarks being 0 still.
 */
unsigned long nr_free_zone_pages(int offset)
{
	struct zonelist *zonelist = node_zonelist(0);
	unsigned long sum = 0;
	struct zoneref *z;
	struct zone *zone;

	for_each_zone_zonelist(zone, z, zonelist, offset) {
		unsigned long size = zone->managed_pages;
		unsigned long high = zone->watermark[WMARK_HIGH];

		if (size > high)
			sum += size - high;
	}
	return sum;
}

/*
 * Follows Linux's build_all_zonelists (v6.1) at boot: the zonelist, the
 * boot pageset's lists (build_all_zonelists_init), then
 * grouping by mobility off when there are fewer pages than
 * pageblock_nr_pages for each migrate type, with Linux's line. MIGRATE_TYPES
 * is 6 here as in Debian's kernels (CMA and MEMORY_ISOLATION on).
 */
void build_all_zonelists(void)
{
	unsigned long vm_total_pages;

	build_zonelists(&contig_page_data);
	boot_pageset_init();
	vm_total_pages = nr_free_zone_pages(gfp_zone(GFP_HIGHUSER_MOVABLE));
	page_group_by_mobility_disabled = vm_total_pages < pageblock_nr_pages * MIGRATE_TYPES ||
					  grouping_forced_off;
	pr_info("Built %u zonelists, mobility grouping %s.  Total pages: %lu\n", 1,
		page_group_by_mobility_disabled ? "off" : "on", vm_total_pages);
}
