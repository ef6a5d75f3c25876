/*
 * Basic kernel integer types.
 *
 * Fixed-width shorthands (u8..u64, s8..s64) plus phys_addr_t, whose width is
 * a configuration choice: 64 bits with LPAE (CONFIG_PHYS_ADDR_T_64BIT), 32 bits
 * otherwise. Only freestanding compiler headers are used.
 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Spelled out rather than taken from <stdint.h>: arm-none-eabi's uint32_t is
 * 'unsigned long', and printk's %x/%u want u32 to be 'unsigned int', as in Linux.
 */
typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;

typedef signed char s8;
typedef short s16;
typedef int s32;
typedef long long s64;

/*
 * phys_addr_t width selection.
 *
 * The Kconfig symbol CONFIG_PHYS_ADDR_T_64BIT (defined to 1 by the generated
 * config header, or absent) is the normal switch. A build may instead pass
 * -DPHYS_ADDR_T_SIZE=8 (or 4) directly; both ways must agree.
 * PHYS_ADDR_T_SIZE always ends up defined as sizeof(phys_addr_t), as a plain
 * integer literal so that it is usable in #if.
 */
#if defined(CONFIG_PHYS_ADDR_T_64BIT) || \
	(defined(PHYS_ADDR_T_SIZE) && PHYS_ADDR_T_SIZE == 8)
typedef u64 phys_addr_t;
# ifndef PHYS_ADDR_T_SIZE
#  define PHYS_ADDR_T_SIZE 8
# elif PHYS_ADDR_T_SIZE != 8
#  error "CONFIG_PHYS_ADDR_T_64BIT is set but PHYS_ADDR_T_SIZE != 8"
# endif
#else
typedef u32 phys_addr_t;
# ifndef PHYS_ADDR_T_SIZE
#  define PHYS_ADDR_T_SIZE 4
# elif PHYS_ADDR_T_SIZE != 4
#  error "PHYS_ADDR_T_SIZE must be 4 or 8"
# endif
#endif

_Static_assert(sizeof(phys_addr_t) == PHYS_ADDR_T_SIZE,
	       "PHYS_ADDR_T_SIZE does not match sizeof(phys_addr_t)");

/* Sizes of physical resources (memory banks, reserved regions). */
typedef phys_addr_t resource_size_t;
/* Bus addresses as devices see them: as wide as physical ones (Linux's ARCH_DMA_ADDR_T_64BIT with LPAE). */
typedef phys_addr_t dma_addr_t;

#endif /* _LINUX_TYPES_H */
