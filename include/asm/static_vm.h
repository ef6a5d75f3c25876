/*
 * Static mappings: virtual ranges of the vmalloc area that boot code mapped
 * (iotable_init) or only reserved (vm_reserve_area_early), recorded so that
 * vmalloc_init makes them busy areas of the vmalloc allocator. Follows
 * Linux's struct static_vm and its list (arch/arm/mm/mm.h, ioremap.c, v6.x).
 */
#ifndef _ASM_STATIC_VM_H
#define _ASM_STATIC_VM_H

#include <linux/types.h>
#include <linux/vmalloc.h>
#include <asm/mach/map.h>

/* Linux's ARM vm_struct flags (arch/arm/mm/mm.h); VM_IOREMAP is linux/vmalloc.h's. */
#define VM_ARM_SECTION_MAPPING	0x80000000	/* ioremap with sections (mm/ioremap.c) */
#define VM_ARM_EMPTY_MAPPING	0x20000000	/* reserved, nothing mapped */
#define VM_ARM_STATIC_MAPPING	0x40000000	/* mapped by iotable_init */
#define VM_ARM_MTYPE(mt)	((unsigned long)(mt) << 20)
#define VM_ARM_MTYPE_MASK	(0x1fUL << 20)

_Static_assert(MT_NR_TYPES <= 0x20, "the memory type fits VM_ARM_MTYPE's field");

struct static_vm {
	unsigned long addr;		/* virtual, page aligned */
	unsigned long size;		/* bytes, page aligned */
	phys_addr_t phys_addr;		/* 0 for a reservation */
	unsigned long flags;
	const char *caller;		/* who recorded it */
	struct static_vm *next;		/* sorted by addr */
};

/* The recorded ranges, lowest address first. */
extern struct static_vm *static_vmlist;

void iotable_init(const struct map_desc *io_desc, int nr);
void vm_reserve_area_early(unsigned long addr, unsigned long size, const char *caller);
struct static_vm *find_static_vm_vaddr(unsigned long vaddr);

#endif
