/*
 * highmem: a highmem page written through kmap reads back through
 * kmap_local (kmap_atomic) and through another pkmap entry; page_address
 * follows the pkmap entries as Linux's does (kept after kunmap until the
 * wrap; kmap_local slots not recorded); the pkmap pool fills, refuses
 * cleanly, wraps, and the wrap clears entries nobody uses (the MMU no
 * longer translates them).
 */
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/memory.h>
#include <asm/system.h>
#include <ktest.h>

static struct page *highmem_page(struct ktest *t)
{
#ifdef CONFIG_HIGHMEM
	struct page *page;

	if (!contig_page_data.node_zones[ZONE_HIGHMEM].managed_pages) {
		ktest_skip(t, "no highmem on this boot");
		return NULL;
	}
	page = alloc_page(GFP_HIGHUSER);
	if (page && !PageHighMem(page)) {
		__free_page(page);
		ktest_skip(t, "highmem allocation fell back to lowmem");
		return NULL;
	}
	return page;
#else
	ktest_skip(t, "no HIGHMEM in this build");
	return NULL;
#endif
}

/* Written through kmap, read through kmap_local and again through kmap. */
static void write_kmap_read_kmap_local(struct ktest *t)
{
	struct page *page = highmem_page(t);
	u32 *w, *r;

	if (!page)
		return;
	w = kmap(page);
	KTEST_ASSERT_TRUE(t, w != NULL);
	KTEST_EXPECT_GE(t, (unsigned long)w, PKMAP_BASE);
	KTEST_EXPECT_LT(t, (unsigned long)w, PAGE_OFFSET);
	KTEST_EXPECT_EQ(t, (unsigned long)page_address(page), (unsigned long)w);
	KTEST_EXPECT_EQ(t, par_to_pa(ats1cp((unsigned long)w, true), (unsigned long)w), page_to_phys(page));
	for (unsigned int i = 0; i < PAGE_SIZE / 4; i++)
		w[i] = 0xc0de0000u + i;
	kunmap(page);

	r = kmap_local_page(page);
	KTEST_EXPECT_NE(t, (unsigned long)r, (unsigned long)w);
	KTEST_EXPECT_EQ(t, kmap_local_depth(), 1);
	KTEST_EXPECT_EQ(t, r[0], 0xc0de0000u);
	KTEST_EXPECT_EQ(t, r[PAGE_SIZE / 4 - 1], 0xc0de0000u + PAGE_SIZE / 4 - 1);
	kunmap_local(r);
	KTEST_EXPECT_EQ(t, kmap_local_depth(), 0);
	KTEST_EXPECT_TRUE(t, ats1cp((unsigned long)r, false) & PAR_F);
	__free_page(page);
}

/*
 * kunmap leaves the entry mapped with count 1 until a wrap clears it, and
 * Linux's page_address (v6.1) still finds it there: the page keeps its
 * address, and kmap hands the same entry out again.
 */
static void kunmapped_page_keeps_its_address(struct ktest *t)
{
	struct page *page = highmem_page(t);
	unsigned int in_use;
	void *w, *again;

	if (!page)
		return;
	in_use = kmap_pkmap_in_use();
	w = kmap(page);
	KTEST_ASSERT_TRUE(t, w != NULL);
	KTEST_EXPECT_EQ(t, kmap_pkmap_in_use(), in_use + 1);
	kunmap(page);
	KTEST_EXPECT_EQ(t, kmap_pkmap_in_use(), in_use);
	KTEST_EXPECT_EQ(t, (unsigned long)page_address(page), (unsigned long)w);
	KTEST_EXPECT_EQ(t, par_to_pa(ats1cp((unsigned long)w, false), (unsigned long)w), page_to_phys(page));
	again = kmap(page);
	KTEST_EXPECT_EQ(t, (unsigned long)again, (unsigned long)w);
	kunmap(page);
	__free_page(page);
}

/*
 * Fill the pkmap pool with distinct highmem pages: each of the LAST_PKMAP
 * (512) entries is used once, and the 513th kmap is refused with NULL
 * where Linux would sleep (docs/highmem.md); a page already mapped still
 * gets its address. Releasing them and mapping again wraps the pool, which
 * clears the stale entries; the first pages then get a different address
 * and still hold their data.
 */
static void pkmap_fills_refuses_and_wraps(struct ktest *t)
{
#ifdef CONFIG_HIGHMEM
	static struct page *pages[LAST_PKMAP + 1];
	static void *addrs[LAST_PKMAP + 1];
	static bool slot_used[LAST_PKMAP];
	unsigned int mapped = 0, n = 0;
	void *again, *extra;

	if (!contig_page_data.node_zones[ZONE_HIGHMEM].managed_pages) {
		ktest_skip(t, "no highmem on this boot");
		return;
	}
	KTEST_ASSERT_TRUE(t, kmap_pkmap_in_use() == 0);
	for (; n <= LAST_PKMAP; n++) {
		pages[n] = alloc_page(GFP_HIGHUSER | __GFP_NOWARN);
		if (!pages[n] || !PageHighMem(pages[n])) {
			if (pages[n])
				__free_page(pages[n]);
			break;
		}
	}
	if (n <= LAST_PKMAP) {
		for (unsigned int i = 0; i < n; i++)
			__free_page(pages[i]);
		ktest_skip(t, "fewer highmem pages than pkmap entries");
		return;
	}
	memset(slot_used, 0, sizeof(slot_used));
	for (unsigned int i = 0; i < LAST_PKMAP; i++) {
		unsigned long va;

		addrs[i] = kmap(pages[i]);
		if (!addrs[i]) {
			KTEST_FAIL(t, "kmap %u of %u refused: every pkmap entry must be usable", i + 1, LAST_PKMAP);
			break;
		}
		va = (unsigned long)addrs[i];
		if (va < PKMAP_BASE || va >= PAGE_OFFSET || (va & ~PAGE_MASK) ||
		    slot_used[(va - PKMAP_BASE) >> PAGE_SHIFT]) {
			KTEST_FAIL(t, "kmap %u at %#lx: not a free pkmap entry", i + 1, va);
			break;
		}
		slot_used[(va - PKMAP_BASE) >> PAGE_SHIFT] = true;
		*(u32 *)addrs[i] = i;
		mapped++;
	}
	KTEST_EXPECT_EQ(t, mapped, LAST_PKMAP);
	KTEST_EXPECT_EQ(t, kmap_pkmap_in_use(), mapped);
	extra = kmap(pages[LAST_PKMAP]);
	if (extra) {
		KTEST_FAIL(t, "kmap %u of %u entries was not refused: got %p", LAST_PKMAP + 1, LAST_PKMAP, extra);
		kunmap(pages[LAST_PKMAP]);
	}
	/* Full, but a page already mapped takes no new entry. */
	again = kmap(pages[0]);
	KTEST_EXPECT_EQ(t, (unsigned long)again, (unsigned long)addrs[0]);
	if (again)
		kunmap(pages[0]);
	for (unsigned int i = 0; i < mapped; i++)
		kunmap(pages[i]);
	KTEST_EXPECT_EQ(t, kmap_pkmap_in_use(), 0);
	/* Released entries keep their mapping until the wrap ... */
	KTEST_EXPECT_FALSE(t, ats1cp((unsigned long)addrs[1], false) & PAR_F);
	/* ... which mapping another page causes now. */
	again = kmap(pages[LAST_PKMAP]);
	KTEST_ASSERT_TRUE(t, again != NULL);
	KTEST_EXPECT_TRUE(t, ats1cp((unsigned long)addrs[1], false) & PAR_F);
	kunmap(pages[LAST_PKMAP]);
	again = kmap(pages[1]);
	KTEST_ASSERT_TRUE(t, again != NULL);
	KTEST_EXPECT_EQ(t, *(u32 *)again, 1);
	kunmap(pages[1]);
	for (unsigned int i = 0; i <= LAST_PKMAP; i++)
		__free_page(pages[i]);
#else
	ktest_skip(t, "no HIGHMEM in this build");
#endif
}

/*
 * kmap_local slots nest and are released in stack order; lowmem pages take
 * none. page_address does not see the slots (Linux's only knows pkmap
 * entries): it gives what it gave before, NULL or an entry kept from an
 * earlier kmap of the same page.
 */
static void kmap_local_nests(struct ktest *t)
{
	struct page *a = highmem_page(t), *b, *low;
	void *pa, *pb, *pl, *before;

	if (!a)
		return;
	b = alloc_page(GFP_HIGHUSER);
	low = alloc_page(GFP_KERNEL);
	KTEST_ASSERT_TRUE(t, b != NULL && low != NULL);
	before = page_address(a);
	KTEST_EXPECT_TRUE(t, before == NULL ||
			  ((unsigned long)before >= PKMAP_BASE && (unsigned long)before < PAGE_OFFSET));
	pa = kmap_local_page(a);
	pb = kmap_local_page(b);
	pl = kmap_local_page(low);
	KTEST_EXPECT_EQ(t, kmap_local_depth(), PageHighMem(b) ? 2 : 1);
	KTEST_EXPECT_EQ(t, (unsigned long)pl, (unsigned long)page_address(low));
	KTEST_EXPECT_GE(t, (unsigned long)pa, FIXADDR_START);
	KTEST_EXPECT_EQ(t, (unsigned long)page_address(a), (unsigned long)before);
	KTEST_EXPECT_EQ(t, par_to_pa(ats1cp((unsigned long)pa, true), (unsigned long)pa), page_to_phys(a));
	kunmap_local(pl);
	kunmap_local(pb);
	kunmap_local(pa);
	KTEST_EXPECT_EQ(t, kmap_local_depth(), 0);
	KTEST_EXPECT_EQ(t, (unsigned long)page_address(a), (unsigned long)before);
	__free_page(a);
	__free_page(b);
	__free_page(low);
}

static const struct ktest_case highmem_cases[] = {
	KTEST_CASE(write_kmap_read_kmap_local),
	KTEST_CASE(kunmapped_page_keeps_its_address),
	KTEST_CASE(pkmap_fills_refuses_and_wraps),
	KTEST_CASE(kmap_local_nests),
	{}
};
KTEST_SUITE(highmem, highmem_cases);
