/* Parsing of command-line values (lib/cmdline.c). */
#ifndef _LINUX_CMDLINE_H
#define _LINUX_CMDLINE_H

#include <linux/types.h>

#ifdef HOST_TEST
# define memparse	klib_memparse
# define memparse_checked klib_memparse_checked
#endif

/*
 * Follows Linux's memparse (lib/cmdline.c, v6.x): a number (0x hex, 0 octal,
 * else decimal) with an optional K/M/G/T/P/E suffix, either case. *retptr
 * (when not NULL) is left after what was read. Unlike Linux, a value that
 * does not fit in 64 bits saturates to ~0ULL instead of wrapping.
 */
unsigned long long memparse(const char *ptr, char **retptr);

/*
 * memparse that also says whether the text was a well-formed size: digits
 * present and no overflow, shift included. Returns 0, or -EINVAL (no
 * number) / -ERANGE (too big); *val and *retptr are set as memparse sets them.
 */
int memparse_checked(const char *ptr, char **retptr, unsigned long long *val);

#endif
