/*
 * The real console: the UART the device tree names, probed by its driver
 * once ioremap works (the machine's init_machine calls of_console_probe).
 * Linux gets there through of_platform_populate, the drivers' probes and
 * of_console_check's preference for the stdout-path node (v6.1); here one
 * call finds the node and hands it to its driver in earlycon_table.
 */
#include <linux/console.h>
#include <linux/kernel.h>
#include <linux/of_console.h>
#include <linux/of_fdt.h>
#include <linux/serial_core.h>
#include <linux/string.h>
#include <libfdt.h>

/* The first table entry with a probe whose compatible the node has. */
static const struct earlycon_id *of_console_driver(int node)
{
	for (size_t i = 0; i < earlycon_table_size; i++) {
		const struct earlycon_id *id = &earlycon_table[i];

		if (id->probe && id->compatible[0] &&
		    !fdt_node_check_compatible(initial_boot_params, node, id->compatible))
			return id;
	}
	return NULL;
}

/* Follows Linux's of_alias_get_id (drivers/of/base.c, v6.1) for "serial": N of the serialN alias naming the node, else 0. */
static int of_serial_line(int node)
{
	const void *fdt = initial_boot_params;
	int aliases = fdt_path_offset(fdt, "/aliases");
	int prop;

	if (aliases < 0)
		return 0;
	fdt_for_each_property_offset(prop, fdt, aliases) {
		const char *name, *path;
		int len;

		path = fdt_getprop_by_offset(fdt, prop, &name, &len);
		if (!path || strncmp(name, "serial", 6) || name[6] < '0' || name[6] > '9')
			continue;
		if (fdt_path_offset(fdt, path) == node)
			return (int)strtoul(name + 6, NULL, 10);
	}
	return 0;
}

/*
 * The console's node: stdout-path's; without one, Linux enables the first
 * console that registers, here the first node a driver in the table takes.
 */
static int of_console_node(void)
{
	const void *fdt = initial_boot_params;
	int node, len;
	const char *options;

	if (of_stdout_path) {
		stdout_path_split(of_stdout_path, &len, &options);
		return fdt_path_offset_namelen(fdt, of_stdout_path, len);
	}
	for (node = fdt_next_node(fdt, -1, NULL); node >= 0; node = fdt_next_node(fdt, node, NULL))
		if (of_fdt_device_is_available(fdt, node) && of_console_driver(node))
			return node;
	return -1;
}

void of_console_probe(void)
{
	struct serial_of_device dev = { 0 };
	const struct earlycon_id *driver;
	const char *name;
	int namelen;

	if (!initial_boot_params)
		return;
	dev.node = of_console_node();
	if (dev.node < 0)
		return;
	driver = of_console_driver(dev.node);
	if (!driver || !of_fdt_device_is_available(initial_boot_params, dev.node))
		return;
	if (of_fdt_reg_address(initial_boot_params, dev.node, 0, &dev.phys, &dev.size) || !dev.size)
		return;
	dev.line = of_serial_line(dev.node);
	/* Linux's platform device name: the address, a dot, the node's name without its unit address. */
	name = fdt_get_name(initial_boot_params, dev.node, &namelen);
	for (int i = 0; name && i < namelen; i++)
		if (name[i] == '@')
			namelen = i;
	scnprintf(dev.name, sizeof(dev.name), "%llx.%.*s", dev.phys, name ? namelen : 0, name ? name : "");
	driver->probe(&dev);
}
