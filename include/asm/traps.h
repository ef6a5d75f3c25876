/* Exception vectors (kernel/traps.c, boot/entry-armv.S). */
#ifndef _ASM_TRAPS_H
#define _ASM_TRAPS_H

/* Fill the two pages at vectors_base: the vector page, then the stubs page. */
void early_trap_init(void *vectors_base);

#endif
