/*
 * Host tests of mm/memmap_fit.c: how much RAM a mem_map in lowmem can
 * describe. The figures are worked out here, in frames and blocks (a
 * MAX_ORDER block is 2048 frames, 8 MiB, with CONFIG_ARCH_FORCE_MAX_ORDER
 * 12), times the struct page of the build (36 bytes on ARM with MEMCG, more
 * on a 64-bit host: the frames are what the test works out).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <linux/mm_types.h>
#include <linux/mmzone.h>
#include <asm/memmap_limit.h>

#define PB		((u64)sizeof(struct page))
#define BLOCK		2048UL			/* frames per MAX_ORDER block */
#define GIB_FRAMES	262144UL		/* 4 KiB frames in a GiB */
#define MIB		(1ULL << 20)

static void test_block_is_what_the_test_assumes(void **state)
{
	(void)state;
	assert_int_equal(MAX_ORDER_NR_PAGES, BLOCK);
}

/* alloc_node_mem_map's array: from the block holding the first frame to the end of the block holding the last. */
static void test_memmap_bytes_rounds_out_to_blocks(void **state)
{
	(void)state;
	/* 1 GiB at 2 GiB (vexpress): 262144 frames, 128 whole blocks. */
	assert_true(memmap_bytes(0x80000, 0x80000 + GIB_FRAMES) == 262144 * PB);
	/* One frame past a block boundary at each end: a whole block more at each end. */
	assert_true(memmap_bytes(0x80001, 0x80801) == 4096 * PB);
	assert_true(memmap_bytes(0x807ff, 0x80801) == 4096 * PB);
	/* Inside one block: the whole block. */
	assert_true(memmap_bytes(0x80010, 0x80020) == BLOCK * PB);
	assert_true(memmap_bytes(0x80000, 0x80000) == 0);
	assert_true(memmap_bytes(0x80001, 0x80000) == 0);
}

/*
 * The most QEMU's virt models: 255 GiB from 1 GiB (pfn 0x40000 to
 * 0x4000000), 66846720 frames; at 36 bytes that is 2295 MiB, more than a
 * signed 32-bit size can hold (Linux's negative size).
 */
static void test_memmap_bytes_of_255_gib(void **state)
{
	(void)state;
	assert_true(memmap_bytes(0x40000, 0x4000000) == 66846720ULL * PB);
	/* 40-bit LPAE physical addresses: 1 TiB of frames does not fit 32 bits of bytes either. */
	assert_true(memmap_bytes(0, 0x10000000) == 0x10000000ULL * PB);
}

/*
 * The pageblock bitmaps' bound: the node's pageblocks plus two, 4 bits
 * each, in whole longs, plus a cache line, for each of two zones. 1 GiB is
 * 512 pageblocks of 2 MiB (LPAE) or 128 of 8 MiB (classic).
 */
static void test_usemap_bound(void **state)
{
	u64 blocks = GIB_FRAMES / pageblock_nr_pages + 2;
	u64 longs = (blocks * 4 + 8 * sizeof(long) - 1) / (8 * sizeof(long));

	(void)state;
#ifdef CONFIG_ARM_LPAE
	assert_int_equal(blocks, 514);
#else
	assert_int_equal(blocks, 130);
#endif
	assert_true(memmap_usemap_bytes(0x80000, 0x80000 + GIB_FRAMES) == 2 * (longs * sizeof(long) + 64));
	assert_true(memmap_usemap_bytes(0x80000, 0x80000) == 0);
}

/* 1/16 of lowmem, 4 MiB and the bitmaps: 48 + 4 MiB of the 3G split's 768 MiB. */
static void test_keep(void **state)
{
	(void)state;
	assert_true(memmap_lowmem_keep(768 * MIB, 0x80000, 0x80000 + GIB_FRAMES) ==
		    52 * MIB + memmap_usemap_bytes(0x80000, 0x80000 + GIB_FRAMES));
	assert_true(memmap_lowmem_keep(32 * MIB, 0x80000, 0x80001) == 6 * MIB + memmap_usemap_bytes(0x80000, 0x80001));
}

/* The RAM kept ends on a block: as many whole blocks as the bytes pay for, never inside lowmem, never past the end. */
static void test_fit_end(void **state)
{
	unsigned long start = 0x80000, end = 0x80000 + 12 * GIB_FRAMES, floor = 0x80000 + 8192;
	u64 per_block = BLOCK * PB;

	(void)state;
	/* Enough for everything: the end itself. */
	assert_int_equal(memmap_fit_end_pfn(start, end, memmap_bytes(start, end), floor), end);
	assert_int_equal(memmap_fit_end_pfn(start, end, ~0ULL, floor), end);
	/* 100 blocks' worth, and a byte short of it. */
	assert_int_equal(memmap_fit_end_pfn(start, end, 100 * per_block, floor), start + 100 * BLOCK);
	assert_int_equal(memmap_fit_end_pfn(start, end, 100 * per_block - 1, floor), start + 99 * BLOCK);
	/* A node starting inside a block pays for the block's head. */
	assert_int_equal(memmap_fit_end_pfn(start + 5, end, 100 * per_block, floor), start + 100 * BLOCK);
	/* Too little for lowmem itself: lowmem is kept all the same. */
	assert_int_equal(memmap_fit_end_pfn(start, end, 0, floor), floor);
	assert_int_equal(memmap_fit_end_pfn(start, end, 3 * per_block, floor), floor);
	/* A floor beyond the end is the end. */
	assert_int_equal(memmap_fit_end_pfn(start, start + 4096, 0, start + 8192), start + 4096);
}

/*
 * The 3G split on virt (RAM from 1 GiB): 768 MiB of lowmem, of which the
 * largest free block is lowmem less the first 9 MiB (say: image and page
 * tables), less 52 MiB kept and the bitmaps. mem_map may have the rest,
 * 707 MiB less the bitmaps: with ARM's 36-byte struct page, 9 MiB per GiB,
 * 78 GiB (tools/armv7mm/memmap_limit.py works that out); here, as many
 * whole blocks as the host's struct page pays for, and not one more.
 */
static void test_3g_split_on_virt(void **state)
{
	unsigned long start = 0x40000, end = 0x4000000;
	u64 keep = memmap_lowmem_keep(768 * MIB, start, end);
	u64 avail = 768 * MIB - 9 * MIB - keep;
	unsigned long kept = memmap_fit_end_pfn(start, end, avail, start + 768 * 256);

	(void)state;
	assert_true(kept - start == avail / (BLOCK * PB) * BLOCK);
	assert_true(memmap_bytes(start, kept) <= avail);
	assert_true(memmap_bytes(start, kept + BLOCK) > avail);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_block_is_what_the_test_assumes),
		cmocka_unit_test(test_memmap_bytes_rounds_out_to_blocks),
		cmocka_unit_test(test_memmap_bytes_of_255_gib),
		cmocka_unit_test(test_usemap_bound),
		cmocka_unit_test(test_keep),
		cmocka_unit_test(test_fit_end),
		cmocka_unit_test(test_3g_split_on_virt),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
