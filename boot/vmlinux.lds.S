/*
 * Linker script for vmlinux: linked at PAGE_OFFSET + TEXT_OFFSET, the
 * order of sections follows Linux's arch/arm/kernel/vmlinux.lds.S (v6.x).
 * Load addresses (LMA) assume RAM at V2M_RAM_PHYS so QEMU can also boot
 * the ELF file; the raw Image is position independent.
 */
#include <asm/cache.h>
#include <asm/memory.h>
#include <asm/pgtable-hwdef.h>
#include <mach/vexpress.h>

#define LOAD_OFFSET	(PAGE_OFFSET - V2M_RAM_PHYS)

OUTPUT_ARCH(arm)
ENTRY(stext_phys)

SECTIONS
{
	. = PAGE_OFFSET + TEXT_OFFSET;
	swapper_pg_dir = . - PG_DIR_SIZE;
	stext_phys = stext - LOAD_OFFSET;

	.head.text : AT(ADDR(.head.text) - LOAD_OFFSET) {
		_text = .;
		KEEP(*(.head.text))
		. = ALIGN(32);
		__idmap_text_start = .;
		KEEP(*(.idmap.text))
		__idmap_text_end = .;
	}

	/*
	 * Text, read-only data and the rest each start on a section (1 MiB
	 * classic, 2 MiB LPAE), as Linux's STRICT_KERNEL_RWX lays them out, so
	 * paging_init can map them executable/read-only/writable with section
	 * entries: no mapping both writable and executable.
	 */
	. = ALIGN(SECTION_SIZE);
	.text : AT(ADDR(.text) - LOAD_OFFSET) {
		_stext = .;
		*(.text .text.*)
		*(.glue_7 .glue_7t .vfp11_veneer .v4_bx)
		. = ALIGN(4);
	}
	_etext = .;

	. = ALIGN(SECTION_SIZE);
	__start_rodata = .;
	.rodata : AT(ADDR(.rodata) - LOAD_OFFSET) {
		*(.rodata .rodata.*)
		. = ALIGN(4);
		__arch_info_begin = .;
		KEEP(*(.arch.info.init))
		__arch_info_end = .;
		. = ALIGN(4);
		__ktest_suites_start = .;
		KEEP(*(.ktest.suites))
		__ktest_suites_end = .;
		. = ALIGN(4);
		__setup_start = .;
		KEEP(*(.init.setup))
		__setup_end = .;
	}
	.ARM.extab : AT(ADDR(.ARM.extab) - LOAD_OFFSET) { *(.ARM.extab*) }
	.ARM.exidx : AT(ADDR(.ARM.exidx) - LOAD_OFFSET) { *(.ARM.exidx*) }
	__end_rodata = .;

	. = ALIGN(SECTION_SIZE);
	__init_begin = .;
	.init : AT(ADDR(.init) - LOAD_OFFSET) {
		*(.init.text .init.data)
	}

	/*
	 * Per-CPU variables (linux/percpu.h), cache-line aligned, in init
	 * memory as Linux's PERCPU_SECTION: the template setup_per_cpu_areas
	 * copies into each CPU's unit, then free_initmem frees. Its end is not
	 * rounded up: the static size in the "percpu:" line is the variables'.
	 */
	. = ALIGN(L1_CACHE_BYTES);
	.data..percpu : AT(ADDR(.data..percpu) - LOAD_OFFSET) {
		__per_cpu_start = .;
		*(.data..percpu)
		__per_cpu_end = .;
	}

	/*
	 * The vector page and the stubs page (boot/entry-armv.S): linked where
	 * devicemaps_init maps them, 0xffff0000 and 0xffff1000, stored here in
	 * the image, from where early_trap_init copies them.
	 */
	. = ALIGN(8);
	__vectors_lma = .;
	.vectors VECTORS_BASE : AT(__vectors_lma - LOAD_OFFSET) {
		KEEP(*(.vectors))
	}
	. = __vectors_lma + SIZEOF(.vectors);
	__stubs_lma = .;
	.stubs VECTORS_BASE + SZ_4K : AT(__stubs_lma - LOAD_OFFSET) {
		KEEP(*(.stubs))
	}
	. = __stubs_lma + SIZEOF(.stubs);
	__stubs_lma_end = .;
	/* Init ends on a section too: it is executable until free_initmem, the data never. */
	. = ALIGN(SECTION_SIZE);
	__init_end = .;

	/*
	 * The symbol table (tools/gen-kallsyms.py) is added by the second link:
	 * after all code, so that it moves no code symbol.
	 */
	.kallsyms : AT(ADDR(.kallsyms) - LOAD_OFFSET) {
		KEEP(*(.kallsyms))
	}

	.data : AT(ADDR(.data) - LOAD_OFFSET) {
		. = ALIGN(THREAD_SIZE);
		_sdata = .;
		KEEP(*(.data..init_task))
		*(.data .data.*)
		/* libfdt is position-independent code: its GOT ends up here. */
		*(.got.plt .got)
		. = ALIGN(4);
	}
	_edata = .;

	.bss (NOLOAD) : AT(ADDR(.bss) - LOAD_OFFSET) {
		. = ALIGN(8);
		__bss_start = .;
		*(.bss .bss.* COMMON)
		. = ALIGN(8);
		__bss_stop = .;
	}
	_end = .;

	/DISCARD/ : { *(.note.*) *(.comment) *(.ARM.attributes.discard) }
}

ASSERT(SIZEOF(.vectors) <= SZ_4K && SIZEOF(.stubs) <= SZ_4K, "vectors and stubs fit a page each")
ASSERT(__idmap_text_end - __idmap_text_start <= 0x1000, "idmap text must fit in a page")
ASSERT(_text == PAGE_OFFSET + TEXT_OFFSET, "_text must sit at PAGE_OFFSET + TEXT_OFFSET")
ASSERT(stext == _text, "the boot loader enters at the image's first byte: head.S links first")
