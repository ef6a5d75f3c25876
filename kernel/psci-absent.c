/*
 * Until drivers/firmware/psci.c is in this tree: no PSCI firmware, so
 * kernel/smp-boot.c keeps the machine's own way of starting CPUs. Weak:
 * psci.c's definitions take their place once it is linked, and then this
 * file goes.
 */
#include <linux/errno.h>
#include <linux/compiler.h>
#include <asm/smp.h>

__weak bool psci_smp_available(void)
{
	return false;
}

__weak int psci_cpu_on(unsigned long cpuid, unsigned long entry_point)
{
	(void)cpuid, (void)entry_point;
	return -ENODEV;
}
