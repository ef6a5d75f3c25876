/* What each memory type puts in the tables (mm/mem_types.c). */
#ifndef _ASM_MEM_TYPES_H
#define _ASM_MEM_TYPES_H

#include <asm/mach/map.h>
#include <asm/pgtable.h>

/* Follows Linux's struct mem_type (arch/arm/mm/mm.h, v6.x). */
struct mem_type {
	pteval_t prot_pte;	/* Linux PTE bits of a page of this type */
	pmdval_t prot_l1;	/* the first-level / PMD entry pointing to its PTE table */
	pmdval_t prot_sect;	/* a section (classic) or block (LPAE) entry */
	unsigned int domain;	/* classic only: the domain its first-level entries name */
	const char *name;	/* "MT_DEVICE" etc., for diagnostics */
};

extern const struct mem_type mem_types[MT_NR_TYPES];

/*
 * Linux's PAGE_KERNEL (arch/arm/include/asm/pgtable.h, v6.1): kernel data,
 * never executable, with the cache policy build_mem_type_table chose; the
 * bits of MT_MEMORY_RW's pages.
 */
#define PAGE_KERNEL	__pgprot(mem_types[MT_MEMORY_RW].prot_pte)

/* Follows Linux's get_mem_type (arch/arm/mm/mmu.c, v6.x): NULL for an unknown type. */
const struct mem_type *get_mem_type(unsigned int type);

/* Follows the message of Linux's build_mem_type_table: "Memory policy: Data cache writealloc". */
void build_mem_type_table(void);

#endif
