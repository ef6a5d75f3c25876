/*
 * The vector page and the stubs page. Follows Linux's early_trap_init
 * (arch/arm/kernel/traps.c, v6.x), without the kuser helpers (there is no
 * user space to call them).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/cacheflush.h>
#include <asm/page.h>
#include <asm/traps.h>

/* Where the linker stored the two pages' contents in the image (boot/vmlinux.lds.S). */
extern const char __vectors_lma[], __stubs_lma[], __stubs_lma_end[];

/* An undefined instruction (Linux's poison value): a jump into an unused part of the page faults. */
#define VECTOR_POISON	0xe7fddef1u

/* Follows Linux's early_trap_init (arch/arm/kernel/traps.c, v6.x): fill the two pages at vectors_base. */
void early_trap_init(void *vectors_base)
{
	u32 *word = vectors_base;
	char *vectors = vectors_base;

	for (unsigned int i = 0; i < PAGE_SIZE / sizeof(*word); i++)
		word[i] = VECTOR_POISON;
	memcpy(vectors, __vectors_lma, __stubs_lma - __vectors_lma);
	memcpy(vectors + PAGE_SIZE, __stubs_lma, __stubs_lma_end - __stubs_lma);
	/* Written as data, run as code from 0xffff0000: clean to PoU, invalidate the I-cache. */
	flush_icache_range((unsigned long)vectors, (unsigned long)vectors + 2 * PAGE_SIZE);
}
