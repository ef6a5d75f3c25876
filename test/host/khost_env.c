/* See khost_env.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "khost_env.h"

#include <linux/cma.h>
#include <linux/dma-map-ops.h>
#include <linux/initrd.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/of_fdt.h>
#include <linux/of_reserved_mem.h>
#include <linux/printk.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <asm/lowmem.h>
#include <asm/memory.h>
#include <asm/setup.h>

#define KHOST_LOG_SIZE (1 << 18)

char khost_log[KHOST_LOG_SIZE];
static size_t khost_log_len;
jmp_buf khost_panic_jmp;
int khost_panic_armed;
char khost_panic_msg[512];

int console_loglevel = 8;
phys_addr_t __pv_phys_offset = 0x80000000u;
unsigned long __pv_offset;

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
	if (khost_panic_armed)
		longjmp(khost_panic_jmp, 1);
	fprintf(stderr, "panic: %s\n", khost_panic_msg);
	abort();
}

const char *kallsyms_lookup_hook(unsigned long addr, unsigned long *size, unsigned long *offset)
{
	(void)addr;
	*size = 0x10;
	*offset = 0;
	return "caller";
}

static void *loaded_dtb;

void khost_reset(void)
{
	free(loaded_dtb);
	loaded_dtb = NULL;
	memblock_host_reset();
	setup_mem_host_reset();
	dma_contiguous_host_reset();
	reserved_mem_count = 0;
	memset(reserved_mem, 0, sizeof(reserved_mem));
	cma_area_count = 0;
	initial_boot_params = NULL;
	of_stdout_path = NULL;
	phys_initrd_start = 0;
	phys_initrd_size = 0;
	vmalloc_size = VMALLOC_DEFAULT_SIZE;
	arm_lowmem_limit = 0;
	high_memory = NULL;
	boot_command_line[0] = '\0';
	khost_log_len = 0;
	khost_log[0] = '\0';
	khost_panic_armed = 0;
}

void *khost_load_dtb(const char *path)
{
	FILE *f = fopen(path, "rb");
	long n;
	void *buf;

	if (!f) {
		fprintf(stderr, "cannot open %s\n", path);
		abort();
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n);
	if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n)
		abort();
	fclose(f);
	free(loaded_dtb);
	loaded_dtb = buf;
	initial_boot_params = buf;
	return buf;
}

void khost_set_cmdline(const char *cmdline)
{
	scnprintf(boot_command_line, COMMAND_LINE_SIZE, "%s", cmdline);
}

int khost_log_has(const char *s)
{
	return strstr(khost_log, s) != NULL;
}
