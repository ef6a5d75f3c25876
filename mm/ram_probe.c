/*
 * Checking that the RAM the device tree describes answers. Not in Linux,
 * which trusts the memory nodes: given more RAM than the board has, it
 * puts its page tables at the top of lowmem, where writes vanish (QEMU
 * ignores them and reads zeros), and hangs. Here the last page of each
 * memory region is written and read back through an uncached
 * early_ioremap (ioremap does not work yet, and refuses RAM); where it does not keep what was written, a binary search finds
 * where the RAM really ends and the rest is removed, with a message.
 * Two probes per region on a sound machine.
 */
#define pr_fmt(fmt) "Memory: " fmt

#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <asm/early_ioremap.h>
#include <asm/ram_probe.h>

#define PROBE_PATTERN	0x5aa5c33cU

struct ram_probe_range ram_probe_silent[RAM_PROBE_MAX_SILENT];
unsigned int ram_probe_nr_silent;

/* Does page frame @pfn keep what is written to it? Its word is restored. */
static bool ram_page_answers(unsigned long pfn)
{
	volatile u32 *word;
	u32 saved;
	bool ok;

	/* Device memory: no cache line may answer for the RAM (ARM ARM A3.5.5). */
	word = (volatile u32 *)early_ioremap(PFN_PHYS(pfn), sizeof(*word));
	if (!word)	/* no free slot: the early_ioremap warning said so; trust the device tree */
		return true;
	saved = *word;
	*word = PROBE_PATTERN;
	ok = *word == PROBE_PATTERN;
	*word = ~PROBE_PATTERN;
	ok = ok && *word == ~PROBE_PATTERN;
	*word = saved;
	early_iounmap((void __iomem *)word, sizeof(*word));
	return ok;
}

/* The first frame in [start, end) that does not answer, given that end - 1 does not. */
static unsigned long first_silent_pfn(unsigned long start, unsigned long end)
{
	unsigned long good, bad = end - 1;	/* frames known to answer / not */

	if (!ram_page_answers(start))
		return start;
	good = start;
	while (bad - good > 1) {
		unsigned long mid = good + (bad - good) / 2;

		if (ram_page_answers(mid))
			good = mid;
		else
			bad = mid;
	}
	return bad;
}

void memblock_probe_ram(void)
{
	/* From the last region down: removing a region's tail leaves the earlier ones in place. */
	for (int i = (int)memblock.memory.cnt - 1; i >= 0; i--) {
		const struct memblock_region *r = &memblock.memory.regions[i];
		unsigned long start = PFN_UP(r->base), end = PFN_DOWN(r->base + r->size), silent;
		phys_addr_t from, to;

		if (start >= end || ram_page_answers(end - 1))
			continue;
		silent = first_silent_pfn(start, end);
		from = PFN_PHYS(silent);
		to = r->base + r->size;
		pr_err("no RAM answers at [mem %#010llx-%#010llx] (described by the device tree or mem=); not using it\n",
		       (unsigned long long)from, (unsigned long long)to - 1);
		memblock_remove(from, to - from);
		if (ram_probe_nr_silent < RAM_PROBE_MAX_SILENT)
			ram_probe_silent[ram_probe_nr_silent++] = (struct ram_probe_range){ from, to };
	}
}
