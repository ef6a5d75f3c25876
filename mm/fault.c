/*
 * Data and prefetch aborts taken in the kernel: Linux's oops for them,
 * with the fault decoded from the format's table, the page-table walk for
 * the address and die(). Follows Linux's arch/arm/mm/fault.c (v6.1). There
 * is no user space and no fixup table: every kernel fault is fatal.
 */
#include <linux/kernel.h>
#include <linux/vmalloc.h>
#include <asm/fault.h>
#include <asm/memory.h>
#include <asm/pgtable.h>
#include <asm/ptrace.h>

/* Follows Linux's show_pte (v6.1) for swapper_pg_dir: each level's entry, then the PTE (classic: and its hardware copy). */
void show_pte(unsigned long addr)
{
	pmd_t *pmdp = pmd_off_k(addr);
	pmdval_t pmd = pmdp->pmd;

	pr_alert("pgd = %p\n", swapper_pg_dir);
	pr_alert("[%08lx] *pgd=%08llx", addr, (unsigned long long)pgd_val_k(addr));
	if (PTRS_PER_PMD != 1)
		pr_cont(", *pmd=%08llx", (unsigned long long)pmd);
	do {
		pte_t *ptep;

		if (!pmd)
			break;
		if ((pmd & PMD_TYPE_MASK) != PMD_TYPE_TABLE) {
			pr_cont("(bad)");
			break;
		}
		ptep = pte_offset_kernel(pmdp, addr);
		pr_cont(", *pte=%08llx", (unsigned long long)pte_val(*ptep));
		if (PTE_HWTABLE_PTRS)
			pr_cont(", *ppte=%08llx", (unsigned long long)pte_val(ptep[PTE_HWTABLE_PTRS]));
	} while (0);
	pr_cont("\n");
}

/* Follows Linux's die_kernel_fault (v6.1), with the decoded status beside the raw FSR and FAR. */
static void __noreturn die_kernel_fault(unsigned long addr, unsigned int fsr, const struct fsr_info *inf,
					struct pt_regs *regs)
{
	bool stack_overflow = addr - BOOT_STACK_GUARD < PAGE_SIZE;

	pr_alert("8<--- cut here ---\n");
	if (stack_overflow) {
		/* Linux's handle_bad_stack (v6.1) lines; its overflow stack is our abort mode's. */
		pr_emerg("Insufficient stack space to handle exception!\n");
		pr_emerg("Task stack:     [0x%08lx..0x%08lx]\n", BOOT_STACK_VIRT, BOOT_STACK_VIRT + THREAD_SIZE);
	}
	if (inf->mapping_fault) {
		pr_alert("Unable to handle kernel %s at virtual address %08lx\n",
			 addr < PAGE_SIZE ? "NULL pointer dereference" : "paging request", addr);
	} else {
		pr_alert("Unhandled fault: %s (0x%03x) at 0x%08lx\n", inf->name, fsr, addr);
	}
	pr_alert("Fault: %s, %s (FSR 0x%03x, FAR 0x%08lx)\n", inf->name,
		 fsr & FSR_WRITE ? "write" : "read", fsr, addr);
	show_pte(addr);
	vmalloc_report_fault(addr);
	die("Oops", regs, fsr);
	/* Linux's handle_bad_stack (VMAP_STACK) ends the same way. */
	if (stack_overflow)
		panic("kernel stack overflow");
	panic("Attempted to kill the idle task!");
}

/* Follows Linux's do_DataAbort (v6.1). Called from the data-abort stub. */
void __noreturn do_DataAbort(unsigned long addr, unsigned int fsr, struct pt_regs *regs);
void do_DataAbort(unsigned long addr, unsigned int fsr, struct pt_regs *regs)
{
	die_kernel_fault(addr, fsr, dfsr_decode(fsr), regs);
}

/* Follows Linux's do_PrefetchAbort (v6.1). Called from the prefetch-abort stub. */
void __noreturn do_PrefetchAbort(unsigned long addr, unsigned int ifsr, struct pt_regs *regs);
void do_PrefetchAbort(unsigned long addr, unsigned int ifsr, struct pt_regs *regs)
{
	die_kernel_fault(addr, ifsr & ~FSR_WRITE, ifsr_decode(ifsr), regs);
}
