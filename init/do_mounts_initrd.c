/*
 * Where the initrd is, from the command line. Follows Linux's
 * init/do_mounts_initrd.c (v6.x); /chosen's linux,initrd-start/-end are read
 * by drivers/of/fdt.c into the same variables.
 */
#include <linux/errno.h>
#include <linux/cmdline.h>
#include <linux/initrd.h>
#include <linux/kernel.h>
#include <asm/setup.h>

phys_addr_t phys_initrd_start;
unsigned long phys_initrd_size;

/* Follows Linux's early_initrdmem (init/do_mounts_initrd.c, v6.x): "initrd=START,SIZE". */
static int early_initrdmem(char *p)
{
	unsigned long long start, size;
	char *endp;

	if (memparse_checked(p, &endp, &start) || *endp != ',')
		return -EINVAL;
	if (memparse_checked(endp + 1, &endp, &size) || *endp)
		return -EINVAL;
	phys_initrd_start = (phys_addr_t)start;
	phys_initrd_size = (unsigned long)size;
	return 0;
}
early_param("initrdmem", early_initrdmem);

/* Follows Linux's early_initrd (init/do_mounts_initrd.c, v6.x): the older name of initrdmem=. */
static int early_initrd(char *p)
{
	return early_initrdmem(p);
}
early_param("initrd", early_initrd);
