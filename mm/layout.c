/*
 * The virtual memory layout printout, in Linux 4.14's exact format
 * (mem_init, arch/arm/mm/init.c): the fixed areas in MB or kB truncated,
 * the kernel's sections in kB rounded up. Current Linux stopped printing it
 * (the addresses help attackers); this kernel exists to show them.
 */
#include <linux/kernel.h>
#include <asm/layout.h>
#include <asm/memory.h>
#include <asm/page.h>

/* Follows Linux's VMALLOC_START (arch/arm/include/asm/pgtable.h). */
unsigned long vmalloc_start(unsigned long high_mem)
{
	return (high_mem + VMALLOC_OFFSET) & ~(unsigned long)(VMALLOC_OFFSET - 1);
}

/* One fixed area: "name : start - end   (size unit)", size truncated to the unit (Linux's MLK/MLM). */
static void print_area(const char *name, unsigned long start, unsigned long end, unsigned int shift)
{
	pr_notice("    %-7s : 0x%08lx - 0x%08lx   (%4ld %s)\n", name, start, end,
		  (long)((end - start) >> shift), shift == 20 ? "MB" : "kB");
}

/* One kernel section: size in kB rounded up (Linux's MLK_ROUNDUP). */
static void print_section(const char *name, unsigned long start, unsigned long end)
{
	pr_notice("    %7s : 0x%08lx - 0x%08lx   (%4ld kB)\n", name, start, end,
		  (long)((end - start + 1023) / 1024));
}

/* Follows the printout of Linux's mem_init (arch/arm/mm/init.c, v4.14), in its order. */
void vm_layout_print(const struct vm_layout *l)
{
	pr_notice("Virtual kernel memory layout:\n");
	print_area("vector", l->vector_start, l->vector_end, 10);
	print_area("fixmap", l->fixmap_start, l->fixmap_end, 10);
	print_area("vmalloc", l->vmalloc_start, l->vmalloc_end, 20);
	print_area("lowmem", l->lowmem_start, l->lowmem_end, 20);
	if (l->pkmap_end)
		print_area("pkmap", l->pkmap_start, l->pkmap_end, 20);
	print_area("modules", l->modules_start, l->modules_end, 20);
	print_section(".text", l->text_start, l->text_end);
	print_section(".init", l->init_start, l->init_end);
	print_section(".data", l->data_start, l->data_end);
	print_section(".bss", l->bss_start, l->bss_end);
}

#ifndef HOST_TEST
#include <asm/lowmem.h>
#include <asm/sections.h>


void vm_layout_current(struct vm_layout *l)
{
	*l = (struct vm_layout){
		.vector_start = VECTORS_BASE, .vector_end = VECTORS_BASE + PAGE_SIZE,
		.fixmap_start = FIXADDR_START, .fixmap_end = FIXADDR_END,
		.vmalloc_start = vmalloc_start((unsigned long)high_memory), .vmalloc_end = VMALLOC_END,
		.lowmem_start = PAGE_OFFSET, .lowmem_end = (unsigned long)high_memory,
		.pkmap_start = IS_ENABLED(CONFIG_HIGHMEM) ? PKMAP_BASE : 0,
		.pkmap_end = IS_ENABLED(CONFIG_HIGHMEM) ? PKMAP_BASE + LAST_PKMAP * PAGE_SIZE : 0,
		.modules_start = MODULES_VADDR, .modules_end = MODULES_END,
		.text_start = (unsigned long)_text, .text_end = (unsigned long)_etext,
		.init_start = (unsigned long)__init_begin, .init_end = (unsigned long)__init_end,
		.data_start = (unsigned long)_sdata, .data_end = (unsigned long)_edata,
		.bss_start = (unsigned long)__bss_start, .bss_end = (unsigned long)__bss_stop,
	};
}
#endif
