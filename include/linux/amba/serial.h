/*
 * The PL011 UART's registers that the console uses (ARM PrimeCell UART
 * PL011 TRM, DDI 0183, 3.2 "Summary of registers"), for
 * drivers/tty/serial/amba-pl011.c. Linux's include/linux/amba/serial.h
 * names the same registers.
 */
#ifndef _LINUX_AMBA_SERIAL_H
#define _LINUX_AMBA_SERIAL_H

#include <linux/const.h>

#define UARTDR			0x00		/* data: a write sends a byte */
#define UARTFR			0x18		/* flags */
#define UARTFR_TXFF		(UL(1) << 5)	/* transmit FIFO full */
#define UARTPeriphID2		0xfe8		/* bits [7:4]: the revision (TRM 3.3, peripheral identification) */

#endif
