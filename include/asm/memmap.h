/*
 * Filling mem_map: every struct page of a range set to the same reserved,
 * unused state, its lru list empty. On ARM one store-multiple writes a
 * whole struct page (the layout is checked below), so the memmap costs
 * five instructions a page (bench/); host builds of the same code use the
 * plain loop.
 */
#ifndef _ASM_MEMMAP_H
#define _ASM_MEMMAP_H

#include <linux/mm_types.h>
#include <linux/list.h>

/*
 * The words of a struct page in order: flags, lru.next, lru.prev, private,
 * mapping, index, page_type, _refcount (and memcg_data with MEMCG). The
 * store-multiple below writes them from consecutive registers.
 */
_Static_assert(sizeof(void *) != 4 || (__builtin_offsetof(struct page, flags) == 0 && __builtin_offsetof(struct page, lru) == 4 &&
	       __builtin_offsetof(struct page, private) == 12 && __builtin_offsetof(struct page, mapping) == 16 &&
	       __builtin_offsetof(struct page, index) == 20 && __builtin_offsetof(struct page, page_type) == 24 &&
	       __builtin_offsetof(struct page, _refcount) == 28),
	       "struct page's words are in the order memmap_fill stores them");

#if defined(HOST_TEST) || !defined(__arm__)
static inline void memmap_fill(struct page *page, struct page *end, unsigned long flags)
{
	for (; page < end; page++) {
		page->flags = flags;
		INIT_LIST_HEAD(&page->lru);
		page->private = 0;
		page->mapping = NULL;
		page->index = 0;
		page->page_type = 0;
		page->_refcount = 1;
#ifdef CONFIG_MEMCG
		page->memcg_data = 0;
#endif
	}
}
#else
#ifdef CONFIG_MEMCG
#define MEMMAP_FILL_REGS	"{r2-r10}"
#else
#define MEMMAP_FILL_REGS	"{r2-r9}"
#endif
/* [page, end): refcount 1, flags as given, the rest 0 (memcg_data too). */
static inline void memmap_fill(struct page *page, struct page *end, unsigned long flags)
{
	register unsigned long w0 __asm__("r2") = flags;
	register void *w1 __asm__("r3") = &page->lru;
	register void *w2 __asm__("r4") = &page->lru;
	register unsigned long w3 __asm__("r5") = 0, w4 __asm__("r6") = 0, w5 __asm__("r7") = 0;
	register unsigned long w6 __asm__("r8") = 0, w7 __asm__("r9") = 1, w8 __asm__("r10") = 0;

	if (page >= end)
		return;
	__asm__ __volatile__(
		"1:	stmia	%0!, " MEMMAP_FILL_REGS "\n"
		"	add	%1, %1, %4\n"
		"	add	%2, %2, %4\n"
		"	cmp	%0, %3\n"
		"	blo	1b\n"
		: "+r" (page), "+r" (w1), "+r" (w2)
		: "r" (end), "I" (sizeof(struct page)), "r" (w0), "r" (w3), "r" (w4), "r" (w5),
		  "r" (w6), "r" (w7), "r" (w8)
		: "cc", "memory");
}
#endif

#endif
