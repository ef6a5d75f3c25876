/*
 * User space out of the kernel's reach, asked of the MMU (ATS1CPR): a
 * user page mapped at a user address translates for the kernel only
 * while uaccess_save_and_enable has opened the door (classic: DOMAIN_USER
 * "no access" in DACR; the PAR then reports a page domain fault). LPAE
 * has no such protection (as Linux 6.1): the case says so and skips.
 */
#include <linux/gfp.h>
#include <linux/mm.h>
#include <asm/memory.h>
#include <asm/system.h>
#include <asm/uaccess.h>
#include <ktest.h>

#define USER_VA		0x00100000UL
/* Short-descriptor PAR with F set: FS[4] at bit 6, FS[3:0] at bits 4:1 (ARM ARM B4.1.112). */
#define PAR_FS(par)	((((par) >> 2) & 0x10) | (((par) >> 1) & 0xf))
#define FS_PAGE_DOMAIN	0x0b

static struct page *user_page;

static bool map_test_page(struct ktest *t)
{
	u32 *w;

	user_page = alloc_pages(GFP_KERNEL | __GFP_ZERO, 0);
	KTEST_EXPECT_TRUE(t, user_page != NULL);
	if (!user_page)
		return false;
	w = page_address(user_page);
	w[0] = 0x05e7da7a;
	KTEST_EXPECT_EQ(t, map_user_page(USER_VA, user_page), 0);
	return !t->failed;
}

static void unmap_test_page(struct ktest *t)
{
	unmap_user_page(USER_VA);
	/* Gone again: a translation fault, door open or not. */
	KTEST_EXPECT_TRUE(t, ats1cp(USER_VA, false) & PAR_F);
	__free_pages(user_page, 0);
}

/* With the door open, the user page is where it should be and holds what the kernel wrote. */
static void user_page_reachable_when_opened(struct ktest *t)
{
	u32 saved;
	u64 par;

	if (!map_test_page(t))
		return;
	saved = uaccess_save_and_enable();
	par = ats1cp(USER_VA, false);
	KTEST_EXPECT_FALSE(t, par & PAR_F);
	KTEST_EXPECT_EQ(t, par_to_pa(par, USER_VA), page_to_phys(user_page));
	KTEST_EXPECT_EQ(t, *(volatile u32 *)USER_VA, 0x05e7da7a);
	uaccess_restore(saved);
	unmap_test_page(t);
}

/* By default the MMU refuses the kernel the same page: a page domain fault in classic. */
static void user_page_out_of_reach_by_default(struct ktest *t)
{
	u64 par;

	if (!uaccess_protected()) {
		ktest_skip(t, "LPAE: no privileged no-access (as Linux 6.1)");
		return;
	}
	if (!map_test_page(t))
		return;
	par = ats1cp(USER_VA, false);
	KTEST_EXPECT_TRUE(t, par & PAR_F);
	KTEST_EXPECT_EQ(t, PAR_FS(par), FS_PAGE_DOMAIN);
	KTEST_EXPECT_TRUE(t, ats1cp(USER_VA, true) & PAR_F);
	/* Opened and closed again: refused again. */
	uaccess_restore(uaccess_save_and_enable());
	KTEST_EXPECT_TRUE(t, ats1cp(USER_VA, false) & PAR_F);
	unmap_test_page(t);
}

/* Nothing is mapped at NULL or anywhere below TASK_SIZE after boot. */
static void user_half_empty(struct ktest *t)
{
	u32 saved = uaccess_save_and_enable();

	for (unsigned long va = 0; va < TASK_SIZE; va += SZ_1M)
		if (!(ats1cp(va, false) & PAR_F)) {
			KTEST_EXPECT_TRUE(t, ats1cp(va, false) & PAR_F);
			break;
		}
	uaccess_restore(saved);
}

static const struct ktest_case uaccess_cases[] = {
	KTEST_CASE(user_page_reachable_when_opened),
	KTEST_CASE(user_page_out_of_reach_by_default),
	KTEST_CASE(user_half_empty),
	{}
};
KTEST_SUITE(uaccess, uaccess_cases);
