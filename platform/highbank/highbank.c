/*
 * The Calxeda Highbank/Midway machine descriptor (QEMU's midway is an
 * ECX-2000). Follows Linux's mach-highbank/highbank.c (v6.1): its match
 * and name. Power-off is PSCI's: QEMU puts /psci in the tree and answers
 * SMC calls.
 */
#include <asm/mach/arch.h>

static const char *const highbank_match[] = {
	"calxeda,highbank",
	"calxeda,ecx-2000",
	0
};

DT_MACHINE_START(HIGHBANK, "Highbank")
	.dt_compat = highbank_match,
MACHINE_END
