/* Ending the run: power off, telling QEMU success or failure. */
#ifndef _ASM_REBOOT_H
#define _ASM_REBOOT_H

#include <linux/compiler.h>

/* Status 0 powers off through the vexpress system controller (QEMU exits 0). */
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
