/*
 * The page-table names policy code uses, for whichever format is
 * configured. Follows Linux's arch/arm/include/asm/pgtable.h and
 * pgalloc.h (v6.x): the format headers say what an entry holds, this one
 * how to find and write entries, the same way in both formats.
 */
#ifndef _ASM_PGTABLE_H
#define _ASM_PGTABLE_H

#include <linux/const.h>
#include <asm/page.h>
#include <asm/pgtable-hwdef.h>

#ifdef CONFIG_ARM_LPAE
#include <asm/pgtable-3level.h>
#else
#include <asm/pgtable-2level.h>
#endif

#define PMD_SIZE		(UL(1) << PMD_SHIFT)
#define PMD_MASK		(~(PMD_SIZE - 1))
#define PGDIR_SIZE		(UL(1) << PGDIR_SHIFT)
#define PGDIR_MASK		(~(PGDIR_SIZE - 1))

/*
 * Linux's _PAGE_KERNEL_TABLE (pgalloc.h): a table entry for kernel PTE
 * pages, less the bit 4 Linux also sets in classic builds: ARMv7 makes that
 * bit of a page-table descriptor should-be-zero (B3.5.1; docs/linux-parity.md).
 */
#include <asm/domain.h>
#define _PAGE_KERNEL_TABLE	(PMD_TYPE_TABLE | PMD_DOMAIN(DOMAIN_KERNEL))
/* Linux's _PAGE_USER_TABLE, likewise: user PTE pages are in DOMAIN_USER (classic). */
#define _PAGE_USER_TABLE	(PMD_TYPE_TABLE | PMD_DOMAIN(DOMAIN_USER))

#ifndef __ASSEMBLY__
#include <linux/types.h>
#include <asm/barrier.h>
#include <asm/memory.h>

/* The kernel's tables (boot/vmlinux.lds.S puts them just below the image). */
extern pgd_t swapper_pg_dir[PTRS_PER_PGD];

static inline pteval_t pte_val(pte_t pte) { return pte.pte; }
static inline pmdval_t pmd_val(pmd_t pmd) { return pmd.pmd; }
static inline pteval_t pgprot_val(pgprot_t prot) { return prot.pgprot; }
static inline pte_t __pte(pteval_t v) { return (pte_t){ v }; }
static inline pgprot_t __pgprot(pteval_t v) { return (pgprot_t){ v }; }

static inline unsigned long pgd_index(unsigned long addr)
{
	return addr >> PGDIR_SHIFT;
}

static inline unsigned long pte_index(unsigned long addr)
{
	return (addr >> PAGE_SHIFT) & (PTRS_PER_PTE - 1);
}

/* The PGD entry for a kernel address (Linux's pgd_offset_k). */
static inline pgd_t *pgd_offset_k(unsigned long addr)
{
	return swapper_pg_dir + pgd_index(addr);
}

/* Follows Linux's pfn_pte: a page frame and its protection bits. */
static inline pte_t pfn_pte(u64 pfn, pgprot_t prot)
{
	return __pte((pteval_t)(pfn << PAGE_SHIFT) | pgprot_val(prot));
}

/* Follows Linux's pte_pfn: the page frame a PTE maps. */
static inline u64 pte_pfn(pte_t pte)
{
	return (u64)(pte_val(pte) & PTE_ADDR_MASK) >> PAGE_SHIFT;
}

/*
 * Format-specific, in mm/pgtable-2level.c or mm/pgtable-3level.c (Linux's
 * proc-v7-2level.S / proc-v7-3level.S and pgtable-*level.h):
 *  pmd_off_k         the PMD entry of a kernel address (classic: the first
 *                    of the two hardware entries of its 2 MiB)
 *  pte_offset_kernel the Linux PTE of addr in the table pmdp points to
 *  set_pte_ext       write a PTE (classic: the Linux entry and the hardware
 *                    entry derived from it, ext adds hardware-only bits)
 *  __pmd_populate    point a PMD entry at a PTE page
 *  pmd_clear         empty a PMD entry
 */
pmd_t *pmd_off_k(unsigned long addr);
/*
 * The largest mappings (not in Linux; CONFIG_LARGE_MAPPINGS): LARGE_BLOCK_SIZE
 * at addr made of LARGE_BLOCK_ENTRIES section entries, a supersection
 * (classic) or a run with the contiguous hint (LPAE); whether a mapping's
 * section protection and domain allow one; split_large_block turns the
 * one around addr back into plain sections (false: there was none);
 * pmd_is_large_block tells one entry of such a block.
 */
void set_large_block(unsigned long addr, phys_addr_t phys, pmdval_t prot_sect);
bool large_block_allowed(pmdval_t prot_sect, unsigned int domain);
bool split_large_block(unsigned long addr);
bool pmd_is_large_block(u64 pmdval);

/* Whether the build maps with large blocks where they fit (Kconfig LARGE_MAPPINGS). */
#ifdef CONFIG_LARGE_MAPPINGS
#define LARGE_MAPPINGS	true
#else
#define LARGE_MAPPINGS	false
#endif
/* Linux's pgd_val(*pgd_offset_k(addr)): classic, the first hardware word of the pair. */
u64 pgd_val_k(unsigned long addr);
pte_t *pte_offset_kernel(pmd_t *pmdp, unsigned long addr);
void set_pte_ext(pte_t *ptep, pte_t pte, unsigned int ext);
void __pmd_populate(pmd_t *pmdp, phys_addr_t pte_phys, pmdval_t prot);
void pmd_clear(pmd_t *pmdp);

/*
 * The entry that maps addr's section (1 MiB classic, 2 MiB LPAE): the PMD
 * entry itself with LPAE; in classic builds the first or the second of the
 * PMD's two hardware entries, for the even or the odd MiB.
 */
static inline pmd_t *pmd_section_k(unsigned long addr)
{
	pmd_t *pmdp = pmd_off_k(addr);

	if (PMD_SIZE != SECTION_SIZE && (addr & SECTION_SIZE))
		pmdp++;
	return pmdp;
}

/*
 * Follows Linux's flush_pmd_entry (tlbflush.h, v6.x) as it works out on v7
 * SMP: the table walker snoops the data cache (the TTBR walk attributes are
 * inner write-back, B3.3.4), so ordering the store is enough.
 */
static inline void flush_pmd_entry(void *pmdp)
{
	(void)pmdp;
	dsb(ishst);
}
#endif

#endif
