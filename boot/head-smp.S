/*
 * A secondary CPU's way from the boot loader to C with the MMU on.
 * Follows the shape of Linux's arch/arm/kernel/head.S secondary_startup
 * and __secondary_switched (v6.1), with the Versatile holding pen of
 * arch/arm/mach-versatile/headsmp.S in front:
 *   - leave HYP as the boot CPU did, mask interrupts;
 *   - wait until secondary_data.pen names this CPU's MPIDR, so that only
 *     the CPU being brought up goes on (the boot loader lets every CPU out
 *     once its flags register is set);
 *   - invalidate the L1 data cache (unknown at reset, ARM ARM B2.2.6), load
 *     the identity map's tables with the same TTBCR/TTBR/DACR and memory
 *     attribute registers as the boot CPU (boot/head-*.S __setup_mmu_regs),
 *     turn the MMU on through __enable_mmu;
 *   - at the kernel's virtual address: the boot CPU's TTBR0/TTBR1 and
 *     SCTLR, the TLB emptied of the identity map, the stack the boot CPU
 *     allocated, then secondary_start_kernel.
 * The boot CPU wrote secondary_data and cleaned it to memory (the point of
 * coherency): this CPU reads it with its caches off.
 *
 * Registers until the MMU is on: r10 = secondary_data (physical),
 * r11 = physical minus virtual address of the image.
 */
#include <asm/assembler.h>
#include <asm/cp15.h>
#include <asm/memory.h>
#include <asm/smp.h>

	.arch_extension	virt
	.arch_extension	sec

	.section ".head.text", "ax"
	.arm
ENTRY(secondary_startup)
	bl	__hyp_stub_leave
	cpsid	aif
	adr	r0, .Lsecondary_addrs
	ldmia	r0, {r1, r10}			@ their virtual addresses
	sub	r11, r0, r1
	add	r10, r10, r11

	mrc	p15, 0, r0, c0, c0, 5		@ MPIDR
	bic	r0, r0, #0xff000000		@ MPIDR[23:0], as the DT's reg
1:	ldr	r1, [r10, #SD_PEN]
	cmp	r1, r0
	wfene
	bne	1b

	bl	v7_invalidate_l1		@ r0-r3, r5, r12
	ldr	r4, [r10, #SD_PGDIR]
	ldr	r8, =PAGE_OFFSET
	add	r8, r8, r11			@ PHYS_OFFSET
	bl	__setup_mmu_regs
	ldr	r13, =__secondary_switched
	b	__enable_mmu
ENDPROC(secondary_startup)

	.align	2
.Lsecondary_addrs:
	.word	.Lsecondary_addrs
	.word	secondary_data
	.ltorg

	.text
__secondary_switched:
	ldr	r0, =secondary_data
#ifdef CONFIG_ARM_LPAE
	ldrd	r2, r3, [r0, #SD_TTBR0]
	mcrr	p15, 0, r2, r3, c2		@ TTBR0
	ldrd	r2, r3, [r0, #SD_TTBR1]
	mcrr	p15, 1, r2, r3, c2		@ TTBR1
#else
	ldr	r2, [r0, #SD_TTBR0]
	mcr	p15, 0, r2, c2, c0, 0		@ TTBR0
	ldr	r2, [r0, #SD_TTBR1]
	mcr	p15, 0, r2, c2, c0, 1		@ TTBR1
#endif
	isb
	/* The identity map's entries may be in this CPU's TLB: gone before anything maps there (B3.10.1). */
	mov	r2, #0
	mcr	p15, 0, r2, c8, c7, 0		@ TLBIALL
	dsb	nsh
	isb
	ldr	r2, [r0, #SD_SCTLR]
	mcr	p15, 0, r2, c1, c0, 0		@ SCTLR: high vectors as the boot CPU
	isb
	ldr	sp, [r0, #SD_STACK]
	mov	fp, #0
	b	secondary_start_kernel
ENDPROC(__secondary_switched)
