/*
 * Linux's view of the LPAE (long-descriptor) tables. Follows Linux's
 * arch/arm/include/asm/pgtable-3level.h (v6.x): 4 PGD entries of 1 GiB,
 * PMD entries of 2 MiB, PTE entries of 4 KiB.
 */
#ifndef _ASM_PGTABLE_3LEVEL_H
#define _ASM_PGTABLE_3LEVEL_H

#define PMD_SHIFT		21

#endif
