/* The early console: UART0 through the DEBUG_IO_VIRT window head.S maps. */
#ifndef _MACH_CONSOLE_H
#define _MACH_CONSOLE_H

void console_putc(char c);

#endif
