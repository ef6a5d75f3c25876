/*
 * Writing LPAE (long-descriptor) entries. Follows Linux's
 * cpu_v7_set_pte_ext (arch/arm/mm/proc-v7-3level.S) and
 * pgalloc.h / pgtable-3level.h (v6.x). The hardware reads the Linux entry
 * itself; only AP[2] and the valid bit are derived from software bits.
 */
#include <linux/kernel.h>
#include <asm/barrier.h>
#include <asm/pgtable.h>
#include <asm/pgtable-hw.h>
#include <asm/tlbflush.h>

/*
 * Follows Linux's cpu_v7_set_pte_ext (proc-v7-3level.S, v6.x): a valid
 * PROT_NONE entry is stored invalid; otherwise AP[2] (read-only) is set
 * unless the page is dirty and not L_PTE_RDONLY.
 */
pteval_t pte_hw_from_linux(pteval_t pte, unsigned int ext)
{
	(void)ext;	/* no hardware-only bits in this format */
	if (!(pte & L_PTE_VALID))
		return pte;
	if (pte & L_PTE_NONE)
		return pte & ~L_PTE_VALID;
	if (!(pte & L_PTE_DIRTY) || (pte & L_PTE_RDONLY))
		return pte | PTE_EXT_RDONLY;
	return pte & ~PTE_EXT_RDONLY;
}

/* Follows Linux's cpu_v7_set_pte_ext (proc-v7-3level.S, v6.x). */
void set_pte_ext(pte_t *ptep, pte_t pte, unsigned int ext)
{
	ptep->pte = pte_hw_from_linux(pte.pte, ext);
	dsb(ishst);
}

/* Follows Linux's pmd_off_k (v6.x): the PMD page of the address's GiB, then its 2 MiB entry. */
pmd_t *pmd_off_k(unsigned long addr)
{
	pgd_t *pgdp = pgd_offset_k(addr);
	phys_addr_t pmd_page = pgdp->pgd & PHYS_MASK_LPAE;

	return (pmd_t *)__va(pmd_page) + ((addr >> PMD_SHIFT) & (PTRS_PER_PMD - 1));
}

/* Follows Linux's pte_offset_kernel (v6.x). */
pte_t *pte_offset_kernel(pmd_t *pmdp, unsigned long addr)
{
	return (pte_t *)__va(pmdp->pmd & PHYS_MASK_LPAE) + pte_index(addr);
}

/* Follows Linux's __pmd_populate (pgalloc.h, v6.x): a table descriptor. */
void __pmd_populate(pmd_t *pmdp, phys_addr_t pte_phys, pmdval_t prot)
{
	pmdp->pmd = (pmdval_t)pte_phys | prot;
	flush_pmd_entry(pmdp);
}

/* Follows Linux's pmd_clear (pgtable-3level.h, v6.x). */
void pmd_clear(pmd_t *pmdp)
{
	pmdp->pmd = 0;
	flush_pmd_entry(pmdp);
}

/* Linux's pgd_val of the kernel's entry for addr: the 64-bit PGD entry. */
u64 pgd_val_k(unsigned long addr)
{
	return pgd_offset_k(addr)->pgd;
}

/*
 * Not in Linux: 16 aligned 2 MiB blocks with identical attributes and the
 * contiguous hint, which the TLB may cache as one 32 MiB entry (ARM ARM
 * B3.6.2).
 */
void set_large_block(unsigned long addr, phys_addr_t phys, pmdval_t prot_sect)
{
	pmd_t *first = pmd_off_k(addr);

	for (unsigned int i = 0; i < LARGE_BLOCK_ENTRIES; i++)
		first[i].pmd = (pmdval_t)(phys + (phys_addr_t)i * SECTION_SIZE) | prot_sect | PMD_SECT_CONT;
	flush_pmd_entry(first);
}

/* Any block mapping may carry the hint: the long-descriptor format has no domains. */
bool large_block_allowed(pmdval_t prot_sect, unsigned int domain)
{
	(void)domain;
	return prot_sect != 0;
}

/*
 * If addr lies in a run with the contiguous hint, drop the hint from all
 * 16 blocks so that part of the run can be remapped. The hint may not
 * change while the TLB may hold the entries: break-before-make (B3.10.1).
 */
bool split_large_block(unsigned long addr)
{
	pmd_t *first = pmd_off_k(addr & ~(LARGE_BLOCK_SIZE - 1));
	pmdval_t saved[LARGE_BLOCK_ENTRIES];

	if ((first->pmd & (PMD_TYPE_MASK | PMD_SECT_CONT)) != (PMD_TYPE_SECT | PMD_SECT_CONT))
		return false;
	for (unsigned int i = 0; i < LARGE_BLOCK_ENTRIES; i++) {
		saved[i] = first[i].pmd & ~PMD_SECT_CONT;
		first[i].pmd = 0;
	}
	flush_pmd_entry(first);
	flush_tlb_all();
	for (unsigned int i = 0; i < LARGE_BLOCK_ENTRIES; i++)
		first[i].pmd = saved[i];
	flush_pmd_entry(first);
	return true;
}

bool pmd_is_large_block(u64 pmdval)
{
	return (pmdval & (PMD_TYPE_MASK | PMD_SECT_CONT)) == (PMD_TYPE_SECT | PMD_SECT_CONT);
}
