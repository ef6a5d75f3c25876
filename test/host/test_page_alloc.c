/*
 * Host tests of mm/page_alloc.c: zone sizing with a hole between two banks
 * and a lowmem limit inside the second one, Linux's summary lines, the
 * blocks memblock_free_all makes, and the buddy index arithmetic of split
 * and merge, on simulated RAM (khost_va.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include "khost_env.h"

#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/string.h>
#include "../../mm/internal.h"

#define BANK_A		0x80000000ull	/* 16 MiB */
#define BANK_B		0x82000000ull	/* 16 MiB, after a 16 MiB hole */
#define BANK_SIZE	0x01000000ull
#define LOWMEM_LIMIT	0x82800000ull	/* half of bank B is highmem */
#define RESERVED	0x00010000ull	/* "the kernel": the first 64 KiB of bank A */

/*
 * What the hand-over must leave, worked out here: 8192 pages of RAM; the
 * kernel's 16 reserved; mem_map, one struct page for each of the 12288
 * frames the node spans (48 MiB, the hole included: the span is already a
 * whole number of MAX_ORDER blocks), allocated at the top of lowmem, so
 * in bank B's lowmem half; free_unused_memmap gives back the part for the
 * 4096 frames of the hole (whole pageblocks; mem_map starts on a page, so
 * exactly 4096 x sizeof(struct page) bytes). Below mem_map, which starts
 * on a page, the two zones' usemaps (setup_usemap: a few bytes each) take
 * one more page. The rest is free: bank A but the kernel, bank B's lowmem
 * but what mem_map and the usemaps keep, and all 2048 pages of highmem.
 */
#define RAM_PAGES	8192ul
#define KERNEL_PAGES	16ul
#define MEMMAP_PAGES	(((12288 - 4096) * sizeof(struct page) + PAGE_SIZE - 1) / PAGE_SIZE)
#define USEMAP_PAGES	1ul
#define HIGHMEM_PAGES	2048ul
#define FREE_LOWMEM	(4096ul - KERNEL_PAGES + 2048ul - MEMMAP_PAGES - USEMAP_PAGES)

/*
 * The section symbols mem_init_print_info reads, as offsets into one
 * "image": 12 KiB of code, 2 KiB of rodata, 4 KiB of init (the per-CPU
 * template inside it, as the linker script puts it) and of data, 1 KiB of bss.
 */
static char kimage[0x8000] __attribute__((used));
/* The host linker defines _edata and __bss_start itself: CMake renames those four for these tests. */
__asm__(".globl _stext\n.set _stext, kimage\n"
	".globl _etext\n.set _etext, kimage + 0x3000\n"
	".globl __start_rodata\n.set __start_rodata, kimage + 0x3000\n"
	".globl __end_rodata\n.set __end_rodata, kimage + 0x3800\n"
	".globl __init_begin\n.set __init_begin, kimage + 0x4000\n"
	".globl __init_end\n.set __init_end, kimage + 0x5000\n"
	".globl __per_cpu_start\n.set __per_cpu_start, kimage + 0x4800\n"
	".globl __per_cpu_end\n.set __per_cpu_end, kimage + 0x4900\n"
	".globl khost_sdata\n.set khost_sdata, kimage + 0x5000\n"
	".globl khost_edata\n.set khost_edata, kimage + 0x6000\n"
	".globl khost_bss_start\n.set khost_bss_start, kimage + 0x6000\n"
	".globl khost_bss_stop\n.set khost_bss_stop, kimage + 0x6400\n");

void page_alloc_host_reset(void);

/* The linear map of the host builds: lowmem pages only, as the kernel's page_address without kmap. */
void *page_address(const struct page *page)
{
	return PageHighMem(page) ? NULL : __va(page_to_phys(page));
}

void *kmap_local_page(struct page *page)
{
	return khost_va(page_to_phys(page));
}

void kunmap_local(void *addr)
{
	(void)addr;
}

static void *sim_virt(phys_addr_t phys)
{
	return khost_va(phys);
}

/* Two banks, a reservation, the zones, mem_map and the hand-over, as boot does them. */
static int setup(void **state)
{
	unsigned long max_zone_pfn[MAX_NR_ZONES];

	(void)state;
	khost_reset();
	khost_sim_base = BANK_A;
	khost_sim_size = BANK_B + BANK_SIZE - BANK_A;
	khost_sim_ram = calloc(1, (size_t)khost_sim_size);
	assert_non_null(khost_sim_ram);
	memblock_virt = sim_virt;
	page_alloc_host_reset();
	memblock_add(BANK_A, BANK_SIZE);
	memblock_add(BANK_B, BANK_SIZE);
	memblock_reserve(BANK_A, RESERVED);
	memblock_set_current_limit(LOWMEM_LIMIT);
	max_zone_pfn[ZONE_NORMAL] = PFN_DOWN(LOWMEM_LIMIT);
	max_zone_pfn[ZONE_HIGHMEM] = PFN_DOWN(BANK_B + BANK_SIZE);
	min_low_pfn = PFN_DOWN(BANK_A);
	max_low_pfn = PFN_DOWN(LOWMEM_LIMIT);
	max_pfn = PFN_DOWN(BANK_B + BANK_SIZE);
	free_area_init(max_zone_pfn);
	build_all_zonelists();
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	memblock_virt = NULL;
	free(khost_sim_ram);
	khost_sim_ram = NULL;
	return 0;
}

/* free_highpages (mm/init.c, which the host build does not compile): in blocks, or as Linux, page by page. */
static void hand_over_highmem(bool page_by_page)
{
	phys_addr_t start, end;
	u64 i;

	for_each_free_mem_range(i, MEMBLOCK_NONE, &start, &end) {
		unsigned long lo = max(PFN_UP(start), max_low_pfn), hi = PFN_DOWN(end);

		if (!page_by_page)
			free_highmem_range(lo, hi);
		for (unsigned long pfn = lo; page_by_page && pfn < hi; pfn++)
			free_highmem_page(pfn_to_page(pfn));
	}
}

static void hand_over(void)
{
	memblock_free_all();
	hand_over_highmem(false);
	setup_per_zone_wmarks();
}

static struct zone *zone(enum zone_type z)
{
	return &contig_page_data.node_zones[z];
}

static void test_zone_sizes_with_a_hole(void **state)
{
	char line[160];

	(void)state;
	assert_true(khost_log_has("Zone ranges:\n"
				  "  Normal   [mem 0x0000000080000000-0x00000000827fffff]\n"
				  "  HighMem  [mem 0x0000000082800000-0x0000000082ffffff]\n"
				  "Movable zone start for each node\n"
				  "Early memory node ranges\n"
				  "  node   0: [mem 0x0000000080000000-0x0000000080ffffff]\n"
				  "  node   0: [mem 0x0000000082000000-0x0000000082ffffff]\n"
				  "Initmem setup node 0 [mem 0x0000000080000000-0x0000000082ffffff]\n"
				  "On node 0 totalpages: 8192\n"));
	/* Normal spans 40 MiB, 16 of them a hole; HighMem is the last 8 MiB. */
	assert_int_equal(zone(ZONE_NORMAL)->zone_start_pfn, 0x80000);
	assert_int_equal(zone(ZONE_NORMAL)->spanned_pages, 10240);
	assert_int_equal(zone(ZONE_NORMAL)->present_pages, 6144);
	assert_int_equal(zone(ZONE_HIGHMEM)->zone_start_pfn, 0x82800);
	assert_int_equal(zone(ZONE_HIGHMEM)->spanned_pages, 2048);
	assert_int_equal(zone(ZONE_HIGHMEM)->present_pages, 2048);
	/*
	 * 6.1's lines: the memmap a lowmem zone pays for its span, holes
	 * included; the first zone's reserve (none on ARM); the batch, from
	 * managed pages: Normal 6144 - memmap, >> 10 = 5, / 4 = 1, 1 + 0 =
	 * 1, 2^0 - 1 = 0; the same for HighMem's 2048.
	 */
	snprintf(line, sizeof(line), "  Normal zone: %lu pages used for memmap\n"
		 "  Normal zone: 0 pages reserved\n"
		 "  Normal zone: 6144 pages, LIFO batch:0\n",
		 (unsigned long)((10240 * sizeof(struct page) + PAGE_SIZE - 1) / PAGE_SIZE));
	assert_true(khost_log_has(line));
	assert_true(khost_log_has("  HighMem zone: 2048 pages, LIFO batch:0\n"));
	/* mem_map covers the node rounded out to MAX_ORDER blocks: the hole too. */
	assert_int_equal(mem_map_pfn_offset, 0x80000);
	assert_true(PageReserved(pfn_to_page(0x81800)));
	assert_int_equal(page_zonenum(pfn_to_page(0x82000)), ZONE_NORMAL);
	assert_int_equal(page_zonenum(pfn_to_page(0x82800)), ZONE_HIGHMEM);
}

/* After the hand-over: the free lists hold exactly the free memblock pages, in maximal aligned blocks. */
static void test_free_lists_after_hand_over(void **state)
{
	(void)state;
	hand_over();
	assert_int_equal(zone_page_state(zone(ZONE_NORMAL), NR_FREE_PAGES), FREE_LOWMEM);
	assert_int_equal(zone(ZONE_NORMAL)->managed_pages, FREE_LOWMEM);
	assert_int_equal(zone_page_state(zone(ZONE_HIGHMEM), NR_FREE_PAGES), HIGHMEM_PAGES);
	assert_int_equal(totalhigh_pages(), HIGHMEM_PAGES);
	assert_int_equal(totalram_pages(), FREE_LOWMEM + HIGHMEM_PAGES);
	assert_int_equal(nr_free_pages(), FREE_LOWMEM + HIGHMEM_PAGES);
	/* Bank A from the end of the reservation (pfn 0x80010): one block of each order 4..11. */
	for (unsigned int o = 4, pfn = 0x80010; o < MAX_ORDER; pfn += 1u << o, o++) {
		struct page *p = pfn_to_page(pfn);

		assert_true(PageBuddy(p));
		assert_int_equal(p->private, o);
	}
	assert_false(PageBuddy(pfn_to_page(0x80000)));
	assert_true(PageReserved(pfn_to_page(0x8000f)));
	/* Highmem, freed page by page, merged into blocks of the largest order. */
	assert_int_equal(zone(ZONE_HIGHMEM)->free_area[MAX_ORDER - 1].nr_free, 2048 >> (MAX_ORDER - 1));
	for (unsigned int o = 0; o < MAX_ORDER - 1; o++)
		assert_int_equal(zone(ZONE_HIGHMEM)->free_area[o].nr_free, 0);
}

/* Linux 6.1's Memory: line: present pages, what is free, the sections, and what is neither. */
/*
 * free_highmem_range frees highmem in blocks where Linux frees it page by
 * page: the free lists, the counts and every page's state must come out
 * exactly as Linux's way leaves them.
 */
static void test_highmem_blocks_as_page_by_page(void **state)
{
	struct free_area by_pages[MAX_ORDER];
	unsigned long free_pages, managed, high;

	memblock_free_all();
	hand_over_highmem(true);
	memcpy(by_pages, zone(ZONE_HIGHMEM)->free_area, sizeof(by_pages));
	free_pages = zone_page_state(zone(ZONE_HIGHMEM), NR_FREE_PAGES);
	managed = zone(ZONE_HIGHMEM)->managed_pages;
	high = totalhigh_pages();
	assert_true(high > 0);
	teardown(state);
	setup(state);
	memblock_free_all();
	hand_over_highmem(false);
	for (int o = 0; o < MAX_ORDER; o++)
		assert_int_equal(zone(ZONE_HIGHMEM)->free_area[o].nr_free, by_pages[o].nr_free);
	assert_int_equal(zone_page_state(zone(ZONE_HIGHMEM), NR_FREE_PAGES), free_pages);
	assert_int_equal(zone(ZONE_HIGHMEM)->managed_pages, managed);
	assert_int_equal(totalhigh_pages(), high);
}

static void test_memory_line(void **state)
{
	unsigned long free_k = (FREE_LOWMEM + HIGHMEM_PAGES) * 4;
	char line[256];

	(void)state;
	hand_over();
	khost_log_clear();
	mem_init_print_info();
	snprintf(line, sizeof(line), "Memory: %luK/%luK available (12K kernel code, 4K rwdata, 2K rodata, "
		 "4K init, 1K bss, %luK reserved, 0K cma-reserved, %luK highmem)\n",
		 free_k, RAM_PAGES * 4, (KERNEL_PAGES + MEMMAP_PAGES + USEMAP_PAGES) * 4, HIGHMEM_PAGES * 4);
	assert_string_equal(khost_log, line);
}

/*
 * Split and merge: an order-0 allocation from a zone whose smallest block
 * is order k returns that block's first page and leaves one block of each
 * order below k (the upper halves, pfn + 2^j); freeing it merges them all
 * back (buddy = pfn ^ 2^order).
 */
static void test_split_and_merge(void **state)
{
	struct zone *hz = zone(ZONE_HIGHMEM);
	struct page *page;
	unsigned long pfn;

	(void)state;
	hand_over();
	page = alloc_pages(GFP_HIGHUSER, 0);
	assert_non_null(page);
	pfn = page_to_pfn(page);
	assert_int_equal(page_zonenum(page), ZONE_HIGHMEM);
	assert_int_equal(pfn & ((1UL << (MAX_ORDER - 1)) - 1), 0);
	assert_int_equal(page_count(page), 1);
	for (unsigned int j = 0; j < MAX_ORDER - 1; j++) {
		struct page *half = pfn_to_page(pfn + (1UL << j));

		assert_int_equal(hz->free_area[j].nr_free, 1);
		assert_true(PageBuddy(half));
		assert_int_equal(half->private, j);
	}
	assert_int_equal(zone_page_state(hz, NR_FREE_PAGES), 2047);
	__free_pages(page, 0);
	assert_int_equal(zone_page_state(hz, NR_FREE_PAGES), 2048);
	assert_int_equal(hz->free_area[MAX_ORDER - 1].nr_free, 2048 >> (MAX_ORDER - 1));
	for (unsigned int j = 0; j < MAX_ORDER - 1; j++)
		assert_int_equal(hz->free_area[j].nr_free, 0);
}

/* A lowmem request never gets highmem; a highmem one falls back to lowmem when highmem is spent. */
static void test_zone_fallback(void **state)
{
	struct page *pages[4];

	(void)state;
	hand_over();
	for (int i = 0; i < 4; i++) {
		pages[i] = alloc_pages(GFP_KERNEL, 0);
		assert_non_null(pages[i]);
		assert_int_equal(page_zonenum(pages[i]), ZONE_NORMAL);
	}
	for (int i = 0; i < 4; i++)
		__free_pages(pages[i], 0);
	/* Take highmem down to its watermark, then one more highmem-capable page comes from Normal. */
	while ((pages[0] = alloc_pages(GFP_HIGHUSER | __GFP_NOWARN, 0)) && PageHighMem(pages[0]))
		;
	assert_non_null(pages[0]);
	assert_int_equal(page_zonenum(pages[0]), ZONE_NORMAL);
	assert_true(zone_page_state(zone(ZONE_HIGHMEM), NR_FREE_PAGES) <= zone(ZONE_HIGHMEM)->watermark[WMARK_LOW] + 1);
}

/*
 * free_unused_memmap: the struct pages of the 16 MiB hole between the banks
 * (whole pageblocks) fill the whole pages of mem_map from byte
 * 4096 x sizeof(struct page) to byte 8192 x sizeof(struct page); those
 * pages go back to memblock and on to the allocator, the pages around
 * them stay reserved.
 */
static void test_unused_memmap_given_back(void **state)
{
	phys_addr_t map = __pa(mem_map);
	phys_addr_t hole_first = map + 0x1000 * sizeof(struct page);
	phys_addr_t hole_end = map + 0x2000 * sizeof(struct page);
	phys_addr_t lo = (hole_first + PAGE_SIZE - 1) & ~(phys_addr_t)(PAGE_SIZE - 1);
	phys_addr_t hi = hole_end & ~(phys_addr_t)(PAGE_SIZE - 1);

	(void)state;
	assert_int_equal(mem_map_pfn_offset, 0x80000);
	assert_true(lo < hi);
	assert_true(memblock_is_region_reserved(lo, hi - lo));
	memblock_free_all();
	assert_false(memblock_is_region_reserved(lo, hi - lo));
	/* The pages holding bank A's and bank B's struct pages stay. */
	assert_true(memblock_is_region_reserved(lo - PAGE_SIZE, PAGE_SIZE));
	assert_true(memblock_is_region_reserved(hi, PAGE_SIZE));
	for (phys_addr_t pa = lo; pa < hi; pa += PAGE_SIZE)
		assert_false(PageReserved(pfn_to_page(PFN_DOWN(pa))));
	assert_true(PageReserved(pfn_to_page(PFN_DOWN(lo) - 1)));
	/*
	 * mem_map (12288 frames, a whole number of pages: 3 x sizeof(struct
	 * page) of them) sits at the top of lowmem; a third of it went back.
	 * Lowmem is bank A less the 16-page reservation plus half of bank B:
	 * 4096 - 16 + 2048, less the two thirds of mem_map that stay and the
	 * usemaps' page.
	 */
	assert_int_equal(map & (PAGE_SIZE - 1), 0);
	assert_int_equal(hi - lo, sizeof(struct page) * PAGE_SIZE);
	assert_int_equal(zone(ZONE_NORMAL)->managed_pages, 4096 - 16 + 2048 - 2 * sizeof(struct page) - USEMAP_PAGES);
	assert_int_equal(zone_page_state(zone(ZONE_NORMAL), NR_FREE_PAGES), zone(ZONE_NORMAL)->managed_pages);
}

/*
 * lowmem_reserve: Normal keeps back 1/32 of what HighMem manages (2048
 * pages: 64) from highmem-capable requests; a Normal zone that manages
 * nothing keeps nothing back (6.1's rule).
 */
static void test_lowmem_reserve(void **state)
{
	(void)state;
	hand_over();
	assert_int_equal(zone(ZONE_HIGHMEM)->managed_pages, 2048);
	khost_log_clear();
	show_zoneinfo();
	assert_true(khost_log_has("Node 0, zone   Normal\n"));
	assert_true(khost_log_has("        protection: (0, 64)\n"));
	zone(ZONE_NORMAL)->managed_pages = 0;
	setup_per_zone_wmarks();
	khost_log_clear();
	show_zoneinfo();
	assert_false(khost_log_has("        protection: (0, 64)\n"));
	assert_true(khost_log_has("        protection: (0, 0)\n"));
}

static void test_bad_frees(void **state)
{
	struct page *page;
	unsigned long before;

	(void)state;
	hand_over();
	page = alloc_pages(GFP_KERNEL, 2);
	assert_non_null(page);
	__free_pages(page, 2);
	before = nr_free_pages();
	khost_log_clear();
	__free_pages(page, 2);
	assert_true(khost_log_has("BUG: Bad page state in process swapper  pfn:"));
	assert_true(khost_log_has("page dumped because: nonzero _refcount or already free (double free?)\n"));
	/* Linux's __dump_page line: the page is free, so no references. */
	assert_true(khost_log_has(" refcount:0 mapcount:0 mapping:"));
	assert_int_equal(nr_free_pages(), before);
	khost_log_clear();
	__free_pages(pfn_to_page(0x80000), 0);
	assert_true(khost_log_has("page dumped because: PAGE_FLAGS_CHECK_AT_FREE flag(s) set\n"));
	assert_int_equal(nr_free_pages(), before);
	page = alloc_pages(GFP_KERNEL, 1);
	khost_log_clear();
	__free_pages(page + 1, 1);
	assert_true(khost_log_has("page dumped because: free of a block not aligned to its order\n"));
	__free_pages(page, 1);
	assert_int_equal(nr_free_pages(), before);
}

/*
 * usemap_size against the usemaps Debian's Linux allocates (memblock=debug,
 * setup_usemap): classic at 1 GiB, the DMA zone of 768 MiB (48 bytes) and
 * HighMem of 256 MiB (16 bytes); LPAE at mem=256M (64 bytes). The host's
 * long is 64 bits where ARM's is 32: these sizes are whole multiples of
 * both. A zone starting mid-block pays for that block whole.
 */
static void test_usemap_size(void **state)
{
	(void)state;
#ifdef CONFIG_ARM_LPAE
	assert_int_equal(usemap_size(0x80000, 65536), 64);
	/* 512 pages from pfn 0x80100: two blocks, 8 bits, one long. */
	assert_int_equal(usemap_size(0x80100, 512), sizeof(unsigned long));
#else
	assert_int_equal(usemap_size(0x80000, 196608), 48);
	assert_int_equal(usemap_size(0xb0000, 65536), 16);
	assert_int_equal(usemap_size(0x80100, 2048), sizeof(unsigned long));
#endif
	assert_int_equal(usemap_size(0x80000, 0), 0);
	/* Each zone of the setup got its usemap, reserved in memblock. */
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		assert_non_null(zone(z)->pageblock_flags);
		assert_true(memblock_is_region_reserved(__pa(zone(z)->pageblock_flags), 1));
	}
}

/*
 * memmap_init leaves MOVABLE every pageblock that starts in memory (bank A
 * or bank B); the hole's blocks keep the zeroed usemap's UNMOVABLE. Then
 * each block holds its own value, and the compaction bit beside it.
 */
static void test_pageblock_bits(void **state)
{
	int n = 0;

	(void)state;
	for (unsigned long pfn = 0x80000; pfn < PFN_DOWN(BANK_B + BANK_SIZE); pfn += pageblock_nr_pages) {
		bool in_ram = pfn < PFN_DOWN(BANK_A + BANK_SIZE) || pfn >= PFN_DOWN(BANK_B);

		assert_int_equal(get_pageblock_migratetype(pfn_to_page(pfn)),
				 in_ram ? MIGRATE_MOVABLE : MIGRATE_UNMOVABLE);
	}
	page_group_by_mobility_disabled = 0;
	for (unsigned long pfn = 0x80000; pfn < PFN_DOWN(BANK_B + BANK_SIZE); pfn += pageblock_nr_pages, n++)
		set_pageblock_migratetype(pfn_to_page(pfn), n % MIGRATE_TYPES);
	n = 0;
	for (unsigned long pfn = 0x80000; pfn < PFN_DOWN(BANK_B + BANK_SIZE); pfn += pageblock_nr_pages, n++) {
		/* Any page of the block reads the block's value. */
		assert_int_equal(get_pageblock_migratetype(pfn_to_page(pfn + pageblock_nr_pages - 1)), n % MIGRATE_TYPES);
		assert_int_equal(get_pfnblock_flags_mask(pfn_to_page(pfn), pfn, 1UL << PB_migrate_skip), 0);
	}
	set_pfnblock_flags_mask(pfn_to_page(0x80000), 1UL << PB_migrate_skip, 0x80000, 1UL << PB_migrate_skip);
	set_pageblock_migratetype(pfn_to_page(0x80000), MIGRATE_CMA);
	assert_int_equal(get_pageblock_migratetype(pfn_to_page(0x80000)), MIGRATE_CMA);
	assert_int_equal(get_pfnblock_flags_mask(pfn_to_page(0x80000), 0x80000, 1UL << PB_migrate_skip),
			 1UL << PB_migrate_skip);
	assert_int_equal(get_pageblock_migratetype(pfn_to_page(0x80000 + pageblock_nr_pages)), 1);
	/* Grouping off: movable and reclaimable blocks become unmovable (Linux's rule), CMA stays. */
	page_group_by_mobility_disabled = 1;
	set_pageblock_migratetype(pfn_to_page(0x80000), MIGRATE_MOVABLE);
	assert_int_equal(get_pageblock_migratetype(pfn_to_page(0x80000)), MIGRATE_UNMOVABLE);
	set_pageblock_migratetype(pfn_to_page(0x80000), MIGRATE_RECLAIMABLE);
	assert_int_equal(get_pageblock_migratetype(pfn_to_page(0x80000)), MIGRATE_UNMOVABLE);
	set_pageblock_migratetype(pfn_to_page(0x80000), MIGRATE_CMA);
	assert_int_equal(get_pageblock_migratetype(pfn_to_page(0x80000)), MIGRATE_CMA);
}

/* Linux 6.1's fallbacks[] (mm/page_alloc.c), written out: each row in order, ended by MIGRATE_TYPES. */
static void test_fallback_table(void **state)
{
	static const int linux_61[][3] = {
		[MIGRATE_UNMOVABLE]   = { MIGRATE_RECLAIMABLE, MIGRATE_MOVABLE,   MIGRATE_TYPES },
		[MIGRATE_MOVABLE]     = { MIGRATE_RECLAIMABLE, MIGRATE_UNMOVABLE, MIGRATE_TYPES },
		[MIGRATE_RECLAIMABLE] = { MIGRATE_UNMOVABLE,   MIGRATE_MOVABLE,   MIGRATE_TYPES },
	};

	(void)state;
	for (int mt = 0; mt < MIGRATE_PCPTYPES; mt++)
		for (int i = 0; i < 3; i++)
			assert_int_equal(fallbacks[mt][i], linux_61[mt][i]);
	/* Nobody falls back from CMA or ISOLATE, and no row names them. */
	assert_int_equal(fallbacks[MIGRATE_CMA][0], MIGRATE_TYPES);
	assert_int_equal(fallbacks[MIGRATE_ISOLATE][0], MIGRATE_TYPES);
	for (int mt = 0; mt < MIGRATE_TYPES; mt++)
		for (int i = 0; i < MIGRATE_PCPTYPES && fallbacks[mt][i] != MIGRATE_TYPES; i++)
			assert_true(fallbacks[mt][i] < MIGRATE_PCPTYPES);
}

/*
 * can_steal_fallback: unmovable and reclaimable requests always claim;
 * movable ones from half a pageblock's order up (pageblock_order / 2:
 * 11 / 2 = 5 classic, 9 / 2 = 4 LPAE); everybody while grouping is off.
 */
static void test_can_steal(void **state)
{
#ifdef CONFIG_ARM_LPAE
	const unsigned int movable_from = 4;
#else
	const unsigned int movable_from = 5;
#endif
	(void)state;
	page_group_by_mobility_disabled = 0;
	for (unsigned int o = 0; o < MAX_ORDER; o++) {
		assert_true(can_steal_fallback(o, MIGRATE_UNMOVABLE));
		assert_true(can_steal_fallback(o, MIGRATE_RECLAIMABLE));
		assert_int_equal(can_steal_fallback(o, MIGRATE_MOVABLE), o >= movable_from);
	}
	page_group_by_mobility_disabled = 1;
	assert_true(can_steal_fallback(0, MIGRATE_MOVABLE));
}

/*
 * An unmovable request with only movable memory claims the largest free
 * block: in bank A that is the order-11 block at pfn 0x80800 (see
 * test_free_lists_after_hand_over), one pageblock classic, four with LPAE,
 * all of which turn unmovable; the request gets the block's first page.
 * A movable request after it does not touch those blocks.
 */
static void test_steal_whole_block(void **state)
{
#ifdef CONFIG_ARM_LPAE
	const unsigned long claimed = 4;
#else
	const unsigned long claimed = 1;
#endif
	unsigned long unmovable = 0;
	struct page *page;

	(void)state;
	hand_over();
	page_group_by_mobility_disabled = 0;
	page = alloc_pages(GFP_KERNEL, 0);
	assert_non_null(page);
	assert_int_equal(page_to_pfn(page), 0x80800);
	for (unsigned long pfn = 0x80000; pfn < max_low_pfn; pfn += pageblock_nr_pages) {
		bool in_ram = pfn < PFN_DOWN(BANK_A + BANK_SIZE) || pfn >= PFN_DOWN(BANK_B);
		int mt = get_pageblock_migratetype(pfn_to_page(pfn));

		if (in_ram && mt == MIGRATE_UNMOVABLE) {
			unmovable++;
			assert_true(pfn >= 0x80800 && pfn < 0x80800 + 2048);
		}
	}
	assert_int_equal(unmovable, claimed);
	/* The rest of the claimed block went to the unmovable lists: orders 0 to 10, one each. */
	for (unsigned int o = 0; o < MAX_ORDER - 1; o++)
		assert_int_equal(free_area_empty(&zone(ZONE_NORMAL)->free_area[o], MIGRATE_UNMOVABLE), 0);
	__free_pages(page, 0);
	assert_int_equal(zone(ZONE_NORMAL)->free_area[MAX_ORDER - 1].nr_free, 1);
	assert_false(free_area_empty(&zone(ZONE_NORMAL)->free_area[MAX_ORDER - 1], MIGRATE_UNMOVABLE));
}

/*
 * build_all_zonelists' line: the managed estimate (present pages less the
 * memmap of the lowmem zone, rounded up to pages) of Normal and HighMem,
 * highest first; grouping is off under pageblock_nr_pages x 6 pages
 * (classic: 12288, more than this small machine; LPAE: 3072, less).
 */
static void test_zonelists_line(void **state)
{
	unsigned long memmap = (10240 * sizeof(struct page) + PAGE_SIZE - 1) / PAGE_SIZE;
	unsigned long total = 4096 + 2048 - memmap + 2048;
	char line[128];

	(void)state;
	khost_log_clear();
	build_all_zonelists();
#ifdef CONFIG_ARM_LPAE
	snprintf(line, sizeof(line), "Built 1 zonelists, mobility grouping on.  Total pages: %lu\n", total);
#else
	snprintf(line, sizeof(line), "Built 1 zonelists, mobility grouping off.  Total pages: %lu\n", total);
#endif
	assert_string_equal(khost_log, line);
	assert_ptr_equal(contig_page_data.node_zonelists[0]._zonerefs[0].zone, zone(ZONE_HIGHMEM));
	assert_ptr_equal(contig_page_data.node_zonelists[0]._zonerefs[1].zone, zone(ZONE_NORMAL));
	assert_null(contig_page_data.node_zonelists[0]._zonerefs[2].zone);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_zone_sizes_with_a_hole, setup, teardown),
		cmocka_unit_test_setup_teardown(test_free_lists_after_hand_over, setup, teardown),
		cmocka_unit_test_setup_teardown(test_highmem_blocks_as_page_by_page, setup, teardown),
		cmocka_unit_test_setup_teardown(test_memory_line, setup, teardown),
		cmocka_unit_test_setup_teardown(test_split_and_merge, setup, teardown),
		cmocka_unit_test_setup_teardown(test_zone_fallback, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_frees, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unused_memmap_given_back, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lowmem_reserve, setup, teardown),
		cmocka_unit_test_setup_teardown(test_usemap_size, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pageblock_bits, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fallback_table, setup, teardown),
		cmocka_unit_test_setup_teardown(test_can_steal, setup, teardown),
		cmocka_unit_test_setup_teardown(test_steal_whole_block, setup, teardown),
		cmocka_unit_test_setup_teardown(test_zonelists_line, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
