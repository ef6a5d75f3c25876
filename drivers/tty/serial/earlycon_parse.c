/*
 * The string side of earlycon= and /chosen/stdout-path, apart from any
 * hardware so that host tests can run it (test/host/test_earlycon.c). The
 * kernel side is drivers/tty/serial/earlycon.c.
 */
#include <linux/errno.h>
#include <linux/serial_core.h>
#include <linux/string.h>

/*
 * Follows Linux's simple_strtoull (lib/vsprintf.c, v6.1) with base 0: a
 * 0x prefix for hexadecimal, a leading 0 for octal, decimal otherwise; no
 * sign and no white space; stops at the first character that is not a
 * digit of the base.
 */
static u64 simple_strtoull0(const char *s, const char **end)
{
	unsigned int base = 10;
	u64 v = 0;

	if (s[0] == '0' && (s[1] | 0x20) == 'x') {
		base = 16;
		s += 2;
	} else if (s[0] == '0') {
		base = 8;
	}
	for (;; s++) {
		char c = (char)(*s | 0x20);
		unsigned int d;

		if (*s >= '0' && *s <= '9')
			d = (unsigned int)(*s - '0');
		else if (c >= 'a' && c <= 'f')
			d = (unsigned int)(c - 'a' + 10);
		else
			break;
		if (d >= base)
			break;
		v = v * base + d;
	}
	if (end)
		*end = s;
	return v;
}

/* Linux's kstrtouint (lib/kstrtox.c, v6.1) with base 0: the whole string a number, one newline allowed. */
static int kstrtouint0(const char *s, unsigned int *res)
{
	const char *end;
	u64 v;

	if (!*s || (s[0] == '0' && (s[1] | 0x20) == 'x' && !s[2]))
		return -EINVAL;
	v = simple_strtoull0(s, &end);
	if (*end == '\n')
		end++;
	if (*end || end == s)
		return -EINVAL;
	if (v > 0xffffffffu)
		return -ERANGE;
	*res = (unsigned int)v;
	return 0;
}

/* Follows Linux's uart_parse_earlycon (drivers/tty/serial/serial_core.c, v6.1). */
int uart_parse_earlycon(char *p, unsigned char *iotype, u64 *addr, char **options)
{
	static const struct {
		const char *prefix;
		unsigned char iotype;
	} prefixes[] = {
		{ "mmio,", UPIO_MEM }, { "mmio16,", UPIO_MEM16 }, { "mmio32,", UPIO_MEM32 },
		{ "mmio32be,", UPIO_MEM32BE }, { "io,", UPIO_PORT },
	};
	size_t i;

	for (i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
		size_t len = strlen(prefixes[i].prefix);

		if (strncmp(p, prefixes[i].prefix, len) == 0) {
			*iotype = prefixes[i].iotype;
			p += len;
			break;
		}
	}
	if (i == sizeof(prefixes) / sizeof(prefixes[0])) {
		if (strncmp(p, "0x", 2) != 0)
			return -EINVAL;
		*iotype = UPIO_MEM;
	}
	/* The number ends at the comma before the options, which strtoull would not accept as an end. */
	*addr = simple_strtoull0(p, NULL);
	p = strchr(p, ',');
	*options = p ? p + 1 : NULL;
	return 0;
}

/* Follows Linux's parse_options (drivers/tty/serial/earlycon.c, v6.1), up to the mapping. */
int earlycon_parse_options(struct earlycon_device *device, char *options, bool *bad_clk)
{
	struct uart_port *port = &device->port;
	u64 addr;

	*bad_clk = false;
	if (uart_parse_earlycon(options, &port->iotype, &addr, &options))
		return -EINVAL;
	switch (port->iotype) {
	case UPIO_MEM:
		port->mapbase = addr;
		break;
	case UPIO_MEM16:
		port->regshift = 1;
		port->mapbase = addr;
		break;
	case UPIO_MEM32:
	case UPIO_MEM32BE:
		port->regshift = 2;
		port->mapbase = addr;
		break;
	case UPIO_PORT:
		port->iobase = (unsigned long)addr;
		break;
	default:
		return -EINVAL;
	}
	if (options) {
		const char *clk = strchr(options, ',');
		size_t len = 0;

		device->baud = (unsigned int)simple_strtoull0(options, NULL);
		if (clk && kstrtouint0(clk + 1, &port->uartclk) < 0)
			*bad_clk = true;
		/* Up to the first blank, cut to what the field holds (Linux's strscpy). */
		while (options[len] && options[len] != ' ' && len < sizeof(device->options) - 1)
			len++;
		memcpy(device->options, options, len);
		device->options[len] = 0;
	}
	return 0;
}

/* Follows the search in Linux's setup_earlycon (drivers/tty/serial/earlycon.c, v6.1). */
const struct earlycon_id *earlycon_find(const struct earlycon_id *table, size_t n, char *buf, char **rest)
{
	/* First pass: entries without a compatible (Linux's EARLYCON_DECLARE); second: all. */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < n; i++) {
			const struct earlycon_id *match = &table[i];
			size_t len = strlen(match->name);

			if (strncmp(buf, match->name, len))
				continue;
			if (pass == 0 && match->compatible[0])
				continue;
			if (buf[len] && buf[len] != ',')
				continue;
			*rest = buf[len] ? buf + len + 1 : NULL;
			return match;
		}
	}
	return NULL;
}

/* Follows Linux's earlycon_init (drivers/tty/serial/earlycon.c, v6.1): the name and index. */
void earlycon_console_name(const char *driver, char *name, size_t size, int *index)
{
	size_t len = strlen(driver);
	const char *digits = driver + len;

	while (digits > driver && digits[-1] >= '0' && digits[-1] <= '9')
		digits--;
	/* Base 10, as Linux's simple_strtoul(s, NULL, 10): "011" is eleven, not octal nine. */
	if (*digits) {
		int v = 0;

		for (const char *d = digits; *d; d++)
			v = v * 10 + (*d - '0');
		*index = v;
	}
	len = (size_t)(digits - driver);
	if (len > size - 1)
		len = size - 1;
	memcpy(name, driver, len);
	name[len] = 0;
}

const char *earlycon_mmio_width(unsigned char iotype)
{
	switch (iotype) {
	case UPIO_MEM:
		return "";
	case UPIO_MEM16:
		return "16";
	case UPIO_MEM32:
		return "32";
	case UPIO_MEM32BE:
		return "32be";
	default:
		return NULL;
	}
}

/* Follows the split in Linux's early_init_dt_scan_chosen_stdout (drivers/of/fdt.c, v6.1). */
void stdout_path_split(const char *prop, int *path_len, const char **options)
{
	const char *colon = strchr(prop, ':');

	*options = colon ? colon + 1 : NULL;
	*path_len = (int)(colon ? (size_t)(colon - prop) : strlen(prop));
}

/* The reg-io-width switch of Linux's of_setup_earlycon (drivers/tty/serial/earlycon.c, v6.1). */
int uart_iotype_for_width(u32 width, bool big_endian)
{
	switch (width) {
	case 1:
		return UPIO_MEM;
	case 2:
		return UPIO_MEM16;
	case 4:
		return big_endian ? UPIO_MEM32BE : UPIO_MEM32;
	default:
		return -EINVAL;
	}
}
