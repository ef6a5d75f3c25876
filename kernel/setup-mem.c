/*
 * RAM banks from the command line: ARM's "mem=SIZE[@START]". Follows
 * Linux's early_mem and arm_add_memory (arch/arm/kernel/setup.c, v6.x).
 *
 * Deliberate difference (docs/linux-parity.md): Linux believes mem= banks
 * blindly, so a bank beyond the RAM the device tree describes is memory
 * that is not there. Here each bank is clipped to the device tree's RAM,
 * the rest is reported and ignored, and the device-tree memory is replaced
 * only once a bank contributes some RAM. A value that is not a size is
 * refused ("Malformed early option 'mem'") instead of being read as 0.
 */
#include <linux/errno.h>
#include <linux/cmdline.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <asm/memory.h>
#include <asm/page.h>
#include <asm/setup.h>

/* The RAM the device tree described, as it was before the first mem=. */
static struct memblock_region dt_ram[INIT_MEMBLOCK_REGIONS];
static unsigned long dt_ram_cnt;
static bool usermem;

/* Follows Linux's arm_add_memory (arch/arm/kernel/setup.c, v6.x): page-align, clip to 32 bits and PHYS_OFFSET, add. */
__noinline int arm_add_memory(u64 start, u64 size)
{
	u64 aligned_start = (start + (u64)PAGE_SIZE - 1) & ~((u64)PAGE_SIZE - 1);

	if (aligned_start < start || aligned_start > start + size)
		size = 0;	/* rounding up passed the end (or wrapped) */
	else
		size -= aligned_start - start;

	if (!IS_ENABLED(CONFIG_PHYS_ADDR_T_64BIT) && aligned_start > 0xffffffffULL) {
		pr_crit("Ignoring memory at 0x%08llx outside 32-bit physical address space\n", start);
		return -EINVAL;
	}
	if (!IS_ENABLED(CONFIG_PHYS_ADDR_T_64BIT) && aligned_start + size > 0xffffffffULL) {
		pr_crit("Truncating memory at 0x%08llx to fit in 32-bit physical address space\n", start);
		/* Up to 0xffffffff, not 4 GiB, so that the end is representable; a page is lost below. */
		size = 0xffffffffULL - aligned_start;
	}

	if (aligned_start < PHYS_OFFSET) {
		if (aligned_start + size <= PHYS_OFFSET) {
			pr_info("Ignoring memory below PHYS_OFFSET: 0x%08llx-0x%08llx\n",
				aligned_start, aligned_start + size);
			return -EINVAL;
		}
		pr_info("Ignoring memory below PHYS_OFFSET: 0x%08llx-0x%08llx\n",
			aligned_start, (u64)PHYS_OFFSET);
		size -= PHYS_OFFSET - aligned_start;
		aligned_start = PHYS_OFFSET;
	}

	size &= ~((u64)PAGE_SIZE - 1);
	if (!size)
		return -EINVAL;

	memblock_add((phys_addr_t)aligned_start, (phys_addr_t)size);
	return 0;
}

/* Does [start, end) overlap the device tree's RAM at all? */
static bool bank_has_dt_ram(u64 start, u64 end)
{
	for (unsigned long i = 0; i < dt_ram_cnt; i++) {
		u64 rs = dt_ram[i].base, re = rs + dt_ram[i].size;

		if (start < re && rs < end)
			return true;
	}
	return false;
}

/* Remove from memblock what a mem= bank added beyond the device tree's RAM, saying so. */
static void clip_bank_to_dt_ram(u64 start, u64 end)
{
	u64 cursor = start;

	for (unsigned long i = 0; i <= dt_ram_cnt && cursor < end; i++) {
		u64 rs = i < dt_ram_cnt ? dt_ram[i].base : end;
		u64 re = i < dt_ram_cnt ? rs + dt_ram[i].size : end;
		u64 gap_end = rs < end ? rs : end;

		if (cursor < gap_end) {
			/* The removal stops at the highest phys_addr_t: a 4 GiB size would be 0 in 32 bits. */
			u64 remove_end = gap_end < PHYS_ADDR_MAX ? gap_end : PHYS_ADDR_MAX;

			pr_warn("mem=: ignoring 0x%08llx-0x%08llx, not RAM in the device tree\n",
				cursor, gap_end);
			if (cursor < remove_end)
				memblock_remove((phys_addr_t)cursor, (phys_addr_t)(remove_end - cursor));
		}
		if (re > cursor)
			cursor = re;
	}
}

/* Follows Linux's early_mem (arch/arm/kernel/setup.c, v6.x): the first mem= replaces the device tree's RAM, each one adds a bank. */
__noinline static int early_mem(char *p)
{
	unsigned long long size, start = PHYS_OFFSET;
	char *endp;

	if (memparse_checked(p, &endp, &size) || !size)
		return -EINVAL;
	if (*endp == '@') {
		if (memparse_checked(endp + 1, &endp, &start))
			return -EINVAL;
	}
	if (*endp)
		return -EINVAL;

	if (!usermem) {
		const struct memblock_region *r;

		for_each_mem_region(r) {
			if (dt_ram_cnt == ARRAY_SIZE(dt_ram))
				break;
			dt_ram[dt_ram_cnt++] = *r;
		}
	}
	if (start + size < start)
		size = ~0ULL - start;
	if (!bank_has_dt_ram(start, start + size)) {
		pr_warn("mem=%s: no RAM of the device tree in 0x%08llx-0x%08llx, ignored\n",
			p, start, start + size);
		return 0;
	}
	if (!usermem) {
		phys_addr_t first = memblock_start_of_DRAM();

		usermem = true;
		memblock_remove(first, memblock_end_of_DRAM() - first);
	}
	if (arm_add_memory(start, size) == 0)
		clip_bank_to_dt_ram(start, start + size);
	return 0;
}
early_param("mem", early_mem);

#ifdef HOST_TEST
/* Host tests and fuzzers: forget earlier mem= options. */
void setup_mem_host_reset(void)
{
	usermem = false;
	dt_ram_cnt = 0;
}
#endif
