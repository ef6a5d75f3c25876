/*
 * Polled PL011 output on UART0 (ARM PrimeCell UART PL011 TRM: UARTDR at
 * 0x00, UARTFR at 0x18 with TXFF in bit 5). QEMU's UART needs no set-up.
 */
#include <linux/types.h>
#include <asm/memory.h>
#include <mach/console.h>
#include <mach/vexpress.h>

#define UART_BASE	(DEBUG_IO_VIRT + V2M_UART0_OFFSET)
#define UARTDR		0x00
#define UARTFR		0x18
#define UARTFR_TXFF	(1u << 5)

static inline void uart_write(unsigned int reg, u32 v)
{
	*(volatile u32 *)(UART_BASE + reg) = v;
}

static inline u32 uart_read(unsigned int reg)
{
	return *(volatile u32 *)(UART_BASE + reg);
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
