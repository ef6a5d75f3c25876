/*
 * devmaps: what paging_init maps besides lowmem, asked of the MMU itself
 * (ATS1CPR/ATS1CPW): the vector page and the stubs page at 0xffff0000 and
 * 0xffff1000 with the CPU taking exceptions through them, the DTB
 * read-only at FDT_FIXED_BASE, no static device mapping (the platform's
 * drivers ioremap), CMA areas remapped with pages, and an empty vmalloc
 * area around them.
 */
#include <linux/cma.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/of_fdt.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <libfdt.h>
#include <linux/vmalloc.h>
#include <asm/dma-mapping.h>
#include <asm/cp15.h>
#include <asm/fixmap.h>
#include <asm/layout.h>
#include <asm/lowmem.h>
#include <asm/mem_types.h>
#include <asm/memory.h>
#include <asm/mmu.h>
#include <asm/pgtable.h>
#include <asm/setup.h>
#include <asm/static_vm.h>
#include <asm/system.h>
#include <mach/vexpress.h>
#include <ktest.h>

extern const char __vectors_lma[], __stubs_lma[], __stubs_lma_end[];

/* Mapped for reading at the expected physical address, and refused for writing. */
static void expect_read_only(struct ktest *t, unsigned long va, phys_addr_t pa)
{
	u64 par = ats1cp(va, false);

	KTEST_ASSERT_TRUE(t, !(par & PAR_F));
	KTEST_EXPECT_EQ(t, par_to_pa(par, va), pa);
	KTEST_EXPECT_TRUE(t, ats1cp(va, true) & PAR_F);
}

static void high_vectors_enabled(struct ktest *t)
{
	u32 cpsr;

	__asm__ __volatile__("mrs %0, cpsr" : "=r"(cpsr));
	/* Asynchronous aborts are taken once there are vectors (Linux's early_abt_enable). */
	KTEST_EXPECT_EQ(t, cpsr & PSR_A_BIT, 0);
	KTEST_EXPECT_TRUE(t, get_cr() & CR_V);
	KTEST_EXPECT_EQ(t, (unsigned long)top_pmd, (unsigned long)pmd_off_k(VECTORS_BASE));
}

/*
 * The image's copies of the vectors and stubs live in the init sections,
 * which free_initmem gives away before the cases run: compared at the end
 * of bootmem_init (after devicemaps_init), reported by the case.
 */
static bool copies_compared;
static int vectors_copy_differs, stubs_copy_differs;

static void devmaps_at_bootmem(void)
{
	vectors_copy_differs = memcmp((const void *)VECTORS_BASE, __vectors_lma,
				      (size_t)(__stubs_lma - __vectors_lma));
	stubs_copy_differs = memcmp((const void *)(VECTORS_BASE + PAGE_SIZE), __stubs_lma,
				    (size_t)(__stubs_lma_end - __stubs_lma));
	copies_compared = true;
}

/* Two pages from memblock: the vector page (vectors, then poison) and the stubs page, both read-only. */
static void vector_and_stubs_pages(struct ktest *t)
{
	const u32 *vec = (const u32 *)VECTORS_BASE;
	size_t vec_size = (size_t)(__stubs_lma - __vectors_lma);
	u64 par = ats1cp(VECTORS_BASE, false);
	phys_addr_t page;

	KTEST_ASSERT_TRUE(t, !(par & PAR_F));
	page = (phys_addr_t)par_to_pa(par, VECTORS_BASE);	/* classic: the PAR holds a 32-bit address */
	KTEST_EXPECT_TRUE(t, memblock_is_region_reserved(page, 2 * PAGE_SIZE));
	KTEST_EXPECT_TRUE(t, page < arm_lowmem_limit);
	expect_read_only(t, VECTORS_BASE, page);
	expect_read_only(t, VECTORS_BASE + PAGE_SIZE, page + PAGE_SIZE);
	KTEST_EXPECT_TRUE(t, ats1cp(VECTORS_BASE + 2 * PAGE_SIZE, false) & PAR_F);

	KTEST_EXPECT_EQ(t, vec_size, 32);
	KTEST_EXPECT_TRUE(t, copies_compared);
	KTEST_EXPECT_EQ(t, vectors_copy_differs, 0);
	KTEST_EXPECT_EQ(t, stubs_copy_differs, 0);
	/* The rest of the vector page is an undefined instruction, so a stray jump faults. */
	KTEST_EXPECT_EQ(t, vec[vec_size / 4], 0xe7fddef1);
	KTEST_EXPECT_EQ(t, vec[PAGE_SIZE / 4 - 1], 0xe7fddef1);
}

/*
 * An exception really goes through 0xffff0000: an SVC that is not a
 * semihosting call lands in the stubs page, whose SVC stub returns -1.
 */
static void svc_returns_through_stubs(struct ktest *t)
{
	register long r0 __asm__("r0") = 0x1234;

	__asm__ __volatile__("svc #0" : "+r"(r0) : : "lr", "memory", "cc");
	KTEST_EXPECT_EQ(t, r0, -1);
}

/* Linux 6.x: the DTB stays mapped read-only at FDT_FIXED_BASE, where initial_boot_params points. */
static void dtb_mapped_read_only(struct ktest *t)
{
	unsigned long va = FDT_FIXED_BASE + (__atags_pointer & ~SECTION_MASK);

	KTEST_ASSERT_TRUE(t, __atags_pointer != 0);
	KTEST_EXPECT_EQ(t, (unsigned long)initial_boot_params, va);
	expect_read_only(t, va, __atags_pointer);
	expect_read_only(t, FDT_FIXED_BASE, __atags_pointer & SECTION_MASK);
	expect_read_only(t, FDT_FIXED_BASE + FDT_FIXED_SIZE - 1,
			 (__atags_pointer & SECTION_MASK) + FDT_FIXED_SIZE - 1);
	KTEST_EXPECT_EQ(t, fdt_check_header(initial_boot_params), 0);
	KTEST_EXPECT_TRUE(t, ats1cp(FDT_FIXED_BASE + FDT_FIXED_SIZE, false) & PAR_F);
}

/*
 * No static mapping of the motherboard peripherals (Linux 6.1's vexpress
 * has no map_io; its drivers ioremap): no static_vm points into them.
 * (head.S maps no device at all: the console comes from the DTB.)
 */
static void no_static_motherboard_mapping(struct ktest *t)
{
	unsigned int n = 0;

	for (struct static_vm *svm = static_vmlist; svm; svm = svm->next, n++) {
		bool into_motherboard = svm->phys_addr < V2M_PERIPH_PHYS + V2M_PERIPH_SIZE &&
					svm->phys_addr + svm->size > V2M_PERIPH_PHYS;

		KTEST_EXPECT_FALSE(t, (svm->flags & VM_ARM_STATIC_MAPPING) && into_motherboard);
	}
	KTEST_EXPECT_GE(t, n, 2);
}

/* pci_reserve_io: the PCI I/O window is reserved, not mapped. */
static void pci_io_reserved(struct ktest *t)
{
	struct static_vm *svm = find_static_vm_vaddr(PCI_IO_VIRT_BASE);

	KTEST_ASSERT_TRUE(t, svm != NULL);
	KTEST_EXPECT_EQ(t, svm->addr, PCI_IO_VIRT_BASE);
	KTEST_EXPECT_EQ(t, svm->size, SZ_2M);
	KTEST_EXPECT_EQ(t, svm->flags, VM_IOREMAP | VM_ARM_EMPTY_MAPPING);
	KTEST_EXPECT_TRUE(t, ats1cp(PCI_IO_VIRT_BASE, false) & PAR_F);
}

/* The static list is sorted and its ranges do not overlap. */
static void static_vms_sorted(struct ktest *t)
{
	unsigned int n = 0;

	for (struct static_vm *svm = static_vmlist; svm; svm = svm->next, n++) {
		KTEST_EXPECT_TRUE(t, IS_ALIGNED(svm->addr | svm->size, PAGE_SIZE));
		if (svm->next)
			KTEST_EXPECT_LE(t, svm->addr + svm->size, svm->next->addr);
	}
	KTEST_EXPECT_GE(t, n, 2);
}

/* Whether va lies in the mapped part (not the guard page) of a busy vmalloc area. */
static bool in_vm_area(unsigned long va)
{
	struct vmap_area *area = find_vmap_area(va);

	return area && area->vm && va < (unsigned long)area->vm->addr + get_vm_area_size(area->vm);
}

/*
 * Nothing translates from VMALLOC_START to the fixmap but the static
 * mappings, the DTB window and the areas the vmalloc allocator hands out
 * (the platform's ioremaps, the atomic DMA pool from highmem or without
 * CMA, a coherent pool's ioremap, what other suites left mapped).
 */
static void vmalloc_area_empty(struct ktest *t)
{
	unsigned long start = vmalloc_start((unsigned long)high_memory);
	unsigned int checked = 0;

	for (unsigned long va = start; va < FIXADDR_START; va += SZ_1M) {
		struct static_vm *svm = find_static_vm_vaddr(va);
		bool mapped = svm ? !!(svm->flags & VM_ARM_STATIC_MAPPING) : in_vm_area(va);

		if (va >= FDT_FIXED_BASE && va < FDT_FIXED_BASE + FDT_FIXED_SIZE)
			continue;
		KTEST_EXPECT_EQ(t, !(ats1cp(va, false) & PAR_F), mapped);
		checked++;
	}
	KTEST_EXPECT_GE(t, checked, 8);
	KTEST_EXPECT_TRUE(t, ats1cp(VMALLOC_END - 1, false) & PAR_F);
}

/*
 * dma_contiguous_remap: a CMA area in lowmem is mapped with pages
 * (MT_MEMORY_DMA_READY: read/write, never executable) and recorded as a
 * static mapping; the PMDs around it keep their sections.
 */
static void cma_lowmem_mapped_with_pages(struct ktest *t)
{
	unsigned int seen = 0;
	size_t pool_size;
	struct page *pool = (atomic_pool_range(&pool_size), atomic_pool_first_page());
	phys_addr_t pool_pa = pool ? page_to_phys(pool) : 0;

	for (unsigned int i = 0; i < cma_area_count; i++) {
		phys_addr_t base = cma_areas[i].base, end = base + cma_areas[i].size;
		unsigned long va = __phys_to_virt(base);
		struct static_vm *svm;

		if (base >= arm_lowmem_limit)
			continue;
		if (end > arm_lowmem_limit)
			end = arm_lowmem_limit;
		seen++;
		for (phys_addr_t pmd_pa = base; pmd_pa < end; pmd_pa += PMD_SIZE) {
			/* The atomic pool's pages are remapped uncached (the cma suite checks them): the first page past it. */
			phys_addr_t pa = pmd_pa >= pool_pa && pmd_pa < pool_pa + pool_size ? pool_pa + pool_size : pmd_pa;
			unsigned long v = __phys_to_virt(pa);
			pte_t *ptep;
			u64 par = ats1cp(v, true);

			KTEST_ASSERT_TRUE(t, (pmd_off_k(v)->pmd & PMD_TYPE_MASK) == PMD_TYPE_TABLE);
			ptep = pte_offset_kernel(pmd_off_k(v), v);
			KTEST_EXPECT_EQ(t, pte_val(*ptep), pte_val(pfn_pte(pa >> PAGE_SHIFT,
						__pgprot(mem_types[MT_MEMORY_DMA_READY].prot_pte))));
			KTEST_EXPECT_FALSE(t, par & PAR_F);
			KTEST_EXPECT_EQ(t, par_to_pa(par, v), pa);
		}
		svm = find_static_vm_vaddr(va);
		KTEST_ASSERT_TRUE(t, svm != NULL);
		KTEST_EXPECT_EQ(t, svm->addr, va);
		KTEST_EXPECT_EQ(t, svm->flags, VM_IOREMAP | VM_ARM_STATIC_MAPPING |
				VM_ARM_MTYPE(MT_MEMORY_DMA_READY));
		/* The PMD before the area, if it is lowmem, still holds a section. */
		if (base - PMD_SIZE >= PHYS_OFFSET && memblock_is_map_memory(base - PMD_SIZE))
			KTEST_EXPECT_EQ(t, pmd_section_k(va - PMD_SIZE)->pmd & PMD_TYPE_MASK, PMD_TYPE_SECT);
	}
	if (!seen)
		ktest_skip(t, "no CMA area in lowmem on this boot");
}

/* paging_init's zero page: a reserved, zeroed lowmem page. */
static void zero_page_ready(struct ktest *t)
{
	const u32 *p = zero_page;
	u32 any = 0;

	KTEST_ASSERT_TRUE(t, zero_page != NULL);
	KTEST_EXPECT_TRUE(t, IS_ALIGNED((unsigned long)zero_page, PAGE_SIZE));
	KTEST_EXPECT_TRUE(t, memblock_is_region_reserved(__pa(zero_page), PAGE_SIZE));
	for (unsigned int i = 0; i < PAGE_SIZE / 4; i++)
		any |= p[i];
	KTEST_EXPECT_EQ(t, any, 0);
}

static const struct ktest_case devmaps_cases[] = {
	KTEST_CASE(high_vectors_enabled),
	KTEST_CASE(vector_and_stubs_pages),
	KTEST_CASE(svc_returns_through_stubs),
	KTEST_CASE(dtb_mapped_read_only),
	KTEST_CASE(no_static_motherboard_mapping),
	KTEST_CASE(pci_io_reserved),
	KTEST_CASE(static_vms_sorted),
	KTEST_CASE(vmalloc_area_empty),
	KTEST_CASE(cma_lowmem_mapped_with_pages),
	KTEST_CASE(zero_page_ready),
	{}
};
KTEST_SUITE_AT_BOOTMEM(devmaps, devmaps_cases, devmaps_at_bootmem);
