/*
 * The early fixmap: one statically allocated PTE page (bm_pte) hooked into
 * the PMD of FIXADDR_TOP, so that slots can be mapped before memblock can
 * allocate page tables; paging_init then gives the PMD a PTE page of its
 * own (early_fixmap_shutdown, mm/mmu.c). Follows Linux's early_fixmap_init
 * and __set_fixmap (arch/arm/mm/mmu.c, v6.x).
 */
#include <linux/kernel.h>
#include <asm/fixmap.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>

/* One page in both formats: 512 Linux + 512 hardware entries, or 512 LPAE entries. */
static pte_t bm_pte[4096 / sizeof(pte_t)] __aligned(4096);

/* Set by early_fixmap_shutdown: from then on slots are found by walking swapper_pg_dir. */
static bool fixmap_uses_tables;

pte_t *fixmap_pte(unsigned long vaddr)
{
	if (fixmap_uses_tables)
		return pte_offset_kernel(pmd_off_k(vaddr), vaddr);
	return &bm_pte[pte_index(vaddr)];
}

bool fixmap_is_early(void)
{
	return !fixmap_uses_tables;
}

void fixmap_use_tables(void)
{
	fixmap_uses_tables = true;
}

/* Follows Linux's early_fixmap_init (arch/arm/mm/mmu.c, v6.x). */
void early_fixmap_init(void)
{
	__pmd_populate(pmd_off_k(FIXADDR_TOP), __pa(bm_pte), _PAGE_KERNEL_TABLE);
}

/* Follows Linux's __set_fixmap (arch/arm/mm/mmu.c, v6.x): set or clear, then forget the old translation. */
void __set_fixmap(enum fixed_addresses idx, phys_addr_t phys, pteval_t prot)
{
	unsigned long vaddr = fix_to_virt(idx);
	pte_t *ptep = fixmap_pte(vaddr);

	if (WARN_ON(idx >= __end_of_fixed_addresses))
		return;
	if (prot)
		set_pte_ext(ptep, pfn_pte(phys >> PAGE_SHIFT, __pgprot(prot)), 0);
	else
		set_pte_ext(ptep, __pte(0), 0);
	flush_tlb_kernel_page(vaddr);
}
