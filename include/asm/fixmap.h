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
 *                         |      ...         |
 *                         | early_ioremap    | FIX_BTMAP_END..BEGIN: 7 slots of
 *                         |  (before         |  32 pages over the same indices as
 *                         |   paging_init)   |  kmap_local (mm/early_ioremap.c)
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
/* Linux's early_ioremap slots: FIX_BTMAPS_SLOTS mappings of up to NR_FIX_BTMAPS pages each. */
#define NR_FIX_BTMAPS		32
#define FIX_BTMAPS_SLOTS	7
#define TOTAL_FIX_BTMAPS	(NR_FIX_BTMAPS * FIX_BTMAPS_SLOTS)

enum fixed_addresses {
	FIX_EARLYCON_MEM_BASE,
	__end_of_permanent_fixed_addresses,
	FIX_KMAP_BEGIN = __end_of_permanent_fixed_addresses,
	FIX_KMAP_END = FIX_KMAP_BEGIN + KM_MAX_IDX * NR_CPUS - 1,
	FIX_TEXT_POKE0,
	FIX_TEXT_POKE1,
	__end_of_fixmap_region,
	/*
	 * early_ioremap's slots reuse the indices of kmap_local's: it serves
	 * before paging_init only, kmap_local after it.
	 */
	FIX_BTMAP_END = __end_of_permanent_fixed_addresses,
	FIX_BTMAP_BEGIN = FIX_BTMAP_END + TOTAL_FIX_BTMAPS - 1,
	__end_of_early_ioremap_region
};

#define __end_of_fixed_addresses						\
	(__end_of_fixmap_region > __end_of_early_ioremap_region ?		\
	 __end_of_fixmap_region : __end_of_early_ioremap_region)

#define fix_to_virt(idx)	(FIXADDR_TOP - ((unsigned long)(idx) << PAGE_SHIFT))

_Static_assert(fix_to_virt(__end_of_fixed_addresses - 1) >= FIXADDR_START, "the fixmap slots fit above FIXADDR_START");
_Static_assert((fix_to_virt(__end_of_fixed_addresses - 1) & PMD_MASK) == (FIXADDR_TOP & PMD_MASK),
	       "every slot is in the PMD that bm_pte serves");

/*
 * The first early_ioremap slot (the highest indices) lies past every
 * CPU's kmap_local slots and the text poke slots: power-off may still use
 * it after paging_init (platform/vexpress/sysreg.c).
 */
_Static_assert(FIX_BTMAP_BEGIN - NR_FIX_BTMAPS + 1 > FIX_TEXT_POKE1,
	       "early_ioremap's first slot overlaps no slot used after paging_init");

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
