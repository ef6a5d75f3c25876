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

/* The device-tree node of a UART its driver probes (of_console_probe). */
struct serial_of_device {
	int node;			/* offset in initial_boot_params */
	u64 phys, size;			/* its first reg entry, translated to a CPU address */
	int line;			/* the N of its serialN alias, else 0 */
	char name[48];			/* Linux's device name: "1c090000.serial" */
};

/* One UART: where its registers are and how they are reached (Linux's struct uart_port, in part). */
struct uart_port {
	u64 mapbase;			/* physical address of the registers */
	void *membase;			/* their virtual address once mapped */
	unsigned long iobase;		/* UPIO_PORT only */
	unsigned int uartclk;		/* the UART's reference clock, Hz */
	unsigned char iotype;		/* UPIO_* */
	unsigned char regshift;		/* register n is at n << regshift */
	bool stuck;			/* the transmitter never got ready: output dropped */
};

/*
 * How many times a polled console reads its status register for room to
 * send before it gives up on the port for good. Linux waits forever; an
 * earlycon= naming the wrong driver for a UART would then hang the boot.
 * Far more than a working UART, real or QEMU's, ever needs.
 */
#define UART_POLL_LIMIT		1000000

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
	/* Registers the real console on this node (of_console_probe); NULL: the driver has none. */
	void (*probe)(const struct serial_of_device *dev);
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

#ifndef HOST_TEST
/* Every console driver (drivers/tty/serial/serial_drivers.c). */
extern const struct earlycon_id earlycon_table[];
extern const size_t earlycon_table_size;

/* Write s through @port as a console writes: each "\n" as "\r\n" (Linux's uart_console_write). */
void uart_console_write(struct uart_port *port, const char *s, unsigned int n,
			void (*putchar)(struct uart_port *port, unsigned char c));

/*
 * Not in Linux: a console on the stdout-path UART through earlycon's
 * fixmap slot, made without a word, for console_flush_unregistered.
 * NULL when the device tree names none this kernel drives, or the fixmap
 * is not up yet.
 */
struct console *earlycon_emergency(void);

/* Whether the boot console ever registered (earlycon given and set up). */
bool earlycon_was_registered(void);

/* The semihosting console (earlycon=smh, and the last resort of console_flush_unregistered). */
extern struct console smh_console;
void smh_write(struct console *con, const char *s, unsigned int n);

/* The drivers' earlycon set-ups and probes (the table's entries). */
int pl011_early_console_setup(struct earlycon_device *device, const char *options);
void pl011_console_probe(const struct serial_of_device *dev);
int early_serial8250_setup(struct earlycon_device *device, const char *options);
void serial8250_console_probe(const struct serial_of_device *dev);
int early_smh_setup(struct earlycon_device *device, const char *options);
#endif

#endif
