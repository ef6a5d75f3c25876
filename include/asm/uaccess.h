/*
 * Keeping user space out of the kernel's reach (Linux's privileged
 * no-access emulations, arch/arm/include/asm/uaccess.h):
 *  - classic: user mappings are in DOMAIN_USER, which DACR_INIT makes
 *    "no access" (CPU_SW_DOMAIN_PAN, v4.3+): any kernel access faults
 *    with a domain fault;
 *  - LPAE: no domains, and no other way with Linux's layout
 *    (mm/uaccess-3level.c): as in Linux 6.1, nothing.
 * uaccess_save_and_enable opens the door for a deliberate access;
 * uaccess_restore closes it again.
 */
#ifndef _ASM_UACCESS_H
#define _ASM_UACCESS_H

#include <linux/types.h>

struct page;

/* Whether this build can keep user addresses out of the kernel's reach. */
bool uaccess_protected(void);
/* Follows Linux's uaccess_save_and_enable (v6.x): allow, and return what to restore. */
u32 uaccess_save_and_enable(void);
/* Follows Linux's uaccess_restore (v6.x). */
void uaccess_restore(u32 saved);

/*
 * There is no user space here. For the tests and fault=user-mapped: map
 * one page at a user address as a user read/write page would be, and
 * take it away again (the PTE page comes from the buddy allocator).
 */
int map_user_page(unsigned long va, struct page *page);
void unmap_user_page(unsigned long va);

#endif
