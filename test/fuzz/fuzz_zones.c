/*
 * libFuzzer harness: arbitrary RAM bank lists, NOMAP holes and vmalloc=
 * values through arm_add_memory, parse_early_param, adjust_lowmem_bounds
 * and the zone sizing (calculate_zone_sizes), checking that
 *  - the vmalloc area and the lowmem bounds are exactly the model's
 *    (test/model/lowmem_model.h, through fuzz_checks.h), built for each
 *    split (PAGE_OFFSET) at both phys_addr_t widths; the only panic an
 *    input may cause is adjust_lowmem_bounds' when the model finds no
 *    mappable RAM below the vmalloc limit (memblock's arrays cannot fill
 *    up: at most 8 banks, each added twice and split by a NOMAP half);
 *  - the zones tile the node: ZONE_NORMAL from its first page, ZONE_HIGHMEM
 *    right after it to its last, nothing outside;
 *  - no zone crosses the lowmem boundary: ZONE_NORMAL ends at or below it,
 *    ZONE_HIGHMEM starts at or above it;
 *  - the trim of highmem lowmem cannot hold a mem_map for
 *    (trim_highmem_to_memmap) keeps lowmem, cuts on a block, and keeps
 *    exactly as many blocks as fit in the largest free run of lowmem;
 *  - present pages add up to exactly the memory memblock holds (NOMAP
 *    included, as Linux counts them), and none exceeds its zone's span.
 *
 * Input: 1 byte of bank count (low 3 bits + 1), 2 bytes (little-endian)
 * of vmalloc= in MiB (0: none), then per bank 13 bytes: the start address
 * (8 bytes, any byte), the size in bytes (4 bytes, times 4 KiB when flag
 * bit 2 is set) and flags (bit 0: the bank's first half is NOMAP; bit 1:
 * it is added again, overlapping, half-way in).
 */
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "khost_env.h"
#include "fuzz_checks.h"

#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <asm/lowmem.h>
#include <asm/memmap_limit.h>
#include <linux/cache.h>
#include <asm/memory.h>
#include <asm/setup.h>

#define BANK_BYTES	13

/*
 * What mm/page_alloc.c links against besides the sizing: the section
 * symbols of mem_init_print_info (four renamed as for host.page_alloc,
 * where the host linker has its own), the per-CPU template's bounds
 * (mm/percpu.c, never set up here), the highmem helpers, and what
 * mm/memmap_limit.c's move of the DTB needs (no DTB here).
 */
char _stext[1], _etext[1], __start_rodata[1], __end_rodata[1], __init_begin[1], __init_end[1];
char _sdata[1], _edata[1], __bss_start[1], __bss_stop[1];
char __per_cpu_start[1], __per_cpu_end[1];

/* setup_arch's DTB address (none here: the harness has no DTB, so trim_highmem_to_memmap moves none). */
u32 __atags_pointer;

void remap_fdt_window(phys_addr_t fdt_phys)
{
	(void)fdt_phys;
	abort();	/* never reached without a DTB */
}

void *page_address(const struct page *page)
{
	(void)page;
	return NULL;
}

void *kmap_local_page(struct page *page)
{
	(void)page;
	return NULL;
}

void kunmap_local(void *addr)
{
	(void)addr;
}

static u32 le32(const uint8_t *p)
{
	return (u32)p[0] | (u32)p[1] << 8 | (u32)p[2] << 16 | (u32)p[3] << 24;
}

static void bank_at(const uint8_t *b, u64 *base, u64 *bytes)
{
	*base = le32(b) | (u64)le32(b + 4) << 32;
	*bytes = b[12] & 4 ? (u64)le32(b + 8) << PAGE_SHIFT : le32(b + 8);
}

/* Pages of memory memblock holds, rounded inwards per region: what the zones must account for. */
static unsigned long memory_pages(void)
{
	unsigned long pages = 0;

	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];
		unsigned long lo = PFN_UP(r->base), hi = PFN_DOWN(r->base + r->size);

		if (lo < hi)
			pages += hi - lo;
	}
	return pages;
}

/* Bytes of memory memblock holds in [start, end), NOMAP included or not. */
static u64 memory_bytes_in(u64 start, u64 end, bool nomap_too)
{
	u64 bytes = 0;

	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];
		u64 lo = max((u64)r->base, start), hi = min((u64)r->base + r->size, end);

		if (lo < hi && (nomap_too || !memblock_is_nomap(r)))
			bytes += hi - lo;
	}
	return bytes;
}

/* The largest run of mapped memory below memblock's limit, found here (nothing is reserved in this harness). */
static u64 largest_mapped_below_limit(void)
{
	u64 largest = 0, run_start = 0, run_end = 0;

	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];
		u64 lo = r->base, hi = min((u64)r->base + r->size, (u64)memblock.current_limit);

		if (memblock_is_nomap(r) || lo >= hi)
			continue;
		if (lo != run_end)
			run_start = lo;
		run_end = hi;
		largest = max(largest, run_end - run_start);
	}
	return largest;
}

/*
 * trim_highmem_to_memmap (mm/memmap_limit.c): lowmem is untouched, and
 * only a top of RAM goes; the mem_map of what is kept plus what is kept
 * free fits in the largest free run of lowmem (less a cache line), unless
 * only lowmem (to its last page, whole) is left; and describing even the first frame that went
 * would take one more block that does not fit.
 */
static void trim_checked(void)
{
	u64 low_before = memory_bytes_in(0, arm_lowmem_limit, true);
	u64 end_before = memblock_end_of_DRAM(), start = memblock_start_of_DRAM();
	u64 avail_bytes = largest_mapped_below_limit(), kept_end, keep, room, first_gone;
	unsigned long spfn = PFN_DOWN(start);
	/* Lowmem's last page, whole, even when lowmem ends inside it. */
	u64 floor = PFN_PHYS((u64)PFN_UP(arm_lowmem_limit));

	static struct memblock_region before[INIT_MEMBLOCK_REGIONS];
	unsigned long nbefore = memblock.memory.cnt;

	for (unsigned long i = 0; i < nbefore && i < INIT_MEMBLOCK_REGIONS; i++)
		before[i] = memblock.memory.regions[i];
	/* 1/16 of the lowmem the linear map covers: NOMAP is not. */
	keep = memmap_lowmem_keep(memory_bytes_in(0, arm_lowmem_limit, false), spfn, PFN_DOWN(end_before));
	room = avail_bytes > keep + SMP_CACHE_BYTES ? avail_bytes - keep - SMP_CACHE_BYTES : 0;
	fuzz_step = "trim_highmem_to_memmap";
	trim_highmem_to_memmap();
	kept_end = memblock_end_of_DRAM();
	CHECK(memory_bytes_in(0, arm_lowmem_limit, true) == low_before, "lowmem is never trimmed");
	CHECK(kept_end <= end_before, "nothing added");
	if (kept_end == end_before) {
		CHECK(memmap_bytes(spfn, PFN_DOWN(end_before)) <= room || end_before <= floor + PAGE_SIZE - 1,
		      "RAM above lowmem whose mem_map does not fit is trimmed");
		return;
	}
	CHECK(kept_end >= arm_lowmem_limit, "the cut is not inside lowmem");
	if (kept_end > floor)
		CHECK(memmap_bytes(spfn, PFN_DOWN(kept_end)) <= room, "the kept RAM's mem_map fits");
	/* The lowest address that was memory and is no more. */
	first_gone = end_before;
	for (unsigned long i = 0; i < nbefore && i < INIT_MEMBLOCK_REGIONS; i++)
		if ((u64)before[i].base + before[i].size > kept_end)
			first_gone = min(first_gone, max((u64)before[i].base, kept_end));
	CHECK(memory_bytes_in(first_gone, end_before, true) == 0, "nothing kept above the first address that went");
	CHECK(memmap_bytes(spfn, PFN_DOWN(first_gone) + 1) > room || kept_end <= floor, "not one more block fits");
}

static void check_zones(void)
{
	const pg_data_t *pgdat = &contig_page_data;
	const struct zone *normal = &pgdat->node_zones[ZONE_NORMAL];
	const struct zone *high = &pgdat->node_zones[ZONE_HIGHMEM];
	unsigned long node_end = pgdat->node_start_pfn + pgdat->node_spanned_pages;
	unsigned long lowmem_end = PFN_DOWN(arm_lowmem_limit);

	fuzz_step = "calculate_zone_sizes";
	CHECK(normal->zone_start_pfn == pgdat->node_start_pfn, "ZONE_NORMAL starts the node");
	CHECK(zone_end_pfn(normal) == high->zone_start_pfn, "ZONE_HIGHMEM follows ZONE_NORMAL");
	CHECK(zone_end_pfn(high) == node_end, "ZONE_HIGHMEM ends the node");
	CHECK(normal->spanned_pages + high->spanned_pages == pgdat->node_spanned_pages,
	      "the zones span the node");
	CHECK(zone_end_pfn(normal) <= lowmem_end || !normal->spanned_pages, "ZONE_NORMAL is lowmem");
	CHECK(high->zone_start_pfn >= lowmem_end || !high->spanned_pages, "ZONE_HIGHMEM is above lowmem");
	CHECK(normal->present_pages <= normal->spanned_pages, "ZONE_NORMAL present within its span");
	CHECK(high->present_pages <= high->spanned_pages, "ZONE_HIGHMEM present within its span");
	CHECK(normal->present_pages + high->present_pages == pgdat->node_present_pages,
	      "the zones' present pages are the node's");
	CHECK(pgdat->node_present_pages == memory_pages(), "present pages are exactly the memory");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned int nbanks;
	unsigned long max_zone_pfn[MAX_NR_ZONES] = { 0 };
	char cmdline[32];
	u32 vmalloc_mib;

	khost_reset();
	if (size < 3)
		return 0;
	nbanks = (data[0] & 7) + 1;
	vmalloc_mib = (u32)data[1] | (u32)data[2] << 8;
	data += 3;
	size -= 3;
	if (size < nbanks * BANK_BYTES)
		return 0;

	fuzz_step = "the start";
	fuzz_expected_panic[0] = '\0';
	khost_panic_armed = 1;
	if (setjmp(khost_panic_jmp)) {
		check_panic();	/* one the input explains is a clean end */
		goto out;
	}

	for (unsigned int i = 0; i < nbanks; i++) {
		const uint8_t *b = data + i * BANK_BYTES;
		u64 base, bytes;

		bank_at(b, &base, &bytes);
		fuzz_step = "arm_add_memory";
		arm_add_memory(base, bytes);
		if (b[12] & 2)
			arm_add_memory(base + bytes / 2, bytes);
		check_all("arm_add_memory");
	}
	if (vmalloc_mib) {
		snprintf(cmdline, sizeof(cmdline), "vmalloc=%uM", (unsigned int)vmalloc_mib);
		khost_set_cmdline(cmdline);
		fuzz_step = "parse_early_param";
		parse_early_param();
	}
	fuzz_step = "vmalloc=";
	CHECK(vmalloc_size == model_vmalloc_size(vmalloc_mib != 0, (u64)vmalloc_mib << 20, CONFIG_PAGE_OFFSET),
	      "the vmalloc area's size as the model's");
	if (!memblock.memory.cnt)
		goto out;
	for (unsigned int i = 0; i < nbanks; i++) {
		const uint8_t *b = data + i * BANK_BYTES;
		u64 base, bytes;

		bank_at(b, &base, &bytes);
		/* As a no-map reserved-memory node would, within what the bank kept. */
		if ((b[12] & 1) && base < PHYS_ADDR_MAX)
			memblock_mark_nomap((phys_addr_t)base, (phys_addr_t)min(bytes / 2, (u64)(PHYS_ADDR_MAX - base)));
		check_all("memblock_mark_nomap");
	}

	adjust_lowmem_bounds_checked("adjust_lowmem_bounds");

	/* paging_init, once lowmem is mapped; then bootmem_init: the trim, find_limits and zone_sizes_init (mm/init.c). */
	memblock_set_current_limit(arm_lowmem_limit);
	trim_checked();
	max_zone_pfn[ZONE_NORMAL] = PFN_DOWN(memblock.current_limit);
	max_zone_pfn[ZONE_HIGHMEM] = PFN_DOWN(memblock_end_of_DRAM());
	if (calculate_zone_sizes(max_zone_pfn))
		check_zones();
out:
	khost_panic_armed = 0;
	return 0;
}
