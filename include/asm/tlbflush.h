/*
 * TLB maintenance for the kernel's own mappings. Follows Linux's
 * arch/arm/include/asm/tlbflush.h (v6.x) for ARMv7: the barriers the
 * architecture requires around TLB invalidation (ARM ARM B3.10.4, B3.10.5).
 *
 * Every CPU walks the same kernel tables, so a change to a kernel mapping
 * must leave every CPU's TLB: the flush_tlb_* forms use the Inner
 * Shareable operations of the Multiprocessing Extensions (TLBIALLIS,
 * TLBIMVAAIS; ARM ARM B4.2.2, "TLB maintenance operations"), which the
 * hardware broadcasts to all CPUs of the domain, so no IPI is needed. The
 * DSB before them is ISH too: the table store must be visible to the
 * other CPUs' walks before they invalidate (B3.10.1, "General TLB
 * maintenance requirements"). The local_* forms are for what only this
 * CPU maps: its kmap_local slots, and anything done before a secondary
 * CPU exists.
 */
#ifndef _ASM_TLBFLUSH_H
#define _ASM_TLBFLUSH_H

#include <asm/barrier.h>

#ifdef HOST_TEST
#define tlbi(op, val)	((void)(val))
#define tlbi_is(op, val) ((void)(val))
#else
#define tlbi_is(op, val) __asm__ __volatile__("mcr p15, 0, %0, c8, c3, " #op : : "r"(val) : "memory")
#define tlbi(op, val)	__asm__ __volatile__("mcr p15, 0, %0, c8, c7, " #op : : "r"(val) : "memory")
#endif

/* Follows Linux's local_flush_tlb_kernel_page: this CPU forgets one kernel page's translation. */
static inline void local_flush_tlb_kernel_page(unsigned long kaddr)
{
	dsb(nshst);			/* the table update is visible before the invalidate */
	tlbi(1, kaddr & ~0xfffUL);	/* TLBIMVA */
	dsb(nsh);			/* the invalidate completes ... */
	isb();				/* ... before the next instruction is fetched */
}

/* Follows Linux's local_flush_tlb_all for v7: this CPU forgets every translation. */
static inline void local_flush_tlb_all(void)
{
	dsb(nshst);
	tlbi(0, 0);			/* TLBIALL */
	dsb(nsh);
	isb();
}

/*
 * Follows Linux's flush_tlb_kernel_range as v7 does it (v7wbi_flush_kern_tlb_range):
 * one invalidate by address per page of [start, end), then one wait.
 */
static inline void local_flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	dsb(nshst);
	for (unsigned long a = start & ~0xfffUL; a < end; a += 0x1000)
		tlbi(1, a);		/* TLBIMVA */
	dsb(nsh);
	isb();
}

/* TLBIMVAAIS: one kernel page, every ASID (kernel entries are global), on every CPU. */
static inline void flush_tlb_kernel_page(unsigned long kaddr)
{
	dsb(ishst);
	tlbi_is(3, kaddr & ~0xfffUL);
	dsb(ish);
	isb();
}

/* TLBIALLIS: every translation, on every CPU. */
static inline void flush_tlb_all(void)
{
	dsb(ishst);
	tlbi_is(0, 0);
	dsb(ish);
	isb();
}

/* Follows Linux's flush_tlb_kernel_range for v7 SMP: one TLBIMVAAIS per page, then one wait. */
static inline void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	dsb(ishst);
	for (unsigned long a = start & ~0xfffUL; a < end; a += 0x1000)
		tlbi_is(3, a);
	dsb(ish);
	isb();
}

#endif
