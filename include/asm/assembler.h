/* Helpers for the assembly files. */
#ifndef _ASM_ASSEMBLER_H
#define _ASM_ASSEMBLER_H

#define ENTRY(name)	.globl name; .type name, %function; .align 2; name:
#define ENDPROC(name)	.size name, . - name
#define END(name)	.size name, . - name

/* Semihosting (ARM semihosting spec v2): the A32 trap and the calls we use. */
#define SEMIHOST_SVC		0x123456
#define SYS_WRITEC		0x03	/* r1: address of one character */
#define SYS_WRITE0		0x04	/* r1: address of a NUL-terminated string */
#define SYS_EXIT_EXTENDED	0x20
#define ADP_Stopped_ApplicationExit 0x20026

#endif
