/*
 * Reference implementations from the host C library, for differential tests.
 *
 * Built without the project's include directory and without HOST_TEST, so
 * the names below reach glibc's real vsnprintf/strtoul/strtoull rather than
 * the klib_ versions under test.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "ref_libc.h"

/* glibc snprintf. */
int ref_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return ret;
}

/* glibc strtoul. */
unsigned long ref_strtoul(const char *nptr, char **endptr, int base)
{
	return strtoul(nptr, endptr, base);
}

/* glibc strtoull. */
unsigned long long ref_strtoull(const char *nptr, char **endptr, int base)
{
	return strtoull(nptr, endptr, base);
}
