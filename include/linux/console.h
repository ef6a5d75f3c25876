/*
 * Consoles: where printk's text goes. Follows Linux's
 * include/linux/console.h (v6.1), the parts a polled console needs.
 */
#ifndef _LINUX_CONSOLE_H
#define _LINUX_CONSOLE_H

#include <linux/types.h>

#define CON_PRINTBUFFER	(1 << 0)	/* replay the log buffer when registered */
#define CON_ENABLED	(1 << 2)
#define CON_BOOT	(1 << 3)	/* an earlycon: gives way to the first real console */

struct console {
	char name[16];
	/* Writes n bytes; a driver sends "\n" as "\r\n" (Linux's uart_console_write). */
	void (*write)(struct console *con, const char *s, unsigned int n);
	short flags;
	short index;
	void *data;
	struct console *next;
};

/*
 * Follows Linux's register_console (kernel/printk/printk.c, v6.1): the
 * console starts with what the log buffer holds (CON_PRINTBUFFER) unless a
 * boot console already showed it; a real console retires the boot consoles.
 */
void register_console(struct console *newcon);

/* Follows Linux's unregister_console (v6.1): off the list, with its "disabled" line. 0, or -ENODEV if it was not registered. */
int unregister_console(struct console *con);

/*
 * Not in Linux: before any console registered, a power-off or panic must
 * still show the log. Writes it through the device tree's stdout-path
 * UART when that is known and mappable (earlycon_emergency), else through
 * semihosting; does nothing once a console exists.
 */
void console_flush_unregistered(void);

/* Whether any console is registered. */
bool console_registered(void);

/* The virtual address of the registers of the console writing now; 0 when it has none (semihosting) or there is none. */
unsigned long console_base(void);

#endif
