/*
 * Polled PL011 output on UART0 (registers in mach/pl011.h). QEMU's UART
 * needs no set-up. The registers are reached first through head.S's
 * window, then through the earlycon fixmap slot (console_early_remap), and
 * once ioremap works through an ioremap of their own
 * (pl011_console_probe), as Linux's earlycon hands over to the amba-pl011
 * driver's console.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <asm/barrier.h>
#include <asm/fixmap.h>
#include <asm/io.h>
#include <asm/memory.h>
#include <mach/console.h>
#include <mach/pl011.h>
#include <mach/vexpress.h>

/* Where UART0 is mapped now. */
static unsigned long uart_base = DEBUG_IO_VIRT + V2M_UART0_OFFSET;

/* Linux's device name for the node: its address, a dot, the node's name. */
#define UART0_DEV_NAME		"1c090000.serial"
_Static_assert(V2M_UART0_PHYS == 0x1c090000, "UART0_DEV_NAME names UART0's address");

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

/*
 * Follows Linux's pl011_probe (drivers/tty/serial/amba-pl011.c, v6.1) as
 * far as the console goes: the registers ioremapped
 * (devm_ioremap_resource), the port reported as uart_report_port does
 * (no interrupt here: irq 0; base_baud 0 as Linux reports it on this
 * machine), the revision from the AMBA peripheral ID, then
 * register_console's handover from the boot console. If the ioremap
 * fails, Linux's two messages and the console stays where it is. Linux
 * leaves the earlycon's fixmap slot mapped after the handover; so does
 * this kernel.
 */
void pl011_console_probe(void)
{
	void __iomem *regs = ioremap(V2M_UART0_PHYS, V2M_UART0_SIZE);
	unsigned int rev;

	if (!regs) {
		pr_err("uart-pl011 " UART0_DEV_NAME ": ioremap failed for resource [mem %#010lx-%#010lx]\n",
		       V2M_UART0_PHYS, V2M_UART0_PHYS + V2M_UART0_SIZE - 1);
		pr_warn("uart-pl011: probe of " UART0_DEV_NAME " failed with error %d\n", -ENOMEM);
		return;
	}
	rev = (readl(regs + UARTPeriphID2) >> 4) & 0xf;
	pr_info(UART0_DEV_NAME ": ttyAMA0 at MMIO %#lx (irq = 0, base_baud = 0) is a PL011 rev%u\n",
		V2M_UART0_PHYS, rev);
	/*
	 * Writes through the old address have reached the UART before the
	 * first access through the new one: Device accesses are ordered only
	 * per address range, not across two aliases (ARM ARM A3.8, memory
	 * access order).
	 */
	dsb(sy);
	uart_base = (unsigned long)regs;
	pr_info("printk: console [ttyAMA0] enabled\n");
	pr_info("printk: bootconsole [pl11] disabled\n");
	pr_debug("console: pl011 at MMIO 0x%08lx now at 0x%08lx (ioremap)\n", V2M_UART0_PHYS, uart_base);
}

unsigned long console_base(void)
{
	return uart_base;
}
