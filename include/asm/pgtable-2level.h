/*
 * Linux's view of the classic (short-descriptor) tables. Follows Linux's
 * arch/arm/include/asm/pgtable-2level.h and pgtable-2level-types.h (v6.x).
 *
 * The hardware has 4096 first-level entries of 4 bytes (1 MiB each) and
 * second-level tables of 256 entries (1 KiB). Linux pairs them up:
 *
 *   swapper_pg_dir (16 KiB)              one PTE page (4 KiB)
 *   +------------------------+           +---------------------------+ 0
 *   | pgd[0] = L1[0], L1[1]  | 2 MiB     | Linux PTEs, 1st MiB (256) |
 *   | pgd[1] = L1[2], L1[3]  |           | Linux PTEs, 2nd MiB (256) |
 *   |  ... 2048 entries of   |           +---------------------------+ 2048
 *   |  8 bytes; the PMD is   |  ------>  | hardware PTEs, 1st MiB    | <- L1[2n]
 *   |  folded into the PGD   |           | hardware PTEs, 2nd MiB    | <- L1[2n+1]
 *   +------------------------+           +---------------------------+ 4096
 *
 * The Linux entries carry what the hardware ones cannot (young, dirty,
 * the memory type as an index); set_pte_ext derives the hardware entry.
 */
#ifndef _ASM_PGTABLE_2LEVEL_H
#define _ASM_PGTABLE_2LEVEL_H

#include <linux/const.h>
#include <asm/pgtable-2level-hwdef.h>

#define PTRS_PER_PTE		512
#define PTRS_PER_PMD		1
#define PTRS_PER_PGD		2048

/* The hardware half of a PTE page starts this many Linux entries (bytes) in. */
#define PTE_HWTABLE_PTRS	(PTRS_PER_PTE)
#define PTE_HWTABLE_OFF		(PTE_HWTABLE_PTRS * 4)
#define PTE_HWTABLE_SIZE	(PTRS_PER_PTE * 4)

/* A PGD entry and its folded PMD both cover 2 MiB: two hardware sections. */
#define PMD_SHIFT		21
#define PGDIR_SHIFT		21

/* Linux PTE bits (software view). */
#define L_PTE_VALID		(UL(1) << 0)
#define L_PTE_PRESENT		(UL(1) << 0)
#define L_PTE_YOUNG		(UL(1) << 1)
#define L_PTE_DIRTY		(UL(1) << 6)
#define L_PTE_RDONLY		(UL(1) << 7)
#define L_PTE_USER		(UL(1) << 8)
#define L_PTE_XN		(UL(1) << 9)
#define L_PTE_SHARED		(UL(1) << 10)
#define L_PTE_NONE		(UL(1) << 11)

/*
 * Memory type, bits [5:2]: bits [4:2] are TEX[0]:C:B, the index PRRR/NMRR
 * remap (cp15.h); set_pte_ext copies C:B and moves bit 4 to TEX[0].
 */
#define L_PTE_MT_UNCACHED	(UL(0x00) << 2)
#define L_PTE_MT_BUFFERABLE	(UL(0x01) << 2)
#define L_PTE_MT_WRITETHROUGH	(UL(0x02) << 2)
#define L_PTE_MT_WRITEBACK	(UL(0x03) << 2)
#define L_PTE_MT_DEV_SHARED	(UL(0x04) << 2)
#define L_PTE_MT_MINICACHE	(UL(0x06) << 2)	/* XScale only; named for ptdump */
#define L_PTE_MT_WRITEALLOC	(UL(0x07) << 2)
#define L_PTE_MT_DEV_WC		(UL(0x09) << 2)
#define L_PTE_MT_DEV_CACHED	(UL(0x0b) << 2)
#define L_PTE_MT_DEV_NONSHARED	(UL(0x0c) << 2)
#define L_PTE_MT_VECTORS	(UL(0x0f) << 2)
#define L_PTE_MT_MASK		(UL(0x0f) << 2)
/* The memory-type bit set_pte_ext moves to the hardware entry's TEX[0]. */
#define L_PTE_MT_TEX0		(UL(1) << 4)

/* The output address bits of a Linux PTE. */
#define PTE_ADDR_MASK		(~UL(0xfff))

/* The LPAE software section bit, absent here (Linux defines it 0 too). */
#define L_PMD_SECT_RDONLY	0

#ifndef __ASSEMBLY__
#include <linux/types.h>

typedef u32 pteval_t;
typedef u32 pmdval_t;

typedef struct { pteval_t pte; } pte_t;
typedef struct { pmdval_t pmd; } pmd_t;
typedef struct { pmdval_t pgd[2]; } pgd_t;	/* two hardware first-level entries */
typedef struct { pteval_t pgprot; } pgprot_t;

_Static_assert(sizeof(pgd_t) == 8, "a Linux PGD entry is two hardware entries");
_Static_assert(PTRS_PER_PGD * sizeof(pgd_t) == PG_DIR_SIZE, "2048 x 8 bytes is the 16 KiB hardware table");
_Static_assert(PTE_HWTABLE_OFF + PTE_HWTABLE_SIZE == 4096, "a PTE page is 512 Linux + 512 hardware entries");
_Static_assert(2 * HW_PTE_ENTRIES == PTRS_PER_PTE, "one PTE page covers the two hardware tables of a PMD");
_Static_assert((L_PTE_MT_MASK & (L_PTE_YOUNG | L_PTE_DIRTY | L_PTE_PRESENT)) == 0,
	       "the memory type does not overlap the other Linux PTE bits");
_Static_assert(((L_PTE_DIRTY | L_PTE_RDONLY | L_PTE_USER | L_PTE_XN | L_PTE_SHARED | L_PTE_NONE) &
		(L_PTE_MT_MASK | L_PTE_YOUNG | L_PTE_PRESENT)) == 0, "Linux PTE bits are distinct");
#endif

#endif
