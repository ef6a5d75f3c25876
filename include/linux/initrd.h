/* Where the boot loader put the initial ramdisk (Linux's include/linux/initrd.h, v6.x). */
#ifndef _LINUX_INITRD_H
#define _LINUX_INITRD_H

#include <linux/types.h>

/* From /chosen linux,initrd-start/-end or initrd=START,SIZE; size 0: none. */
extern phys_addr_t phys_initrd_start;
extern unsigned long phys_initrd_size;
/* Virtual bounds once reserved by arm_memblock_init; 0 when disabled. */
extern unsigned long initrd_start, initrd_end;

#endif
