/*
 * Built when CONFIG_BENCH is off, in place of bench/kernel/bench.c:
 * `bench` on the command line gets a clear message instead of no figures.
 */
#include <linux/kernel.h>
#include <asm/setup.h>

early_param_flag("bench", bench_asked);

void bench_run(void)
{
	if (bench_asked)
		pr_err("bench: the command line asks for the micro-benchmarks, but this kernel is built without them (CONFIG_BENCH is off)\n");
}
