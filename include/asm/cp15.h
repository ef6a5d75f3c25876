/*
 * CP15 system control register bits and the fixed values this kernel
 * programs. ARM ARM (DDI 0406C) section B4.1 for each register.
 */
#ifndef _ASM_CP15_H
#define _ASM_CP15_H

#include <linux/const.h>

/* SCTLR (B4.1.130) */
#define CR_M		BIT(0)		/* MMU enable */
#define CR_A		BIT(1)		/* alignment checking */
#define CR_C		BIT(2)		/* data/unified cache enable */
#define CR_Z		BIT(11)		/* branch prediction */
#define CR_I		BIT(12)		/* instruction cache */
#define CR_V		BIT(13)		/* high vectors at 0xffff0000 */
#define CR_TRE		BIT(28)		/* TEX remap */
#define CR_AFE		BIT(29)		/* access flag enable */
#define CR_TE		BIT(30)		/* exceptions taken in Thumb */

/* Bits head.S sets when it turns the MMU on (V is set later, once vectors are mapped). */
#define CR_BOOT_SET	(CR_M | CR_C | CR_Z | CR_I | CR_TRE)
#define CR_BOOT_CLEAR	(CR_A | CR_V | CR_AFE | CR_TE)

/* CPSR modes and mask bits */
#define MODE_MASK	0x1f
#define USR_MODE	0x10
#define FIQ_MODE	0x11
#define IRQ_MODE	0x12
#define SVC_MODE	0x13
#define ABT_MODE	0x17
#define HYP_MODE	0x1a
#define UND_MODE	0x1b
#define SYSTEM_MODE	0x1f
#define PSR_F_BIT	0x40
#define PSR_I_BIT	0x80
#define PSR_A_BIT	0x100

/* Domains and the boot DACR: asm/domain.h (the head.S tables put everything in DOMAIN_KERNEL). */
#include <asm/domain.h>

/*
 * TEX remap registers (B4.1.127/B4.1.110): the values Linux uses, so the
 * TEX[0]:C:B index means the same as in Linux: 0 strongly-ordered,
 * 1 normal uncached, 2 write-through, 3 write-back, 4 device, 7 write-back
 * write-allocate.
 */
#define PRRR_VALUE	0xff0a81a8
#define NMRR_VALUE	0x40e040e0

/*
 * Long-descriptor memory attributes (B4.1.104): MAIR0 holds indexes 0-3,
 * MAIR1 4-7, with the same meanings as the PRRR/NMRR indexes above.
 */
#define MAIR0_VALUE	0xeeaa4400
#define MAIR1_VALUE	0xff000004

/* PMCR and PMCNTENSET bits: counters on, cycle counter reset, its divide-by-64, its enable. */
#define PMCR_E		(1 << 0)
#define PMCR_C		(1 << 2)
#define PMCR_D		(1 << 3)
#define PMCNTENSET_C	(1 << 31)

/* ID_MMFR0.VMSA (B4.1.89): 5 or more means the long-descriptor format is implemented. */
#define ID_MMFR0_VMSA_MASK	0xf
#define ID_MMFR0_VMSA_LPAE	5

/* CNTHCTL (ARM ARM B4.1, Generic Timer B8): PL1 and PL0 may read the physical count, use the physical timer. */
#define CNTHCTL_PL1PCTEN	(1 << 0)
#define CNTHCTL_PL1PCEN		(1 << 1)

#endif

