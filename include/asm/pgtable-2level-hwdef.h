/*
 * Short-descriptor (classic, 2-level) translation table descriptor bits.
 * ARM ARM (DDI 0406C) B3.5.1: first-level descriptors. Facts only; the
 * Linux-view helpers built on them live in pgtable-2level.h.
 */
#ifndef _ASM_PGTABLE_2LEVEL_HWDEF_H
#define _ASM_PGTABLE_2LEVEL_HWDEF_H

#include <linux/const.h>

/* A 1 MiB section is the unit of the head.S tables. */
#define SECTION_SHIFT		20
#define SECTION_SIZE		(UL(1) << SECTION_SHIFT)
#define SECTION_MASK		(~(SECTION_SIZE - 1))
/*
 * The largest entry: a 16 MiB supersection, one descriptor repeated in 16
 * consecutive first-level entries (B3.5.1); it has no domain field (its
 * bits 8:5 and 23:20 extend the address), so it is always domain 0.
 */
#define LARGE_BLOCK_SHIFT	24
#define LARGE_BLOCK_SIZE	(UL(1) << LARGE_BLOCK_SHIFT)
#define LARGE_BLOCK_ENTRIES	(LARGE_BLOCK_SIZE / SECTION_SIZE)

/* Hardware first-level table: 4096 entries of 4 bytes, 16 KiB aligned. */
#define HW_PGD_ENTRIES		4096
#define HW_PGD_ENTRY_SHIFT	2		/* log2(bytes per first-level entry) */
#define PG_DIR_SIZE		0x4000		/* swapper_pg_dir: 16 KiB */

/* First-level descriptor, bits [1:0] */
#define PMD_TYPE_MASK		(UL(3) << 0)
#define PMD_TYPE_FAULT		(UL(0) << 0)
#define PMD_TYPE_TABLE		(UL(1) << 0)
#define PMD_TYPE_SECT		(UL(2) << 0)

/* Section descriptor fields */
#define PMD_SECT_BUFFERABLE	(UL(1) << 2)	/* B */
#define PMD_SECT_CACHEABLE	(UL(1) << 3)	/* C */
#define PMD_SECT_XN		(UL(1) << 4)
#define PMD_DOMAIN(x)		(UL(x) << 5)	/* [8:5] */
#define PMD_DOMAIN_MASK		PMD_DOMAIN(0xf)
#define PMD_SECT_AP_WRITE	(UL(1) << 10)	/* AP[0] */
#define PMD_SECT_AP_READ	(UL(1) << 11)	/* AP[1] */
#define PMD_SECT_TEX(x)		(UL(x) << 12)	/* [14:12] */
#define PMD_SECT_APX		(UL(1) << 15)	/* AP[2] */
#define PMD_SECT_S		(UL(1) << 16)
#define PMD_SECT_nG		(UL(1) << 17)
#define PMD_SECT_SUPER		(UL(1) << 18)
/*
 * Supersection extended base address (B3.5.1, short-descriptor
 * first-level formats): PA[35:32] in bits [23:20] and PA[39:36] in bits
 * [8:5], where a section has part of its base address and its domain.
 */
#define PMD_SUPERSECT_PA_35_32	(UL(0xf) << 20)
#define PMD_SUPERSECT_PA_39_36	(UL(0xf) << 5)
/* Section cacheability (C, B; with TEX remap: the low index bits) */
#define PMD_SECT_WB		(PMD_SECT_CACHEABLE | PMD_SECT_BUFFERABLE)
/* Fields of the other format, absent here: 0 so one mem_types[] serves both. */
#define PMD_SECT_AF		0
#define PMD_SECT_AP2		0

/* Second-level (page table) descriptor for 4 KiB small pages (B3.5.1, short-descriptor) */
#define HW_PTE_ENTRIES		256		/* one hardware table maps 1 MiB */
#define PTE_TYPE_MASK		(UL(3) << 0)
#define PTE_TYPE_FAULT		(UL(0) << 0)
#define PTE_TYPE_SMALL		(UL(2) << 0)	/* bit 1; bit 0 is XN for small pages */
#define PTE_EXT_XN		(UL(1) << 0)
#define PTE_BUFFERABLE		(UL(1) << 2)	/* B */
#define PTE_CACHEABLE		(UL(1) << 3)	/* C */
#define PTE_EXT_AP0		(UL(1) << 4)	/* AP[0] */
#define PTE_EXT_AP1		(UL(1) << 5)	/* AP[1]: user access */
#define PTE_EXT_TEX(x)		(UL(x) << 6)	/* [8:6] */
#define PTE_EXT_APX		(UL(1) << 9)	/* AP[2]: read-only */
#define PTE_EXT_SHARED		(UL(1) << 10)	/* S */
#define PTE_EXT_NG		(UL(1) << 11)	/* not global */
/* Bits [9:4], AP[2:0] and TEX[2:0]: what set_pte_ext builds afresh from the Linux PTE. */
#define PTE_EXT_AP_TEX_MASK	(PTE_EXT_AP0 | PTE_EXT_AP1 | PTE_EXT_TEX(7) | PTE_EXT_APX)

/*
 * With TEX remap (SCTLR.TRE=1) TEX[0]:C:B index PRRR/NMRR (B3.8.2).
 * Index 7 is normal write-back write-allocate, index 4 is device (see cp15.h).
 */
#define PMD_SECT_WBWA		(PMD_SECT_TEX(1) | PMD_SECT_CACHEABLE | PMD_SECT_BUFFERABLE)
#define PMD_SECT_DEV		(PMD_SECT_TEX(1))

/* TTBR0/1 walk attributes, multiprocessor extensions (B4.1.154): IRGN WBWA, S, NOS, RGN WBWA */
#define TTB_S			(UL(1) << 1)
#define TTB_RGN_OC_WBWA		(UL(1) << 3)
#define TTB_NOS			(UL(1) << 5)
#define TTB_IRGN_WBWA		(UL(1) << 6)
#define TTB_FLAGS_SMP		(TTB_IRGN_WBWA | TTB_S | TTB_NOS | TTB_RGN_OC_WBWA)

#endif
