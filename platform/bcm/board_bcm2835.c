/*
 * The Broadcom BCM283x machine descriptor (Raspberry Pi 1-3 in 32-bit
 * mode; QEMU's raspi2b is a BCM2836). Follows Linux's
 * mach-bcm/board_bcm2835.c (v6.1): its match and name. The board has no
 * PSCI: QEMU's secondary CPUs wait in a spin loop in the first page of
 * RAM, which the tree's /memreserve/ keeps from the allocator, and
 * power-off is semihosting's.
 */
#include <asm/mach/arch.h>

static const char *const bcm2835_compat[] = {
	"brcm,bcm2835",
	"brcm,bcm2836",
	"brcm,bcm2837",
	0
};

DT_MACHINE_START(BCM2835, "BCM2835")
	.dt_compat = bcm2835_compat,
MACHINE_END
