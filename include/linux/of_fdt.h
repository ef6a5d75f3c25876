/*
 * The flattened device tree as early boot reads it. Follows Linux's
 * include/linux/of_fdt.h and drivers/of/fdt.c (v6.x).
 */
#ifndef _LINUX_OF_FDT_H
#define _LINUX_OF_FDT_H

#include <linux/types.h>
#include <libfdt_env.h>

/* The DTB being scanned (Linux's initial_boot_params). */
extern void *initial_boot_params;
/* Root #address-cells / #size-cells, 1 when absent. */
extern u32 dt_root_addr_cells;
extern u32 dt_root_size_cells;
/* The /chosen stdout-path (or linux,stdout-path), NULL when there is none. */
extern const char *of_stdout_path;

/* The whole structure block is sound enough for libfdt to walk (not in Linux); 0 or -FDT_ERR_BADSTRUCTURE. */
int fdt_struct_sound(const void *fdt);

/* Read a cells-wide big-endian number and advance (Linux's dt_mem_next_cell). */
u64 dt_mem_next_cell(u32 cells, const fdt32_t **cellp);
/* of_fdt_device_is_available: status absent, "okay" or "ok". */
bool of_fdt_device_is_available(const void *fdt, int node);

/*
 * The CPU address and size of @node's reg entry @index, through the ranges
 * of the buses above it (drivers/of/fdt_address.c); 0 or -EINVAL.
 */
int of_fdt_reg_address(const void *fdt, int node, int index, u64 *addr, u64 *size);

/* The scans of early_init_dt_scan, in Linux's order. */
void early_init_dt_scan_root(void);
int early_init_dt_scan_chosen(char *cmdline);
int early_init_dt_scan_memory(void);
void early_init_dt_add_memory_arch(u64 base, u64 size);
void early_init_dt_scan_nodes(char *cmdline);

/* arm_memblock_init's device-tree reservations. */
void early_init_fdt_reserve_self(void);
void early_init_fdt_scan_reserved_mem(void);

#endif
