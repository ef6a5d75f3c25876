/*
 * The Allwinner sun8i machine descriptor (QEMU's orangepi-pc is an H3).
 * Follows Linux's mach-sunxi/sunxi.c (v6.1): the sun8i match (the SoCs of
 * that family this kernel has been booted on) and its name. Power-off is
 * PSCI's: QEMU puts /psci in the tree and answers SMC calls.
 */
#include <asm/mach/arch.h>

static const char *const sun8i_board_dt_compat[] = {
	"allwinner,sun8i-h2-plus",
	"allwinner,sun8i-h3",
	0
};

DT_MACHINE_START(SUN8I_DT, "Allwinner sun8i Family")
	.dt_compat = sun8i_board_dt_compat,
MACHINE_END
