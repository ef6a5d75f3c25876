/*
 * The kernel's virtual address space (32 bits) and the constants that
 * place things in it. Follows Linux's arch/arm/include/asm/memory.h (v6.x).
 *
 *  0xffffffff +----------------------------+
 *  0xffff0000 | vectors (VECTORS_BASE)     |  devicemaps_init: vector page, stubs page above it
 *  0xfff00000 +----------------------------+ FIXADDR_END
 *             | fixmap (FIXADDR_START)     |  early_fixmap_init, then paging_init
 *  0xffc80000 +----------------------------+  (Linux 4.14: 0xffc00000)
 *  0xff800000 | FDT window (FDT_FIXED_BASE)|  head.S: 2 sections of the DTB; paging_init: read-only
 *             +----------------------------+ VMALLOC_END
 *  0xfee00000 |  PCI I/O (PCI_IO_VIRT_BASE)|  2 MiB, inside the vmalloc range
 *  0xfeb00000 | boot stack guard, stack   |  paging_init: 4 KiB unmapped, THREAD_SIZE mapped
 *             |      vmalloc               |  VMALLOC_START: high_memory +
 *             |                            |  VMALLOC_OFFSET, 8 MiB aligned
 *             +----------------------------+ high_memory: at most
 *             |                            |  VMALLOC_END - vmalloc_size -
 *             |                            |  VMALLOC_OFFSET (adjust_lowmem_bounds)
 *             | lowmem linear map          |
 *  KERNEL_RAM_VADDR  kernel image (_text)  |  PAGE_OFFSET + TEXT_OFFSET
 *             | swapper_pg_dir             |  just below the image
 *  PAGE_OFFSET+----------------------------+  0xC0000000 / 0xB0000000 /
 *             | pkmap (PKMAP_BASE), 2 MiB  |  0x80000000 / 0x40000000
 *             +----------------------------+ MODULES_END (PAGE_OFFSET without HIGHMEM)
 *             | modules (MODULES_VADDR)    |
 *  TASK_SIZE  +----------------------------+  PAGE_OFFSET - 16 MiB
 *             | user space (TTBR0)         |
 *  0x00000000 +----------------------------+
 *
 * virt = phys - PHYS_OFFSET + PAGE_OFFSET for lowmem; PHYS_OFFSET is
 * found at boot from where the image was loaded (it is not a constant).
 */
#ifndef _ASM_MEMORY_H
#define _ASM_MEMORY_H

#include <linux/const.h>

#define PAGE_OFFSET		UL(CONFIG_PAGE_OFFSET)

/* Where the image sits above PHYS_OFFSET: QEMU loads a raw -kernel image at RAM + 0x10000. */
#define TEXT_OFFSET		UL(0x00010000)
#define KERNEL_RAM_VADDR	(PAGE_OFFSET + TEXT_OFFSET)

/* PHYS_OFFSET must be this aligned: current Linux's p2v patching needs 2 MiB (Linux 4.14: 16 MiB). */
#define PHYS_OFFSET_ALIGN	SZ_2M

/* Current Linux maps the DTB here from head.S (4.14 used its lowmem address). */
#define FDT_FIXED_BASE		UL(0xff800000)
#define FDT_FIXED_SIZE		(2 * SECTION_SIZE)

/*
 * The kernel stack after paging_init: THREAD_SIZE of pages in the vmalloc
 * area with an unmapped guard page below (Linux's VMAP_STACK in spirit),
 * so an overflow faults instead of running into .data.
 */
#define BOOT_STACK_GUARD	UL(0xfeb00000)
#define BOOT_STACK_VIRT		(BOOT_STACK_GUARD + SZ_4K)

/* The vmalloc area ends where the FDT window starts; 8 MiB guard gap below it. */
#define VMALLOC_END		UL(0xff800000)
#define VMALLOC_OFFSET		SZ_8M
/* Default vmalloc area (Linux's vmalloc_size); vmalloc= changes it. */
#define VMALLOC_DEFAULT_SIZE	(240 * SZ_1M)

/* User space ends 16 MiB below the kernel; modules live in those 16 MiB. */
#define TASK_SIZE		(PAGE_OFFSET - SZ_16M)
#define MODULES_VADDR		(PAGE_OFFSET - SZ_16M)
/* With HIGHMEM the top 2 MiB below PAGE_OFFSET are the pkmap area (one PTE table). */
#ifdef CONFIG_HIGHMEM
#define MODULES_END		(PAGE_OFFSET - SZ_2M)
#else
#define MODULES_END		(PAGE_OFFSET)
#endif
#define PKMAP_BASE		(PAGE_OFFSET - SZ_2M)
#define LAST_PKMAP		512

/* Fixmap: Linux 6.x's bounds (4.14 started at 0xffc00000, where the FDT window now ends). */
#define FIXADDR_START		UL(0xffc80000)
#define FIXADDR_END		UL(0xfff00000)
#define FIXADDR_TOP		(FIXADDR_END - SZ_4K)

#define PCI_IO_VIRT_BASE	UL(0xfee00000)
#define VECTORS_BASE		UL(0xffff0000)

#define THREAD_SIZE		8192

#ifndef __ASSEMBLY__
#include <linux/types.h>

/* The layout's invariants, checked for every VMSPLIT at build time. */
_Static_assert(TASK_SIZE <= MODULES_VADDR, "user space ends where modules start");
_Static_assert(MODULES_END <= PAGE_OFFSET && MODULES_VADDR < MODULES_END, "modules below the linear map");
_Static_assert(PKMAP_BASE + LAST_PKMAP * SZ_4K == PAGE_OFFSET, "pkmap is the 2 MiB just below PAGE_OFFSET");
_Static_assert(PCI_IO_VIRT_BASE + SZ_2M <= VMALLOC_END, "PCI I/O sits in the vmalloc range");
_Static_assert(BOOT_STACK_GUARD >= VMALLOC_END - SZ_16M && BOOT_STACK_VIRT + THREAD_SIZE <= PCI_IO_VIRT_BASE,
	       "the boot stack and its guard are inside the smallest vmalloc area, below PCI I/O");
_Static_assert(FDT_FIXED_BASE >= VMALLOC_END && FDT_FIXED_BASE + 2 * SZ_2M <= FIXADDR_START,
	       "the FDT window (2 sections, up to 4 MiB with LPAE) fits between vmalloc and the fixmap");
_Static_assert(FIXADDR_END <= VECTORS_BASE, "the fixmap ends below the vectors");
_Static_assert(PAGE_OFFSET + SZ_32M + VMALLOC_OFFSET + SZ_16M <= VMALLOC_END,
	       "every split leaves room for 32 MiB of lowmem and the smallest vmalloc area");

extern phys_addr_t __pv_phys_offset;	/* PHYS_OFFSET, set by head.S */
extern unsigned long __pv_offset;	/* PHYS_OFFSET - PAGE_OFFSET (mod 2^32) */

#define PHYS_OFFSET		(__pv_phys_offset)

static inline phys_addr_t __virt_to_phys(unsigned long x)
{
	return (phys_addr_t)(x - PAGE_OFFSET) + PHYS_OFFSET;
}

static inline unsigned long __phys_to_virt(phys_addr_t x)
{
	return (unsigned long)(x - PHYS_OFFSET) + PAGE_OFFSET;
}

#ifdef HOST_TEST
/* Host tests map part of "RAM" onto a buffer (test/host/khost_va.c); the rest is arithmetic as here. */
void *khost_va(phys_addr_t phys);
phys_addr_t khost_pa(const volatile void *virt);
#define __pa(x)		khost_pa((const volatile void *)(x))
#define __va(x)		khost_va((phys_addr_t)(x))
#else
#define __pa(x)		__virt_to_phys((unsigned long)(x))
#define __va(x)		((void *)__phys_to_virt((phys_addr_t)(x)))
#endif
#endif

#endif
