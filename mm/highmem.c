/*
 * kmap and kmap_local, built only with CONFIG_HIGHMEM (the stubs in
 * linux/highmem.h stand in otherwise). Follows Linux's mm/highmem.c (v6.x):
 * pkmap_count[] with 0 = free and no stale TLB entry, 1 = free but maybe
 * still in the TLB, n > 1 = n - 1 users; stale entries are cleared and the
 * TLB invalidated only when the search wraps (flush_all_zero_pkmaps).
 * The pkmap entries are shared by all CPUs: kmap_lock guards them, as
 * Linux's lock_kmap does, and the wrap's flush reaches every CPU's TLB.
 * kmap_local slots are each CPU's own: no lock, a local flush.
 */
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/spinlock.h>
#include <asm/fixmap.h>
#include <asm/mem_types.h>
#include <asm/mmu.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>

static unsigned int pkmap_count[LAST_PKMAP];
static struct page *pkmap_page[LAST_PKMAP];
static unsigned int last_pkmap_nr;
static DEFINE_SPINLOCK(kmap_lock);
/*
 * How many kmap_local slots each CPU holds (Linux keeps it per task since
 * 5.11; with no tasks here, per CPU as Linux's __kmap_atomic_idx was).
 * CPU n's slots are the n-th KM_MAX_IDX of the fixmap's, as Linux's
 * kmap_local_calc_idx numbers them.
 */
static DEFINE_PER_CPU(unsigned int, kmap_local_idx);

static unsigned long kmap_local_slot(unsigned int idx)
{
	return fix_to_virt(FIX_KMAP_BEGIN + idx + KM_MAX_IDX * smp_processor_id());
}

#define PKMAP_ADDR(nr)		(PKMAP_BASE + ((unsigned long)(nr) << PAGE_SHIFT))
#define PKMAP_NR(addr)		(((addr) - PKMAP_BASE) >> PAGE_SHIFT)

static pte_t kernel_pte(const struct page *page)
{
	return pfn_pte(page_to_pfn(page), __pgprot(mem_types[MT_MEMORY_RW].prot_pte));
}

/*
 * Follows Linux's page_address (mm/highmem.c, v6.1, HASHED_PAGE_VIRTUAL):
 * lowmem through the linear map; a highmem page at the pkmap entry
 * map_new_virtual gave it, for as long as the entry holds it, which is
 * past the last kunmap (count 1) until flush_all_zero_pkmaps clears it.
 * kmap_local slots are not recorded, as in Linux.
 */
static void *page_address_locked(const struct page *page)
{
	for (unsigned int i = 0; i < LAST_PKMAP; i++)
		if (pkmap_count[i] && pkmap_page[i] == page)
			return (void *)PKMAP_ADDR(i);
	return NULL;
}

void *page_address(const struct page *page)
{
	unsigned long flags;
	void *addr;

	if (!PageHighMem(page))
		return lowmem_page_address(page);
	spin_lock_irqsave(&kmap_lock, flags);
	addr = page_address_locked(page);
	spin_unlock_irqrestore(&kmap_lock, flags);
	return addr;
}

/* Follows Linux's flush_all_zero_pkmaps (v6.x): clear the entries nobody uses, then one TLB flush. */
static void flush_all_zero_pkmaps(void)
{
	bool flushed = false;

	for (unsigned int i = 0; i < LAST_PKMAP; i++) {
		if (pkmap_count[i] != 1)
			continue;
		pkmap_count[i] = 0;
		pkmap_page[i] = NULL;
		set_pte_ext(&pkmap_page_table[i], __pte(0), 0);
		flushed = true;
	}
	if (flushed)
		flush_tlb_kernel_range(PKMAP_ADDR(0), PKMAP_ADDR(LAST_PKMAP));
}

/* Follows Linux's map_new_virtual (v6.x), but fails where Linux would sleep. Under kmap_lock. */
static void *map_new_virtual(struct page *page)
{
	unsigned int count = LAST_PKMAP;

	for (;;) {
		last_pkmap_nr = (last_pkmap_nr + 1) & (LAST_PKMAP - 1);
		if (!last_pkmap_nr) {
			flush_all_zero_pkmaps();
			count = LAST_PKMAP;
		}
		if (!pkmap_count[last_pkmap_nr])
			break;
		if (--count == 0) {
			pr_err("kmap: all %u pkmap entries are in use; nothing to wait for here\n", LAST_PKMAP);
			return NULL;
		}
	}
	set_pte_ext(&pkmap_page_table[last_pkmap_nr], kernel_pte(page), 0);
	pkmap_count[last_pkmap_nr] = 1;
	pkmap_page[last_pkmap_nr] = page;
	return (void *)PKMAP_ADDR(last_pkmap_nr);
}

/* Follows Linux's kmap and kmap_high (v6.x): the entry the page still holds, else a new one. */
void *kmap(struct page *page)
{
	unsigned long vaddr, flags;

	if (!PageHighMem(page))
		return page_address(page);
	spin_lock_irqsave(&kmap_lock, flags);
	vaddr = (unsigned long)page_address_locked(page);
	if (!vaddr)
		vaddr = (unsigned long)map_new_virtual(page);
	if (vaddr)
		pkmap_count[PKMAP_NR(vaddr)]++;
	spin_unlock_irqrestore(&kmap_lock, flags);
	return (void *)vaddr;
}

/* Follows Linux's kunmap and kunmap_high (v6.x): the entry stays mapped (count 1) until the pool wraps. */
void kunmap(struct page *page)
{
	unsigned long vaddr, flags;

	if (!PageHighMem(page))
		return;
	spin_lock_irqsave(&kmap_lock, flags);
	vaddr = (unsigned long)page_address_locked(page);
	if (!WARN_ON(!vaddr || pkmap_count[PKMAP_NR(vaddr)] < 2))	/* else not kmapped */
		pkmap_count[PKMAP_NR(vaddr)]--;
	spin_unlock_irqrestore(&kmap_lock, flags);
}

/*
 * Where each kmap_local slot's PTE is (every CPU's slots), found on the
 * first use once the fixmap has its own PTE page (which never moves after
 * that).
 */
static pte_t *kmap_local_ptes[KM_MAX_IDX * NR_CPUS];

/*
 * Follows Linux's kmap_get_pte (mm/highmem.c, v6.1): the PTE of fixmap
 * slot @slot at @vaddr. ARM's Linux walks the page table each time
 * (KMAP_LOCAL_NON_LINEAR_PTE_ARRAY: its PTE pages hold the Linux and the
 * hardware entries apart); here the walk is done once per slot, and every
 * time only while the early fixmap is in use.
 */
static __noinline pte_t *kmap_lookup_pte(unsigned long vaddr, unsigned int slot)
{
	if (fixmap_is_early())
		return fixmap_pte(vaddr);
	kmap_local_ptes[slot] = fixmap_pte(vaddr);
	return kmap_local_ptes[slot];
}

static inline pte_t *kmap_get_pte(unsigned long vaddr, unsigned int slot)
{
	pte_t *ptep = kmap_local_ptes[slot];

	if (likely(ptep))
		return ptep;
	return kmap_lookup_pte(vaddr, slot);
}

/* This CPU's slot @idx among all the fixmap's kmap_local slots. */
static inline unsigned int kmap_local_slot_nr(unsigned int idx)
{
	return idx + KM_MAX_IDX * smp_processor_id();
}

/* Follows Linux's kmap_local_page (v6.x): lowmem needs no slot; highmem takes this CPU's next fixmap slot. */
void *kmap_local_page(struct page *page)
{
	unsigned int *idx = this_cpu_ptr(&kmap_local_idx);
	unsigned int n = *idx;
	unsigned long vaddr;

	if (!PageHighMem(page))
		return page_address(page);
	if (unlikely(n >= KM_MAX_IDX))
		panic("kmap_local: more than %d nested mappings", KM_MAX_IDX);
	vaddr = kmap_local_slot(n);
	set_pte_ext(kmap_get_pte(vaddr, kmap_local_slot_nr(n)), kernel_pte(page), 0);
	local_flush_tlb_kernel_page(vaddr);
	*idx = n + 1;
	return (void *)vaddr;
}

/* Follows Linux's kunmap_local (v6.x): only the most recent slot may be released. */
void kunmap_local(void *addr)
{
	unsigned int *idx = this_cpu_ptr(&kmap_local_idx);
	unsigned int n = *idx;
	unsigned long vaddr = (unsigned long)addr & PAGE_MASK;

	if (vaddr < fix_to_virt(FIX_KMAP_END) || vaddr > fix_to_virt(FIX_KMAP_BEGIN))
		return;		/* a lowmem page: nothing was mapped */
	if (WARN_ON(!n || vaddr != kmap_local_slot(n - 1)))
		return;
	set_pte_ext(kmap_get_pte(vaddr, kmap_local_slot_nr(n - 1)), __pte(0), 0);
	local_flush_tlb_kernel_page(vaddr);
	*idx = n - 1;
}

unsigned int kmap_pkmap_in_use(void)
{
	unsigned int n = 0;
	unsigned long flags;

	spin_lock_irqsave(&kmap_lock, flags);
	for (unsigned int i = 0; i < LAST_PKMAP; i++)
		n += pkmap_count[i] > 1;
	spin_unlock_irqrestore(&kmap_lock, flags);
	return n;
}

unsigned int kmap_local_depth(void)
{
	return *this_cpu_ptr(&kmap_local_idx);
}
