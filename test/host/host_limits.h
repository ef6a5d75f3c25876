/*
 * Integer limits for the host tests, from GCC's predefined macros.
 *
 * glibc's <limits.h> pulls in <linux/limits.h>, which the project's own
 * include/ directory (first on the include path) could shadow, so the tests
 * do not include it.
 */
#ifndef TEST_HOST_LIMITS_H
#define TEST_HOST_LIMITS_H

#undef CHAR_BIT
#undef INT_MAX
#undef INT_MIN
#undef UINT_MAX
#undef ULONG_MAX
#undef LLONG_MAX
#undef LLONG_MIN
#undef ULLONG_MAX

#define CHAR_BIT	__CHAR_BIT__
#define INT_MAX		__INT_MAX__
#define INT_MIN		(-INT_MAX - 1)
#define UINT_MAX	(INT_MAX * 2U + 1U)
#define ULONG_MAX	(__LONG_MAX__ * 2UL + 1UL)
#define LLONG_MAX	__LONG_LONG_MAX__
#define LLONG_MIN	(-LLONG_MAX - 1LL)
#define ULLONG_MAX	(LLONG_MAX * 2ULL + 1ULL)

#endif
