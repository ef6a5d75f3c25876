/*
 * The stack protector's canary and failure hook (-fstack-protector-strong;
 * Debian's libfdt.a uses them too).
 */
#include <linux/kernel.h>

unsigned long __stack_chk_guard = CONFIG_STACK_PROTECTOR_GUARD;

/* Follows Linux's __stack_chk_fail (kernel/panic.c, v6.x). */
void __noreturn __stack_chk_fail(void);
void __stack_chk_fail(void)
{
	/* Linux prints %pB (the symbol of a return address); %pS reads the same here. */
	panic("stack-protector: Kernel stack is corrupted in: %pS", __builtin_return_address(0));
}
