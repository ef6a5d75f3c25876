/* The Versatile Express machine descriptor. Follows Linux's mach-vexpress/v2m.c (v6.x). */
#include <asm/mach/arch.h>

static const char *const v2m_dt_match[] = {
	"arm,vexpress",
	0
};

DT_MACHINE_START(VEXPRESS_DT, "ARM-Versatile Express")
	.dt_compat = v2m_dt_match,
MACHINE_END
