/*
 * The end of a run: power-off, and the exit status QEMU reports. Each
 * board's way to power off becomes pm_power_off as the boot learns it:
 * the machine descriptor's (the vexpress system controller) once the
 * device tree matched it, then PSCI SYSTEM_OFF if the tree has /psci.
 * Without either, QEMU's semihosting SYS_EXIT_EXTENDED ends the run.
 */
#include <linux/console.h>
#include <linux/kernel.h>
#include <asm/mach/arch.h>
#include <asm/reboot.h>
#include <asm/setup.h>

void (*pm_power_off)(void);

/*
 * Follows Linux's machine_power_off (arch/arm/kernel/reboot.c, v6.1).
 * Not in Linux: what was printed before any console registered comes out
 * first, and when pm_power_off returns or is not set, semihosting.
 */
void machine_power_off(void)
{
	console_flush_unregistered();
	if (pm_power_off)
		pm_power_off();
	semihost_exit(0);
	pr_emerg("reboot: no way to power off this board (no PSCI SYSTEM_OFF, no semihosting); halted\n");
	for (;;)
		__asm__ __volatile__("wfi");
}

/* Exit with @status: semihosting if QEMU offers it, else plain power-off. */
void machine_exit(int status)
{
	console_flush_unregistered();
	if (status)
		semihost_exit(status);
	machine_power_off();
}
