/*
 * The 8250/16550 UART's registers that the console uses (register
 * numbers before reg-shift). Linux's include/uapi/linux/serial_reg.h
 * names the same registers.
 */
#ifndef _LINUX_SERIAL_REG_H
#define _LINUX_SERIAL_REG_H

#define UART_TX		0	/* out: transmit holding register (DLAB 0) */
#define UART_DLL	0	/* divisor latch, low byte (DLAB 1) */
#define UART_IER	1	/* interrupt enable (DLAB 0) */
#define UART_IER_UUE	0x40	/* the XScale/Ingenic UART unit enable, kept as Linux keeps it */
#define UART_DLM	1	/* divisor latch, high byte (DLAB 1) */
#define UART_FCR	2	/* out: FIFO control */
#define UART_LCR	3	/* line control */
#define UART_LCR_DLAB	0x80	/* divisor latch access */
#define UART_LCR_WLEN8	0x03	/* 8 data bits, 1 stop bit, no parity */
#define UART_MCR	4	/* modem control */
#define UART_MCR_DTR_RTS 0x03
#define UART_LSR	5	/* line status */
#define UART_LSR_THRE	0x20	/* transmit holding register empty */
#define UART_LSR_TEMT	0x40	/* transmitter empty */

#endif
