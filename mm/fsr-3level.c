/*
 * Long-descriptor fault status (DFSR/IFSR STATUS[5:0], ARM ARM B4.1.52):
 * the names Linux prints, from its fsr-3level.c (v6.1). The same table
 * serves prefetch aborts.
 */
#include <asm/fault.h>

#define M(name)	{ name, true }
#define B(name)	{ name, false }
#define WALK	"synchronous abort (translation table walk)"
#define PWALK	"synchronous parity error (translation table walk"

static const struct fsr_info fsr_info[64] = {
	B("unknown 0"), B("unknown 1"), B("unknown 2"), B("unknown 3"),
	B("reserved translation fault"), M("level 1 translation fault"),
	M("level 2 translation fault"), M("level 3 translation fault"),
	B("reserved access flag fault"), M("level 1 access flag fault"),
	M("level 2 access flag fault"), M("level 3 access flag fault"),
	B("reserved permission fault"), M("level 1 permission fault"),
	M("level 2 permission fault"), M("level 3 permission fault"),
	B("synchronous external abort"), B("asynchronous external abort"), B("unknown 18"),
	B("unknown 19"), B(WALK), B(WALK), B(WALK), B(WALK), B("synchronous parity error"),
	B("asynchronous parity error"), B("unknown 26"), B("unknown 27"), B(PWALK), B(PWALK),
	B(PWALK), B(PWALK), B("unknown 32"), B("alignment fault"), B("debug event"),
	B("unknown 35"), B("unknown 36"), B("unknown 37"), B("unknown 38"), B("unknown 39"),
	B("unknown 40"), B("unknown 41"), B("unknown 42"), B("unknown 43"), B("unknown 44"),
	B("unknown 45"), B("unknown 46"), B("unknown 47"), B("unknown 48"), B("unknown 49"),
	B("unknown 50"), B("unknown 51"), B("implementation fault (lockdown abort)"),
	B("unknown 53"), B("unknown 54"), B("unknown 55"), B("unknown 56"), B("unknown 57"),
	B("implementation fault (coprocessor abort)"), B("unknown 59"), B("unknown 60"),
	B("unknown 61"), B("unknown 62"), B("unknown 63"),
};

/* Linux's fsr_fs for LPAE: STATUS[5:0]. */
const struct fsr_info *dfsr_decode(unsigned int fsr)
{
	return &fsr_info[fsr & 0x3f];
}

/* Linux's ifsr_info is fsr_info with LPAE. */
const struct fsr_info *ifsr_decode(unsigned int ifsr)
{
	return dfsr_decode(ifsr);
}
