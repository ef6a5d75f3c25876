/*
 * Console output through semihosting (ARM "Semihosting for AArch32 and
 * AArch64" v2, SYS_WRITE0): earlycon=smh, as Linux's
 * drivers/tty/serial/earlycon-semihost.c (v6.1), and the last resort of
 * console_flush_unregistered when no UART is known. QEMU prints the text
 * on its semihosting console (-semihosting-config ...,chardev=). Without
 * semihosting the SVC lands in the SVC vector, which returns: nothing is
 * shown, nothing breaks.
 */
#include <linux/console.h>
#include <linux/kernel.h>
#include <linux/serial_core.h>
#include <linux/string.h>
#include <asm/assembler.h>

static void semihost_write0(const char *s)
{
	register u32 r0 __asm__("r0") = SYS_WRITE0;
	register const char *r1 __asm__("r1") = s;

	__asm__ __volatile__("svc %[imm]"
			     : "+r"(r0)
			     : "r"(r1), [imm] "i"(SEMIHOST_SVC)
			     : "memory", "lr");
}

/* SYS_WRITE0 takes a NUL-terminated string: the text goes out in pieces of a bounce buffer. */
void smh_write(struct console *con, const char *s, unsigned int n)
{
	char buf[128];

	(void)con;
	while (n) {
		unsigned int len = min(n, (unsigned int)sizeof(buf) - 1);

		memcpy(buf, s, len);
		buf[len] = 0;
		semihost_write0(buf);
		s += len;
		n -= len;
	}
}

/* Follows Linux's early_smh_setup (v6.1). */
int early_smh_setup(struct earlycon_device *device, const char *options)
{
	(void)options;
	device->con->write = smh_write;
	return 0;
}

struct console smh_console = {
	.name = "smh",
	.write = smh_write,
	.flags = CON_PRINTBUFFER,
};
