/*
 * Pages for the page tables made after boot. Linux's pte_alloc_one_kernel
 * takes any lowmem page from the buddy allocator, and so do we, unless
 * lowmem reaches past PGTABLE_PHYS_LIMIT (asm/pgalloc.h: QEMU cannot walk
 * a level-3 table above 4 GiB). The buddy allocator hands out its highest
 * pages first and has no way to ask for a page below an address, so then
 * paging_init sets aside, below the limit, one page for each PMD of the
 * vmalloc area (every PTE table it can ever need) and a few for the user
 * tables of the tests; those pages serve every request instead. They are
 * memblock-reserved: the Memory: line counts them as reserved. A free one
 * holds the address of the next in its first word (mem_map does not exist
 * yet when they are set aside).
 */
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <asm/pgalloc.h>

/* User tables (mm/uaccess.c) the tests map at once, beyond the vmalloc area's. */
#define PGTABLE_POOL_USER_TABLES	4

static void *pool_free;
static phys_addr_t pool_start, pool_end;

void pgtable_pool_init(void)
{
	u64 limit = memblock.current_limit;	/* 64 bits in both formats */
	unsigned long tables;
	void *pool;

	if (limit <= PGTABLE_PHYS_LIMIT)
		return;
	tables = (VMALLOC_END - vmalloc_area_start()) / PMD_SIZE + PGTABLE_POOL_USER_TABLES;
	pool = memblock_alloc_try_nid(tables * PAGE_SIZE, PAGE_SIZE, MEMBLOCK_LOW_LIMIT,
				      (phys_addr_t)PGTABLE_PHYS_LIMIT, NUMA_NO_NODE);
	if (!pool)
		panic("%s: Failed to allocate %lu bytes below 4 GiB for page tables", __func__,
		      tables * PAGE_SIZE);
	pool_start = __pa(pool);
	pool_end = pool_start + tables * PAGE_SIZE;
	for (unsigned long i = tables; i-- > 0;) {
		void **table = (void **)((char *)pool + i * PAGE_SIZE);

		*table = pool_free;
		pool_free = table;
	}
}

bool pte_table_from_pool(const pte_t *pte)
{
	phys_addr_t phys = __pa(pte);

	return phys >= pool_start && phys < pool_end;
}

/* Follows Linux's pte_alloc_one_kernel (v6.1), from the pool when there is one. */
pte_t *pte_alloc_one_kernel(void)
{
	void **table = pool_free;

	if (!pool_end)
		return (pte_t *)__get_free_page(GFP_KERNEL | __GFP_ZERO);
	if (!table) {
		pr_warn("page tables: no page left below 4 GiB for a PTE table\n");
		return NULL;
	}
	pool_free = *table;
	memset(table, 0, PAGE_SIZE);
	return (pte_t *)table;
}

/* Follows Linux's pte_free_kernel (v6.1). */
void pte_free_kernel(pte_t *pte)
{
	if (pte_table_from_pool(pte)) {
		*(void **)pte = pool_free;
		pool_free = pte;
	} else
		free_page((unsigned long)pte);
}
