/*
 * vmalloc: the vmalloc area as an allocator, asked of the MMU itself
 * (ATS1CPR/ATS1CPW and the PAR) and of the page tables:
 *  - every page of a vmalloc area and of an ioremap translates to the
 *    page the data really is in (written through one address, read
 *    through the other), with Linux's memory type and never executable;
 *    the guard page after each area does not translate;
 *  - vmalloc takes highmem first; vzalloc zeroes; vmap maps pages it is
 *    given; ioremap reuses a static mapping of the same type, maps 2 MiB
 *    requests with sections and refuses RAM;
 *  - the area fills to exactly its free capacity (the layout's size less
 *    the static mappings in it, worked out here) and empties with every
 *    count back; VmallocTotal is the layout's size (vmalloc= moves it);
 *  - a freed area is not reusable until the purge, and is after it;
 *  - bad frees change nothing;
 *  - the platform's own ioremaps (the console's UART, the system
 *    controller) translate to the registers the device tree gives, as
 *    device memory, never executable, with a guard page after each.
 */
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/smp.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/of_fdt.h>
#include <linux/of_reserved_mem.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <asm/dma-mapping.h>
#include <asm/io.h>
#include <asm/layout.h>
#include <asm/lowmem.h>
#include <asm/mem_types.h>
#include <asm/memory.h>
#include <asm/pgtable.h>
#include <asm/static_vm.h>
#include <asm/system.h>
#include <linux/console.h>
#include <mach/sysreg.h>
#include <mach/vexpress.h>
#include <ktest.h>
#include <libfdt.h>

#include "../model/lowmem_model.h"

static const void *const test_caller = (const void *)0x1;

/* The Linux PTE of a kernel address, or NULL where its PMD holds no table. */
static pte_t *kernel_pte(unsigned long va)
{
	pmd_t *pmdp = pmd_off_k(va);

	if ((pmd_val(*pmdp) & PMD_TYPE_MASK) != PMD_TYPE_TABLE)
		return NULL;
	return pte_offset_kernel(pmdp, va);
}

static bool translates(unsigned long va)
{
	return !(ats1cp(va, false) & PAR_F);
}

/*
 * Every page of [va, va + size) translates for reading and writing, each
 * to a page whose contents are what was written through va (read back
 * through kmap of the page the PAR names), with a PTE of Linux's
 * PAGE_KERNEL: write-back write-allocate, never executable.
 */
static void check_mapped_ram(struct ktest *t, unsigned long va, unsigned long size)
{
	for (unsigned long off = 0; off < size; off += PAGE_SIZE) {
		u64 par_r = ats1cp(va + off, false), par_w = ats1cp(va + off, true);
		pte_t *ptep = kernel_pte(va + off);
		u32 *through_map, tag = (u32)(0x5a000000u | (off >> PAGE_SHIFT));
		struct page *page;

		KTEST_ASSERT_TRUE(t, !(par_r & PAR_F) && !(par_w & PAR_F));
		KTEST_EXPECT_EQ(t, par_to_pa(par_r, va + off), par_to_pa(par_w, va + off));
		page = pfn_to_page((unsigned long)(par_to_pa(par_r, va + off) >> PAGE_SHIFT));
		KTEST_EXPECT_EQ(t, (unsigned long)vmalloc_to_page((void *)(va + off)), (unsigned long)page);
		*(volatile u32 *)(va + off + 8) = tag;
		through_map = kmap_local_page(page);
		KTEST_EXPECT_EQ(t, through_map[2], tag);
		kunmap_local(through_map);
		KTEST_ASSERT_TRUE(t, ptep != NULL);
		KTEST_EXPECT_EQ(t, pte_val(*ptep) & L_PTE_MT_MASK, L_PTE_MT_WRITEALLOC);
		KTEST_EXPECT_TRUE(t, pte_val(*ptep) & L_PTE_XN);
		KTEST_EXPECT_FALSE(t, pte_val(*ptep) & L_PTE_RDONLY);
	}
}

/* The page after an area (its guard) translates neither for reading nor for writing. */
static void check_guard(struct ktest *t, unsigned long va, unsigned long size)
{
	KTEST_EXPECT_FALSE(t, translates(va + size));
	KTEST_EXPECT_TRUE(t, ats1cp(va + size, true) & PAR_F);
	KTEST_EXPECT_FALSE(t, translates(va + size + PAGE_SIZE - 1));
}

static void vmalloc_16k_translates(struct ktest *t)
{
	void *p = vmalloc(4 * PAGE_SIZE);
	struct vm_struct *vm;

	KTEST_ASSERT_TRUE(t, p != NULL);
	KTEST_EXPECT_TRUE(t, is_vmalloc_addr(p));
	KTEST_EXPECT_TRUE(t, IS_ALIGNED((unsigned long)p, PAGE_SIZE));
	KTEST_EXPECT_GE(t, (unsigned long)p, vmalloc_start((unsigned long)high_memory));
	KTEST_EXPECT_LE(t, (unsigned long)p + 5 * PAGE_SIZE, VMALLOC_END);
	vm = find_vm_area(p);
	KTEST_ASSERT_TRUE(t, vm != NULL);
	KTEST_EXPECT_EQ(t, vm->size, 5 * PAGE_SIZE);	/* four pages and the guard */
	KTEST_EXPECT_EQ(t, vm->nr_pages, 4);
	KTEST_EXPECT_EQ(t, vm->flags, VM_ALLOC);
	check_mapped_ram(t, (unsigned long)p, 4 * PAGE_SIZE);
	check_guard(t, (unsigned long)p, 4 * PAGE_SIZE);
	vfree(p);
	KTEST_EXPECT_TRUE(t, find_vm_area(p) == NULL);
}

/* A larger area across PMDs: every page, and its guard. */
static void vmalloc_large_translates(struct ktest *t)
{
	unsigned long size = 3 * SZ_1M + 5 * PAGE_SIZE;
	void *p = vmalloc(size);

	KTEST_ASSERT_TRUE(t, p != NULL);
	check_mapped_ram(t, (unsigned long)p, size);
	check_guard(t, (unsigned long)p, size);
	vfree(p);
}

/* Highmem first: with highmem free, every page is highmem; the data survives a round trip either way. */
static void vmalloc_highmem_backed(struct ktest *t)
{
	unsigned int n = 64, high = 0;
	bool highmem = IS_ENABLED(CONFIG_HIGHMEM) && totalhigh_pages() > n;
	u32 *p = vmalloc(n * PAGE_SIZE);
	struct vm_struct *vm;

	KTEST_ASSERT_TRUE(t, p != NULL);
	vm = find_vm_area(p);
	KTEST_ASSERT_TRUE(t, vm != NULL && vm->nr_pages == n);
	for (unsigned int i = 0; i < n; i++)
		high += PageHighMem(vm->pages[i]);
	KTEST_EXPECT_EQ(t, high, highmem ? n : 0);
	for (unsigned int i = 0; i < n * PAGE_SIZE / 4; i++)
		p[i] = i * 2654435761u;
	for (unsigned int i = 0; i < n; i++) {
		u32 *m = kmap_local_page(vm->pages[i]);

		KTEST_EXPECT_EQ(t, m[7], (i * PAGE_SIZE / 4 + 7) * 2654435761u);
		kunmap_local(m);
	}
	vfree(p);
}

/* vzalloc: zeroed, even where the pages held data. */
static void vzalloc_zeroes(struct ktest *t)
{
	u8 *p = vmalloc(8 * PAGE_SIZE);
	u32 any = 0;

	KTEST_ASSERT_TRUE(t, p != NULL);
	memset(p, 0xa5, 8 * PAGE_SIZE);
	vfree(p);
	purge_vmap_area_lazy();
	p = vzalloc(8 * PAGE_SIZE);
	KTEST_ASSERT_TRUE(t, p != NULL);
	for (unsigned int i = 0; i < 8 * PAGE_SIZE; i++)
		any |= p[i];
	KTEST_EXPECT_EQ(t, any, 0);
	vfree(p);
}

/* vmap: the caller's pages, in order, at one area; vunmap leaves the pages to the caller. */
static void vmap_maps_given_pages(struct ktest *t)
{
	struct page *pages[3];
	u32 *p;

	for (unsigned int i = 0; i < 3; i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		KTEST_ASSERT_TRUE(t, pages[i] != NULL);
	}
	p = vmap(pages, 3, 0, PAGE_KERNEL);
	KTEST_ASSERT_TRUE(t, p != NULL);
	KTEST_EXPECT_EQ(t, find_vm_area(p)->flags, VM_MAP);
	for (unsigned int i = 0; i < 3; i++) {
		u64 par = ats1cp((unsigned long)p + i * PAGE_SIZE, true);

		KTEST_EXPECT_FALSE(t, par & PAR_F);
		KTEST_EXPECT_EQ(t, par_to_pa(par, (unsigned long)p + i * PAGE_SIZE), page_to_phys(pages[i]));
	}
	check_guard(t, (unsigned long)p, 3 * PAGE_SIZE);
	p[PAGE_SIZE / 4] = 0xfeedf00d;
	vunmap(p);
	KTEST_EXPECT_EQ(t, ((u32 *)page_address(pages[1]))[0], 0xfeedf00d);
	for (unsigned int i = 0; i < 3; i++)
		__free_page(pages[i]);
}

/*
 * VMALLOC_START as the lowmem model (test/model/lowmem_model.h, from
 * tools/vmlayout.py's rules) puts it for the banks memblock holds and
 * vmalloc_size (which the memblock suite checks against vmalloc=):
 * high_memory plus VMALLOC_OFFSET, rounded down to it, as Linux's macro.
 */
static unsigned long model_vmalloc_start(void)
{
	static struct model_bank banks[INIT_MEMBLOCK_REGIONS];
	const struct memblock_region *r;
	struct model_lowmem m;
	unsigned int n = 0;
	u32 high;

	for_each_mem_region(r) {
		if (n == ARRAY_SIZE(banks))
			break;
		banks[n++] = (struct model_bank){ r->base, (u64)r->base + r->size, memblock_is_nomap(r) };
	}
	model_lowmem_bounds(&m, banks, n, vmalloc_size, CONFIG_PAGE_OFFSET, ktest_dt_ram_base());
	high = model_high_memory(m.limit, CONFIG_PAGE_OFFSET, ktest_dt_ram_base());
	return (high + MODEL_VMALLOC_OFFSET) & ~(unsigned long)(MODEL_VMALLOC_OFFSET - 1);
}

static bool dt_reg(const char *compatible, u64 *phys, u64 *size);

/*
 * The free capacity: the model's area less the static mappings and
 * reservations inside it, less the areas the platform's drivers
 * ioremapped at boot (on a Versatile Express, whose machine probes the
 * UART and the system controller: each register block of the device tree,
 * rounded to pages, plus its guard page), less the atomic DMA pool (256 KiB and its
 * guard page) when the boot mapped it there, and less the no-map coherent
 * pools a device has set up (their ioremap stays, as Linux's: the region's
 * size and a guard page).
 */
static unsigned long expected_capacity(void)
{
	static const char *const platform_devices[] = { "arm,pl011", "arm,vexpress-sysreg" };
	unsigned long start = model_vmalloc_start(), cap = VMALLOC_END - start;
	size_t pool_size;
	void *pool = atomic_pool_range(&pool_size);

	for (struct static_vm *svm = static_vmlist; svm; svm = svm->next)
		if (svm->addr >= start && svm->addr < VMALLOC_END)
			cap -= svm->size;
	/* With a second CPU online, the GIC's distributor and CPU interface are mapped to wake it: a page and a guard each. */
	if (num_online_cpus() > 1)
		cap -= 2 * (PAGE_SIZE + PAGE_SIZE);
	for (unsigned int i = 0; ktest_board_is_vexpress() && i < ARRAY_SIZE(platform_devices); i++) {
		u64 phys, size;

		if (dt_reg(platform_devices[i], &phys, &size))
			cap -= (unsigned long)PAGE_ALIGN((phys & ~PAGE_MASK) + size) + PAGE_SIZE;
	}
	if (pool && is_vmalloc_addr(pool))
		cap -= SZ_256K + PAGE_SIZE;
	for (int i = 0; i < reserved_mem_count; i++)
		if (reserved_mem[i].setup == rmem_dma_setup && reserved_mem[i].priv)
			cap -= (unsigned long)PAGE_ALIGN(reserved_mem[i].size) + PAGE_SIZE;
	return cap;
}

/* Reserve areas of size (plus guard) until the addresses run out; chain them on vm->next. */
static unsigned long fill(struct vm_struct **chain, unsigned long size, unsigned long *count)
{
	unsigned long taken = 0;
	struct vm_struct *vm;

	while ((vm = get_vm_area_caller(size, 0, test_caller))) {
		vm->next = *chain;
		*chain = vm;
		taken += vm->size;
		(*count)++;
	}
	return taken;
}

static void fill_to_exhaustion_and_empty(struct ktest *t)
{
	struct vmap_area_stats before, full, after;
	unsigned long free_before, free_after, taken = 0, count = 0;
	struct vm_struct *chain = NULL;

	purge_vmap_area_lazy();
	vmap_area_stats(&before);
	/* Free pages parked on the per-CPU lists are in no count: drain them before each count. */
	drain_all_pages(NULL);
	free_before = nr_free_pages() + vmalloc_meta_pages();
	KTEST_EXPECT_EQ(t, before.free_bytes, expected_capacity());
	KTEST_EXPECT_EQ(t, before.lazy_areas, 0);

	taken += fill(&chain, SZ_1M, &count);
	taken += fill(&chain, PAGE_SIZE, &count);
	vmap_area_stats(&full);
	/* Everything but holes too small for a page and its guard is taken. */
	KTEST_EXPECT_LT(t, full.largest_free, 2 * PAGE_SIZE);
	KTEST_EXPECT_EQ(t, taken + full.free_bytes, expected_capacity());
	KTEST_EXPECT_EQ(t, full.busy_areas, before.busy_areas + count);
	KTEST_EXPECT_TRUE(t, vmalloc(PAGE_SIZE) == NULL);

	while (chain) {
		struct vm_struct *next = chain->next;

		free_vm_area(chain);
		chain = next;
	}
	purge_vmap_area_lazy();
	vmap_area_stats(&after);
	drain_all_pages(NULL);
	free_after = nr_free_pages() + vmalloc_meta_pages();
	KTEST_EXPECT_EQ(t, after.busy_areas, before.busy_areas);
	KTEST_EXPECT_EQ(t, after.busy_bytes, before.busy_bytes);
	KTEST_EXPECT_EQ(t, after.free_bytes, before.free_bytes);
	KTEST_EXPECT_EQ(t, after.free_areas, before.free_areas);
	KTEST_EXPECT_EQ(t, after.lazy_areas, 0);
	KTEST_EXPECT_EQ(t, free_after, free_before);
	KTEST_EXPECT_EQ(t, vmap_area_verify(), 0);
}

/*
 * VmallocTotal is the area the lowmem model gives for this boot's RAM and
 * vmalloc= (and the layout printout's); VmallocUsed follows vmalloc's pages.
 */
static void capacity_follows_layout(struct ktest *t)
{
	struct vm_layout layout;
	struct vmalloc_meminfo info, with;
	void *p;

	vm_layout_current(&layout);
	vmalloc_meminfo(&info);
	KTEST_EXPECT_EQ(t, info.total_kb, (VMALLOC_END - model_vmalloc_start()) >> 10);
	KTEST_EXPECT_EQ(t, info.total_kb, (layout.vmalloc_end - layout.vmalloc_start) >> 10);
	KTEST_EXPECT_EQ(t, info.chunk_kb, 0);
	p = vmalloc(10 * PAGE_SIZE);
	KTEST_ASSERT_TRUE(t, p != NULL);
	vmalloc_meminfo(&with);
	KTEST_EXPECT_EQ(t, with.used_kb, info.used_kb + 10 * (PAGE_SIZE >> 10));
	vfree(p);
	vmalloc_meminfo(&with);
	KTEST_EXPECT_EQ(t, with.used_kb, info.used_kb);
}

/* A freed area's addresses wait for the purge: not free before it, free (and the lowest fit again) after. */
static void lazy_purge_frees_after_flush(struct ktest *t)
{
	struct vmap_area_stats s0, s1, s2;
	unsigned long fstart, fend;
	void *p, *q, *r;

	purge_vmap_area_lazy();
	p = vmalloc(2 * PAGE_SIZE);
	KTEST_ASSERT_TRUE(t, p != NULL);
	vmap_area_stats(&s0);
	vfree(p);
	vmap_area_stats(&s1);
	KTEST_EXPECT_TRUE(t, find_vm_area(p) == NULL);
	KTEST_EXPECT_EQ(t, s1.lazy_areas, 1);
	KTEST_EXPECT_EQ(t, s1.lazy_pages, 3);
	KTEST_EXPECT_EQ(t, s1.free_bytes, s0.free_bytes);	/* not free yet */
	KTEST_EXPECT_EQ(t, s1.purges, s0.purges);
	KTEST_EXPECT_FALSE(t, translates((unsigned long)p));	/* unmapped at once */
	q = vmalloc(2 * PAGE_SIZE);
	KTEST_ASSERT_TRUE(t, q != NULL);
	KTEST_EXPECT_NE(t, (unsigned long)q, (unsigned long)p);
	vfree(q);
	purge_vmap_area_lazy();
	vmalloc_last_flush(&fstart, &fend);
	/* The flush covered both freed areas, guard pages included. */
	KTEST_EXPECT_LE(t, fstart, min((unsigned long)p, (unsigned long)q));
	KTEST_EXPECT_GE(t, fend, max((unsigned long)p, (unsigned long)q) + 3 * PAGE_SIZE);
	vmap_area_stats(&s2);
	KTEST_EXPECT_EQ(t, s2.lazy_areas, 0);
	KTEST_EXPECT_EQ(t, s2.lazy_pages, 0);
	KTEST_EXPECT_EQ(t, s2.purges, s0.purges + 1);
	KTEST_EXPECT_EQ(t, s2.free_bytes, s0.free_bytes + 3 * PAGE_SIZE);
	r = vmalloc(2 * PAGE_SIZE);
	KTEST_EXPECT_EQ(t, (unsigned long)r, (unsigned long)p);	/* the lowest fit is free again */
	vfree(r);
}

/* More than lazy_max_pages() waiting starts a purge by itself. */
static void lazy_max_pages_purges(struct ktest *t)
{
	struct vmap_area_stats s0, s1;
	unsigned long chunk = SZ_1M, n = (lazy_max_pages() << PAGE_SHIFT) / chunk + 1;
	struct vm_struct *chain = NULL;

	purge_vmap_area_lazy();
	vmap_area_stats(&s0);
	if (s0.largest_free < n * (chunk + PAGE_SIZE)) {
		/* vmalloc= can make the area smaller than lazy_max_pages: then free what fits, twice over. */
		n = s0.largest_free / (chunk + PAGE_SIZE);
	}
	for (unsigned long i = 0; i < n; i++) {
		struct vm_struct *vm = get_vm_area_caller(chunk, 0, test_caller);

		KTEST_ASSERT_TRUE(t, vm != NULL);
		vm->next = chain;
		chain = vm;
	}
	for (unsigned long freed = 0; chain; freed += (chunk >> PAGE_SHIFT) + 1) {
		struct vm_struct *next = chain->next;

		free_vm_area(chain);
		chain = next;
		vmap_area_stats(&s1);
		if (freed + (chunk >> PAGE_SHIFT) + 1 > lazy_max_pages()) {
			KTEST_EXPECT_EQ(t, s1.purges, s0.purges + 1);
			KTEST_EXPECT_EQ(t, s1.lazy_pages, 0);
			break;
		}
		KTEST_EXPECT_EQ(t, s1.purges, s0.purges);
		KTEST_EXPECT_EQ(t, s1.lazy_pages, freed + (chunk >> PAGE_SHIFT) + 1);
	}
	while (chain) {
		struct vm_struct *next = chain->next;

		free_vm_area(chain);
		chain = next;
	}
	purge_vmap_area_lazy();
}

/*
 * A request a static mapping of the same type covers gets that mapping's
 * address. No device has a static mapping any more; the boot stack's pages
 * (iotable_init, MT_MEMORY_RW) are one, asked for with their own type.
 */
static void ioremap_reuses_static(struct ktest *t)
{
	struct static_vm *svm = find_static_vm_vaddr(BOOT_STACK_VIRT);
	struct vmap_area_stats s0, s1;
	void __iomem *p;

	KTEST_ASSERT_TRUE(t, svm != NULL);
	p = __arm_ioremap_pfn_caller((unsigned long)(svm->phys_addr >> PAGE_SHIFT) + 1, 0x24, 8, MT_MEMORY_RW,
				     test_caller);
	KTEST_EXPECT_EQ(t, (unsigned long)p, BOOT_STACK_VIRT + PAGE_SIZE + 0x24);
	vmap_area_stats(&s0);
	iounmap(p);
	vmap_area_stats(&s1);
	KTEST_EXPECT_EQ(t, s1.busy_areas, s0.busy_areas);
	KTEST_EXPECT_TRUE(t, translates(BOOT_STACK_VIRT + PAGE_SIZE));
	KTEST_EXPECT_TRUE(t, find_static_vm_vaddr(BOOT_STACK_VIRT) == svm);
}

/* ioremap_wc of one page of a device range (vexpress's UART0, or a page that is not RAM): a new area with pages, write-combining, never executable. */
static void ioremap_page_translates(struct ktest *t)
{
	const phys_addr_t uart = ktest_device_phys(V2M_UART0_PHYS, PAGE_SIZE);
	unsigned long va = (unsigned long)ioremap_wc(uart + 0x10, 16);
	struct vm_struct *vm;
	pte_t *ptep;

	KTEST_ASSERT_TRUE(t, va != 0);
	KTEST_EXPECT_EQ(t, va & ~PAGE_MASK, 0x10);
	KTEST_EXPECT_TRUE(t, is_vmalloc_addr((void *)va));
	KTEST_EXPECT_EQ(t, par_to_pa(ats1cp(va, true), va), uart + 0x10);
	ptep = kernel_pte(va);
	KTEST_ASSERT_TRUE(t, ptep != NULL);
	KTEST_EXPECT_EQ(t, pte_val(*ptep), pte_val(pfn_pte(uart >> PAGE_SHIFT,
							  __pgprot(mem_types[MT_DEVICE_WC].prot_pte))));
	KTEST_EXPECT_EQ(t, pte_val(*ptep) & L_PTE_MT_MASK, L_PTE_MT_DEV_WC);
	KTEST_EXPECT_TRUE(t, pte_val(*ptep) & L_PTE_XN);
	vm = find_vm_area((void *)(va & PAGE_MASK));
	KTEST_ASSERT_TRUE(t, vm != NULL);
	KTEST_EXPECT_EQ(t, vm->phys_addr, uart);
	KTEST_EXPECT_EQ(t, vm->flags, VM_IOREMAP | VM_ARM_MTYPE(MT_DEVICE_WC));
	check_guard(t, va & PAGE_MASK, PAGE_SIZE);
	iounmap((void __iomem *)va);
	KTEST_EXPECT_TRUE(t, find_vm_area((void *)(va & PAGE_MASK)) == NULL);
	KTEST_EXPECT_FALSE(t, translates(va));
}

/* 2 MiB, aligned: an area aligned to its size, mapped with section entries of the type. */
static void ioremap_2m_uses_sections(struct ktest *t)
{
	const phys_addr_t periph = ktest_device_phys(V2M_PERIPH_PHYS, SZ_2M);
	unsigned long va = (unsigned long)ioremap_cache(periph, SZ_2M);

	KTEST_ASSERT_TRUE(t, va != 0);
	KTEST_EXPECT_TRUE(t, IS_ALIGNED(va, SZ_2M));
	for (unsigned long off = 0; off < SZ_2M; off += SECTION_SIZE)
		KTEST_EXPECT_EQ(t, pmd_section_k(va + off)->pmd,
				(periph + off) | mem_types[MT_DEVICE_CACHED].prot_sect);
	for (unsigned long off = 0; off < SZ_2M; off += 64 * PAGE_SIZE)
		KTEST_EXPECT_EQ(t, par_to_pa(ats1cp(va + off, true), va + off), periph + off);
	KTEST_EXPECT_EQ(t, par_to_pa(ats1cp(va + SZ_2M - 1, false), va + SZ_2M - 1),
			periph + SZ_2M - 1);
	KTEST_EXPECT_TRUE(t, find_vm_area((void *)va)->flags & VM_ARM_SECTION_MAPPING);
	check_guard(t, va, SZ_2M);
	iounmap((void __iomem *)va);
	KTEST_EXPECT_EQ(t, pmd_val(*pmd_off_k(va)), 0);
	purge_vmap_area_lazy();
}

/*
 * 16 MiB, aligned (NOR flash 1, never touched here): an area aligned to
 * 16 MiB (IOREMAP_MAX_ORDER), mapped with large blocks where the build has
 * CONFIG_LARGE_MAPPINGS and the format allows one for the type (classic
 * supersections have no domain field, so not for device memory in
 * DOMAIN_IO; LPAE's 32 MiB runs do not fit 16 MiB), else sections; or,
 * where vmalloc= left no aligned 16 MiB, NULL with nothing taken.
 */
static void ioremap_16m_large_blocks(struct ktest *t)
{
	const phys_addr_t phys = ktest_device_phys(0x08000000, SZ_16M);
	struct vmap_area_stats s0, s1;
	unsigned long va;

	purge_vmap_area_lazy();
	vmap_area_stats(&s0);
	va = (unsigned long)ioremap(phys, SZ_16M);
	if (!va) {
		vmap_area_stats(&s1);
		KTEST_EXPECT_LT(t, s0.largest_free, 2 * SZ_16M);
		KTEST_EXPECT_EQ(t, s1.busy_areas, s0.busy_areas);
		return;
	}
	KTEST_EXPECT_TRUE(t, IS_ALIGNED(va, SZ_16M));
	for (unsigned long off = 0; off < SZ_16M; off += SECTION_SIZE) {
		u64 entry = pmd_section_k(va + off)->pmd;
		bool large = LARGE_MAPPINGS && LARGE_BLOCK_SIZE == SZ_16M &&
			     large_block_allowed(mem_types[MT_DEVICE].prot_sect, mem_types[MT_DEVICE].domain);

		KTEST_EXPECT_EQ(t, pmd_is_large_block(entry), large);
		if (!large)
			KTEST_EXPECT_EQ(t, entry, (phys + off) | mem_types[MT_DEVICE].prot_sect);
		KTEST_EXPECT_EQ(t, par_to_pa(ats1cp(va + off + 0x123, false), va + off + 0x123), phys + off + 0x123);
	}
	check_guard(t, va, SZ_16M);
	iounmap((void __iomem *)va);
	for (unsigned long off = 0; off < SZ_16M; off += SECTION_SIZE)
		KTEST_EXPECT_EQ(t, pmd_section_k(va + off)->pmd, 0);
	purge_vmap_area_lazy();
}

/* RAM the kernel maps is refused (Linux's WARN_ON), and nothing is taken. */
static void ioremap_refuses_ram(struct ktest *t)
{
	struct vmap_area_stats s0, s1;

	vmap_area_stats(&s0);
	KTEST_EXPECT_TRUE(t, ioremap(PHYS_OFFSET + SZ_1M, PAGE_SIZE) == NULL);
	vmap_area_stats(&s1);
	KTEST_EXPECT_EQ(t, s1.busy_areas, s0.busy_areas);
}

/* vfree of an address no area starts at, and a second vfree: Linux's warning, nothing freed. */
static void bad_vfree_changes_nothing(struct ktest *t)
{
	struct vmap_area_stats s0, s1;
	void *p = vmalloc(PAGE_SIZE);

	KTEST_ASSERT_TRUE(t, p != NULL);
	vmap_area_stats(&s0);
	vfree((void *)(vmalloc_start((unsigned long)high_memory) + 0x123000));
	vfree((char *)p + PAGE_SIZE);	/* the guard page */
	vfree((void *)PCI_IO_VIRT_BASE);	/* a static reservation */
	vmap_area_stats(&s1);
	KTEST_EXPECT_EQ(t, s1.busy_areas, s0.busy_areas);
	KTEST_EXPECT_EQ(t, s1.lazy_areas, s0.lazy_areas);
	KTEST_EXPECT_TRUE(t, find_vm_area((void *)PCI_IO_VIRT_BASE) != NULL);
	vfree(p);
	vfree(p);
	vmap_area_stats(&s1);
	KTEST_EXPECT_EQ(t, s1.busy_areas, s0.busy_areas - 1);
	KTEST_EXPECT_EQ(t, s1.lazy_areas, s0.lazy_areas + 1);
}

/* More than the area holds: NULL, and nothing left behind. */
static void vmalloc_too_large_fails(struct ktest *t)
{
	struct vmap_area_stats s0, s1;
	unsigned long used = vmalloc_nr_pages();

	vmap_area_stats(&s0);
	KTEST_EXPECT_TRUE(t, vmalloc(VMALLOC_END - vmalloc_start((unsigned long)high_memory)) == NULL);
	vmap_area_stats(&s1);
	KTEST_EXPECT_EQ(t, s1.busy_areas, s0.busy_areas);
	KTEST_EXPECT_EQ(t, vmalloc_nr_pages(), used);
}

/*
 * The first register block of the first node compatible with @compatible
 * (the console's UART: the serial0 alias, when there is one), translated
 * to a CPU physical address through the ranges of every bus above it, as
 * Linux's of_translate_address does. Written here from the devicetree
 * specification (2.3.8 "ranges"), apart from the kernel, which takes its
 * two addresses from the board's memory map.
 */
static bool dt_reg(const char *compatible, u64 *phys, u64 *size)
{
	const void *fdt = initial_boot_params;
	const char *alias = strcmp(compatible, "arm,pl011") ? NULL : fdt_get_alias(fdt, "serial0");
	int node = alias ? fdt_path_offset(fdt, alias) : fdt_node_offset_by_compatible(fdt, -1, compatible);
	int bus = node >= 0 ? fdt_parent_offset(fdt, node) : -1;
	const fdt32_t *reg;
	int len;

	if (bus < 0 || !(reg = fdt_getprop(fdt, node, "reg", &len)))
		return false;
	*phys = dt_mem_next_cell((u32)fdt_address_cells(fdt, bus), &reg);
	*size = dt_mem_next_cell((u32)fdt_size_cells(fdt, bus), &reg);
	/* Up the tree: each bus's ranges map its children's addresses to its parent's. */
	for (int parent = fdt_parent_offset(fdt, bus); parent >= 0; bus = parent, parent = fdt_parent_offset(fdt, bus)) {
		const fdt32_t *r = fdt_getprop(fdt, bus, "ranges", &len);
		u32 child_cells = (u32)fdt_address_cells(fdt, bus), size_cells = (u32)fdt_size_cells(fdt, bus);
		u32 parent_cells = (u32)fdt_address_cells(fdt, parent);
		u32 entry = (child_cells + parent_cells + size_cells) * 4;
		bool found = false;

		if (!r)
			return false;	/* no ranges: not reachable from the CPU */
		for (int off = 0; off + (int)entry <= len; off += (int)entry) {
			const fdt32_t *p = r + off / 4;
			u64 child = dt_mem_next_cell(child_cells, &p);
			u64 base = dt_mem_next_cell(parent_cells, &p);
			u64 span = dt_mem_next_cell(size_cells, &p);

			if (*phys >= child && *phys - child < span) {
				*phys = base + (*phys - child);
				found = true;
				break;
			}
		}
		if (len && !found)	/* an empty ranges maps one to one */
			return false;
	}
	return true;
}

/*
 * One of the platform's boot-time ioremaps: every page of it translates
 * (ATS1CPR/ATS1CPW) to the device tree's registers, its PTE is Linux's
 * MT_DEVICE (shared device memory, never executable; in LPAE builds the
 * PAR reports the MAIR's Device attribute too), the area is an ioremap of
 * the registers' size with a guard page that does not translate.
 */
static void check_platform_ioremap(struct ktest *t, unsigned long va, const char *compatible)
{
	unsigned long start = va & PAGE_MASK;
	struct vm_struct *vm;
	u64 phys, size;

	KTEST_ASSERT_TRUE(t, dt_reg(compatible, &phys, &size));
	KTEST_ASSERT_TRUE(t, is_vmalloc_addr((void *)va));
	KTEST_EXPECT_EQ(t, va & ~PAGE_MASK, phys & ~PAGE_MASK);
	vm = find_vm_area((void *)start);
	KTEST_ASSERT_TRUE(t, vm != NULL);
	KTEST_EXPECT_EQ(t, vm->flags, VM_IOREMAP | VM_ARM_MTYPE(MT_DEVICE));
	KTEST_EXPECT_EQ(t, vm->phys_addr, phys & PAGE_MASK);
	KTEST_EXPECT_EQ(t, get_vm_area_size(vm), PAGE_ALIGN((phys & ~PAGE_MASK) + size));
	for (unsigned long off = 0; off < get_vm_area_size(vm); off += PAGE_SIZE) {
		u64 par_r = ats1cp(start + off, false), par_w = ats1cp(start + off, true);
		pte_t *ptep = kernel_pte(start + off);

		KTEST_ASSERT_TRUE(t, !(par_r & PAR_F) && !(par_w & PAR_F));
		KTEST_EXPECT_EQ(t, par_to_pa(par_r, start + off), (phys & PAGE_MASK) + off);
		if (par_r & PAR_LPAE)
			KTEST_EXPECT_EQ(t, par_r >> 56, 0x04);	/* MAIR: Device memory (B4.1.104) */
		KTEST_ASSERT_TRUE(t, ptep != NULL);
		KTEST_EXPECT_EQ(t, pte_val(*ptep) & L_PTE_MT_MASK, L_PTE_MT_DEV_SHARED);
		KTEST_EXPECT_TRUE(t, pte_val(*ptep) & L_PTE_XN);
		KTEST_EXPECT_TRUE(t, pte_val(*ptep) & L_PTE_SHARED);
	}
	check_guard(t, start, get_vm_area_size(vm));
}

/*
 * The console and the system controller moved to ioremaps once vmalloc
 * worked: the console writes through its area (this very line of KTAP
 * output went there), power-off will go through the other.
 */
static void platform_uses_ioremap(struct ktest *t)
{
	unsigned long sysreg = (unsigned long)vexpress_sysreg_base();

	if (!ktest_board_is_vexpress()) {
		ktest_skip(t, KTEST_NOT_VEXPRESS);
		return;
	}
	check_platform_ioremap(t, console_base(), "arm,pl011");
	KTEST_ASSERT_TRUE(t, sysreg != 0);
	check_platform_ioremap(t, sysreg, "arm,vexpress-sysreg");
}

/* The early areas are busy with their static_vm's bounds; the allocator's trees are sound. */
static void early_areas_busy(struct ktest *t)
{
	unsigned int n = 0;

	for (struct static_vm *svm = static_vmlist; svm; svm = svm->next, n++) {
		struct vm_struct *vm = find_vm_area((void *)svm->addr);

		KTEST_ASSERT_TRUE(t, vm != NULL);
		KTEST_EXPECT_EQ(t, (unsigned long)vm->addr, svm->addr);
		KTEST_EXPECT_EQ(t, vm->size, svm->size);
		KTEST_EXPECT_STREQ(t, vm->caller_name, svm->caller);
	}
	KTEST_EXPECT_GE(t, n, 3);
	KTEST_EXPECT_EQ(t, vmap_area_verify(), 0);
}

static const struct ktest_case vmalloc_cases[] = {
	KTEST_CASE(early_areas_busy),
	KTEST_CASE(vmalloc_16k_translates),
	KTEST_CASE(vmalloc_large_translates),
	KTEST_CASE(vmalloc_highmem_backed),
	KTEST_CASE(vzalloc_zeroes),
	KTEST_CASE(vmap_maps_given_pages),
	KTEST_CASE(capacity_follows_layout),
	KTEST_CASE(lazy_purge_frees_after_flush),
	KTEST_CASE(lazy_max_pages_purges),
	KTEST_CASE(fill_to_exhaustion_and_empty),
	KTEST_CASE(platform_uses_ioremap),
	KTEST_CASE(ioremap_reuses_static),
	KTEST_CASE(ioremap_page_translates),
	KTEST_CASE(ioremap_2m_uses_sections),
	KTEST_CASE(ioremap_16m_large_blocks),
	KTEST_CASE(ioremap_refuses_ram),
	KTEST_CASE(bad_vfree_changes_nothing),
	KTEST_CASE(vmalloc_too_large_fails),
	{}
};
KTEST_SUITE(vmalloc, vmalloc_cases);
