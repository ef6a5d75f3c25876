/*
 * The 8250/16550 UART as a console, polled: registers reg-shift apart,
 * reached 8, 16 or 32 bits wide (reg-io-width; earlycon's mmio, mmio16,
 * mmio32, mmio32be). Follows Linux's drivers/tty/serial/8250/8250_early.c
 * (v6.1) for the earlycon and, for the real ttyS console, the parts of
 * 8250_of.c / 8250_dw.c and 8250_port.c a console needs.
 */
#include <linux/console.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/of_fdt.h>
#include <linux/serial_core.h>
#include <linux/serial_reg.h>
#include <libfdt.h>
#include <asm/barrier.h>
#include <asm/io.h>

/* Follows Linux's serial8250_early_in (8250_early.c, v6.1). */
static unsigned int serial8250_in(struct uart_port *port, unsigned int offset)
{
	u8 *reg = (u8 *)port->membase + (offset << port->regshift);

	switch (port->iotype) {
	case UPIO_MEM:
		return readb(reg);
	case UPIO_MEM16:
		return readw(reg);
	case UPIO_MEM32:
		return readl(reg);
	case UPIO_MEM32BE:
		return __builtin_bswap32(readl(reg));
	default:
		return 0;
	}
}

/* Follows Linux's serial8250_early_out (8250_early.c, v6.1). */
static void serial8250_out(struct uart_port *port, unsigned int offset, unsigned int value)
{
	u8 *reg = (u8 *)port->membase + (offset << port->regshift);

	switch (port->iotype) {
	case UPIO_MEM:
		writeb((u8)value, reg);
		break;
	case UPIO_MEM16:
		writew((u16)value, reg);
		break;
	case UPIO_MEM32:
		writel(value, reg);
		break;
	case UPIO_MEM32BE:
		writel(__builtin_bswap32(value), reg);
		break;
	default:
		break;
	}
}

/* Follows Linux's serial_putc (8250_early.c, v6.1): wait until the transmitter is empty. */
static void serial8250_putc(struct uart_port *port, unsigned char c)
{
	const unsigned int both_empty = UART_LSR_TEMT | UART_LSR_THRE;

	for (unsigned int polls = 0; !port->stuck && (serial8250_in(port, UART_LSR) & both_empty) != both_empty;
	     polls++)
		if (polls == UART_POLL_LIMIT)
			port->stuck = true;
	if (!port->stuck)
		serial8250_out(port, UART_TX, c);
}

static void serial8250_write(struct console *con, const char *s, unsigned int n)
{
	uart_console_write(con->data, s, n, serial8250_putc);
}

/* Follows Linux's init_port (8250_early.c, v6.1): 8n1, no interrupts, no FIFO, the baud's divisor. */
static void serial8250_init_port(struct earlycon_device *device)
{
	struct uart_port *port = &device->port;
	unsigned int ier, lcr;

	serial8250_out(port, UART_LCR, UART_LCR_WLEN8);
	ier = serial8250_in(port, UART_IER);
	serial8250_out(port, UART_IER, ier & UART_IER_UUE);
	serial8250_out(port, UART_FCR, 0);
	serial8250_out(port, UART_MCR, UART_MCR_DTR_RTS);
	if (port->uartclk) {
		unsigned int divisor = (port->uartclk + 8 * device->baud) / (16 * device->baud);

		lcr = serial8250_in(port, UART_LCR);
		serial8250_out(port, UART_LCR, lcr | UART_LCR_DLAB);
		serial8250_out(port, UART_DLL, divisor & 0xff);
		serial8250_out(port, UART_DLM, (divisor >> 8) & 0xff);
		serial8250_out(port, UART_LCR, lcr & ~(unsigned int)UART_LCR_DLAB);
	}
}

/* Follows Linux's early_serial8250_setup (8250_early.c, v6.1). */
int early_serial8250_setup(struct earlycon_device *device, const char *options)
{
	(void)options;
	if (!device->port.membase)
		return -ENODEV;
	if (!device->baud) {
		/* Assume the boot loader set the UART up; only mask its interrupts. */
		unsigned int ier = serial8250_in(&device->port, UART_IER);

		serial8250_out(&device->port, UART_IER, ier & UART_IER_UUE);
	} else {
		serial8250_init_port(device);
	}
	device->con->write = serial8250_write;
	return 0;
}

static struct uart_port serial8250_port;
static struct console serial8250_console = {
	.name = "ttyS",
	.write = serial8250_write,
	.flags = CON_PRINTBUFFER,
	.data = &serial8250_port,
};

static u32 of_u32(int node, const char *name, u32 dflt)
{
	const fdt32_t *val = fdt_getprop(initial_boot_params, node, name, NULL);

	return val ? fdt32_to_cpu(*val) : dflt;
}

/*
 * Follows Linux's of_platform_serial_probe / dw8250_probe (v6.1) as far
 * as the console goes: reg-shift, reg-io-width and clock-frequency from
 * the node, the registers ioremapped, uart_report_port's line (irq 0: no
 * interrupts here; base_baud the clock over 16; QEMU's UART autoconfigures
 * as a 16550A), then register_console. If the ioremap fails, the driver
 * core's message and no console from this driver.
 */
void serial8250_console_probe(const struct serial_of_device *dev)
{
	const char *driver = fdt_node_check_compatible(initial_boot_params, dev->node, "snps,dw-apb-uart") ?
			     "of_serial" : "dw-apb-uart";
	void __iomem *regs = ioremap((phys_addr_t)dev->phys, (size_t)dev->size);
	int iotype = uart_iotype_for_width(of_u32(dev->node, "reg-io-width", 1),
					   fdt_getprop(initial_boot_params, dev->node, "big-endian", NULL) != NULL);

	if (!regs || iotype < 0) {
		pr_warn("%s: probe of %s failed with error %d\n", driver, dev->name, regs ? -EINVAL : -ENOMEM);
		return;
	}
	serial8250_port.mapbase = dev->phys;
	serial8250_port.membase = regs;
	serial8250_port.iotype = (unsigned char)iotype;
	serial8250_port.regshift = (unsigned char)of_u32(dev->node, "reg-shift", 0);
	serial8250_port.uartclk = of_u32(dev->node, "clock-frequency", 0);
	pr_info("%s: ttyS%d at MMIO %#llx (irq = 0, base_baud = %u) is a 16550A\n",
		dev->name, dev->line, dev->phys, serial8250_port.uartclk / 16);
	serial8250_console.index = (short)dev->line;
	/* Earlier writes through the earlycon's fixmap alias first (ARM ARM A3.8, memory access order). */
	dsb(sy);
	register_console(&serial8250_console);
}
