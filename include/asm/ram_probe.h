#ifndef _ASM_RAM_PROBE_H
#define _ASM_RAM_PROBE_H

#include <linux/types.h>

/* What the probe removed, [start, end), for the memblock suite to account for. */
struct ram_probe_range {
	phys_addr_t start, end;
};
#define RAM_PROBE_MAX_SILENT	8
extern struct ram_probe_range ram_probe_silent[RAM_PROBE_MAX_SILENT];
extern unsigned int ram_probe_nr_silent;

/* Remove from memblock.memory what does not keep what is written to it (mm/ram_probe.c). */
void memblock_probe_ram(void);

#endif
