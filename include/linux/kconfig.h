/*
 * IS_ENABLED(CONFIG_FOO): 1 when the bool option is on, 0 when it is off,
 * as a constant expression. Code under `if (IS_ENABLED(...))` is compiled
 * and type-checked in every configuration and dropped by the compiler where
 * the option is off; larger optional parts get their own files instead
 * (CMakeLists.txt adds them from config.cmake) with stubs in the headers.
 *
 * autoconf.h defines an option that is on as 1 and leaves one that is off
 * undefined. Pasting the expanded name onto a prefix gives a macro that
 * expands to "x," only for 1; that extra argument shifts the 1 into the
 * place the selector picks, where an unexpanded name leaves the 0 there.
 */
#ifndef _LINUX_KCONFIG_H
#define _LINUX_KCONFIG_H

#define __kconfig_shift_if_1	x,
#define __kconfig_second(first, second, ...)	second
#define __kconfig_pick(maybe_shift)	__kconfig_second(maybe_shift 1, 0, 0)
#define __kconfig_paste(value)	__kconfig_pick(__kconfig_shift_if_##value)
#define __kconfig_expand(option)	__kconfig_paste(option)
#define IS_ENABLED(option)	__kconfig_expand(option)

#endif
