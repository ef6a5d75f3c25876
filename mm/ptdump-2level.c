/*
 * ptdump's view of the classic format: section permissions from AP[2:0],
 * the domain of each first-level entry, and the Linux PTE bits (the
 * software half of a PTE page). Follows Linux's arch/arm/mm/dump.c (v6.1,
 * ARMv6+ branch).
 */
#include <linux/kernel.h>
#include <asm/domain.h>
#include <asm/pgtable.h>
#include <asm/ptdump.h>

#include "ptdump-pte-bits.h"

#define SECT_AP		(PMD_SECT_APX | PMD_SECT_AP_READ | PMD_SECT_AP_WRITE)

const struct prot_bits ptdump_section_bits[] = {
	{ .mask = SECT_AP, .val = PMD_SECT_APX | PMD_SECT_AP_WRITE, .set = "    ro", .ro_bit = true },
	{ .mask = SECT_AP, .val = PMD_SECT_AP_WRITE, .set = "    RW" },
	{ .mask = SECT_AP, .val = PMD_SECT_AP_READ, .set = "USR ro" },
	{ .mask = SECT_AP, .val = PMD_SECT_AP_READ | PMD_SECT_AP_WRITE, .set = "USR RW" },
	{ .mask = PMD_SECT_XN, .val = PMD_SECT_XN, .set = "NX", .clear = "x ", .nx_bit = true },
	{ .mask = PMD_SECT_S, .val = PMD_SECT_S, .set = "SHD", .clear = "   " },
	/* Not in Linux's table: 16 MiB supersections (CONFIG_LARGE_MAPPINGS). */
	{ .mask = PMD_SECT_SUPER, .val = PMD_SECT_SUPER, .set = "SUPER" },
};
const unsigned int ptdump_section_bits_num = ARRAY_SIZE(ptdump_section_bits);

/*
 * Linux lists the two memory types only classic has among the others;
 * each PTE has one memory type and classic's are all different, so at
 * most one of these rows prints and their place changes no line.
 */
const struct prot_bits ptdump_pte_bits[] = {
	PTDUMP_PTE_BITS_COMMON,
	{ .mask = L_PTE_MT_MASK, .val = L_PTE_MT_MINICACHE, .set = "MEM/MINICACHE" },
	{ .mask = L_PTE_MT_MASK, .val = L_PTE_MT_DEV_NONSHARED, .set = "DEV/NONSHARED" },
};
const unsigned int ptdump_pte_bits_num = ARRAY_SIZE(ptdump_pte_bits);

const char ptdump_section_level_name[] = "PGD";

/* Linux's get_domain_name: the names are padded to one width. */
const char *ptdump_domain_name(u64 pmdval)
{
	/* A supersection has no domain field (its bits are address bits): it is domain 0. */
	if (pmd_is_large_block(pmdval))
		return "KERNEL ";
	switch (pmdval & PMD_DOMAIN_MASK) {
	case PMD_DOMAIN(DOMAIN_KERNEL):
		return "KERNEL ";
	case PMD_DOMAIN(DOMAIN_USER):
		return "USER   ";
	case PMD_DOMAIN(DOMAIN_IO):
		return "IO     ";
	case PMD_DOMAIN(DOMAIN_VECTORS):
		return "VECTORS";
	default:
		return "unknown";
	}
}
