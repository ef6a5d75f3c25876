/*
 * The walk of swapper_pg_dir behind "ptdump" and the W+X check. Follows
 * Linux's arch/arm/mm/dump.c (v6.1): one line per run of entries at the
 * same level with the same attributes and domain, a marker line where each
 * area of the address space starts. The formats differ only in their
 * attribute tables (mm/ptdump-2level.c, mm/ptdump-3level.c).
 */
#include <linux/kernel.h>
#include <asm/fixmap.h>
#include <asm/layout.h>
#include <asm/lowmem.h>
#include <asm/memory.h>
#include <asm/pgtable.h>
#include <asm/ptdump.h>
#include <asm/setup.h>

struct addr_marker {
	unsigned long start_address;
	const char *name;
};

enum ptdump_level { LEVEL_NONE, LEVEL_SECTION, LEVEL_PTE };

struct pg_state {
	bool print;
	const struct addr_marker *marker;
	unsigned long start_address;
	enum ptdump_level level;
	u64 current_prot;
	const char *current_domain;
	bool check_wx;
	unsigned long wx_pages;
	unsigned int pte_tables;
};

struct pg_level {
	const char *name;
	const struct prot_bits *bits;
	unsigned int num;
	u64 mask;		/* every bit the table looks at */
	const struct prot_bits *ro_bit, *nx_bit;
};

static struct pg_level pg_level[3];

static void ptdump_initialize(void)
{
	pg_level[LEVEL_SECTION] = (struct pg_level){ ptdump_section_level_name, ptdump_section_bits,
						     ptdump_section_bits_num, 0, NULL, NULL };
	pg_level[LEVEL_PTE] = (struct pg_level){ "PTE", ptdump_pte_bits, ptdump_pte_bits_num, 0, NULL, NULL };
	for (int l = LEVEL_SECTION; l <= LEVEL_PTE; l++)
		for (unsigned int j = 0; j < pg_level[l].num; j++) {
			const struct prot_bits *b = &pg_level[l].bits[j];

			pg_level[l].mask |= b->mask;
			if (b->ro_bit)
				pg_level[l].ro_bit = b;
			if (b->nx_bit)
				pg_level[l].nx_bit = b;
		}
}

static void dump_prot(char *buf, size_t size, int *n, u64 prot, const struct pg_level *lvl)
{
	for (unsigned int i = 0; i < lvl->num; i++) {
		const struct prot_bits *b = &lvl->bits[i];
		const char *s = (prot & b->mask) == b->val ? b->set : b->clear;

		if (s)
			*n += scnprintf(buf + *n, size - (size_t)*n, " %s", s);
	}
}

/* Follows Linux's note_prot_wx (v6.1): a run neither read-only nor never-execute is W+X. */
static void note_prot_wx(struct pg_state *st, unsigned long addr)
{
	const struct pg_level *lvl = &pg_level[st->level];

	if (!st->check_wx)
		return;
	if ((st->current_prot & lvl->ro_bit->mask) == lvl->ro_bit->val)
		return;
	if ((st->current_prot & lvl->nx_bit->mask) == lvl->nx_bit->val)
		return;
	if (!st->wx_pages)
		pr_warn("arm/mm: Found insecure W+X mapping at address %pS\n", (void *)st->start_address);
	st->wx_pages += (addr - st->start_address) / PAGE_SIZE;
}

/* Follows Linux's note_page (v6.1): close the current run when anything changes. */
static void note_page(struct pg_state *st, unsigned long addr, enum ptdump_level level, u64 val,
		      const char *domain, bool end)
{
	static const char units[] = "KMGTPE";
	u64 prot = val & pg_level[level].mask;

	if (!st->level) {
		st->level = level;
		st->current_prot = prot;
		st->current_domain = domain;
		if (st->print)
			pr_info("---[ %s ]---\n", st->marker->name);
		return;
	}
	if (!end && prot == st->current_prot && level == st->level && domain == st->current_domain &&
	    addr < st->marker[1].start_address)
		return;
	if (st->current_prot) {
		const char *unit = units;
		unsigned long delta = (addr - st->start_address) >> 10;
		char line[160];
		int n;

		note_prot_wx(st, addr);
		while (!(delta & 1023) && unit[1]) {
			delta >>= 10;
			unit++;
		}
		n = scnprintf(line, sizeof(line), "0x%08lx-0x%08lx   %9lu%c %s", st->start_address, addr,
			      delta, *unit, pg_level[st->level].name);
		if (st->current_domain)
			n += scnprintf(line + n, sizeof(line) - (size_t)n, " %s", st->current_domain);
		dump_prot(line, sizeof(line), &n, st->current_prot, &pg_level[st->level]);
		if (st->print)
			pr_info("%s\n", line);
	}
	if (!end && addr >= st->marker[1].start_address) {
		st->marker++;
		if (st->print)
			pr_info("---[ %s ]---\n", st->marker->name);
	}
	st->start_address = addr;
	st->current_prot = prot;
	st->current_domain = domain;
	st->level = level;
}

static bool pmd_is_section(u64 v)
{
	return (v & PMD_TYPE_MASK) == PMD_TYPE_SECT;
}

/*
 * Follows Linux's walk_pgd .. walk_pte (v6.1) for the kernel's tables: a
 * PMD step at a time (2 MiB); a table is walked entry by entry through its
 * Linux PTEs; in classic builds a section in the odd MiB of a PMD is its
 * own entry (pmd_section_k).
 */
static void walk_kernel(struct pg_state *st)
{
	unsigned long addr = 0;

	do {
		pmd_t *pmdp = pmd_off_k(addr);
		u64 v = pmdp->pmd;
		const char *domain = ptdump_domain_name(v);
		pmd_t *odd = pmd_section_k(addr + SECTION_SIZE);

		if (!v || pmd_is_section(v)) {
			note_page(st, addr, LEVEL_SECTION, v, domain, false);
		} else {
			pte_t *pte = pte_offset_kernel(pmdp, 0);

			st->pte_tables++;
			for (unsigned int i = 0; i < PTRS_PER_PTE; i++)
				note_page(st, addr + i * PAGE_SIZE, LEVEL_PTE, pte_val(pte[i]), domain, false);
		}
		if (odd != pmdp && pmd_is_section(odd->pmd))
			note_page(st, addr + SECTION_SIZE, LEVEL_SECTION, odd->pmd,
				  ptdump_domain_name(odd->pmd), false);
		addr += PMD_SIZE;
	} while (addr);
	note_page(st, 0, LEVEL_NONE, 0, NULL, true);
}

/* Follows Linux's ptdump_walk_pgd on init_mm (v6.1), with its markers, plus a count of the tables walked. */
void ptdump_walk_kernel(void)
{
	const struct addr_marker markers[] = {
		{ MODULES_VADDR, "Modules" },
		{ PAGE_OFFSET, "Kernel Mapping" },
		{ vmalloc_start((unsigned long)high_memory), "vmalloc() Area" },
		{ FDT_FIXED_BASE, "FDT Area" },
		{ FIXADDR_START, "Fixmap Area" },
		{ VECTORS_BASE, "Vectors" },
		{ VECTORS_BASE + PAGE_SIZE * 2, "Vectors End" },
		{ ~0UL, NULL },
	};
	struct pg_state st = { .print = true, .marker = markers };

	ptdump_initialize();
	pr_info("ptdump: the kernel's page tables (swapper_pg_dir)\n");
	walk_kernel(&st);
	pr_info("ptdump: %u PTE tables in use for %lu PMD entries of %lu KiB\n", st.pte_tables,
		(unsigned long)((1ULL << 32) / PMD_SIZE), PMD_SIZE >> 10);
}

/* Follows Linux's ptdump_check_wx (v6.1). */
unsigned long ptdump_check_wx(void)
{
	const struct addr_marker markers[] = { { 0, NULL }, { ~0UL, NULL } };
	struct pg_state st = { .marker = markers, .check_wx = true };

	ptdump_initialize();
	walk_kernel(&st);
	if (st.wx_pages)
		pr_warn("Checked W+X mappings: FAILED, %lu W+X pages found\n", st.wx_pages);
	else
		pr_info("Checked W+X mappings: passed, no W+X pages found\n");
	return st.wx_pages;
}

early_param_flag("ptdump", ptdump_at_boot);

/* The end of boot's checks: the walk when asked for ("ptdump"), then always the W+X check (Linux's debug_checkwx). */
void ptdump_at_end_of_boot(void)
{
	if (ptdump_at_boot)
		ptdump_walk_kernel();
	ptdump_check_wx();
}
