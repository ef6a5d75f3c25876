/*
 * ioremap: device memory mapped into the vmalloc area. Follows Linux's
 * arch/arm/include/asm/io.h (v6.1); mm/ioremap.c.
 */
#ifndef _ASM_IO_H
#define _ASM_IO_H

#include <linux/types.h>

#define __iomem

/* Follows Linux's __arm_ioremap_pfn_caller (v6.1): size bytes at pfn + offset, of memory type mtype. */
void __iomem *__arm_ioremap_pfn_caller(unsigned long pfn, unsigned long offset, size_t size,
				       unsigned int mtype, const void *caller);
/* Device (MT_DEVICE), write-combining (MT_DEVICE_WC) and cached (MT_DEVICE_CACHED) mappings. */
void __iomem *ioremap(phys_addr_t phys, size_t size);
void __iomem *ioremap_wc(phys_addr_t phys, size_t size);
void __iomem *ioremap_cache(phys_addr_t phys, size_t size);
void iounmap(volatile void __iomem *addr);

static inline u8 readb(const volatile void __iomem *addr)
{
	return *(const volatile u8 *)addr;
}

static inline void writeb(u8 val, volatile void __iomem *addr)
{
	*(volatile u8 *)addr = val;
}

static inline u16 readw(const volatile void __iomem *addr)
{
	return *(const volatile u16 *)addr;
}

static inline void writew(u16 val, volatile void __iomem *addr)
{
	*(volatile u16 *)addr = val;
}

static inline u32 readl(const volatile void __iomem *addr)
{
	return *(const volatile u32 *)addr;
}

static inline void writel(u32 val, volatile void __iomem *addr)
{
	*(volatile u32 *)addr = val;
}

#endif
