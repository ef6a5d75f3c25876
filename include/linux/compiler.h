/* Compiler attributes and small helpers. */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#define __noreturn	__attribute__((__noreturn__))
#define __used		__attribute__((__used__))
#define __section(s)	__attribute__((__section__(s)))
#define __aligned(x)	__attribute__((__aligned__(x)))
#define __printf(a, b)	__attribute__((__format__(printf, a, b)))
#define __weak		__attribute__((__weak__))
#ifndef __always_inline	/* host builds: glibc's sys/cdefs.h has it */
#define __always_inline	inline __attribute__((__always_inline__))
#endif
/*
 * For functions memblock=debug names as callers: inlined, their caller's
 * name would show; cloned (GCC's .constprop/.isra copies), a suffixed one.
 */
#ifdef __clang__
#define __noinline	__attribute__((__noinline__))
#else
#define __noinline	__attribute__((__noinline__, __noclone__))
#endif
#define __init		__section(".init.text")
#define __initdata	__section(".init.data")
/* Linux's sparse address-space marker for per-CPU pointers: nothing to the compiler. */
#define __percpu
#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)
#define barrier()	__asm__ __volatile__("" : : : "memory")

#define READ_ONCE(x)	(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))

#endif
