/*
 * Atomic counters. Follows Linux's arch/arm/include/asm/atomic.h (v6.1)
 * for ARMv7: a read-modify-write is an LDREX/STREX loop (ARM ARM A3.4);
 * the operations that return a value are fully ordered (a DMB before and
 * after, A3.8.3), the void ones are not ordered at all, as in Linux.
 */
#ifndef _ASM_ATOMIC_H
#define _ASM_ATOMIC_H

#include <linux/compiler.h>
#include <asm/barrier.h>

typedef struct {
	int counter;
} atomic_t;

typedef atomic_t atomic_long_t;		/* 32-bit longs */

#define ATOMIC_INIT(i)		{ (i) }

#define atomic_read(v)		READ_ONCE((v)->counter)
#define atomic_set(v, i)	WRITE_ONCE((v)->counter, (i))

#ifdef HOST_TEST
static inline int atomic_add_return_relaxed(int i, atomic_t *v)
{
	return v->counter += i;
}

static inline int atomic_cmpxchg_relaxed(atomic_t *v, int old, int new)
{
	int cur = v->counter;

	if (cur == old)
		v->counter = new;
	return cur;
}
#else
/* Follows Linux's atomic_add_return_relaxed (v6.1): no ordering of its own. */
static __always_inline int atomic_add_return_relaxed(int i, atomic_t *v)
{
	int result;
	unsigned long failed;

	__asm__ __volatile__(
	"1:	ldrex	%0, [%3]\n"
	"	add	%0, %0, %4\n"
	"	strex	%1, %0, [%3]\n"
	"	teq	%1, #0\n"
	"	bne	1b"
	: "=&r"(result), "=&r"(failed), "+Qo"(v->counter)
	: "r"(&v->counter), "Ir"(i)
	: "cc");
	return result;
}

/* Follows Linux's atomic_cmpxchg_relaxed (v6.1): the old value; new stored only if it was old. */
static __always_inline int atomic_cmpxchg_relaxed(atomic_t *v, int old, int new)
{
	int cur;
	unsigned long failed;

	do {
		__asm__ __volatile__(
		"	ldrex	%1, [%3]\n"
		"	mov	%0, #0\n"
		"	teq	%1, %4\n"
		"	strexeq	%0, %5, [%3]"
		: "=&r"(failed), "=&r"(cur), "+Qo"(v->counter)
		: "r"(&v->counter), "Ir"(old), "r"(new)
		: "cc");
	} while (failed);
	return cur;
}
#endif

static __always_inline void atomic_add(int i, atomic_t *v)
{
	(void)atomic_add_return_relaxed(i, v);
}

static __always_inline void atomic_sub(int i, atomic_t *v)
{
	(void)atomic_add_return_relaxed(-i, v);
}

#define atomic_inc(v)		atomic_add(1, (v))
#define atomic_dec(v)		atomic_sub(1, (v))

static __always_inline int atomic_add_return(int i, atomic_t *v)
{
	int r;

	smp_mb();
	r = atomic_add_return_relaxed(i, v);
	smp_mb();
	return r;
}

#define atomic_sub_return(i, v)		atomic_add_return(-(i), (v))
#define atomic_inc_return(v)		atomic_add_return(1, (v))
#define atomic_dec_return(v)		atomic_add_return(-1, (v))
#define atomic_dec_and_test(v)		(atomic_dec_return(v) == 0)

static __always_inline int atomic_cmpxchg(atomic_t *v, int old, int new)
{
	int r;

	smp_mb();
	r = atomic_cmpxchg_relaxed(v, old, new);
	smp_mb();
	return r;
}

#define atomic_long_read	atomic_read
#define atomic_long_set		atomic_set
#define atomic_long_add		atomic_add
#define atomic_long_sub		atomic_sub
#define atomic_long_inc		atomic_inc
#define atomic_long_dec		atomic_dec
#define atomic_long_add_return	atomic_add_return

#endif
