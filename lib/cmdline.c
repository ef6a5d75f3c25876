/* Command-line value parsing. Follows Linux's lib/cmdline.c (v6.x). */
#include <linux/errno.h>
#include <linux/cmdline.h>
#include <linux/string.h>

/* Bits a size suffix shifts by: K 10, M 20, ... E 60; 0 for no suffix. */
static unsigned int suffix_shift(char c)
{
	static const char suffixes[] = "kmgtpe";

	c = (char)(c | 0x20);
	for (unsigned int i = 0; suffixes[i]; i++)
		if (c == suffixes[i])
			return 10 * (i + 1);
	return 0;
}

/* memparse with a verdict; see include/linux/cmdline.h. */
int memparse_checked(const char *ptr, char **retptr, unsigned long long *val)
{
	const char *s = ptr;
	unsigned long long v = 0;
	unsigned int base = 10, shift;
	bool overflow = false;
	const char *digits;

	/* Linux's simple_strtoull: no sign or white space, 0x and 0 prefixes. */
	if (s[0] == '0' && (s[1] | 0x20) == 'x' &&
	    ((s[2] >= '0' && s[2] <= '9') || ((s[2] | 0x20) >= 'a' && (s[2] | 0x20) <= 'f'))) {
		base = 16;
		s += 2;
	} else if (s[0] == '0') {
		base = 8;
	}
	for (digits = s;; s++) {
		unsigned int d;
		char c = (char)(*s | 0x20);

		if (*s >= '0' && *s <= '9')
			d = (unsigned int)(*s - '0');
		else if (c >= 'a' && c <= 'f')
			d = (unsigned int)(c - 'a' + 10);
		else
			break;
		if (d >= base)
			break;
		if (__builtin_mul_overflow(v, base, &v) || __builtin_add_overflow(v, d, &v))
			overflow = true;
	}
	if (s == digits) {
		if (retptr)
			*retptr = (char *)(uintptr_t)ptr;
		*val = 0;
		return -EINVAL;
	}
	shift = suffix_shift(*s);
	if (shift) {
		if (v > (~0ULL >> shift))
			overflow = true;
		v <<= shift;
		s++;
	}
	if (retptr)
		*retptr = (char *)(uintptr_t)s;
	*val = overflow ? ~0ULL : v;
	return overflow ? -ERANGE : 0;
}

/* Follows Linux's memparse (lib/cmdline.c, v6.x). */
unsigned long long memparse(const char *ptr, char **retptr)
{
	unsigned long long v;

	memparse_checked(ptr, retptr, &v);
	return v;
}
