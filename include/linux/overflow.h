/* Arithmetic that reports overflow. Follows Linux's include/linux/overflow.h (v6.1). */
#ifndef _LINUX_OVERFLOW_H
#define _LINUX_OVERFLOW_H

/* Linux's check_mul_overflow: *d = a * b; true if the product did not fit. */
#define check_mul_overflow(a, b, d)	__builtin_mul_overflow(a, b, d)

#endif
