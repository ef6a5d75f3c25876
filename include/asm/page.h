/* The page: 4 KiB in both formats (Linux's arch/arm/include/asm/page.h). */
#ifndef _ASM_PAGE_H
#define _ASM_PAGE_H

#include <linux/const.h>

#define PAGE_SHIFT		12
#define PAGE_SIZE		(UL(1) << PAGE_SHIFT)
#define PAGE_MASK		(~(PAGE_SIZE - 1))
#define PAGE_ALIGN(x)		(((x) + PAGE_SIZE - 1) & PAGE_MASK)

#ifndef __ASSEMBLY__
/* One page to another, both page-aligned kernel addresses (lib/copy_page.S). */
void copy_page(void *to, const void *from);
#endif

#endif
