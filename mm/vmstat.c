/*
 * The allocator's state in the formats of Linux's /proc files, printed on
 * the console on command-line request. Follows Linux's mm/vmstat.c (v6.1).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sprintf.h>

/* Follows Linux's frag_show_print (mm/vmstat.c, v6.x): /proc/buddyinfo's lines. */
void show_buddyinfo(void)
{
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		const struct zone *zone = &contig_page_data.node_zones[z];
		char line[32 + 8 * MAX_ORDER];
		int n;

		if (!populated_zone(zone))
			continue;
		n = scnprintf(line, sizeof(line), "Node %d, zone %8s ", 0, zone->name);
		for (int o = 0; o < MAX_ORDER; o++)
			n += scnprintf(line + n, sizeof(line) - (size_t)n, "%6lu ", zone->free_area[o].nr_free);
		pr_info("%s\n", line);
	}
}

/* Follows the first lines of Linux's zoneinfo_show_print (mm/vmstat.c, v6.1): /proc/zoneinfo, in short. */
void show_zoneinfo(void)
{
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		const struct zone *zone = &contig_page_data.node_zones[z];
		char prot[16 * MAX_NR_ZONES];
		int n = 0;

		for (int j = 0; j < MAX_NR_ZONES; j++)
			n += scnprintf(prot + n, sizeof(prot) - (size_t)n, "%s%lu", j ? ", " : "", zone->lowmem_reserve[j]);
		pr_info("Node %d, zone %8s\n", 0, zone->name);
		pr_info("  pages free     %lu\n", zone_page_state(zone, NR_FREE_PAGES));
		pr_info("        min      %lu\n", zone->watermark[WMARK_MIN]);
		pr_info("        low      %lu\n", zone->watermark[WMARK_LOW]);
		pr_info("        high     %lu\n", zone->watermark[WMARK_HIGH]);
		pr_info("        spanned  %lu\n", zone->spanned_pages);
		pr_info("        present  %lu\n", zone->present_pages);
		pr_info("        managed  %lu\n", zone->managed_pages);
		pr_info("        protection: (%s)\n", prot);
	}
}

