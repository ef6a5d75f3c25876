/*
 * memblock's region arrays growing during a real boot, and failing to.
 * memblock.reserved starts with 128 regions and may only double once
 * bootmem_init has allowed it (before, current Linux panics: the
 * robustness suite's 129 /memreserve/ case). The work runs at the end of
 * bootmem_init (KTEST_SUITE_AT_BOOTMEM), while memblock is alive, and
 * leaves it as it found it but for the grown array; the cases report
 * what it saw.
 *
 * In a free 4 MiB range, every other page is reserved, each a region of
 * its own: past 128 regions the array doubles to 256; once it is full
 * again, with the allocation limit lowered to nothing, doubling fails and
 * the reservation must fail cleanly, changing nothing. Then every page
 * is given back.
 */
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <asm/memory.h>
#include <ktest.h>

#define GROW_RANGE	SZ_4M
#define GROW_STEP	(2 * PAGE_SIZE)

static struct {
	bool ran;
	const char *skipped;
	phys_addr_t range;
	unsigned long max_before, cnt_before;
	unsigned long max_grown, reserved_pages;
	bool pages_reserved, gaps_free;
	const char *check_grown;
	phys_addr_t array_phys;
	bool array_reserved;
	int failed_ret;
	unsigned long cnt_at_failure, max_at_failure;
	bool failed_page_free;
	const char *check_failed;
	unsigned long cnt_after, max_after;
	bool range_free_after;
	const char *check_after;
} grow;

static phys_addr_t grow_page(unsigned long i)
{
	return grow.range + (phys_addr_t)i * GROW_STEP;
}

/* Is @pa in the page(s) of memblock.reserved's current array? */
static bool in_reserved_array(phys_addr_t pa)
{
	phys_addr_t array = __pa(memblock.reserved.regions);

	return pa >= array && pa < array + PAGE_ALIGN(memblock.reserved.max * sizeof(struct memblock_region));
}

/* Runs at the end of bootmem_init. */
static void memblock_grow_at_bootmem(void)
{
	struct memblock_type *rsv = &memblock.reserved;
	phys_addr_t limit = memblock.current_limit;
	unsigned long n = 0;
	int ret = 0;

	grow.ran = true;
	grow.range = memblock_phys_alloc(GROW_RANGE, SZ_1M);
	if (!grow.range) {
		grow.skipped = "no free 4 MiB below the limit";
		return;
	}
	memblock_phys_free(grow.range, GROW_RANGE);
	grow.max_before = rsv->max;
	grow.cnt_before = rsv->cnt;

	/* Separate one-page regions until the array has doubled, then until it is full again. */
	while (n < GROW_RANGE / GROW_STEP && !(rsv->max > grow.max_before && rsv->cnt == rsv->max))
		if (memblock_reserve(grow_page(n++), PAGE_SIZE))
			break;
	grow.max_grown = rsv->max;
	grow.reserved_pages = n;
	grow.check_grown = memblock_type_check(rsv);
	grow.array_phys = __pa(rsv->regions);
	grow.array_reserved = memblock_is_region_reserved(grow.array_phys, PAGE_SIZE);
	grow.pages_reserved = true;
	grow.gaps_free = true;
	for (unsigned long i = 0; i < n; i++) {
		grow.pages_reserved &= memblock_is_region_reserved(grow_page(i), PAGE_SIZE);
		if (!in_reserved_array(grow_page(i) + PAGE_SIZE))
			grow.gaps_free &= !memblock_is_region_reserved(grow_page(i) + PAGE_SIZE, PAGE_SIZE);
	}

	/* Full, and nowhere to put a bigger array: the next region must be refused. */
	memblock_set_current_limit(memblock_start_of_DRAM());
	if (n < GROW_RANGE / GROW_STEP)
		ret = memblock_reserve(grow_page(n), PAGE_SIZE);
	memblock_set_current_limit(limit);
	grow.failed_ret = ret;
	grow.cnt_at_failure = rsv->cnt;
	grow.max_at_failure = rsv->max;
	grow.failed_page_free = !memblock_is_region_reserved(grow_page(n), PAGE_SIZE);
	grow.check_failed = memblock_type_check(rsv);
	if (!ret)
		n++;	/* not refused (a failure the cases report): give it back too */

	for (unsigned long i = 0; i < n; i++)
		memblock_phys_free(grow_page(i), PAGE_SIZE);
	grow.cnt_after = rsv->cnt;
	grow.max_after = rsv->max;
	grow.range_free_after = true;
	for (phys_addr_t pa = grow.range; pa < grow.range + GROW_RANGE; pa += PAGE_SIZE)
		if (!in_reserved_array(pa))
			grow.range_free_after &= !memblock_is_region_reserved(pa, PAGE_SIZE);
	grow.check_after = memblock_type_check(rsv);
}

static bool grow_ran(struct ktest *t)
{
	if (!grow.ran) {
		KTEST_EXPECT_TRUE(t, grow.ran);
		return false;
	}
	if (grow.skipped) {
		ktest_skip(t, grow.skipped);
		return false;
	}
	return true;
}

static void reserved_array_doubles(struct ktest *t)
{
	if (!grow_ran(t))
		return;
	KTEST_EXPECT_EQ(t, grow.max_before, 128);
	KTEST_EXPECT_EQ(t, grow.max_grown, 256);
	KTEST_EXPECT_TRUE(t, grow.check_grown == NULL);
	KTEST_EXPECT_TRUE(t, grow.pages_reserved);
	KTEST_EXPECT_TRUE(t, grow.gaps_free);
	/* The new array is itself reserved, and in lowmem where memblock can reach it. */
	KTEST_EXPECT_TRUE(t, grow.array_reserved);
	KTEST_EXPECT_LT(t, grow.array_phys, memblock.current_limit);
}

static void full_array_refuses_cleanly(struct ktest *t)
{
	if (!grow_ran(t))
		return;
	KTEST_EXPECT_EQ(t, grow.failed_ret, -ENOMEM);
	KTEST_EXPECT_EQ(t, grow.max_at_failure, 256);
	KTEST_EXPECT_EQ(t, grow.cnt_at_failure, 256);
	KTEST_EXPECT_TRUE(t, grow.failed_page_free);
	KTEST_EXPECT_TRUE(t, grow.check_failed == NULL);
}

static void everything_given_back(struct ktest *t)
{
	if (!grow_ran(t))
		return;
	/*
	 * Freeing from a full array doubles it once more: memblock_isolate_range
	 * makes room for two splits first, as in Linux (v6.x). The old array
	 * is given back; only the newest one's pages remain as a new region.
	 */
	KTEST_EXPECT_EQ(t, grow.max_after, 512);
	KTEST_EXPECT_LE(t, grow.cnt_after, grow.cnt_before + 1);
	KTEST_EXPECT_TRUE(t, grow.range_free_after);
	KTEST_EXPECT_TRUE(t, grow.check_after == NULL);
}

static const struct ktest_case memblock_grow_cases[] = {
	KTEST_CASE(reserved_array_doubles),
	KTEST_CASE(full_array_refuses_cleanly),
	KTEST_CASE(everything_given_back),
	{}
};
KTEST_SUITE_AT_BOOTMEM(memblock_grow, memblock_grow_cases, memblock_grow_at_bootmem);
