/*
 * Short-descriptor fault status (DFSR/IFSR FS[4:0] = FS[4]:FS[3:0], ARM ARM
 * B4.1.52/B4.1.96): the names Linux prints, from its fsr-2level.c (v6.1).
 */
#include <asm/fault.h>

#define M(name)	{ name, true }
#define B(name)	{ name, false }

static const struct fsr_info fsr_info[32] = {
	B("vector exception"), B("alignment exception"), B("terminal exception"),
	B("alignment exception"), B("external abort on linefetch"), M("section translation fault"),
	B("external abort on linefetch"), M("page translation fault"),
	B("external abort on non-linefetch"), M("section domain fault"),
	B("external abort on non-linefetch"), M("page domain fault"),
	B("external abort on translation"), M("section permission fault"),
	B("external abort on translation"), M("page permission fault"),
	B("unknown 16"), B("unknown 17"), B("unknown 18"), B("unknown 19"), B("lock abort"),
	B("unknown 21"), B("imprecise external abort"), B("unknown 23"), B("dcache parity error"),
	B("unknown 25"), B("unknown 26"), B("unknown 27"), B("unknown 28"), B("unknown 29"),
	B("unknown 30"), B("unknown 31"),
};

static const struct fsr_info ifsr_info[32] = {
	B("unknown 0"), B("unknown 1"), B("debug event"), M("section access flag fault"),
	B("unknown 4"), M("section translation fault"), M("page access flag fault"),
	M("page translation fault"), B("external abort on non-linefetch"), M("section domain fault"),
	B("unknown 10"), M("page domain fault"), B("external abort on translation"),
	M("section permission fault"), B("external abort on translation"), M("page permission fault"),
	B("unknown 16"), B("unknown 17"), B("unknown 18"), B("unknown 19"), B("unknown 20"),
	B("unknown 21"), B("unknown 22"), B("unknown 23"), B("unknown 24"), B("unknown 25"),
	B("unknown 26"), B("unknown 27"), B("unknown 28"), B("unknown 29"), B("unknown 30"),
	B("unknown 31"),
};

/* Linux's fsr_fs: FS[4] is bit 10. */
static unsigned int fsr_fs(unsigned int fsr)
{
	return (fsr & 15) | ((fsr & (1u << 10)) >> 6);
}

const struct fsr_info *dfsr_decode(unsigned int fsr)
{
	return &fsr_info[fsr_fs(fsr)];
}

const struct fsr_info *ifsr_decode(unsigned int ifsr)
{
	return &ifsr_info[fsr_fs(ifsr)];
}
