/*
 * kmap and kmap_local. Follows Linux's mm/highmem.c (v6.x): pkmap_count[]
 * with 0 = free and no stale TLB entry, 1 = free but maybe still in the
 * TLB, n > 1 = n - 1 users; stale entries are cleared and the TLB
 * invalidated only when the search wraps (flush_all_zero_pkmaps).
 */
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <asm/fixmap.h>
#include <asm/mem_types.h>
#include <asm/mmu.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>

#ifdef CONFIG_HIGHMEM
static unsigned int pkmap_count[LAST_PKMAP];
static struct page *pkmap_page[LAST_PKMAP];
static unsigned int last_pkmap_nr;
#endif
static struct page *kmap_local_pages[KM_MAX_IDX];
static unsigned int kmap_local_idx;

#define PKMAP_ADDR(nr)		(PKMAP_BASE + ((unsigned long)(nr) << PAGE_SHIFT))
#define PKMAP_NR(addr)		(((addr) - PKMAP_BASE) >> PAGE_SHIFT)

static pte_t kernel_pte(const struct page *page)
{
	return pfn_pte(page_to_pfn(page), __pgprot(mem_types[MT_MEMORY_RW].prot_pte));
}

/* Follows Linux's page_address (mm/highmem.c, v6.x, hashed): the linear map, or where it is kmapped. */
void *page_address(const struct page *page)
{
	if (!PageHighMem(page))
		return __va(page_to_phys(page));
#ifdef CONFIG_HIGHMEM
	for (unsigned int i = 0; i < LAST_PKMAP; i++)
		if (pkmap_page[i] == page && pkmap_count[i] > 1)
			return (void *)PKMAP_ADDR(i);
#endif
	for (unsigned int i = 0; i < kmap_local_idx; i++)
		if (kmap_local_pages[i] == page)
			return (void *)fix_to_virt(FIX_KMAP_BEGIN + i);
	return NULL;
}

#ifdef CONFIG_HIGHMEM
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
		local_flush_tlb_all();
}

/* Follows Linux's map_new_virtual (v6.x), but fails where Linux would sleep. */
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
#endif

/* Follows Linux's kmap (v6.x). */
void *kmap(struct page *page)
{
#ifdef CONFIG_HIGHMEM
	unsigned long vaddr;

	if (!PageHighMem(page))
		return page_address(page);
	vaddr = 0;
	for (unsigned int i = 0; i < LAST_PKMAP; i++)
		if (pkmap_page[i] == page && pkmap_count[i]) {
			vaddr = PKMAP_ADDR(i);
			break;
		}
	if (!vaddr) {
		void *p = map_new_virtual(page);

		if (!p)
			return NULL;
		vaddr = (unsigned long)p;
	}
	pkmap_count[PKMAP_NR(vaddr)]++;
	return (void *)vaddr;
#else
	return page_address(page);
#endif
}

/* Follows Linux's kunmap (v6.x): the entry stays mapped (count 1) until the pool wraps. */
void kunmap(struct page *page)
{
#ifdef CONFIG_HIGHMEM
	if (!PageHighMem(page))
		return;
	for (unsigned int i = 0; i < LAST_PKMAP; i++)
		if (pkmap_page[i] == page && pkmap_count[i] > 1) {
			pkmap_count[i]--;
			return;
		}
	WARN_ON(1);	/* not kmapped */
#else
	(void)page;
#endif
}

/* Follows Linux's kmap_local_page (v6.x): lowmem needs no slot; highmem takes the next fixmap slot. */
void *kmap_local_page(struct page *page)
{
	unsigned long vaddr;

	if (!PageHighMem(page))
		return page_address(page);
	if (kmap_local_idx >= KM_MAX_IDX)
		panic("kmap_local: more than %d nested mappings", KM_MAX_IDX);
	vaddr = fix_to_virt(FIX_KMAP_BEGIN + kmap_local_idx);
	set_pte_ext(fixmap_pte(vaddr), kernel_pte(page), 0);
	local_flush_tlb_kernel_page(vaddr);
	kmap_local_pages[kmap_local_idx++] = page;
	return (void *)vaddr;
}

/* Follows Linux's kunmap_local (v6.x): only the most recent slot may be released. */
void kunmap_local(void *addr)
{
	unsigned long vaddr = (unsigned long)addr & PAGE_MASK;
	unsigned long top;

	if (vaddr < fix_to_virt(FIX_KMAP_END) || vaddr > fix_to_virt(FIX_KMAP_BEGIN))
		return;		/* a lowmem page: nothing was mapped */
	top = fix_to_virt(FIX_KMAP_BEGIN + kmap_local_idx - 1);
	if (WARN_ON(!kmap_local_idx || vaddr != top))
		return;
	set_pte_ext(fixmap_pte(vaddr), __pte(0), 0);
	local_flush_tlb_kernel_page(vaddr);
	kmap_local_pages[--kmap_local_idx] = NULL;
}

unsigned int kmap_pkmap_in_use(void)
{
	unsigned int n = 0;

#ifdef CONFIG_HIGHMEM
	for (unsigned int i = 0; i < LAST_PKMAP; i++)
		n += pkmap_count[i] > 1;
#endif
	return n;
}

unsigned int kmap_local_depth(void)
{
	return kmap_local_idx;
}
