/*
 * Failures on purpose: Linux's fault-injection framework (lib/fault-inject.c,
 * include/linux/fault-inject.h, v6.1) and the page allocator's user of it,
 * fail_page_alloc (mm/fail_page_alloc.c). Optional: CONFIG_FAULT_INJECTION
 * and CONFIG_FAIL_PAGE_ALLOC; without them should_fail_alloc_page is a stub
 * that never fails.
 *
 * Linux's boot option fail_page_alloc=<interval>,<probability>,<space>,<times>
 * sets the attributes; its debugfs files have no counterpart here, so tests
 * set struct fail_page_alloc_attr's fields directly. The draws come from a
 * seeded source (linux/prandom.h), fail_page_alloc.seed=<n> on the command
 * line (default FAULT_ATTR_DEFAULT_SEED), where Linux draws from
 * get_random_u32: a run can be repeated exactly.
 */
#ifndef _LINUX_FAULT_INJECT_H
#define _LINUX_FAULT_INJECT_H

#include <linux/gfp.h>
#include <linux/prandom.h>
#include <linux/types.h>

struct fault_attr {
	unsigned long probability;	/* percent of the calls that get that far which fail */
	unsigned long interval;		/* of those, only every interval-th may fail (0 and 1: each) */
	int times;			/* failures left; -1 for no limit */
	int space;			/* size let through (and used up) before any call may fail */
	unsigned long count;		/* calls that reached the interval test */
	int verbose;			/* 0 silent, 1 the message, 2 the message and a backtrace */
	const char *name;		/* the message's name (Linux's: its debugfs directory) */
	struct rnd_state rnd;		/* where the probability's draws come from */
};

#define FAULT_ATTR_DEFAULT_SEED	1

/* Follows Linux's FAULT_ATTR_INITIALIZER (v6.1): each call may fail, once, with probability 0. */
#define FAULT_ATTR_INITIALIZER(attr_name) {				\
	.interval = 1, .times = 1, .verbose = 2, .name = (attr_name),	\
	.rnd = PRANDOM_STATE_INIT(FAULT_ATTR_DEFAULT_SEED) }

/* Linux's enum fault_flags (v6.1). */
enum fault_flags {
	FAULT_NOWARN = 1 << 0,		/* fail without the message (the caller's __GFP_NOWARN) */
};

/* Follows Linux's should_fail_ex (lib/fault-inject.c, v6.1): whether this call of `size` fails. */
bool should_fail_ex(struct fault_attr *attr, long size, int flags);
/* Follows Linux's should_fail (v6.1): should_fail_ex with the message. */
bool should_fail(struct fault_attr *attr, long size);
/*
 * Follows Linux's setup_fault_attr (v6.1): "<interval>,<probability>,<space>,<times>".
 * Returns 1 when the four values were read; otherwise Linux's warning and 0,
 * the attributes unchanged.
 */
int setup_fault_attr(struct fault_attr *attr, const char *str);
/*
 * Not in Linux (whose draws are not reproducible): seed @attr's draws from
 * a number (memparse's syntax, nothing after it). 0, or -EINVAL with the
 * draws unchanged.
 */
int setup_fault_attr_seed(struct fault_attr *attr, const char *str);

/* fail_page_alloc: Linux's (mm/page_alloc.c, v6.1), with its defaults. */
struct fail_page_alloc_attr {
	struct fault_attr attr;
	bool ignore_gfp_highmem;	/* requests that may use highmem never fail */
	u32 min_order;			/* smaller requests never fail */
};

/* failslab: Linux's (mm/failslab.c, v6.1); mm/slub_debug.h has its hook. */
struct failslab_attr {
	struct fault_attr attr;
	bool cache_filter;		/* only caches made with SLAB_FAILSLAB may fail */
};
#ifdef CONFIG_FAILSLAB
extern struct failslab_attr failslab;
#endif

#ifdef CONFIG_FAIL_PAGE_ALLOC
extern struct fail_page_alloc_attr fail_page_alloc;
/* Follows Linux's __should_fail_alloc_page (v6.1): the whole rule (mm/fail_page_alloc.c). */
bool __should_fail_alloc_page(gfp_t gfp, unsigned int order);

/*
 * Follows Linux's should_fail_alloc_page (v6.1): whether alloc_pages
 * fails this request on purpose. Inline, unlike Linux's (which error
 * injection needs out of line): the orders below min_order, all order-0
 * requests by default, cost alloc_pages one test and no call.
 */
static inline bool should_fail_alloc_page(gfp_t gfp, unsigned int order)
{
	return order >= fail_page_alloc.min_order && __should_fail_alloc_page(gfp, order);
}
#else
static inline bool should_fail_alloc_page(gfp_t gfp, unsigned int order)
{
	(void)gfp;
	(void)order;
	return false;
}
#endif

#ifdef CONFIG_FAIL_IOREMAP
extern struct fault_attr fail_ioremap;
/* Not in Linux: whether this ioremap of @size bytes fails on purpose (fail_ioremap=, mm/fail_ioremap.c). */
bool should_fail_ioremap(size_t size);
#else
static inline bool should_fail_ioremap(size_t size)
{
	(void)size;
	return false;
}
#endif

#endif
