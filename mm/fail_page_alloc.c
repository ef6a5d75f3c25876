/*
 * fail_page_alloc: alloc_pages fails on purpose, as Linux's
 * fail_page_alloc (mm/page_alloc.c, v6.1) makes it, through the decisions
 * of lib/fault-inject.c. See linux/fault-inject.h for the options.
 */
#include <linux/fault-inject.h>
#include <linux/kernel.h>
#include <asm/setup.h>

/*
 * Linux 6.1's defaults: orders 0 and requests that may use highmem never
 * fail. Linux also spares requests that may reclaim (ignore-gfp-wait);
 * this allocator has no reclaim and no such flag, so every request is
 * like Linux's GFP_NOWAIT to it.
 */
struct fail_page_alloc_attr fail_page_alloc = {
	.attr = FAULT_ATTR_INITIALIZER("fail_page_alloc"),
	.ignore_gfp_highmem = true,
	.min_order = 1,
};

/* Follows Linux's setup_fail_page_alloc (mm/page_alloc.c, v6.1). */
static int __init setup_fail_page_alloc(char *str)
{
	setup_fault_attr(&fail_page_alloc.attr, str);
	/* Linux's handler does not claim the option when it cannot read it; there is nothing to hand it on to here. */
	return 0;
}
early_param("fail_page_alloc", setup_fail_page_alloc);

/* Not in Linux (whose draws are not reproducible): the seed of the draws. */
static int __init setup_fail_page_alloc_seed(char *str)
{
	return setup_fault_attr_seed(&fail_page_alloc.attr, str);
}
early_param("fail_page_alloc.seed", setup_fail_page_alloc_seed);

/* Follows Linux's __should_fail_alloc_page (mm/page_alloc.c, v6.1). */
bool __should_fail_alloc_page(gfp_t gfp, unsigned int order)
{
	if (order < fail_page_alloc.min_order)
		return false;
	if (gfp & __GFP_NOFAIL)
		return false;
	if (fail_page_alloc.ignore_gfp_highmem && (gfp & __GFP_HIGHMEM))
		return false;
	return should_fail_ex(&fail_page_alloc.attr, 1L << order,
			      (gfp & __GFP_NOWARN) ? FAULT_NOWARN : 0);
}
