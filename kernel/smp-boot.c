/*
 * Bringing the secondary CPUs up and keeping them idle. Follows Linux's
 * arch/arm/kernel/smp.c and kernel/smp.c (v6.1): smp_prepare_cpus,
 * smp_init, __cpu_up, secondary_start_kernel, and the topology line of
 * arch/arm/kernel/topology.c. A secondary CPU ends in an idle loop that
 * sleeps in WFI and runs the calls the boot CPU posts for it
 * (smp_call_on_cpu_async), which is how the smp KTAP suite puts every CPU
 * to work. The machine's smp_operations start a CPU (asm/smp.h).
 */
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <asm/atomic.h>
#include <asm/barrier.h>
#include <asm/cacheflush.h>
#include <asm/idmap.h>
#include <asm/mach/arch.h>
#include <asm/memory.h>
#include <asm/sections.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/system.h>

DEFINE_PER_CPU(unsigned int, cpu_number);

/* The pen starts closed: no MPIDR is ~0. */
struct secondary_data secondary_data = { .pen = ~0u };

_Static_assert(__builtin_offsetof(struct secondary_data, ttbr0) == SD_TTBR0 &&
	       __builtin_offsetof(struct secondary_data, ttbr1) == SD_TTBR1 &&
	       __builtin_offsetof(struct secondary_data, pgdir) == SD_PGDIR &&
	       __builtin_offsetof(struct secondary_data, stack) == SD_STACK &&
	       __builtin_offsetof(struct secondary_data, pen) == SD_PEN &&
	       __builtin_offsetof(struct secondary_data, sctlr) == SD_SCTLR &&
	       sizeof(struct secondary_data) == SD_SIZE, "boot/head-smp.S reads secondary_data by these offsets");

static const struct smp_operations *smp_ops_used;

/* What a CPU's idle loop runs next; done says the last call returned. One cache line each. */
struct smp_call {
	void (*fn)(void *);
	void *arg;
	int done;
} __aligned(64);
static struct smp_call smp_calls[NR_CPUS];

/* The stacks each secondary CPU runs on, kept while it runs (it never goes offline). */
static u8 (*cpu_exc_stacks[NR_CPUS])[EXC_STACK_SIZE];

/*
 * The CPU __cpu_up is waiting for, until it arrives (CPU_ARRIVED) or the
 * wait gives up (-1). A CPU the firmware started may reach C after the
 * second's wait: whichever side swaps the number out first decides, so a
 * late CPU never goes online after its failure was reported.
 */
#define CPU_ARRIVED	(-2)
static atomic_t cpu_coming = ATOMIC_INIT(-1);

/* Follows Linux's smp_setup_processor_id (arch/arm/kernel/setup.c, v6.1): before any per-CPU access. */
void smp_setup_processor_id(void)
{
	cpu_logical_map(0) = read_cpuid_mpidr() & 0xffffff;
	set_my_cpu_offset(0);
}

/* Follows Linux's smp_prepare_boot_cpu (v6.1), with each unit's cpu_number set first. */
void smp_prepare_boot_cpu(void)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		per_cpu(cpu_number, cpu) = cpu;
	set_my_cpu_offset(per_cpu_offset(0));
}

/* Linux's MPIDR fields (arch/arm/include/asm/cputype.h). */
#define MPIDR_SMP_BITMASK	(3u << 30)
#define MPIDR_SMP_VALUE		(2u << 30)	/* the multiprocessing format, not a uniprocessor */
#define MPIDR_MT_BITMASK	(1u << 24)
#define MPIDR_AFFINITY(mpidr, level)	(((mpidr) >> (8 * (level))) & 0xff)

/* Follows Linux's store_cpu_topology (arch/arm/kernel/topology.c, v6.1): the line, from MPIDR. */
static void store_cpu_topology(unsigned int cpu)
{
	u32 mpidr = read_cpuid_mpidr();
	int thread = -1, core = 0, package = -1;

	if ((mpidr & MPIDR_SMP_BITMASK) == MPIDR_SMP_VALUE) {
		if (mpidr & MPIDR_MT_BITMASK) {
			thread = (int)MPIDR_AFFINITY(mpidr, 0);
			core = (int)MPIDR_AFFINITY(mpidr, 1);
			package = (int)MPIDR_AFFINITY(mpidr, 2);
		} else {
			core = (int)MPIDR_AFFINITY(mpidr, 0);
			package = (int)MPIDR_AFFINITY(mpidr, 1);
		}
	}
	pr_info("CPU%u: thread %d, cpu %d, socket %d, mpidr %x\n", cpu, thread, core, package, mpidr);
}

/* Follows Linux's init_static_idmap (arch/arm/mm/idmap.c, v6.1). */
static void idmap_create(void)
{
	pr_info("Setting up static identity map for 0x%lx - 0x%lx\n",
		(unsigned long)__pa(__idmap_text_start), (unsigned long)__pa(__idmap_text_end));
	secondary_data.pgdir = (u32)idmap_tables_create();
}

/* Follows Linux's smp_prepare_cpus (arch/arm/kernel/smp.c, v6.1). */
void smp_prepare_cpus(void)
{
	store_cpu_topology(0);
	/* As Linux's setup_arch: PSCI when the firmware can start CPUs, else the machine's way. */
	if (psci_smp_available())
		smp_ops_used = &psci_smp_ops;
	else
		smp_ops_used = machine_desc ? machine_desc->smp : NULL;
	if (nr_cpu_ids > 1 && smp_ops_used && smp_ops_used->smp_prepare_cpus)
		smp_ops_used->smp_prepare_cpus(nr_cpu_ids);
	/* Linux makes it at early_initcall; here only if a CPU will use it, so one CPU costs nothing. */
	if (cpu_present_bits & ~1UL)
		idmap_create();
}


/* Follows Linux's __cpu_up (arch/arm/kernel/smp.c, v6.1): stacks, secondary_data, start, wait. */
static int __cpu_up(unsigned int cpu)
{
	unsigned long stack, exc;
	u64 end;
	int ret;

	if (!smp_ops_used || !smp_ops_used->smp_boot_secondary || !(cpu_present_bits & (1UL << cpu))) {
		/* Linux's versatile_boot_secondary says so after a second's wait for the CPU. */
		ret = -ENOSYS;
		goto out;
	}
	if (!secondary_data.pgdir) {
		ret = -ENOMEM;
		goto out;
	}
	stack = __get_free_pages(GFP_KERNEL, get_order(THREAD_SIZE));
	exc = __get_free_pages(GFP_KERNEL, get_order(EXC_STACKS_SIZE));
	if (!stack || !exc) {
		if (stack)
			free_pages(stack, get_order(THREAD_SIZE));
		if (exc)
			free_pages(exc, get_order(EXC_STACKS_SIZE));
		ret = -ENOMEM;
		goto out;
	}
	cpu_exc_stacks[cpu] = (void *)exc;
	secondary_data.stack = (u32)(stack + THREAD_SIZE);
	secondary_data.ttbr0 = read_ttbr(0);
	secondary_data.ttbr1 = read_ttbr(1);
	secondary_data.sctlr = get_cr();
	smp_calls[cpu].done = 1;
	page_alloc_cpu_online(cpu);
	/* The CPU reads secondary_data with its caches off (Linux's sync_cache_w). */
	dmac_flush_range(&secondary_data, &secondary_data + 1);

	atomic_set(&cpu_coming, (int)cpu);
	smp_mb();	/* before the CPU can start and look */

	ret = smp_ops_used->smp_boot_secondary(cpu);
	if (!ret) {
		/* Linux's wait_for_completion_timeout of a second for the CPU to say it runs. */
		end = read_cntvct() + read_cntfrq();
		while (!cpu_online(cpu) && read_cntvct() < end)
			yield();	/* no WFE: no event comes from a CPU that never started */
		if (cpu_online(cpu))
			return 0;
	}
	if (atomic_cmpxchg(&cpu_coming, (int)cpu, -1) != (int)cpu) {
		/* It arrived as the wait ended: online in a few instructions. */
		while (!cpu_online(cpu))
			wfe();
		smp_mb();
		return 0;
	}
	/*
	 * Given up on, the CPU may still come late: the pen closed keeps it
	 * there, and one already past the pen parks in secondary_start_kernel
	 * on the stacks it was given, which therefore stay allocated (as
	 * Linux keeps the idle task of a CPU that failed to come online).
	 */
	WRITE_ONCE(secondary_data.pen, ~0u);
	dmac_flush_range(&secondary_data.pen, &secondary_data.pen + 1);
	page_alloc_cpu_dead(cpu);
	if (!ret) {
		pr_crit("CPU%u: failed to come online\n", cpu);
		return -EIO;
	}
out:
	if (ret)
		pr_err("CPU%u: failed to boot: %d\n", cpu, ret);
	return ret;
}

/* Follows Linux's smp_init (kernel/smp.c, v6.1), "smp: " being its pr_fmt. */
void smp_init(void)
{
	unsigned int cpu, cpus;

	pr_info("smp: Bringing up secondary CPUs ...\n");
	for (cpu = 1; cpu < nr_cpu_ids; cpu++)
		__cpu_up(cpu);
	cpus = num_online_cpus();
	pr_info("smp: Brought up %d node%s, %u CPU%s\n", 1, "", cpus, cpus > 1 ? "s" : "");
}

static void __noreturn cpu_idle_loop(unsigned int cpu)
{
	struct smp_call *call = &smp_calls[cpu];

	for (;;) {
		void (*fn)(void *) = READ_ONCE(call->fn);

		if (fn) {
			smp_rmb();	/* the argument was written before fn */
			fn(call->arg);
			WRITE_ONCE(call->fn, NULL);
			smp_mb();	/* everything fn did, before done */
			WRITE_ONCE(call->done, 1);
			dsb_sev();
			continue;
		}
		wfi();
		if (smp_ops_used->smp_wakeup_ack)
			smp_ops_used->smp_wakeup_ack();
	}
}

/* Follows Linux's secondary_start_kernel (arch/arm/kernel/smp.c, v6.1), from head-smp.S. */
void secondary_start_kernel(void)
{
	unsigned int cpu;

	/* Which CPU this is: the one the pen let out. */
	for (cpu = 1; cpu < nr_cpu_ids; cpu++)
		if (cpu_logical_map(cpu) == (read_cpuid_mpidr() & 0xffffff))
			break;
	/* Given up on (too late): never online, never out of this loop. */
	if (atomic_cmpxchg(&cpu_coming, (int)cpu, CPU_ARRIVED) != (int)cpu)
		for (;;)
			wfi();
	set_my_cpu_offset(per_cpu_offset(cpu));
	cpu_init(cpu_exc_stacks[cpu]);
	if (smp_ops_used->smp_secondary_init)
		smp_ops_used->smp_secondary_init(cpu);
	/* Out of the holding pen (Linux's versatile_secondary_init writes pen_release so). */
	smp_mb();
	WRITE_ONCE(secondary_data.pen, ~0u);
	dsb_sev();
	store_cpu_topology(cpu);
	/* Linux's set_cpu_online: an atomic OR, others change the word too. */
	for (;;) {
		unsigned long old = READ_ONCE(cpu_online_bits);

		if (atomic_cmpxchg((atomic_t *)&cpu_online_bits, (int)old, (int)(old | (1UL << cpu))) == (int)old)
			break;
	}
	dsb_sev();
	cpu_idle_loop(cpu);
}

int smp_call_on_cpu_async(unsigned int cpu, void (*fn)(void *), void *arg)
{
	struct smp_call *call;

	if (cpu >= nr_cpu_ids || !cpu_online(cpu) || cpu == smp_processor_id())
		return -EINVAL;
	call = &smp_calls[cpu];
	/* Claim the slot: another CPU may be posting to the same one. */
	if (atomic_cmpxchg((atomic_t *)&call->done, 1, 0) != 1)
		return -EBUSY;
	call->arg = arg;
	smp_wmb();	/* arg before fn: the idle loop reads them in the other order */
	WRITE_ONCE(call->fn, fn);
	dsb_sev();
	smp_ops_used->smp_send_wakeup(cpu);
	return 0;
}

void smp_call_wait(unsigned int cpu)
{
	while (!READ_ONCE(smp_calls[cpu].done))
		wfe();
	smp_mb();	/* what the call did is seen after its done */
}
