/*
 * Kernel string and memory routines (lib/string.c).
 *
 * Standard C prototypes and semantics. These are also the symbols that the
 * prebuilt libfdt.a resolves against (memchr memcmp memcpy memmove memset
 * strchr strlen strnlen strrchr strtoul).
 *
 * Host unit tests (-DHOST_TEST): the C library of the host already owns these
 * names, so every routine is renamed to klib_<name> by the macros below. The
 * host libc headers are included first, so their declarations are seen under
 * the real names, and everything after this header (lib/string.c itself and
 * the test sources) refers to the klib_ versions.
 */
#ifndef _LINUX_STRING_H
#define _LINUX_STRING_H

#include <stddef.h>

#ifdef HOST_TEST
# include <string.h>
# include <stdlib.h>
# undef memcpy
# undef memmove
# undef memset
# undef memcmp
# undef memchr
# undef strlen
# undef strnlen
# undef strcmp
# undef strncmp
# undef strchr
# undef strrchr
# undef strstr
# undef strtoul
# undef strtoull
# define memcpy   klib_memcpy
# define memmove  klib_memmove
# define memset   klib_memset
# define memcmp   klib_memcmp
# define memchr   klib_memchr
# define strlen   klib_strlen
# define strnlen  klib_strnlen
# define strcmp   klib_strcmp
# define strncmp  klib_strncmp
# define strchr   klib_strchr
# define strrchr  klib_strrchr
# define strstr   klib_strstr
# define strtoul  klib_strtoul
# define strtoull klib_strtoull
#endif

void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);

size_t strlen(const char *s);
size_t strnlen(const char *s, size_t maxlen);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);

unsigned long strtoul(const char *nptr, char **endptr, int base);
unsigned long long strtoull(const char *nptr, char **endptr, int base);

#endif /* _LINUX_STRING_H */
