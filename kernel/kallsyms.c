/*
 * Address to symbol name for %pS, from the table tools/gen-kallsyms.py
 * generates at build time (Linux's kernel/kallsyms.c, v6.x, much simplified:
 * code symbols only, no compression). The first link pass has no table:
 * the weak references are then NULL and %pS prints bare addresses.
 */
#include <linux/kernel.h>
#include <linux/sprintf.h>
#include <asm/sections.h>

extern const u32 kallsyms_num_syms __attribute__((weak));
extern const u32 kallsyms_addresses[] __attribute__((weak));
extern const u32 kallsyms_name_offsets[] __attribute__((weak));
extern const char kallsyms_names[] __attribute__((weak));

/* Follows Linux's kallsyms_lookup (kernel/kallsyms.c, v6.x): the symbol at or below addr, its size up to the next symbol. */
const char *kallsyms_lookup_hook(unsigned long addr, unsigned long *size, unsigned long *offset)
{
	u32 lo = 0, hi, n;
	unsigned long region_end, next;

	if (!&kallsyms_num_syms || !kallsyms_num_syms)
		return NULL;
	n = kallsyms_num_syms;
	/* Code lives in [_text, _etext) and [__init_begin, __init_end). */
	if (addr < (unsigned long)_etext)
		region_end = (unsigned long)_etext;
	else if (addr >= (unsigned long)__init_begin && addr < (unsigned long)__init_end)
		region_end = (unsigned long)__init_end;
	else
		return NULL;
	if (addr < kallsyms_addresses[0])
		return NULL;
	/* The last entry whose address is <= addr. */
	hi = n;
	while (hi - lo > 1) {
		u32 mid = lo + (hi - lo) / 2;

		if (kallsyms_addresses[mid] <= addr)
			lo = mid;
		else
			hi = mid;
	}
	/* Aliases share an address: name the first of them, as Linux does. */
	while (lo > 0 && kallsyms_addresses[lo - 1] == kallsyms_addresses[lo])
		lo--;
	hi = lo + 1;
	while (hi < n && kallsyms_addresses[hi] == kallsyms_addresses[lo])
		hi++;
	next = hi < n ? kallsyms_addresses[hi] : region_end;
	*size = (next < region_end ? next : region_end) - kallsyms_addresses[lo];
	*offset = addr - kallsyms_addresses[lo];
	return kallsyms_names + kallsyms_name_offsets[lo];
}
