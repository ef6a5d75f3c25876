/*
 * paging_init and create_mapping: what to map and how (the policy; the
 * formats are behind asm/pgtable.h). Follows Linux's arch/arm/mm/mmu.c
 * (v6.x).
 *
 * paging_init replaces what head.S mapped with the final kernel tables, in
 * swapper_pg_dir itself: it clears what head.S left below PAGE_OFFSET and
 * beyond the first bank (its identity map), maps all of lowmem except the
 * kernel's own sections (only into entries that were empty: the clearing
 * is followed by a TLB invalidate), gives the kernel's sections their
 * final permissions (W^X), remaps CMA areas with pages, moves the fixmap
 * off its static page, maps the vectors, the DTB and the machine's
 * devices, and allocates the pkmap and fixmap PTE pages. Where an entry
 * changes size or memory type it is cleared and the TLB invalidated before
 * the new one is written (break-before-make, ARM ARM B3.10.1).
 */
#include <linux/dma-map-ops.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <asm/bootstats.h>
#include <asm/cp15.h>
#include <asm/fixmap.h>
#include <asm/layout.h>
#include <asm/mach/arch.h>
#include <asm/lowmem.h>
#include <asm/mem_types.h>
#include <asm/memory.h>
#include <asm/mmu.h>
#include <asm/pgalloc.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/setup.h>
#include <asm/static_vm.h>
#include <asm/system.h>
#include <asm/tlbflush.h>
#include <asm/traps.h>


/* Physical bounds of the kernel's head.S sections (Linux 6.x's kernel_sec_start/end). */
phys_addr_t kernel_sec_start, kernel_sec_end;

/* PGTABLE_PHYS_LIMIT (asm/pgalloc.h): QEMU walks no level-3 table above 4 GiB. */

/* Follows Linux's early_alloc (arch/arm/mm/mmu.c, v6.x): zeroed, size-aligned, or a panic. */
__noinline static void *early_alloc(unsigned long sz)
{
	u64 limit = memblock.current_limit;	/* 64 bits in both formats */
	phys_addr_t max_addr = MEMBLOCK_ALLOC_ACCESSIBLE;
	void *ptr;

	if (limit > PGTABLE_PHYS_LIMIT)
		max_addr = (phys_addr_t)PGTABLE_PHYS_LIMIT;
	ptr = memblock_alloc_try_nid(sz, sz, MEMBLOCK_LOW_LIMIT, max_addr, NUMA_NO_NODE);

	if (!ptr) {
		memblock_show_free();
		panic("%s: Failed to allocate %lu bytes align=0x%lx\n", __func__, sz, sz);
	}
	return ptr;
}

/* Follows Linux's arm_pte_alloc (v6.x): the PTE page of a PMD, allocated if there is none. */
static pte_t *early_pte_alloc(pmd_t *pmdp, unsigned long addr, pmdval_t prot)
{
	if (!pmdp->pmd) {
		pte_t *pte = early_alloc(PAGE_SIZE);

		__pmd_populate(pmdp, __pa(pte), prot);
	}
	/* A section where a table is needed would be read as one: refuse (Linux: BUG). */
	if ((pmdp->pmd & PMD_TYPE_MASK) != PMD_TYPE_TABLE)
		panic("%s: PMD for 0x%08lx holds 0x%llx, not a table\n", __func__, addr,
		      (unsigned long long)pmdp->pmd);
	return pte_offset_kernel(pmdp, addr);
}

/* Follows Linux's alloc_init_pte (v6.x): one PTE per page of [addr, end). */
static void alloc_init_pte(pmd_t *pmdp, unsigned long addr, unsigned long end,
			   unsigned long pfn, const struct mem_type *type)
{
	pte_t *ptep = early_pte_alloc(pmdp, addr, type->prot_l1);

	do {
		set_pte_ext(ptep, pfn_pte(pfn, __pgprot(type->prot_pte)), 0);
		pfn++;
	} while (ptep++, addr += PAGE_SIZE, addr != end);
}

/*
 * Follows Linux's __map_init_section (v6.x): section entries. In classic
 * builds a PMD is two hardware entries, and an address in the odd MiB
 * starts at the second (pmd_section_k).
 */
static void __map_init_section(unsigned long addr, unsigned long end,
			       phys_addr_t phys, const struct mem_type *type)
{
	pmd_t *pmdp = pmd_section_k(addr), *p = pmdp;

	do {
		pmdp->pmd = (pmdval_t)phys | type->prot_sect;
		phys += SECTION_SIZE;
	} while (pmdp++, addr += SECTION_SIZE, addr != end);
	flush_pmd_entry(p);
}

/*
 * Not in Linux: whether [addr, addr + LARGE_BLOCK_SIZE) can be one large
 * block (a supersection or a contiguous run): both addresses aligned to
 * it, all of it wanted, and attributes that allow it.
 */
static bool large_block_fits(unsigned long addr, unsigned long end, phys_addr_t phys,
			     const struct mem_type *type)
{
	return LARGE_MAPPINGS && large_block_allowed(type->prot_sect, type->domain) &&
	       !(addr & (LARGE_BLOCK_SIZE - 1)) && !(phys & (phys_addr_t)(LARGE_BLOCK_SIZE - 1)) &&
	       end - addr >= LARGE_BLOCK_SIZE;
}

/*
 * Follows Linux's alloc_init_pmd (v6.x): sections where everything is
 * section-aligned, pages elsewhere; and (not in Linux) large blocks where
 * large_block_fits.
 */
static void alloc_init_pmd(unsigned long addr, unsigned long end, phys_addr_t phys,
			   const struct mem_type *type)
{
	do {
		unsigned long next = (addr + PMD_SIZE) & PMD_MASK;

		if (next - 1 > end - 1)
			next = end;
		if (large_block_fits(addr, end, phys, type)) {
			set_large_block(addr, phys, type->prot_sect);
			next = addr + LARGE_BLOCK_SIZE;
		} else if (type->prot_sect && !((addr | next | (unsigned long)phys) & ~SECTION_MASK))
			__map_init_section(addr, next, phys, type);
		else
			alloc_init_pte(pmd_off_k(addr), addr, next, (unsigned long)(phys >> PAGE_SHIFT), type);
		phys += next - addr;
		addr = next;
	} while (addr != end);
}

/*
 * Follows Linux's create_mapping (arch/arm/mm/mmu.c, v6.x), without its
 * create_36bit_mapping (classic supersections for devices above 4 GiB:
 * this board has none). The large blocks of CONFIG_LARGE_MAPPINGS come
 * from alloc_init_pmd.
 */
void create_mapping(const struct map_desc *md)
{
	const struct mem_type *type = get_mem_type(md->type);
	phys_addr_t phys = (phys_addr_t)md->pfn << PAGE_SHIFT;
	unsigned long addr, length;

	if (md->virtual != VECTORS_BASE && md->virtual < TASK_SIZE) {
		pr_warn("BUG: not creating mapping for 0x%08llx at 0x%08lx in user region\n",
			(unsigned long long)phys, md->virtual);
		return;
	}
	if (md->type == MT_DEVICE && md->virtual >= PAGE_OFFSET && md->virtual < FIXADDR_START &&
	    (md->virtual < vmalloc_start((unsigned long)high_memory) || md->virtual >= VMALLOC_END))
		pr_warn("BUG: mapping for 0x%08llx at 0x%08lx out of vmalloc space\n",
			(unsigned long long)phys, md->virtual);

	addr = md->virtual & PAGE_MASK;
	length = (md->length + (md->virtual & ~PAGE_MASK) + PAGE_SIZE - 1) & PAGE_MASK;
	if (!type || (!type->prot_l1 && ((addr | length | (unsigned long)phys) & ~SECTION_MASK))) {
		pr_warn("BUG: map for 0x%08llx at 0x%08lx can not be mapped using pages, ignoring.\n",
			(unsigned long long)phys, addr);
		return;
	}
	alloc_init_pmd(addr, addr + length, phys & ~(phys_addr_t)~PAGE_MASK, type);
}

/*
 * Follows Linux's prepare_page_table (arch/arm/mm/mmu.c, v6.x): no user
 * or module mappings, and nothing between the first bank's lowmem and the
 * vmalloc area. Where the VMSPLIT puts head.S's identity map inside lowmem
 * (1G split with more than 1 GiB of RAM) its PMD is cleared too, so that
 * map_lowmem only ever fills empty entries.
 */
static void clear_idmap_pmd(phys_addr_t pa)
{
	unsigned long idmap = (unsigned long)pa & PMD_MASK;

	/* Only where the identity map is not also the linear map (it is with the 2G split). */
	if (idmap >= PAGE_OFFSET && __phys_to_virt(idmap) != idmap)
		pmd_clear(pmd_off_k(idmap));
}

static void prepare_page_table(void)
{
	phys_addr_t end = memblock.memory.regions[0].base + memblock.memory.regions[0].size;
	unsigned long addr;

	for (addr = 0; addr < PAGE_OFFSET; addr += PMD_SIZE)
		pmd_clear(pmd_off_k(addr));
	if (end >= arm_lowmem_limit)
		end = arm_lowmem_limit;
	/* From the first whole PMD after the first bank's lowmem (0: it reaches the top) to VMALLOC_START. */
	addr = ALIGN(__phys_to_virt(end), PMD_SIZE);
	for (; addr && addr < vmalloc_start((unsigned long)high_memory); addr += PMD_SIZE)
		pmd_clear(pmd_off_k(addr));
	clear_idmap_pmd(__pa(__turn_mmu_on));
	clear_idmap_pmd(__pa(__turn_mmu_on_end));
	/* Break before make: nothing cleared above may still be in the TLB when map_lowmem fills it. */
	flush_tlb_all();
}

/* create_mapping for one range: length bytes of phys at virt. */
static void map_one(unsigned long virt, phys_addr_t phys, unsigned long length, enum mem_type_id type)
{
	struct map_desc md = {
		.virtual = virt,
		.pfn = (unsigned long)(phys >> PAGE_SHIFT),
		.length = length,
		.type = type,
	};

	create_mapping(&md);
}

/* The linear-map range [start, end) of lowmem, if not empty. */
static void map_range(phys_addr_t start, phys_addr_t end, enum mem_type_id type)
{
	if (end > start)
		map_one(__phys_to_virt(start), start, (unsigned long)(end - start), type);
}

/*
 * Follows Linux's map_lowmem (arch/arm/mm/mmu.c, v6.x): every mappable
 * (not NOMAP) bank of lowmem, read/write and never executable, except the
 * kernel's sections. Linux 6.1 stops after a bank that contains the kernel
 * strictly inside it and leaves later banks unmapped; here every bank is
 * mapped (docs/linux-parity.md).
 */
static void map_lowmem(void)
{
	phys_addr_t start, end;
	u64 i;

	for_each_mem_range(i, &start, &end) {
		if (end > arm_lowmem_limit)
			end = arm_lowmem_limit;
		if (start >= end)
			break;
		if (end <= kernel_sec_start || start >= kernel_sec_end) {
			map_range(start, end, MT_MEMORY_RW);
			continue;
		}
		map_range(start, kernel_sec_start, MT_MEMORY_RW);
		map_range(kernel_sec_end, end, MT_MEMORY_RW);
	}
}

/*
 * Follows Linux's map_kernel (arch/arm/mm/mmu.c, v6.x), with the
 * permissions Linux's mark_rodata_ro gives later applied at once: the
 * sections before the text (swapper_pg_dir, head code) and from
 * __init_end on read/write and never executable, the text read-only and
 * executable, rodata read-only and never executable. The init sections
 * are read/write and executable, as in Linux, until free_initmem makes
 * them never executable (fix_kernmem_perms) and frees them: code marked
 * __init stays callable until then. The entries are head.S's, rewritten
 * with the same output address, size and memory type: only permissions
 * change, which needs no break-before-make (ARM ARM B3.10.1), just the
 * TLB invalidate that follows.
 */
static void map_kernel(void)
{
	map_range(kernel_sec_start, __pa(_stext), MT_MEMORY_RW);
	map_range(__pa(_stext), __pa(__start_rodata), MT_MEMORY_RX);
	map_range(__pa(__start_rodata), __pa(__init_begin), MT_MEMORY_RO);
	map_range(__pa(__init_begin), __pa(__init_end), MT_MEMORY_RWX);
	map_range(__pa(__init_end), kernel_sec_end, MT_MEMORY_RW);
	flush_tlb_all();
}

/*
 * Follows Linux's fix_kernmem_perms (arch/arm/mm/init.c, v6.1), called by
 * free_initmem: the init sections become never executable (their own
 * sections, as the linker script aligns them), the last W+X mapping gone.
 */
void fix_kernmem_perms(void)
{
	map_range(__pa(__init_begin), __pa(__init_end), MT_MEMORY_RW);
	flush_tlb_all();
}

/*
 * Follows Linux's early_fixmap_shutdown (arch/arm/mm/mmu.c, v6.x): the
 * fixmap's PMD moves from the static bm_pte to a PTE page from memblock,
 * with the permanent slots in use (the console's) mapped again as
 * MT_DEVICE; the PMD gets MT_DEVICE's table protection, as Linux's
 * create_mapping gives it.
 *
 * Linux clears the PMD first and then lets create_mapping allocate, so the
 * console is unmapped while memblock=debug reports that allocation: with
 * earlycon, Linux 6.1 hangs there. Here the page is allocated and filled
 * first, then swapped in with nothing printed in between.
 */
static void early_fixmap_shutdown(void)
{
	pmd_t *pmdp = pmd_off_k(FIXADDR_TOP);
	pte_t *ptes = NULL;

	for (unsigned int i = 0; i < __end_of_permanent_fixed_addresses; i++) {
		unsigned long va = fix_to_virt(i);
		pte_t old = *fixmap_pte(va);

		if (!pte_val(old) || (pte_val(old) & L_PTE_MT_MASK) != L_PTE_MT_DEV_SHARED)
			continue;
		if (!ptes)
			ptes = early_alloc(PAGE_SIZE);
		set_pte_ext(&ptes[pte_index(va)],
			    pfn_pte(pte_pfn(old), __pgprot(mem_types[MT_DEVICE].prot_pte)), 0);
	}

	fixmap_use_tables();
	pmd_clear(pmdp);
	/* Break before make (ARM ARM B3.10.1): no walk may still use bm_pte. */
	flush_tlb_all();
	if (ptes) {
		dsb(ishst);	/* the new entries are visible to the table walk before the PMD */
		__pmd_populate(pmdp, __pa(ptes), mem_types[MT_DEVICE].prot_l1);
	}
}

/*
 * Follows Linux's fill_pmd_gaps (arch/arm/mm/mmu.c, v6.x). Classic only
 * (with LPAE a PMD is one section): a static mapping that covers only one
 * MiB of a PMD's two leaves the other hardware entry empty; reserve it, so
 * nothing later puts a PTE page in a PMD that holds a section.
 */
static bool odd_section_start(unsigned long addr)
{
	return !(addr & ~SECTION_MASK) && pmd_section_k(addr) != pmd_off_k(addr);
}

static void fill_pmd_gaps(void)
{
	unsigned long next = 0;

	for (struct static_vm *svm = static_vmlist; svm; svm = svm->next) {
		unsigned long addr = svm->addr;

		if (addr < next)
			continue;
		/* Starts in the odd MiB: is the even one empty? */
		if (odd_section_start(addr) && !pmd_off_k(addr)->pmd)
			vm_reserve_area_early(addr & PMD_MASK, SECTION_SIZE, "pmd_empty_section_gap");
		/* Ends where the odd MiB starts: is the odd one empty? */
		addr += svm->size;
		if (odd_section_start(addr) && !pmd_section_k(addr)->pmd)
			vm_reserve_area_early(addr, SECTION_SIZE, "pmd_empty_section_gap");
		next = (addr + PMD_SIZE - 1) & PMD_MASK;
	}
}

/* Follows Linux's pci_reserve_io (arch/arm/mm/mmu.c, v6.x): keep the PCI I/O window out of vmalloc. */
static void pci_reserve_io(void)
{
	if (!find_static_vm_vaddr(PCI_IO_VIRT_BASE))
		vm_reserve_area_early(PCI_IO_VIRT_BASE, SZ_2M, "pci_reserve_io");
}

/*
 * Follows Linux's devicemaps_init (arch/arm/mm/mmu.c, v6.x): the vector
 * and stubs pages, the DTB read-only at FDT_FIXED_BASE (Linux 6.x), and the
 * machine's static device mappings if it has any (vexpress has none), in
 * place of head.S's windows. The vector page is mapped as Linux maps it
 * with kuser helpers (as Debian's kernels are built): MT_HIGH_VECTORS.
 * Then the CPU takes exceptions through it (SCTLR.V; head.S left it clear
 * and used VBAR).
 */
static void devicemaps_init(const struct machine_desc *mdesc)
{
	void *vectors = early_alloc(2 * PAGE_SIZE);
	unsigned long addr;

	early_trap_init(vectors);

	/* Everything from the vmalloc area up to the fixmap's top PMD: head.S's DTB and I/O windows. */
	for (addr = vmalloc_start((unsigned long)high_memory); addr < (FIXADDR_TOP & PMD_MASK); addr += PMD_SIZE)
		pmd_clear(pmd_off_k(addr));
	/* The DTB window comes back read-only, other attributes than head.S's: break before make (B3.10.1). */
	flush_tlb_all();

	if (__atags_pointer)
		map_one(FDT_FIXED_BASE, __atags_pointer & SECTION_MASK, FDT_FIXED_SIZE, MT_MEMORY_RO);

	map_one(VECTORS_BASE, __pa(vectors), PAGE_SIZE, MT_HIGH_VECTORS);
	map_one(VECTORS_BASE + PAGE_SIZE, __pa(vectors) + PAGE_SIZE, PAGE_SIZE, MT_LOW_VECTORS);

	if (mdesc && mdesc->map_io)
		mdesc->map_io();
	fill_pmd_gaps();
	pci_reserve_io();

	/*
	 * Linux also cleans the whole data cache here (flush_cache_all); the
	 * ARMv7 data cache is PIPT, and early_trap_init already made the
	 * vectors visible to instruction fetch.
	 */
	flush_tlb_all();
	set_cr(get_cr() | CR_V);
	/* Linux's early_abt_enable: asynchronous aborts can be taken now that there are vectors. */
	__asm__ __volatile__("cpsie a" : : : "memory");
}

pte_t *pkmap_page_table;

/*
 * Follows Linux's kmap_init (arch/arm/mm/mmu.c, v6.x): the PTE page of the
 * pkmap area (kmap's window onto highmem, the 2 MiB below PAGE_OFFSET) and
 * the one of the fixmap's lower PMD, allocated now while memblock can.
 */
static void kmap_init(void)
{
	if (IS_ENABLED(CONFIG_HIGHMEM))
		pkmap_page_table = early_pte_alloc(pmd_off_k(PKMAP_BASE), PKMAP_BASE, _PAGE_KERNEL_TABLE);
	early_pte_alloc(pmd_off_k(FIXADDR_START), FIXADDR_START, _PAGE_KERNEL_TABLE);
}

/*
 * The kernel stack from the end of setup_arch on (no Linux counterpart for
 * the boot task; Linux's VMAP_STACK maps task stacks this way): THREAD_SIZE
 * from memblock, mapped with pages at BOOT_STACK_VIRT, the page below left
 * unmapped and reserved so that nothing else is ever mapped there. Called
 * by setup_arch after paging_init, so paging_init's allocations stay
 * Linux's.
 */
void map_boot_stack(void)
{
	void *stack = early_alloc(THREAD_SIZE);
	struct map_desc md = {
		.virtual = BOOT_STACK_VIRT,
		.pfn = (unsigned long)(__pa(stack) >> PAGE_SHIFT),
		.length = THREAD_SIZE,
		.type = MT_MEMORY_RW,
	};

	iotable_init(&md, 1);
	vm_reserve_area_early(BOOT_STACK_GUARD, PAGE_SIZE, "boot stack guard");
}

/*
 * Not in Linux: the DTB window onto a new copy of the DTB at the same
 * offset in its section, so that initial_boot_params and every pointer
 * into the DTB stay good. Break before make, as devicemaps_init (B3.10.1).
 */
void remap_fdt_window(phys_addr_t fdt_phys)
{
	for (unsigned long addr = FDT_FIXED_BASE; addr < FDT_FIXED_BASE + FDT_FIXED_SIZE; addr += PMD_SIZE)
		pmd_clear(pmd_off_k(addr));
	local_flush_tlb_all();
	map_one(FDT_FIXED_BASE, fdt_phys & SECTION_MASK, FDT_FIXED_SIZE, MT_MEMORY_RO);
}

/* The PMD of the vector page (Linux's top_pmd) and the page of zeroes (Linux's zero_page). */
pmd_t *top_pmd;
void *zero_page;

/*
 * Follows Linux's paging_init (arch/arm/mm/mmu.c, v6.x), which ends with
 * bootmem_init (mm/init.c): the zones and mem_map.
 */
void paging_init(const struct machine_desc *mdesc)
{
	kernel_sec_start = PHYS_OFFSET;
	kernel_sec_end = ALIGN(__pa(_end), (phys_addr_t)SECTION_SIZE);
	pr_debug("physical kernel sections: 0x%08llx-0x%08llx\n",
		 (unsigned long long)kernel_sec_start, (unsigned long long)kernel_sec_end);

	bootstats_mark(BOOT_PAGING_BEGIN);
	prepare_page_table();
	map_lowmem();
	bootstats_mark(BOOT_MAP_LOWMEM_END);
	memblock_set_current_limit(arm_lowmem_limit);
	pr_debug("lowmem limit is %08llx\n", (unsigned long long)arm_lowmem_limit);
	map_kernel();
	dma_contiguous_remap();
	early_fixmap_shutdown();
	devicemaps_init(mdesc);
	kmap_init();
	top_pmd = pmd_off_k(VECTORS_BASE);
	zero_page = early_alloc(PAGE_SIZE);
	pgtable_pool_init();
	bootstats_mark(BOOT_BOOTMEM_BEGIN);
	bootmem_init();
	bootstats_mark(BOOT_BOOTMEM_END);
}
