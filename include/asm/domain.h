/*
 * Domains of the short-descriptor format (ARM ARM B3.12.3): each first-level
 * entry names one of 16, and DACR says per domain whether accesses fault
 * (no access) or are checked against the AP bits (client). Numbers and the
 * boot DACR follow Linux's arch/arm/include/asm/domain.h (v6.x) as Debian's
 * armmp kernel has it (CPU_SW_DOMAIN_PAN: user space not reachable from the
 * kernel unless opened on purpose). The long-descriptor format has no domains.
 */
#ifndef _ASM_DOMAIN_H
#define _ASM_DOMAIN_H

#define DOMAIN_KERNEL		0
#define DOMAIN_USER		1
#define DOMAIN_IO		2
#define DOMAIN_VECTORS		3

#define DOMAIN_NOACCESS		0
#define DOMAIN_CLIENT		1
/* On ARMv7 Linux never uses "manager" (AP bits ignored): kernel domains are clients. */
#define DOMAIN_MANAGER		DOMAIN_CLIENT

#define domain_val(dom, type)	((type) << (2 * (dom)))

/* 0x51: kernel, I/O and vectors client; user no access (Linux's DACR_INIT with PAN). */
#define DACR_INIT	(domain_val(DOMAIN_USER, DOMAIN_NOACCESS) | \
			 domain_val(DOMAIN_KERNEL, DOMAIN_MANAGER) | \
			 domain_val(DOMAIN_IO, DOMAIN_CLIENT) | \
			 domain_val(DOMAIN_VECTORS, DOMAIN_CLIENT))

#endif
