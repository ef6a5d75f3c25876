/* Memory barriers (ARM ARM A3.8.3). Host builds of the same code need none. */
#ifndef _ASM_BARRIER_H
#define _ASM_BARRIER_H

#ifdef HOST_TEST
#define dsb(option)	__asm__ __volatile__("" : : : "memory")
#define isb()		__asm__ __volatile__("" : : : "memory")
#else
#define dsb(option)	__asm__ __volatile__("dsb " #option : : : "memory")
#define isb()		__asm__ __volatile__("isb" : : : "memory")
#endif

#endif
