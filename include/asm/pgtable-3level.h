/*
 * Linux's view of the LPAE (long-descriptor) tables. Follows Linux's
 * arch/arm/include/asm/pgtable-3level.h and pgtable-3level-types.h (v6.x).
 *
 *   swapper_pg_dir: PGD page (4 entries of 1 GiB, 8 bytes each), then
 *   one PMD page per GiB (512 entries of 2 MiB); PTE pages of 512 entries
 *   of 4 KiB. Every descriptor is 64 bits, and the hardware reads the very
 *   entries Linux writes: the software bits live in bits the hardware
 *   ignores (55-58).
 */
#ifndef _ASM_PGTABLE_3LEVEL_H
#define _ASM_PGTABLE_3LEVEL_H

#include <linux/const.h>
#include <asm/pgtable-3level-hwdef.h>

#define PTRS_PER_PTE		512
/* No separate hardware entries: the hardware reads the Linux ones. */
#define PTE_HWTABLE_PTRS	0
/* PTRS_PER_PMD, PTRS_PER_PGD and PGDIR_SHIFT are hardware facts (hwdef). */
#define PMD_SHIFT		21

/* Linux PTE bits: hardware fields where there is one, software ones in 55-58. */
#define L_PTE_VALID		(ULL(1) << 0)
#define L_PTE_PRESENT		(ULL(3) << 0)		/* a page descriptor */
#define L_PTE_USER		(ULL(1) << 6)		/* AP[1] */
#define L_PTE_SHARED		(ULL(3) << 8)		/* SH[1:0] */
#define L_PTE_YOUNG		(ULL(1) << 10)		/* AF */
#define L_PTE_XN		(ULL(1) << 54)
#define L_PTE_DIRTY		(ULL(1) << 55)
#define L_PTE_SPECIAL		(ULL(1) << 56)
#define L_PTE_NONE		(ULL(1) << 57)
#define L_PTE_RDONLY		(ULL(1) << 58)

/* The output address bits of a PTE (40-bit physical addresses). */
#define PTE_ADDR_MASK		PHYS_MASK_LPAE

/*
 * Software bit of a PGD entry: it points at one of swapper_pg_dir's own
 * PMD pages (set by head.S; a copy of the kernel's PGD must not free them).
 */
#define L_PGD_SWAPPER_SHIFT	55
#define L_PGD_SWAPPER		(ULL(1) << L_PGD_SWAPPER_SHIFT)

/* Software bits of a block (section) entry. */
#define L_PMD_SECT_RDONLY	(ULL(1) << 58)

/* Memory type: the AttrIndx field itself, an index into MAIR0/MAIR1 (cp15.h). */
#define L_PTE_MT_UNCACHED	(ULL(0) << 2)
#define L_PTE_MT_BUFFERABLE	(ULL(1) << 2)
#define L_PTE_MT_WRITETHROUGH	(ULL(2) << 2)
#define L_PTE_MT_WRITEBACK	(ULL(3) << 2)
#define L_PTE_MT_WRITEALLOC	(ULL(7) << 2)
#define L_PTE_MT_DEV_SHARED	(ULL(4) << 2)
#define L_PTE_MT_DEV_NONSHARED	(ULL(4) << 2)
#define L_PTE_MT_DEV_WC		(ULL(1) << 2)
#define L_PTE_MT_DEV_CACHED	(ULL(3) << 2)
#define L_PTE_MT_MASK		(ULL(7) << 2)

#ifndef __ASSEMBLY__
#include <linux/types.h>

typedef u64 pteval_t;
typedef u64 pmdval_t;
typedef u64 pgdval_t;

typedef struct { pteval_t pte; } pte_t;
typedef struct { pmdval_t pmd; } pmd_t;
typedef struct { pgdval_t pgd; } pgd_t;
typedef struct { pteval_t pgprot; } pgprot_t;

_Static_assert(sizeof(pgd_t) == 8 && sizeof(pmd_t) == 8 && sizeof(pte_t) == 8, "64-bit descriptors");
_Static_assert(PTRS_PER_PTE * sizeof(pte_t) == 4096, "a PTE table is one page");
_Static_assert(PMD_PAGES_OFFSET + PTRS_PER_PGD * PTRS_PER_PMD * sizeof(pmd_t) == PG_DIR_SIZE,
	       "swapper_pg_dir: the PGD page, then a PMD page per GiB");
_Static_assert(((L_PTE_DIRTY | L_PTE_SPECIAL | L_PTE_NONE | L_PTE_RDONLY) &
		(PTE_EXT_XN | PTE_EXT_PXN | PHYS_MASK_LPAE | L_PTE_MT_MASK | PTE_EXT_AF)) == 0,
	       "software bits sit where the hardware ignores them");
#endif

#endif
