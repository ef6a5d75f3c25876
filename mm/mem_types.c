/*
 * The memory types: one table for both formats. Linux's
 * build_mem_type_table (arch/arm/mm/mmu.c, v6.x) starts from a generic
 * table and edits it for the CPU found; this kernel runs on one CPU kind
 * (ARMv7, SMP, TEX remap, write-back write-allocate caches), so the table
 * below is already what that function arrives at there, written with the
 * names of the bits. Fields one format lacks are 0 in its headers
 * (PMD_DOMAIN and the AP/TEX section bits with LPAE, PMD_SECT_AF and
 * L_PMD_SECT_RDONLY in classic), which is how one table serves both.
 * test/host/test_mem_types.c checks every value against the numbers Linux
 * computes on a Cortex-A15 (how it gets there: docs/pgtables.md, "Memory types").
 */
#include <linux/kernel.h>
#include <asm/domain.h>
#include <asm/mem_types.h>

/* A page: present and accessed; Linux's PROT_PTE_DEVICE adds dirty and XN. */
#define PTE_PY			(L_PTE_PRESENT | L_PTE_YOUNG)
#define PTE_PYD			(PTE_PY | L_PTE_DIRTY)
#define PTE_DEVICE		(PTE_PYD | L_PTE_XN)
/* Kernel memory: shared (SMP) normal write-back write-allocate. */
#define PTE_KERNEL_MEM		(PTE_PYD | L_PTE_SHARED | L_PTE_MT_WRITEALLOC)
/* Sections are writable by the kernel unless marked read-only; AF set (LPAE). */
#define SECT_RW			(PMD_TYPE_SECT | PMD_SECT_AP_WRITE | PMD_SECT_AF)
#define SECT_KERNEL_MEM		(SECT_RW | PMD_SECT_S | PMD_SECT_WBWA)
/* Read-only: APX + AP 01 in classic, AP[2] and the software bit with LPAE. */
#define SECT_RDONLY		(PMD_SECT_APX | PMD_SECT_AP2 | L_PMD_SECT_RDONLY)
#define TABLE(dom)		(PMD_TYPE_TABLE | PMD_DOMAIN(dom))

const struct mem_type mem_types[MT_NR_TYPES] = {
	[MT_DEVICE] = {
		.prot_pte = PTE_DEVICE | L_PTE_SHARED | L_PTE_MT_DEV_SHARED,
		.prot_l1 = TABLE(DOMAIN_IO),
		/* TEX[0] alone is PRRR index 4 (device); LPAE blocks stay index 0 (strongly ordered), as in Linux. */
		.prot_sect = SECT_RW | PMD_SECT_S | PMD_SECT_XN | PMD_SECT_TEX(1) | PMD_DOMAIN(DOMAIN_IO),
		.domain = DOMAIN_IO,
		.name = "MT_DEVICE",
	},
	[MT_DEVICE_NONSHARED] = {
		.prot_pte = PTE_DEVICE | L_PTE_MT_DEV_NONSHARED,
		.prot_l1 = TABLE(DOMAIN_IO),
		.prot_sect = SECT_RW | PMD_SECT_XN | PMD_SECT_TEX(1) | PMD_DOMAIN(DOMAIN_IO),
		.domain = DOMAIN_IO,
		.name = "MT_DEVICE_NONSHARED",
	},
	[MT_DEVICE_CACHED] = {
		.prot_pte = PTE_DEVICE | L_PTE_SHARED | L_PTE_MT_DEV_CACHED,
		.prot_l1 = TABLE(DOMAIN_IO),
		.prot_sect = SECT_RW | PMD_SECT_S | PMD_SECT_XN | PMD_SECT_WB | PMD_DOMAIN(DOMAIN_IO),
		.domain = DOMAIN_IO,
		.name = "MT_DEVICE_CACHED",
	},
	[MT_DEVICE_WC] = {
		.prot_pte = PTE_DEVICE | L_PTE_SHARED | L_PTE_MT_DEV_WC,
		.prot_l1 = TABLE(DOMAIN_IO),
		.prot_sect = SECT_RW | PMD_SECT_S | PMD_SECT_XN | PMD_SECT_BUFFERABLE | PMD_DOMAIN(DOMAIN_IO),
		.domain = DOMAIN_IO,
		.name = "MT_DEVICE_WC",
	},
	[MT_UNCACHED] = {
		.prot_pte = PTE_DEVICE | L_PTE_MT_UNCACHED,
		.prot_l1 = TABLE(DOMAIN_IO),
		/* No AP bits: a classic section of this type is not accessible at all (as in Linux). */
		.prot_sect = PMD_TYPE_SECT | PMD_SECT_AF | PMD_SECT_XN | PMD_DOMAIN(DOMAIN_IO),
		.domain = DOMAIN_IO,
		.name = "MT_UNCACHED",
	},
	[MT_LOW_VECTORS] = {
		.prot_pte = PTE_PYD | L_PTE_RDONLY | L_PTE_SHARED | L_PTE_MT_WRITEALLOC,
		.prot_l1 = TABLE(DOMAIN_VECTORS),
		.domain = DOMAIN_VECTORS,
		.name = "MT_LOW_VECTORS",
	},
	[MT_HIGH_VECTORS] = {
		/* Readable from user mode: Linux's kuser helpers live in this page. */
		.prot_pte = PTE_PYD | L_PTE_USER | L_PTE_RDONLY | L_PTE_SHARED | L_PTE_MT_WRITEALLOC,
		.prot_l1 = TABLE(DOMAIN_VECTORS),
		.domain = DOMAIN_VECTORS,
		.name = "MT_HIGH_VECTORS",
	},
	[MT_MEMORY_RWX] = {
		.prot_pte = PTE_KERNEL_MEM,
		.prot_l1 = TABLE(DOMAIN_KERNEL),
		.prot_sect = SECT_KERNEL_MEM | PMD_DOMAIN(DOMAIN_KERNEL),
		.domain = DOMAIN_KERNEL,
		.name = "MT_MEMORY_RWX",
	},
	[MT_MEMORY_RW] = {
		.prot_pte = PTE_KERNEL_MEM | L_PTE_XN,
		.prot_l1 = TABLE(DOMAIN_KERNEL),
		.prot_sect = SECT_KERNEL_MEM | PMD_SECT_XN | PMD_DOMAIN(DOMAIN_KERNEL),
		.domain = DOMAIN_KERNEL,
		.name = "MT_MEMORY_RW",
	},
	[MT_MEMORY_RO] = {
		.prot_pte = PTE_KERNEL_MEM | L_PTE_XN | L_PTE_RDONLY,
		.prot_l1 = TABLE(DOMAIN_KERNEL),
		.prot_sect = SECT_KERNEL_MEM | PMD_SECT_XN | SECT_RDONLY | PMD_DOMAIN(DOMAIN_KERNEL),
		.domain = DOMAIN_KERNEL,
		.name = "MT_MEMORY_RO",
	},
	[MT_MEMORY_RX] = {
		/*
		 * Not a Linux type: Linux maps the text MT_MEMORY_RWX and makes it
		 * read-only later (mark_rodata_ro); this kernel maps it so at once.
		 */
		.prot_pte = PTE_KERNEL_MEM | L_PTE_RDONLY,
		.prot_l1 = TABLE(DOMAIN_KERNEL),
		.prot_sect = SECT_KERNEL_MEM | SECT_RDONLY | PMD_DOMAIN(DOMAIN_KERNEL),
		.domain = DOMAIN_KERNEL,
		.name = "MT_MEMORY_RX",
	},
	[MT_ROM] = {
		/* Linux makes ROM sections read-only only in classic (its LPAE step is missing). */
		.prot_pte = PMD_SECT_AF,	/* unused: ROM is mapped with sections only */
		.prot_sect = SECT_RW | PMD_SECT_APX | PMD_SECT_WBWA | PMD_DOMAIN(DOMAIN_KERNEL),
		.domain = DOMAIN_KERNEL,
		.name = "MT_ROM",
	},
	[MT_MEMORY_RWX_NONCACHED] = {
		.prot_pte = PTE_PYD | L_PTE_SHARED | L_PTE_MT_BUFFERABLE,
		.prot_l1 = TABLE(DOMAIN_KERNEL),
		.prot_sect = SECT_RW | PMD_SECT_S | PMD_SECT_BUFFERABLE | PMD_DOMAIN(DOMAIN_KERNEL),
		.domain = DOMAIN_KERNEL,
		.name = "MT_MEMORY_RWX_NONCACHED",
	},
	[MT_MEMORY_RW_SO] = {
		.prot_pte = PTE_DEVICE | L_PTE_MT_UNCACHED,
		.prot_l1 = TABLE(DOMAIN_KERNEL),
		.prot_sect = SECT_RW | PMD_SECT_S | PMD_SECT_XN | PMD_DOMAIN(DOMAIN_KERNEL),
		.domain = DOMAIN_KERNEL,
		.name = "MT_MEMORY_RW_SO",
	},
	[MT_MEMORY_DMA_READY] = {
		.prot_pte = PTE_KERNEL_MEM | L_PTE_XN,
		.prot_l1 = TABLE(DOMAIN_KERNEL),
		.domain = DOMAIN_KERNEL,
		.name = "MT_MEMORY_DMA_READY",
	},
};

/* Follows Linux's get_mem_type (arch/arm/mm/mmu.c, v6.x). */
const struct mem_type *get_mem_type(unsigned int type)
{
	return type < ARRAY_SIZE(mem_types) ? &mem_types[type] : NULL;
}

/* Follows Linux's build_mem_type_table (arch/arm/mm/mmu.c, v6.x): here only its message; the table is final. */
void build_mem_type_table(void)
{
	pr_info("Memory policy: Data cache writealloc\n");
}
