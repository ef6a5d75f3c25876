/*
 * Kernel entry: from reset state to start_kernel() with the MMU on.
 * Follows the shape of Linux's arch/arm/kernel/head.S (v6.x): stext,
 * __create_page_tables, __enable_mmu, __turn_mmu_on, __mmap_switched.
 *
 * Boot protocol (Documentation/arch/arm/booting.rst): r0 = 0,
 * r1 = machine type, r2 = physical address of the DTB; MMU and D-cache
 * off; SVC or HYP mode.
 *
 * Register use until start_kernel:
 *   r4  = physical address of swapper_pg_dir
 *   r6  = 1 if we were entered in HYP mode
 *   r7  = physical address of a valid DTB, or 0
 *   r8  = PHYS_OFFSET (physical address of PAGE_OFFSET)
 *   r9  = MIDR
 *   r10 = r1 as passed, r11 = r2 as passed
 *   r13 = virtual address to continue at once the MMU is on
 */
#include <asm/assembler.h>
#include <asm/cp15.h>
#include <asm/memory.h>
#include <asm/pgtable-hwdef.h>
#include "head.h"

#define FDT_MAGIC_LE	0xedfe0dd0	/* 0xd00dfeed, big-endian in memory */

	.arch_extension	virt
	.arch_extension	sec

	.section ".head.text", "ax"
	.arm
ENTRY(stext)
	/*
	 * Count from the first instruction (bootstats, asm/bootstats.h): the
	 * cycle counter on and zeroed, no divider (ARM ARM C12, PMCR and
	 * PMCNTENSET). r0-r2 carry the boot protocol: r3 only.
	 */
	mrc	p15, 0, r3, c9, c12, 0		@ PMCR
	bic	r3, r3, #PMCR_D
	orr	r3, r3, #(PMCR_E | PMCR_C)
	mcr	p15, 0, r3, c9, c12, 0
	mov	r3, #PMCNTENSET_C
	mcr	p15, 0, r3, c9, c12, 1		@ PMCNTENSET
	mov	r10, r1
	mov	r11, r2
	bl	__hyp_stub_leave
	cpsid	aif

	/* Until the MMU is on, exceptions land in __boot_vectors (physical). */
	adr	r0, __boot_vectors
	mcr	p15, 0, r0, c12, c0, 0		@ VBAR

	/* PHYS_OFFSET: the image was loaded at PHYS_OFFSET + TEXT_OFFSET. */
	adr	r3, stext
	sub	r8, r3, #TEXT_OFFSET
	ldr	r0, =(PHYS_OFFSET_ALIGN - 1)
	tst	r8, r0
	bne	__error_phys_align

	mrc	p15, 0, r9, c0, c0, 0		@ MIDR
#ifdef CONFIG_ARM_LPAE
	mrc	p15, 0, r0, c0, c1, 4		@ ID_MMFR0
	and	r0, r0, #ID_MMFR0_VMSA_MASK
	cmp	r0, #ID_MMFR0_VMSA_LPAE
	blo	__error_lpae
#endif
	bl	__vet_fdt
	bl	__create_page_tables
	bl	v7_invalidate_l1
	bl	__setup_mmu_regs
	ldr	r13, =__mmap_switched
	b	__enable_mmu
ENDPROC(stext)

/*
 * Leave HYP for SVC if the boot loader entered us in HYP, so the kernel
 * runs at PL1 (ARM ARM B1.8.1). Also give PL1 the physical counter and
 * timer and zero the virtual offset, as Linux's hyp-stub does.
 */
	.globl	__hyp_stub_leave		@ also for secondary_startup (head-smp.S)
__hyp_stub_leave:
	mov	r6, #0
	mrs	r0, cpsr
	and	r1, r0, #MODE_MASK
	cmp	r1, #HYP_MODE
	movne	pc, lr
	mov	r6, #1
	mrc	p15, 4, r1, c14, c1, 0		@ CNTHCTL
	orr	r1, r1, #(CNTHCTL_PL1PCEN | CNTHCTL_PL1PCTEN)
	mcr	p15, 4, r1, c14, c1, 0
	mov	r1, #0
	mcrr	p15, 4, r1, r1, c14		@ CNTVOFF = 0
	bic	r0, r0, #MODE_MASK
	orr	r0, r0, #(SVC_MODE | PSR_I_BIT | PSR_F_BIT)
	orr	r0, r0, #PSR_A_BIT
	msr	spsr_cxsf, r0
	msr	elr_hyp, lr
	eret
ENDPROC(__hyp_stub_leave)

/*
 * r7 = r2 if it points at something that starts with the FDT magic, else 0.
 * Only addresses at or above PHYS_OFFSET are read (r2 may be garbage);
 * a read that still faults ends in __boot_vectors with a message.
 */
__vet_fdt:
	mov	r7, #0
	cmp	r11, #0
	moveq	pc, lr
	tst	r11, #3
	movne	pc, lr
	cmp	r11, r8
	movlo	pc, lr
	ldr	r0, [r11]
	ldr	r1, =FDT_MAGIC_LE
	cmp	r0, r1
	moveq	r7, r11
	mov	pc, lr
ENDPROC(__vet_fdt)

/*
 * The temporary tables: what is mapped, in units of SECTION_SIZE (1 MiB
 * sections classic, 2 MiB blocks LPAE). The format files write the
 * entries. Follows __create_page_tables in Linux's head.S (v6.x).
 *   - the identity map of __turn_mmu_on (its first and last unit);
 *   - the kernel, from PAGE_OFFSET (so swapper_pg_dir too) to _end;
 *   - the DTB, two units at FDT_FIXED_BASE in case it straddles one.
 * No device: which board this is, and so where its UART is, only the DTB
 * says; until a console registers, printk keeps its text.
 */
__create_page_tables:
	mov	r13, lr
	bl	__init_page_tables

	ldr	r0, =__turn_mmu_on
	sub	r1, r8, #PAGE_OFFSET
	add	r0, r0, r1
	mov	r1, r0
	mov	r2, #BOOT_MEM
	bl	__set_boot_entry
	ldr	r0, =__turn_mmu_on_end
	sub	r1, r8, #PAGE_OFFSET
	add	r0, r0, r1
	mov	r1, r0
	mov	r2, #BOOT_MEM
	bl	__set_boot_entry

	ldr	r5, =PAGE_OFFSET
1:	mov	r0, r5
	sub	r1, r8, #PAGE_OFFSET
	add	r1, r1, r5
	mov	r2, #BOOT_MEM
	bl	__set_boot_entry
	add	r5, r5, #SECTION_SIZE
	ldr	r0, =(_end - 1)
	cmp	r5, r0
	bls	1b

	cmp	r7, #0
	beq	2f
	ldr	r0, =FDT_FIXED_BASE
	mov	r1, r7
	mov	r2, #BOOT_MEM_XN
	bl	__set_boot_entry
	ldr	r0, =(FDT_FIXED_BASE + SECTION_SIZE)
	add	r1, r7, #SECTION_SIZE
	mov	r2, #BOOT_MEM_XN
	bl	__set_boot_entry
2:	mov	pc, r13
ENDPROC(__create_page_tables)

/*
 * Invalidate the L1 data cache by set/way: its contents are unknown at
 * reset, and the table walks below are cacheable (ARM ARM B2.2.6).
 */
ENTRY(v7_invalidate_l1)
	mov	r0, #0
	mcr	p15, 2, r0, c0, c0, 0		@ CSSELR: level 1 data cache
	isb
	mrc	p15, 1, r0, c0, c0, 0		@ CCSIDR
	ubfx	r1, r0, #13, #15		@ NumSets - 1
	ubfx	r2, r0, #3, #10			@ Associativity - 1
	and	r3, r0, #7
	add	r3, r3, #4			@ log2(line length in bytes)
	clz	r5, r2				@ way field shift = 32 - log2(ways)
1:	mov	r0, r1				@ set loop
2:	lsl	r12, r2, r5			@ way << shift
	orr	r12, r12, r0, lsl r3		@ | set << log2(line)
	mcr	p15, 0, r12, c7, c6, 2		@ DCISW
	subs	r0, r0, #1
	bge	2b
	subs	r2, r2, #1
	bge	1b
	dsb	st
	isb
	mov	pc, lr
ENDPROC(v7_invalidate_l1)

/*
 * Turn the MMU on. r13 holds the virtual address to go on at.
 * Invalidate the TLBs and the I-cache first: nothing in them may be
 * used with the new tables (ARM ARM B3.10.2).
 */
	.globl	__enable_mmu			@ also for secondary_startup (head-smp.S)
__enable_mmu:
	mov	r0, #0
	dsb
	mcr	p15, 0, r0, c8, c7, 0		@ TLBIALL
	mcr	p15, 0, r0, c7, c5, 0		@ ICIALLU
	mcr	p15, 0, r0, c7, c5, 6		@ BPIALL
	dsb
	isb
	mrc	p15, 0, r0, c1, c0, 0		@ SCTLR
	ldr	r1, =CR_BOOT_CLEAR
	bic	r0, r0, r1
	ldr	r1, =CR_BOOT_SET
	orr	r0, r0, r1
	b	__turn_mmu_on
ENDPROC(__enable_mmu)

/* Runs at its physical address, so it is identity-mapped by the head tables. */
	.pushsection ".idmap.text", "ax"
	.align	5
ENTRY(__turn_mmu_on)
	mcr	p15, 0, r0, c1, c0, 0		@ SCTLR: MMU on
	isb
	mov	pc, r13
ENDPROC(__turn_mmu_on)
	.globl	__turn_mmu_on_end
__turn_mmu_on_end:
	.popsection

/*
 * ---- failures before the MMU is on: message through semihosting, then exit ----
 * No UART: the board is not known yet. QEMU prints semihosting output
 * (SYS_WRITE0, SYS_WRITEC) on its semihosting console; without
 * semihosting the calls trap to __boot_vectors' SVC entry, which returns,
 * and the run stops in __boot_fail's wfi loop.
 */

__error_phys_align:
	adrl	r0, str_phys_align
	bl	__puts_p
	mov	r0, r8
	bl	__puthex_p
	b	__boot_fail_nl
ENDPROC(__error_phys_align)

#ifdef CONFIG_ARM_LPAE
__error_lpae:
	adrl	r0, str_lpae
	bl	__puts_p
	mov	r0, r9
	bl	__puthex_p
	b	__boot_fail_nl
ENDPROC(__error_lpae)
#endif

/*
 * Print the NUL-terminated string at r0 (physical): SYS_WRITE0. Clobbers
 * r0-r2. lr is kept in r2: should the SVC trap (no semihosting), taking
 * it in SVC mode overwrites lr.
 */
__puts_p:
	mov	r2, lr
	mov	r1, r0
	mov	r0, #SYS_WRITE0
	svc	#SEMIHOST_SVC
	mov	pc, r2
ENDPROC(__puts_p)

/* Print r0 as 0x%08x: the digits into __hex_buf, then SYS_WRITE0. Clobbers r0-r5 (lr kept in r3, as above). */
__puthex_p:
	mov	r3, lr
	mov	r4, r0
	adr	r1, __hex_buf
	mov	r2, #'0'
	strb	r2, [r1], #1
	mov	r2, #'x'
	strb	r2, [r1], #1
	mov	r5, #28
1:	lsr	r2, r4, r5
	and	r2, r2, #0xf
	cmp	r2, #10
	addlo	r2, r2, #'0'
	addhs	r2, r2, #('a' - 10)
	strb	r2, [r1], #1
	subs	r5, r5, #4
	bge	1b
	mov	r2, #0
	strb	r2, [r1]
	adr	r1, __hex_buf
	mov	r0, #SYS_WRITE0
	svc	#SEMIHOST_SVC
	mov	pc, r3
ENDPROC(__puthex_p)

__boot_fail_nl:
	adrl	r0, str_nl
	bl	__puts_p
/*
 * Exit with status 1 through semihosting SYS_EXIT_EXTENDED (QEMU exits
 * with it). Without semihosting the SVC traps to __boot_vectors, which
 * returns: nothing else can stop a board not known yet, so the CPU waits.
 */
ENTRY(__boot_fail)
	adr	r1, __boot_exit_block
	mov	r0, #SYS_EXIT_EXTENDED
	svc	#SEMIHOST_SVC
1:	wfi
	b	1b
ENDPROC(__boot_fail)

	.align	2
__boot_exit_block:
	.word	ADP_Stopped_ApplicationExit, 1
/* "0x" and eight digits and a NUL; written with the MMU off, when the image is plain RAM. */
__hex_buf:
	.space	12

/* Vectors used until the MMU is on (VBAR holds a physical address then). */
	.align	5
__boot_vectors:
	b	__boot_exc_reset
	b	__boot_exc_undef
	b	__boot_exc_svc
	b	__boot_exc_pabt
	b	__boot_exc_dabt
	b	__boot_exc_reset
	b	__boot_exc_irq
	b	__boot_exc_irq

__boot_exc_svc:
	/* A semihosting call without semihosting: go on as if it had been made. */
	movs	pc, lr
__boot_exc_reset:
__boot_exc_irq:
__boot_exc_undef:
__boot_exc_pabt:
	adrl	r0, str_exc
	b	1f
__boot_exc_dabt:
	adrl	r0, str_dabt
1:	mov	r6, lr
	bl	__puts_p
	sub	r0, r6, #8
	bl	__puthex_p
	adrl	r0, str_r2
	bl	__puts_p
	mov	r0, r11
	bl	__puthex_p
	b	__boot_fail_nl

str_phys_align:	.asciz	"Error: kernel not loaded at a 2 MiB aligned PHYS_OFFSET + TEXT_OFFSET; PHYS_OFFSET="
#ifdef CONFIG_ARM_LPAE
str_lpae:	.asciz	"Error: Kernel with LPAE support, but CPU does not support LPAE. MIDR="
#endif
str_exc:	.asciz	"Error: exception before the MMU was on, near pc="
str_dabt:	.asciz	"Error: data abort before the MMU was on (bad boot data pointer?), pc="
str_r2:		.asciz	" r2="
str_nl:		.asciz	"\n"
	.align	2
	.ltorg

/* ---- with the MMU on, at the kernel's virtual address ---- */

	.text
__mmap_switched:
	ldr	r0, =__bss_start
	ldr	r1, =__bss_stop
	mov	r3, #0
1:	cmp	r0, r1
	strlo	r3, [r0], #4
	blo	1b

	ldr	sp, =init_thread_union + THREAD_SIZE
	ldr	r0, =__pv_phys_offset
	str	r8, [r0]
#ifdef CONFIG_PHYS_ADDR_T_64BIT
	str	r3, [r0, #4]
#endif
	ldr	r0, =__pv_offset
	sub	r1, r8, #PAGE_OFFSET
	str	r1, [r0]
	ldr	r0, =processor_id
	str	r9, [r0]
	ldr	r0, =__machine_arch_type
	str	r10, [r0]
	ldr	r0, =__boot_r2
	str	r11, [r0]
	ldr	r0, =__atags_pointer
	str	r7, [r0]
	ldr	r0, =__boot_cpu_hyp
	str	r6, [r0]

	ldr	r0, =early_vectors
	mcr	p15, 0, r0, c12, c0, 0		@ VBAR: now a virtual address
	isb
	mov	fp, #0
	bl	start_kernel
	b	.
ENDPROC(__mmap_switched)

	.section ".data..init_task", "aw"
	.align	13
	.globl	init_thread_union
init_thread_union:
	.space	THREAD_SIZE
