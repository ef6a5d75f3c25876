/*
 * Semihosting exit (ARM "Semihosting for AArch32 and AArch64" v2:
 * SYS_EXIT_EXTENDED, 0x20). QEMU honours it with -semihosting and exits
 * with the given status. Without semihosting the SVC lands in the SVC
 * vector (early_vectors, or the stubs page once paging_init installed
 * it), which returns, and the caller falls back to power-off.
 */
#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/assembler.h>
#include <asm/reboot.h>

/* Exit QEMU with @status; returns only if semihosting is not enabled. */
void semihost_exit(int status)
{
	static u32 block[2];
	register u32 r0 __asm__("r0") = SYS_EXIT_EXTENDED;
	register u32 *r1 __asm__("r1") = block;

	block[0] = ADP_Stopped_ApplicationExit;
	block[1] = (u32)status;
	__asm__ __volatile__("svc %[imm]"
			     : "+r"(r0)
			     : "r"(r1), [imm] "i"(SEMIHOST_SVC)
			     : "memory", "lr");
}
