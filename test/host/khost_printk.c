/* See khost_env.h: the printk, panic and %pS half, which every host test of kernel code links. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "khost_env.h"

#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sprintf.h>
#include <linux/string.h>

#define KHOST_LOG_SIZE (1 << 18)

char khost_log[KHOST_LOG_SIZE];
static size_t khost_log_len;
jmp_buf khost_panic_jmp;
int khost_panic_armed;
char khost_panic_msg[512];

int console_loglevel = 8;

int vprintk(const char *fmt, va_list ap)
{
	char tmp[1024];
	const char *s = tmp;
	int n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	size_t len;

	while (s[0] == '\001' && s[1])
		s += 2;
	len = strlen(s);
	if (khost_log_len + len + 1 > sizeof(khost_log))
		khost_log_len = 0;	/* a fuzzer may print a lot: keep the tail */
	memcpy(khost_log + khost_log_len, s, len);
	khost_log_len += len;
	khost_log[khost_log_len] = '\0';
	return n;
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

void early_print(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
}

void panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(khost_panic_msg, sizeof(khost_panic_msg), fmt, ap);
	va_end(ap);
	if (khost_panic_armed) {
		khost_panic_armed = 0;
		longjmp(khost_panic_jmp, 1);
	}
	fprintf(stderr, "panic: %s\n", khost_panic_msg);
	abort();
}

unsigned long khost_last_sym_addr;

const char *kallsyms_lookup_hook(unsigned long addr, unsigned long *size, unsigned long *offset)
{
	khost_last_sym_addr = addr;
	*size = 0x10;
	*offset = 0;
	return "caller";
}

void khost_log_clear(void)
{
	khost_log_len = 0;
	khost_log[0] = '\0';
}

int khost_log_has(const char *s)
{
	return strstr(khost_log, s) != NULL;
}

void __warn(const char *file, int line, void *caller)
{
	printk("WARNING: CPU: 0 PID: 0 at %s:%d %p\n", file, line, caller);
}
