/*
 * The fixmap: a few pages at compile-time-known addresses, for use before
 * (and besides) ioremap. Follows Linux's arch/arm/include/asm/fixmap.h
 * (v6.x).
 *
 *  FIXADDR_END 0xfff00000 +------------------+
 *  FIXADDR_TOP 0xffeff000 | slot 0: earlycon | FIX_EARLYCON_MEM_BASE
 *                         | kmap_local 16 x  | FIX_KMAP_BEGIN..END (highmem),
 *                         |   NR_CPUS        |  16 for each possible CPU
 *                         | text poke 0, 1   | FIX_TEXT_POKE0, FIX_TEXT_POKE1
 *                         | RAM probe        | FIX_RAM_PROBE (mm/ram_probe.c)
 *                         |      ...         |  all in the PMD of FIXADDR_TOP,
 *  FIXADDR_START 0xffc80000 +----------------+  whose PTE page is bm_pte
 */
#ifndef _ASM_FIXMAP_H
#define _ASM_FIXMAP_H

#include <linux/smp.h>
#include <asm/memory.h>
#include <asm/pgtable.h>

/* Linux's KM_MAX_IDX: kmap_local slots per CPU. */
#define KM_MAX_IDX		16

enum fixed_addresses {
	FIX_EARLYCON_MEM_BASE,
	__end_of_permanent_fixed_addresses,
	FIX_KMAP_BEGIN = __end_of_permanent_fixed_addresses,
	FIX_KMAP_END = FIX_KMAP_BEGIN + KM_MAX_IDX * NR_CPUS - 1,
	FIX_TEXT_POKE0,
	FIX_TEXT_POKE1,
	/* Not in Linux: after Linux's slots, so theirs keep Linux's addresses. */
	FIX_RAM_PROBE,
	__end_of_fixed_addresses
};

#define fix_to_virt(idx)	(FIXADDR_TOP - ((unsigned long)(idx) << PAGE_SHIFT))

_Static_assert(fix_to_virt(__end_of_fixed_addresses - 1) >= FIXADDR_START, "the fixmap slots fit above FIXADDR_START");
_Static_assert((fix_to_virt(__end_of_fixed_addresses - 1) & PMD_MASK) == (FIXADDR_TOP & PMD_MASK),
	       "every slot is in the PMD that bm_pte serves");

/* Linux's FIXMAP_PAGE_IO: a shared-device, never-executable, kernel read/write page. */
#define FIXMAP_PAGE_IO		(L_PTE_YOUNG | L_PTE_PRESENT | L_PTE_XN | L_PTE_DIRTY | \
				 L_PTE_MT_DEV_SHARED | L_PTE_SHARED)

void early_fixmap_init(void);
/* True until early_fixmap_shutdown: slots live in the static bm_pte page. */
bool fixmap_is_early(void);
/* For early_fixmap_shutdown: from now on find slots by walking swapper_pg_dir. */
void fixmap_use_tables(void);
/* Map (prot != 0) or unmap (prot == 0) one fixmap slot. */
void __set_fixmap(enum fixed_addresses idx, phys_addr_t phys, pteval_t prot);
/* The PTE of a fixmap address (in bm_pte, then in the final tables). */
pte_t *fixmap_pte(unsigned long vaddr);

#endif
