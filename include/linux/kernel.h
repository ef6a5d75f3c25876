/* Things every kernel file wants: panic, printk, sizes, BUILD_BUG_ON. */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <stdarg.h>
#include <linux/compiler.h>
#include <linux/const.h>
#include <linux/kconfig.h>
#include <linux/printk.h>
#include <linux/sprintf.h>
#include <linux/types.h>

#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))
#define BUILD_BUG_ON(cond)	_Static_assert(!(cond), #cond)
#define ALIGN(x, a)		(((x) + ((a) - 1)) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a)	(((x) & ((__typeof__(x))(a) - 1)) == 0)
#define min(a, b)		((a) < (b) ? (a) : (b))
#define max(a, b)		((a) > (b) ? (a) : (b))

void __noreturn panic(const char *fmt, ...) __printf(1, 2);

/* Linux's WARN_ON: say where a "cannot happen" happened, carry on, and give the condition back. */
void __warn(const char *file, int line, void *caller);
/* Linux's taint (kernel/panic.c, v6.1): TAINT_BAD_PAGE marks a kernel that found its memory damaged. */
#define TAINT_BAD_PAGE		5
void add_taint(unsigned int flag);
bool test_taint(unsigned int flag);
const char *print_tainted(void);
/* Who is running and the backtrace from the caller (kernel/traps.c). */
void dump_stack(void);
/* Linux's _THIS_IP_: the address of the code that uses it, for WARN_ON's report. */
#define _THIS_IP_ ({ __label__ __here; __here: (unsigned long)&&__here; })
#define WARN_ON(condition) ({						\
	bool __warned = !!(condition);					\
	if (unlikely(__warned))						\
		__warn(__FILE__, __LINE__, (void *)_THIS_IP_);		\
	__warned;							\
})

#endif
