/*
 * setup_arch: the architecture half of start_kernel. Follows Linux's
 * arch/arm/kernel/setup.c (v6.x). Later stages (memblock, paging_init,
 * bootmem_init) hang off the end of setup_arch in Linux's order.
 */
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/of_fdt.h>
#include <linux/psci.h>
#include <libfdt.h>
#include <linux/string.h>
#include <asm/bootstats.h>
#include <asm/cp15.h>
#include <asm/early_ioremap.h>
#include <asm/fixmap.h>
#include <asm/lowmem.h>
#include <asm/mem_types.h>
#include <asm/mmu.h>
#include <asm/mach/arch.h>
#include <asm/memory.h>
#include <asm/ram_probe.h>
#include <asm/reboot.h>
#include <asm/sections.h>
#include <asm/setup.h>
#include <asm/system.h>

/* Written by head.S before start_kernel (after it clears .bss). */
u32 processor_id;
u32 __machine_arch_type;
u32 __boot_r2;
u32 __atags_pointer;
u32 __boot_cpu_hyp;
phys_addr_t __pv_phys_offset;
unsigned long __pv_offset;

const struct machine_desc *machine_desc;
u32 cpu_mmfr0;		/* ID_MMFR0: which translation formats the CPU has */

/* CTR.L1Ip, bits [15:14]: the L1 instruction cache's indexing (ARM ARM B4.1.42). */
#define CTR_L1IP_VIVT_ASID	1
#define CTR_L1IP_PIPT		3

/*
 * Whether the L1 instruction cache aliases: one way (line size times
 * sets, from its CCSIDR: ARM ARM B4.1.19, selected through CSSELR
 * B4.1.41) is larger than a page, so two virtual addresses of one
 * physical line may index different sets. Follows Linux's
 * cpu_has_aliasing_icache (arch/arm/kernel/setup.c, v6.1) for ARMv7.
 */
static bool cpu_has_aliasing_icache(void)
{
	u32 ccsidr, line_size, num_sets;

	__asm__ __volatile__("mcr p15, 2, %0, c0, c0, 0\n\tisb" : : "r"(1u));	/* CSSELR: L1, instruction */
	__asm__ __volatile__("mrc p15, 1, %0, c0, c0, 0" : "=r"(ccsidr));	/* CCSIDR */
	line_size = 4u << ((ccsidr & 7) + 2);
	num_sets = ((ccsidr >> 13) & 0x7fff) + 1;
	return line_size * num_sets > PAGE_SIZE;
}

/*
 * Follows Linux's cacheid_init (arch/arm/kernel/setup.c, v6.1) for the
 * ARMv7 cache type register format: the data cache is PIPT (or VIPT
 * non-aliasing); the instruction cache is as CTR.L1Ip says, and a VIPT
 * one aliases or not by its geometry (the Cortex-A7's does, the A9's
 * does not; the A15's is PIPT).
 */
static void cacheid_init(void)
{
	u32 ctr = read_cpuid_cachetype();
	const char *icache;

	if ((ctr >> 29) != 4) {
		pr_info("CPU: unknown cache type register format %08x\n", ctr);
		return;
	}
	switch ((ctr >> 14) & 3) {
	case CTR_L1IP_VIVT_ASID:
		icache = "VIVT ASID tagged";
		break;
	case CTR_L1IP_PIPT:
		icache = "PIPT";
		break;
	default:
		icache = cpu_has_aliasing_icache() ? "VIPT aliasing" : "VIPT nonaliasing";
		break;
	}
	pr_info("CPU: %s data cache, %s instruction cache\n", "PIPT / VIPT nonaliasing", icache);
}

/*
 * Stacks for the exception modes. Linux's cpu_init gives each mode a
 * 3-word stack and runs its handlers on the kernel stack; here the fault
 * handlers run in the mode the exception entered, on these stacks, so an
 * overflowed or broken kernel stack can still be reported.
 */
static u8 exc_stacks[4][EXC_STACK_SIZE] __aligned(8);

/*
 * Follows Linux's cpu_init (arch/arm/kernel/setup.c, v6.x): each exception
 * mode's sp, in @stacks (EXC_STACKS_SIZE bytes; a secondary CPU's come
 * from kernel/smp-boot.c, the boot CPU's are exc_stacks).
 */
void cpu_init(u8 (*stacks)[EXC_STACK_SIZE])
{
	static const u32 modes[4] = { ABT_MODE, UND_MODE, IRQ_MODE, FIQ_MODE };
	u32 cpsr;

	__asm__ __volatile__("mrs %0, cpsr" : "=r"(cpsr));
	for (int i = 0; i < 4; i++) {
		/* Low registers only: FIQ mode banks r8-r12, so a value there would change under us. */
		register u32 m __asm__("r0") = (cpsr & ~(u32)MODE_MASK) | modes[i] | PSR_I_BIT | PSR_F_BIT;
		register u8 *top __asm__("r1") = stacks[i] + EXC_STACK_SIZE;
		register u32 back __asm__("r2") = cpsr;

		__asm__ __volatile__("msr cpsr_c, %0\n\tmov sp, %1\n\tmsr cpsr_c, %2"
				     : : "r"(m), "r"(top), "r"(back) : "memory");
	}
}

/* Follows Linux's setup_processor (v6.x): identify the CPU and its caches. */
static void setup_processor(void)
{
	u32 midr = read_cpuid_id();

	cpu_mmfr0 = read_cpuid_mmfr0();
	pr_info("CPU: %s [%08x] revision %d (ARMv%s), cr=%08x\n",
		"ARMv7 Processor", midr, midr & 15, "7", get_cr());
	cacheid_init();
	cpu_init(exc_stacks);
}

/* Follows Linux's dump_machine_table (v6.x), but ends in a panic where Linux spins. */
void dump_machine_table(void)
{
	early_print("Available machine support:\n\nID (hex)\tNAME\n");
	for (const struct machine_desc *m = __arch_info_begin; m < __arch_info_end; m++)
		early_print("%08x\t%s\n", m->nr, m->name);
	early_print("\nPlease check your kernel config and/or bootloader.\n");
	panic("no machine support for this device tree or machine ID");
}

/* r2 is dumped only when it lies in RAM that head.S mapped (the kernel's own sections). */
static bool boot_r2_mapped(void)
{
	phys_addr_t r2 = __boot_r2;

	return r2 >= PHYS_OFFSET && !(r2 & 3) && r2 + 16 <= __pa(_end);
}

/* memblock's window on RAM: lowmem through the linear map (memblock keeps allocations below current_limit). */
static void *memblock_lowmem_virt(phys_addr_t phys)
{
	return __va(phys);
}

/*
 * Follows Linux's customize_machine (arch/arm/kernel/setup.c, v6.x): the
 * machine's init_machine, which here probes its drivers (they ioremap
 * their registers, so this runs after vmalloc_init).
 */
void customize_machine(void)
{
	if (machine_desc && machine_desc->init_machine)
		machine_desc->init_machine();
}

/* Follows Linux's setup_arch (arch/arm/kernel/setup.c, v6.x), up to where paging_init will join. */
void setup_arch(char **cmdline_p)
{
	const struct machine_desc *mdesc;

	bootstats_mark(BOOT_SETUP_ARCH);
	setup_processor();
	bootstats_mark(BOOT_FDT_BEGIN);
	mdesc = setup_machine_fdt(__atags_pointer);
	bootstats_mark(BOOT_FDT_END);
	if (mdesc)	/* current Linux reserves the DTB here, before memblock=debug is parsed */
		memblock_reserve(__atags_pointer, fdt_totalsize(initial_boot_params));
	if (!mdesc) {
		early_print("\nError: invalid dtb and unrecognized/unsupported machine ID\n");
		early_print("  r1=0x%08x, r2=0x%08x\n", __machine_arch_type, __boot_r2);
		if (boot_r2_mapped()) {
			const u8 *p = __va(__boot_r2);

			early_print("  r2[]=");
			for (int i = 0; i < 16; i++)
				early_print(i ? " %02x" : "%02x", p[i]);
			early_print("\n");
		}
		dump_machine_table();
	}
	machine_desc = mdesc;
	__machine_arch_type = mdesc->nr;
	pm_power_off = mdesc->power_off;
	*cmdline_p = boot_command_line;
	/* As Linux 6.x: the fixmap's PTE page before the early parameters (earlycon uses a slot). */
	early_fixmap_init();
	early_ioremap_init();
	memblock_virt = memblock_lowmem_virt;
	parse_early_param();
	/* Linux's early_mm_init: the memory types (here final already) and their message. */
	build_mem_type_table();
	/* Not in Linux: drop described RAM that is not there (mm/ram_probe.c). */
	memblock_probe_ram();

	if (!memblock_phys_mem_size())
		panic("No memory: the device tree (and mem=) describe no usable RAM at or above PHYS_OFFSET %pa",
		      &(phys_addr_t){ PHYS_OFFSET });

	arm_memblock_check_kernel();
	/* Lowmem bounds first, so that nothing is allocated where the linear map will not reach. */
	adjust_lowmem_bounds();
	bootstats_mark(BOOT_MEMBLOCK_BEGIN);
	arm_memblock_init(mdesc);
	bootstats_mark(BOOT_MEMBLOCK_END);
	/* Reservations may have removed memory: compute again. */
	adjust_lowmem_bounds();
	paging_init(mdesc);
	/* Linux reads the CPU nodes once the DT is unflattened, after paging_init. */
	arm_dt_init_cpu_maps();
	psci_dt_init();
	map_boot_stack();
}
