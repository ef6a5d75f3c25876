/*
 * early_ioremap: mappings of device registers through the fixmap before
 * ioremap works (mm/early_ioremap.c). Follows Linux's
 * asm-generic/early_ioremap.h (v6.1).
 */
#ifndef _ASM_EARLY_IOREMAP_H
#define _ASM_EARLY_IOREMAP_H

#include <linux/types.h>
#include <asm/io.h>

/* Linux's early_ioremap_init on ARM: the slots' addresses; after early_fixmap_init. */
void early_ioremap_init(void);
/* Not in Linux: whether early_ioremap_init has run (the fixmap can take mappings). */
bool early_ioremap_ready(void);
/* size bytes at phys_addr, uncached device memory; NULL if no slot is free or it is too large. */
void __iomem *early_ioremap(phys_addr_t phys_addr, unsigned long size);
/* Undo early_ioremap; size must be the one given to it. */
void early_iounmap(void __iomem *addr, unsigned long size);
/* Linux's late_initcall: warn about slots still in use. */
void check_early_ioremap_leak(void);

#endif
