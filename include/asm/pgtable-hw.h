/* The hardware entry set_pte_ext stores for a Linux PTE (mm/pgtable-*level.c); exposed for the tests. */
#ifndef _ASM_PGTABLE_HW_H
#define _ASM_PGTABLE_HW_H

#include <asm/pgtable.h>

#ifdef CONFIG_ARM_LPAE
pteval_t pte_hw_from_linux(pteval_t pte, unsigned int ext);
#else
u32 pte_hw_from_linux(pteval_t pte, unsigned int ext);
#endif

#endif
