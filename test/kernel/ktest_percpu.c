/*
 * percpu: setup_per_cpu_areas and the per-CPU allocator (mm/percpu.c,
 * mm/percpu-alloc.c). The possible CPUs are the DT's cpu nodes; each has a
 * unit holding a copy of the template's initial values, at its own offset,
 * units apart and in reserved memory the page allocator never got; this
 * CPU's pointer is CPU 0's; alloc_percpu gives zeroed, aligned memory in
 * every unit, takes freed memory back, fails cleanly when the dynamic area
 * is full and has it all again once everything is freed.
 *
 * The expected sizes are worked out here from Linux's rules (a unit is the
 * template, 8 KiB reserved and at least 20 KiB dynamic, rounded up to
 * pages, and at least 32 KiB), not read from the allocator.
 */
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/of_fdt.h>
#include <linux/percpu.h>
#include <linux/string.h>
#include <libfdt.h>
#include <asm/lowmem.h>
#include <asm/memory.h>
#include <asm/sections.h>
#include <ktest.h>

#define RESERVED_BYTES		8192u	/* Linux's PERCPU_MODULE_RESERVE */
#define DYNAMIC_AT_LEAST	20480u	/* PERCPU_DYNAMIC_EARLY_SIZE */
#define UNIT_AT_LEAST		32768u	/* PCPU_MIN_UNIT_SIZE */
#define PIECE			1024u	/* the exhaustion case's allocation */
#define MAX_PIECES		64u

/* Initial values the template holds and every unit must hold too. */
static DEFINE_PER_CPU(u32, percpu_pattern[8]) = {
	0x11111111, 0x22222222, 0x33333333, 0x44444444,
	0x55555555, 0x66666666, 0x77777777, 0x88888888,
};
static DEFINE_PER_CPU(u16, percpu_counter) = 0x5a5a;

static void __percpu *pieces[MAX_PIECES];

static size_t static_bytes(void)
{
	return (size_t)(__per_cpu_end - __per_cpu_start);
}

/* The unit and the dynamic area, by Linux's rules (pcpu_build_alloc_info with page atoms). */
static size_t expected_size_sum(void)
{
	return PAGE_ALIGN(static_bytes() + RESERVED_BYTES + DYNAMIC_AT_LEAST);
}

static size_t expected_unit(void)
{
	return max(expected_size_sum(), (size_t)UNIT_AT_LEAST);
}

static size_t expected_dynamic(void)
{
	return expected_size_sum() - static_bytes() - RESERVED_BYTES;
}

/* CPU @cpu's unit: its first byte (the copy of the template's). */
static unsigned long unit_base(unsigned int cpu)
{
	return (unsigned long)__per_cpu_start + per_cpu_offset(cpu);
}

/* A per-CPU pointer's offset in every unit. */
static unsigned long unit_offset(const void __percpu *ptr)
{
	return (unsigned long)ptr - (unsigned long)__per_cpu_start;
}

/* The DT's cpu nodes, counted here with libfdt; a DT without any leaves the boot CPU alone. */
static void possible_cpus_are_the_dt_cpu_nodes(struct ktest *t)
{
	const void *fdt = initial_boot_params;
	int cpus, node, len;
	unsigned int count = 0;

	KTEST_ASSERT_TRUE(t, fdt != NULL);
	cpus = fdt_path_offset(fdt, "/cpus");
	if (cpus >= 0) {
		fdt_for_each_subnode(node, fdt, cpus) {
			const char *type = fdt_getprop(fdt, node, "device_type", &len);

			if (type && !strcmp(type, "cpu"))
				count++;
		}
	}
	KTEST_EXPECT_EQ(t, num_possible_cpus(), count ? count : 1);
	KTEST_EXPECT_GE(t, num_possible_cpus(), 1);
	KTEST_EXPECT_LE(t, num_possible_cpus(), NR_CPUS);
}

static void every_unit_holds_the_template(struct ktest *t)
{
	static const u32 want[8] = {
		0x11111111, 0x22222222, 0x33333333, 0x44444444,
		0x55555555, 0x66666666, 0x77777777, 0x88888888,
	};
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		KTEST_EXPECT_EQ(t, memcmp(per_cpu_ptr(&percpu_pattern, cpu), want, sizeof(want)), 0);
		KTEST_EXPECT_EQ(t, per_cpu(percpu_counter, cpu), 0x5a5a);
	}
}

/* Offsets distinct, units a whole unit apart, none reaching into the template. */
static void units_distinct_and_disjoint(struct ktest *t)
{
	unsigned int a, b;

	for_each_possible_cpu(a) {
		unsigned long base = unit_base(a);

		KTEST_EXPECT_NE(t, per_cpu_offset(a), 0);
		KTEST_EXPECT_TRUE(t, base + expected_unit() <= (unsigned long)__per_cpu_start ||
				     base >= (unsigned long)__per_cpu_end);
		KTEST_EXPECT_EQ(t, base % PAGE_SIZE, 0);
		for_each_possible_cpu(b) {
			unsigned long other = unit_base(b);

			if (a == b)
				continue;
			KTEST_EXPECT_NE(t, per_cpu_offset(a), per_cpu_offset(b));
			KTEST_EXPECT_TRUE(t, base + expected_unit() <= other || other + expected_unit() <= base);
		}
	}
}

/* Every page of every unit is memblock-reserved and PageReserved: the buddy allocator never had it. */
static void units_in_reserved_memory(struct ktest *t)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		for (unsigned long va = unit_base(cpu); va < unit_base(cpu) + expected_size_sum(); va += PAGE_SIZE) {
			KTEST_EXPECT_TRUE(t, va >= PAGE_OFFSET && va < (unsigned long)high_memory);
			KTEST_EXPECT_TRUE(t, memblock_is_region_reserved(__pa(va), PAGE_SIZE));
			KTEST_EXPECT_TRUE(t, PageReserved(virt_to_page(va)));
		}
	}
}

/* The template is init memory (free_initmem frees it), not any CPU's instance. */
static void template_is_init_memory(struct ktest *t)
{
	unsigned int cpu;

	KTEST_EXPECT_GE(t, (unsigned long)__per_cpu_start, (unsigned long)__init_begin);
	KTEST_EXPECT_LE(t, (unsigned long)__per_cpu_end, (unsigned long)__init_end);
	for_each_possible_cpu(cpu)
		KTEST_EXPECT_NE(t, (unsigned long)per_cpu_ptr(&percpu_counter, cpu), (unsigned long)&percpu_counter);
}

/* A write to one CPU's instance leaves the others alone. */
static void instances_are_separate(struct ktest *t)
{
	unsigned int cpu, last = num_possible_cpus() - 1;

	*per_cpu_ptr(&percpu_counter, last) = 0x1234;
	for_each_possible_cpu(cpu)
		KTEST_EXPECT_EQ(t, per_cpu(percpu_counter, cpu), cpu == last ? 0x1234 : 0x5a5a);
	*per_cpu_ptr(&percpu_counter, last) = 0x5a5a;
}

static void this_cpu_is_cpu0(struct ktest *t)
{
	u64 __percpu *p = alloc_percpu(u64);

	KTEST_EXPECT_EQ(t, smp_processor_id(), 0);
	KTEST_EXPECT_EQ(t, (unsigned long)this_cpu_ptr(&percpu_counter), (unsigned long)per_cpu_ptr(&percpu_counter, 0));
	KTEST_ASSERT_TRUE(t, p != NULL);
	KTEST_EXPECT_EQ(t, (unsigned long)this_cpu_ptr(p), (unsigned long)per_cpu_ptr(p, 0));
	free_percpu(p);
}

/*
 * Dirty an allocation in every unit, free it, allocate the same size: the
 * same place comes back (first fit), zeroed in every unit, inside the
 * dynamic area, a unit apart for each CPU.
 */
static void alloc_zeroed_and_distinct(struct ktest *t)
{
	u8 __percpu *p = __alloc_percpu(200, 8), *q;
	unsigned int cpu;

	KTEST_ASSERT_TRUE(t, p != NULL);
	for_each_possible_cpu(cpu)
		memset(per_cpu_ptr(p, cpu), 0xa5, 200);
	free_percpu(p);
	q = __alloc_percpu(200, 8);
	KTEST_ASSERT_TRUE(t, q == p);
	KTEST_EXPECT_GE(t, unit_offset(q), static_bytes() + RESERVED_BYTES);
	KTEST_EXPECT_LE(t, unit_offset(q) + 200, expected_size_sum());
	for_each_possible_cpu(cpu) {
		const u8 *b = per_cpu_ptr(q, cpu);
		unsigned int nonzero = 0;

		for (unsigned int i = 0; i < 200; i++)
			nonzero += b[i] != 0;
		KTEST_EXPECT_EQ(t, nonzero, 0);
		KTEST_EXPECT_EQ(t, (unsigned long)b, unit_base(cpu) + unit_offset(q));
	}
	free_percpu(q);
}

static void alignment_honoured(struct ktest *t)
{
	static const size_t aligns[] = { 4, 8, 64, 256, PAGE_SIZE };
	void __percpu *small = __alloc_percpu(4, 4);

	/* A 4-byte allocation first, so that the next free byte is not aligned by chance. */
	KTEST_ASSERT_TRUE(t, small != NULL);
	for (unsigned int i = 0; i < ARRAY_SIZE(aligns); i++) {
		void __percpu *p = __alloc_percpu(24, aligns[i]);
		unsigned int cpu;

		KTEST_ASSERT_TRUE(t, p != NULL);
		for_each_possible_cpu(cpu)
			KTEST_EXPECT_EQ(t, (unsigned long)per_cpu_ptr(p, cpu) % aligns[i], 0);
		free_percpu(p);
	}
	free_percpu(small);
}

/* a, b; free a; the next one of a's size takes a's place; b is kept. */
static void free_then_reuse(struct ktest *t)
{
	void __percpu *a = __alloc_percpu(64, 4);
	void __percpu *b = __alloc_percpu(64, 4);
	void __percpu *c;

	KTEST_ASSERT_TRUE(t, a && b);
	KTEST_EXPECT_NE(t, (unsigned long)a, (unsigned long)b);
	*(u32 *)per_cpu_ptr(b, 0) = 0xfeedface;
	free_percpu(a);
	c = __alloc_percpu(64, 4);
	KTEST_EXPECT_EQ(t, (unsigned long)c, (unsigned long)a);
	KTEST_EXPECT_EQ(t, *(u32 *)per_cpu_ptr(b, 0), 0xfeedface);
	free_percpu(c);
	free_percpu(b);
}

/* Bad sizes and alignments are refused. */
static void illegal_requests_refused(struct ktest *t)
{
	KTEST_EXPECT_TRUE(t, __alloc_percpu_gfp(0, 4, __GFP_NOWARN) == NULL);
	KTEST_EXPECT_TRUE(t, __alloc_percpu_gfp(16, 12, __GFP_NOWARN) == NULL);
	KTEST_EXPECT_TRUE(t, __alloc_percpu_gfp(16, 2 * PAGE_SIZE, __GFP_NOWARN) == NULL);
	KTEST_EXPECT_TRUE(t, __alloc_percpu_gfp(UNIT_AT_LEAST + 4, 4, __GFP_NOWARN) == NULL);
	KTEST_EXPECT_TRUE(t, __alloc_percpu_gfp(~(size_t)0, 4, __GFP_NOWARN) == NULL);
}

/*
 * Fill the dynamic area with 1 KiB pieces: it holds no more than its size
 * allows and not much less (what boot took, the zones' lists, is small);
 * the next one fails with Linux's warning. Freed, the area gives the same
 * number again from the same first place.
 */
static void exhaustion_then_all_back(struct ktest *t)
{
	unsigned int n = 0, again = 0;
	void __percpu *first;

	while (n < MAX_PIECES && (pieces[n] = __alloc_percpu_gfp(PIECE, 4, __GFP_NOWARN)))
		n++;
	KTEST_ASSERT_TRUE(t, n < MAX_PIECES);
	KTEST_EXPECT_LE(t, n * PIECE, expected_dynamic());
	KTEST_EXPECT_GE(t, n * PIECE + 4096 + PIECE, expected_dynamic());
	/* With the warning, once: the boot test reads the line. */
	KTEST_EXPECT_TRUE(t, __alloc_percpu(PIECE, 4) == NULL);
	first = pieces[0];
	for (unsigned int i = 0; i < n; i++)
		free_percpu(pieces[i]);

	while (again < MAX_PIECES && (pieces[again] = __alloc_percpu_gfp(PIECE, 4, __GFP_NOWARN)))
		again++;
	KTEST_EXPECT_EQ(t, again, n);
	KTEST_EXPECT_EQ(t, (unsigned long)pieces[0], (unsigned long)first);
	for (unsigned int i = 0; i < again; i++)
		free_percpu(pieces[i]);
}

/* The reserved area serves __alloc_reserved_percpu, between the static and the dynamic part. */
static void reserved_area_serves_reserved(struct ktest *t)
{
	void __percpu *r = __alloc_reserved_percpu(64, 8);

	KTEST_ASSERT_TRUE(t, r != NULL);
	KTEST_EXPECT_GE(t, unit_offset(r), static_bytes());
	KTEST_EXPECT_LE(t, unit_offset(r) + 64, static_bytes() + RESERVED_BYTES);
	free_percpu(r);
}

/* A pointer inside an allocation, or one freed already, is refused: the allocation stays. */
static void bad_frees_refused(struct ktest *t)
{
	u8 __percpu *p = __alloc_percpu(64, 4);
	void __percpu *q;

	KTEST_ASSERT_TRUE(t, p != NULL);
	free_percpu(p + 8);
	q = __alloc_percpu(64, 4);
	KTEST_EXPECT_NE(t, (unsigned long)q, (unsigned long)p);
	free_percpu(q);
	free_percpu(p);
	free_percpu(p);
	q = __alloc_percpu(64, 4);
	KTEST_EXPECT_EQ(t, (unsigned long)q, (unsigned long)p);
	free_percpu(q);
}

static const struct ktest_case percpu_cases[] = {
	KTEST_CASE(possible_cpus_are_the_dt_cpu_nodes),
	KTEST_CASE(every_unit_holds_the_template),
	KTEST_CASE(units_distinct_and_disjoint),
	KTEST_CASE(units_in_reserved_memory),
	KTEST_CASE(template_is_init_memory),
	KTEST_CASE(instances_are_separate),
	KTEST_CASE(this_cpu_is_cpu0),
	KTEST_CASE(alloc_zeroed_and_distinct),
	KTEST_CASE(alignment_honoured),
	KTEST_CASE(free_then_reuse),
	KTEST_CASE(illegal_requests_refused),
	KTEST_CASE(exhaustion_then_all_back),
	KTEST_CASE(reserved_area_serves_reserved),
	KTEST_CASE(bad_frees_refused),
	{}
};
KTEST_SUITE(percpu, percpu_cases);
