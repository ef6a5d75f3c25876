/*
 * libFuzzer harness: random sequences of alloc_vmap_area, free
 * (free_vmap_area_noflush), purge and early reservations through
 * mm/vmap_area.c and lib/rbtree.c, against a reference model written
 * here: a sorted array of taken ranges, busy or freed-but-unpurged, where
 * a fit is found by walking the gaps in address order. After every step:
 *  - both give the same address (or both fail), purging at the same time
 *    (an allocation that finds nothing purges and tries once more; a free
 *    past lazy_max_pages() purges);
 *  - vmap_area_verify: both trees keep the red-black rules, the free
 *    tree's subtree_max_size maxima are right, each tree's in-order walk
 *    is its list, free areas never touch (they are merged);
 *  - the counters (busy, lazy and free areas and bytes, the largest free
 *    area) are the model's, and find_vmap_area finds every busy area by
 *    its first and last byte and nothing in a gap.
 *
 *  - every object the logic holds is an area of one of its lists.
 *
 * Input: 4 bytes per step. Byte 0 picks the step (0-4 alloc, 5-6 free,
 * 7: purge, or with bit 3 set an early reservation). alloc: byte 1 the
 * size (bit 7: 1-64 MiB, else 1-128 pages), byte 2 the alignment (4 KiB
 * << (b % 12)), byte 3 the window [vstart, vend) in 4 MiB steps from
 * either end. free: bytes 1-2 pick a busy area. reserve: byte 1 the size
 * in pages, bytes 2-3 the start page.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/kernel.h>
#include <linux/vmalloc.h>
#include <asm/page.h>

#define AREA_START	0xe0000000UL
#define AREA_SIZE	(128UL << 20)
#define AREA_END	(AREA_START + AREA_SIZE)
#define MAX_RANGES	4096

#define CHECK(cond, what) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "step %u: %s\n", step, what);		\
		__builtin_trap();					\
	}								\
} while (0)

/* Objects handed out and not given back: every one must be an area of some list. */
static unsigned long live_objects;

struct vmap_area *vmap_area_obj_alloc(void)
{
	live_objects++;
	return malloc(sizeof(struct vmap_area));
}

void vmap_area_obj_free(struct vmap_area *va)
{
	live_objects--;
	free(va);
}

static unsigned long flushes;

void vmap_area_flush_tlb_range(unsigned long start, unsigned long end)
{
	(void)start;
	(void)end;
	flushes++;
}

/* ---- The model: taken ranges sorted by start ---- */
struct range {
	unsigned long start, end;
	bool lazy;
};
static struct range model[MAX_RANGES];
static unsigned int nr_model;
static unsigned long model_lazy_pages, model_purges;
static unsigned int step;

static void model_insert(unsigned long start, unsigned long end, bool lazy)
{
	unsigned int i = 0;

	while (i < nr_model && model[i].start < start)
		i++;
	memmove(&model[i + 1], &model[i], (nr_model - i) * sizeof(model[0]));
	model[i] = (struct range){ start, end, lazy };
	nr_model++;
}

static void model_purge(void)
{
	unsigned int j = 0;

	for (unsigned int i = 0; i < nr_model; i++)
		if (!model[i].lazy)
			model[j++] = model[i];
	/* A purge with nothing waiting does nothing, and is not counted. */
	if (j != nr_model)
		model_purges++;
	nr_model = j;
	model_lazy_pages = 0;
}

/* The gap after range i (i == -1: the one before the first), inside the area. */
static void gap_after(int i, unsigned long *gs, unsigned long *ge)
{
	*gs = i < 0 ? AREA_START : model[i].end;
	*ge = (unsigned int)(i + 1) < nr_model ? model[i + 1].start : AREA_END;
}

static bool model_fit(unsigned long size, unsigned long align, unsigned long vstart, unsigned long vend,
		      unsigned long *addr)
{
	for (int i = -1; i < (int)nr_model; i++) {
		unsigned long gs, ge, a;

		gap_after(i, &gs, &ge);
		a = (max(gs, vstart) + align - 1) & ~(align - 1);
		if (a + size <= ge && a + size <= vend) {
			*addr = a;
			return true;
		}
	}
	return false;
}

static bool model_alloc(unsigned long size, unsigned long align, unsigned long vstart, unsigned long vend,
			unsigned long *addr)
{
	if (vstart >= vend)
		return false;
	if (!model_fit(size, align, vstart, vend, addr)) {
		/* The kernel purges and tries once more. */
		model_purge();
		if (!model_fit(size, align, vstart, vend, addr))
			return false;
	}
	model_insert(*addr, *addr + size, false);
	return true;
}

static void check_against_model(void)
{
	struct vmap_area_stats s;
	unsigned long busy = 0, busy_bytes = 0, lazy = 0, free_areas = 0, free_bytes = 0, largest = 0;

	CHECK(vmap_area_verify() == 0, "vmap_area_verify");
	for (int i = -1; i < (int)nr_model; i++) {
		unsigned long gs, ge;

		if (i >= 0) {
			if (model[i].lazy) {
				lazy++;
			} else {
				struct vmap_area *va = find_vmap_area(model[i].start);

				busy++;
				busy_bytes += model[i].end - model[i].start;
				CHECK(va && va->va_start == model[i].start && va->va_end == model[i].end,
				      "find_vmap_area: first byte");
				CHECK(find_vmap_area(model[i].end - 1) == va, "find_vmap_area: last byte");
			}
		}
		gap_after(i, &gs, &ge);
		if (gs < ge) {
			free_areas++;
			free_bytes += ge - gs;
			largest = max(largest, ge - gs);
			CHECK(!find_vmap_area(gs) && !find_vmap_area(ge - 1), "find_vmap_area in a gap");
		}
	}
	vmap_area_stats(&s);
	CHECK(s.busy_areas == busy && s.busy_bytes == busy_bytes, "busy areas");
	CHECK(s.lazy_areas == lazy && s.lazy_pages == model_lazy_pages, "lazily freed areas");
	CHECK(s.free_areas == free_areas && s.free_bytes == free_bytes, "free areas");
	CHECK(s.largest_free == largest, "largest free area");
	CHECK(s.purges == model_purges, "purges");
	CHECK(live_objects == s.busy_areas + s.free_areas + s.lazy_areas, "an object outside every list (leaked)");
}

static void do_alloc(const uint8_t *b)
{
	unsigned long size = (b[1] & 0x80) ? ((b[1] & 0x3fUL) + 1) << 20 : ((b[1] & 0x7fUL) + 1) << PAGE_SHIFT;
	unsigned long align = PAGE_SIZE << (b[2] % 12);
	unsigned long vstart = AREA_START + (b[3] & 0xfUL) * (4UL << 20);
	unsigned long vend = AREA_END - (b[3] >> 4) * (4UL << 20);
	unsigned long want = 0;
	bool ok = nr_model < MAX_RANGES - 1 && model_alloc(size, align, vstart, vend, &want);
	struct vmap_area *va;

	if (nr_model >= MAX_RANGES - 1)
		return;
	va = alloc_vmap_area(size, align, vstart, vend);
	CHECK(!!va == ok, ok ? "alloc_vmap_area failed where the model fits" : "alloc_vmap_area fits where the model does not");
	if (va)
		CHECK(va->va_start == want && va->va_end == want + size, "alloc_vmap_area: not the lowest fit");
}

static void do_free(const uint8_t *b)
{
	unsigned int busy = 0, pick;

	for (unsigned int i = 0; i < nr_model; i++)
		busy += !model[i].lazy;
	if (!busy)
		return;
	pick = (b[1] | (unsigned int)b[2] << 8) % busy;
	for (unsigned int i = 0; i < nr_model; i++) {
		if (model[i].lazy || pick--)
			continue;
		free_vmap_area_noflush(find_vmap_area(model[i].start));
		model[i].lazy = true;
		model_lazy_pages += (model[i].end - model[i].start) >> PAGE_SHIFT;
		if (model_lazy_pages > lazy_max_pages())
			model_purge();
		return;
	}
}

static void do_reserve(const uint8_t *b)
{
	unsigned long start = AREA_START + ((b[2] | (unsigned long)b[3] << 8) % (AREA_SIZE >> PAGE_SHIFT)) * PAGE_SIZE;
	unsigned long end = start + ((b[1] + 1UL) << PAGE_SHIFT);
	bool ok = false;

	if (end > AREA_END || nr_model >= MAX_RANGES - 1)
		return;
	for (int i = -1; i < (int)nr_model; i++) {
		unsigned long gs, ge;

		gap_after(i, &gs, &ge);
		ok |= start >= gs && end <= ge;
	}
	CHECK(vmap_area_reserve(start, end, NULL) == ok, "vmap_area_reserve disagrees with the model");
	if (ok)
		model_insert(start, end, false);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	vmap_area_reset(AREA_START, AREA_END);
	nr_model = 0;
	model_lazy_pages = model_purges = 0;
	for (step = 0; size >= 4; step++, data += 4, size -= 4) {
		unsigned int op = data[0] & 7;

		if (op <= 4)
			do_alloc(data);
		else if (op <= 6)
			do_free(data);
		else if (data[0] & 8)
			do_reserve(data);
		else {
			purge_vmap_area_lazy();
			model_purge();
		}
		check_against_model();
	}
	vmap_area_reset(0, 0);	/* every object back, for the leak check */
	return 0;
}
