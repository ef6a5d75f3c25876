/*
 * LPAE: no domains, so nothing keeps a mapped user page out of the
 * kernel's reach. Linux 6.1 has none either (CPU_SW_DOMAIN_PAN depends on
 * !ARM_LPAE). Disabling TTBR0 walks (TTBCR.EPD0) is no way out with
 * Linux's layout: TTBR1 covers whole GiBs from PAGE_OFFSET (T1SZ), and
 * the modules area and the pkmap PMD sit just below PAGE_OFFSET, in
 * TTBR0's region with the user pages; with the 1G split TTBR1 is not
 * used at all. User addresses here are unmapped unless a test maps one.
 */
#include <asm/uaccess.h>

bool uaccess_protected(void)
{
	return false;
}

u32 uaccess_save_and_enable(void)
{
	return 0;
}

void uaccess_restore(u32 saved)
{
	(void)saved;
}
