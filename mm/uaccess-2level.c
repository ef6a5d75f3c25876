/*
 * Classic: user space is kept out by its domain. DACR_INIT (head.S) makes
 * DOMAIN_USER "no access"; opening it makes it "client", so the AP bits
 * decide again (ARM ARM B3.12.3). Follows Linux's CPU_SW_DOMAIN_PAN
 * uaccess_save_and_enable / uaccess_restore (asm/uaccess.h, v6.x).
 */
#include <asm/domain.h>
#include <asm/system.h>
#include <asm/uaccess.h>

bool uaccess_protected(void)
{
	return true;
}

u32 uaccess_save_and_enable(void)
{
	u32 old = read_dacr();
	u32 open = (old & ~(u32)domain_val(DOMAIN_USER, 3)) | domain_val(DOMAIN_USER, DOMAIN_CLIENT);

	write_dacr(open);
	return old;
}

void uaccess_restore(u32 saved)
{
	write_dacr(saved);
}
