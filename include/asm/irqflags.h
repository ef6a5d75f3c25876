/*
 * The CPU's IRQ mask. Follows Linux's arch/arm/include/asm/irqflags.h
 * (v6.1) for ARMv6 and later: CPSID/CPSIE change CPSR.I alone (ARM ARM
 * B1.3.3, "Program Status Registers"). This kernel takes no interrupts
 * yet, so disabling them is what stands for Linux's irq-off and
 * preempt-off sections: it keeps their places and their cost.
 */
#ifndef _ASM_IRQFLAGS_H
#define _ASM_IRQFLAGS_H

#include <linux/compiler.h>

#ifdef HOST_TEST
static inline unsigned long arch_local_irq_save(void) { return 0; }
static inline void arch_local_irq_restore(unsigned long flags) { (void)flags; }
static inline void arch_local_irq_disable(void) { }
static inline bool arch_irqs_disabled(void) { return true; }
#else
/* Follows Linux's arch_local_irq_save (v6.1): the old CPSR, then IRQs masked. */
static __always_inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags;

	__asm__ __volatile__("mrs %0, cpsr\n\tcpsid i" : "=r"(flags) : : "memory", "cc");
	return flags;
}

/* Follows Linux's arch_local_irq_restore (v6.1): CPSR's control byte as it was. */
static __always_inline void arch_local_irq_restore(unsigned long flags)
{
	__asm__ __volatile__("msr cpsr_c, %0" : : "r"(flags) : "memory", "cc");
}

static __always_inline void arch_local_irq_disable(void)
{
	__asm__ __volatile__("cpsid i" : : : "memory", "cc");
}

static __always_inline bool arch_irqs_disabled(void)
{
	unsigned long flags;

	__asm__ __volatile__("mrs %0, cpsr" : "=r"(flags));
	return flags & 0x80;	/* CPSR.I */
}
#endif

#define local_irq_save(flags)		((flags) = arch_local_irq_save())
#define local_irq_restore(flags)	arch_local_irq_restore(flags)
#define local_irq_disable()		arch_local_irq_disable()
#define irqs_disabled()			arch_irqs_disabled()

#endif
