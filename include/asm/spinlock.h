/*
 * Ticket spinlocks. Follows the design of Linux's arch_spin_lock family
 * (arch/arm/include/asm/spinlock.h, v6.1): one word holds two 16-bit
 * counters, owner (low half) and next (high half). A CPU takes a ticket
 * by incrementing next with LDREX/STREX (ARM ARM A3.4, "Synchronization
 * and semaphores": the store fails, and the loop retries, if another CPU
 * wrote the word since the load), then waits until owner reaches its
 * ticket. Waiters sleep in WFE and the unlocker's SEV wakes them (ARM ARM
 * chapter B1, "Wait For Event and Send Event"). Tickets make the lock
 * fair: CPUs get it in the order they asked.
 *
 * Barriers (A3.8.3): a DMB after taking the lock keeps the critical
 * section's accesses after the acquisition; one before the release keeps
 * them before it; the DSB before SEV makes the new owner visible before
 * the event is sent, so a woken waiter reads it.
 */
#ifndef _ASM_SPINLOCK_H
#define _ASM_SPINLOCK_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/barrier.h>

#define TICKET_SHIFT	16

typedef struct {
	union {
		u32 slock;
		struct {
			u16 owner;	/* little-endian: the low half of slock */
			u16 next;
		} tickets;
	};
} arch_spinlock_t;

#define __ARCH_SPIN_LOCK_UNLOCKED	{ { 0 } }

_Static_assert(sizeof(arch_spinlock_t) == 4, "the ticket lock is one word for LDREX/STREX");

#ifdef HOST_TEST
/* One thread: take a ticket and find it served, or the caller took the lock twice. */
static inline void arch_spin_lock(arch_spinlock_t *lock)
{
	u16 ticket = lock->tickets.next++;

	if (lock->tickets.owner != ticket)
		__builtin_trap();
}

static inline int arch_spin_trylock(arch_spinlock_t *lock)
{
	if (lock->tickets.owner != lock->tickets.next)
		return 0;
	lock->tickets.next++;
	return 1;
}
#else
/* Follows Linux's arch_spin_lock (v6.1). */
static __always_inline void arch_spin_lock(arch_spinlock_t *lock)
{
	u32 old, new, failed;
	u16 ticket;

	__asm__ __volatile__(
	"1:	ldrex	%0, [%3]\n"
	"	add	%1, %0, %4\n"
	"	strex	%2, %1, [%3]\n"
	"	teq	%2, #0\n"
	"	bne	1b"
	: "=&r"(old), "=&r"(new), "=&r"(failed)
	: "r"(&lock->slock), "I"(1 << TICKET_SHIFT)
	: "cc", "memory");

	ticket = (u16)(old >> TICKET_SHIFT);
	while (unlikely(ticket != (u16)old)) {
		wfe();
		old = READ_ONCE(lock->tickets.owner);
	}
	smp_mb();
}

/* Follows Linux's arch_spin_trylock (v6.1): the lock only if it is free now, no waiting. */
static __always_inline int arch_spin_trylock(arch_spinlock_t *lock)
{
	u32 old, failed;

	do {
		__asm__ __volatile__("ldrex	%0, [%1]" : "=&r"(old) : "r"(&lock->slock) : "memory");
		if ((old >> TICKET_SHIFT) != (old & 0xffff)) {
			__asm__ __volatile__("clrex" : : : "memory");
			return 0;
		}
		__asm__ __volatile__("strex	%0, %1, [%2]"
				     : "=&r"(failed)
				     : "r"(old + (1 << TICKET_SHIFT)), "r"(&lock->slock)
				     : "memory");
	} while (failed);
	smp_mb();
	return 1;
}
#endif

/* Follows Linux's arch_spin_unlock (v6.1): serve the next ticket, then wake the waiters. */
static __always_inline void arch_spin_unlock(arch_spinlock_t *lock)
{
	smp_mb();
	WRITE_ONCE(lock->tickets.owner, (u16)(lock->tickets.owner + 1));
	dsb_sev();
}

/* Follows Linux's arch_spin_is_locked (v6.1): a ticket handed out and not yet served. */
static inline int arch_spin_is_locked(const arch_spinlock_t *lock)
{
	arch_spinlock_t v = { { READ_ONCE(lock->slock) } };

	return v.tickets.owner != v.tickets.next;
}

#endif
