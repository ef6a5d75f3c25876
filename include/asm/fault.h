/*
 * Fault status decoding, one table per format (mm/fsr-2level.c,
 * mm/fsr-3level.c), and the fault handlers (mm/fault.c). Follows Linux's
 * arch/arm/mm/fault.h and fsr-*level.c (v6.1).
 */
#ifndef _ASM_FAULT_H
#define _ASM_FAULT_H

#include <linux/types.h>

/* What a fault status means and whether it is one the MMU raised for a mapping (translation, permission...). */
struct fsr_info {
	const char *name;
	bool mapping_fault;
};

/* What a DFSR or an IFSR value says (Linux's fsr_info[fsr_fs(fsr)], ifsr_info[...]). */
const struct fsr_info *dfsr_decode(unsigned int fsr);
const struct fsr_info *ifsr_decode(unsigned int ifsr);

#define FSR_WRITE	(1u << 11)	/* WnR (ARM ARM B4.1.52) */
#define FSR_LPAE	(1u << 9)	/* the long-descriptor format */

struct pt_regs;
void show_pte(unsigned long addr);
void die(const char *str, struct pt_regs *regs, unsigned int err);

#endif
