/* What every console driver shares. Follows Linux's drivers/tty/serial/serial_core.c (v6.1). */
#include <linux/serial_core.h>

/* Follows Linux's uart_console_write (v6.1): "\n" goes out as "\r\n". */
void uart_console_write(struct uart_port *port, const char *s, unsigned int n,
			void (*putchar)(struct uart_port *port, unsigned char c))
{
	for (unsigned int i = 0; i < n; i++) {
		if (s[i] == '\n')
			putchar(port, '\r');
		putchar(port, (unsigned char)s[i]);
	}
}
