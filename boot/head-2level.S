/*
 * The head.S translation tables in the short-descriptor format: 1 MiB
 * sections in the 16 KiB first-level table at swapper_pg_dir. Follows
 * __create_page_tables in Linux's arch/arm/kernel/head.S (v6.x).
 *
 * In: r4 unset, r7 = DTB physical address or 0, r8 = PHYS_OFFSET.
 * Out: r4 = physical address of swapper_pg_dir. Clobbers r0-r3, r5, r12.
 */
#include <asm/assembler.h>
#include <asm/cp15.h>
#include <asm/memory.h>
#include <asm/pgtable-2level-hwdef.h>
#include <mach/vexpress.h>

/* Normal memory, write-back write-allocate, shareable, kernel read/write, domain 0. */
#define BOOT_SECT_MEM	(PMD_TYPE_SECT | PMD_SECT_AP_WRITE | PMD_SECT_WBWA | PMD_SECT_S | PMD_DOMAIN(DOMAIN_KERNEL))
/* Device memory, never executable. */
#define BOOT_SECT_IO	(PMD_TYPE_SECT | PMD_SECT_AP_WRITE | PMD_SECT_DEV | PMD_SECT_XN | PMD_DOMAIN(DOMAIN_KERNEL))

/* Store section entry \val for virtual address \va (a register); clobbers r12. */
	.macro	set_section va, val
	lsr	r12, \va, #SECTION_SHIFT
	str	\val, [r4, r12, lsl #HW_PGD_ENTRY_SHIFT]
	.endm

	.section ".head.text", "ax"
	.arm
ENTRY(__create_page_tables)
	add	r4, r8, #(TEXT_OFFSET - PG_DIR_SIZE)

	/* Clear the whole first-level table. */
	mov	r0, r4
	add	r1, r4, #PG_DIR_SIZE
	mov	r3, #0
1:	str	r3, [r0], #4
	cmp	r0, r1
	blo	1b

	ldr	r5, =BOOT_SECT_MEM
	sub	r2, r8, #PAGE_OFFSET		@ r2 = PHYS_OFFSET - PAGE_OFFSET

	/* Identity map of __turn_mmu_on (its first and last section). */
	ldr	r0, =__turn_mmu_on
	add	r0, r0, r2
	lsr	r0, r0, #SECTION_SHIFT
	orr	r3, r5, r0, lsl #SECTION_SHIFT
	set_section r3, r3
	ldr	r0, =__turn_mmu_on_end
	add	r0, r0, r2
	lsr	r0, r0, #SECTION_SHIFT
	orr	r3, r5, r0, lsl #SECTION_SHIFT
	set_section r3, r3

	/* The kernel: PAGE_OFFSET (swapper_pg_dir included) up to _end. */
	ldr	r0, =PAGE_OFFSET
	ldr	r1, =(_end - 1)
2:	add	r3, r0, r2			@ physical address
	lsr	r3, r3, #SECTION_SHIFT
	orr	r3, r5, r3, lsl #SECTION_SHIFT
	set_section r0, r3
	add	r0, r0, #SECTION_SIZE
	cmp	r0, r1
	bls	2b

	/* The DTB: two sections at FDT_FIXED_BASE, in case it crosses a boundary. */
	cmp	r7, #0
	beq	3f
	lsr	r3, r7, #SECTION_SHIFT
	orr	r3, r5, r3, lsl #SECTION_SHIFT
	orr	r3, r3, #PMD_SECT_XN
	ldr	r0, =FDT_FIXED_BASE
	set_section r0, r3
	add	r3, r3, #SECTION_SIZE
	add	r0, r0, #SECTION_SIZE
	set_section r0, r3
3:
	/* Early I/O: the motherboard peripherals for the console and power-off. */
	ldr	r3, =(V2M_PERIPH_PHYS | BOOT_SECT_IO)
	ldr	r0, =DEBUG_IO_VIRT
	set_section r0, r3
	mov	pc, lr
ENDPROC(__create_page_tables)

/*
 * TTBCR = 0: TTBR0 translates everything (B4.1.153); TTBR1 gets the same
 * table, as in Linux. Domain 0 is a client. TEX remap as in Linux.
 */
ENTRY(__setup_mmu_regs)
	mov	r0, #0
	mcr	p15, 0, r0, c2, c0, 2		@ TTBCR
	orr	r0, r4, #TTB_FLAGS_SMP
	mcr	p15, 0, r0, c2, c0, 0		@ TTBR0
	mcr	p15, 0, r0, c2, c0, 1		@ TTBR1
	ldr	r0, =DACR_INIT
	mcr	p15, 0, r0, c3, c0, 0		@ DACR
	ldr	r0, =PRRR_VALUE
	mcr	p15, 0, r0, c10, c2, 0		@ PRRR
	ldr	r0, =NMRR_VALUE
	mcr	p15, 0, r0, c10, c2, 1		@ NMRR
	mov	pc, lr
ENDPROC(__setup_mmu_regs)
	.ltorg
