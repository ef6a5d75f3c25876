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
 * -1 so the caller can fall back. Everything else is reported by
 * bad_exception(), which ends the run (fault handling proper is a later
 * stage).
 */
#include <asm/assembler.h>
#include <asm/cp15.h>

	/* Hand the exception to C on the kernel (SVC) stack: type, lr and spsr of the mode taken. */
	.macro	report type, handler
	mov	r0, #\type
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

early_exc_reset:	report 0, .Learly_handler
early_exc_undef:	report 1, .Learly_handler
early_exc_pabt:		report 3, .Learly_handler
early_exc_dabt:		report 4, .Learly_handler
early_exc_irq:		report 6, .Learly_handler
early_exc_fiq:		report 7, .Learly_handler
.Learly_handler:
	.word	bad_exception

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

/* The stubs page: linked at 0xffff1000; C is reached through an absolute address. */
	.section ".stubs", "ax", %progbits
	.arm
vector_svc:
	mvn	r0, #0
	movs	pc, lr
vector_rst:		report 0, .Lhandler
vector_und:		report 1, .Lhandler
vector_pabt:		report 3, .Lhandler
vector_dabt:		report 4, .Lhandler
vector_addrexcptn:	report 5, .Lhandler
vector_irq:		report 6, .Lhandler
vector_fiq:		report 7, .Lhandler
.Lhandler:
	.word	bad_exception
