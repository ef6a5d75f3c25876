/* Exception vectors (kernel/traps.c, boot/entry-armv.S). */
#ifndef _ASM_TRAPS_H
#define _ASM_TRAPS_H

/*
 * The exceptions by their vector's word in the table (ARM ARM B1.8.1: the
 * vector offset is 4 times this): what the early vectors pass to
 * bad_exception and the vector page's stubs to bad_mode.
 */
#define VECTOR_RESET		0
#define VECTOR_UNDEF		1
#define VECTOR_SVC		2
#define VECTOR_PABT		3
#define VECTOR_DABT		4
#define VECTOR_ADDREXCPTN	5	/* not used since 26-bit ARM; Linux's name */
#define VECTOR_IRQ		6
#define VECTOR_FIQ		7
#define NR_VECTORS		8

#ifndef __ASSEMBLY__
/* Fill the two pages at vectors_base: the vector page, then the stubs page. */
void early_trap_init(void *vectors_base);
#endif

#endif
