/*
 * PSCI from the device tree: the /psci node names the conduit (SMC or
 * HVC) and, through its compatible, the function IDs: v0.1's from the
 * node's properties, v0.2's and later's the standard ones. Follows
 * Linux's drivers/firmware/psci/psci.c (v6.1): the same probe, the same
 * "psci: " lines, and SYSTEM_OFF as pm_power_off when the firmware has it.
 * QEMU answers the calls itself on virt, orangepi-pc and midway, and
 * writes the node into the DTB it passes.
 */
#define pr_fmt(fmt) "psci: " fmt

#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/of_fdt.h>
#include <linux/psci.h>
#include <linux/string.h>
#include <libfdt.h>
#include <asm/reboot.h>

enum psci_conduit {
	PSCI_CONDUIT_NONE,
	PSCI_CONDUIT_SMC,
	PSCI_CONDUIT_HVC,
};

static enum psci_conduit psci_conduit;

/* The IDs in use; 0 where the firmware has no such function. */
static struct {
	u32 cpu_on;
	u32 system_off;
} psci_fn;

/* What PSCI_FEATURES says of CPU_SUSPEND (v1.0 and later). */
static u32 psci_cpu_suspend_feature;

/* One call through the conduit; r0 comes back as the result (SMCCC, DEN 0028, 4.1). */
static unsigned long invoke_psci_fn(u32 function_id, unsigned long arg0, unsigned long arg1,
				    unsigned long arg2)
{
	register unsigned long r0 __asm__("r0") = function_id;
	register unsigned long r1 __asm__("r1") = arg0;
	register unsigned long r2 __asm__("r2") = arg1;
	register unsigned long r3 __asm__("r3") = arg2;

	if (psci_conduit == PSCI_CONDUIT_SMC)
		__asm__ __volatile__(".arch_extension sec\n\tsmc #0"
				     : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3) : : "memory");
	else
		__asm__ __volatile__(".arch_extension virt\n\thvc #0"
				     : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3) : : "memory");
	return r0;
}

/* Follows Linux's psci_to_linux_errno (v6.1). */
static int psci_to_linux_errno(int err)
{
	switch (err) {
	case PSCI_RET_SUCCESS:
		return 0;
	case PSCI_RET_NOT_SUPPORTED:
		return -EOPNOTSUPP;
	case PSCI_RET_INVALID_PARAMS:
	case PSCI_RET_INVALID_ADDRESS:
		return -EINVAL;
	case PSCI_RET_DENIED:
		return -EPERM;
	}
	return -EINVAL;
}

static int psci_features(u32 function_id)
{
	return (int)invoke_psci_fn(PSCI_1_0_FN_PSCI_FEATURES, function_id, 0, 0);
}

bool psci_smp_available(void)
{
	return psci_conduit != PSCI_CONDUIT_NONE && psci_fn.cpu_on;
}

int psci_cpu_on(unsigned long cpuid, unsigned long entry_point)
{
	if (!psci_smp_available())
		return -EOPNOTSUPP;
	return psci_to_linux_errno((int)invoke_psci_fn(psci_fn.cpu_on, cpuid, entry_point, 0));
}

/* Follows Linux's psci_sys_poweroff (v6.1); SYSTEM_OFF does not return when it works. */
static void psci_sys_poweroff(void)
{
	invoke_psci_fn(psci_fn.system_off, 0, 0, 0);
}

/* Follows Linux's get_set_conduit_method (v6.1). */
static int get_set_conduit_method(const void *fdt, int node)
{
	const char *method;

	pr_info("probing for conduit method from DT.\n");
	method = fdt_getprop(fdt, node, "method", NULL);
	if (!method) {
		pr_warn("missing \"method\" property\n");
		return -ENXIO;
	}
	if (!strcmp(method, "hvc")) {
		psci_conduit = PSCI_CONDUIT_HVC;
	} else if (!strcmp(method, "smc")) {
		psci_conduit = PSCI_CONDUIT_SMC;
	} else {
		pr_warn("invalid \"method\" property: %s\n", method);
		return -EINVAL;
	}
	return 0;
}

/* Follows Linux's psci_init_migrate (v6.1), as far as it reports. */
static void psci_init_migrate(void)
{
	int type = (int)invoke_psci_fn(PSCI_0_2_FN_MIGRATE_INFO_TYPE, 0, 0, 0);
	unsigned long cpuid;

	if (type == PSCI_0_2_TOS_MP) {
		pr_info("Trusted OS migration not required\n");
		return;
	}
	if (type == PSCI_RET_NOT_SUPPORTED) {
		pr_info("MIGRATE_INFO_TYPE not supported.\n");
		return;
	}
	if (type != PSCI_0_2_TOS_UP_MIGRATE && type != PSCI_0_2_TOS_UP_NO_MIGRATE) {
		pr_err("MIGRATE_INFO_TYPE returned unknown type (%d)\n", type);
		return;
	}
	cpuid = invoke_psci_fn(PSCI_0_2_FN_MIGRATE_INFO_UP_CPU, 0, 0, 0);
	if (cpuid & ~0x00ffffffUL) {
		pr_warn("MIGRATE_INFO_UP_CPU reported invalid physical ID (0x%lx)\n", cpuid);
		return;
	}
	pr_info("Trusted OS resident on physical CPU 0x%lx\n", cpuid);
}

/* Follows Linux's psci_init_smccc (v6.1): SMCCC v1.1 and later say so through SMCCC_VERSION. */
static void psci_init_smccc(void)
{
	u32 ver = ARM_SMCCC_VERSION_1_0;

	if (psci_features(ARM_SMCCC_VERSION_FUNC_ID) != PSCI_RET_NOT_SUPPORTED) {
		u32 ret = (u32)invoke_psci_fn(ARM_SMCCC_VERSION_FUNC_ID, 0, 0, 0);

		if (ret >= ARM_SMCCC_VERSION_1_1)
			ver = ret;
	}
	/* SMCCC versions are encoded as PSCI's. */
	pr_info("SMC Calling Convention v%u.%u\n", PSCI_VERSION_MAJOR(ver), PSCI_VERSION_MINOR(ver));
}

/* Follows Linux's psci_init_cpu_suspend (v6.1). */
static void psci_init_cpu_suspend(void)
{
	int feature = psci_features(PSCI_0_2_FN_CPU_SUSPEND);

	if (feature != PSCI_RET_NOT_SUPPORTED)
		psci_cpu_suspend_feature = (u32)feature;
}

/* Follows Linux's psci_0_2_set_functions (v6.1): the standard IDs, SYSTEM_OFF as pm_power_off. */
static void psci_0_2_set_functions(void)
{
	pr_info("Using standard PSCI v0.2 function IDs\n");
	psci_fn.cpu_on = PSCI_0_2_FN_CPU_ON;
	psci_fn.system_off = PSCI_0_2_FN_SYSTEM_OFF;
	pm_power_off = psci_sys_poweroff;
}

/* Follows Linux's psci_probe (v6.1), without the parts for suspend and KVM. */
static int psci_probe(void)
{
	u32 ver = (u32)invoke_psci_fn(PSCI_0_2_FN_PSCI_VERSION, 0, 0, 0);

	pr_info("PSCIv%u.%u detected in firmware.\n", PSCI_VERSION_MAJOR(ver), PSCI_VERSION_MINOR(ver));
	if (PSCI_VERSION_MAJOR(ver) == 0 && PSCI_VERSION_MINOR(ver) < 2) {
		pr_err("Conflicting PSCI version detected.\n");
		return -EINVAL;
	}
	psci_0_2_set_functions();
	psci_init_migrate();
	if (PSCI_VERSION_MAJOR(ver) >= 1) {
		psci_init_smccc();
		psci_init_cpu_suspend();
	}
	return 0;
}

/* Follows Linux's psci_0_1_init (v6.1): v0.1 has no SYSTEM_OFF; CPU_ON's ID is the node's. */
static int psci_0_1_init(const void *fdt, int node)
{
	const fdt32_t *id;
	int len, err;

	err = get_set_conduit_method(fdt, node);
	if (err)
		return err;
	pr_info("Using PSCI v0.1 Function IDs from DT\n");
	id = fdt_getprop(fdt, node, "cpu_on", &len);
	if (id && len == (int)sizeof(*id))
		psci_fn.cpu_on = fdt32_to_cpu(*id);
	return 0;
}

/* Follows Linux's psci_0_2_init (v6.1). */
static int psci_0_2_init(const void *fdt, int node)
{
	int err = get_set_conduit_method(fdt, node);

	if (err)
		return err;
	return psci_probe();
}

/* Follows Linux's psci_1_0_init (v6.1). */
static int psci_1_0_init(const void *fdt, int node)
{
	int err = psci_0_2_init(fdt, node);

	if (err)
		return err;
	if (psci_cpu_suspend_feature & PSCI_1_0_OS_INITIATED)
		pr_info("OSI mode supported.\n");
	return 0;
}

static const struct {
	const char *compatible;
	int (*init)(const void *fdt, int node);
} psci_of_match[] = {
	{ "arm,psci", psci_0_1_init },
	{ "arm,psci-0.2", psci_0_2_init },
	{ "arm,psci-1.0", psci_1_0_init },
};

/*
 * The entry for the earliest of the node's compatible strings we know
 * (Linux's of_match_node score); -1 if none. One read of the property.
 */
static int psci_match(const void *fdt, int node)
{
	int len, best = -1, best_index = INT32_MAX, index = 0;
	const char *prop = fdt_getprop(fdt, node, "compatible", &len);

	for (int off = 0; prop && off < len && index < best_index; index++) {
		const char *compatible = prop + off;

		for (int i = 0; i < (int)ARRAY_SIZE(psci_of_match); i++) {
			if (!strcmp(compatible, psci_of_match[i].compatible)) {
				best = i;
				best_index = index;
			}
		}
		off += (int)strnlen(compatible, (size_t)(len - off)) + 1;
	}
	return best;
}

/* Linux's of_device_is_available: no status, or "okay"/"ok". */
static bool fdt_node_available(const void *fdt, int node)
{
	const char *status = fdt_getprop(fdt, node, "status", NULL);

	return !status || !strcmp(status, "okay") || !strcmp(status, "ok");
}

/*
 * Follows Linux's psci_dt_init (v6.1): the first node that matches, in
 * tree order. Not in Linux: only the root's children are looked at, where
 * the binding (bindings/arm/psci.yaml) puts the node; Linux walks the
 * whole tree, and here that walk cost every boot more than the rest of
 * setup_arch's DT reading.
 */
int psci_dt_init(void)
{
	const void *fdt = initial_boot_params;
	int node, match = -1;

	if (!fdt)
		return -ENODEV;
	fdt_for_each_subnode(node, fdt, 0) {
		match = psci_match(fdt, node);
		if (match >= 0)
			break;
	}
	if (match < 0 || !fdt_node_available(fdt, node))
		return -ENODEV;
	return psci_of_match[match].init(fdt, node);
}
