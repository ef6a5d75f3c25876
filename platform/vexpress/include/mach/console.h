/*
 * The console: UART0, first through the DEBUG_IO_VIRT window head.S maps,
 * then (console_early_remap) through its fixmap slot, as Linux's earlycon
 * does, then (pl011_console_probe) through an ioremap, as Linux's
 * amba-pl011 console.
 */
#ifndef _MACH_CONSOLE_H
#define _MACH_CONSOLE_H

void console_putc(char c);
/* Move the console to FIX_EARLYCON_MEM_BASE; needs early_fixmap_init first. */
void console_early_remap(void);
/* ioremap the UART and move the console there; needs vmalloc_init first. */
void pl011_console_probe(void);
/* The virtual address the console writes to now. */
unsigned long console_base(void);

#endif
