/*
 * fail_ioremap: ioremap fails on purpose, so that the drivers' failure
 * paths (the console keeps its earlycon mapping, power-off keeps its early
 * one) can be seen. Not in Linux, which has no such capability; it uses
 * Linux's fault-injection decisions (lib/fault-inject.c) as
 * fail_page_alloc does. See linux/fault-inject.h.
 */
#include <linux/fault-inject.h>
#include <linux/kernel.h>
#include <asm/setup.h>

struct fault_attr fail_ioremap = FAULT_ATTR_INITIALIZER("fail_ioremap");

/* "<interval>,<probability>,<space>,<times>", as fail_page_alloc= reads it. */
static int __init setup_fail_ioremap(char *str)
{
	setup_fault_attr(&fail_ioremap, str);
	return 0;
}
early_param("fail_ioremap", setup_fail_ioremap);

bool should_fail_ioremap(size_t size)
{
	return should_fail(&fail_ioremap, (long)size);
}
