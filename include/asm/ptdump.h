/*
 * ptdump: the kernel's page tables as Linux's kernel_page_tables shows
 * them, and the W+X check. Follows Linux's arch/arm/include/asm/ptdump.h
 * and arch/arm/mm/dump.c (v6.1). The attribute names are data, one table
 * per format (mm/ptdump-2level.c, mm/ptdump-3level.c; the page rows both
 * have in mm/ptdump-pte-bits.h).
 */
#ifndef _ASM_PTDUMP_H
#define _ASM_PTDUMP_H

#include <linux/types.h>

/* One attribute: when (value & mask) == val print set, else clear (if any). */
struct prot_bits {
	u64 mask;
	u64 val;
	const char *set;
	const char *clear;
	bool ro_bit;		/* this one says read-only */
	bool nx_bit;		/* this one says never-execute */
};

/* The format's tables and names (Linux's section_bits, pte_bits, get_domain_name). */
extern const struct prot_bits ptdump_section_bits[];
extern const unsigned int ptdump_section_bits_num;
extern const struct prot_bits ptdump_pte_bits[];
extern const unsigned int ptdump_pte_bits_num;
/* "PGD" in classic builds (the PMD is folded), "PMD" with LPAE. */
extern const char ptdump_section_level_name[];
/* The domain of a first-level entry (classic), or NULL (LPAE has none). */
const char *ptdump_domain_name(u64 pmdval);

/* Print the walk of swapper_pg_dir ("ptdump" on the command line). */
void ptdump_walk_kernel(void);
/* Linux's ptdump_check_wx: the report line; returns the W+X pages found. */
unsigned long ptdump_check_wx(void);
/* After mem_init: the walk if "ptdump" was given, then the W+X check. */
void ptdump_at_end_of_boot(void);

#endif
