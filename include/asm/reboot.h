/* Ending the run: power off, telling QEMU success or failure. */
#ifndef _ASM_REBOOT_H
#define _ASM_REBOOT_H

#include <linux/compiler.h>

/*
 * The board's power-off, once known: the machine's (machine_desc.power_off),
 * or PSCI SYSTEM_OFF (drivers/firmware/psci.c). Returns only if it failed.
 */
extern void (*pm_power_off)(void);

/* Status 0: pm_power_off, else semihosting (QEMU exits 0). */
void __noreturn machine_power_off(void);
/*
 * Non-zero status: semihosting SYS_EXIT_EXTENDED when QEMU runs with
 * -semihosting (QEMU exits with that status), else power off as above.
 */
void __noreturn machine_exit(int status);

/* Semihosting SYS_EXIT_EXTENDED; returns only when semihosting is absent. */
void semihost_exit(int status);

/* Platform power-off (platform/vexpress/sysreg.c). */
void __noreturn vexpress_power_off(void);

#endif
