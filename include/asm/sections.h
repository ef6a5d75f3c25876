/*
 * The linker script's section boundaries (boot/vmlinux.lds.S), as Linux's
 * asm-generic/sections.h names them.
 */
#ifndef _ASM_SECTIONS_H
#define _ASM_SECTIONS_H

extern char _text[], _stext[], _etext[];
extern char __start_rodata[], __end_rodata[];
extern char __init_begin[], __init_end[];
extern char _sdata[], _edata[];
extern char __bss_start[], __bss_stop[];
extern char _end[];
/* head.S's: the identity-mapped MMU switch and the boot stack (swapper_pg_dir: asm/pgtable.h). */
extern char __turn_mmu_on[], __turn_mmu_on_end[];
extern char __idmap_text_start[], __idmap_text_end[];
extern char init_thread_union[];

#endif
