/* The page-table names policy code uses, for whichever format is configured. */
#ifndef _ASM_PGTABLE_H
#define _ASM_PGTABLE_H

#include <linux/const.h>
#include <asm/pgtable-hwdef.h>

#ifdef CONFIG_ARM_LPAE
#include <asm/pgtable-3level.h>
#else
#include <asm/pgtable-2level.h>
#endif

#define PMD_SIZE		(UL(1) << PMD_SHIFT)
#define PMD_MASK		(~(PMD_SIZE - 1))

#endif
