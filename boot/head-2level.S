/*
 * The head.S tables in the short-descriptor format: 1 MiB sections in the
 * 16 KiB first-level table at swapper_pg_dir (ARM ARM B3.5.1). What gets
 * mapped is decided in head.S; see head.h for the calling convention.
 */
#include <asm/assembler.h>
#include <asm/cp15.h>
#include <asm/memory.h>
#include <asm/pgtable-2level-hwdef.h>
#include "head.h"

/* Normal memory, write-back write-allocate, shareable, kernel read/write, domain 0. */
#define BOOT_SECT_MEM	(PMD_TYPE_SECT | PMD_SECT_AP_WRITE | PMD_SECT_WBWA | PMD_SECT_S | PMD_DOMAIN(DOMAIN_KERNEL))
/* Device memory, never executable. */
#define BOOT_SECT_IO	(PMD_TYPE_SECT | PMD_SECT_AP_WRITE | PMD_SECT_DEV | PMD_SECT_XN | PMD_DOMAIN(DOMAIN_KERNEL))

	.section ".head.text", "ax"
	.arm
/* r4 = swapper_pg_dir, all 4096 entries cleared (faulting). */
ENTRY(__init_page_tables)
	add	r4, r8, #(TEXT_OFFSET - PG_DIR_SIZE)
	mov	r0, r4
	add	r1, r4, #PG_DIR_SIZE
	mov	r3, #0
1:	str	r3, [r0], #4
	cmp	r0, r1
	blo	1b
	mov	pc, lr
ENDPROC(__init_page_tables)

/* First-level entry for r0: (r1 & SECTION_MASK) | boot_section_attrs[r2]. */
ENTRY(__set_boot_entry)
	adr	r3, boot_section_attrs
	ldr	r3, [r3, r2, lsl #2]
	lsr	r1, r1, #SECTION_SHIFT
	orr	r1, r3, r1, lsl #SECTION_SHIFT
	lsr	r12, r0, #SECTION_SHIFT
	str	r1, [r4, r12, lsl #HW_PGD_ENTRY_SHIFT]
	mov	pc, lr
ENDPROC(__set_boot_entry)

	.align	2
boot_section_attrs:			@ indexed by BOOT_MEM, BOOT_MEM_XN, BOOT_IO
	.word	BOOT_SECT_MEM
	.word	BOOT_SECT_MEM | PMD_SECT_XN
	.word	BOOT_SECT_IO

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
