/*
 * PSCI, the firmware interface that powers CPUs and the system on and off
 * (ARM DEN 0022, "Arm Power State Coordination Interface").
 * drivers/firmware/psci.c finds it in the device tree's /psci node.
 */
#ifndef _LINUX_PSCI_H
#define _LINUX_PSCI_H

#include <linux/types.h>

/* SMC32 function IDs, PSCI v0.2 and later (DEN 0022, 5.1). */
#define PSCI_0_2_FN_BASE		0x84000000u
#define PSCI_0_2_FN(n)			(PSCI_0_2_FN_BASE + (n))
#define PSCI_0_2_FN_PSCI_VERSION	PSCI_0_2_FN(0)
#define PSCI_0_2_FN_CPU_SUSPEND		PSCI_0_2_FN(1)
#define PSCI_0_2_FN_CPU_OFF		PSCI_0_2_FN(2)
#define PSCI_0_2_FN_CPU_ON		PSCI_0_2_FN(3)
#define PSCI_0_2_FN_AFFINITY_INFO	PSCI_0_2_FN(4)
#define PSCI_0_2_FN_MIGRATE		PSCI_0_2_FN(5)
#define PSCI_0_2_FN_MIGRATE_INFO_TYPE	PSCI_0_2_FN(6)
#define PSCI_0_2_FN_MIGRATE_INFO_UP_CPU	PSCI_0_2_FN(7)
#define PSCI_0_2_FN_SYSTEM_OFF		PSCI_0_2_FN(8)
#define PSCI_0_2_FN_SYSTEM_RESET	PSCI_0_2_FN(9)
#define PSCI_1_0_FN_PSCI_FEATURES	PSCI_0_2_FN(10)

/* SMCCC_VERSION (Arm SMC Calling Convention, DEN 0028, 7.2). */
#define ARM_SMCCC_VERSION_FUNC_ID	0x80000000u
#define ARM_SMCCC_VERSION_1_0		0x10000
#define ARM_SMCCC_VERSION_1_1		0x10001

/* PSCI_VERSION: major in bits [30:16], minor in [15:0]; SMCCC_VERSION alike. */
#define PSCI_VERSION_MAJOR(v)		(((v) >> 16) & 0x7fff)
#define PSCI_VERSION_MINOR(v)		((v) & 0xffff)

/* MIGRATE_INFO_TYPE's answers (DEN 0022, 5.9). */
#define PSCI_0_2_TOS_UP_MIGRATE		0
#define PSCI_0_2_TOS_UP_NO_MIGRATE	1
#define PSCI_0_2_TOS_MP			2

/* PSCI_FEATURES of CPU_SUSPEND: bit 0, OS-initiated mode (DEN 0022, 5.15.2). */
#define PSCI_1_0_OS_INITIATED		(1u << 0)

/* Return codes (DEN 0022, 5.2.2). */
#define PSCI_RET_SUCCESS		0
#define PSCI_RET_NOT_SUPPORTED		(-1)
#define PSCI_RET_INVALID_PARAMS		(-2)
#define PSCI_RET_DENIED			(-3)
#define PSCI_RET_INVALID_ADDRESS	(-9)

/* Finds /psci, sets the conduit and function IDs; its SYSTEM_OFF becomes pm_power_off. */
int psci_dt_init(void);
/* Whether the firmware can start CPUs (psci_cpu_on works). */
bool psci_smp_available(void);
/*
 * CPU_ON: starts the CPU whose MPIDR affinity is @cpuid at physical
 * @entry_point (MMU off). 0, or a Linux errno.
 */
int psci_cpu_on(unsigned long cpuid, unsigned long entry_point);

#endif
