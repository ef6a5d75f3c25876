/*
 * Polled PL011 output on UART0 (registers in mach/pl011.h). QEMU's UART
 * needs no set-up.
 */
#include <linux/kernel.h>
#include <asm/fixmap.h>
#include <asm/memory.h>
#include <mach/console.h>
#include <mach/pl011.h>
#include <mach/vexpress.h>

/* Where UART0 is mapped: head.S's window until console_early_remap. */
static unsigned long uart_base = DEBUG_IO_VIRT + V2M_UART0_OFFSET;

static inline void uart_write(unsigned int reg, u32 v)
{
	*(volatile u32 *)(uart_base + reg) = v;
}

static inline u32 uart_read(unsigned int reg)
{
	return *(volatile u32 *)(uart_base + reg);
}

static void pl011_putc_raw(char c)
{
	while (uart_read(UARTFR) & UARTFR_TXFF)
		;
	uart_write(UARTDR, (u8)c);
}

/* One character to the console, with \n sent as \r\n. */
void console_putc(char c)
{
	if (c == '\n')
		pl011_putc_raw('\r');
	pl011_putc_raw(c);
}

/*
 * Follows what Linux's earlycon_map (drivers/tty/serial/earlycon.c, v6.x)
 * does with the fixmap: the UART's page in FIX_EARLYCON_MEM_BASE, so the
 * console no longer needs head.S's section window.
 */
void console_early_remap(void)
{
	unsigned long fixed = fix_to_virt(FIX_EARLYCON_MEM_BASE);

	__set_fixmap(FIX_EARLYCON_MEM_BASE, V2M_UART0_PHYS & PAGE_MASK, FIXMAP_PAGE_IO);
	uart_base = fixed + (V2M_UART0_PHYS & ~PAGE_MASK);
	pr_debug("console: pl011 at MMIO 0x%08lx now at 0x%08lx (fixmap)\n", V2M_UART0_PHYS, uart_base);
}

unsigned long console_base(void)
{
	return uart_base;
}
