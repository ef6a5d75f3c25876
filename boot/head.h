/*
 * Shared by head.S (what the temporary tables map) and head-2level.S /
 * head-3level.S (how an entry is written in each format).
 *
 * __init_page_tables:  r8 = PHYS_OFFSET -> r4 = swapper_pg_dir (physical), cleared
 *                      and, with LPAE, its PGD linked to the four PMD pages.
 * __set_boot_entry:    r0 = virtual address, r1 = physical address, r2 = one of the
 *                      BOOT_* attribute classes below; writes the section (classic)
 *                      or block (LPAE) entry that covers r0. Both clobber r0-r3, r12.
 */
#ifndef _BOOT_HEAD_H
#define _BOOT_HEAD_H

#define BOOT_MEM	0	/* normal memory, write-back, kernel read/write, executable */
#define BOOT_MEM_XN	1	/* the same, never executable */
#define BOOT_IO		2	/* device memory, never executable */

#endif
