/*
 * The vmalloc area as an allocator: vmap areas, vmalloc, vmap, and the
 * figures /proc/meminfo and /proc/vmallocinfo show. Follows Linux's
 * include/linux/vmalloc.h (v6.1); docs/vmalloc.md describes the whole.
 */
#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H

#include <linux/spinlock.h>

#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/rbtree.h>
#include <linux/types.h>
#include <asm/pgtable.h>

/* Linux 6.1's vm_struct flags (the ones this kernel sets). */
#define VM_IOREMAP		0x00000001	/* ioremap and friends */
#define VM_ALLOC		0x00000002	/* vmalloc */
#define VM_MAP			0x00000004	/* vmap */
#define VM_DMA_COHERENT		0x00000010	/* a DMA buffer's CPU mapping (dma_common_contiguous_remap) */
#define VM_NO_GUARD		0x00000040	/* no guard page after the area */

/* Linux's ARM value (asm/memory.h): ioremap areas are aligned up to 16 MiB, for supersections. */
#define IOREMAP_MAX_ORDER	24

struct page;

/* Follows Linux's struct vm_struct (v6.1): one mapped area; size counts the guard page. */
struct vm_struct {
	struct vm_struct *next;		/* the early list (vm_area_add_early) only */
	void *addr;
	unsigned long size;
	unsigned long flags;
	struct page **pages;		/* vmalloc's backing pages */
	unsigned int nr_pages;
	phys_addr_t phys_addr;		/* ioremap: where the area points */
	const void *caller;		/* the return address of whoever asked */
	const char *caller_name;	/* not in Linux: early areas name their recorder */
};

/*
 * Follows Linux's struct vmap_area (v6.1): a range of the address space,
 * busy (in vmap_area_root, vm set), free (in free_vmap_area_root,
 * subtree_max_size set) or freed and waiting for the purge.
 */
struct vmap_area {
	unsigned long va_start;
	unsigned long va_end;		/* exclusive */
	struct rb_node rb_node;
	struct list_head list;		/* address order, beside the tree */
	unsigned long subtree_max_size;	/* free tree: the largest free size in this subtree */
	struct vm_struct *vm;		/* busy tree: the area's user, NULL for a bare vmap area */
};

/* ---- The address-space allocator (mm/vmap_area.c; pure logic, also built on the host) ---- */

/* Start afresh: no busy areas, [start, end) free, nothing waiting for the purge. */
void vmap_area_reset(unsigned long start, unsigned long end);
/* Mark [start, end) busy before any allocation (early areas); false if it is not all free. */
bool vmap_area_reserve(unsigned long start, unsigned long end, struct vm_struct *vm);
/* Follows Linux's alloc_vmap_area (v6.1): the lowest free [addr, addr + size) in [vstart, vend), align-aligned. */
struct vmap_area *alloc_vmap_area(unsigned long size, unsigned long align,
				  unsigned long vstart, unsigned long vend);
/* Follows Linux's find_vmap_area: the busy area holding addr. */
struct vmap_area *find_vmap_area(unsigned long addr);
/* Follows Linux's free_vmap_area_noflush: off the busy tree, onto the purge list; purges past lazy_max_pages. */
void free_vmap_area_noflush(struct vmap_area *va);
/* Follows Linux's purge_vmap_area_lazy: flush the TLB over the purge list's span, then free its areas. */
void purge_vmap_area_lazy(void);
/* Follows Linux's lazy_max_pages (v6.1): how many lazily freed pages may wait for a purge. */
unsigned long lazy_max_pages(void);

/* Counters of the allocator, for the printouts and the tests. */
struct vmap_area_stats {
	unsigned long busy_areas, busy_bytes;
	unsigned long free_areas, free_bytes, largest_free;
	unsigned long lazy_areas, lazy_pages;	/* lazy_pages is Linux's vmap_lazy_nr */
	unsigned long purges;			/* purges done since the reset */
};
void vmap_area_stats(struct vmap_area_stats *stats);
/* Both trees against their rules and their lists: 0 if sound, else which check failed (1-6). */
int vmap_area_verify(void);
/* The busy areas in address order; the lazily freed ones in the order they were freed. */
extern struct list_head vmap_area_list, purge_vmap_area_list;
/* Their locks (Linux's vmap_area_lock and purge_vmap_area_lock). */
extern spinlock_t vmap_area_lock, purge_vmap_area_lock;
/* Allocation and TLB hooks of the logic: the kernel's in mm/vmalloc.c, the fuzzer's its own. */
struct vmap_area *vmap_area_obj_alloc(void);
void vmap_area_obj_free(struct vmap_area *va);
void vmap_area_flush_tlb_range(unsigned long start, unsigned long end);
/* The range the last purge's TLB flush covered (kernel only). */
void vmalloc_last_flush(unsigned long *start, unsigned long *end);

/* ---- vmalloc and friends (mm/vmalloc.c) ---- */

void vmalloc_init(void);
void *vmalloc(unsigned long size);
void *vzalloc(unsigned long size);
void *vmalloc_node(unsigned long size, int node);
void *vmalloc_32(unsigned long size);
void *__vmalloc_node_range(unsigned long size, unsigned long align, unsigned long start,
			   unsigned long end, gfp_t gfp_mask, unsigned long vm_flags,
			   const void *caller);
void vfree(const void *addr);
/* Follows Linux's vmap (v6.1): count pages the caller owns, mapped with prot at one new area. */
void *vmap(struct page **pages, unsigned int count, unsigned long flags, pgprot_t prot);
void vunmap(const void *addr);
struct page *vmalloc_to_page(const void *addr);
bool is_vmalloc_addr(const void *addr);

/* Reserve an area with no pages (Linux's get_vm_area_caller); free_vm_area gives it back. */
struct vm_struct *get_vm_area_caller(unsigned long size, unsigned long flags, const void *caller);
void free_vm_area(struct vm_struct *area);
/* Follows Linux's find_vm_area / remove_vm_area: the vm_struct of a busy area; remove it (lazily freed). */
struct vm_struct *find_vm_area(const void *addr);
struct vm_struct *remove_vm_area(const void *addr);
/* Follows Linux's get_vm_area_size: the usable size, without the guard page. */
static inline unsigned long get_vm_area_size(const struct vm_struct *area)
{
	return (area->flags & VM_NO_GUARD) ? area->size : area->size - 4096;
}

/* [addr, end) onto phys with PTEs of prot, PTE pages allocated as needed (ioremap's page path). */
int vmap_phys_range(unsigned long addr, unsigned long end, phys_addr_t phys, u64 prot);
/* A PTE page vmalloc allocated, no longer in any PMD: back to the buddy allocator. */
void vmalloc_release_pte_page(unsigned long table);
/* Follows Linux's vm_area_add_early (v6.1): an area boot code already uses, made busy by vmalloc_init. */
void vm_area_add_early(struct vm_struct *vm);

/* The bounds of the area as this boot laid it out (Linux's VMALLOC_START, VMALLOC_END). */
unsigned long vmalloc_area_start(void);

/* Follows Linux's vmalloc_nr_pages (v6.1): pages backing vmalloc areas (meminfo's VmallocUsed). */
unsigned long vmalloc_nr_pages(void);
/* What meminfo prints, in kB: VmallocTotal, VmallocUsed and VmallocChunk (0 in Linux 6.1). */
struct vmalloc_meminfo {
	unsigned long total_kb, used_kb, chunk_kb;
};
void vmalloc_meminfo(struct vmalloc_meminfo *info);
/* /proc/vmallocinfo's lines on the console ("vmallocinfo" on the command line prints them at boot). */
void show_vmallocinfo(void);
void vmallocinfo_at_end_of_boot(void);
/* For the oops: the vmalloc area a faulting address is in, and whether it is its guard page. */
void vmalloc_report_fault(unsigned long addr);
/* Pages the vmalloc bookkeeping (vmap_area, vm_struct, page arrays) holds from the buddy allocator. */
unsigned long vmalloc_meta_pages(void);

#endif
