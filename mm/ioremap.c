/*
 * ioremap: physical ranges mapped into the vmalloc area with a device
 * memory type. Follows Linux's arch/arm/mm/ioremap.c (v6.1): a static
 * mapping of the same type that covers the request is reused; RAM the
 * kernel maps is refused with a warning (two mappings of one page with
 * different attributes are unpredictable, ARM ARM A3.5.7); sizes and
 * addresses aligned to 2 MiB are mapped with sections and, with
 * CONFIG_LARGE_MAPPINGS, with large blocks where large_block_allowed lets
 * the type have one and they fit (Linux maps with sections only without
 * SMP and LPAE: docs/linux-parity.md); the rest with pages.
 */
#include <linux/fault-inject.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <asm/io.h>
#include <asm/mem_types.h>
#include <asm/pgtable.h>
#include <asm/static_vm.h>
#include <asm/tlbflush.h>

/* Follows Linux's find_static_vm_paddr (v6.1): a static mapping of mtype covering [paddr, paddr + size). */
static struct static_vm *find_static_vm_paddr(phys_addr_t paddr, size_t size, unsigned int mtype)
{
	for (struct static_vm *svm = static_vmlist; svm; svm = svm->next) {
		if (!(svm->flags & VM_ARM_STATIC_MAPPING))
			continue;
		if ((svm->flags & VM_ARM_MTYPE_MASK) != VM_ARM_MTYPE(mtype))
			continue;
		if (svm->phys_addr > paddr || paddr + size - 1 > svm->phys_addr + svm->size - 1)
			continue;
		return svm;
	}
	return NULL;
}

/*
 * An empty PMD for a section: a PTE page left there by an earlier
 * vmalloc (purged, so all its entries are clear and flushed) goes back
 * to the allocator, the PMD cleared and its walk forgotten first.
 */
static void make_pmd_empty(unsigned long addr)
{
	pmd_t *pmdp = pmd_off_k(addr);

	if ((pmd_val(*pmdp) & PMD_TYPE_MASK) == PMD_TYPE_TABLE) {
		void *table = pte_offset_kernel(pmdp, addr & PMD_MASK);

		pmd_clear(pmdp);
		flush_tlb_kernel_range(addr & PMD_MASK, (addr & PMD_MASK) + PMD_SIZE);
		vmalloc_release_pte_page((unsigned long)table & PAGE_MASK);
	}
}

/* Follows Linux's remap_area_sections (v6.1), and large blocks where they fit. */
static void remap_area_sections(unsigned long addr, phys_addr_t phys, size_t size,
				const struct mem_type *type)
{
	unsigned long end = addr + size;

	for (unsigned long a = addr; a < end; a += PMD_SIZE)
		make_pmd_empty(a);
	while (addr < end) {
		if (LARGE_MAPPINGS && large_block_allowed(type->prot_sect, type->domain) &&
		    !((addr | (unsigned long)phys) & (LARGE_BLOCK_SIZE - 1)) && end - addr >= LARGE_BLOCK_SIZE) {
			set_large_block(addr, phys, type->prot_sect);
			addr += LARGE_BLOCK_SIZE;
			phys += LARGE_BLOCK_SIZE;
			continue;
		}
		pmd_section_k(addr)->pmd = (pmdval_t)phys | type->prot_sect;
		flush_pmd_entry(pmd_section_k(addr));
		addr += SECTION_SIZE;
		phys += SECTION_SIZE;
	}
}

void __iomem *__arm_ioremap_pfn_caller(unsigned long pfn, unsigned long offset, size_t size,
				       unsigned int mtype, const void *caller)
{
	const struct mem_type *type = get_mem_type(mtype);
	phys_addr_t paddr = PFN_PHYS(pfn);
	struct vm_struct *area;
	unsigned long addr;
	int err = 0;

	/* Linux: high mappings must be supersection aligned. */
	if (pfn >= 0x100000 && (paddr & ((phys_addr_t)SZ_16M - 1)))
		return NULL;
	if (!type || !size)
		return NULL;
	size = PAGE_ALIGN(offset + size);

	/* Reuse a static mapping that covers the request (Linux: not for 36-bit addresses with a 32-bit phys_addr_t). */
	if (!(sizeof(phys_addr_t) == 4 && pfn >= 0x100000)) {
		struct static_vm *svm = find_static_vm_paddr(paddr, size, mtype);

		if (svm)
			return (void __iomem *)(svm->addr + (unsigned long)(paddr - svm->phys_addr) + offset);
	}

	/* RAM the kernel maps may not get another memory type. */
	if (WARN_ON(memblock_is_map_memory(paddr) && mtype != MT_MEMORY_RW))
		return NULL;
	/* Not in Linux: a failure on purpose (fail_ioremap=), before anything is taken. */
	if (should_fail_ioremap(size))
		return NULL;

	area = get_vm_area_caller(size, VM_IOREMAP | VM_ARM_MTYPE(mtype), caller);
	if (!area)
		return NULL;
	addr = (unsigned long)area->addr;
	area->phys_addr = paddr;
	if (type->prot_sect && !(((unsigned long)paddr | size | addr) & ~PMD_MASK)) {
		area->flags |= VM_ARM_SECTION_MAPPING;
		remap_area_sections(addr, paddr, size, type);
	} else {
		err = vmap_phys_range(addr, addr + size, paddr, type->prot_pte);
	}
	if (err) {
		vunmap((void *)addr);
		return NULL;
	}
	return (void __iomem *)(offset + addr);
}

/* Follows Linux's __arm_ioremap_caller (v6.1). */
static void __iomem *arm_ioremap(phys_addr_t phys, size_t size, unsigned int mtype, const void *caller)
{
	phys_addr_t last = phys + size - 1;

	if (!size || last < phys)
		return NULL;
	return __arm_ioremap_pfn_caller((unsigned long)(phys >> PAGE_SHIFT), (unsigned long)(phys & ~PAGE_MASK),
					size, mtype, caller);
}

/* Follows Linux's ioremap (v6.1): MT_DEVICE. */
void __iomem *ioremap(phys_addr_t phys, size_t size)
{
	return arm_ioremap(phys, size, MT_DEVICE, __builtin_return_address(0));
}

/* Follows Linux's ioremap_wc (v6.1): MT_DEVICE_WC. */
void __iomem *ioremap_wc(phys_addr_t phys, size_t size)
{
	return arm_ioremap(phys, size, MT_DEVICE_WC, __builtin_return_address(0));
}

/* Follows Linux's ioremap_cache (v6.1): MT_DEVICE_CACHED. */
void __iomem *ioremap_cache(phys_addr_t phys, size_t size)
{
	return arm_ioremap(phys, size, MT_DEVICE_CACHED, __builtin_return_address(0));
}

/* Follows Linux's iounmap (arch/arm/mm/ioremap.c, v6.1): a static mapping stays. */
void iounmap(volatile void __iomem *io_addr)
{
	unsigned long addr = (unsigned long)io_addr & PAGE_MASK;

	if (find_static_vm_vaddr(addr))
		return;
	vunmap((void *)addr);
}
