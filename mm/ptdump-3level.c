/*
 * ptdump's view of the LPAE format: block permissions from AP[2:1] and the
 * software read-only bit, and the PTE bits (the hardware reads the same
 * entries). Follows Linux's arch/arm/mm/dump.c (v6.1, LPAE branch).
 */
#include <linux/kernel.h>
#include <asm/pgtable.h>
#include <asm/ptdump.h>

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

const struct prot_bits ptdump_pte_bits[] = {
	{ .mask = L_PTE_USER, .val = L_PTE_USER, .set = "USR", .clear = "   " },
	{ .mask = L_PTE_RDONLY, .val = L_PTE_RDONLY, .set = "ro", .clear = "RW", .ro_bit = true },
	{ .mask = L_PTE_XN, .val = L_PTE_XN, .set = "NX", .clear = "x ", .nx_bit = true },
	{ .mask = L_PTE_SHARED, .val = L_PTE_SHARED, .set = "SHD", .clear = "   " },
	{ .mask = L_PTE_MT_MASK, .val = L_PTE_MT_UNCACHED, .set = "SO/UNCACHED" },
	{ .mask = L_PTE_MT_MASK, .val = L_PTE_MT_BUFFERABLE, .set = "MEM/BUFFERABLE/WC" },
	{ .mask = L_PTE_MT_MASK, .val = L_PTE_MT_WRITETHROUGH, .set = "MEM/CACHED/WT" },
	{ .mask = L_PTE_MT_MASK, .val = L_PTE_MT_WRITEBACK, .set = "MEM/CACHED/WBRA" },
	{ .mask = L_PTE_MT_MASK, .val = L_PTE_MT_WRITEALLOC, .set = "MEM/CACHED/WBWA" },
	{ .mask = L_PTE_MT_MASK, .val = L_PTE_MT_DEV_SHARED, .set = "DEV/SHARED" },
	{ .mask = L_PTE_MT_MASK, .val = L_PTE_MT_DEV_WC, .set = "DEV/WC" },
	{ .mask = L_PTE_MT_MASK, .val = L_PTE_MT_DEV_CACHED, .set = "DEV/CACHED" },
};
const unsigned int ptdump_pte_bits_num = ARRAY_SIZE(ptdump_pte_bits);

const char ptdump_section_level_name[] = "PMD";

const char *ptdump_domain_name(u64 pmdval)
{
	(void)pmdval;
	return NULL;
}
