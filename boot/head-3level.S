/*
 * The head.S translation tables in the long-descriptor (LPAE) format: a
 * 4-entry PGD at swapper_pg_dir followed by four PMD pages (one per GiB)
 * of 2 MiB blocks. Follows __create_page_tables in Linux's
 * arch/arm/kernel/head.S (v6.x).
 *
 * In: r7 = DTB physical address or 0, r8 = PHYS_OFFSET.
 * Out: r4 = physical address of swapper_pg_dir. Clobbers r0-r3, r5, r12.
 */
#include <asm/assembler.h>
#include <asm/cp15.h>
#include <asm/memory.h>
#include <asm/pgtable-3level-hwdef.h>
#include <mach/vexpress.h>

/* Normal memory, write-back write-allocate, inner shareable, kernel read/write, accessed. */
#define BOOT_BLOCK_MEM	(PMD_TYPE_SECT | PMD_SECT_WBWA | PMD_SECT_S | PMD_SECT_AF)
/* Device memory. */
#define BOOT_BLOCK_IO	(PMD_TYPE_SECT | PMD_SECT_DEV | PMD_SECT_AF)

/*
 * Store block entry (\lo, \hi) for virtual address \va. The PMD pages are
 * contiguous, so va >> 21 indexes all four of them at once. Clobbers r12.
 */
	.macro	set_block va, lo, hi
	add	r12, r4, #PMD_PAGES_OFFSET
	add	r12, r12, \va, lsr #(SECTION_SHIFT - PMD_ENTRY_SHIFT)
	bic	r12, r12, #((1 << PMD_ENTRY_SHIFT) - 1)
	strd	\lo, \hi, [r12]
	.endm

	.section ".head.text", "ax"
	.arm
ENTRY(__create_page_tables)
	add	r4, r8, #(TEXT_OFFSET - PG_DIR_SIZE)

	/* Clear the PGD page and the four PMD pages. */
	mov	r0, r4
	add	r1, r4, #PG_DIR_SIZE
	mov	r2, #0
	mov	r3, #0
1:	strd	r2, r3, [r0], #8
	cmp	r0, r1
	blo	1b

	/* PGD: entry i points at PMD page i. */
	add	r0, r4, #PMD_PAGES_OFFSET
	orr	r0, r0, #PMD_TYPE_TABLE
	mov	r1, r4
	mov	r5, #PTRS_PER_PGD
2:	strd	r2, r3, [r1]			@ clear high word first (r3 = 0)
	str	r0, [r1], #8
	add	r0, r0, #0x1000
	subs	r5, r5, #1
	bne	2b

	ldr	r5, =BOOT_BLOCK_MEM
	mov	r3, #0				@ high word: executable, below 4 GiB
	sub	r1, r8, #PAGE_OFFSET		@ r1 = PHYS_OFFSET - PAGE_OFFSET

	/* Identity map of __turn_mmu_on (its first and last block). */
	ldr	r0, =__turn_mmu_on
	add	r0, r0, r1
	lsr	r2, r0, #SECTION_SHIFT
	orr	r2, r5, r2, lsl #SECTION_SHIFT
	set_block r0, r2, r3
	ldr	r0, =__turn_mmu_on_end
	add	r0, r0, r1
	lsr	r2, r0, #SECTION_SHIFT
	orr	r2, r5, r2, lsl #SECTION_SHIFT
	set_block r0, r2, r3

	/* The kernel: PAGE_OFFSET (swapper_pg_dir included) up to _end. */
	ldr	r0, =PAGE_OFFSET
3:	add	r2, r0, r1
	lsr	r2, r2, #SECTION_SHIFT
	orr	r2, r5, r2, lsl #SECTION_SHIFT
	set_block r0, r2, r3
	add	r0, r0, #SECTION_SIZE
	ldr	r2, =(_end - 1)
	cmp	r0, r2
	bls	3b

	/* The DTB: two blocks at FDT_FIXED_BASE, never executable. */
	ldr	r3, =PMD_SECT_XN_HI
	cmp	r7, #0
	beq	4f
	lsr	r2, r7, #SECTION_SHIFT
	orr	r2, r5, r2, lsl #SECTION_SHIFT
	ldr	r0, =FDT_FIXED_BASE
	set_block r0, r2, r3
	add	r2, r2, #SECTION_SIZE
	add	r0, r0, #SECTION_SIZE
	set_block r0, r2, r3
4:
	/* Early I/O: the motherboard peripherals for the console and power-off. */
	ldr	r2, =(V2M_PERIPH_PHYS | BOOT_BLOCK_IO)
	ldr	r0, =DEBUG_IO_VIRT
	set_block r0, r2, r3
	mov	pc, lr
ENDPROC(__create_page_tables)

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
