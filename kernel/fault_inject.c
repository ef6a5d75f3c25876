/*
 * fault=KIND: make the kernel fault on purpose at the end of boot, so the
 * oops for each kind of fault can be seen and tested. No Linux
 * counterpart (Linux's lkdtm does this from debugfs).
 *
 *   null            read address 0
 *   rodata-write    write to read-only data
 *   exec-data       jump into (never-executable) data
 *   vmalloc-gap     read the last address of the gap below the vmalloc area
 *                   (VMALLOC_OFFSET, never mapped, to catch accesses past
 *                   lowmem; the area's first pages hold the platform's ioremaps
 *                   and the atomic DMA pool)
 *   vmalloc-guard   vmalloc a page, then read the guard page after it: the
 *                   oops names the area (vmalloc_report_fault)
 *   user-from-kernel read a user-space address (nothing is mapped there)
 *   user-mapped     map a user page, then read it: classic stops the read
 *                   (DOMAIN_USER is "no access"); LPAE has no such
 *                   protection (as Linux 6.1) and the read succeeds
 *   stack-smash     overrun a local array: the stack protector's report
 *   undef           execute an undefined instruction
 *   stack-overflow  recurse until the kernel stack runs into its guard page
 *   warn            WARN_ON(true): the warning with its backtrace, after
 *                   which the boot ends as usual
 *   slab-double-free, slab-use-after-free, slab-redzone
 *                   a kmalloc-64 object freed twice, written after its
 *                   free, written past its end: slub_debug=FZPU reports
 *                   each in Linux's format and the boot ends as usual
 *                   (mm/slub_debug.c)
 * All but warn and the slab kinds end in an oops or a panic.
 */
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <asm/layout.h>
#include <asm/lowmem.h>
#include <asm/setup.h>
#include <asm/uaccess.h>

static const char *fault_kind;

static int __init early_fault(char *p)
{
	static const char *const kinds[] = {
		"null", "rodata-write", "exec-data", "vmalloc-gap", "vmalloc-guard", "user-from-kernel", "user-mapped",
		"undef", "stack-overflow", "stack-smash", "warn", "slab-double-free", "slab-use-after-free",
		"slab-redzone",
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(kinds); i++)
		if (!strcmp(p, kinds[i])) {
			fault_kind = kinds[i];
			return 0;
		}
	return -1;	/* "Malformed early option 'fault'" */
}
early_param("fault", early_fault);

static const u32 read_only_word = 0x600dc0de;
/* "bx lr", in never-executable data. */
static u32 data_code[1] = { 0xe12fff1e };

static __noinline u32 fault_read(unsigned long addr)
{
	return *(volatile u32 *)addr;
}

static __noinline void fault_rodata_write(void)
{
	*(volatile u32 *)&read_only_word = 0xbad;
}

static __noinline void fault_exec_data(void)
{
	((void (*)(void))(unsigned long)data_code)();
}

static __noinline void fault_undef(void)
{
	__asm__ __volatile__(".word 0xe7f000f0");	/* udf #0 (ARM ARM A8.8.247) */
}

/* 256 bytes of stack per call, written so that the compiler keeps them; stops only at the guard page. */
static __noinline unsigned long fault_recurse(unsigned long depth, unsigned long limit)
{
	volatile u32 frame[64];

	for (unsigned int i = 0; i < 64; i++)
		frame[i] = (u32)depth;
	if (depth == limit)
		return frame[0];
	return fault_recurse(depth + 1, limit) + frame[depth & 63];
}

/* Writes 20 bytes into 16: over the canary -fstack-protector-strong puts just above the array. */
static __noinline void fault_stack_smash(void)
{
	char buf[16];
	volatile char *volatile p = buf;	/* hides the overrun from the compiler */

	for (unsigned int i = 0; i < sizeof(buf) + sizeof(long); i++)
		p[i] = 'A';
}

/* A user page at 0x00010000 (mm/uaccess.c), read from the kernel with access closed. */
static __noinline void fault_user_mapped(void)
{
	struct page *page = alloc_pages(GFP_KERNEL | __GFP_ZERO, 0);

	if (!page || map_user_page(0x00010000, page))
		panic("fault=user-mapped: could not map a user page");
	fault_read(0x00010000);
	pr_info("fault: read a user page from the kernel: nothing keeps user space out in this build\n");
}

/* One vmalloc'd page, then a read of the guard page after it. */
static __noinline void fault_vmalloc_guard(void)
{
	char *p = vmalloc(PAGE_SIZE);

	if (!p)
		panic("fault=vmalloc-guard: vmalloc failed");
	p[0] = 1;
	fault_read((unsigned long)p + PAGE_SIZE);
}

/* Gives WARN_ON's result back, so that the report's backtrace has this frame and fault_inject's. */
static __noinline bool fault_warn(void)
{
	return WARN_ON(true);
}

/* Called at the end of boot: the fault= asked for, if any; only warn and the slab kinds return. */
void fault_inject(void)
{
	if (!fault_kind)
		return;
	pr_info("fault: injecting %s\n", fault_kind);
	if (!strcmp(fault_kind, "null"))
		fault_read(0);
	else if (!strcmp(fault_kind, "rodata-write"))
		fault_rodata_write();
	else if (!strcmp(fault_kind, "exec-data"))
		fault_exec_data();
	else if (!strcmp(fault_kind, "vmalloc-gap"))
		fault_read(vmalloc_start((unsigned long)high_memory) - 1);
	else if (!strcmp(fault_kind, "vmalloc-guard"))
		fault_vmalloc_guard();
	else if (!strcmp(fault_kind, "user-from-kernel"))
		fault_read(0x00010000);
	else if (!strcmp(fault_kind, "user-mapped"))
		fault_user_mapped();
	else if (!strcmp(fault_kind, "stack-smash"))
		fault_stack_smash();
	else if (!strcmp(fault_kind, "undef"))
		fault_undef();
	else if (!strcmp(fault_kind, "stack-overflow"))
		fault_recurse(0, ~0UL);
	else if (!strcmp(fault_kind, "warn")) {
		if (fault_warn())
			pr_info("fault: warned, and the boot goes on\n");
		return;
	} else if (!strncmp(fault_kind, "slab-", 5)) {
		slab_debug_fault(fault_kind);
		return;
	}
	panic("fault=%s: no fault happened", fault_kind);
}
