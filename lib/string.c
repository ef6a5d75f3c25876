/*
 * Freestanding string and memory routines.
 *
 * BUILD REQUIREMENT: compile this file with -fno-tree-loop-distribute-patterns.
 * Otherwise GCC may recognise the byte/word loops below as "this is a memset"
 * or "this is a memcpy" and replace them with a call to memset/memcpy, which
 * here would be the function itself (infinite recursion). Every loop-bearing
 * function additionally carries the equivalent optimize attribute (NO_LIBCALL)
 * as a second line of defence.
 *
 * memcpy/memmove/memset move whole machine words once both pointers share
 * the same alignment; everything else is byte-wise and deliberately simple.
 */
#include <stddef.h>
#include <stdint.h>

#include <linux/string.h>

#ifdef __clang__
/* Only host builds (the fuzzers) use clang; there the names are klib_* and a libc call is harmless. */
#define NO_LIBCALL
#else
#define NO_LIBCALL __attribute__((optimize("no-tree-loop-distribute-patterns")))
#endif

/* A word that may alias any object, so word copies are strict-aliasing safe. */
typedef unsigned long __attribute__((__may_alias__)) word_t;

#define WSIZE sizeof(word_t)
#define WMASK (WSIZE - 1)

#define ULONG_MAX_ (~0UL)
#define ULLONG_MAX_ (~0ULL)

/* True when a and b sit at the same offset within a word. */
static inline int same_word_phase(const void *a, const void *b)
{
	return (((uintptr_t)a ^ (uintptr_t)b) & WMASK) == 0;
}

/* Copies n bytes upwards (lowest address first); safe when dst <= src. */
static NO_LIBCALL void copy_up(unsigned char *d, const unsigned char *s,
			       size_t n)
{
	if (n >= WSIZE && same_word_phase(d, s)) {
		while ((uintptr_t)d & WMASK) {
			*d++ = *s++;
			n--;
		}
		while (n >= WSIZE) {
			*(word_t *)(void *)d = *(const word_t *)(const void *)s;
			d += WSIZE;
			s += WSIZE;
			n -= WSIZE;
		}
	}
	while (n) {
		*d++ = *s++;
		n--;
	}
}

/* Copies n bytes downwards (highest address first); safe when dst > src. */
static NO_LIBCALL void copy_down(unsigned char *d, const unsigned char *s,
				 size_t n)
{
	d += n;
	s += n;
	if (n >= WSIZE && same_word_phase(d, s)) {
		while ((uintptr_t)d & WMASK) {
			*--d = *--s;
			n--;
		}
		while (n >= WSIZE) {
			d -= WSIZE;
			s -= WSIZE;
			n -= WSIZE;
			*(word_t *)(void *)d = *(const word_t *)(const void *)s;
		}
	}
	while (n) {
		*--d = *--s;
		n--;
	}
}

/* C memcpy: copies n bytes between non-overlapping buffers, returns dst. */
NO_LIBCALL void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
	copy_up(dst, src, n);
	return dst;
}

/* C memmove: copies n bytes, correct for overlapping buffers, returns dst. */
NO_LIBCALL void *memmove(void *dst, const void *src, size_t n)
{
	/*
	 * Unsigned distance trick: if dst lies inside [src, src + n) a forward
	 * copy would overwrite unread source bytes, so copy downwards then.
	 */
	if ((uintptr_t)dst - (uintptr_t)src >= n)
		copy_up(dst, src, n);
	else if (dst != src)
		copy_down(dst, src, n);
	return dst;
}

/* C memset: fills n bytes with (unsigned char)c, returns dst. */
NO_LIBCALL void *memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;
	unsigned char b = (unsigned char)c;

	if (n >= WSIZE) {
		/* ~0UL / 0xff is 0x0101...01 for any word size. */
		word_t w = (word_t)b * (ULONG_MAX_ / 0xffUL);

		while ((uintptr_t)d & WMASK) {
			*d++ = b;
			n--;
		}
		while (n >= WSIZE) {
			*(word_t *)(void *)d = w;
			d += WSIZE;
			n -= WSIZE;
		}
	}
	while (n) {
		*d++ = b;
		n--;
	}
	return dst;
}

/* C memcmp: compares n bytes as unsigned char, returns <0, 0 or >0. */
NO_LIBCALL int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;

	for (; n; n--, p++, q++) {
		if (*p != *q)
			return (int)*p - (int)*q;
	}
	return 0;
}

/* C memchr: first byte equal to (unsigned char)c in n bytes, or NULL. */
NO_LIBCALL void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;
	unsigned char b = (unsigned char)c;

	for (; n; n--, p++) {
		if (*p == b)
			return (void *)(uintptr_t)p;
	}
	return NULL;
}

/* C strlen: number of bytes before the terminating NUL. */
NO_LIBCALL size_t strlen(const char *s)
{
	size_t i = 0;

	while (s[i])
		i++;
	return i;
}

/* POSIX strnlen: like strlen but looks at no more than maxlen bytes. */
NO_LIBCALL size_t strnlen(const char *s, size_t maxlen)
{
	size_t i = 0;

	/* Index-based so that maxlen == SIZE_MAX never forms s + maxlen. */
	while (i < maxlen && s[i])
		i++;
	return i;
}

/* C strcmp: compares as unsigned char, returns <0, 0 or >0. */
NO_LIBCALL int strcmp(const char *a, const char *b)
{
	const unsigned char *p = (const unsigned char *)a;
	const unsigned char *q = (const unsigned char *)b;

	while (*p && *p == *q) {
		p++;
		q++;
	}
	return (int)*p - (int)*q;
}

/* C strncmp: strcmp limited to the first n bytes. */
NO_LIBCALL int strncmp(const char *a, const char *b, size_t n)
{
	const unsigned char *p = (const unsigned char *)a;
	const unsigned char *q = (const unsigned char *)b;

	for (; n; n--, p++, q++) {
		if (*p != *q)
			return (int)*p - (int)*q;
		if (!*p)
			break;
	}
	return 0;
}

/* C strchr: first occurrence of (char)c, the NUL included, or NULL. */
NO_LIBCALL char *strchr(const char *s, int c)
{
	char ch = (char)c;

	for (;; s++) {
		if (*s == ch)
			return (char *)(uintptr_t)s;
		if (!*s)
			return NULL;
	}
}

/* C strrchr: last occurrence of (char)c, the NUL included, or NULL. */
NO_LIBCALL char *strrchr(const char *s, int c)
{
	char ch = (char)c;
	const char *last = NULL;

	for (;; s++) {
		if (*s == ch)
			last = s;
		if (!*s)
			return (char *)(uintptr_t)last;
	}
}

/* C strstr: first occurrence of needle in haystack (haystack itself for ""), or NULL. */
char *strstr(const char *haystack, const char *needle)
{
	size_t n = strlen(needle);

	for (; *haystack || !n; haystack++) {
		if (!strncmp(haystack, needle, n))
			return (char *)(uintptr_t)haystack;
	}
	return NULL;
}

/* True for the C-locale white-space characters that strtoul skips. */
static inline int is_space(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Value of c as a digit in bases up to 36, or 36 when it is no digit. */
static inline unsigned int digit_value(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;	/* fold ASCII letters to lower case */
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	return 36;
}

/*
 * Shared body of strtoul/strtoull: C99 7.20.1.4 parsing of an unsigned
 * integer whose magnitude may not exceed max. Overflow saturates to max
 * (without errno, which this kernel lacks), all digits are still consumed.
 */
static unsigned long long parse_unsigned(const char *nptr, char **endptr,
					 int base, unsigned long long max)
{
	const unsigned char *s = (const unsigned char *)nptr;
	const unsigned char *digits;
	unsigned long long val = 0;
	int negative = 0, overflow = 0;

	if (base < 0 || base == 1 || base > 36)
		goto no_number;

	while (is_space(*s))
		s++;
	if (*s == '+' || *s == '-')
		negative = *s++ == '-';

	/* "0x" counts as a prefix only if a hex digit follows it. */
	if ((base == 0 || base == 16) && s[0] == '0' &&
	    (s[1] | 0x20) == 'x' && digit_value(s[2]) < 16) {
		s += 2;
		base = 16;
	} else if (base == 0) {
		base = s[0] == '0' ? 8 : 10;
	}

	digits = s;
	for (;; s++) {
		unsigned int d = digit_value(*s);
		unsigned long long next;

		if (d >= (unsigned int)base)
			break;
		if (overflow)
			continue;
		if (__builtin_mul_overflow(val, (unsigned int)base, &next) ||
		    __builtin_add_overflow(next, d, &next) || next > max)
			overflow = 1;
		else
			val = next;
	}
	if (s == digits)
		goto no_number;

	if (endptr)
		*endptr = (char *)(uintptr_t)s;
	if (overflow)
		return max;
	/* C semantics: a leading '-' negates in the unsigned result type. */
	return negative ? (0 - val) & max : val;

no_number:
	if (endptr)
		*endptr = (char *)(uintptr_t)nptr;
	return 0;
}

/* C strtoul: base 0 or 2..36, optional sign and 0x prefix, sets *endptr. */
unsigned long strtoul(const char *nptr, char **endptr, int base)
{
	return (unsigned long)parse_unsigned(nptr, endptr, base, ULONG_MAX_);
}

/* C strtoull: strtoul for unsigned long long (cf. Linux simple_strtoull). */
unsigned long long strtoull(const char *nptr, char **endptr, int base)
{
	return parse_unsigned(nptr, endptr, base, ULLONG_MAX_);
}
