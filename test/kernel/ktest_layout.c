/*
 * layout: the ranges the "Virtual kernel memory layout:" printout will
 * show are consistent for this build and this boot: ordered as the address
 * space diagram in asm/memory.h says, lowmem ending at high_memory, the
 * vmalloc area at least vmalloc_size, the kernel's sections inside lowmem
 * and in link order. (The printout itself appears once paging_init makes
 * the tables final.)
 */
#include <linux/kernel.h>
#include <asm/layout.h>
#include <asm/lowmem.h>
#include <asm/memory.h>
#include <asm/page.h>
#include <ktest.h>

static void areas_in_address_order(struct ktest *t)
{
	struct vm_layout l;

	vm_layout_current(&l);
	KTEST_EXPECT_LE(t, l.modules_start, l.modules_end);
	KTEST_EXPECT_LE(t, l.modules_end, l.lowmem_start);
	KTEST_EXPECT_EQ(t, l.lowmem_start, PAGE_OFFSET);
	KTEST_EXPECT_EQ(t, l.lowmem_end, (unsigned long)high_memory);
	KTEST_EXPECT_LT(t, l.lowmem_end, l.vmalloc_start);
	KTEST_EXPECT_LE(t, l.vmalloc_end, l.fixmap_start);
	KTEST_EXPECT_LE(t, l.fixmap_end, l.vector_start);
	KTEST_EXPECT_EQ(t, l.vector_end - l.vector_start, PAGE_SIZE);
#ifdef CONFIG_HIGHMEM
	KTEST_EXPECT_EQ(t, l.pkmap_end, PAGE_OFFSET);
	KTEST_EXPECT_EQ(t, l.pkmap_end - l.pkmap_start, SZ_2M);
#else
	KTEST_EXPECT_EQ(t, l.pkmap_end, 0);
#endif
}

static void vmalloc_area_as_asked(struct ktest *t)
{
	struct vm_layout l;

	vm_layout_current(&l);
	KTEST_EXPECT_TRUE(t, IS_ALIGNED(l.vmalloc_start, VMALLOC_OFFSET));
	/*
	 * The guard gap is (0, 8 MiB]: VMALLOC_START rounds high_memory + 8 MiB
	 * down. With classic RAM ending at 0xfffffffe (the 32-bit cap) and a 1G
	 * split it is a single byte, as in Linux.
	 */
	KTEST_EXPECT_GT(t, l.vmalloc_start, l.lowmem_end);
	KTEST_EXPECT_LE(t, l.vmalloc_start - l.lowmem_end, VMALLOC_OFFSET);
	KTEST_EXPECT_GE(t, l.vmalloc_end - l.vmalloc_start + VMALLOC_OFFSET, vmalloc_size);
}

static void kernel_sections_in_lowmem(struct ktest *t)
{
	struct vm_layout l;

	vm_layout_current(&l);
	KTEST_EXPECT_EQ(t, l.text_start, PAGE_OFFSET + TEXT_OFFSET);
	KTEST_EXPECT_LE(t, l.text_start, l.text_end);
	KTEST_EXPECT_LE(t, l.text_end, l.init_start);
	KTEST_EXPECT_LE(t, l.init_end, l.data_start);
	KTEST_EXPECT_LE(t, l.data_end, l.bss_start);
	KTEST_EXPECT_LE(t, l.bss_end, l.lowmem_end);
}

static const struct ktest_case layout_cases[] = {
	KTEST_CASE(areas_in_address_order),
	KTEST_CASE(vmalloc_area_as_asked),
	KTEST_CASE(kernel_sections_in_lowmem),
	{}
};
KTEST_SUITE(layout, layout_cases);
