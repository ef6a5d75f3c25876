/*
 * Writing classic (short-descriptor) entries, Linux's way: a PTE page of
 * 512 Linux entries then 512 hardware ones, a PMD entry that is two
 * hardware first-level entries. Follows Linux's cpu_v7_set_pte_ext
 * (arch/arm/mm/proc-v7-2level.S) and pgalloc.h / pgtable-2level.h (v6.x).
 */
#include <linux/kernel.h>
#include <asm/barrier.h>
#include <asm/pgtable.h>
#include <asm/domain.h>
#include <asm/pgtable-hw.h>
#include <asm/tlbflush.h>

/* The hardware half of a PTE page, in entries from the Linux entry. */
#define HW_PTE_DELTA		(PTE_HWTABLE_OFF / sizeof(pte_t))

/*
 * Follows Linux's cpu_v7_set_pte_ext (proc-v7-2level.S, v6.x): the hardware
 * small-page entry for a Linux PTE. The page address, C, B and S carry
 * over; memory-type bit 4 becomes TEX[0] (the PRRR/NMRR index is TEX[0]:C:B);
 * the entry is read-only (APX) unless dirty and writable, user-accessible
 * (AP1) with L_PTE_USER, never-execute with L_PTE_XN; and it is a fault
 * entry unless the page is young, valid and not PROT_NONE.
 */
u32 pte_hw_from_linux(pteval_t pte, unsigned int ext)
{
	u32 hw = (pte & ~(u32)(PTE_EXT_AP_TEX_MASK | PTE_TYPE_MASK)) | ext | PTE_EXT_AP0 | PTE_TYPE_SMALL;

	if (pte & L_PTE_MT_TEX0)
		hw |= PTE_EXT_TEX(1);
	if (!(pte & L_PTE_DIRTY) || (pte & L_PTE_RDONLY))
		hw |= PTE_EXT_APX;
	if (pte & L_PTE_USER)
		hw |= PTE_EXT_AP1;
	if (pte & L_PTE_XN)
		hw |= PTE_EXT_XN;
	if (!(pte & L_PTE_YOUNG) || !(pte & L_PTE_VALID) || (pte & L_PTE_NONE))
		hw = 0;
	return hw;
}

/* Follows Linux's cpu_v7_set_pte_ext (proc-v7-2level.S, v6.x). */
void set_pte_ext(pte_t *ptep, pte_t pte, unsigned int ext)
{
	u32 *hw = (u32 *)(ptep + HW_PTE_DELTA);

	ptep->pte = pte.pte;
	*hw = pte_hw_from_linux(pte.pte, ext);
	/* Table walks are coherent on SMP v7 (Linux leaves out the cache clean there). */
	dsb(ishst);
}

/* Follows Linux's pmd_off_k (pgtable-2level.h, v6.x): the PMD is folded into the PGD. */
pmd_t *pmd_off_k(unsigned long addr)
{
	return (pmd_t *)pgd_offset_k(addr);
}

/* Follows Linux's pte_offset_kernel: the Linux entries are at the start of the PTE page. */
pte_t *pte_offset_kernel(pmd_t *pmdp, unsigned long addr)
{
	phys_addr_t page = pmdp->pmd & PAGE_MASK;

	return (pte_t *)__va(page) + pte_index(addr);
}

/*
 * Follows Linux's __pmd_populate (pgalloc.h, v6.x): both hardware entries
 * of the PMD point into the hardware half of the PTE page, 1 KiB apart.
 */
void __pmd_populate(pmd_t *pmdp, phys_addr_t pte_phys, pmdval_t prot)
{
	pmdval_t entry = (pmdval_t)(pte_phys + PTE_HWTABLE_OFF) | prot;

	pmdp[0].pmd = entry;
	pmdp[1].pmd = entry + HW_PTE_ENTRIES * sizeof(u32);
	flush_pmd_entry(pmdp);
}

/* Follows Linux's pmd_clear (pgtable-2level.h, v6.x): both hardware entries. */
void pmd_clear(pmd_t *pmdp)
{
	pmdp[0].pmd = 0;
	pmdp[1].pmd = 0;
	flush_pmd_entry(pmdp);
}

/* Linux's pgd_val of the kernel's entry for addr: the first of the pair (classic pgd_t is two L1 words). */
u64 pgd_val_k(unsigned long addr)
{
	return pgd_offset_k(addr)->pgd[0];
}

/*
 * Not in Linux (its supersections are only for I/O above 4 GiB): a 16 MiB
 * supersection of kernel memory. The same descriptor goes into all 16
 * first-level entries (ARM ARM B3.5.1): the section's attributes without
 * its domain field, which a supersection uses for address bits.
 */
void set_large_block(unsigned long addr, phys_addr_t phys, pmdval_t prot_sect)
{
	pmd_t *first = pmd_section_k(addr);
	pmdval_t desc = (pmdval_t)(phys & ~(phys_addr_t)(LARGE_BLOCK_SIZE - 1)) |
			(prot_sect & ~PMD_DOMAIN_MASK) | PMD_SECT_SUPER;

	for (unsigned int i = 0; i < LARGE_BLOCK_ENTRIES; i++)
		first[i].pmd = desc;
	flush_pmd_entry(first);
}

/* Whether a mapping of this type may use supersections: they are always domain 0, DOMAIN_KERNEL. */
bool large_block_allowed(pmdval_t prot_sect, unsigned int domain)
{
	return prot_sect && domain == DOMAIN_KERNEL;
}

/*
 * If addr lies in a supersection, turn it into 16 sections with the same
 * attributes, so that part of it can be remapped. Entries may not change
 * size while the TLB may hold them: all 16 are cleared and the TLB
 * invalidated before the sections go in (break-before-make, B3.10.1).
 */
bool split_large_block(unsigned long addr)
{
	pmd_t *first = pmd_section_k(addr & ~(LARGE_BLOCK_SIZE - 1));
	pmdval_t desc = first->pmd, prot;
	phys_addr_t phys;

	if ((desc & (PMD_TYPE_MASK | PMD_SECT_SUPER)) != (PMD_TYPE_SECT | PMD_SECT_SUPER))
		return false;
	phys = desc & ~(pmdval_t)(LARGE_BLOCK_SIZE - 1);
	/* A supersection's extended address bits are where a section has base bits and its domain. */
	prot = (desc & (LARGE_BLOCK_SIZE - 1) &
		~(PMD_SECT_SUPER | PMD_SUPERSECT_PA_35_32 | PMD_SUPERSECT_PA_39_36)) |
	       PMD_DOMAIN(DOMAIN_KERNEL);
	for (unsigned int i = 0; i < LARGE_BLOCK_ENTRIES; i++)
		first[i].pmd = 0;
	flush_pmd_entry(first);
	flush_tlb_all();
	for (unsigned int i = 0; i < LARGE_BLOCK_ENTRIES; i++)
		first[i].pmd = (pmdval_t)(phys + i * SECTION_SIZE) | prot;
	flush_pmd_entry(first);
	return true;
}

/* A first-level entry that is part of a supersection (for ptdump and the tests). */
bool pmd_is_large_block(u64 pmdval)
{
	return (pmdval & (PMD_TYPE_MASK | PMD_SECT_SUPER)) == (PMD_TYPE_SECT | PMD_SECT_SUPER);
}
