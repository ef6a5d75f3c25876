/*
 * copy_page(to, from): one 4 KiB page, both addresses page-aligned.
 * Follows the idea of Linux's arch/arm/lib/copy_page.S (v6.1): load and
 * store multiple registers at a time, 64 bytes a loop, so the copy costs
 * about 6 instructions per 64 bytes instead of 4 per word (bench/: it is
 * most of the cost of moving a page).
 */
#include <asm/assembler.h>

	.text
ENTRY(copy_page)
	push	{r4-r9, lr}
	mov	r2, #4096 / 64
1:	ldmia	r1!, {r3-r9, ip}
	stmia	r0!, {r3-r9, ip}
	ldmia	r1!, {r3-r9, ip}
	stmia	r0!, {r3-r9, ip}
	subs	r2, r2, #1
	bne	1b
	pop	{r4-r9, pc}
ENDPROC(copy_page)
