/*
 * Spinlocks. Follows Linux's include/linux/spinlock.h (v6.1) for the
 * calls this kernel makes: spin_lock/spin_unlock on arch_spinlock_t
 * (asm/spinlock.h), and the _irqsave forms, which also mask IRQs on this
 * CPU so that nothing run from an interrupt can ask for the lock the CPU
 * already holds. No preemption exists here, so Linux's preempt_disable
 * inside spin_lock has no counterpart.
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <asm/irqflags.h>
#include <asm/spinlock.h>

typedef struct spinlock {
	arch_spinlock_t raw_lock;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(name)	{ __ARCH_SPIN_LOCK_UNLOCKED }
#define DEFINE_SPINLOCK(name)		spinlock_t name = __SPIN_LOCK_UNLOCKED(name)

static inline void spin_lock_init(spinlock_t *lock)
{
	lock->raw_lock = (arch_spinlock_t)__ARCH_SPIN_LOCK_UNLOCKED;
}

static __always_inline void spin_lock(spinlock_t *lock)
{
	arch_spin_lock(&lock->raw_lock);
}

static __always_inline int spin_trylock(spinlock_t *lock)
{
	return arch_spin_trylock(&lock->raw_lock);
}

static __always_inline void spin_unlock(spinlock_t *lock)
{
	arch_spin_unlock(&lock->raw_lock);
}

static __always_inline int spin_is_locked(spinlock_t *lock)
{
	return arch_spin_is_locked(&lock->raw_lock);
}

#define spin_lock_irqsave(lock, flags)					\
	do {								\
		local_irq_save(flags);					\
		spin_lock(lock);					\
	} while (0)

static __always_inline void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	spin_unlock(lock);
	local_irq_restore(flags);
}

/* Linux's lockdep_assert_held, reduced to what can be checked without lockdep: someone holds it. */
#define lockdep_assert_held(lock)	WARN_ON(!spin_is_locked(lock))

#endif
