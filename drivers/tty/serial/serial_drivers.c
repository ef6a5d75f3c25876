/*
 * The console drivers, as data: the earlycon= names and device-tree
 * compatibles each serves, as Linux's EARLYCON_DECLARE and
 * OF_EARLYCON_DECLARE entries (v6.1) declare them, with the probe of the
 * driver's real console. A new UART is a driver file and rows here.
 */
#include <linux/kernel.h>
#include <linux/serial_core.h>

const struct earlycon_id earlycon_table[] = {
	/* drivers/tty/serial/amba-pl011.c */
	{ "pl011", "arm,pl011", pl011_early_console_setup, pl011_console_probe },
	{ "pl011", "arm,sbsa-uart", pl011_early_console_setup, NULL },
	/* drivers/tty/serial/8250/8250_early.c: names, then compatibles */
	{ "uart8250", "", early_serial8250_setup, NULL },
	{ "uart", "", early_serial8250_setup, NULL },
	{ "ns16550", "ns16550", early_serial8250_setup, serial8250_console_probe },
	{ "ns16550a", "ns16550a", early_serial8250_setup, serial8250_console_probe },
	{ "uart", "snps,dw-apb-uart", early_serial8250_setup, serial8250_console_probe },
	/* drivers/tty/serial/earlycon-semihost.c */
	{ "smh", "", early_smh_setup, NULL },
};
const size_t earlycon_table_size = ARRAY_SIZE(earlycon_table);
