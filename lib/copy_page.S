/*
 * copy_page(to, from): one 4 KiB page, both addresses page-aligned.
 * Follows the idea of Linux's arch/arm/lib/copy_page.S (v6.1): load and
 * store multiple registers at a time. Here twelve at a time (48 bytes),
 * every register but the two addresses, 2 KiB a loop: the copy costs
 * about 180 instructions (bench/: it is a large part of the cost of moving
 * a page). The end of the page is where the source address becomes
 * page-aligned again, so no register goes to a counter.
 */
#include <asm/assembler.h>

	.text
ENTRY(copy_page)
	push	{r4-r11, lr}
1:	.rept	2048 / 48			@ 42 x 48 = 2016 bytes
	ldmia	r1!, {r2-r12, lr}
	stmia	r0!, {r2-r12, lr}
	.endr
	ldmia	r1!, {r2-r9}			@ the last 32 bytes of the 2 KiB
	stmia	r0!, {r2-r9}
	lsls	r2, r1, #20			@ the source's offset in its page, 0 at the end
	bne	1b
	pop	{r4-r11, pc}
ENDPROC(copy_page)
