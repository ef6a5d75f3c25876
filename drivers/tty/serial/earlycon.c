/*
 * The boot console: earlycon= on the command line, or bare "earlycon" and
 * the device tree's /chosen/stdout-path. Follows Linux's
 * drivers/tty/serial/earlycon.c (v6.1); the strings are parsed in
 * earlycon_parse.c. The UART is reached through the fixmap slot
 * FIX_EARLYCON_MEM_BASE until its driver's real console takes over.
 */
#define pr_fmt(fmt) "earlycon: " fmt

#include <linux/console.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/of_fdt.h>
#include <linux/serial_core.h>
#include <linux/string.h>
#include <libfdt.h>
#include <asm/early_ioremap.h>
#include <asm/fixmap.h>
#include <asm/setup.h>

/* ARM's BASE_BAUD (arch/arm/include/asm/serial.h): the 1.8432 MHz clock of a PC UART over 16. */
#define BASE_BAUD	(1843200 / 16)

static struct console early_con = {
	.name = "uart",			/* the driver's name replaces it */
	.flags = CON_PRINTBUFFER | CON_BOOT,
	.index = 0,
};

static struct earlycon_device early_console_dev = {
	.con = &early_con,
};
static bool early_con_registered;

bool earlycon_was_registered(void)
{
	return early_con_registered;
}

/* Follows Linux's earlycon_map (v6.1): the page of @paddr in FIX_EARLYCON_MEM_BASE. */
static void *earlycon_map(u64 paddr)
{
	__set_fixmap(FIX_EARLYCON_MEM_BASE, (phys_addr_t)paddr & PAGE_MASK, FIXMAP_PAGE_IO);
	return (void *)(fix_to_virt(FIX_EARLYCON_MEM_BASE) + (unsigned long)(paddr & ~PAGE_MASK));
}

/* Follows Linux's earlycon_init (v6.1). */
static void earlycon_init(struct earlycon_device *device, const char *name)
{
	struct console *con = device->con;
	int index = con->index;

	earlycon_console_name(name, con->name, sizeof(con->name), &index);
	con->index = (short)index;
	con->data = &device->port;
}

/* Follows Linux's earlycon_print_info (v6.1). */
static void earlycon_print_info(struct earlycon_device *device)
{
	struct console *con = device->con;
	struct uart_port *port = &device->port;
	const char *width = earlycon_mmio_width(port->iotype);
	phys_addr_t mapbase = (phys_addr_t)port->mapbase;

	if (width)
		pr_info("%s%d at MMIO%s %pa (options '%s')\n", con->name, con->index, width,
			&mapbase, device->options);
	else
		pr_info("%s%d at I/O port 0x%lx (options '%s')\n", con->name, con->index,
			port->iobase, device->options);
}

/* The end of Linux's register_earlycon and of_setup_earlycon (v6.1): set-up, the line, registration. */
static int earlycon_start(const struct earlycon_id *match, const char *options)
{
	int err;

	earlycon_init(&early_console_dev, match->name);
	err = match->setup(&early_console_dev, options);
	earlycon_print_info(&early_console_dev);
	if (err < 0)
		return err;
	if (!early_con.write)
		return -ENODEV;
	register_console(&early_con);
	early_con_registered = true;
	return 0;
}

/* Follows Linux's register_earlycon (v6.1). */
static int register_earlycon(char *buf, const struct earlycon_id *match)
{
	struct uart_port *port = &early_console_dev.port;
	bool bad_clk;

	/* Options it cannot parse go to the driver's set-up as they are. */
	if (buf && !earlycon_parse_options(&early_console_dev, buf, &bad_clk)) {
		if (bad_clk)
			pr_warn("[%s] unsupported earlycon uart clkrate option\n", buf);
		buf = NULL;
	}
	if (!port->uartclk)
		port->uartclk = BASE_BAUD * 16;
	if (port->mapbase)
		port->membase = earlycon_map(port->mapbase);
	return earlycon_start(match, buf);
}

/* Follows Linux's setup_earlycon (v6.1): earlycon=NAME[,OPTIONS]. */
static int setup_earlycon(char *buf)
{
	const struct earlycon_id *match;
	char *rest;

	if (!buf || !buf[0])
		return -EINVAL;
	if (early_con.flags & CON_ENABLED)
		return -EALREADY;
	match = earlycon_find(earlycon_table, earlycon_table_size, buf, &rest);
	if (!match)
		return -ENOENT;
	return register_earlycon(rest, match);
}

/*
 * Follows Linux's of_setup_earlycon (v6.1) up to the set-up: the port from
 * the node's reg (translated), reg-offset, reg-shift, reg-io-width,
 * current-speed and clock-frequency; options from stdout-path. @quiet:
 * warn about nothing (the emergency console).
 */
static int of_earlycon_port(const struct earlycon_id *match, int node, const char *options, bool quiet)
{
	const void *fdt = initial_boot_params;
	struct uart_port *port = &early_console_dev.port;
	bool big_endian;
	const fdt32_t *val;
	u64 addr, size;

	port->iotype = UPIO_MEM;
	/* Linux's of_flat_dt_translate_address; OF_BAD_ADDR there is an error here. */
	if (of_fdt_reg_address(fdt, node, 0, &addr, &size)) {
		if (!quiet)
			pr_warn("[%s] bad address\n", match->name);
		return -ENXIO;
	}
	port->mapbase = addr;
	val = fdt_getprop(fdt, node, "reg-offset", NULL);
	if (val)
		port->mapbase += fdt32_to_cpu(*val);
	port->membase = earlycon_map(port->mapbase);
	val = fdt_getprop(fdt, node, "reg-shift", NULL);
	if (val)
		port->regshift = (unsigned char)fdt32_to_cpu(*val);
	big_endian = fdt_getprop(fdt, node, "big-endian", NULL) != NULL;
	val = fdt_getprop(fdt, node, "reg-io-width", NULL);
	if (val) {
		int iotype = uart_iotype_for_width(fdt32_to_cpu(*val), big_endian);

		if (iotype < 0) {
			if (!quiet)
				pr_warn("[%s] unsupported reg-io-width\n", match->name);
			return -EINVAL;
		}
		port->iotype = (unsigned char)iotype;
	}
	val = fdt_getprop(fdt, node, "current-speed", NULL);
	if (val)
		early_console_dev.baud = fdt32_to_cpu(*val);
	val = fdt_getprop(fdt, node, "clock-frequency", NULL);
	if (val)
		port->uartclk = fdt32_to_cpu(*val);
	if (options) {
		size_t len = min(strlen(options), sizeof(early_console_dev.options) - 1);

		early_console_dev.baud = (unsigned int)strtoul(options, NULL, 0);
		memcpy(early_console_dev.options, options, len);
		early_console_dev.options[len] = 0;
	}
	return 0;
}

/* Follows Linux's of_setup_earlycon (v6.1). */
static int of_setup_earlycon(const struct earlycon_id *match, int node, const char *options)
{
	int err;

	if (early_con.flags & CON_ENABLED)
		return -EALREADY;
	err = of_earlycon_port(match, node, options, false);
	if (err)
		return err;
	return earlycon_start(match, options);
}

/* The stdout-path node and its options; -ENOENT when /chosen names none. */
static int of_stdout_node(const char **options)
{
	const void *fdt = initial_boot_params;
	int len;

	if (!fdt || !of_stdout_path)
		return -ENOENT;
	stdout_path_split(of_stdout_path, &len, options);
	return fdt_path_offset_namelen(fdt, of_stdout_path, len);
}

/* Follows Linux's early_init_dt_scan_chosen_stdout (drivers/of/fdt.c, v6.1). */
static int early_init_dt_scan_chosen_stdout(void)
{
	const char *options;
	int node;

	if (!initial_boot_params || !of_stdout_path || !of_stdout_path[0])
		return -ENOENT;
	node = of_stdout_node(&options);
	if (node < 0) {
		int len;

		stdout_path_split(of_stdout_path, &len, &options);
		/* Linux prints it from drivers/of/fdt.c: that file's prefix. */
		printk(KERN_WARNING "OF: fdt: earlycon: stdout-path %.*s not found\n", len, of_stdout_path);
		return 0;
	}
	for (size_t i = 0; i < earlycon_table_size; i++) {
		const struct earlycon_id *match = &earlycon_table[i];
		int ret;

		if (!match->compatible[0] || fdt_node_check_compatible(initial_boot_params, node, match->compatible))
			continue;
		ret = of_setup_earlycon(match, node, options);
		if (!ret || ret == -EALREADY)
			return 0;
	}
	return -ENODEV;
}

/* Follows Linux's param_setup_earlycon (v6.1); NULL is a bare "earlycon" (no '='). */
static int __init param_setup_earlycon(char *buf)
{
	int err;

	if (!buf)
		return early_init_dt_scan_chosen_stdout();
	err = setup_earlycon(buf);
	if (err == -ENOENT || err == -EALREADY)
		return 0;
	return err;
}
early_param_null("earlycon", param_setup_earlycon);

/*
 * Whether the earlycon slot can be mapped now: the fixmap is set up, and
 * its PTE page is in place. Between early_fixmap_shutdown and
 * devicemaps_init, without earlycon, the fixmap's top PMD is empty (as in
 * Linux: only a slot in use gets a new PTE page; the vector page's brings
 * one later).
 */
static bool earlycon_slot_mappable(void)
{
	if (!early_ioremap_ready())
		return false;
	return fixmap_is_early() || pmd_val(*pmd_off_k(fix_to_virt(FIX_EARLYCON_MEM_BASE)));
}

struct console *earlycon_emergency(void)
{
	const char *options;
	int node;

	if (!earlycon_slot_mappable())
		return NULL;
	node = of_stdout_node(&options);
	if (node < 0)
		return NULL;
	for (size_t i = 0; i < earlycon_table_size; i++) {
		const struct earlycon_id *match = &earlycon_table[i];

		if (!match->compatible[0] || fdt_node_check_compatible(initial_boot_params, node, match->compatible))
			continue;
		memset(&early_console_dev.port, 0, sizeof(early_console_dev.port));
		if (of_earlycon_port(match, node, options, true))
			continue;
		earlycon_init(&early_console_dev, match->name);
		early_con.write = NULL;
		if (match->setup(&early_console_dev, options) == 0 && early_con.write)
			return &early_con;
	}
	return NULL;
}
