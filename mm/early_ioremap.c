/*
 * early_ioremap: device registers (or RAM, uncached) mapped through the
 * fixmap before ioremap works. Follows Linux's generic mm/early_ioremap.c
 * (v6.1) as 32-bit ARM uses it: FIX_BTMAPS_SLOTS slots of up to
 * NR_FIX_BTMAPS pages, each slot one mapping, set with __set_fixmap and
 * FIXMAP_PAGE_IO. Linux marks these functions __init; here power-off may
 * still need them after free_initmem when the system controller has no
 * ioremap (platform/vexpress/sysreg.c), so they stay in .text.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <asm/early_ioremap.h>
#include <asm/fixmap.h>
#include <asm/setup.h>

early_param_flag("early_ioremap_debug", early_ioremap_debug);

static void __iomem *prev_map[FIX_BTMAPS_SLOTS];
static unsigned long prev_size[FIX_BTMAPS_SLOTS];
static unsigned long slot_virt[FIX_BTMAPS_SLOTS];

/* The fixmap index of page @page of slot @slot: slots go down from FIX_BTMAP_BEGIN, NR_FIX_BTMAPS apart. */
static enum fixed_addresses slot_page_idx(int slot, unsigned int page)
{
	return (enum fixed_addresses)(FIX_BTMAP_BEGIN - NR_FIX_BTMAPS * (unsigned int)slot - page);
}

/* Follows Linux's early_ioremap_setup (mm/early_ioremap.c, v6.1), which ARM's early_ioremap_init calls. */
void early_ioremap_init(void)
{
	for (int i = 0; i < FIX_BTMAPS_SLOTS; i++) {
		WARN_ON(prev_map[i]);
		slot_virt[i] = fix_to_virt(slot_page_idx(i, 0));
	}
}

bool early_ioremap_ready(void)
{
	return slot_virt[0] != 0;
}

/* Follows Linux's __early_ioremap (v6.1) with FIXMAP_PAGE_IO: the first free slot, one page at a time. */
void __iomem *early_ioremap(phys_addr_t phys_addr, unsigned long size)
{
	phys_addr_t last_addr = phys_addr + size - 1;
	unsigned long offset, nrpages;
	int slot = -1;

	if (!early_ioremap_ready())
		return NULL;
	for (int i = 0; i < FIX_BTMAPS_SLOTS; i++)
		if (!prev_map[i]) {
			slot = i;
			break;
		}
	if (slot < 0) {
		pr_warn("__early_ioremap(%pa, %08lx) not found slot\n", &phys_addr, size);
		WARN_ON(true);
		return NULL;
	}
	if (WARN_ON(!size || last_addr < phys_addr))
		return NULL;

	prev_size[slot] = size;
	/* In phys_addr_t: PAGE_MASK is an unsigned long and would drop the bits above 4 GiB (LPAE). */
	offset = (unsigned long)(phys_addr & (PAGE_SIZE - 1));
	phys_addr &= ~(phys_addr_t)(PAGE_SIZE - 1);
	size = (unsigned long)(((last_addr | (PAGE_SIZE - 1)) + 1) - phys_addr);
	nrpages = size >> PAGE_SHIFT;
	if (WARN_ON(nrpages > NR_FIX_BTMAPS))
		return NULL;

	for (unsigned int page = 0; page < nrpages; page++, phys_addr += PAGE_SIZE)
		__set_fixmap(slot_page_idx(slot, page), phys_addr, FIXMAP_PAGE_IO);

	/* Linux's words; like Linux, phys_addr is where the mapping ends by now. */
	if (early_ioremap_debug) {
		pr_warn("__early_ioremap(%pa, %08lx) [%d] => %08lx + %08lx\n", &phys_addr, size, slot, offset,
			slot_virt[slot]);
		WARN_ON(true);
	}
	prev_map[slot] = (void __iomem *)(offset + slot_virt[slot]);
	return prev_map[slot];
}

/* Follows Linux's early_iounmap (v6.1): the slot of @addr, whose size must match the mapping's. */
void early_iounmap(void __iomem *addr, unsigned long size)
{
	unsigned long nrpages, offset;
	int slot = -1;

	for (int i = 0; i < FIX_BTMAPS_SLOTS; i++)
		if (prev_map[i] == addr) {
			slot = i;
			break;
		}
	if (slot < 0) {
		pr_warn("%s(%p, %08lx) not found slot\n", __func__, (void *)addr, size);
		WARN_ON(true);
		return;
	}
	if (prev_size[slot] != size) {
		pr_warn("%s(%p, %08lx) [%d] size not consistent %08lx\n", __func__, (void *)addr, size, slot,
			prev_size[slot]);
		WARN_ON(true);
		return;
	}
	if (early_ioremap_debug) {
		pr_warn("%s(%p, %08lx) [%d]\n", __func__, (void *)addr, size, slot);
		WARN_ON(true);
	}

	offset = (unsigned long)addr & ~PAGE_MASK;
	nrpages = PAGE_ALIGN(offset + size) >> PAGE_SHIFT;
	for (unsigned int page = 0; page < nrpages; page++)
		__set_fixmap(slot_page_idx(slot, page), 0, 0);
	prev_map[slot] = NULL;
}

/* Follows Linux's check_early_ioremap_leak (v6.1, a late_initcall): slots still mapped at the end of boot. */
void check_early_ioremap_leak(void)
{
	int count = 0;

	for (int i = 0; i < FIX_BTMAPS_SLOTS; i++)
		if (prev_map[i])
			count++;
	if (count) {
		pr_warn("Debug warning: early ioremap leak of %d areas detected.\n"
			"please boot with early_ioremap_debug and report the dmesg.\n", count);
		WARN_ON(true);
	}
}
