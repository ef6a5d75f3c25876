/*
 * The PL011 UART's registers that the console uses (ARM PrimeCell UART
 * PL011 TRM, DDI 0183, 3.2 "Summary of registers"), for boot/head.S's
 * messages before the MMU is on and for platform/vexpress/pl011.c.
 */
#ifndef _MACH_PL011_H
#define _MACH_PL011_H

#include <linux/const.h>

#define UARTDR			0x00		/* data: a write sends a byte */
#define UARTFR			0x18		/* flags */
#define UARTFR_TXFF		(UL(1) << 5)	/* transmit FIFO full */
#define UARTPeriphID2		0xfe8		/* bits [7:4]: the revision (TRM 3.3, peripheral identification) */

#endif
