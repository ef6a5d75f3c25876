/*
 * The rows of ptdump's PTE table that both formats have, in Linux's order
 * (arch/arm/mm/dump.c, v6.1, pte_bits). The names are the format's own
 * (asm/pgtable-2level.h or asm/pgtable-3level.h, whichever the file that
 * expands this includes), so the values are too: mm/ptdump-2level.c and
 * mm/ptdump-3level.c each start their table with these rows.
 */
#ifndef _MM_PTDUMP_PTE_BITS_H
#define _MM_PTDUMP_PTE_BITS_H

#define PTDUMP_PTE_BITS_COMMON										\
	{ .mask = L_PTE_USER, .val = L_PTE_USER, .set = "USR", .clear = "   " },			\
	{ .mask = L_PTE_RDONLY, .val = L_PTE_RDONLY, .set = "ro", .clear = "RW", .ro_bit = true },	\
	{ .mask = L_PTE_XN, .val = L_PTE_XN, .set = "NX", .clear = "x ", .nx_bit = true },		\
	{ .mask = L_PTE_SHARED, .val = L_PTE_SHARED, .set = "SHD", .clear = "   " },			\
	{ .mask = L_PTE_MT_MASK, .val = L_PTE_MT_UNCACHED, .set = "SO/UNCACHED" },			\
	{ .mask = L_PTE_MT_MASK, .val = L_PTE_MT_BUFFERABLE, .set = "MEM/BUFFERABLE/WC" },		\
	{ .mask = L_PTE_MT_MASK, .val = L_PTE_MT_WRITETHROUGH, .set = "MEM/CACHED/WT" },		\
	{ .mask = L_PTE_MT_MASK, .val = L_PTE_MT_WRITEBACK, .set = "MEM/CACHED/WBRA" },			\
	{ .mask = L_PTE_MT_MASK, .val = L_PTE_MT_WRITEALLOC, .set = "MEM/CACHED/WBWA" },		\
	{ .mask = L_PTE_MT_MASK, .val = L_PTE_MT_DEV_SHARED, .set = "DEV/SHARED" },			\
	{ .mask = L_PTE_MT_MASK, .val = L_PTE_MT_DEV_WC, .set = "DEV/WC" },				\
	{ .mask = L_PTE_MT_MASK, .val = L_PTE_MT_DEV_CACHED, .set = "DEV/CACHED" }

#endif
