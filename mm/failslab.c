/*
 * failslab: slab allocations fail on purpose, as Linux's mm/failslab.c
 * (v6.1) makes them, through the decisions of lib/fault-inject.c.
 * `failslab=<interval>,<probability>,<space>,<times>` on the command line
 * sets them; `failslab.seed=<n>` seeds the draws (not in Linux, whose
 * draws are not reproducible). Nothing fails unless the option asks.
 */
#include <linux/fault-inject.h>
#include <linux/kernel.h>
#include <asm/setup.h>
#include "slab.h"
#include "slub_debug.h"

/*
 * Linux 6.1's defaults. Linux spares requests that may reclaim
 * (ignore_gfp_reclaim); there is no reclaim here and no such flag, so
 * every request is like Linux's GFP_NOWAIT to it.
 */
struct failslab_attr failslab = {
	.attr = FAULT_ATTR_INITIALIZER("failslab"),
};

/* Follows Linux's setup_failslab (v6.1). */
static int __init setup_failslab(char *str)
{
	setup_fault_attr(&failslab.attr, str);
	return 0;
}
early_param("failslab", setup_failslab);

static int __init setup_failslab_seed(char *str)
{
	return setup_fault_attr_seed(&failslab.attr, str);
}
early_param("failslab.seed", setup_failslab_seed);

/* Follows Linux's __should_failslab (mm/failslab.c, v6.1): never the kmem_cache cache itself. */
bool should_failslab(struct kmem_cache *s, gfp_t gfpflags)
{
	if (unlikely(s == kmem_cache))
		return false;
	if (gfpflags & __GFP_NOFAIL)
		return false;
	if (failslab.cache_filter && !(s->flags & SLAB_FAILSLAB))
		return false;
	return should_fail_ex(&failslab.attr, (long)s->object_size, (gfpflags & __GFP_NOWARN) ? FAULT_NOWARN : 0);
}
