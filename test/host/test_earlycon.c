/*
 * Host unit tests for drivers/tty/serial/earlycon_parse.c (cmocka): the
 * earlycon= and stdout-path strings, good and bad. The expected values are
 * what Linux 6.1's earlycon.c and serial_core.c make of each string,
 * worked out by hand from their rules (prefixes, simple_strtoull's base 0,
 * name-only entries first, trailing digits as the index).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <linux/errno.h>
#include <linux/serial_core.h>
#include <linux/string.h>

/* Linux 6.1's entries for the drivers this kernel has, in an order that tests the two passes. */
static const struct earlycon_id table[] = {
	{ "uart", "snps,dw-apb-uart", NULL, NULL },
	{ "ns16550a", "ns16550a", NULL, NULL },
	{ "pl011", "arm,pl011", NULL, NULL },
	{ "uart", "", NULL, NULL },
	{ "uart8250", "", NULL, NULL },
	{ "smh", "", NULL, NULL },
};
#define N (sizeof(table) / sizeof(table[0]))

static void parse_prefixes(void **state)
{
	char s1[] = "mmio32,0x1c28000,115200n8", s2[] = "0x9000000", s3[] = "mmio,0x09000000",
	     s4[] = "io,0x3f8,9600", s5[] = "mmio16,0x10", s6[] = "mmio32be,0x20,x", s7[] = "mmio,0777";
	unsigned char io = 0xff;
	u64 addr = 1;
	char *opt = (char *)"unset";

	(void)state;
	assert_int_equal(uart_parse_earlycon(s1, &io, &addr, &opt), 0);
	assert_int_equal(io, UPIO_MEM32);
	assert_true(addr == 0x1c28000);
	assert_string_equal(opt, "115200n8");

	assert_int_equal(uart_parse_earlycon(s2, &io, &addr, &opt), 0);
	assert_int_equal(io, UPIO_MEM);
	assert_true(addr == 0x9000000);
	assert_null(opt);

	assert_int_equal(uart_parse_earlycon(s3, &io, &addr, &opt), 0);
	assert_int_equal(io, UPIO_MEM);
	assert_true(addr == 0x09000000);
	assert_null(opt);

	assert_int_equal(uart_parse_earlycon(s4, &io, &addr, &opt), 0);
	assert_int_equal(io, UPIO_PORT);
	assert_true(addr == 0x3f8);
	assert_string_equal(opt, "9600");

	assert_int_equal(uart_parse_earlycon(s5, &io, &addr, &opt), 0);
	assert_int_equal(io, UPIO_MEM16);
	assert_true(addr == 0x10);

	assert_int_equal(uart_parse_earlycon(s6, &io, &addr, &opt), 0);
	assert_int_equal(io, UPIO_MEM32BE);
	assert_true(addr == 0x20);
	assert_string_equal(opt, "x");

	/* A leading 0 is octal to simple_strtoull. */
	assert_int_equal(uart_parse_earlycon(s7, &io, &addr, &opt), 0);
	assert_true(addr == 0777);
}

static void parse_bad(void **state)
{
	char s1[] = "pl011", s2[] = "", s3[] = "mmio33,0x1", s4[] = "9000000", s5[] = "MMIO,0x1";
	char *bad[] = { s1, s2, s3, s4, s5 };
	unsigned char io;
	u64 addr;
	char *opt;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(uart_parse_earlycon(bad[i], &io, &addr, &opt), -EINVAL);
}

static void options_fill_port(void **state)
{
	char s1[] = "mmio32,0x1c28000,115200n8", s2[] = "0x9000000,115200,24000000",
	     s3[] = "mmio16,0x100,9600,abc", s4[] = "0x1,115200n8 trailing", s5[] = "0x1,1234567890123456789",
	     s6[] = "io,0x3f8";
	struct earlycon_device d;
	bool bad_clk;

	(void)state;
	memset(&d, 0, sizeof(d));
	assert_int_equal(earlycon_parse_options(&d, s1, &bad_clk), 0);
	assert_int_equal(d.port.iotype, UPIO_MEM32);
	assert_int_equal(d.port.regshift, 2);
	assert_true(d.port.mapbase == 0x1c28000);
	assert_int_equal(d.baud, 115200);
	assert_string_equal(d.options, "115200n8");
	assert_false(bad_clk);

	memset(&d, 0, sizeof(d));
	assert_int_equal(earlycon_parse_options(&d, s2, &bad_clk), 0);
	assert_int_equal(d.port.regshift, 0);
	assert_int_equal(d.port.uartclk, 24000000);
	assert_int_equal(d.baud, 115200);
	assert_string_equal(d.options, "115200,24000000");
	assert_false(bad_clk);

	memset(&d, 0, sizeof(d));
	assert_int_equal(earlycon_parse_options(&d, s3, &bad_clk), 0);
	assert_int_equal(d.port.regshift, 1);
	assert_true(bad_clk);
	assert_int_equal(d.baud, 9600);

	/* The options end at a blank. */
	memset(&d, 0, sizeof(d));
	assert_int_equal(earlycon_parse_options(&d, s4, &bad_clk), 0);
	assert_string_equal(d.options, "115200n8");

	/* Cut to the 15 characters the field holds. */
	memset(&d, 0, sizeof(d));
	assert_int_equal(earlycon_parse_options(&d, s5, &bad_clk), 0);
	assert_string_equal(d.options, "123456789012345");

	memset(&d, 0, sizeof(d));
	assert_int_equal(earlycon_parse_options(&d, s6, &bad_clk), 0);
	assert_true(d.port.mapbase == 0);
	assert_int_equal(d.port.iobase, 0x3f8);
	assert_string_equal(d.options, "");
}

static void options_bad(void **state)
{
	char s1[] = "115200n8", s2[] = "", s3[] = "mmio8,0x1";
	struct earlycon_device d;
	bool bad_clk;

	(void)state;
	memset(&d, 0, sizeof(d));
	assert_int_equal(earlycon_parse_options(&d, s1, &bad_clk), -EINVAL);
	assert_int_equal(earlycon_parse_options(&d, s2, &bad_clk), -EINVAL);
	assert_int_equal(earlycon_parse_options(&d, s3, &bad_clk), -EINVAL);
	assert_true(d.port.mapbase == 0);
}

static void find_by_name(void **state)
{
	char s1[] = "pl011,0x9000000", s2[] = "pl011", s3[] = "uart8250,mmio32,0x1c28000,115200n8",
	     s4[] = "uart,mmio32,0x1", s5[] = "ns16550a,0x1", s6[] = "smh";
	char *rest;
	const struct earlycon_id *m;

	(void)state;
	m = earlycon_find(table, N, s1, &rest);
	assert_ptr_equal(m, &table[2]);
	assert_string_equal(rest, "0x9000000");

	m = earlycon_find(table, N, s2, &rest);
	assert_ptr_equal(m, &table[2]);
	assert_null(rest);

	m = earlycon_find(table, N, s3, &rest);
	assert_ptr_equal(m, &table[4]);
	assert_string_equal(rest, "mmio32,0x1c28000,115200n8");

	/* Name-only entries first: the plain "uart", not the dw-apb-uart one listed before it. */
	m = earlycon_find(table, N, s4, &rest);
	assert_ptr_equal(m, &table[3]);
	assert_string_equal(rest, "mmio32,0x1");

	m = earlycon_find(table, N, s5, &rest);
	assert_ptr_equal(m, &table[1]);

	m = earlycon_find(table, N, s6, &rest);
	assert_ptr_equal(m, &table[5]);
	assert_null(rest);
}

static void find_none(void **state)
{
	char s1[] = "foo,0x1", s2[] = "", s3[] = "pl0111,0x1", s4[] = "pl01", s5[] = "PL011,0x1", s6[] = "pl011:0x1";
	char *bad[] = { s1, s2, s3, s4, s5, s6 };
	char *rest;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_null(earlycon_find(table, N, bad[i], &rest));
}

static void console_names(void **state)
{
	char name[16];
	int index;

	(void)state;
	index = 0;
	earlycon_console_name("pl011", name, sizeof(name), &index);
	assert_string_equal(name, "pl");
	assert_int_equal(index, 11);

	index = 0;
	earlycon_console_name("uart", name, sizeof(name), &index);
	assert_string_equal(name, "uart");
	assert_int_equal(index, 0);

	index = 0;
	earlycon_console_name("uart8250", name, sizeof(name), &index);
	assert_string_equal(name, "uart");
	assert_int_equal(index, 8250);

	index = 0;
	earlycon_console_name("ns16550a", name, sizeof(name), &index);
	assert_string_equal(name, "ns16550a");
	assert_int_equal(index, 0);

	index = 0;
	earlycon_console_name("abcdefghijklmnopqrstuvwxyz7", name, sizeof(name), &index);
	assert_string_equal(name, "abcdefghijklmno");
	assert_int_equal(index, 7);
}

static void mmio_widths(void **state)
{
	(void)state;
	assert_string_equal(earlycon_mmio_width(UPIO_MEM), "");
	assert_string_equal(earlycon_mmio_width(UPIO_MEM16), "16");
	assert_string_equal(earlycon_mmio_width(UPIO_MEM32), "32");
	assert_string_equal(earlycon_mmio_width(UPIO_MEM32BE), "32be");
	assert_null(earlycon_mmio_width(UPIO_PORT));
	assert_int_equal(uart_iotype_for_width(1, false), UPIO_MEM);
	assert_int_equal(uart_iotype_for_width(2, false), UPIO_MEM16);
	assert_int_equal(uart_iotype_for_width(4, false), UPIO_MEM32);
	assert_int_equal(uart_iotype_for_width(4, true), UPIO_MEM32BE);
	assert_int_equal(uart_iotype_for_width(3, false), -EINVAL);
	assert_int_equal(uart_iotype_for_width(8, false), -EINVAL);
	assert_int_equal(uart_iotype_for_width(0, false), -EINVAL);
}

static void stdout_paths(void **state)
{
	const char *opt;
	int len;

	(void)state;
	stdout_path_split("serial0:115200n8", &len, &opt);
	assert_int_equal(len, 7);
	assert_string_equal(opt, "115200n8");

	stdout_path_split("/pl011@9000000", &len, &opt);
	assert_int_equal(len, 14);
	assert_null(opt);

	stdout_path_split("serial0:", &len, &opt);
	assert_int_equal(len, 7);
	assert_string_equal(opt, "");

	stdout_path_split("/soc/serial@1c28000:115200n8:extra", &len, &opt);
	assert_int_equal(len, 19);
	assert_string_equal(opt, "115200n8:extra");

	stdout_path_split("", &len, &opt);
	assert_int_equal(len, 0);
	assert_null(opt);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_prefixes),
		cmocka_unit_test(parse_bad),
		cmocka_unit_test(options_fill_port),
		cmocka_unit_test(options_bad),
		cmocka_unit_test(find_by_name),
		cmocka_unit_test(find_none),
		cmocka_unit_test(console_names),
		cmocka_unit_test(mmio_widths),
		cmocka_unit_test(stdout_paths),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
