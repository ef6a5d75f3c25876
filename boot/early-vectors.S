/*
 * Exception vectors from the moment the MMU is on (VBAR points here)
 * until real vectors exist. SVC means a semihosting call found no
 * semihosting: return -1 so the caller can fall back. Everything else
 * is reported by early_exception() and ends the run.
 */
#include <asm/assembler.h>
#include <asm/cp15.h>

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

	.macro	report type
	mov	r0, #\type
	mov	r1, lr
	mrs	r2, spsr
	cps	#SVC_MODE		@ run the C report on the kernel stack
	b	early_exception
	.endm

early_exc_reset:	report 0
early_exc_undef:	report 1
early_exc_pabt:		report 3
early_exc_dabt:		report 4
early_exc_irq:		report 6
early_exc_fiq:		report 7
