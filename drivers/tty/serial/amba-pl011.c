/*
 * The ARM PL011 UART as a console, polled (registers in
 * linux/amba/serial.h; QEMU's UART needs no set-up). Follows Linux's
 * drivers/tty/serial/amba-pl011.c (v6.1): the earlycon (through the
 * fixmap slot earlycon.c maps) and, once ioremap works, the ttyAMA
 * console on the device-tree node of_console_probe picks.
 */
#include <linux/console.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/amba/serial.h>
#include <linux/serial_core.h>
#include <asm/barrier.h>
#include <asm/io.h>

static void pl011_putc(struct uart_port *port, unsigned char c)
{
	for (unsigned int polls = 0; !port->stuck && (readl((u8 *)port->membase + UARTFR) & UARTFR_TXFF); polls++)
		if (polls == UART_POLL_LIMIT)
			port->stuck = true;
	if (!port->stuck)
		writel(c, (u8 *)port->membase + UARTDR);
}

/* Follows Linux's pl011_early_write and pl011_console_write (v6.1), polled. */
static void pl011_write(struct console *con, const char *s, unsigned int n)
{
	uart_console_write(con->data, s, n, pl011_putc);
}

/* Follows Linux's pl011_early_console_setup (v6.1). */
int pl011_early_console_setup(struct earlycon_device *device, const char *options)
{
	(void)options;
	if (!device->port.membase)
		return -ENODEV;
	device->con->write = pl011_write;
	return 0;
}

static struct uart_port pl011_port;
static struct console pl011_console = {
	.name = "ttyAMA",
	.write = pl011_write,
	.flags = CON_PRINTBUFFER,
	.data = &pl011_port,
};

/*
 * Follows Linux's pl011_probe (v6.1) as far as the console goes: the
 * registers ioremapped (devm_ioremap_resource), the port reported as
 * uart_report_port does (no interrupt here: irq 0; base_baud 0 as Linux
 * reports it for the PL011), the revision from the AMBA peripheral ID,
 * then register_console. If the ioremap fails, Linux's two messages and
 * no console from this driver.
 */
void pl011_console_probe(const struct serial_of_device *dev)
{
	void __iomem *regs = ioremap((phys_addr_t)dev->phys, (size_t)dev->size);
	unsigned int rev;

	if (!regs) {
		pr_err("uart-pl011 %s: ioremap failed for resource [mem %#010llx-%#010llx]\n",
		       dev->name, dev->phys, dev->phys + dev->size - 1);
		pr_warn("uart-pl011: probe of %s failed with error %d\n", dev->name, -ENOMEM);
		return;
	}
	rev = (readl((u8 *)regs + UARTPeriphID2) >> 4) & 0xf;
	pr_info("%s: ttyAMA%d at MMIO %#llx (irq = 0, base_baud = 0) is a PL011 rev%u\n",
		dev->name, dev->line, dev->phys, rev);
	pl011_port.mapbase = dev->phys;
	pl011_port.membase = regs;
	pl011_port.iotype = UPIO_MEM32;
	pl011_console.index = (short)dev->line;
	/*
	 * Writes through the earlycon's fixmap alias have reached the UART
	 * before the first access through the new mapping: Device accesses
	 * are ordered only per address range, not across two aliases (ARM
	 * ARM A3.8, memory access order).
	 */
	dsb(sy);
	register_console(&pl011_console);
}
