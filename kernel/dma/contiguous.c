/*
 * The default DMA-contiguous (CMA) area, "cma=", and reserved-memory CMA
 * pools. Follows Linux's kernel/dma/contiguous.c (v6.1), size selected in
 * MiB as Debian does. Like Linux's file, no message prefix.
 */

#include <linux/errno.h>
#include <linux/cma.h>
#include <linux/cmdline.h>
#include <linux/dma-map-ops.h>
#include <linux/kernel.h>
#include <linux/of_fdt.h>
#include <linux/of_reserved_mem.h>
#include <asm/setup.h>
#include <libfdt.h>

struct cma *dma_contiguous_default_area;

/* From cma=SIZE[@BASE[-LIMIT]]; size_cmdline is -1 when cma= was not given. */
static phys_addr_t size_cmdline = (phys_addr_t)-1;
static phys_addr_t base_cmdline;
static phys_addr_t limit_cmdline;

/* A cma= number that fits phys_addr_t, or false. */
static bool cma_parse(const char *s, char **end, phys_addr_t *out)
{
	unsigned long long v;

	if (memparse_checked(s, end, &v) || (phys_addr_t)v != v)
		return false;
	*out = (phys_addr_t)v;
	return true;
}

/*
 * Follows Linux's early_cma (kernel/dma/contiguous.c, v6.x). Linux takes
 * whatever memparse makes of the text; here a value that is not a size
 * is refused ("Malformed early option 'cma'") and the default kept.
 */
static int early_cma(char *p)
{
	phys_addr_t size, base = 0, limit = 0;
	char *end;

	if (!p || !*p) {
		pr_err("Config string not provided\n");
		return -EINVAL;
	}
	if (!cma_parse(p, &end, &size))
		return -EINVAL;
	if (*end == '@') {
		if (!cma_parse(end + 1, &end, &base))
			return -EINVAL;
		if (*end == '-') {
			if (!cma_parse(end + 1, &end, &limit))
				return -EINVAL;
		} else {
			limit = base + size;
		}
	}
	if (*end)
		return -EINVAL;
	size_cmdline = size;
	base_cmdline = base;
	limit_cmdline = limit;
	return 0;
}
early_param("cma", early_cma);

/*
 * Follows Linux's dma_contiguous_reserve (kernel/dma/contiguous.c, v6.x):
 * the default area, of cma= size or CONFIG_CMA_SIZE_MBYTES, below limit
 * (or at cma='s base), unless a reserved-memory node already provided one.
 */
void dma_contiguous_reserve(phys_addr_t limit)
{
	phys_addr_t selected_size = (phys_addr_t)CONFIG_CMA_SIZE_MBYTES * SZ_1M;
	phys_addr_t selected_base = 0;
	phys_addr_t selected_limit = limit;
	bool fixed = false;

	pr_debug("%s(limit %08lx)\n", __func__, (unsigned long)limit);

	if (size_cmdline != (phys_addr_t)-1) {
		selected_size = size_cmdline;
		selected_base = base_cmdline;
		selected_limit = limit_cmdline && limit_cmdline < limit ? limit_cmdline : limit;
		if (base_cmdline + size_cmdline == limit_cmdline)
			fixed = true;
	}

	if (selected_size && !dma_contiguous_default_area) {
		pr_debug("%s: reserving %ld MiB for global area\n", __func__,
			 (unsigned long)(selected_size / SZ_1M));
		if (!cma_declare_contiguous_nid(selected_base, selected_size, selected_limit, 0,
						fixed, "reserved", &dma_contiguous_default_area))
			dma_contiguous_early_fixup(dma_contiguous_default_area->base,
						   (unsigned long)dma_contiguous_default_area->size);
	}
}

/* Follows Linux's rmem_cma_setup (kernel/dma/contiguous.c, v6.1): a reusable "shared-dma-pool" becomes a CMA area. */
int rmem_cma_setup(struct reserved_mem *rmem)
{
	const void *fdt = initial_boot_params;
	bool default_cma = fdt_getprop(fdt, rmem->fdt_node, "linux,cma-default", NULL) != NULL;
	struct cma *cma;
	int err;

	if (size_cmdline != (phys_addr_t)-1 && default_cma) {
		pr_info("Reserved memory: bypass %s node, using cmdline CMA params instead\n",
			rmem->name);
		return -EBUSY;
	}
	if (!fdt_getprop(fdt, rmem->fdt_node, "reusable", NULL) ||
	    fdt_getprop(fdt, rmem->fdt_node, "no-map", NULL))
		return -EINVAL;
	if (!IS_ALIGNED(rmem->base | rmem->size, CMA_MIN_ALIGNMENT_BYTES)) {
		pr_err("Reserved memory: incorrect alignment of CMA region\n");
		return -EINVAL;
	}
	err = cma_init_reserved_mem(rmem->base, rmem->size, rmem->name, &cma);
	if (err) {
		pr_err("Reserved memory: unable to setup CMA region\n");
		return err;
	}
	/* The architecture's fixup: this area's lowmem mapping becomes pages in paging_init. */
	dma_contiguous_early_fixup(rmem->base, (unsigned long)rmem->size);
	rmem->priv = cma;
	if (default_cma)
		dma_contiguous_default_area = cma;
	pr_info("Reserved memory: created CMA memory pool at %pa, size %ld MiB\n",
		&rmem->base, (long)(rmem->size / SZ_1M));
	return 0;
}

#ifdef HOST_TEST
/* Host tests and fuzzers: forget cma= and the default area. */
void dma_contiguous_host_reset(void)
{
	size_cmdline = (phys_addr_t)-1;
	base_cmdline = limit_cmdline = 0;
	dma_contiguous_default_area = NULL;
}
#endif
