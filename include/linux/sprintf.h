/*
 * Bounded string formatting (lib/vsprintf.c).
 *
 * Conversions: d i u x X o c s p %, flags - 0 + space #, width and precision
 * (also as *), length modifiers hh h l ll (L q) z t j.
 * Kernel pointer extensions (any letters/digits right after %p are consumed
 * as the extension name, as in Linux):
 *   %p, %px  the pointer as 2*sizeof(void *) zero-padded lower-case hex
 *            digits without 0x (8 digits on 32-bit ARM)
 *   %pa, %pap  argument is a phys_addr_t *; prints "0x" + 2*PHYS_ADDR_T_SIZE
 *            zero-padded hex digits (0x%08x or 0x%016llx)
 *   %pS      "symbol+0xoffset/0xsize" via kallsyms_lookup_hook, else "0x%08lx"
 *   %ps      "symbol" via kallsyms_lookup_hook, else "0x%08lx"
 * Unknown extensions print like plain %p. %n is not supported.
 *
 * Host unit tests (-DHOST_TEST): renamed to klib_<name>, see linux/string.h.
 */
#ifndef _LINUX_SPRINTF_H
#define _LINUX_SPRINTF_H

#include <stdarg.h>
#include <stddef.h>

#ifdef HOST_TEST
# include <stdio.h>
# undef vsnprintf
# undef snprintf
# undef vscnprintf
# undef scnprintf
# define vsnprintf  klib_vsnprintf
# define snprintf   klib_snprintf
# define vscnprintf klib_vscnprintf
# define scnprintf  klib_scnprintf
#endif

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));
int snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int vscnprintf(char *buf, size_t size, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));
int scnprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * Optional symbol lookup used by %pS/%ps. Weak: when nothing defines it the
 * address is printed as hex. An implementation returns the name of the symbol
 * containing addr and stores the symbol's size in *size and addr's offset
 * into it in *offset, or returns NULL when addr is unknown.
 */
const char *kallsyms_lookup_hook(unsigned long addr, unsigned long *size,
				 unsigned long *offset)
	__attribute__((weak));

#endif /* _LINUX_SPRINTF_H */
