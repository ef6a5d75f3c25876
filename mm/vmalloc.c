/*
 * vmalloc, vmap and the vmalloc area's page tables. Follows Linux's
 * mm/vmalloc.c (v6.1); the address-space allocator is mm/vmap_area.c,
 * ioremap is mm/ioremap.c, the printouts mm/vmalloc-show.c.
 *
 * An area is a vmap_area (the addresses, one guard page at its end left
 * unmapped) with a vm_struct (who asked, its pages). Pages come from the
 * buddy allocator one at a time, highmem first (GFP_KERNEL |
 * __GFP_HIGHMEM); PTE pages are allocated in swapper_pg_dir as areas
 * need them and stay. A freed area is unmapped at once but its addresses
 * wait on the purge list until one TLB flush frees many (mm/vmap_area.c).
 */
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/spinlock.h>
#include <stdarg.h>
#include <linux/vmalloc.h>
#include <asm/atomic.h>
#include <asm/layout.h>
#include <asm/lowmem.h>
#include <asm/mem_types.h>
#include <asm/memory.h>
#include <asm/pgalloc.h>
#include <asm/pgtable.h>
#include <asm/static_vm.h>
#include <asm/tlbflush.h>

/*
 * Linux takes vmap_area and vm_struct from slab caches and small page
 * arrays from kmalloc. There is no slab here: one pool of 64-byte
 * objects, carved from lowmem pages and never given back (as a slab cache
 * that is never shrunk). vmalloc_meta_pages counts them.
 */
#define VM_OBJ_SIZE		64
#define VM_OBJ_PAGES_INLINE	(VM_OBJ_SIZE / sizeof(struct page *))
_Static_assert(sizeof(struct vmap_area) <= VM_OBJ_SIZE && sizeof(struct vm_struct) <= VM_OBJ_SIZE,
	       "the bookkeeping objects fit the pool's objects");

/*
 * vm_obj_lock: the object pool. kernel_pt_lock (Linux's
 * init_mm.page_table_lock): a PMD's PTE page is put in once, by one CPU,
 * and pte_table_pages with it. nr_vmalloc_pages changes by atomic adds.
 */
static DEFINE_SPINLOCK(vm_obj_lock);
static DEFINE_SPINLOCK(kernel_pt_lock);
static void *obj_free_list;
static unsigned long obj_pool_pages, pte_table_pages;
static unsigned long nr_vmalloc_pages;

static void *vm_obj_alloc(void)
{
	unsigned long flags;
	char *page;
	void *obj;

	spin_lock_irqsave(&vm_obj_lock, flags);
	obj = obj_free_list;
	if (obj)
		obj_free_list = *(void **)obj;
	spin_unlock_irqrestore(&vm_obj_lock, flags);
	if (obj)
		return obj;
	page = (char *)__get_free_page(GFP_KERNEL);
	if (!page)
		return NULL;
	spin_lock_irqsave(&vm_obj_lock, flags);
	obj_pool_pages++;
	for (unsigned int off = VM_OBJ_SIZE; off < PAGE_SIZE; off += VM_OBJ_SIZE) {
		*(void **)(page + off) = obj_free_list;
		obj_free_list = page + off;
	}
	spin_unlock_irqrestore(&vm_obj_lock, flags);
	return page;
}

static void vm_obj_free(void *obj)
{
	unsigned long flags;

	spin_lock_irqsave(&vm_obj_lock, flags);
	*(void **)obj = obj_free_list;
	obj_free_list = obj;
	spin_unlock_irqrestore(&vm_obj_lock, flags);
}

static void nr_vmalloc_pages_add(long n)
{
	atomic_long_add((int)n, (atomic_long_t *)&nr_vmalloc_pages);
}

struct vmap_area *vmap_area_obj_alloc(void)
{
	return vm_obj_alloc();
}

void vmap_area_obj_free(struct vmap_area *va)
{
	vm_obj_free(va);
}

/* The span the last purge flushed, for the tests (vmalloc_last_flush). */
static unsigned long last_flush_start, last_flush_end;

void vmap_area_flush_tlb_range(unsigned long start, unsigned long end)
{
	flush_tlb_kernel_range(start, end);
	last_flush_start = start;
	last_flush_end = end;
}

void vmalloc_last_flush(unsigned long *start, unsigned long *end)
{
	*start = last_flush_start;
	*end = last_flush_end;
}

/* A PTE page of the vmalloc area goes back (mm/ioremap.c, where a section takes its PMD). */
void vmalloc_release_pte_page(unsigned long table)
{
	unsigned long flags;

	spin_lock_irqsave(&kernel_pt_lock, flags);
	if (!pte_table_from_pool((pte_t *)table))
		pte_table_pages--;
	spin_unlock_irqrestore(&kernel_pt_lock, flags);
	pte_free_kernel((pte_t *)table);
}

unsigned long vmalloc_meta_pages(void)
{
	return obj_pool_pages + pte_table_pages;
}

unsigned long vmalloc_area_start(void)
{
	return vmalloc_start((unsigned long)high_memory);
}

/* Follows Linux's is_vmalloc_addr (v6.1). */
bool is_vmalloc_addr(const void *x)
{
	unsigned long addr = (unsigned long)x;

	return addr >= vmalloc_area_start() && addr < VMALLOC_END;
}

/* ---- Page tables ---- */

/*
 * Follows Linux's pte_alloc_kernel (v6.1): the PTE of a kernel address,
 * with a zeroed PTE page from lowmem put in its PMD first if there is
 * none. In classic builds one PTE page holds the tables of both 1 MiB
 * halves of the PMD (__pmd_populate points both hardware entries into it).
 */
static pte_t *vmap_pte_alloc(unsigned long addr)
{
	pmd_t *pmdp = pmd_off_k(addr);

	if (!pmd_val(READ_ONCE(*pmdp))) {
		pte_t *table = pte_alloc_one_kernel();
		unsigned long flags;

		if (!table)
			return NULL;
		/* The zeroes are visible to the table walk before the PMD points at them. */
		dsb(ishst);
		spin_lock_irqsave(&kernel_pt_lock, flags);
		if (!pmd_val(*pmdp)) {
			/* Pages from the buddy allocator, which vmalloc_meta_pages reports. */
			if (!pte_table_from_pool(table))
				pte_table_pages++;
			__pmd_populate(pmdp, __pa(table), _PAGE_KERNEL_TABLE);
			table = NULL;
		}
		spin_unlock_irqrestore(&kernel_pt_lock, flags);
		/* Another CPU put its table in first (Linux's pmd_populate race in __pte_alloc_kernel). */
		if (table)
			pte_free_kernel(table);
	}
	if ((pmd_val(*pmdp) & PMD_TYPE_MASK) != PMD_TYPE_TABLE) {
		WARN_ON(true);	/* a section where an area wants pages: the trees let two users overlap */
		return NULL;
	}
	return pte_offset_kernel(pmdp, addr);
}

/* Follows Linux's vmap_pages_range (v6.1): pages[i] at addr + i pages, with prot; one PTE lookup per PMD. */
static int vmap_pages_range(unsigned long addr, unsigned long end, pteval_t prot, struct page **pages)
{
	while (addr < end) {
		unsigned long next = (addr + PMD_SIZE) & PMD_MASK;
		pte_t *ptep = vmap_pte_alloc(addr);

		if (!ptep)
			return -ENOMEM;
		if (next > end || !next)
			next = end;
		for (; addr < next; addr += PAGE_SIZE, ptep++, pages++)
			set_pte_ext(ptep, pfn_pte(page_to_pfn(*pages), __pgprot(prot)), 0);
	}
	return 0;
}

/* Follows Linux's vmap_range_noflush for ioremap (v6.1): [addr, end) onto phys, page by page. */
int vmap_phys_range(unsigned long addr, unsigned long end, phys_addr_t phys, u64 prot)
{
	while (addr < end) {
		unsigned long next = (addr + PMD_SIZE) & PMD_MASK;
		pte_t *ptep = vmap_pte_alloc(addr);

		if (!ptep)
			return -ENOMEM;
		if (next > end || !next)
			next = end;
		for (; addr < next; addr += PAGE_SIZE, ptep++, phys += PAGE_SIZE)
			set_pte_ext(ptep, pfn_pte(phys >> PAGE_SHIFT, __pgprot((pteval_t)prot)), 0);
	}
	return 0;
}

/*
 * Follows Linux's vunmap_range_noflush (v6.1): clear what maps [addr,
 * end), PTEs or (ioremap's) sections; no TLB flush, the purge does that.
 */
static void vunmap_range_noflush(unsigned long addr, unsigned long end)
{
	while (addr < end) {
		pmd_t *pmdp = pmd_off_k(addr);
		unsigned long next = (addr + PMD_SIZE) & PMD_MASK;

		if (next > end || !next)
			next = end;
		if ((pmd_val(*pmdp) & PMD_TYPE_MASK) == PMD_TYPE_TABLE) {
			pte_t *ptep = pte_offset_kernel(pmdp, addr);

			for (; addr < next; addr += PAGE_SIZE, ptep++)
				set_pte_ext(ptep, __pte(0), 0);
		} else {
			/* A section mapping covers whole PMDs (mm/ioremap.c only makes such). */
			if (pmd_val(*pmdp))
				pmd_clear(pmdp);
			addr = next;
		}
	}
}

/* ---- Areas ---- */

static struct vm_struct *vmlist;	/* vm_area_add_early's, until vmalloc_init */
static bool vmap_initialized;

void vm_area_add_early(struct vm_struct *vm)
{
	struct vm_struct **p = &vmlist;

	while (*p && (unsigned long)(*p)->addr < (unsigned long)vm->addr)
		p = &(*p)->next;
	vm->next = *p;
	*p = vm;
}

/*
 * Follows Linux's vmalloc_init (v6.1): the allocator starts with the
 * early areas busy: the static mappings and reservations of
 * mm/static_vm.c (iotable_init, the PCI I/O window, the boot stack, the
 * gaps fill_pmd_gaps keeps), which Linux's ARM code enters through
 * vm_area_add_early, and those of vm_area_add_early. The rest of
 * [VMALLOC_START, VMALLOC_END) is free.
 */
void vmalloc_init(void)
{
	vmap_area_reset(vmalloc_area_start(), VMALLOC_END);
	for (struct static_vm *svm = static_vmlist; svm; svm = svm->next) {
		struct vm_struct *vm = vm_obj_alloc();

		if (!vm)
			panic("%s: no memory for the early areas\n", __func__);
		*vm = (struct vm_struct){
			.addr = (void *)svm->addr, .size = svm->size, .flags = svm->flags | VM_NO_GUARD,
			.phys_addr = svm->phys_addr, .caller_name = svm->caller,
		};
		if (!vmap_area_reserve(svm->addr, svm->addr + svm->size, vm))
			panic("%s: early area 0x%08lx-0x%08lx (%s) overlaps another\n", __func__,
			      svm->addr, svm->addr + svm->size, svm->caller);
	}
	for (struct vm_struct *vm = vmlist; vm; vm = vm->next)
		if (!vmap_area_reserve((unsigned long)vm->addr, (unsigned long)vm->addr + vm->size, vm))
			panic("%s: early area at %p overlaps another\n", __func__, vm->addr);
	vmap_initialized = true;
}

/*
 * Follows Linux's __get_vm_area_node (v6.1): an area of size bytes plus
 * the guard page (unless VM_NO_GUARD), in [start, end), with its
 * vm_struct. Linux's "vmap allocation for size N failed" message when
 * the addresses run out.
 */
static struct vm_struct *__get_vm_area_node(unsigned long size, unsigned long align, unsigned long flags,
					    unsigned long start, unsigned long end, gfp_t gfp,
					    const void *caller)
{
	struct vm_struct *area;
	struct vmap_area *va;

	size = PAGE_ALIGN(size);
	if (!size || !vmap_initialized)
		return NULL;
	/* Linux 6.1: ioremap areas aligned to their size rounded up, from a page to IOREMAP_MAX_ORDER. */
	if (flags & VM_IOREMAP) {
		unsigned int order = PAGE_SHIFT;

		while (order < IOREMAP_MAX_ORDER && (1UL << order) < size)
			order++;
		align = 1UL << order;
	}
	if (!(flags & VM_NO_GUARD))
		size += PAGE_SIZE;
	if (size < PAGE_SIZE)
		return NULL;	/* wrapped */
	area = vm_obj_alloc();
	if (!area)
		return NULL;
	va = alloc_vmap_area(size, align, start, end);
	if (!va) {
		if (!(gfp & __GFP_NOWARN))
			pr_warn("vmap allocation for size %lu failed: use vmalloc=<size> to increase size\n",
				size);
		vm_obj_free(area);
		return NULL;
	}
	*area = (struct vm_struct){
		.addr = (void *)va->va_start, .size = size, .flags = flags, .caller = caller,
	};
	va->vm = area;
	return area;
}

struct vm_struct *get_vm_area_caller(unsigned long size, unsigned long flags, const void *caller)
{
	return __get_vm_area_node(size, PAGE_SIZE, flags, vmalloc_area_start(), VMALLOC_END,
				  GFP_KERNEL, caller);
}

struct vm_struct *find_vm_area(const void *addr)
{
	struct vmap_area *va = find_vmap_area((unsigned long)addr);

	return va ? va->vm : NULL;
}

/*
 * Follows Linux's remove_vm_area (v6.1), for an area's start address:
 * unmap it and put its addresses on the purge list; the vm_struct is
 * the caller's to free.
 */
struct vm_struct *remove_vm_area(const void *addr)
{
	struct vmap_area *va = find_vmap_area((unsigned long)addr);
	struct vm_struct *vm;

	if (!va || va->va_start != (unsigned long)addr || !va->vm)
		return NULL;
	vm = va->vm;
	/* Static mappings and reservations are never removed. */
	if (vm->flags & (VM_ARM_STATIC_MAPPING | VM_ARM_EMPTY_MAPPING))
		return NULL;
	va->vm = NULL;
	/* The guard page was never mapped (Linux clears it too; nothing is there to clear). */
	vunmap_range_noflush(va->va_start, va->va_start + get_vm_area_size(vm));
	free_vmap_area_noflush(va);
	return vm;
}

void free_vm_area(struct vm_struct *area)
{
	struct vm_struct *ret = remove_vm_area(area->addr);

	WARN_ON(ret != area);
	vm_obj_free(area);
}

/*
 * The page array of an area: in the rest of the vm_struct's own pool
 * object when it fits (a 16 KiB vmalloc's four pages do), else a pool
 * object of its own, else whole pages.
 */
#define VM_PAGES_IN_AREA	((VM_OBJ_SIZE - sizeof(struct vm_struct)) / sizeof(struct page *))
_Static_assert(VM_PAGES_IN_AREA >= 4, "a 16 KiB vmalloc's page array fits beside its vm_struct");

static unsigned int pages_array_order(unsigned int nr_pages)
{
	unsigned long bytes = nr_pages * sizeof(struct page *);
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < bytes)
		order++;
	return order;
}

static struct page **alloc_pages_array(struct vm_struct *area, unsigned int nr_pages)
{
	if (nr_pages <= VM_PAGES_IN_AREA)
		return (struct page **)(area + 1);
	if (nr_pages <= VM_OBJ_PAGES_INLINE)
		return vm_obj_alloc();
	return (struct page **)__get_free_pages(GFP_KERNEL | __GFP_NOWARN, pages_array_order(nr_pages));
}

static void free_pages_array(struct page **pages, unsigned int nr_pages)
{
	if (nr_pages <= VM_PAGES_IN_AREA)
		return;
	if (nr_pages <= VM_OBJ_PAGES_INLINE)
		vm_obj_free(pages);
	else
		free_pages((unsigned long)pages, pages_array_order(nr_pages));
}

/*
 * Follows Linux's __vunmap (v6.1): take the area down (lazily) and, for
 * vmalloc, give its pages back. Linux's warning for an address that is
 * no area's start.
 */
static void __vunmap(const void *addr, bool deallocate_pages)
{
	struct vm_struct *area;

	if (!addr)
		return;
	if (!IS_ALIGNED((unsigned long)addr, PAGE_SIZE)) {
		pr_err("Trying to vfree() bad address (%p)\n", addr);
		WARN_ON(true);
		return;
	}
	area = remove_vm_area(addr);
	if (!area) {
		/* Linux's words, for vunmap too. */
		pr_err("Trying to vfree() nonexistent vm area (%p)\n", addr);
		WARN_ON(true);
		return;
	}
	if (deallocate_pages && area->pages) {
		for (unsigned int i = 0; i < area->nr_pages; i++)
			__free_pages(area->pages[i], 0);
		nr_vmalloc_pages_add(-(long)area->nr_pages);
		free_pages_array(area->pages, (unsigned int)(get_vm_area_size(area) >> PAGE_SHIFT));
	}
	vm_obj_free(area);
}

void vfree(const void *addr)
{
	__vunmap(addr, true);
}

void vunmap(const void *addr)
{
	__vunmap(addr, false);
}

/* Follows Linux's warn_alloc for vmalloc's failures (v6.1): the message, who, what is free. */
static __printf(2, 3) void vmalloc_warn(gfp_t gfp, const char *fmt, ...)
{
	char msg[112];
	va_list ap;

	if (gfp & __GFP_NOWARN)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	pr_warn("swapper: %s, mode:0x%x(%s), nodemask=(null)\n", msg, gfp,
		(gfp & __GFP_ZERO) ? "GFP_KERNEL|__GFP_ZERO" : "GFP_KERNEL");
	dump_stack();
	show_free_areas();
}

/*
 * Follows Linux's __vmalloc_area_node (v6.1): the page array, one page
 * at a time (highmem first unless the caller asked for DMA), mapped
 * read/write and never executable (PAGE_KERNEL).
 */
static void *__vmalloc_area_node(struct vm_struct *area, gfp_t gfp, unsigned long real_size)
{
	unsigned int nr_pages = (unsigned int)(get_vm_area_size(area) >> PAGE_SHIFT);
	gfp_t page_gfp = gfp | __GFP_NOWARN;
	unsigned long addr = (unsigned long)area->addr;

	if (!(gfp & __GFP_DMA))
		page_gfp |= __GFP_HIGHMEM;
	area->pages = alloc_pages_array(area, nr_pages);
	if (!area->pages) {
		vmalloc_warn(gfp, "vmalloc error: size %lu, failed to allocated page array size %zu",
			     real_size, nr_pages * sizeof(struct page *));
		goto fail;
	}
	for (area->nr_pages = 0; area->nr_pages < nr_pages; area->nr_pages++) {
		struct page *page = alloc_pages(page_gfp, 0);

		if (!page) {
			vmalloc_warn(gfp, "vmalloc error: size %lu, page order %u, failed to allocate pages",
				     area->nr_pages * PAGE_SIZE, 0u);
			goto fail;
		}
		area->pages[area->nr_pages] = page;
		nr_vmalloc_pages_add(1);
	}
	if (vmap_pages_range(addr, addr + get_vm_area_size(area), mem_types[MT_MEMORY_RW].prot_pte,
			     area->pages) < 0) {
		vmalloc_warn(gfp, "vmalloc error: size %lu, failed to map pages", get_vm_area_size(area));
		goto fail;
	}
	return area->addr;
fail:
	if (!area->pages) {
		free_vm_area(area);
		return NULL;
	}
	vfree(area->addr);
	return NULL;
}

void *__vmalloc_node_range(unsigned long size, unsigned long align, unsigned long start,
			   unsigned long end, gfp_t gfp_mask, unsigned long vm_flags,
			   const void *caller)
{
	unsigned long real_size = size;
	struct vm_struct *area;

	size = PAGE_ALIGN(size);
	if (!size || (size >> PAGE_SHIFT) > totalram_pages()) {
		vmalloc_warn(gfp_mask, "vmalloc error: size %lu, exceeds total pages", real_size);
		return NULL;
	}
	area = __get_vm_area_node(size, align, VM_ALLOC | vm_flags, start, end, gfp_mask, caller);
	if (!area) {
		vmalloc_warn(gfp_mask, "vmalloc error: size %lu, vm_struct allocation failed", real_size);
		return NULL;
	}
	return __vmalloc_area_node(area, gfp_mask, real_size);
}

static void *__vmalloc_node(unsigned long size, gfp_t gfp, const void *caller)
{
	return __vmalloc_node_range(size, PAGE_SIZE, vmalloc_area_start(), VMALLOC_END, gfp, 0, caller);
}

/* Follows Linux's vmalloc (v6.1). */
void *vmalloc(unsigned long size)
{
	return __vmalloc_node(size, GFP_KERNEL, __builtin_return_address(0));
}

/* Follows Linux's vzalloc (v6.1): zeroed pages. */
void *vzalloc(unsigned long size)
{
	return __vmalloc_node(size, GFP_KERNEL | __GFP_ZERO, __builtin_return_address(0));
}

/* Follows Linux's vmalloc_node (v6.1): one node here, so vmalloc. */
void *vmalloc_node(unsigned long size, int node)
{
	(void)node;
	return __vmalloc_node(size, GFP_KERNEL, __builtin_return_address(0));
}

/*
 * Follows Linux's vmalloc_32 (v6.1): GFP_VMALLOC32 is GFP_KERNEL on 32-bit
 * ARM (no ZONE_DMA32), and __vmalloc_area_node adds __GFP_HIGHMEM to it.
 */
void *vmalloc_32(unsigned long size)
{
	return __vmalloc_node(size, GFP_KERNEL, __builtin_return_address(0));
}

/* Follows Linux's vmap (v6.1): count pages the caller owns, mapped with prot at one new area. */
void *vmap(struct page **pages, unsigned int count, unsigned long flags, pgprot_t prot)
{
	struct vm_struct *area;
	unsigned long addr;

	if (!count || count > totalram_pages())
		return NULL;
	area = get_vm_area_caller((unsigned long)count << PAGE_SHIFT, flags | VM_MAP,
				  __builtin_return_address(0));
	if (!area)
		return NULL;
	addr = (unsigned long)area->addr;
	if (vmap_pages_range(addr, addr + ((unsigned long)count << PAGE_SHIFT),
			     pgprot_val(prot), pages) < 0) {
		vunmap(area->addr);
		return NULL;
	}
	return area->addr;
}

/* Follows Linux's vmalloc_to_page (v6.1): the page a vmalloc address maps, from the tables. */
struct page *vmalloc_to_page(const void *vmalloc_addr)
{
	unsigned long addr = (unsigned long)vmalloc_addr;
	pmd_t *pmdp = pmd_off_k(addr);
	pte_t pte;

	if ((pmd_val(*pmdp) & PMD_TYPE_MASK) != PMD_TYPE_TABLE)
		return NULL;
	pte = *pte_offset_kernel(pmdp, addr);
	if (!(pte_val(pte) & L_PTE_PRESENT) || !pfn_valid((unsigned long)pte_pfn(pte)))
		return NULL;
	return pfn_to_page((unsigned long)pte_pfn(pte));
}

unsigned long vmalloc_nr_pages(void)
{
	return nr_vmalloc_pages;
}

/* Follows Linux's meminfo_proc_show's Vmalloc lines (v6.1): VmallocChunk is always 0 there. */
void vmalloc_meminfo(struct vmalloc_meminfo *info)
{
	info->total_kb = (VMALLOC_END - vmalloc_area_start()) >> 10;
	info->used_kb = nr_vmalloc_pages << (PAGE_SHIFT - 10);
	info->chunk_kb = 0;
}
