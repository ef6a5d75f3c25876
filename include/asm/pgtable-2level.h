/*
 * Linux's view of the classic (short-descriptor) tables. Follows Linux's
 * arch/arm/include/asm/pgtable-2level.h (v6.x): a Linux PGD entry is two
 * hardware first-level entries, so it covers 2 MiB, and the PMD is folded.
 */
#ifndef _ASM_PGTABLE_2LEVEL_H
#define _ASM_PGTABLE_2LEVEL_H

#define PMD_SHIFT		21
#define PGDIR_SHIFT		21
#define PTRS_PER_PGD		2048

#endif
