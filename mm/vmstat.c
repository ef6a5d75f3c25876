/*
 * The allocator's state in the formats of Linux's /proc files, printed on
 * the console on command-line request. Follows Linux's mm/vmstat.c (v6.1).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sprintf.h>
#include <linux/vmstat.h>
#include "pcp.h"

/* The node counters (linux/vmstat.h), in pages. */
long vm_node_stat[NR_VM_NODE_STAT_ITEMS];

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

/*
 * Follows the first lines of Linux's zoneinfo_show_print (mm/vmstat.c,
 * v6.1), /proc/zoneinfo in short, and a populated zone's pagesets.
 */
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
		if (populated_zone(zone))
			show_zone_pagesets(zone);
	}
}


/* Follows Linux's pagetypeinfo_showfree_print (mm/vmstat.c, v6.1): free blocks per migrate type and order. */
static void pagetypeinfo_showfree_print(struct zone *zone)
{
	for (int mt = 0; mt < MIGRATE_TYPES; mt++) {
		char line[64 + 8 * MAX_ORDER];
		int n = scnprintf(line, sizeof(line), "Node %4d, zone %8s, type %12s ", 0, zone->name,
				  migratetype_names[mt]);

		for (int o = 0; o < MAX_ORDER; o++) {
			const struct list_head *head = &zone->free_area[o].free_list[mt];
			unsigned long count = 0;

			for (const struct list_head *l = head->next; l != head; l = l->next)
				count++;
			n += scnprintf(line + n, sizeof(line) - (size_t)n, "%6lu ", count);
		}
		pr_info("%s\n", line);
	}
}

/* Follows Linux's pagetypeinfo_showblockcount_print (mm/vmstat.c, v6.1): pageblocks per migrate type. */
static void pagetypeinfo_showblockcount_print(struct zone *zone)
{
	unsigned long count[MIGRATE_TYPES] = { 0 };
	char line[32 + 13 * MIGRATE_TYPES];
	int n;

	for (unsigned long pfn = zone->zone_start_pfn; pfn < zone_end_pfn(zone); pfn += pageblock_nr_pages) {
		struct page *page;
		int mt;

		if (!pfn_valid(pfn))
			continue;
		page = pfn_to_page(pfn);
		if (page_zone(page) != zone)
			continue;
		mt = get_pageblock_migratetype(page);
		if (mt < MIGRATE_TYPES)
			count[mt]++;
	}
	n = scnprintf(line, sizeof(line), "Node %d, zone %8s ", 0, zone->name);
	for (int mt = 0; mt < MIGRATE_TYPES; mt++)
		n += scnprintf(line + n, sizeof(line) - (size_t)n, "%12lu ", count[mt]);
	pr_info("%s\n", line);
}

/*
 * Follows Linux's pagetypeinfo_show (mm/vmstat.c, v6.1): /proc/pagetypeinfo,
 * populated zones only. Linux's mixed-block counts follow only with
 * page_owner enabled, which Debian's kernels do not boot with.
 */
void show_pagetypeinfo(void)
{
	char line[64 + 13 * (MAX_ORDER > MIGRATE_TYPES ? MAX_ORDER : MIGRATE_TYPES)];
	int n;

	pr_info("Page block order: %d\n", pageblock_order);
	pr_info("Pages per block:  %lu\n", pageblock_nr_pages);
	pr_info("\n");
	n = scnprintf(line, sizeof(line), "%-43s ", "Free pages count per migrate type at order");
	for (int o = 0; o < MAX_ORDER; o++)
		n += scnprintf(line + n, sizeof(line) - (size_t)n, "%6d ", o);
	pr_info("%s\n", line);
	for (int z = 0; z < MAX_NR_ZONES; z++)
		if (populated_zone(&contig_page_data.node_zones[z]))
			pagetypeinfo_showfree_print(&contig_page_data.node_zones[z]);
	pr_info("\n");
	n = scnprintf(line, sizeof(line), "%-23s", "Number of blocks type ");
	for (int mt = 0; mt < MIGRATE_TYPES; mt++)
		n += scnprintf(line + n, sizeof(line) - (size_t)n, "%12s ", migratetype_names[mt]);
	pr_info("%s\n", line);
	for (int z = 0; z < MAX_NR_ZONES; z++)
		if (populated_zone(&contig_page_data.node_zones[z]))
			pagetypeinfo_showblockcount_print(&contig_page_data.node_zones[z]);
}
