/*
 * The registers of an interrupted context, as the exception stubs save
 * them (boot/entry-armv.S). Follows Linux's struct pt_regs
 * (arch/arm/include/uapi/asm/ptrace.h, v6.x): r0-r12, sp, lr, pc, cpsr,
 * orig_r0.
 */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

#define S_R0		0
#define S_SP		52
#define S_LR		56
#define S_PC		60
#define S_PSR		64
#define S_FRAME_SIZE	72

#ifndef __ASSEMBLY__
#include <linux/types.h>

struct pt_regs {
	unsigned long uregs[18];
};

#define ARM_cpsr	uregs[16]
#define ARM_pc		uregs[15]
#define ARM_lr		uregs[14]
#define ARM_sp		uregs[13]
#define ARM_ip		uregs[12]
#define ARM_fp		uregs[11]
#define ARM_r10		uregs[10]
#define ARM_r0		uregs[0]

_Static_assert(sizeof(struct pt_regs) == S_FRAME_SIZE, "the stubs and C agree on the frame");
#endif

#endif
