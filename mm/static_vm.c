/*
 * iotable_init and the list of static mappings. Follows Linux's
 * iotable_init and vm_reserve_area_early (arch/arm/mm/mmu.c, v6.x) and
 * add_static_vm_early and find_static_vm_vaddr (arch/arm/mm/ioremap.c,
 * v6.x). Linux also enters each range in vmalloc's early list
 * (vm_area_add_early); here vmalloc_init (mm/vmalloc.c) reads this list.
 */
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <asm/mmu.h>
#include <asm/page.h>
#include <asm/static_vm.h>

struct static_vm *static_vmlist;

/* Follows Linux's add_static_vm_early (arch/arm/mm/ioremap.c, v6.x): insert, keeping the list sorted. */
static void add_static_vm_early(struct static_vm *svm)
{
	struct static_vm **pos = &static_vmlist;

	while (*pos && (*pos)->addr < svm->addr)
		pos = &(*pos)->next;
	svm->next = *pos;
	*pos = svm;
}

/* Follows Linux's find_static_vm_vaddr (arch/arm/mm/ioremap.c, v6.x): the range holding vaddr, if any. */
struct static_vm *find_static_vm_vaddr(unsigned long vaddr)
{
	for (struct static_vm *svm = static_vmlist; svm; svm = svm->next) {
		if (svm->addr > vaddr)
			break;
		if (vaddr - svm->addr < svm->size)
			return svm;
	}
	return NULL;
}

/* Inlined, so that memblock=debug names the caller as Linux's does (iotable_init, vm_reserve_area_early). */
static __always_inline struct static_vm *alloc_static_vm(int nr, const char *func)
{
	struct static_vm *svm = memblock_alloc(sizeof(*svm) * (size_t)nr, __alignof__(*svm));

	if (!svm) {
		memblock_show_free();
		panic("%s: Failed to allocate %zu bytes align=0x%zx\n", func, sizeof(*svm) * (size_t)nr,
		      __alignof__(*svm));
	}
	return svm;
}

/* Follows Linux's iotable_init (arch/arm/mm/mmu.c, v6.x): map each entry, then record it. */
void iotable_init(const struct map_desc *io_desc, int nr)
{
	struct static_vm *svm;

	if (nr <= 0)
		return;
	svm = alloc_static_vm(nr, __func__);
	for (const struct map_desc *md = io_desc; nr; md++, nr--, svm++) {
		create_mapping(md);
		svm->addr = md->virtual & PAGE_MASK;
		svm->size = PAGE_ALIGN(md->length + (md->virtual & ~PAGE_MASK));
		svm->phys_addr = (phys_addr_t)md->pfn << PAGE_SHIFT;
		svm->flags = VM_IOREMAP | VM_ARM_STATIC_MAPPING | VM_ARM_MTYPE(md->type);
		svm->caller = "iotable_init";
		add_static_vm_early(svm);
	}
}

/* Follows Linux's vm_reserve_area_early (arch/arm/mm/mmu.c, v6.x): keep a range free of vmalloc, map nothing. */
void vm_reserve_area_early(unsigned long addr, unsigned long size, const char *caller)
{
	struct static_vm *svm = alloc_static_vm(1, __func__);

	svm->addr = addr;
	svm->size = size;
	svm->flags = VM_IOREMAP | VM_ARM_EMPTY_MAPPING;
	svm->caller = caller;
	add_static_vm_early(svm);
}
