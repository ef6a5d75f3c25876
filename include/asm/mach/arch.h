/* Machine descriptors: what setup_machine_fdt matches the DTB against. */
#ifndef _ASM_MACH_ARCH_H
#define _ASM_MACH_ARCH_H

#include <linux/compiler.h>

struct smp_operations;

struct machine_desc {
	unsigned int nr;		/* ~0 for device-tree machines, as in Linux */
	const char *name;
	const char *const *dt_compat;	/* NULL-terminated */
	void (*reserve)(void);		/* platform memblock reservations */
	void (*map_io)(void);		/* static device mappings (devicemaps_init) */
	void (*init_machine)(void);	/* devices, once ioremap works (customize_machine) */
	/*
	 * Not in Linux: how the board powers off from the moment its tree
	 * matched, before any driver probed (Linux cannot power off then;
	 * here a run always ends). NULL: PSCI or semihosting.
	 */
	void (*power_off)(void);
	const struct smp_operations *smp;	/* how its secondary CPUs start (asm/smp.h) */
};

/* Follows Linux's DT_MACHINE_START (arch/arm/include/asm/mach/arch.h, v6.x). */
#define DT_MACHINE_START(_id, _name)					\
static const struct machine_desc __mach_desc_##_id			\
	__used __section(".arch.info.init") __aligned(4) = {		\
		.nr = ~0u,						\
		.name = _name,

#define MACHINE_END };

extern const struct machine_desc __arch_info_begin[], __arch_info_end[];

#endif
