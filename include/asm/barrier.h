/*
 * Memory barriers (ARM ARM DDI 0406C A3.8.3) and the event instructions
 * (ARM ARM chapter B1, "Wait For Event and Send Event"). Host builds of the same code
 * run one thread and need only the compiler barrier.
 *
 * The smp_* barriers order accesses as other CPUs see them: DMB over the
 * Inner Shareable domain, which holds every CPU of the system (Linux's
 * smp_mb/smp_rmb/smp_wmb for ARMv7, v6.1). A DSB also waits for
 * completion: for maintenance operations and before SEV, so the store that
 * a waiting CPU's WFE loop polls is visible before the event reaches it.
 */
#ifndef _ASM_BARRIER_H
#define _ASM_BARRIER_H

#ifdef HOST_TEST
#define dsb(option)	__asm__ __volatile__("" : : : "memory")
#define dmb(option)	__asm__ __volatile__("" : : : "memory")
#define isb()		__asm__ __volatile__("" : : : "memory")
#define sev()		__asm__ __volatile__("" : : : "memory")
#define wfe()		__asm__ __volatile__("" : : : "memory")
#define wfi()		__asm__ __volatile__("" : : : "memory")
#define yield()		__asm__ __volatile__("" : : : "memory")
#else
#define dsb(option)	__asm__ __volatile__("dsb " #option : : : "memory")
#define dmb(option)	__asm__ __volatile__("dmb " #option : : : "memory")
#define isb()		__asm__ __volatile__("isb" : : : "memory")
#define sev()		__asm__ __volatile__("sev" : : : "memory")
#define wfe()		__asm__ __volatile__("wfe" : : : "memory")
#define wfi()		__asm__ __volatile__("wfi" : : : "memory")
/*
 * The YIELD hint (ARM ARM A8.8.430): for a loop that polls another CPU
 * without an event to wait for. QEMU's TCG ends the CPU's turn on it, so
 * under -icount, where one host thread runs the CPUs in turn, the CPU
 * polled for gets to run instead of waiting for the next round.
 */
#define yield()		__asm__ __volatile__("yield" : : : "memory")
#endif

#define smp_mb()	dmb(ish)
#define smp_rmb()	dmb(ish)
#define smp_wmb()	dmb(ishst)

/* Linux's dsb_sev: the stores before it complete, then every CPU's event register is set. */
#define dsb_sev()	do { dsb(ishst); sev(); } while (0)

#endif
