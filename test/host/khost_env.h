/*
 * The kernel environment the host tests and fuzzers give to the early-boot
 * code they compile from the tree (drivers/of, mm, kernel/setup-mem.c, ...):
 * captured printk, a panic that returns to the test, %pS names, PHYS_OFFSET.
 */
#ifndef KHOST_ENV_H
#define KHOST_ENV_H

#include <setjmp.h>
#include <stddef.h>
#include <linux/types.h>

/* khost_printk.c: everything printed since the last clear, KERN_ level markers removed. */
extern char khost_log[];
void khost_log_clear(void);
/* The address %pS was last asked to name (every symbol is "caller+0x0/0x10"). */
extern unsigned long khost_last_sym_addr;
/* Where panic() jumps when khost_panic_armed is set; otherwise it aborts. */
extern jmp_buf khost_panic_jmp;
extern int khost_panic_armed;
extern char khost_panic_msg[];

/* khost_env.c: back to a fresh boot: memblock, the DT scan's and the options' state, the log. */
void khost_reset(void);
/* Read a DTB file into a malloc'd buffer and make it initial_boot_params. */
void *khost_load_dtb(const char *path);
/* Set the command line that parse_early_param() will read. */
void khost_set_cmdline(const char *cmdline);
/* True if the log contains s. */
int khost_log_has(const char *s);

/* khost_va.c: the part of "RAM" that __va maps onto a host buffer (none while khost_sim_ram is NULL). */
extern unsigned char *khost_sim_ram;
extern phys_addr_t khost_sim_base;
extern phys_addr_t khost_sim_size;

/* khost_env.c: the CMA areas dma_contiguous_early_fixup was told about (the arch hook, recorded). */
struct khost_dma_fixup {
	phys_addr_t base;
	unsigned long size;
};
extern struct khost_dma_fixup khost_dma_fixups[];
extern int khost_dma_fixup_count;

void setup_mem_host_reset(void);
void dma_contiguous_host_reset(void);

#endif
