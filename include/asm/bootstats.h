/*
 * Instructions spent in each phase of boot, from the cycle counter
 * (PMCCNTR), which head.S starts at its first instruction. Under
 * qemu -icount shift=0 it advances exactly once per instruction, so the
 * figures are the same on every machine (bench/). `bootstats` on the
 * command line prints them after the layout.
 */
#ifndef _ASM_BOOTSTATS_H
#define _ASM_BOOTSTATS_H

#include <linux/types.h>

/* Each mark is a point of the boot; a phase runs from one mark to a later one. */
enum boot_mark {
	BOOT_START_KERNEL,		/* head.S done */
	BOOT_SETUP_ARCH,		/* setup_arch entered */
	BOOT_FDT_BEGIN, BOOT_FDT_END,	/* setup_machine_fdt */
	BOOT_MEMBLOCK_BEGIN, BOOT_MEMBLOCK_END,	/* arm_memblock_init */
	BOOT_PAGING_BEGIN,		/* paging_init ... */
	BOOT_MAP_LOWMEM_END,		/* ... map_lowmem (begins with paging_init's prepare_page_table) */
	BOOT_BOOTMEM_BEGIN, BOOT_BOOTMEM_END,	/* bootmem_init (memmap), the end of paging_init */
	BOOT_FREE_BEGIN, BOOT_FREE_END,	/* mem_init's hand-over to the buddy allocator */
	BOOT_LAYOUT_END,		/* the layout printout done */
	NR_BOOT_MARKS
};

/* PMCCNTR (ARM ARM B4.1.113). */
static inline u32 read_pmccntr(void)
{
	u32 v;

	__asm__ __volatile__("mrc p15, 0, %0, c9, c13, 0" : "=r"(v));
	return v;
}

extern u32 boot_marks[NR_BOOT_MARKS];

static inline void bootstats_mark(enum boot_mark mark)
{
	boot_marks[mark] = read_pmccntr();
}

/* Prints the phases when `bootstats` is on the command line. */
void bootstats_print(void);

#endif
