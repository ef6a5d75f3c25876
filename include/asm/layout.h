/*
 * The "Virtual kernel memory layout:" printout of Linux 4.14's mem_init
 * (arch/arm/mm/init.c); current Linux no longer prints it. See mm/layout.c.
 */
#ifndef _ASM_LAYOUT_H
#define _ASM_LAYOUT_H

#include <linux/types.h>

/* Every range the printout shows, as [start, end). */
struct vm_layout {
	unsigned long vector_start, vector_end;
	unsigned long fixmap_start, fixmap_end;
	unsigned long vmalloc_start, vmalloc_end;
	unsigned long lowmem_start, lowmem_end;
	unsigned long pkmap_start, pkmap_end;		/* both 0 without HIGHMEM */
	unsigned long modules_start, modules_end;
	unsigned long text_start, text_end;
	unsigned long init_start, init_end;
	unsigned long data_start, data_end;
	unsigned long bss_start, bss_end;
};

/* Linux's VMALLOC_START: 8 MiB above high_memory, on an 8 MiB boundary. */
unsigned long vmalloc_start(unsigned long high_mem);

/* The layout of this kernel as it runs (kernel only). */
void vm_layout_current(struct vm_layout *layout);

/* Print it in Linux 4.14's format, one pr_notice per line. */
void vm_layout_print(const struct vm_layout *layout);

#endif
