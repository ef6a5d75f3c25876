/*
 * /proc/vmallocinfo on the console: every busy area of the vmalloc
 * allocator in address order, then the lazily freed ones. Follows Linux's
 * s_show and show_purge_info (mm/vmalloc.c, v6.1), with %pK printing the
 * address (kptr_restrict 0). `vmallocinfo` on the command line prints it
 * at the end of boot.
 */
#include <linux/kernel.h>
#include <linux/vmalloc.h>
#include <asm/page.h>
#include <asm/setup.h>

static void show_area(const struct vmap_area *va)
{
	const struct vm_struct *v = va->vm;
	unsigned long size = va->va_end - va->va_start;

	if (!v) {
		pr_info("0x%08lx-0x%08lx %7ld vm_map_ram\n", va->va_start, va->va_end, (long)size);
		return;
	}
	/* Linux prints the vm_struct's size: the guard page included. */
	printk(KERN_INFO "0x%08lx-0x%08lx %7ld", (unsigned long)v->addr, (unsigned long)v->addr + v->size,
	       (long)v->size);
	if (v->caller_name)
		pr_cont(" %s", v->caller_name);
	else if (v->caller)
		pr_cont(" %pS", v->caller);
	if (v->nr_pages)
		pr_cont(" pages=%u", v->nr_pages);
	if (v->phys_addr)
		pr_cont(" phys=%pa", &v->phys_addr);
	if (v->flags & VM_IOREMAP)
		pr_cont(" ioremap");
	if (v->flags & VM_ALLOC)
		pr_cont(" vmalloc");
	if (v->flags & VM_MAP)
		pr_cont(" vmap");
	if (v->flags & VM_DMA_COHERENT)
		pr_cont(" dma-coherent");
	pr_cont("\n");
}

/*
 * Not in Linux (whose oops says nothing of vmalloc): a fault in the
 * vmalloc area names the area it hit, in /proc/vmallocinfo's format, and
 * says whether it is the guard page after it.
 */
void vmalloc_report_fault(unsigned long addr)
{
	const struct vmap_area *va;

	if (!is_vmalloc_addr((void *)addr))
		return;
	va = find_vmap_area(addr);
	if (!va) {
		pr_alert("vmalloc: 0x%08lx is in no vmalloc area\n", addr);
		return;
	}
	if (va->vm && !(va->vm->flags & VM_NO_GUARD) && addr >= va->va_end - PAGE_SIZE)
		pr_alert("vmalloc: 0x%08lx is in the guard page after this area:\n", addr);
	else
		pr_alert("vmalloc: 0x%08lx is in this area:\n", addr);
	show_area(va);
}

void show_vmallocinfo(void)
{
	struct list_head *pos;
	unsigned long flags;

	spin_lock_irqsave(&vmap_area_lock, flags);
	for (pos = vmap_area_list.next; pos != &vmap_area_list; pos = pos->next)
		show_area(list_entry(pos, struct vmap_area, list));
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	spin_lock_irqsave(&purge_vmap_area_lock, flags);
	for (pos = purge_vmap_area_list.next; pos != &purge_vmap_area_list; pos = pos->next) {
		const struct vmap_area *va = list_entry(pos, struct vmap_area, list);

		pr_info("0x%08lx-0x%08lx %7ld unpurged vm_area\n", va->va_start, va->va_end,
			(long)(va->va_end - va->va_start));
	}
	spin_unlock_irqrestore(&purge_vmap_area_lock, flags);
}

early_param_flag("vmallocinfo", show_vmallocinfo_at_boot);

void vmallocinfo_at_end_of_boot(void)
{
	if (show_vmallocinfo_at_boot)
		show_vmallocinfo();
}
