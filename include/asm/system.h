/* Accessors for the CP15 registers C code reads. ARM ARM (DDI 0406C) B4.1. */
#ifndef _ASM_SYSTEM_H
#define _ASM_SYSTEM_H

#include <linux/kconfig.h>
#include <linux/types.h>

#define DEFINE_CP15_READ(name, op1, crn, crm, op2)				\
static inline u32 name(void)							\
{										\
	u32 v;									\
	__asm__ __volatile__("mrc p15, " #op1 ", %0, " #crn ", " #crm ", " #op2	\
			     : "=r"(v));					\
	return v;								\
}

DEFINE_CP15_READ(read_cpuid_id, 0, c0, c0, 0)		/* MIDR */
DEFINE_CP15_READ(read_cpuid_cachetype, 0, c0, c0, 1)	/* CTR */
DEFINE_CP15_READ(read_cpuid_mpidr, 0, c0, c0, 5)	/* MPIDR */
DEFINE_CP15_READ(read_cpuid_mmfr0, 0, c0, c1, 4)	/* ID_MMFR0 */
DEFINE_CP15_READ(get_cr, 0, c1, c0, 0)			/* SCTLR */
DEFINE_CP15_READ(read_ttbcr, 0, c2, c0, 2)		/* TTBCR */
DEFINE_CP15_READ(read_dacr, 0, c3, c0, 0)		/* DACR */
DEFINE_CP15_READ(read_dfsr, 0, c5, c0, 0)		/* DFSR */
DEFINE_CP15_READ(read_ifsr, 0, c5, c0, 1)		/* IFSR */
DEFINE_CP15_READ(read_dfar, 0, c6, c0, 0)		/* DFAR */
DEFINE_CP15_READ(read_ifar, 0, c6, c0, 2)		/* IFAR */
DEFINE_CP15_READ(read_vbar, 0, c12, c0, 0)		/* VBAR */
DEFINE_CP15_READ(read_cpuid_pfr1, 0, c0, c1, 1)	/* ID_PFR1 */
DEFINE_CP15_READ(__read_cntfrq, 0, c14, c0, 0)		/* CNTFRQ */

/*
 * Whether the CPU has the generic timer: ID_PFR1.GenTimer, bits [19:16]
 * (ARM ARM B4.1.94). The Cortex-A9 has none; its CP15 c14 accesses are
 * undefined instructions.
 */
static inline bool cpu_has_generic_timer(void)
{
	return (read_cpuid_pfr1() >> 16) & 0xf;
}

/* CNTFRQ; 0 without a generic timer, so that callers report no time at all. */
static inline u32 read_cntfrq(void)
{
	return cpu_has_generic_timer() ? __read_cntfrq() : 0;
}

/* Write SCTLR; a CP15 write applies to later instructions only after an ISB (ARM ARM B3.15, "synchronization of changes to system control registers"). */
static inline void set_cr(u32 v)
{
	__asm__ __volatile__("mcr p15, 0, %0, c1, c0, 0\n\tisb" : : "r"(v) : "memory");
}

/* Write DACR; as for SCTLR, an ISB makes the change apply to what follows. */
static inline void write_dacr(u32 v)
{
	__asm__ __volatile__("mcr p15, 0, %0, c3, c0, 0\n\tisb" : : "r"(v) : "memory");
}

/* 64-bit TTBR0/TTBR1 (the LPAE view; in classic builds the high word reads 0). */
static inline u64 read_ttbr(int n)
{
	u32 lo, hi;

	/* The 64-bit form exists only with LPAE (ARM ARM B4.1.154); the A9 has just the 32-bit one. */
	if (!IS_ENABLED(CONFIG_ARM_LPAE)) {
		if (n == 0)
			__asm__ __volatile__("mrc p15, 0, %0, c2, c0, 0" : "=r"(lo));
		else
			__asm__ __volatile__("mrc p15, 0, %0, c2, c0, 1" : "=r"(lo));
		return lo;
	}
	if (n == 0)
		__asm__ __volatile__("mrrc p15, 0, %0, %1, c2" : "=r"(lo), "=r"(hi));
	else
		__asm__ __volatile__("mrrc p15, 1, %0, %1, c2" : "=r"(lo), "=r"(hi));
	return ((u64)hi << 32) | lo;
}

/* CNTVCT, the virtual count of the generic timer (CNTVOFF is 0 here); 0 without one. */
static inline u64 read_cntvct(void)
{
	u32 lo, hi;

	if (!cpu_has_generic_timer())
		return 0;
	__asm__ __volatile__("isb; mrrc p15, 1, %0, %1, c14" : "=r"(lo), "=r"(hi) : : "memory");
	return ((u64)hi << 32) | lo;
}

/*
 * Ask the MMU to translate a virtual address as a PL1 read or write
 * (ATS1CPR/ATS1CPW, B4.2.6) and return the PAR (64-bit form with LPAE).
 */
static inline u64 ats1cp(unsigned long va, bool write)
{
	u32 lo, hi;

	if (write)
		__asm__ __volatile__("mcr p15, 0, %0, c7, c8, 1" : : "r"(va));
	else
		__asm__ __volatile__("mcr p15, 0, %0, c7, c8, 0" : : "r"(va));
	/* Classic builds use the short format, whose PAR is 32 bits: the only form the A9 has. */
	if (!IS_ENABLED(CONFIG_ARM_LPAE)) {
		__asm__ __volatile__("isb; mrc p15, 0, %0, c7, c4, 0" : "=r"(lo));
		return lo;
	}
	__asm__ __volatile__("isb; mrrc p15, 0, %0, %1, c7" : "=r"(lo), "=r"(hi));
	return ((u64)hi << 32) | lo;
}

/*
 * PAR: bit 0 is F (the translation faulted); bit 11 says the long format;
 * in the short one, bit 1 (SS) says a supersection gave it, and then only
 * PA[31:24] is there, with PA[39:32] in bits 23:16 (ARM ARM B4.1.112).
 */
#define PAR_F		1ull
#define PAR_SS		(1ull << 1)
#define PAR_LPAE	(1ull << 11)

/* The physical address a successful PAR gives for va. */
static inline u64 par_to_pa(u64 par, unsigned long va)
{
	if (par & PAR_LPAE)
		return (par & 0x000000fffffff000ull) | (va & 0xfff);
	if (par & PAR_SS)
		return (par & 0xff000000ull) | ((par & 0x00ff0000ull) << 16) | (va & 0xffffff);
	return (par & 0xfffff000ull) | (va & 0xfff);
}

#endif
