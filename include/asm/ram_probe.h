#ifndef _ASM_RAM_PROBE_H
#define _ASM_RAM_PROBE_H

/* Remove from memblock.memory what does not keep what is written to it (mm/ram_probe.c). */
void memblock_probe_ram(void);

#endif
