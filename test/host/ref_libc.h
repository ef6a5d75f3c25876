/* Host C library references for differential tests (see ref_libc.c). */
#ifndef TEST_HOST_REF_LIBC_H
#define TEST_HOST_REF_LIBC_H

#include <stddef.h>

int ref_snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
unsigned long ref_strtoul(const char *nptr, char **endptr, int base);
unsigned long long ref_strtoull(const char *nptr, char **endptr, int base);

#endif
