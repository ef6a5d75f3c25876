/*
 * Serial ports as the console sees them: the port's registers, the
 * earlycon= options, the table of drivers by name and compatible. Follows
 * Linux's include/linux/serial_core.h (v6.1), the parts earlycon uses.
 */
#ifndef _LINUX_SERIAL_CORE_H
#define _LINUX_SERIAL_CORE_H

#include <linux/types.h>

/* How the registers are reached (Linux's UPIO_*, their values in serial_core.h). */
#define UPIO_PORT	0	/* I/O ports: none on ARM; earlycon's default when nothing set it */
#define UPIO_MEM	2	/* 8-bit MMIO */
#define UPIO_MEM32	3	/* 32-bit MMIO, little-endian */
#define UPIO_MEM32BE	6	/* 32-bit MMIO, big-endian */
#define UPIO_MEM16	7	/* 16-bit MMIO */

struct console;

/* One UART: where its registers are and how they are reached (Linux's struct uart_port, in part). */
struct uart_port {
	u64 mapbase;			/* physical address of the registers */
	void *membase;			/* their virtual address once mapped */
	unsigned long iobase;		/* UPIO_PORT only */
	unsigned int uartclk;		/* the UART's reference clock, Hz */
	unsigned char iotype;		/* UPIO_* */
	unsigned char regshift;		/* register n is at n << regshift */
};

/* What earlycon knows about its port (Linux's struct earlycon_device). */
struct earlycon_device {
	struct console *con;
	struct uart_port port;
	char options[16];		/* e.g. "115200n8" */
	unsigned int baud;
};

/*
 * A console driver: the earlycon name (earlycon=NAME,...), the compatible
 * it serves in the device tree ("" for a name-only entry, as Linux's
 * EARLYCON_DECLARE), its earlycon set-up and the probe of its real
 * console. Follows Linux's struct earlycon_id, with the probe added so
 * that one table says everything about a driver.
 */
struct earlycon_id {
	const char *name;
	const char *compatible;
	int (*setup)(struct earlycon_device *device, const char *options);
	/* The real console on the device-tree node (of_console_probe); NULL: none. */
	int (*probe)(int node, u64 phys, u64 size, int line);
};

/*
 * Follows Linux's uart_parse_earlycon (drivers/tty/serial/serial_core.c,
 * v6.1): "mmio,ADDR", "mmio16,", "mmio32,", "mmio32be,", "io,ADDR" or a
 * bare "0xADDR" (MMIO), then options after the next comma. Returns 0 or
 * -EINVAL; *options is NULL when there are none.
 */
int uart_parse_earlycon(char *p, unsigned char *iotype, u64 *addr, char **options);

/*
 * Follows Linux's parse_options (drivers/tty/serial/earlycon.c, v6.1)
 * without the mapping: fills port and device from "ADDR-SPEC[,OPTIONS]".
 * *bad_clk is set when the clock rate after the baud is not a number
 * (Linux warns and goes on). Returns 0 or -EINVAL.
 */
int earlycon_parse_options(struct earlycon_device *device, char *options, bool *bad_clk);

/*
 * The search of Linux's setup_earlycon (v6.1): the entry whose name starts
 * buf and is followed by ',' or the end, name-only entries first. *rest is
 * what follows the comma, NULL when nothing does. NULL when none matches.
 */
const struct earlycon_id *earlycon_find(const struct earlycon_id *table, size_t n, char *buf, char **rest);

/*
 * Follows Linux's earlycon_init (v6.1): the console's name is the driver's
 * without its trailing digits, which become the index ("pl011" -> "pl", 11;
 * "uart" -> "uart", 0).
 */
void earlycon_console_name(const char *driver, char *name, size_t size, int *index);

/* The "MMIO%s" width of earlycon's line: "", "16", "32", "32be"; NULL for I/O ports. */
const char *earlycon_mmio_width(unsigned char iotype);

/*
 * /chosen/stdout-path split as Linux's early_init_dt_scan_chosen_stdout
 * (drivers/of/fdt.c, v6.1) splits it: the path (an alias or a full path)
 * is the first *path_len bytes, *options what follows the first ':' (NULL
 * when there is no ':').
 */
void stdout_path_split(const char *prop, int *path_len, const char **options);

/* The iotype a reg-io-width value gives (of_setup_earlycon); -EINVAL for one Linux does not take. */
int uart_iotype_for_width(u32 width, bool big_endian);

#endif
