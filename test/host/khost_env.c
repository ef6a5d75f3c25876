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


static void *loaded_dtb;

/* The kernel's backtrace (kernel/traps.c) walks ARM frames; the host says where it was called. */
void dump_stack(void)
{
	printk("dump_stack\n");
}

struct khost_dma_fixup khost_dma_fixups[MAX_CMA_AREAS];
int khost_dma_fixup_count;

/* The arch hook (mm/dma-mapping.c in the kernel): recorded for the tests to check. */
void dma_contiguous_early_fixup(phys_addr_t base, unsigned long size)
{
	if (khost_dma_fixup_count >= MAX_CMA_AREAS)
		abort();
	khost_dma_fixups[khost_dma_fixup_count].base = base;
	khost_dma_fixups[khost_dma_fixup_count].size = size;
	khost_dma_fixup_count++;
}

void khost_reset(void)
{
	free(loaded_dtb);
	loaded_dtb = NULL;
	memblock_host_reset();
	setup_mem_host_reset();
	dma_contiguous_host_reset();
	khost_dma_fixup_count = 0;
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
	khost_log_clear();
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
