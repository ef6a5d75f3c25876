/*
 * The head.S tables in the long-descriptor (LPAE) format: a 4-entry PGD
 * at swapper_pg_dir followed by four PMD pages (one per GiB) of 2 MiB
 * blocks (ARM ARM B3.6.1). What gets mapped is decided in head.S; see
 * head.h for the calling convention.
 */
#include <asm/assembler.h>
#include <asm/cp15.h>
#include <asm/memory.h>
#include <asm/pgtable-3level-hwdef.h>
#include <asm/pgtable-3level.h>
#include "head.h"

/* Normal memory, write-back write-allocate, inner shareable, kernel read/write, accessed. */
#define BOOT_BLOCK_MEM	(PMD_TYPE_SECT | PMD_SECT_WBWA | PMD_SECT_S | PMD_SECT_AF)
/* Device memory. */
#define BOOT_BLOCK_IO	(PMD_TYPE_SECT | PMD_SECT_DEV | PMD_SECT_AF)

	.section ".head.text", "ax"
	.arm
/*
 * r4 = swapper_pg_dir: PGD and the four PMD pages cleared, PGD entry i ->
 * PMD page i, marked L_PGD_SWAPPER as Linux's head.S marks them (a
 * software bit, 55, which table descriptors ignore: ARM ARM B3.6.1).
 */
ENTRY(__init_page_tables)
	add	r4, r8, #(TEXT_OFFSET - PG_DIR_SIZE)
	mov	r0, r4
	add	r1, r4, #PG_DIR_SIZE
	mov	r2, #0
	mov	r3, #0
1:	strd	r2, r3, [r0], #8
	cmp	r0, r1
	blo	1b

	add	r2, r4, #PMD_PAGES_OFFSET
	orr	r2, r2, #PMD_TYPE_TABLE
	mov	r3, #1 << (L_PGD_SWAPPER_SHIFT - 32)	@ high word: the software bit only
	mov	r0, r4
	mov	r1, #PTRS_PER_PGD
2:	strd	r2, r3, [r0], #8
	add	r2, r2, #0x1000
	subs	r1, r1, #1
	bne	2b
	mov	pc, lr
ENDPROC(__init_page_tables)

/*
 * Block entry for r0: (r1 & SECTION_MASK) | boot_block_attrs[r2]. The PMD
 * pages are contiguous, so r0 >> 21 indexes all four at once. Physical
 * addresses are below 4 GiB here (head.S runs from where it was loaded).
 */
ENTRY(__set_boot_entry)
	adr	r12, boot_block_attrs
	add	r12, r12, r2, lsl #3
	ldrd	r2, r3, [r12]			@ low and high attribute words
	lsr	r1, r1, #SECTION_SHIFT
	orr	r2, r2, r1, lsl #SECTION_SHIFT
	add	r12, r4, #PMD_PAGES_OFFSET
	lsr	r0, r0, #SECTION_SHIFT
	add	r12, r12, r0, lsl #PMD_ENTRY_SHIFT
	strd	r2, r3, [r12]
	mov	pc, lr
ENDPROC(__set_boot_entry)

	.align	3
boot_block_attrs:			@ indexed by BOOT_MEM, BOOT_MEM_XN, BOOT_IO
	.word	BOOT_BLOCK_MEM, 0
	.word	BOOT_BLOCK_MEM, PMD_SECT_XN_HI
	.word	BOOT_BLOCK_IO, PMD_SECT_XN_HI

/*
 * TTBCR.EAE selects the long-descriptor format (B4.1.153). As in Linux,
 * TTBR1 takes the kernel half (T1SZ from PAGE_OFFSET) only when
 * PHYS_OFFSET <= PAGE_OFFSET, so the identity map stays in TTBR0's
 * range; otherwise TTBR0 translates everything. With T1SZ = 2 the TTBR1
 * walk starts at level 2, so TTBR1 points at the last PMD page; with
 * T1SZ = 1 it points at PGD entry 2.
 */
#define TTBR1_SIZE	(((PAGE_OFFSET >> 30) - 1) << TTBCR_T1SZ_SHIFT)
#if PAGE_OFFSET == 0xC0000000
#define TTBR1_OFFSET	(PMD_PAGES_OFFSET + 3 * 0x1000)
#elif PAGE_OFFSET == 0x80000000
#define TTBR1_OFFSET	(2 * 8)
#else
#define TTBR1_OFFSET	0
#endif

ENTRY(__setup_mmu_regs)
	ldr	r0, =(TTBCR_EAE | TTB_FLAGS_SMP | (TTB_FLAGS_SMP << TTBCR_TTBR1_FLAGS_SHIFT))
	mov	r1, r4
	ldr	r2, =PAGE_OFFSET
	cmp	r8, r2
	ldrls	r2, =TTBR1_SIZE
	orrls	r0, r0, r2
	addls	r1, r1, #TTBR1_OFFSET
	mcr	p15, 0, r0, c2, c0, 2		@ TTBCR
	mov	r2, #0
	mcrr	p15, 0, r4, r2, c2		@ TTBR0
	mcrr	p15, 1, r1, r2, c2		@ TTBR1
	ldr	r0, =MAIR0_VALUE
	mcr	p15, 0, r0, c10, c2, 0		@ MAIR0
	ldr	r0, =MAIR1_VALUE
	mcr	p15, 0, r0, c10, c2, 1		@ MAIR1
	mov	pc, lr
ENDPROC(__setup_mmu_regs)
	.ltorg
