/*
 * The identity map a secondary CPU turns its MMU on with. Follows Linux's
 * arch/arm/mm/idmap.c (v6.1): a copy of the kernel's tables in which
 * __turn_mmu_on's section is also mapped at its physical address, so the
 * instruction after the SCTLR write is fetched from the same place with
 * the MMU on as off: the instructions after the write that turns the
 * MMU on are fetched through the new translation (ARM ARM B3.2, "The
 * effects of disabling MMUs on VMSA behavior").
 * Built in each format's file (mm/idmap-2level.c, mm/idmap-3level.c).
 */
#ifndef _ASM_IDMAP_H
#define _ASM_IDMAP_H

#include <linux/types.h>

/*
 * A new table with the layout of swapper_pg_dir (so boot/head-*.S's
 * __setup_mmu_regs loads it as it loads swapper_pg_dir) and the idmap
 * entries; its physical address, or 0 when out of memory. Classic: the
 * 16 KiB first-level table; LPAE: the PGD page and its four PMD pages.
 */
phys_addr_t idmap_tables_create(void);

#endif
