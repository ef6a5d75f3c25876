/*
 * libFuzzer harness: arbitrary bytes as a command line and a DTB, through
 * the early device-tree scan, parse_early_param, adjust_lowmem_bounds and
 * the reservations, with memblock's invariants checked after every step,
 * the lowmem bounds against the model, and every panic explained by the
 * input (test/fuzz/fuzz_checks.h).
 *
 * Input: 2 bytes (little-endian) of command-line length, the command line,
 * then the DTB. Built with clang (-fsanitize=fuzzer,address,undefined) for
 * both phys_addr_t widths; ctest runs it for a bounded time over the seed
 * corpus in test/fuzz/corpus/.
 */
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "khost_env.h"
#include "fuzz_checks.h"

#include <libfdt.h>
#include <linux/cma.h>
#include <linux/dma-map-ops.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/of_fdt.h>
#include <linux/string.h>
#include <asm/lowmem.h>
#include <asm/memory.h>
#include <asm/setup.h>

/* Every CMA area is memory that memblock has reserved: never memory that is not there. */
static void check_cma(void)
{
	for (unsigned int i = 0; i < cma_area_count; i++) {
		CHECK(memblock_is_region_memory(cma_areas[i].base, cma_areas[i].size), "CMA area is memory");
		CHECK(memblock_is_region_reserved(cma_areas[i].base, cma_areas[i].size), "CMA area is reserved");
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t cmdlen, dtblen;
	void *volatile dtb = NULL;	/* volatile: still right after the longjmp of a panic */
	char cmdline[COMMAND_LINE_SIZE];

	khost_reset();
	if (size < 2)
		return 0;
	cmdlen = (size_t)(data[0] | data[1] << 8) % COMMAND_LINE_SIZE;
	if (cmdlen > size - 2)
		cmdlen = size - 2;
	memcpy(cmdline, data + 2, cmdlen);
	cmdline[cmdlen] = '\0';
	dtblen = size - 2 - cmdlen;

	fuzz_step = "the start";
	fuzz_expected_panic[0] = '\0';
	khost_panic_armed = 1;
	if (setjmp(khost_panic_jmp)) {
		check_panic();	/* one the input explains is a clean end */
		goto out;
	}

	fuzz_step = "the DT scan";
	/* What setup_machine_fdt accepts: a valid header that fits the bytes given, and a sound structure. */
	if (dtblen >= FDT_V1_SIZE) {
		dtb = malloc(dtblen);
		memcpy(dtb, data + 2 + cmdlen, dtblen);
		if (fdt_check_header(dtb) == 0 && fdt_totalsize(dtb) <= dtblen &&
		    fdt_struct_sound(dtb) == 0) {
			initial_boot_params = dtb;
			early_init_dt_scan_nodes(boot_command_line);
		}
	}
	check_all("the DT scan");

	fuzz_step = "parse_early_param";
	if (cmdlen)
		khost_set_cmdline(cmdline);
	parse_early_param();
	check_all("parse_early_param");
	if (!memblock.memory.cnt)
		goto out;

	/* Without the word on the command line, nothing changed the vmalloc area's size. */
	if (!strstr(boot_command_line, "vmalloc"))
		CHECK(vmalloc_size == MODEL_VMALLOC_DEFAULT, "the default vmalloc area without vmalloc=");
	adjust_lowmem_bounds_checked("adjust_lowmem_bounds");
	fuzz_step = "early_init_fdt_scan_reserved_mem";
	early_init_fdt_scan_reserved_mem();
	check_all("early_init_fdt_scan_reserved_mem");
	fuzz_step = "dma_contiguous_reserve";
	dma_contiguous_reserve((phys_addr_t)0xffffffff);
	check_all("dma_contiguous_reserve");
	check_cma();
	adjust_lowmem_bounds_checked("the second adjust_lowmem_bounds");
	check_cma();
out:
	khost_panic_armed = 0;
	initial_boot_params = NULL;
	free(dtb);
	return 0;
}
