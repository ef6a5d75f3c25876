/*
 * __va/__pa for host builds (include/asm/memory.h): physical addresses in
 * the simulated RAM window map onto a host buffer, everything else keeps
 * the kernel's linear arithmetic (PAGE_OFFSET + phys - PHYS_OFFSET), so
 * code that only computes addresses sees the same numbers as the kernel.
 */
#include <stdint.h>

#include "khost_env.h"

#include <asm/memory.h>

/* PHYS_OFFSET of the host builds: RAM at 0x80000000, as on vexpress. */
phys_addr_t __pv_phys_offset = 0x80000000u;
unsigned long __pv_offset;

unsigned char *khost_sim_ram;
phys_addr_t khost_sim_base;
phys_addr_t khost_sim_size;

void *khost_va(phys_addr_t phys)
{
	if (khost_sim_ram && phys >= khost_sim_base && phys - khost_sim_base < khost_sim_size)
		return khost_sim_ram + (phys - khost_sim_base);
	return (void *)(uintptr_t)__phys_to_virt(phys);
}

phys_addr_t khost_pa(const volatile void *virt)
{
	const unsigned char *p = (const unsigned char *)(uintptr_t)virt;

	if (khost_sim_ram && p >= khost_sim_ram && p < khost_sim_ram + khost_sim_size)
		return khost_sim_base + (phys_addr_t)(p - khost_sim_ram);
	return __virt_to_phys((unsigned long)(uintptr_t)virt);
}
