/*
 * cma: CMA as an allocator. The areas' pageblocks are MIGRATE_CMA and
 * free; movable allocations may land there and unmovable ones never do;
 * cma_alloc takes the whole default area while a test owner's movable
 * pages fill it, moving them out (contents intact, the owner's references
 * updated); alignment; -EBUSY for a page that cannot move; release.
 *
 * The test owner keeps an array of pages registered with
 * movable_operations; each page holds a pattern made from its slot, and
 * page->index says its slot, so the owner can find its reference when
 * migration asks it to switch.
 */
#include <linux/cma.h>
#include <linux/device.h>
#include <linux/dma-map-ops.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/of_fdt.h>
#include <linux/of_reserved_mem.h>
#include <linux/page-isolation.h>
#include <asm/dma-mapping.h>
#include <asm/mem_types.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/static_vm.h>
#include <asm/system.h>
#include <linux/vmalloc.h>
#include <ktest.h>
#include <libfdt.h>
#include "../../kernel/dma/coherent.h"

/* ---- the test owner ------------------------------------------------------- */

static const struct movable_operations owner_ops_table;

static struct {
	struct page **pages;		/* slot -> the page the owner holds */
	unsigned long nr;		/* slots in use */
	unsigned int array_order;	/* the array's allocation */
	struct page *pinned;		/* a page the owner refuses to let go, or NULL */
	unsigned long moves, putbacks;
} owner;

static bool owner_isolate(struct page *page, isolate_mode_t mode)
{
	(void)mode;
	return page != owner.pinned;
}

static int owner_migrate(struct page *dst, struct page *src, enum migrate_mode mode)
{
	unsigned long slot = src->index;

	(void)mode;
	if (slot >= owner.nr || owner.pages[slot] != src)
		return -EINVAL;
	owner.pages[slot] = dst;
	dst->index = slot;
	__SetPageMovable(dst, &owner_ops_table);
	owner.moves++;
	return MIGRATEPAGE_SUCCESS;
}

static void owner_putback(struct page *page)
{
	(void)page;
	owner.putbacks++;
}

static const struct movable_operations owner_ops_table = {
	.isolate_page = owner_isolate,
	.migrate_page = owner_migrate,
	.putback_page = owner_putback,
};

/* What slot's page holds: a word per position, from the slot and the position. */
static u32 pattern(unsigned long slot, unsigned int word)
{
	return (u32)(slot * 0x9e3779b1u) ^ (word * 0x85ebca6bu) ^ 0x5a5a0000u;
}

static void owner_fill_page(struct page *page, unsigned long slot)
{
	u32 *w = kmap_local_page(page);

	for (unsigned int i = 0; i < PAGE_SIZE / 4; i++)
		w[i] = pattern(slot, i);
	kunmap_local(w);
}

/* The first slot whose page does not hold its pattern, or owner.nr. */
static unsigned long owner_first_bad_slot(void)
{
	for (unsigned long slot = 0; slot < owner.nr; slot++) {
		const u32 *w = kmap_local_page(owner.pages[slot]);
		bool bad = false;

		for (unsigned int i = 0; i < PAGE_SIZE / 4 && !bad; i++)
			bad = w[i] != pattern(slot, i);
		kunmap_local((void *)w);
		if (bad)
			return slot;
	}
	return owner.nr;
}

static bool owner_init(unsigned long capacity)
{
	unsigned long bytes = capacity * sizeof(struct page *);

	owner.array_order = 0;
	while ((PAGE_SIZE << owner.array_order) < bytes)
		owner.array_order++;
	owner.pages = (struct page **)__get_free_pages(GFP_KERNEL | __GFP_NOWARN, owner.array_order);
	owner.nr = 0;
	owner.pinned = NULL;
	owner.moves = owner.putbacks = 0;
	return owner.pages != NULL;
}

/* The owner takes a page it was given: pattern, slot, movable. */
static void owner_adopt(struct page *page)
{
	unsigned long slot = owner.nr++;

	owner.pages[slot] = page;
	page->index = slot;
	owner_fill_page(page, slot);
	__SetPageMovable(page, &owner_ops_table);
}

static void owner_release_all(void)
{
	for (unsigned long slot = 0; slot < owner.nr; slot++) {
		struct page *page = owner.pages[slot];

		__ClearPageMovable(page);
		page->index = 0;
		__free_page(page);
	}
	owner.nr = 0;
	free_pages((unsigned long)owner.pages, owner.array_order);
	owner.pages = NULL;
}

/* ---- the areas -------------------------------------------------------------- */

static struct cma *default_area(struct ktest *t)
{
	struct cma *cma = dma_contiguous_default_area;

	if (!cma || !cma->count) {
		ktest_skip(t, "no CMA area on this boot");
		return NULL;
	}
	return cma;
}

static bool in_area(const struct cma *cma, unsigned long pfn)
{
	return pfn >= cma->base_pfn && pfn < cma->base_pfn + cma->count;
}

/*
 * The pages at the start of the area that the atomic pool took at boot
 * (atomic_pool_init, as Linux's), 0 when it is elsewhere or absent. The
 * cases below use the rest of the default area: [area_first, area_end).
 */
static unsigned long pool_pages_at_start(const struct cma *cma)
{
	size_t size;
	struct page *first = atomic_pool_first_page();

	atomic_pool_range(&size);
	if (!first || page_to_pfn(first) != cma->base_pfn)
		return 0;
	return size >> PAGE_SHIFT;
}

static unsigned long area_first(const struct cma *cma)
{
	return cma->base_pfn + pool_pages_at_start(cma);
}

static unsigned long area_end(const struct cma *cma)
{
	return cma->base_pfn + cma->count;
}

static unsigned long area_usable(const struct cma *cma)
{
	return area_end(cma) - area_first(cma);
}

static bool in_usable(const struct cma *cma, unsigned long pfn)
{
	return pfn >= area_first(cma) && pfn < area_end(cma);
}

static bool in_any_area(unsigned long pfn)
{
	for (unsigned int i = 0; i < cma_area_count; i++)
		if (in_area(&cma_areas[i], pfn))
			return true;
	return false;
}

/*
 * Free pages of [start, end), by walking its free blocks (independent of
 * the counters). The per-CPU lists go back to the buddy lists first: a
 * page waiting there is free but on no free list.
 */
static unsigned long free_pages_in(unsigned long start, unsigned long end)
{
	unsigned long free = 0;

	drain_all_pages(NULL);

	for (unsigned long pfn = start; pfn < end;) {
		struct page *page = pfn_to_page(pfn);

		if (PageBuddy(page)) {
			unsigned long n = 1UL << page->private;

			free += min(n, end - pfn);
			pfn += n;
		} else {
			pfn++;
		}
	}
	return free;
}

/* Every pageblock of every area is MIGRATE_CMA; the zones count the areas as managed and their free pages as CMA's. */
static void areas_activated(struct ktest *t)
{
	unsigned long area_pages = 0, zone_cma = 0, free_cma = 0, walked_free = 0;

	if (!default_area(t))
		return;
	for (unsigned int i = 0; i < cma_area_count; i++) {
		struct cma *cma = &cma_areas[i];

		KTEST_EXPECT_TRUE(t, cma->bitmap != NULL);
		KTEST_EXPECT_EQ(t, cma_free_in_bitmap(cma), cma->count - pool_pages_at_start(cma));
		KTEST_EXPECT_EQ(t, cma->count, cma->size >> PAGE_SHIFT);
		for (unsigned long pfn = cma->base_pfn; pfn < cma->base_pfn + cma->count; pfn += pageblock_nr_pages)
			if (get_pageblock_migratetype(pfn_to_page(pfn)) != MIGRATE_CMA) {
				KTEST_FAIL(t, "area %s: pageblock at pfn %#lx is type %d, not CMA", cma->name, pfn,
					   get_pageblock_migratetype(pfn_to_page(pfn)));
				break;
			}
		area_pages += cma->count;
		walked_free += free_pages_in(cma->base_pfn, cma->base_pfn + cma->count);
	}
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		zone_cma += contig_page_data.node_zones[z].cma_pages;
		free_cma += zone_page_state(&contig_page_data.node_zones[z], NR_FREE_CMA_PAGES);
	}
	KTEST_EXPECT_EQ(t, zone_cma, area_pages);
	KTEST_EXPECT_EQ(t, free_cma, walked_free);
	KTEST_EXPECT_EQ(t, PFN_PHYS(area_pages), cma_total_size());
}

/* ---- filling an area with the owner's movable pages --------------------------- */

struct fill {
	struct list_head held;		/* blocks outside the area, head->private = order */
	unsigned long unmovable_in_cma;	/* unmovable pages that landed in a CMA pageblock: must stay 0 */
	unsigned long unmovable_blocks;
};

static void hold_block(struct fill *f, struct page *page, unsigned int order)
{
	page->private = order;
	list_add(&page->lru, &f->held);
}

static void release_held(struct fill *f)
{
	while (!list_empty(&f->held)) {
		struct page *page = list_first_entry(&f->held, struct page, lru);
		unsigned int order = (unsigned int)page->private;

		list_del(&page->lru);
		page->private = 0;
		__free_pages(page, order);
	}
}

/* A block from the allocator: the usable area's pages to the owner, one by one (Linux's split_page), the rest held. */
static void take_block(struct cma *cma, struct fill *f, struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page), n = 1UL << order;

	if (!in_usable(cma, pfn) && !in_usable(cma, pfn + n - 1)) {
		hold_block(f, page, order);
		return;
	}
	for (unsigned long i = 0; i < n; i++) {
		page[i]._refcount = 1;
		if (in_usable(cma, pfn + i))
			owner_adopt(&page[i]);
		else
			hold_block(f, &page[i], 0);
	}
}

/*
 * Movable allocations use CMA once their own lists are empty (or while
 * most free memory is CMA's), so filling an area means emptying its zone's
 * movable lists: large blocks first, then smaller ones. First some
 * pageblocks become unmovable (an unmovable request for a whole pageblock
 * changes its type) and are freed again, so that the zone keeps free
 * memory above its watermarks on the unmovable lists while CMA fills.
 * Then the zone's movable lists are emptied (a block of each order while
 * that order's list has one, so nothing is stolen from the unmovable
 * blocks), and single pages fill CMA. Every unmovable block is checked to
 * be outside CMA. The zone's per-CPU lists are off meanwhile: a bulk
 * refill takes several blocks where one is asked for, and once the
 * movable and CMA blocks of an order run out it would steal the rest from
 * the unmovable reserve.
 */
static bool fill_area(struct ktest *t, struct cma *cma, struct fill *f)
{
	struct zone *zone = page_zone(pfn_to_page(cma->base_pfn));
	bool highmem = PageHighMem(pfn_to_page(cma->base_pfn));
	gfp_t unmovable = (highmem ? GFP_HIGHUSER : GFP_KERNEL) | __GFP_NOWARN;
	gfp_t movable = (highmem ? GFP_HIGHUSER_MOVABLE : GFP_USER | __GFP_MOVABLE) | __GFP_NOWARN;
	unsigned long want = (2 * zone->watermark[WMARK_HIGH]) / pageblock_nr_pages + 2;
	struct list_head reserve;
	struct page *page;

	INIT_LIST_HEAD(&f->held);
	INIT_LIST_HEAD(&reserve);
	f->unmovable_in_cma = f->unmovable_blocks = 0;
	zone_pcp_disable(zone);
	while (f->unmovable_blocks < want && (page = alloc_pages(unmovable, pageblock_order))) {
		unsigned long pfn = page_to_pfn(page);

		if (in_any_area(pfn) || get_pageblock_migratetype(page) == MIGRATE_CMA)
			f->unmovable_in_cma++;
		if (page_zone(page) == zone) {
			f->unmovable_blocks++;
			page->private = pageblock_order;
			list_add(&page->lru, &reserve);
		} else {
			hold_block(f, page, pageblock_order);
		}
	}
	while (!list_empty(&reserve)) {
		page = list_first_entry(&reserve, struct page, lru);
		list_del(&page->lru);
		page->private = 0;
		__free_pages(page, pageblock_order);
	}

	/* Empty the zone's movable lists, largest blocks first. */
	for (int order = MAX_ORDER - 1; order >= 0 && owner.nr < area_usable(cma); order--) {
		while (owner.nr < area_usable(cma) &&
		       !list_empty(&zone->free_area[order].free_list[MIGRATE_MOVABLE])) {
			page = alloc_pages(movable, (unsigned int)order);
			if (!page)
				break;
			take_block(cma, f, page, (unsigned int)order);
			if (page_zone(page) != zone)
				break;
		}
	}
	/* Then single pages: with no movable block left, they come from CMA. */
	while (owner.nr < area_usable(cma) && (page = alloc_pages(movable, 0)))
		take_block(cma, f, page, 0);
	zone_pcp_enable(zone);
	if (owner.nr < area_usable(cma)) {
		KTEST_FAIL(t, "movable allocations filled %lu of the %lu pages of area %s (zone %s: %ld free, %ld CMA free)",
			   owner.nr, area_usable(cma), cma->name, zone->name, zone_page_state(zone, NR_FREE_PAGES),
			   zone_page_state(zone, NR_FREE_CMA_PAGES));
		return false;
	}
	return true;
}

/* Movable requests end up in CMA pageblocks (here, all of the default area); unmovable ones never do. */
static void movable_lands_in_cma_unmovable_never(struct ktest *t)
{
	struct cma *cma = default_area(t);
	struct fill f;
	unsigned long in_cma = 0;

	if (!cma)
		return;
	KTEST_ASSERT_TRUE(t, owner_init(area_usable(cma)));
	if (fill_area(t, cma, &f)) {
		for (unsigned long slot = 0; slot < owner.nr; slot++)
			if (get_pageblock_migratetype(owner.pages[slot]) == MIGRATE_CMA)
				in_cma++;
		KTEST_EXPECT_EQ(t, in_cma, area_usable(cma));
		KTEST_EXPECT_EQ(t, free_pages_in(area_first(cma), area_end(cma)), 0);
	}
	KTEST_EXPECT_GT(t, f.unmovable_blocks, 0);
	KTEST_EXPECT_EQ(t, f.unmovable_in_cma, 0);
	/*
	 * Now the zone's free memory is the unmovable reserve and, once the
	 * owner lets go, all of CMA: single unmovable pages until the zone
	 * refuses take the reserve down to the watermark and never a CMA page.
	 */
	owner_release_all();
	{
		struct zone *zone = page_zone(pfn_to_page(cma->base_pfn));
		gfp_t unmovable = (PageHighMem(pfn_to_page(cma->base_pfn)) ? GFP_HIGHUSER : GFP_KERNEL) | __GFP_NOWARN;
		unsigned long taken = 0, cma_taken = 0;
		struct page *page;

		while ((page = alloc_pages(unmovable, 0))) {
			if (page_zone(page) != zone) {
				__free_page(page);
				break;
			}
			if (get_pageblock_migratetype(page) == MIGRATE_CMA || in_any_area(page_to_pfn(page)))
				cma_taken++;
			hold_block(&f, page, 0);
			taken++;
		}
		KTEST_EXPECT_GT(t, taken, 0);
		KTEST_EXPECT_EQ(t, cma_taken, 0);
		KTEST_EXPECT_EQ(t, free_pages_in(area_first(cma), area_end(cma)), area_usable(cma));
	}
	release_held(&f);
	KTEST_EXPECT_EQ(t, free_pages_in(area_first(cma), area_end(cma)), area_usable(cma));
}

/*
 * The whole default area while the owner's pages fill it: cma_alloc moves
 * every one of them out; each still holds its pattern, the owner's array
 * points at the new pages, and none of them is in the area. Released, the
 * area is free again.
 */
static void cma_alloc_whole_area_moves_owned_pages(struct ktest *t)
{
	struct cma *cma = default_area(t);
	unsigned long outside = 0, in_use = 0, free_before;
	struct page *got;
	struct fill f;

	if (!cma)
		return;
	KTEST_ASSERT_TRUE(t, owner_init(area_usable(cma)));
	if (!fill_area(t, cma, &f)) {
		release_held(&f);
		owner_release_all();
		return;
	}
	release_held(&f);
	drain_all_pages(NULL);
	free_before = nr_free_pages();
	got = cma_alloc(cma, area_usable(cma), 0, false);
	KTEST_EXPECT_EQ(t, (unsigned long)got, (unsigned long)pfn_to_page(area_first(cma)));
	KTEST_EXPECT_EQ(t, owner.moves, area_usable(cma));
	KTEST_EXPECT_EQ(t, owner.putbacks, 0);
	for (unsigned long slot = 0; slot < owner.nr; slot++) {
		struct page *page = owner.pages[slot];

		if (!in_area(cma, page_to_pfn(page)) && page->index == slot && PageMovable(page))
			outside++;
	}
	KTEST_EXPECT_EQ(t, outside, owner.nr);
	KTEST_EXPECT_EQ(t, owner_first_bad_slot(), owner.nr);
	KTEST_EXPECT_EQ(t, cma_free_in_bitmap(cma), 0);
	if (got) {
		for (unsigned long pfn = area_first(cma); pfn < area_end(cma); pfn++) {
			struct page *page = pfn_to_page(pfn);

			if (page_count(page) == 1 && !PageBuddy(page) && !__PageMovable(page))
				in_use++;
		}
		KTEST_EXPECT_EQ(t, in_use, area_usable(cma));
		KTEST_EXPECT_TRUE(t, cma_release(cma, got, area_usable(cma)));
		/*
		 * The owner holds as many pages as before, outside the area now,
		 * and the area is free again: as many free pages as before, so no
		 * page migration took for itself (a new page it did not use) is
		 * left behind.
		 */
		drain_all_pages(NULL);
		KTEST_EXPECT_EQ(t, nr_free_pages(), free_before);
	}
	KTEST_EXPECT_EQ(t, cma_free_in_bitmap(cma), area_usable(cma));
	KTEST_EXPECT_EQ(t, free_pages_in(area_first(cma), area_end(cma)), area_usable(cma));
	for (unsigned long pfn = cma->base_pfn; pfn < cma->base_pfn + cma->count; pfn += pageblock_nr_pages)
		KTEST_EXPECT_EQ(t, get_pageblock_migratetype(pfn_to_page(pfn)), MIGRATE_CMA);
	owner_release_all();
}

/* Aligned requests start at the first free frame of that alignment; dma_alloc_from_contiguous caps it at 2^8 pages. */
static void alignment(struct ktest *t)
{
	struct cma *cma = default_area(t);
	struct page *p1, *p2, *p3;
	unsigned long base, want2, want3;

	if (!cma)
		return;
	base = area_first(cma);
	p1 = cma_alloc(cma, 1, 0, false);
	KTEST_ASSERT_TRUE(t, p1 != NULL);
	KTEST_EXPECT_EQ(t, page_to_pfn(p1), base);
	p2 = cma_alloc(cma, 3, 4, false);
	want2 = ALIGN(base + 1, 16UL);
	KTEST_EXPECT_TRUE(t, p2 != NULL);
	if (p2)
		KTEST_EXPECT_EQ(t, page_to_pfn(p2), want2);
	p3 = dma_alloc_from_contiguous(NULL, 2, 12, false);
	want3 = ALIGN(want2 + 3, 256UL);
	if (want3 + 2 <= area_end(cma)) {
		KTEST_EXPECT_TRUE(t, p3 != NULL);
		if (p3)
			KTEST_EXPECT_EQ(t, page_to_pfn(p3), want3);
	}
	KTEST_EXPECT_EQ(t, cma_free_in_bitmap(cma), area_usable(cma) - 1 - 3 - (p3 ? 2 : 0));
	/* Pages that are not the area's are refused. */
	KTEST_EXPECT_FALSE(t, cma_release(cma, virt_to_page(_stext), 1));
	KTEST_EXPECT_FALSE(t, dma_release_from_contiguous(NULL, virt_to_page(_stext), 1));
	KTEST_EXPECT_TRUE(t, cma_release(cma, p1, 1));
	if (p2)
		KTEST_EXPECT_TRUE(t, cma_release(cma, p2, 3));
	if (p3)
		KTEST_EXPECT_TRUE(t, dma_release_from_contiguous(NULL, p3, 2));
	KTEST_EXPECT_EQ(t, cma_free_in_bitmap(cma), area_usable(cma));
	/* More than the area holds: nothing, quietly with no_warn. */
	KTEST_EXPECT_TRUE(t, cma_alloc(cma, area_usable(cma) + 1, 0, true) == NULL);
	KTEST_EXPECT_EQ(t, free_pages_in(base, area_end(cma)), area_usable(cma));
}

/*
 * A page that cannot move makes its range -EBUSY: a CMA page in use by
 * someone without movable_operations; a page of an ordinary pageblock
 * in use by the kernel; an owner's page the owner will not let go. The
 * ranges are left as they were.
 */
static void unmovable_page_gives_ebusy(struct ktest *t)
{
	struct cma *cma = default_area(t);
	struct zone *zone;
	struct page *held, *kpage;
	unsigned long pfn, block, free_before, cma_free_before;
	int mt;

	if (!cma)
		return;
	zone = page_zone(pfn_to_page(cma->base_pfn));
	held = cma_alloc(cma, 1, 0, false);
	KTEST_ASSERT_TRUE(t, held != NULL);
	pfn = page_to_pfn(held);
	block = pageblock_start_pfn(pfn);
	free_before = zone_page_state(zone, NR_FREE_PAGES);
	cma_free_before = zone_page_state(zone, NR_FREE_CMA_PAGES);
	KTEST_EXPECT_EQ(t, alloc_contig_range(pfn, pfn + 1, MIGRATE_CMA, GFP_KERNEL | __GFP_NOWARN), -EBUSY);
	KTEST_EXPECT_EQ(t, alloc_contig_range(block, block + pageblock_nr_pages, MIGRATE_CMA,
					      GFP_KERNEL | __GFP_NOWARN), -EBUSY);
	KTEST_EXPECT_EQ(t, get_pageblock_migratetype(held), MIGRATE_CMA);
	KTEST_EXPECT_EQ(t, zone_page_state(zone, NR_FREE_PAGES), free_before);
	KTEST_EXPECT_EQ(t, zone_page_state(zone, NR_FREE_CMA_PAGES), cma_free_before);
	KTEST_EXPECT_EQ(t, page_count(held), 1);
	KTEST_EXPECT_TRUE(t, cma_release(cma, held, 1));

	/* Outside CMA, isolation itself refuses a block with a kernel page in use. */
	kpage = alloc_page(GFP_KERNEL);
	KTEST_ASSERT_TRUE(t, kpage != NULL);
	mt = get_pageblock_migratetype(kpage);
	pfn = page_to_pfn(kpage);
	KTEST_EXPECT_EQ(t, start_isolate_page_range(pfn, pfn + 1, mt, 0), -EBUSY);
	KTEST_EXPECT_EQ(t, get_pageblock_migratetype(kpage), mt);
	__free_page(kpage);

	/* A pinned page among the owner's: the whole area cannot be had, and nothing is lost. */
	{
		struct fill f;
		unsigned long last;

		KTEST_ASSERT_TRUE(t, owner_init(area_usable(cma)));
		if (!fill_area(t, cma, &f)) {
			release_held(&f);
			owner_release_all();
			return;
		}
		release_held(&f);
		last = cma->base_pfn + cma->count - 1;
		for (unsigned long slot = 0; slot < owner.nr; slot++)
			if (page_to_pfn(owner.pages[slot]) == last)
				owner.pinned = owner.pages[slot];
		KTEST_EXPECT_TRUE(t, owner.pinned != NULL);
		drain_all_pages(NULL);
		free_before = nr_free_pages();
		KTEST_EXPECT_TRUE(t, cma_alloc(cma, area_usable(cma), 0, true) == NULL);
		/*
		 * Every page that moved left a free page in the area for the one
		 * it took outside: as many free pages as before, none of the new
		 * pages migration took and did not use left behind.
		 */
		drain_all_pages(NULL);
		KTEST_EXPECT_EQ(t, nr_free_pages(), free_before);
		KTEST_EXPECT_EQ(t, page_to_pfn(owner.pinned), last);
		KTEST_EXPECT_EQ(t, owner_first_bad_slot(), owner.nr);
		KTEST_EXPECT_EQ(t, cma_free_in_bitmap(cma), area_usable(cma));
		for (unsigned long p = cma->base_pfn; p < cma->base_pfn + cma->count; p += pageblock_nr_pages)
			KTEST_EXPECT_EQ(t, get_pageblock_migratetype(pfn_to_page(p)), MIGRATE_CMA);
		owner.pinned = NULL;
		owner_release_all();
		KTEST_EXPECT_EQ(t, free_pages_in(area_first(cma), area_end(cma)), area_usable(cma));
	}
}

/* ---- devices ---------------------------------------------------------------- */

/* The first device-tree node whose memory-region is a region the given setup took, or -1. */
static int device_node_with_region(int (*setup)(struct reserved_mem *rmem), struct reserved_mem **rmem)
{
	const void *fdt = initial_boot_params;

	for (int node = fdt_next_node(fdt, -1, NULL); node >= 0; node = fdt_next_node(fdt, node, NULL)) {
		const fdt32_t *prop = fdt_getprop(fdt, node, "memory-region", NULL);
		int target;

		if (!prop)
			continue;
		target = fdt_node_offset_by_phandle(fdt, fdt32_to_cpu(*prop));
		*rmem = target >= 0 ? of_reserved_mem_lookup(target) : NULL;
		if (*rmem && (*rmem)->setup == setup)
			return node;
	}
	return -1;
}

/* A device whose memory-region is a reusable pool gets that area; its allocations come from it, not the default one. */
static void device_cma_area(struct ktest *t)
{
	struct device dev = { .init_name = "dma-test-cma", .of_node = -1 };
	struct reserved_mem *rmem = NULL;
	struct cma *area;
	struct page *page;

	dev.of_node = device_node_with_region(rmem_cma_setup, &rmem);
	if (dev.of_node < 0 || rmem->priv == dma_contiguous_default_area) {
		ktest_skip(t, "no device with its own CMA pool on this boot");
		return;
	}
	KTEST_ASSERT_TRUE(t, of_reserved_mem_device_init_by_idx(&dev, dev.of_node, 0) == 0);
	area = dev.cma_area;
	KTEST_ASSERT_TRUE(t, area != NULL);
	KTEST_EXPECT_EQ(t, (unsigned long)area, (unsigned long)rmem->priv);
	KTEST_EXPECT_EQ(t, area->base, rmem->base);
	KTEST_EXPECT_EQ(t, area->count, rmem->size >> PAGE_SHIFT);
	KTEST_EXPECT_EQ(t, (unsigned long)dev_get_cma_area(&dev), (unsigned long)area);
	/* No second memory-region entry. */
	KTEST_EXPECT_EQ(t, of_reserved_mem_device_init_by_idx(&dev, dev.of_node, 1), -ENODEV);
	page = dma_alloc_from_contiguous(&dev, 5, 2, false);
	KTEST_ASSERT_TRUE(t, page != NULL);
	KTEST_EXPECT_EQ(t, page_to_pfn(page), area->base_pfn);
	KTEST_EXPECT_EQ(t, cma_free_in_bitmap(area), area->count - 5);
	if (dma_contiguous_default_area)
		KTEST_EXPECT_EQ(t, cma_free_in_bitmap(dma_contiguous_default_area),
				area_usable(dma_contiguous_default_area));
	/* The default area's release refuses the device's pages. */
	KTEST_EXPECT_FALSE(t, dma_release_from_contiguous(NULL, page, 5));
	KTEST_EXPECT_TRUE(t, dma_release_from_contiguous(&dev, page, 5));
	KTEST_EXPECT_EQ(t, cma_free_in_bitmap(area), area->count);
	of_reserved_mem_device_release(&dev);
	KTEST_EXPECT_TRUE(t, dev.cma_area == NULL);
}

/*
 * Whether the MMU maps va as normal memory, inner and outer
 * non-cacheable: write-combining, and Linux's DMA-coherent type. The
 * long-format PAR (LPAE) holds the MAIR attribute byte of the translation
 * in bits 63:56 (ARM ARM B4.1.112): 0x44. The short-format PAR leaves its
 * attribute fields IMPLEMENTATION DEFINED (QEMU leaves them 0), so there
 * the hardware entry that maps va is decoded: its TEX[0]:C:B index into
 * PRRR (type 2 is normal) and NMRR (inner and outer 0 are non-cacheable),
 * as the MMU reads them with TEX remap (B4.1.118, B3.8.2).
 */
static bool maps_normal_noncacheable(unsigned long va, u64 par)
{
	u32 prrr, nmrr, index;
	pmdval_t l1;

	if (par & PAR_LPAE)
		return (par >> 56) == 0x44;
	l1 = pmd_section_k(va)->pmd;
	if ((l1 & 3) == 2) {		/* a section */
		index = (u32)(((l1 >> 12) & 1) << 2 | ((l1 >> 2) & 3));
	} else if ((l1 & 3) == 1) {	/* a page table: the hardware PTE beside Linux's */
		pteval_t hw = pte_val(pte_offset_kernel(pmd_off_k(va), va)[PTE_HWTABLE_PTRS]);

		index = (u32)(((hw >> 6) & 1) << 2 | ((hw >> 2) & 3));
	} else {
		return false;
	}
	__asm__ __volatile__("mrc p15, 0, %0, c10, c2, 0" : "=r"(prrr));
	__asm__ __volatile__("mrc p15, 0, %0, c10, c2, 1" : "=r"(nmrr));
	return ((prrr >> (2 * index)) & 3) == 2 && ((nmrr >> (2 * index)) & 3) == 0 &&
	       ((nmrr >> (16 + 2 * index)) & 3) == 0;
}

/* The kernel's own data is normal cached memory: what the check above must not accept. */
static bool attrs_distinguish(void)
{
	static u32 cached_word;
	unsigned long va = (unsigned long)&cached_word;

	return !maps_normal_noncacheable(va, ats1cp(va, false));
}

/*
 * A device whose memory-region is a no-map pool gets it as its coherent
 * pool: blocks of 2^order pages, aligned to their size, handed out from
 * the pool's bitmap and given back. The CPU sees the pool through
 * memremap(MEMREMAP_WC) as Linux's: the MMU translates every part of the
 * mapping to the pool's memory, normal and uncached; a block the device
 * allocator hands out is zeroed, can be written and read back, and is
 * zero again the next time it is handed out.
 */
static void device_coherent_pool(struct ktest *t)
{
	struct device dev = { .init_name = "dma-test-vram", .of_node = -1 };
	struct device other = { .init_name = "no-pool", .of_node = -1 };
	struct reserved_mem *rmem = NULL;
	struct dma_coherent_mem *mem;
	dma_addr_t handle = 0;
	void *cpu = (void *)1;
	struct vm_struct *vm;
	unsigned long pool_size;
	int a, b, c;

	dev.of_node = device_node_with_region(rmem_dma_setup, &rmem);
	if (dev.of_node < 0) {
		ktest_skip(t, "no device with a no-map coherent pool on this boot");
		return;
	}
	KTEST_ASSERT_TRUE(t, of_reserved_mem_device_init_by_idx(&dev, dev.of_node, 0) == 0);
	mem = dev.dma_mem;
	KTEST_ASSERT_TRUE(t, mem != NULL);
	KTEST_EXPECT_EQ(t, mem->pfn_base, PFN_DOWN(rmem->base));
	KTEST_EXPECT_EQ(t, mem->device_base, rmem->base);
	KTEST_EXPECT_EQ(t, (unsigned long)mem->size, rmem->size >> PAGE_SHIFT);
	/* A second device naming the same region shares the pool. */
	KTEST_ASSERT_TRUE(t, of_reserved_mem_device_init_by_idx(&other, dev.of_node, 0) == 0);
	KTEST_EXPECT_EQ(t, (unsigned long)other.dma_mem, (unsigned long)mem);
	of_reserved_mem_device_release(&other);
	KTEST_EXPECT_TRUE(t, other.dma_mem == NULL);

	/* The CPU mapping: an ioremap area of the write-combining type, all of it translating. */
	pool_size = (unsigned long)rmem->size;
	KTEST_ASSERT_TRUE(t, mem->virt_base != NULL);
	KTEST_EXPECT_TRUE(t, is_vmalloc_addr(mem->virt_base));
	vm = find_vm_area(mem->virt_base);
	KTEST_ASSERT_TRUE(t, vm != NULL);
	KTEST_EXPECT_EQ(t, vm->phys_addr, rmem->base);
	KTEST_EXPECT_EQ(t, vm->flags & ~VM_ARM_SECTION_MAPPING, VM_IOREMAP | VM_ARM_MTYPE(MT_DEVICE_WC));
	KTEST_EXPECT_TRUE(t, attrs_distinguish());
	for (unsigned long off = 0; off < pool_size; off += 61 * PAGE_SIZE + 0x124) {
		unsigned long va = (unsigned long)mem->virt_base + off;
		u64 par_r = ats1cp(va, false), par_w = ats1cp(va, true);

		if ((par_r & PAR_F) || (par_w & PAR_F) || par_to_pa(par_r, va) != rmem->base + off ||
		    par_to_pa(par_w, va) != rmem->base + off || !maps_normal_noncacheable(va, par_r)) {
			KTEST_FAIL(t, "pool offset %#lx at %#lx: PAR %#llx / %#llx, not %pa + offset, normal uncached",
				   off, va, (unsigned long long)par_r, (unsigned long long)par_w, &rmem->base);
			break;
		}
	}
	KTEST_EXPECT_EQ(t, par_to_pa(ats1cp((unsigned long)mem->virt_base + pool_size - 1, false),
				     (unsigned long)mem->virt_base + pool_size - 1),
			rmem->base + pool_size - 1);

	a = dma_coherent_claim(mem, 3 * PAGE_SIZE);	/* order 2: pages 0-3 */
	b = dma_coherent_claim(mem, 1);			/* order 0: page 4 */
	c = dma_coherent_claim(mem, 8 * PAGE_SIZE);	/* order 3: pages 8-15 */
	KTEST_EXPECT_EQ(t, a, 0);
	KTEST_EXPECT_EQ(t, b, 4);
	KTEST_EXPECT_EQ(t, c, 8);
	KTEST_EXPECT_EQ(t, dma_coherent_claim(mem, ((size_t)mem->size + 1) * PAGE_SIZE), -ENOMEM);
	/* The whole pool cannot be had while a block is out; it can once all are back. */
	KTEST_EXPECT_EQ(t, dma_coherent_claim(mem, (size_t)mem->size * PAGE_SIZE), -ENOMEM);
	dma_coherent_unclaim(mem, a, 2);
	dma_coherent_unclaim(mem, b, 0);
	dma_coherent_unclaim(mem, c, 3);
	a = dma_coherent_claim(mem, (size_t)mem->size * PAGE_SIZE);
	KTEST_EXPECT_EQ(t, a, 0);
	if (a == 0)
		dma_coherent_unclaim(mem, 0, __builtin_ctz((unsigned int)mem->size));

	/* Through the device API: page 0 first, then (2 pages, order 1) pages 2-3. */
	KTEST_EXPECT_EQ(t, dma_alloc_from_dev_coherent(&dev, PAGE_SIZE, &handle, &cpu), 1);
	KTEST_ASSERT_TRUE(t, cpu != NULL);
	KTEST_EXPECT_EQ(t, (unsigned long)cpu, (unsigned long)mem->virt_base);
	KTEST_EXPECT_EQ(t, handle, rmem->base);
	KTEST_EXPECT_EQ(t, dma_alloc_from_dev_coherent(&dev, 2 * PAGE_SIZE, &handle, &cpu), 1);
	KTEST_ASSERT_TRUE(t, cpu != NULL);
	KTEST_EXPECT_EQ(t, (unsigned long)cpu, (unsigned long)mem->virt_base + 2 * PAGE_SIZE);
	KTEST_EXPECT_EQ(t, handle, rmem->base + 2 * PAGE_SIZE);
	for (unsigned int i = 0; i < 2 * PAGE_SIZE / 4; i++)
		((volatile u32 *)cpu)[i] = pattern(i, 7);
	for (unsigned int i = 0; i < 2 * PAGE_SIZE / 4; i++)
		if (((volatile u32 *)cpu)[i] != pattern(i, 7)) {
			KTEST_FAIL(t, "word %u of a coherent block reads back %#x, not %#x", i,
				   ((volatile u32 *)cpu)[i], pattern(i, 7));
			break;
		}
	KTEST_EXPECT_EQ(t, dma_release_from_dev_coherent(&dev, 1, cpu), 1);
	KTEST_EXPECT_EQ(t, dma_release_from_dev_coherent(&dev, 0, mem->virt_base), 1);
	KTEST_EXPECT_EQ(t, dma_release_from_dev_coherent(&dev, 0, (void *)_stext), 0);
	/* Handed out again: zeroed. */
	KTEST_EXPECT_EQ(t, dma_alloc_from_dev_coherent(&dev, 2 * PAGE_SIZE, &handle, &cpu), 1);
	KTEST_ASSERT_TRUE(t, cpu != NULL);
	KTEST_EXPECT_EQ(t, handle, rmem->base);
	for (unsigned int i = 0; i < 2 * PAGE_SIZE / 4; i++)
		if (((volatile u32 *)cpu)[i]) {
			KTEST_FAIL(t, "word %u of a block handed out again is %#x, not 0", i, ((volatile u32 *)cpu)[i]);
			break;
		}
	KTEST_EXPECT_EQ(t, dma_release_from_dev_coherent(&dev, 1, cpu), 1);
	KTEST_EXPECT_EQ(t, dma_alloc_from_dev_coherent(&other, PAGE_SIZE, &handle, &cpu), 0);
	of_reserved_mem_device_release(&dev);
	KTEST_EXPECT_TRUE(t, dev.dma_mem == NULL);
}

/*
 * The atomic pool, in every boot, as Linux 6.1 makes it: 256 KiB from the
 * default CMA area when there is one (at its start), else from the page
 * allocator. Its CPU address is the linear map's, remapped uncached, for
 * lowmem CMA, and a VM_DMA_COHERENT area of the vmalloc area otherwise;
 * either way the MMU translates every page to the pool's own and reports
 * normal uncached memory (Linux's pgprot_dmacoherent: bufferable, never
 * executable). Blocks aligned to their size, first fit; given back.
 */
static void atomic_pool_allocations(struct ktest *t)
{
	struct cma *cma = dma_contiguous_default_area;
	struct page *pa = NULL, *pb = NULL, *pc = NULL, *whole = NULL, *first = atomic_pool_first_page();
	size_t size;
	char *pool = atomic_pool_range(&size);
	char *a, *b, *c, *all;
	pte_t *ptep;

	KTEST_ASSERT_TRUE(t, pool != NULL && first != NULL);
	KTEST_EXPECT_EQ(t, size, 256 * 1024);
	if (cma && cma->count) {
		KTEST_EXPECT_EQ(t, page_to_pfn(first), cma->base_pfn);
		KTEST_EXPECT_EQ(t, cma_free_in_bitmap(cma), cma->count - size / PAGE_SIZE);
	} else {
		KTEST_EXPECT_FALSE(t, in_any_area(page_to_pfn(first)));
		KTEST_EXPECT_EQ(t, page_count(first), 1);
	}
	/* Only a lowmem CMA area keeps the linear address. */
	KTEST_EXPECT_EQ(t, is_vmalloc_addr(pool), !(cma && cma->count) || PageHighMem(first));
	KTEST_EXPECT_TRUE(t, attrs_distinguish());
	for (unsigned long off = 0; off < size; off += PAGE_SIZE) {
		unsigned long va = (unsigned long)pool + off;
		u64 par = ats1cp(va, true);

		ptep = pte_offset_kernel(pmd_off_k(va), va);
		if ((pte_val(*ptep) & L_PTE_MT_MASK) != L_PTE_MT_BUFFERABLE || !(pte_val(*ptep) & L_PTE_XN) ||
		    (par & PAR_F) || par_to_pa(par, va) != page_to_phys(first) + off || !maps_normal_noncacheable(va, par)) {
			KTEST_FAIL(t, "pool page at %#lx: PTE %#llx, PAR %#llx: not page %lu of the pool, uncached and never executable",
				   va, (unsigned long long)pte_val(*ptep), (unsigned long long)par, off / PAGE_SIZE);
			break;
		}
	}
	if (is_vmalloc_addr(pool)) {
		struct vm_struct *vm = find_vm_area(pool);

		KTEST_ASSERT_TRUE(t, vm != NULL);
		KTEST_EXPECT_EQ(t, vm->flags, VM_MAP | VM_DMA_COHERENT);
		KTEST_EXPECT_EQ(t, get_vm_area_size(vm), size);
		/* The guard page after the area. */
		KTEST_EXPECT_TRUE(t, ats1cp((unsigned long)pool + size, false) & PAR_F);
	} else {
		/* The page after the pool keeps the area's mapping. */
		ptep = pte_offset_kernel(pmd_off_k((unsigned long)pool + size), (unsigned long)pool + size);
		KTEST_EXPECT_EQ(t, pte_val(*ptep) & L_PTE_MT_MASK,
				mem_types[MT_MEMORY_DMA_READY].prot_pte & L_PTE_MT_MASK);
	}

	a = __alloc_from_pool(PAGE_SIZE, &pa);		/* page 0 */
	b = __alloc_from_pool(3 * PAGE_SIZE, &pb);	/* 4 pages' alignment: pages 4-6 */
	c = __alloc_from_pool(100, &pc);		/* page 1 */
	KTEST_EXPECT_EQ(t, (unsigned long)a, (unsigned long)pool);
	KTEST_EXPECT_EQ(t, (unsigned long)b, (unsigned long)pool + 4 * PAGE_SIZE);
	KTEST_EXPECT_EQ(t, (unsigned long)c, (unsigned long)pool + PAGE_SIZE);
	KTEST_EXPECT_EQ(t, (unsigned long)pb, (unsigned long)(first + 4));
	KTEST_EXPECT_TRUE(t, __alloc_from_pool(size, &whole) == NULL);
	if (b) {
		/* Written and read back through the uncached mapping, and seen at the page's own address. */
		for (unsigned int i = 0; i < 3 * PAGE_SIZE / 4; i++)
			((volatile u32 *)b)[i] = i * 2654435761u;
		for (unsigned int i = 0; i < 3 * PAGE_SIZE / 4; i++)
			if (((volatile u32 *)b)[i] != i * 2654435761u) {
				KTEST_FAIL(t, "word %u of a pool block reads back wrong", i);
				break;
			}
	}
	KTEST_EXPECT_FALSE(t, __free_from_pool(_stext, PAGE_SIZE));
	KTEST_EXPECT_TRUE(t, a && __free_from_pool(a, PAGE_SIZE));
	KTEST_EXPECT_TRUE(t, b && __free_from_pool(b, 3 * PAGE_SIZE));
	KTEST_EXPECT_TRUE(t, c && __free_from_pool(c, 100));
	all = __alloc_from_pool(size, &whole);
	KTEST_EXPECT_EQ(t, (unsigned long)all, (unsigned long)pool);
	if (all)
		__free_from_pool(all, size);
}

static const struct ktest_case cma_cases[] = {
	KTEST_CASE(areas_activated),
	KTEST_CASE(movable_lands_in_cma_unmovable_never),
	KTEST_CASE(cma_alloc_whole_area_moves_owned_pages),
	KTEST_CASE(alignment),
	KTEST_CASE(unmovable_page_gives_ebusy),
	KTEST_CASE(device_cma_area),
	KTEST_CASE(device_coherent_pool),
	KTEST_CASE(atomic_pool_allocations),
	{}
};
KTEST_SUITE(cma, cma_cases);
