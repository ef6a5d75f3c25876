/*
 * Host unit tests for mm/memblock.c (cmocka).
 *
 * Built twice: test_memblock32 (32-bit phys_addr_t) and test_memblock64
 * (-DCONFIG_PHYS_ADDR_T_64BIT=1). printk is captured into a buffer here (the
 * KERN_ level prefix is stripped), panic aborts, and memblock_virt maps a
 * simulated RAM window [SIM_BASE, SIM_BASE + SIM_SIZE) onto a host buffer.
 * Every mutating step is followed by check_invariants().
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "khost_env.h"

#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/printk.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/types.h>

#define SIM_BASE	((phys_addr_t)0x80000000u)
#define SIM_SIZE	((phys_addr_t)(8u << 20))
#define PG		((phys_addr_t)0x1000)

/* ---- printk capture, panic and %pS from khost_printk.c; simulated RAM ------- */

#define logbuf		khost_log
#define log_clear	khost_log_clear
#define last_sym_addr	khost_last_sym_addr

/* Runs stmt and checks that it panics with msg. */
#define EXPECT_PANIC(stmt, msg) do {					\
	khost_panic_msg[0] = '\0';					\
	khost_panic_armed = 1;						\
	if (!setjmp(khost_panic_jmp)) {					\
		stmt;							\
		khost_panic_armed = 0;					\
		fail_msg("no panic from %s", #stmt);			\
	}								\
	assert_string_equal(khost_panic_msg, msg);			\
} while (0)

static unsigned char *sim_ram;

static void *sim_virt(phys_addr_t phys)
{
	if (phys < SIM_BASE || phys - SIM_BASE >= SIM_SIZE) {
		print_error("memblock_virt(0x%llx) outside the simulated RAM\n",
			    (unsigned long long)phys);
		return NULL;
	}
	return sim_ram + (phys - SIM_BASE);
}

static int setup(void **state)
{
	(void)state;
	memblock_host_reset();
	log_clear();
	if (!sim_ram)
		sim_ram = malloc(SIM_SIZE);
	assert_non_null(sim_ram);
	memset(sim_ram, 0xAA, SIM_SIZE);
	memblock_virt = sim_virt;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	return 0;
}

/* ---- checking helpers ----------------------------------------------------- */

static void check_type(const struct memblock_type *t)
{
	const char *why = memblock_type_check(t);

	if (why)
		fail_msg("%s: %s", t->name, why);
}

static void check_invariants(void)
{
	check_type(&memblock.memory);
	check_type(&memblock.reserved);
}

struct rg {
	phys_addr_t base, size;
	unsigned int flags;
};

#define expect_regions(t, ...)						\
	do {								\
		const struct rg exp_[] = { __VA_ARGS__ };		\
		expect_regions_(__FILE__, __LINE__, (t), exp_,		\
				sizeof(exp_) / sizeof(exp_[0]));	\
	} while (0)

static void expect_regions_(const char *file, int line,
			    const struct memblock_type *t,
			    const struct rg *exp, size_t n)
{
	size_t i;

	check_invariants();
	if (t->cnt != n) {
		print_error("%s:%d: %s.cnt = %lu, want %zu\n", file, line,
			    t->name, t->cnt, n);
		_fail(file, line);
	}
	for (i = 0; i < n; i++) {
		const struct memblock_region *r = &t->regions[i];

		if (r->base != exp[i].base || r->size != exp[i].size ||
		    (unsigned int)r->flags != exp[i].flags) {
			print_error("%s:%d: %s[%zu] = 0x%llx+0x%llx f%u, want 0x%llx+0x%llx f%u\n",
				    file, line, t->name, i,
				    (unsigned long long)r->base,
				    (unsigned long long)r->size, r->flags,
				    (unsigned long long)exp[i].base,
				    (unsigned long long)exp[i].size,
				    exp[i].flags);
			_fail(file, line);
		}
	}
}

#define expect_empty(t)							\
	do {								\
		check_invariants();					\
		assert_int_equal((t)->cnt, 0);				\
		assert_true((t)->total_size == 0);			\
	} while (0)

/* A deep copy of the memblock state, to prove a failed call changed nothing. */
struct snap {
	struct memblock mb;
	struct memblock_region mem[1024], res[1024];
};

static struct snap g_snap;

static void take_snap(struct snap *s)
{
	s->mb = memblock;
	memcpy(s->mem, memblock.memory.regions,
	       memblock.memory.cnt * sizeof(struct memblock_region));
	memcpy(s->res, memblock.reserved.regions,
	       memblock.reserved.cnt * sizeof(struct memblock_region));
}

static void check_snap(const struct snap *s)
{
	check_invariants();
	assert_memory_equal(&s->mb, &memblock, sizeof(memblock));
	assert_memory_equal(s->mem, memblock.memory.regions,
			    memblock.memory.cnt * sizeof(struct memblock_region));
	assert_memory_equal(s->res, memblock.reserved.regions,
			    memblock.reserved.cnt * sizeof(struct memblock_region));
}

/* Page-rounded bytes of a doubled array of n regions. */
#define ARR_BYTES(n)	((((phys_addr_t)(n) * sizeof(struct memblock_region)) + PG - 1) & ~(PG - 1))

#define OK(call)	do { assert_int_equal((call), 0); check_invariants(); } while (0)

#if PHYS_ADDR_T_SIZE == 8
# define PA(x)	"0x" #x		/* 16 digits given by the caller */
#endif

/* ---- add / merge / overlap ------------------------------------------------ */

static void test_add_merge_adjacent(void **state)
{
	(void)state;
	OK(memblock_add(0x2000, 0x1000));
	expect_regions(&memblock.memory, { 0x2000, 0x1000, 0 });
	OK(memblock_add(0x3000, 0x1000));		/* adjacent above */
	expect_regions(&memblock.memory, { 0x2000, 0x2000, 0 });
	OK(memblock_add(0x1000, 0x1000));		/* adjacent below */
	expect_regions(&memblock.memory, { 0x1000, 0x3000, 0 });
	OK(memblock_add(0x6000, 0x1000));		/* separate */
	expect_regions(&memblock.memory, { 0x1000, 0x3000, 0 },
		       { 0x6000, 0x1000, 0 });
	OK(memblock_add(0x4000, 0x2000));		/* fills the hole exactly */
	expect_regions(&memblock.memory, { 0x1000, 0x6000, 0 });
	OK(memblock_add(0, 0));				/* empty: no-op */
	expect_regions(&memblock.memory, { 0x1000, 0x6000, 0 });
	assert_true(memblock_phys_mem_size() == 0x6000);
}

static void test_add_overlaps(void **state)
{
	(void)state;
	OK(memblock_add(0x10000, 0x10000));
	OK(memblock_add(0x10000, 0x10000));		/* exact duplicate */
	expect_regions(&memblock.memory, { 0x10000, 0x10000, 0 });
	OK(memblock_add(0x14000, 0x1000));		/* contained */
	expect_regions(&memblock.memory, { 0x10000, 0x10000, 0 });
	OK(memblock_add(0x8000, 0x10000));		/* overlaps the start */
	expect_regions(&memblock.memory, { 0x8000, 0x18000, 0 });
	OK(memblock_add(0x1c000, 0xc000));		/* overlaps the end */
	expect_regions(&memblock.memory, { 0x8000, 0x20000, 0 });
	OK(memblock_add(0x4000, 0x30000));		/* covers both ends */
	expect_regions(&memblock.memory, { 0x4000, 0x30000, 0 });
	OK(memblock_add(0x40000, 0x1000));
	OK(memblock_add(0x50000, 0x1000));
	OK(memblock_add(0x30000, 0x30000));		/* spans two regions + gaps */
	expect_regions(&memblock.memory, { 0x4000, 0x5c000, 0 });
	assert_true(memblock.memory.total_size == 0x5c000);
}

static void test_add_over_flagged_keeps_flags(void **state)
{
	(void)state;
	OK(memblock_add(0x10000, 0x10000));
	OK(memblock_mark_nomap(0x10000, 0x10000));
	/* Only the missing pieces are inserted, with the new flags. */
	OK(memblock_add(0x8000, 0x20000));
	expect_regions(&memblock.memory, { 0x8000, 0x8000, 0 },
		       { 0x10000, 0x10000, MEMBLOCK_NOMAP },
		       { 0x20000, 0x8000, 0 });
}

static void test_flags_split_merge(void **state)
{
	(void)state;
	OK(memblock_add(0x100000, 0x100000));
	OK(memblock_mark_nomap(0x140000, 0x20000));	/* split in three */
	expect_regions(&memblock.memory, { 0x100000, 0x40000, 0 },
		       { 0x140000, 0x20000, MEMBLOCK_NOMAP },
		       { 0x160000, 0xa0000, 0 });
	OK(memblock_mark_hotplug(0x100000, 0x40000));	/* exact region */
	expect_regions(&memblock.memory,
		       { 0x100000, 0x40000, MEMBLOCK_HOTPLUG },
		       { 0x140000, 0x20000, MEMBLOCK_NOMAP },
		       { 0x160000, 0xa0000, 0 });
	OK(memblock_mark_hotplug(0x130000, 0x40000));	/* across boundaries */
	expect_regions(&memblock.memory,
		       { 0x100000, 0x40000, MEMBLOCK_HOTPLUG },
		       { 0x140000, 0x20000, MEMBLOCK_NOMAP | MEMBLOCK_HOTPLUG },
		       { 0x160000, 0x10000, MEMBLOCK_HOTPLUG },
		       { 0x170000, 0x90000, 0 });
	OK(memblock_clear_nomap(0x100000, 0x100000));	/* merges back */
	expect_regions(&memblock.memory,
		       { 0x100000, 0x70000, MEMBLOCK_HOTPLUG },
		       { 0x170000, 0x90000, 0 });
	OK(memblock_clear_hotplug(0x0, 0x1000000));
	expect_regions(&memblock.memory, { 0x100000, 0x100000, 0 });
	OK(memblock_mark_mirror(0x180000, 0x80000));	/* tail */
	expect_regions(&memblock.memory, { 0x100000, 0x80000, 0 },
		       { 0x180000, 0x80000, MEMBLOCK_MIRROR });
	/* Flags only ever touch memory; reserved never gets flags here. */
	OK(memblock_mark_nomap(0x300000, 0x1000));	/* no memory there */
	assert_int_equal(memblock.memory.cnt, 2);
}

/* ---- remove / reserve / free ---------------------------------------------- */

static void test_remove(void **state)
{
	(void)state;
	OK(memblock_add(0x100000, 0x100000));
	OK(memblock_remove(0x140000, 0x10000));		/* middle */
	expect_regions(&memblock.memory, { 0x100000, 0x40000, 0 },
		       { 0x150000, 0xb0000, 0 });
	OK(memblock_remove(0x100000, 0x10000));		/* start */
	expect_regions(&memblock.memory, { 0x110000, 0x30000, 0 },
		       { 0x150000, 0xb0000, 0 });
	OK(memblock_remove(0x1f0000, 0x20000));		/* end, past it */
	expect_regions(&memblock.memory, { 0x110000, 0x30000, 0 },
		       { 0x150000, 0xa0000, 0 });
	OK(memblock_remove(0x500000, 0x1000));		/* nothing there */
	OK(memblock_remove(0x120000, 0x40000));		/* spans the hole */
	expect_regions(&memblock.memory, { 0x110000, 0x10000, 0 },
		       { 0x160000, 0x90000, 0 });
	OK(memblock_remove(0x160000, 0x90000));		/* a whole region */
	expect_regions(&memblock.memory, { 0x110000, 0x10000, 0 });
	OK(memblock_remove(0, PHYS_ADDR_MAX));		/* all */
	expect_empty(&memblock.memory);
	assert_true(memblock_start_of_DRAM() == 0);
	assert_true(memblock_end_of_DRAM() == 0);
	OK(memblock_add(0x1000, 0x1000));		/* usable again */
	expect_regions(&memblock.memory, { 0x1000, 0x1000, 0 });
}

static void test_reserve_free(void **state)
{
	(void)state;
	OK(memblock_add(0x80000000u, 0x10000000));
	OK(memblock_reserve(0x80008000u, 0x100000));
	OK(memblock_reserve(0x80108000u, 0x8000));	/* adjacent: merges */
	expect_regions(&memblock.reserved, { 0x80008000u, 0x108000, 0 });
	assert_true(memblock_reserved_size() == 0x108000);
	assert_true(memblock_is_region_reserved(0x80000000u, 0x8001));
	assert_false(memblock_is_region_reserved(0x80000000u, 0x8000));
	OK(memblock_phys_free(0x80010000u, 0x1000));	/* split */
	expect_regions(&memblock.reserved, { 0x80008000u, 0x8000, 0 },
		       { 0x80011000u, 0xff000, 0 });
	OK(memblock_phys_free(0x80008000u, 0x108000));	/* all */
	expect_empty(&memblock.reserved);
	/* Memory is untouched by reserve/free. */
	expect_regions(&memblock.memory, { 0x80000000u, 0x10000000, 0 });
}

static void test_size_capping(void **state)
{
	(void)state;
	OK(memblock_add(PHYS_ADDR_MAX - 0xfff, 0x10000));
	expect_regions(&memblock.memory, { PHYS_ADDR_MAX - 0xfff, 0xfff, 0 });
	OK(memblock_reserve(PHYS_ADDR_MAX - 0x7ff, PHYS_ADDR_MAX));
	expect_regions(&memblock.reserved, { PHYS_ADDR_MAX - 0x7ff, 0x7ff, 0 });
	OK(memblock_remove(PHYS_ADDR_MAX - 0xff, PHYS_ADDR_MAX));
	expect_regions(&memblock.memory, { PHYS_ADDR_MAX - 0xfff, 0xf00, 0 });
	assert_true(memblock_is_region_memory(PHYS_ADDR_MAX - 0xfff, 0xf00));
	assert_false(memblock_is_region_memory(PHYS_ADDR_MAX - 0xfff, 0xf01));
	assert_true(memblock_end_of_DRAM() == PHYS_ADDR_MAX - 0xff);
}

/* ---- array growth ----------------------------------------------------------- */

static void test_resize_refused(void **state)
{
	struct snap *s = &g_snap;
	unsigned long i;

	(void)state;
	assert_non_null(s);
	OK(memblock_add(SIM_BASE, SIM_SIZE));
	for (i = 0; i < INIT_MEMBLOCK_REGIONS; i++)
		OK(memblock_reserve(SIM_BASE + i * 2 * PG, PG));
	assert_int_equal(memblock.reserved.cnt, INIT_MEMBLOCK_REGIONS);
	take_snap(s);
	log_clear();
	/* Linux 6.x panics: a reservation it cannot record would later be handed out. */
	EXPECT_PANIC(memblock_reserve(SIM_BASE + 0x400000, PG), "memblock: cannot resize reserved array\n");
	check_snap(s);
	/* Splitting a full array needs room too. */
	EXPECT_PANIC(memblock_phys_free(SIM_BASE + 0x100, 0x100), "memblock: cannot resize reserved array\n");
	check_snap(s);
	/*
	 * As in Linux, room is counted before merging: even filling a gap
	 * exactly needs a free entry. A range already covered needs none.
	 */
	EXPECT_PANIC(memblock_reserve(SIM_BASE + PG, PG), "memblock: cannot resize reserved array\n");
	check_snap(s);
	OK(memblock_reserve(SIM_BASE + 0x100, 0x200));
	check_snap(s);
}

static void test_resize_doubles(void **state)
{
	phys_addr_t first_array, second_array;
	unsigned long i;

	(void)state;
	OK(memblock_add(SIM_BASE, SIM_SIZE));
	memblock_allow_resize();
	memblock_debug = true;
	for (i = 0; i < INIT_MEMBLOCK_REGIONS; i++)
		OK(memblock_reserve(SIM_BASE + i * 2 * PG, PG));
	log_clear();
	OK(memblock_reserve(SIM_BASE + 0x400000, PG));
	assert_int_equal(memblock.reserved.max, 256);
	/* Top-down, page-rounded: 1 page (32-bit) or 2 (64-bit) for 256. */
	first_array = SIM_BASE + SIM_SIZE - ARR_BYTES(256);
	assert_ptr_equal(memblock.reserved.regions, sim_virt(first_array));
	assert_true(memblock_is_region_reserved(first_array, ARR_BYTES(256)));
	/* cnt: 128 + the new array + the requested range. */
	assert_int_equal(memblock.reserved.cnt, INIT_MEMBLOCK_REGIONS + 2);
	{
		phys_addr_t lo = SIM_BASE + 0x400000, hi = lo + PG - 1;
		phys_addr_t ae = first_array + 256 * sizeof(struct memblock_region) - 1;
		phys_addr_t al = first_array + ARR_BYTES(256) - 1;
		char line[512];
		size_t n = 0;

		n += (size_t)snprintf(line + n, sizeof(line) - n,
				      "memblock_reserve: [%pa-%pa] caller+0x0/0x10\n", &lo, &hi);
		n += (size_t)snprintf(line + n, sizeof(line) - n,
				      "memblock: reserved is doubled to 256 at [%pa-%pa]",
				      &first_array, &ae);
		snprintf(line + n, sizeof(line) - n,
			 "memblock_reserve: [%pa-%pa] caller+0x0/0x10\n", &first_array, &al);
		assert_string_equal(logbuf, line);
	}

	/* Past 256: doubles again from the heap and frees the first array. */
	for (i = INIT_MEMBLOCK_REGIONS; memblock.reserved.cnt < 256; i++)
		OK(memblock_reserve(SIM_BASE + i * 2 * PG, PG));
	memblock_debug = false;
	OK(memblock_reserve(SIM_BASE + 0x500000, PG));
	assert_int_equal(memblock.reserved.max, 512);
	second_array = first_array - ARR_BYTES(512);
	assert_ptr_equal(memblock.reserved.regions, sim_virt(second_array));
	assert_true(memblock_is_region_reserved(second_array, ARR_BYTES(512)));
	assert_false(memblock_is_region_reserved(first_array, ARR_BYTES(256)));
	check_invariants();

	/* Memory doubles the same way. */
	/* isolate wants room for two splits: the 128th entry triggers it. */
	for (i = 0; memblock.memory.cnt < INIT_MEMBLOCK_REGIONS - 1; i++)
		OK(memblock_remove(SIM_BASE + 0x600000 + i * 2 * PG, PG));
	assert_int_equal(memblock.memory.max, INIT_MEMBLOCK_REGIONS);
	OK(memblock_remove(SIM_BASE + 0x600000 + i * 2 * PG, PG));
	assert_int_equal(memblock.memory.max, 256);
	assert_true(memblock_is_region_reserved(
		(phys_addr_t)((uintptr_t)memblock.memory.regions -
			      (uintptr_t)sim_ram) + SIM_BASE, ARR_BYTES(256)));
	check_invariants();
}

static void test_resize_no_room(void **state)
{
	struct snap *s = &g_snap;
	unsigned long i;

	(void)state;
	assert_non_null(s);
	memblock_allow_resize();
	/* 128 one-page banks, each fully reserved: no free memory at all. */
	for (i = 0; i < INIT_MEMBLOCK_REGIONS; i++) {
		OK(memblock_add(SIM_BASE + i * 2 * PG, PG));
		OK(memblock_reserve(SIM_BASE + i * 2 * PG, PG));
	}
	take_snap(s);
	log_clear();
	assert_int_equal(memblock_add(SIM_BASE + 0x400000, PG), -ENOMEM);
	check_snap(s);
	assert_string_equal(logbuf,
		"memblock: Failed to double memory array from 128 to 256 entries !\n");
}

/* ---- allocation ------------------------------------------------------------- */

static void test_alloc_top_down_bottom_up(void **state)
{
	phys_addr_t a;

	(void)state;
	OK(memblock_add(SIM_BASE, SIM_SIZE));
	OK(memblock_reserve(SIM_BASE + SIM_SIZE - PG, PG));
	assert_false(memblock_bottom_up());
	a = memblock_phys_alloc(0x100, 0x1000);
	assert_true(a == SIM_BASE + SIM_SIZE - 2 * PG);
	check_invariants();
	assert_true(memblock_is_region_reserved(a, 0x100));
	/* Alignment: the block lands at the highest aligned spot below. */
	a = memblock_phys_alloc(0x100, 0x100000);
	assert_true(a == SIM_BASE + SIM_SIZE - 0x100000);
	a = memblock_phys_alloc(0x10, 0x10);
	assert_true(a == SIM_BASE + SIM_SIZE - PG - 0x10);	/* above the first */
	/* align 0 means the cache line size. */
	a = memblock_phys_alloc(0x8, 0);
	assert_true(a == SIM_BASE + SIM_SIZE - PG - 0x40);
	check_invariants();

	memblock_set_bottom_up(true);
	assert_true(memblock_bottom_up());
	a = memblock_phys_alloc(0x100, 0x1000);
	assert_true(a == SIM_BASE);
	a = memblock_phys_alloc(0x100, 0x1000);
	assert_true(a == SIM_BASE + PG);
	a = memblock_phys_alloc_range(0x1000, 0x1000, SIM_BASE + 0x10800,
				      MEMBLOCK_ALLOC_ACCESSIBLE);
	assert_true(a == SIM_BASE + 0x11000);
	check_invariants();
}

static void test_alloc_first_page_never(void **state)
{
	phys_addr_t a;

	(void)state;
	memblock_set_bottom_up(true);
	OK(memblock_add(0, 0x3000));
	a = memblock_phys_alloc(0x1000, 0x1000);
	assert_true(a == 0x1000);
	a = memblock_phys_alloc(0x1000, 0x1000);
	assert_true(a == 0x2000);
	a = memblock_phys_alloc(0x1000, 0x1000);
	assert_true(a == 0);	/* only page 0 left, never handed out */
	check_invariants();
}

static void test_alloc_current_limit(void **state)
{
	phys_addr_t a;

	(void)state;
	OK(memblock_add(SIM_BASE, SIM_SIZE));
	memblock_set_current_limit(SIM_BASE + 0x400000);
	assert_true(memblock_get_current_limit() == SIM_BASE + 0x400000);
	a = memblock_phys_alloc(0x1000, 0x1000);
	assert_true(a == SIM_BASE + 0x400000 - 0x1000);
	/* An explicit end is not clipped by current_limit (as in Linux). */
	a = memblock_phys_alloc_range(0x1000, 0x1000, 0, SIM_BASE + SIM_SIZE);
	assert_true(a == SIM_BASE + SIM_SIZE - 0x1000);
	/* Nothing fits below the limit: fail. */
	memblock_set_current_limit(SIM_BASE + 0x800);
	a = memblock_phys_alloc(0x1000, 0x1000);
	assert_true(a == 0);
	check_invariants();
}

static void test_alloc_skips_nomap_and_reserved(void **state)
{
	phys_addr_t a, s, e;
	u64 i;
	int n = 0;

	(void)state;
	OK(memblock_add(SIM_BASE, 0x100000));
	OK(memblock_mark_nomap(SIM_BASE + 0xf0000, 0x10000));
	OK(memblock_reserve(SIM_BASE + 0xe0000, 0x10000));
	a = memblock_phys_alloc(0x1000, 0x1000);
	assert_true(a == SIM_BASE + 0xdf000);
	assert_true(memblock_is_memory(SIM_BASE + 0xf8000));
	assert_false(memblock_is_map_memory(SIM_BASE + 0xf8000));
	assert_true(memblock_is_map_memory(SIM_BASE + 0xe8000));
	assert_false(memblock_is_memory(SIM_BASE + 0x100000));

	for_each_free_mem_range(i, MEMBLOCK_NONE, &s, &e) {
		assert_true(s == SIM_BASE && e == SIM_BASE + 0xdf000);
		n++;
	}
	assert_int_equal(n, 1);
	n = 0;
	for_each_mem_range(i, &s, &e) {
		assert_true(s == SIM_BASE && e == SIM_BASE + 0xf0000);
		n++;
	}
	assert_int_equal(n, 1);
	n = 0;
	/* With MEMBLOCK_NOMAP requested, the NOMAP range is free too. */
	for_each_free_mem_range(i, MEMBLOCK_NOMAP, &s, &e)
		n++;
	assert_int_equal(n, 2);
	n = 0;
	for_each_reserved_mem_range(i, &s, &e) {
		assert_true(s == SIM_BASE + 0xdf000 && e == SIM_BASE + 0xf0000);
		n++;
	}
	assert_int_equal(n, 1);
}

static void test_alloc_failure_unchanged(void **state)
{
	struct snap *s = &g_snap;
	unsigned long i;

	(void)state;
	assert_non_null(s);
	OK(memblock_add(SIM_BASE, 0x100000));
	OK(memblock_reserve(SIM_BASE + 0x80000, 0x1000));
	take_snap(s);
	assert_true(memblock_phys_alloc(0x100000, 0x1000) == 0);	/* too big */
	check_snap(s);
	assert_true(memblock_phys_alloc_range(0x1000, 0x1000, SIM_BASE + 0x100000,
					      SIM_BASE + 0x200000) == 0);
	check_snap(s);
	assert_null(memblock_alloc(0x100000, 0x1000));
	check_snap(s);

	/* The range is found, but reserving it needs a resize that is refused. */
	for (i = 1; memblock.reserved.cnt < INIT_MEMBLOCK_REGIONS; i++)
		OK(memblock_reserve(SIM_BASE + i * 2 * PG, PG));
	take_snap(s);
	EXPECT_PANIC(memblock_phys_alloc(0x1000, 0x1000), "memblock: cannot resize reserved array\n");
	check_snap(s);
}

static void test_alloc_virt_zeroed(void **state)
{
	unsigned char *p;
	phys_addr_t i;

	(void)state;
	OK(memblock_add(SIM_BASE, SIM_SIZE));
	p = memblock_alloc(0x2000, 0x1000);
	assert_non_null(p);
	assert_ptr_equal(p, sim_ram + SIM_SIZE - 0x2000);
	for (i = 0; i < 0x2000; i++)
		assert_int_equal(p[i], 0);
	assert_int_equal(sim_ram[SIM_SIZE - 0x2001], 0xAA);
	assert_true(memblock_is_region_reserved(SIM_BASE + SIM_SIZE - 0x2000,
						0x2000));
	check_invariants();
	memblock_virt = NULL;
	assert_null(memblock_alloc(0x10, 0x10));
}

static void test_alloc_after_retire(void **state)
{
	struct snap *s = &g_snap;
	char want[256];

	(void)state;
	assert_non_null(s);
	OK(memblock_add(SIM_BASE, SIM_SIZE));
	memblock_retire();
	assert_true(memblock_free_all_done);
	take_snap(s);
	log_clear();
	assert_true(memblock_phys_alloc(0x1000, 0x1000) == 0);
	assert_null(memblock_alloc(64, 8));
	check_snap(s);
	snprintf(want, sizeof(want),
		 "memblock: allocation of 4096 bytes after the page allocator took over, from caller+0x0/0x10\n"
		 "memblock: allocation of 64 bytes after the page allocator took over, from caller+0x0/0x10\n");
	assert_string_equal(logbuf, want);
}

/* ---- queries, iterators, mem= --------------------------------------------- */

static void test_queries(void **state)
{
	(void)state;
	OK(memblock_add(0x80000000u, 0x10000000));
	OK(memblock_add(0xa0000000u, 0x10000000));
	assert_true(memblock_start_of_DRAM() == 0x80000000u);
	assert_true(memblock_end_of_DRAM() == 0xb0000000u);
	assert_true(memblock_phys_mem_size() == 0x20000000);
	assert_true(memblock_is_memory(0x80000000u));
	assert_true(memblock_is_memory(0x8fffffffu));
	assert_false(memblock_is_memory(0x90000000u));
	assert_false(memblock_is_memory(0x7fffffffu));
	assert_true(memblock_is_region_memory(0x80001000u, 0x1000));
	assert_true(memblock_is_region_memory(0x8ffff000u, 0x1000));
	assert_false(memblock_is_region_memory(0x8ffff000u, 0x1001));
	assert_false(memblock_is_region_memory(0x90000000u, 0x1000));
	assert_true(memblock_overlaps_region(&memblock.memory, 0x8fffffffu, 2));
	assert_false(memblock_overlaps_region(&memblock.memory, 0x90000000u,
					      0x10000000));
}

static void test_iterators_reverse(void **state)
{
	phys_addr_t fs[16], fe[16], s, e;
	u64 i;
	int n = 0, m;

	(void)state;
	OK(memblock_add(0x10000, 0x10000));
	OK(memblock_add(0x30000, 0x10000));
	OK(memblock_mark_hotplug(0x38000, 0x8000));
	OK(memblock_reserve(0x8000, 0x9000));		/* head of bank 0 */
	OK(memblock_reserve(0x14000, 0x1000));		/* middle */
	OK(memblock_reserve(0x2f000, 0x2000));		/* head of bank 1 */
	OK(memblock_reserve(0x3c000, 0x10000));		/* tail, past it */
	for_each_free_mem_range(i, MEMBLOCK_NONE, &s, &e) {
		fs[n] = s;
		fe[n] = e;
		n++;
	}
	assert_int_equal(n, 4);
	assert_true(fs[0] == 0x11000 && fe[0] == 0x14000);
	assert_true(fs[1] == 0x15000 && fe[1] == 0x20000);
	assert_true(fs[2] == 0x31000 && fe[2] == 0x38000);
	assert_true(fs[3] == 0x38000 && fe[3] == 0x3c000);
	m = n;
	for_each_free_mem_range_reverse(i, MEMBLOCK_NONE, &s, &e) {
		m--;
		assert_true(m >= 0);
		assert_true(s == fs[m] && e == fe[m]);
	}
	assert_int_equal(m, 0);
	n = 0;
	for_each_mem_range_rev(i, &s, &e)
		n++;
	assert_int_equal(n, 3);
}

/* Small bitmap model of 256 pages; random ops compared to it. */
#define MP 256
#define MBASE ((phys_addr_t)0x40000000u)

static int model_mem[MP];	/* -1 absent, else flags */
static bool model_res[MP];

static unsigned int lcg_state = 12345;

static unsigned int rnd(unsigned int n)
{
	lcg_state = lcg_state * 1103515245u + 12345u;
	return (lcg_state >> 8) % n;
}

/* Mark the model pages of one free range, each at most once. */
static void mark_free_range(bool *seen, phys_addr_t s, phys_addr_t e)
{
	assert_true(s < e);
	for (unsigned long i = (unsigned long)((s - MBASE) / PG); i < (e - MBASE) / PG; i++) {
		assert_false(seen[i]);
		seen[i] = true;
	}
}

/* The free pages are exactly the model's memory that is mappable and not reserved. */
static void expect_free_pages_as_model(const bool *seen)
{
	for (int p = 0; p < MP; p++)
		assert_int_equal(seen[p], model_mem[p] >= 0 &&
				 !(model_mem[p] & MEMBLOCK_NOMAP) && !model_res[p]);
}

static void model_check(void)
{
	static struct rg exp[MP];
	static bool seen[MP];
	unsigned long n = 0;
	phys_addr_t s, e;
	int p;
	u64 it;

	check_invariants();
	/* Memory: runs of present pages with equal flags. */
	for (p = 0; p < MP; p++) {
		if (model_mem[p] < 0)
			continue;
		if (n && exp[n - 1].base + exp[n - 1].size == MBASE + (phys_addr_t)p * PG &&
		    exp[n - 1].flags == (unsigned int)model_mem[p]) {
			exp[n - 1].size += PG;
			continue;
		}
		exp[n].base = MBASE + (phys_addr_t)p * PG;
		exp[n].size = PG;
		exp[n].flags = (unsigned int)model_mem[p];
		n++;
	}
	expect_regions_(__FILE__, __LINE__, &memblock.memory, exp, n);
	n = 0;
	for (p = 0; p < MP; p++) {
		if (!model_res[p])
			continue;
		if (n && exp[n - 1].base + exp[n - 1].size == MBASE + (phys_addr_t)p * PG) {
			exp[n - 1].size += PG;
			continue;
		}
		exp[n].base = MBASE + (phys_addr_t)p * PG;
		exp[n].size = PG;
		exp[n].flags = 0;
		n++;
	}
	expect_regions_(__FILE__, __LINE__, &memblock.reserved, exp, n);

	/* Free ranges, both directions, against the model. */
	memset(seen, 0, sizeof(seen));
	e = 0;
	for_each_free_mem_range(it, MEMBLOCK_NONE, &s, &e)
		mark_free_range(seen, s, e);
	expect_free_pages_as_model(seen);
	memset(seen, 0, sizeof(seen));
	s = PHYS_ADDR_MAX;
	for_each_free_mem_range_reverse(it, MEMBLOCK_NONE, &s, &e)
		mark_free_range(seen, s, e);
	expect_free_pages_as_model(seen);
}

static void test_random_against_model(void **state)
{
	struct snap *sn = &g_snap;
	int step, p;

	(void)state;
	assert_non_null(sn);
	for (p = 0; p < MP; p++) {
		model_mem[p] = -1;
		model_res[p] = false;
	}
	for (step = 0; step < 3000; step++) {
		unsigned int op = rnd(9);
		int a = (int)rnd(MP), len = (int)rnd(24) + 1, ret;
		phys_addr_t base = MBASE + (phys_addr_t)a * PG;
		phys_addr_t size = (phys_addr_t)len * PG;
		unsigned int flag = 1u << rnd(3);

		if (a + len > MP)
			len = MP - a, size = (phys_addr_t)len * PG;
		take_snap(sn);
		switch (op) {
		case 0: case 1: ret = memblock_add(base, size); break;
		case 2: ret = memblock_remove(base, size); break;
		case 3: case 4: ret = memblock_reserve(base, size); break;
		case 5: ret = memblock_phys_free(base, size); break;
		case 6: case 7:
			ret = flag == MEMBLOCK_HOTPLUG ? memblock_mark_hotplug(base, size) :
			      flag == MEMBLOCK_MIRROR ? memblock_mark_mirror(base, size) :
			      memblock_mark_nomap(base, size);
			break;
		default:
			ret = flag == MEMBLOCK_NOMAP ? memblock_clear_nomap(base, size) :
			      memblock_clear_hotplug(base, size);
			break;
		}
		if (ret) {
			/* Only a refused resize may fail, and it changes nothing. */
			assert_int_equal(ret, -ENOMEM);
			check_snap(sn);
			continue;
		}
		for (p = a; p < a + len; p++) {
			switch (op) {
			case 0: case 1: if (model_mem[p] < 0) model_mem[p] = 0; break;
			case 2: model_mem[p] = -1; break;
			case 3: case 4: model_res[p] = true; break;
			case 5: model_res[p] = false; break;
			case 6: case 7: if (model_mem[p] >= 0) model_mem[p] |= (int)flag; break;
			default:
				if (model_mem[p] >= 0)
					model_mem[p] &= ~(int)(flag == MEMBLOCK_NOMAP ?
						MEMBLOCK_NOMAP : MEMBLOCK_HOTPLUG);
				break;
			}
		}
		model_check();
	}
}

static void test_mem_limit_remove_map(void **state)
{
	(void)state;
	OK(memblock_add(0x80000000u, 0x10000000));
	OK(memblock_add(0xa0000000u, 0x10000000));
	OK(memblock_mark_nomap(0xa8000000u, 0x1000));	/* kept: NOMAP */
	OK(memblock_reserve(0x80000000u, 0x1000));
	OK(memblock_reserve(0xa7fff000u, 0x3000));
	memblock_mem_limit_remove_map(0x18000000);	/* 384 MiB */
	expect_regions(&memblock.memory, { 0x80000000u, 0x10000000, 0 },
		       { 0xa0000000u, 0x08000000, 0 },
		       { 0xa8000000u, 0x1000, MEMBLOCK_NOMAP });
	expect_regions(&memblock.reserved, { 0x80000000u, 0x1000, 0 },
		       { 0xa7fff000u, 0x1000, 0 });
	memblock_mem_limit_remove_map(0x40000000);	/* beyond RAM: no-op */
	assert_int_equal(memblock.memory.cnt, 3);
	memblock_mem_limit_remove_map(0);		/* no-op */
	assert_int_equal(memblock.memory.cnt, 3);
}

/* ---- messages ---------------------------------------------------------------- */

static void test_dump_all(void **state)
{
	(void)state;
	OK(memblock_add(0x80000000u, 0x40000000));
	OK(memblock_mark_nomap(0x9f000000u, 0x100000));
	OK(memblock_reserve(0x80008000u, 0x9e5c08));
	log_clear();
	memblock_dump_all();			/* quiet without memblock=debug */
	assert_string_equal(logbuf, "");
	memblock_debug = true;
	memblock_dump_all();
#if PHYS_ADDR_T_SIZE == 8
	assert_string_equal(logbuf,
		"MEMBLOCK configuration:\n"
		" memory size = 0x0000000040000000 reserved size = 0x00000000009e5c08\n"
		" memory.cnt  = 0x3\n"
		" memory[0x0]\t[0x0000000080000000-0x000000009effffff], 0x000000001f000000 bytes flags: 0x0\n"
		" memory[0x1]\t[0x000000009f000000-0x000000009f0fffff], 0x0000000000100000 bytes flags: 0x4\n"
		" memory[0x2]\t[0x000000009f100000-0x00000000bfffffff], 0x0000000020f00000 bytes flags: 0x0\n"
		" reserved.cnt  = 0x1\n"
		" reserved[0x0]\t[0x0000000080008000-0x00000000809edc07], 0x00000000009e5c08 bytes flags: 0x0\n");
#else
	assert_string_equal(logbuf,
		"MEMBLOCK configuration:\n"
		" memory size = 0x40000000 reserved size = 0x009e5c08\n"
		" memory.cnt  = 0x3\n"
		" memory[0x0]\t[0x80000000-0x9effffff], 0x1f000000 bytes flags: 0x0\n"
		" memory[0x1]\t[0x9f000000-0x9f0fffff], 0x00100000 bytes flags: 0x4\n"
		" memory[0x2]\t[0x9f100000-0xbfffffff], 0x20f00000 bytes flags: 0x0\n"
		" reserved.cnt  = 0x1\n"
		" reserved[0x0]\t[0x80008000-0x809edc07], 0x009e5c08 bytes flags: 0x0\n");
#endif
	/* Empty state. */
	memblock_host_reset();
	log_clear();
	__memblock_dump_all();
#if PHYS_ADDR_T_SIZE == 8
	assert_string_equal(logbuf,
		"MEMBLOCK configuration:\n"
		" memory size = 0x0000000000000000 reserved size = 0x0000000000000000\n"
		" memory.cnt  = 0x0\n"
		" reserved.cnt  = 0x0\n");
#else
	assert_string_equal(logbuf,
		"MEMBLOCK configuration:\n"
		" memory size = 0x00000000 reserved size = 0x00000000\n"
		" memory.cnt  = 0x0\n"
		" reserved.cnt  = 0x0\n");
#endif
}

/* Out of line so the %pS caller address can be bounded. */
static __attribute__((noinline)) void debug_calls(void)
{
	void *p;

	memblock_add(0x80000000u, 0x10000000);
	memblock_reserve(0x80008000u, 0x1000);
	memblock_phys_free(0x80008000u, 0x1000);
	memblock_remove(0x8ff00000u, 0x100000);
	memblock_phys_alloc_range(0x1000, 0x1000, 0x80000000u, 0x81000000u);
	memblock_set_current_limit(0x80800000u);
	p = memblock_alloc(0x40, 0x40);
	(void)p;
}

static void test_debug_lines(void **state)
{
	(void)state;
	memblock_virt = NULL;		/* memblock_alloc stops after its line */
	debug_calls();
	assert_string_equal(logbuf, "");
	memblock_host_reset();
	memblock_virt = NULL;
	memblock_debug = true;
	last_sym_addr = 0;
	debug_calls();
	assert_true(last_sym_addr > (unsigned long)(uintptr_t)debug_calls);
	assert_true(last_sym_addr < (unsigned long)(uintptr_t)debug_calls + 4096);
#if PHYS_ADDR_T_SIZE == 8
	assert_string_equal(logbuf,
		"memblock_add: [0x0000000080000000-0x000000008fffffff] caller+0x0/0x10\n"
		"memblock_reserve: [0x0000000080008000-0x0000000080008fff] caller+0x0/0x10\n"
		"memblock_phys_free: [0x0000000080008000-0x0000000080008fff] caller+0x0/0x10\n"
		"memblock_remove: [0x000000008ff00000-0x000000008fffffff] caller+0x0/0x10\n"
		"memblock_phys_alloc_range: 4096 bytes align=0x1000 from=0x0000000080000000 max_addr=0x0000000081000000 caller+0x0/0x10\n"
		"memblock_reserve: [0x0000000080fff000-0x0000000080ffffff] caller+0x0/0x10\n"
		"memblock_alloc_try_nid: 64 bytes align=0x40 nid=-1 from=0x0000000000000000 max_addr=0x0000000000000000 caller+0x0/0x10\n");
#else
	assert_string_equal(logbuf,
		"memblock_add: [0x80000000-0x8fffffff] caller+0x0/0x10\n"
		"memblock_reserve: [0x80008000-0x80008fff] caller+0x0/0x10\n"
		"memblock_phys_free: [0x80008000-0x80008fff] caller+0x0/0x10\n"
		"memblock_remove: [0x8ff00000-0x8fffffff] caller+0x0/0x10\n"
		"memblock_phys_alloc_range: 4096 bytes align=0x1000 from=0x80000000 max_addr=0x81000000 caller+0x0/0x10\n"
		"memblock_reserve: [0x80fff000-0x80ffffff] caller+0x0/0x10\n"
		"memblock_alloc_try_nid: 64 bytes align=0x40 nid=-1 from=0x00000000 max_addr=0x00000000 caller+0x0/0x10\n");
#endif
}

static void test_mirror_fallback(void **state)
{
	phys_addr_t a;

	(void)state;
	OK(memblock_add(SIM_BASE, 0x100000));
	OK(memblock_mark_mirror(SIM_BASE, 0x10000));
	a = memblock_phys_alloc(0x1000, 0x1000);	/* mirrored first */
	assert_true(a == SIM_BASE + 0xf000);
	log_clear();
	a = memblock_phys_alloc(0x20000, 0x1000);	/* no mirror fits */
	assert_true(a == SIM_BASE + 0xe0000);
#if PHYS_ADDR_T_SIZE == 8
	assert_string_equal(logbuf,
		"Could not allocate 0x0000000000020000 bytes of mirrored memory\n");
#else
	assert_string_equal(logbuf,
		"Could not allocate 0x00020000 bytes of mirrored memory\n");
#endif
	check_invariants();
}

#if PHYS_ADDR_T_SIZE == 8
static void test_above_4g(void **state)
{
	phys_addr_t a;
	u64 i;
	phys_addr_t s, e;
	int n = 0;

	(void)state;
	OK(memblock_add(0x80000000u, 0x80000000u));
	OK(memblock_add(0x880000000ull, 0x80000000u));
	OK(memblock_add(0x100000000ull, 0x1000));	/* adjacent across 4 GiB */
	expect_regions(&memblock.memory, { 0x80000000u, 0x80001000u, 0 },
		       { 0x880000000ull, 0x80000000u, 0 });
	OK(memblock_remove(0x100000000ull, 0x1000));
	a = memblock_phys_alloc(0x1000, 0x1000);
	assert_true(a == 0x8fffff000ull);
	memblock_set_current_limit(0x100000000ull);
	a = memblock_phys_alloc(0x1000, 0x1000);
	assert_true(a == 0xfffff000ull);
	OK(memblock_reserve(0x87ffff000ull, 0x2000));	/* straddles a hole */
	expect_regions(&memblock.reserved, { 0xfffff000ull, 0x1000, 0 },
		       { 0x87ffff000ull, 0x2000, 0 },
		       { 0x8fffff000ull, 0x1000, 0 });
	for_each_free_mem_range(i, MEMBLOCK_NONE, &s, &e)
		n++;
	assert_int_equal(n, 2);	/* [2G, 4G - 4K) and [34G + 4K, 36G - 4K) */
	assert_true(memblock_end_of_DRAM() == 0x900000000ull);
	assert_true(memblock_phys_mem_size() == 0x100000000ull);
	memblock_mem_limit_remove_map(0xc0000000u);
	expect_regions(&memblock.memory, { 0x80000000u, 0x80000000u, 0 },
		       { 0x880000000ull, 0x40000000u, 0 });
}
#endif

/* The shared invariant check catches each kind of breakage. */
static void test_type_check_catches_breakage(void **state)
{
	struct memblock_region r[3];
	struct memblock_type t = { .cnt = 2, .max = 3, .regions = r, .name = "fake" };

	(void)state;
	r[0] = (struct memblock_region){ 0x1000, 0x1000, MEMBLOCK_NONE };
	r[1] = (struct memblock_region){ 0x3000, 0x1000, MEMBLOCK_NONE };
	t.total_size = 0x2000;
	assert_null(memblock_type_check(&t));
	r[1].base = 0x1800;					/* overlap */
	assert_string_equal(memblock_type_check(&t), "regions out of order or overlapping");
	r[1].base = 0x2000;					/* touching, same flags */
	assert_string_equal(memblock_type_check(&t), "adjacent regions of equal flags not merged");
	r[1].flags = MEMBLOCK_NOMAP;
	assert_null(memblock_type_check(&t));
	t.total_size = 0x3000;
	assert_string_equal(memblock_type_check(&t), "total_size is not the sum of the sizes");
	t.total_size = 0x2000;
	r[1].size = 0;
	assert_string_equal(memblock_type_check(&t), "an empty region");
	r[1].size = 0x1000;
	t.cnt = 4;
	assert_string_equal(memblock_type_check(&t), "cnt exceeds max, or no array");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_type_check_catches_breakage, setup, teardown),
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(test_add_merge_adjacent),
		T(test_add_overlaps),
		T(test_add_over_flagged_keeps_flags),
		T(test_flags_split_merge),
		T(test_remove),
		T(test_reserve_free),
		T(test_size_capping),
		T(test_resize_refused),
		T(test_resize_doubles),
		T(test_resize_no_room),
		T(test_alloc_top_down_bottom_up),
		T(test_alloc_first_page_never),
		T(test_alloc_current_limit),
		T(test_alloc_skips_nomap_and_reserved),
		T(test_alloc_failure_unchanged),
		T(test_alloc_virt_zeroed),
		T(test_alloc_after_retire),
		T(test_queries),
		T(test_iterators_reverse),
		T(test_random_against_model),
		T(test_mem_limit_remove_map),
		T(test_dump_all),
		T(test_debug_lines),
		T(test_mirror_fallback),
#if PHYS_ADDR_T_SIZE == 8
		T(test_above_4g),
#endif
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
