/* The console from the device tree (drivers/tty/serial/of_console.c). */
#ifndef _LINUX_OF_CONSOLE_H
#define _LINUX_OF_CONSOLE_H

/*
 * The real console: the UART /chosen/stdout-path names (else the first
 * one a console driver takes), probed by its driver, which ioremaps it and
 * registers it. For the machine's init_machine, once ioremap works.
 */
void of_console_probe(void);

#endif
