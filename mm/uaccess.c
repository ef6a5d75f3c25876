/*
 * A user page in the kernel's tables, for the tests and the fault
 * injector (there is no user space here): what Linux's PAGE_SHARED
 * mapping of a page in a process looks like, in swapper_pg_dir's user
 * half. What keeps the kernel out of it is per format: classic closes
 * its domain (mm/uaccess-2level.c); LPAE has no domains and, as Linux
 * 6.1, nothing else (mm/uaccess-3level.c says why TTBCR.EPD0 is no way).
 */
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <asm/memory.h>
#include <asm/pgalloc.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include <asm/uaccess.h>

/* Linux's PAGE_SHARED with the young and dirty bits a touched page has (pgtable.h, v6.x). */
#define USER_PAGE_PROT	(L_PTE_PRESENT | L_PTE_YOUNG | L_PTE_DIRTY | L_PTE_MT_WRITEALLOC | \
			 L_PTE_SHARED | L_PTE_USER | L_PTE_XN)

int map_user_page(unsigned long va, struct page *page)
{
	pmd_t *pmdp = pmd_off_k(va);

	if (va >= TASK_SIZE)
		return -EINVAL;
	if (!pmdp->pmd) {
		pte_t *table = pte_alloc_one_kernel();

		if (!table)
			return -ENOMEM;
		__pmd_populate(pmdp, __pa(table), _PAGE_USER_TABLE);
	}
	set_pte_ext(pte_offset_kernel(pmdp, va), pfn_pte(page_to_pfn(page), __pgprot(USER_PAGE_PROT)), 0);
	flush_tlb_kernel_page(va);
	return 0;
}

void unmap_user_page(unsigned long va)
{
	pmd_t *pmdp = pmd_off_k(va);
	pte_t *table;

	if (va >= TASK_SIZE || !pmdp->pmd)
		return;
	table = pte_offset_kernel(pmdp, va & PMD_MASK);
	set_pte_ext(pte_offset_kernel(pmdp, va), __pte(0), 0);
	/* The PTE page goes once nothing in it is mapped (break before the free: B3.10.1). */
	for (unsigned int i = 0; i < PTRS_PER_PTE; i++)
		if (pte_val(table[i]))
			goto out;
	pmd_clear(pmdp);
	flush_tlb_all();
	pte_free_kernel(table);
	return;
out:
	flush_tlb_kernel_page(va);
}
