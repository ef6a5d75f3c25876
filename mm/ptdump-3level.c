/*
 * ptdump's view of the LPAE format: block permissions from AP[2:1] and the
 * software read-only bit, and the PTE bits (the hardware reads the same
 * entries). Follows Linux's arch/arm/mm/dump.c (v6.1, LPAE branch).
 */
#include <linux/kernel.h>
#include <asm/pgtable.h>
#include <asm/ptdump.h>

#include "ptdump-pte-bits.h"

const struct prot_bits ptdump_section_bits[] = {
	{ .mask = PMD_SECT_USER, .val = PMD_SECT_USER, .set = "USR" },
	{ .mask = L_PMD_SECT_RDONLY | PMD_SECT_AP2, .val = L_PMD_SECT_RDONLY | PMD_SECT_AP2,
	  .set = "ro", .clear = "RW", .ro_bit = true },
	{ .mask = PMD_SECT_XN, .val = PMD_SECT_XN, .set = "NX", .clear = "x ", .nx_bit = true },
	{ .mask = PMD_SECT_S, .val = PMD_SECT_S, .set = "SHD", .clear = "   " },
	/* Not in Linux's table: the contiguous hint (CONFIG_LARGE_MAPPINGS). */
	{ .mask = PMD_SECT_CONT, .val = PMD_SECT_CONT, .set = "CONT" },
};
const unsigned int ptdump_section_bits_num = ARRAY_SIZE(ptdump_section_bits);

/* As Linux's: no MINICACHE (no such type here), no DEV_NONSHARED (the same value as DEV_SHARED). */
const struct prot_bits ptdump_pte_bits[] = {
	PTDUMP_PTE_BITS_COMMON,
};
const unsigned int ptdump_pte_bits_num = ARRAY_SIZE(ptdump_pte_bits);

const char ptdump_section_level_name[] = "PMD";

const char *ptdump_domain_name(u64 pmdval)
{
	(void)pmdval;
	return NULL;
}
