/*
 * Long-descriptor (LPAE, 3-level) translation table descriptor bits.
 * ARM ARM (DDI 0406C) B3.6.1/B3.6.2. Facts only; the Linux-view helpers
 * built on them live in pgtable-3level.h.
 */
#ifndef _ASM_PGTABLE_3LEVEL_HWDEF_H
#define _ASM_PGTABLE_3LEVEL_HWDEF_H

#include <linux/const.h>

/* The unit of the head.S tables: a 2 MiB level-2 block. */
#define SECTION_SHIFT		21
#define SECTION_SIZE		(UL(1) << SECTION_SHIFT)
#define SECTION_MASK		(~(SECTION_SIZE - 1))
/*
 * The largest run: 16 contiguous, aligned 2 MiB blocks with the same
 * attributes and the contiguous hint set, which one TLB entry may hold
 * (B3.6.2).
 */
#define LARGE_BLOCK_SHIFT	25
#define LARGE_BLOCK_SIZE	(UL(1) << LARGE_BLOCK_SHIFT)
#define LARGE_BLOCK_ENTRIES	(LARGE_BLOCK_SIZE / SECTION_SIZE)

#define PGDIR_SHIFT		30
#define PTRS_PER_PGD		4
#define PTRS_PER_PMD		512
#define PMD_ENTRY_SHIFT		3		/* 8-byte descriptors */
/* swapper_pg_dir: one page for the 4-entry PGD, then one PMD page per GiB. */
#define PG_DIR_SIZE		0x5000
#define PMD_PAGES_OFFSET	0x1000

/* Descriptor type, bits [1:0] */
#define PMD_TYPE_MASK		(ULL(3) << 0)
#define PMD_TYPE_FAULT		(ULL(0) << 0)
#define PMD_TYPE_TABLE		(ULL(3) << 0)
#define PMD_TYPE_SECT		(ULL(1) << 0)	/* block */

/* Block lower attributes */
#define PMD_SECT_ATTRINDX(x)	(ULL(x) << 2)	/* [4:2], index into MAIR0/1 */
#define PMD_SECT_NS		(ULL(1) << 5)
#define PMD_SECT_USER		(ULL(1) << 6)	/* AP[1] */
#define PMD_SECT_RDONLY		(ULL(1) << 7)	/* AP[2] */
#define PMD_SECT_AP2		PMD_SECT_RDONLY
#define PMD_SECT_S		(ULL(3) << 8)	/* SH[1:0]: inner shareable */
#define PMD_SECT_AF		(ULL(1) << 10)
#define PMD_SECT_nG		(ULL(1) << 11)
/* Block upper attributes (bit numbers within the high word: bit - 32) */
#define PMD_SECT_PXN_HI		(UL(1) << (53 - 32))
#define PMD_SECT_XN_HI		(UL(1) << (54 - 32))

/* Block upper attributes, as 64-bit values */
#define PMD_SECT_PXN		(ULL(1) << 53)
#define PMD_SECT_XN		(ULL(1) << 54)
#define PMD_SECT_CONT		(ULL(1) << 52)	/* contiguous hint (B3.6.2) */

/* Level-3 page descriptor (B3.6.2): same attribute fields as a block */
#define PTE_TYPE_MASK		(ULL(3) << 0)
#define PTE_TYPE_FAULT		(ULL(0) << 0)
#define PTE_TYPE_PAGE		(ULL(3) << 0)
#define PTE_ATTRINDX(x)		(ULL(x) << 2)
#define PTE_EXT_USER		(ULL(1) << 6)	/* AP[1] */
#define PTE_EXT_RDONLY		(ULL(1) << 7)	/* AP[2] */
#define PTE_EXT_SHARED		(ULL(3) << 8)	/* SH[1:0]: inner shareable */
#define PTE_EXT_AF		(ULL(1) << 10)
#define PTE_EXT_NG		(ULL(1) << 11)
#define PTE_EXT_PXN		(ULL(1) << 53)
#define PTE_EXT_XN		(ULL(1) << 54)
/* Output address field of table, block and page descriptors: bits [39:12] */
#define PHYS_MASK_LPAE		(ULL(0xfffffff) << 12)

/* AttrIndx bits by their classic names: index 1 is B, 2 is C (MAIR, cp15.h) */
#define PMD_SECT_BUFFERABLE	PMD_SECT_ATTRINDX(1)
#define PMD_SECT_CACHEABLE	PMD_SECT_ATTRINDX(2)
#define PMD_SECT_WB		PMD_SECT_ATTRINDX(3)
/* Fields of the classic format, absent here: 0 so one mem_types[] serves both. */
#define PMD_SECT_AP_WRITE	0
#define PMD_SECT_AP_READ	0
#define PMD_SECT_APX		0
#define PMD_SECT_TEX(x)		0
#define PMD_DOMAIN(x)		0

/* MAIR indexes (see cp15.h): 7 normal write-back write-allocate, 4 device. */
#define PMD_SECT_WBWA		PMD_SECT_ATTRINDX(7)
#define PMD_SECT_DEV		PMD_SECT_ATTRINDX(4)

/* TTBCR (B4.1.153, long-descriptor): EAE, walk attributes for TTBR0 and TTBR1 */
#define TTBCR_EAE		(UL(1) << 31)
#define TTB_IRGN_WBWA		(UL(1) << 8)
#define TTB_RGN_OC_WBWA		(UL(1) << 10)
#define TTB_S			(UL(3) << 12)
#define TTB_FLAGS_SMP		(TTB_IRGN_WBWA | TTB_S | TTB_RGN_OC_WBWA)
#define TTBCR_T1SZ_SHIFT	16
#define TTBCR_TTBR1_FLAGS_SHIFT	16

#endif
