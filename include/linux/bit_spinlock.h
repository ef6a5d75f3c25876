/*
 * A spinlock in one bit of a word whose other bits hold other things.
 * Follows Linux's include/linux/bit_spinlock.h (v6.1): SLUB's slab_lock
 * takes PG_locked of the slab's page flags. The set and the clear are
 * LDREX/STREX loops (ARM ARM A3.4), so the other bits are never lost to a
 * concurrent change; the barriers are a spinlock's (asm/spinlock.h).
 */
#ifndef _LINUX_BIT_SPINLOCK_H
#define _LINUX_BIT_SPINLOCK_H

#include <linux/compiler.h>
#include <asm/barrier.h>

#ifdef HOST_TEST
static inline void bit_spin_lock(int bitnum, unsigned long *addr)
{
	if (*addr & (1UL << bitnum))
		__builtin_trap();	/* one thread: it would wait for itself */
	*addr |= 1UL << bitnum;
}

static inline void bit_spin_unlock(int bitnum, unsigned long *addr)
{
	*addr &= ~(1UL << bitnum);
}
#else
static __always_inline void bit_spin_lock(int bitnum, unsigned long *addr)
{
	unsigned long old, failed, bit = 1UL << bitnum;

	for (;;) {
		__asm__ __volatile__("ldrex	%0, [%1]" : "=&r"(old) : "r"(addr) : "memory");
		if (old & bit) {
			__asm__ __volatile__("clrex" : : : "memory");
			wfe();		/* the holder's bit_spin_unlock sends the event */
			continue;
		}
		__asm__ __volatile__("strex	%0, %1, [%2]" : "=&r"(failed) : "r"(old | bit), "r"(addr) : "memory");
		if (!failed)
			break;
	}
	smp_mb();
}

static __always_inline void bit_spin_unlock(int bitnum, unsigned long *addr)
{
	unsigned long old, failed, bit = 1UL << bitnum;

	smp_mb();
	do {
		__asm__ __volatile__("ldrex	%0, [%1]" : "=&r"(old) : "r"(addr) : "memory");
		__asm__ __volatile__("strex	%0, %1, [%2]" : "=&r"(failed) : "r"(old & ~bit), "r"(addr) : "memory");
	} while (failed);
	dsb_sev();
}
#endif

#endif
