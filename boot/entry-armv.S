/*
 * Exception entry, in two stages. Follows the layout of Linux's
 * arch/arm/kernel/entry-armv.S (v6.x): a vector page and a stubs page.
 *
 * 1. From the moment the MMU is on until devicemaps_init: VBAR points at
 *    early_vectors, in .text.
 * 2. After devicemaps_init: SCTLR.V selects the high vectors; the vector
 *    page at 0xffff0000 holds a copy of .vectors and the page after it a
 *    copy of .stubs. Both are linked at those addresses (vmlinux.lds.S),
 *    so the branches between them are right once copied.
 *
 * Either way an SVC means a semihosting call found no semihosting: return
 * -1 so the caller can fall back. The early vectors report anything else
 * with bad_exception(); the stubs hand it to the fault handlers
 * (mm/fault.c, kernel/traps.c), which print Linux's oops and end the run.
 */
#include <asm/assembler.h>
#include <asm/cp15.h>
#include <asm/ptrace.h>
#include <asm/traps.h>

	/* Hand the exception to C on the kernel (SVC) stack: its vector, lr and spsr of the mode taken. */
	.macro	report vector, handler
	mov	r0, #\vector
	mov	r1, lr
	mrs	r2, spsr
	cps	#SVC_MODE
	ldr	pc, \handler
	.endm

	.text
	.arm
	.align	5
ENTRY(early_vectors)
	b	early_exc_reset
	b	early_exc_undef
	b	early_exc_svc
	b	early_exc_pabt
	b	early_exc_dabt
	b	early_exc_reset
	b	early_exc_irq
	b	early_exc_fiq
END(early_vectors)

early_exc_svc:
	mvn	r0, #0
	movs	pc, lr

early_exc_reset:	report VECTOR_RESET, .Learly_handler
early_exc_undef:	report VECTOR_UNDEF, .Learly_handler
early_exc_pabt:		report VECTOR_PABT, .Learly_handler
early_exc_dabt:		report VECTOR_DABT, .Learly_handler
early_exc_irq:		report VECTOR_IRQ, .Learly_handler
early_exc_fiq:		report VECTOR_FIQ, .Learly_handler
.Learly_handler:
	.word	bad_exception

/*
 * call_on_stack(fn, sp): run fn on another stack, with no frame above it
 * (fp = 0 ends a backtrace there); fn does not return.
 */
	.text
ENTRY(call_on_stack)
	mov	sp, r1
	mov	fp, #0
	blx	r0
	b	.
ENDPROC(call_on_stack)

/* The vector page: one branch per exception into the stubs page (ARM ARM B1.8.1). */
	.section ".vectors", "ax", %progbits
	.arm
ENTRY(__vectors_start)
	b	vector_rst
	b	vector_und
	b	vector_svc
	b	vector_pabt
	b	vector_dabt
	b	vector_addrexcptn
	b	vector_irq
	b	vector_fiq
END(__vectors_start)

/*
 * The stubs page: linked at 0xffff1000; C is reached through absolute
 * addresses. Each stub runs in the mode the exception entered (its own
 * stack, set by cpu_init), builds a struct pt_regs there (asm/ptrace.h)
 * with the interrupted mode's sp and lr, and calls the C handler, which
 * does not return (an oops ends the run). Follows the shape of Linux's
 * vector_stub / __dabt_svc (entry-armv.S, v6.x), which instead switch to
 * SVC mode and save on the kernel stack.
 */
	.section ".stubs", "ax", %progbits
	.arm
vector_svc:
	mvn	r0, #0
	movs	pc, lr

	/* lr = the preferred return address; then the frame; r0 = regs. */
	.macro	save_regs, adjust
	sub	lr, lr, #\adjust
	sub	sp, sp, #S_FRAME_SIZE
	stmia	sp, {r0-r12}
	str	lr, [sp, #S_PC]
	mrs	r0, spsr
	str	r0, [sp, #S_PSR]
	/* The interrupted mode's banked sp and lr (user mode's through SYS mode). */
	and	r1, r0, #MODE_MASK
	cmp	r1, #USR_MODE
	moveq	r1, #SYSTEM_MODE
	mrs	r2, cpsr
	bic	r3, r2, #MODE_MASK
	orr	r3, r3, r1
	orr	r3, r3, #(PSR_I_BIT | PSR_F_BIT)
	msr	cpsr_c, r3
	mov	r4, sp
	mov	r5, lr
	msr	cpsr_c, r2
	str	r4, [sp, #S_SP]
	str	r5, [sp, #S_LR]
	mov	r0, sp
	.endm

vector_dabt:
	save_regs 8
	mov	r2, r0			@ regs
	mrc	p15, 0, r1, c5, c0, 0	@ DFSR
	mrc	p15, 0, r0, c6, c0, 0	@ DFAR
	ldr	pc, .Ldo_DataAbort
vector_pabt:
	save_regs 4
	mov	r2, r0
	mrc	p15, 0, r1, c5, c0, 1	@ IFSR
	mrc	p15, 0, r0, c6, c0, 2	@ IFAR
	ldr	pc, .Ldo_PrefetchAbort
vector_und:
	save_regs 4
	ldr	pc, .Ldo_undefinstr
vector_rst:
	save_regs 4
	mov	r1, #VECTOR_RESET
	ldr	pc, .Lbad_mode
vector_addrexcptn:
	save_regs 4
	mov	r1, #VECTOR_ADDREXCPTN
	ldr	pc, .Lbad_mode
vector_irq:
	save_regs 4
	mov	r1, #VECTOR_IRQ
	ldr	pc, .Lbad_mode
vector_fiq:
	save_regs 4
	mov	r1, #VECTOR_FIQ
	ldr	pc, .Lbad_mode

.Ldo_DataAbort:		.word	do_DataAbort
.Ldo_PrefetchAbort:	.word	do_PrefetchAbort
.Ldo_undefinstr:	.word	do_undefinstr
.Lbad_mode:		.word	bad_mode
