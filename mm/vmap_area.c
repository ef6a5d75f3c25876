/*
 * The vmalloc area's address-space allocator, as Linux 6.1 keeps it
 * (mm/vmalloc.c): busy areas in one red-black tree (vmap_area_root) and
 * free ones in another (free_vmap_area_root), each with a list in address
 * order beside it. The free tree is augmented: every node knows the
 * largest free area in its subtree (subtree_max_size), so the lowest free
 * range that fits is found without walking every area.
 *
 * A freed area is not free at once: its pages may still sit in the TLB.
 * It waits on the purge list until lazy_max_pages() pages wait (or an
 * allocation fails), then one TLB flush over their whole span frees them
 * all (Linux's lazy purging, vmap_lazy_nr).
 *
 * Locks, as Linux 6.1's: vmap_area_lock for the busy tree and list,
 * free_vmap_area_lock for the free tree and list, purge_vmap_area_lock
 * for the purge list and vmap_lazy_nr; vmap_purge_lock makes one purge at
 * a time (a mutex in Linux). None is held while another is taken, except
 * in the checks (stats, verify, reserve, reset), which take them in the
 * order vmap_purge_lock, purge, vmap_area, free.
 *
 * Pure logic, also built on the host (test/fuzz/fuzz_vmap.c): objects and
 * the TLB flush come from vmap_area_obj_alloc and
 * vmap_area_flush_tlb_range, which mm/vmalloc.c provides in the kernel.
 */
#include <linux/kernel.h>
#include <linux/rbtree_augmented.h>
#include <linux/spinlock.h>
#include <linux/vmalloc.h>
#include <asm/page.h>

static struct rb_root vmap_area_root;
struct list_head vmap_area_list = { &vmap_area_list, &vmap_area_list };
static struct rb_root free_vmap_area_root;
static struct list_head free_vmap_area_list = { &free_vmap_area_list, &free_vmap_area_list };
struct list_head purge_vmap_area_list = { &purge_vmap_area_list, &purge_vmap_area_list };

DEFINE_SPINLOCK(vmap_area_lock);
DEFINE_SPINLOCK(purge_vmap_area_lock);
static DEFINE_SPINLOCK(free_vmap_area_lock);
static DEFINE_SPINLOCK(vmap_purge_lock);

/* Linux's vmap_lazy_nr: pages freed but not yet purged. */
static unsigned long vmap_lazy_nr;
static unsigned long nr_purges;
/* The range the free tree manages. */
static unsigned long managed_start, managed_end;

static unsigned long va_size(const struct vmap_area *va)
{
	return va->va_end - va->va_start;
}

static unsigned long get_subtree_max_size(const struct rb_node *node)
{
	return node ? rb_entry(node, struct vmap_area, rb_node)->subtree_max_size : 0;
}

RB_DECLARE_CALLBACKS_MAX(static, free_vmap_area_rb_augment_cb, struct vmap_area, rb_node,
			 unsigned long, subtree_max_size, va_size);

/*
 * Follows Linux's augment_tree_propagate_from (v6.1): n's maximum and its
 * ancestors', stopping at the first that does not change: valid after a
 * node grew, shrank or was hung as a leaf in place, where everything
 * above n agreed with n's old value (not after an erase, which moves
 * nodes; rb_erase_augmented recomputes up to the root then).
 */
static void augment_tree_propagate_from(struct rb_node *n)
{
	for (; n; n = n->rb_parent) {
		struct vmap_area *va = rb_entry(n, struct vmap_area, rb_node);
		unsigned long max = free_vmap_area_rb_augment_cb_compute_max(va);

		if (va->subtree_max_size == max)
			break;
		va->subtree_max_size = max;
	}
}

/* va's size changed in place: its maximum and its ancestors'. */
static void free_resized(struct vmap_area *va)
{
	augment_tree_propagate_from(&va->rb_node);
}

/*
 * Follows Linux's find_va_links (v6.1): where va goes in root, and its
 * parent; NULL if va overlaps an area already there.
 */
static struct rb_node **find_va_links(const struct vmap_area *va, struct rb_root *root,
				      struct rb_node **parent)
{
	struct rb_node **link = &root->rb_node;

	*parent = NULL;
	while (*link) {
		const struct vmap_area *tmp = rb_entry(*link, struct vmap_area, rb_node);

		*parent = *link;
		if (va->va_end <= tmp->va_start)
			link = &(*link)->rb_left;
		else if (va->va_start >= tmp->va_end)
			link = &(*link)->rb_right;
		else
			return NULL;
	}
	return link;
}

/* Follows Linux's link_va (v6.1): into the tree, and into the list beside its in-order neighbour. */
static void link_va(struct vmap_area *va, struct rb_node *parent, struct rb_node **link,
		    struct list_head *head)
{
	rb_link_node(&va->rb_node, parent, link);
	if (!parent)
		list_add(&va->list, head);
	else if (link == &parent->rb_right)	/* parent comes just before va */
		list_add(&va->list, &rb_entry(parent, struct vmap_area, rb_node)->list);
	else					/* parent comes just after va */
		list_add_tail(&va->list, &rb_entry(parent, struct vmap_area, rb_node)->list);
}

/* Follows Linux's insert_vmap_area (v6.1): into the busy tree; false on overlap. */
static bool insert_busy(struct vmap_area *va)
{
	struct rb_node *parent, **link = find_va_links(va, &vmap_area_root, &parent);

	if (!link)
		return false;
	link_va(va, parent, link, &vmap_area_list);
	rb_insert_color(&va->rb_node, &vmap_area_root);
	return true;
}

/* Follows Linux's insert_vmap_area_augment (v6.1): into the free tree, the maxima kept. */
static bool insert_free(struct vmap_area *va)
{
	struct rb_node *parent, **link = find_va_links(va, &free_vmap_area_root, &parent);

	if (!link)
		return false;
	va->subtree_max_size = va_size(va);
	link_va(va, parent, link, &free_vmap_area_list);
	augment_tree_propagate_from(parent);
	rb_insert_augmented(&va->rb_node, &free_vmap_area_root, &free_vmap_area_rb_augment_cb);
	return true;
}

static void unlink_free(struct vmap_area *va)
{
	rb_erase_augmented(&va->rb_node, &free_vmap_area_root, &free_vmap_area_rb_augment_cb);
	list_del(&va->list);
}


/*
 * Follows Linux's merge_or_add_vmap_area (v6.1): va becomes free, merged
 * with the free areas it touches. Returns the area that holds it now.
 */
static struct vmap_area *merge_or_add_vmap_area(struct vmap_area *va)
{
	struct rb_node *parent, **link = find_va_links(va, &free_vmap_area_root, &parent);
	struct list_head *next_pos, *prev_pos;
	struct vmap_area *merged = NULL;

	if (!link) {
		WARN_ON(true);	/* freeing what is already free: the trees disagree */
		return NULL;
	}
	/* The in-order neighbours of where va would hang. */
	if (!parent) {
		next_pos = prev_pos = &free_vmap_area_list;
	} else if (link == &parent->rb_right) {
		prev_pos = &rb_entry(parent, struct vmap_area, rb_node)->list;
		next_pos = prev_pos->next;
	} else {
		next_pos = &rb_entry(parent, struct vmap_area, rb_node)->list;
		prev_pos = next_pos->prev;
	}
	if (next_pos != &free_vmap_area_list) {
		struct vmap_area *next = list_entry(next_pos, struct vmap_area, list);

		if (next->va_start == va->va_end) {
			next->va_start = va->va_start;
			vmap_area_obj_free(va);
			merged = va = next;
		}
	}
	if (prev_pos != &free_vmap_area_list) {
		struct vmap_area *prev = list_entry(prev_pos, struct vmap_area, list);

		if (prev->va_end == va->va_start) {
			prev->va_end = va->va_end;
			/* va is either the freed area itself or the next one that took it in: gone either way. */
			if (merged)
				unlink_free(merged);
			vmap_area_obj_free(va);
			merged = va = prev;
		}
	}
	if (merged)
		free_resized(merged);
	else
		insert_free(va);
	return va;
}

/* Whether [addr, addr + size), addr the lowest align-aligned address >= vstart in va, fits va and ends by vend. */
static bool is_within_this_va(const struct vmap_area *va, unsigned long size, unsigned long align,
			      unsigned long vstart, unsigned long vend, unsigned long *addr)
{
	unsigned long start = max(va->va_start, vstart);
	unsigned long aligned = ALIGN(start, align);

	if (aligned < start || aligned + size < aligned)
		return false;	/* wrapped past the top of the address space */
	*addr = aligned;
	return aligned + size <= va->va_end && aligned + size <= vend;
}

/*
 * The free area holding the lowest fit in node's subtree. Like Linux's
 * find_vmap_lowest_match (v6.1) it skips subtrees whose largest area is
 * too small and those wholly below vstart; unlike it, it prunes with the
 * size alone (Linux adds align - 1, which can miss a lower fit), so the
 * answer is always the lowest fitting address.
 */
static struct vmap_area *lowest_match(struct rb_node *node, unsigned long size, unsigned long align,
				      unsigned long vstart, unsigned long vend, unsigned long *addr)
{
	while (node && get_subtree_max_size(node) >= size) {
		struct vmap_area *va = rb_entry(node, struct vmap_area, rb_node);

		if (va->va_start > vstart && node->rb_left) {
			struct vmap_area *found = lowest_match(node->rb_left, size, align, vstart, vend, addr);

			if (found)
				return found;
		}
		if (va->va_start >= vend)
			return NULL;	/* it and everything to its right start too high */
		if (is_within_this_va(va, size, align, vstart, vend, addr))
			return va;
		node = node->rb_right;
	}
	return NULL;
}

/*
 * Follows Linux's adjust_va_to_fit_type (v6.1): take [nva_start,
 * nva_start + size) out of the free area va. The four cases: all of it
 * (FL), its left or right end (LE, RE), or its middle (NE, which needs a
 * second free area for the left part). False if that one cannot be had.
 */
static bool adjust_va_to_fit_type(struct vmap_area *va, unsigned long nva_start, unsigned long size)
{
	unsigned long nva_end = nva_start + size;

	if (va->va_start == nva_start && va->va_end == nva_end) {
		unlink_free(va);
		vmap_area_obj_free(va);
	} else if (va->va_start == nva_start) {
		va->va_start = nva_end;
		free_resized(va);
	} else if (va->va_end == nva_end) {
		va->va_end = nva_start;
		free_resized(va);
	} else {
		struct vmap_area *lva = vmap_area_obj_alloc();

		if (!lva)
			return false;
		lva->va_start = va->va_start;
		lva->va_end = nva_start;
		lva->vm = NULL;
		va->va_start = nva_end;
		free_resized(va);
		insert_free(lva);
	}
	return true;
}

unsigned long lazy_max_pages(void)
{
	/* Linux 6.1: fls(num_online_cpus()) * 32 MiB of pages; one CPU here. */
	return 32UL * 1024 * 1024 / PAGE_SIZE;
}

/* Follows Linux's __purge_vmap_area_lazy (v6.1): the list taken whole, one flush, then the merges. */
void purge_vmap_area_lazy(void)
{
	unsigned long start = ~0UL, end = 0, flags;
	struct list_head *pos;
	LIST_HEAD(local);

	spin_lock_irqsave(&vmap_purge_lock, flags);
	spin_lock(&purge_vmap_area_lock);
	if (!list_empty(&purge_vmap_area_list)) {
		local.next = purge_vmap_area_list.next;
		local.prev = purge_vmap_area_list.prev;
		local.next->prev = &local;
		local.prev->next = &local;
		INIT_LIST_HEAD(&purge_vmap_area_list);
	}
	vmap_lazy_nr = 0;
	spin_unlock(&purge_vmap_area_lock);
	if (list_empty(&local)) {
		spin_unlock_irqrestore(&vmap_purge_lock, flags);
		return;
	}
	for (pos = local.next; pos != &local; pos = pos->next) {
		struct vmap_area *va = list_entry(pos, struct vmap_area, list);

		start = min(start, va->va_start);
		end = max(end, va->va_end);
	}
	/* No stale translation may outlive the free: flush first, on every CPU (Linux's __purge_vmap_area_lazy). */
	vmap_area_flush_tlb_range(start, end);
	spin_lock(&free_vmap_area_lock);
	while (!list_empty(&local)) {
		struct vmap_area *va = list_first_entry(&local, struct vmap_area, list);

		list_del(&va->list);
		va->vm = NULL;
		merge_or_add_vmap_area(va);
	}
	spin_unlock(&free_vmap_area_lock);
	nr_purges++;
	spin_unlock_irqrestore(&vmap_purge_lock, flags);
}

/* Follows Linux's free_vmap_area_noflush (v6.1). */
void free_vmap_area_noflush(struct vmap_area *va)
{
	unsigned long flags, lazy;

	spin_lock_irqsave(&vmap_area_lock, flags);
	rb_erase(&va->rb_node, &vmap_area_root);
	list_del(&va->list);
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	spin_lock_irqsave(&purge_vmap_area_lock, flags);
	list_add_tail(&va->list, &purge_vmap_area_list);
	vmap_lazy_nr += va_size(va) >> PAGE_SHIFT;
	lazy = vmap_lazy_nr;
	spin_unlock_irqrestore(&purge_vmap_area_lock, flags);
	/* Linux 6.1 schedules drain_vmap_work here; there are no workers, so purge at once. */
	if (lazy > lazy_max_pages())
		purge_vmap_area_lazy();
}

struct vmap_area *alloc_vmap_area(unsigned long size, unsigned long align,
				  unsigned long vstart, unsigned long vend)
{
	struct vmap_area *va, *free;
	unsigned long addr = 0, flags;
	bool purged = false, found;

	if (!size || (size & ~PAGE_MASK) || !align || (align & (align - 1)) || vstart >= vend)
		return NULL;
	va = vmap_area_obj_alloc();
	if (!va)
		return NULL;
	for (;;) {
		spin_lock_irqsave(&free_vmap_area_lock, flags);
		free = lowest_match(free_vmap_area_root.rb_node, size, align, vstart, vend, &addr);
		found = free && adjust_va_to_fit_type(free, addr, size);
		spin_unlock_irqrestore(&free_vmap_area_lock, flags);
		if (found)
			break;
		/* Linux 6.1: purge what waits, then try once more. */
		if (purged) {
			vmap_area_obj_free(va);
			return NULL;
		}
		purge_vmap_area_lazy();
		purged = true;
	}
	va->va_start = addr;
	va->va_end = addr + size;
	va->vm = NULL;
	spin_lock_irqsave(&vmap_area_lock, flags);
	insert_busy(va);
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	return va;
}

/* Follows Linux's find_vmap_area (v6.1): the area stays its owner's, who alone frees it, once found. */
struct vmap_area *find_vmap_area(unsigned long addr)
{
	struct vmap_area *found = NULL;
	struct rb_node *n;
	unsigned long flags;

	spin_lock_irqsave(&vmap_area_lock, flags);
	n = vmap_area_root.rb_node;
	while (n) {
		struct vmap_area *va = rb_entry(n, struct vmap_area, rb_node);

		if (addr < va->va_start) {
			n = n->rb_left;
		} else if (addr >= va->va_end) {
			n = n->rb_right;
		} else {
			found = va;
			break;
		}
	}
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	return found;
}

/* The checks' view: every list and tree held still. */
static unsigned long lock_all(void)
{
	unsigned long flags;

	spin_lock_irqsave(&vmap_purge_lock, flags);
	spin_lock(&purge_vmap_area_lock);
	spin_lock(&vmap_area_lock);
	spin_lock(&free_vmap_area_lock);
	return flags;
}

static void unlock_all(unsigned long flags)
{
	spin_unlock(&free_vmap_area_lock);
	spin_unlock(&vmap_area_lock);
	spin_unlock(&purge_vmap_area_lock);
	spin_unlock_irqrestore(&vmap_purge_lock, flags);
}

/* The free area holding all of [start, end), if there is one. */
static struct vmap_area *free_area_holding(unsigned long start, unsigned long end)
{
	struct rb_node *n = free_vmap_area_root.rb_node;

	while (n) {
		struct vmap_area *va = rb_entry(n, struct vmap_area, rb_node);

		if (end <= va->va_start)
			n = n->rb_left;
		else if (start >= va->va_end)
			n = n->rb_right;
		else
			return start >= va->va_start && end <= va->va_end ? va : NULL;
	}
	return NULL;
}

bool vmap_area_reserve(unsigned long start, unsigned long end, struct vm_struct *vm)
{
	struct vmap_area *va = vmap_area_obj_alloc(), *free;
	unsigned long flags;
	bool ok;

	if (!va)
		return false;
	flags = lock_all();
	free = start < end ? free_area_holding(start, end) : NULL;
	va->va_start = start;
	va->va_end = end;
	va->vm = vm;
	/* Outside the managed range an early area is only recorded (Linux's free space spans everything). */
	ok = start < end && (free || end <= managed_start || start >= managed_end) &&
	     (!free || adjust_va_to_fit_type(free, start, end - start)) && insert_busy(va);
	unlock_all(flags);
	if (!ok)
		vmap_area_obj_free(va);
	return ok;
}

static void free_list(struct list_head *head)
{
	while (!list_empty(head)) {
		struct vmap_area *va = list_first_entry(head, struct vmap_area, list);

		list_del(&va->list);
		vmap_area_obj_free(va);
	}
}

/* Boot (vmalloc_init) and the host fuzzer only, one CPU: no lock. */
void vmap_area_reset(unsigned long start, unsigned long end)
{
	struct vmap_area *va;

	free_list(&vmap_area_list);
	free_list(&free_vmap_area_list);
	free_list(&purge_vmap_area_list);
	vmap_area_root = RB_ROOT;
	free_vmap_area_root = RB_ROOT;
	vmap_lazy_nr = nr_purges = 0;
	managed_start = start;
	managed_end = end;
	if (start >= end)
		return;
	va = vmap_area_obj_alloc();
	if (!va)
		return;
	va->va_start = start;
	va->va_end = end;
	va->vm = NULL;
	insert_free(va);
}

void vmap_area_stats(struct vmap_area_stats *s)
{
	unsigned long flags = lock_all();
	struct list_head *pos;

	*s = (struct vmap_area_stats){ .lazy_pages = vmap_lazy_nr, .purges = nr_purges };
	for (pos = vmap_area_list.next; pos != &vmap_area_list; pos = pos->next) {
		s->busy_areas++;
		s->busy_bytes += va_size(list_entry(pos, struct vmap_area, list));
	}
	for (pos = free_vmap_area_list.next; pos != &free_vmap_area_list; pos = pos->next) {
		unsigned long size = va_size(list_entry(pos, struct vmap_area, list));

		s->free_areas++;
		s->free_bytes += size;
		s->largest_free = max(s->largest_free, size);
	}
	for (pos = purge_vmap_area_list.next; pos != &purge_vmap_area_list; pos = pos->next)
		s->lazy_areas++;
	unlock_all(flags);
}

/* Black height of the subtree at n, or -1 if a red-black rule or an augmented maximum is broken. */
static int check_subtree(const struct rb_node *n, bool augmented)
{
	int left, right;

	if (!n)
		return 1;
	if (n->rb_red && (( n->rb_left && n->rb_left->rb_red) || (n->rb_right && n->rb_right->rb_red)))
		return -1;
	if ((n->rb_left && n->rb_left->rb_parent != n) || (n->rb_right && n->rb_right->rb_parent != n))
		return -1;
	if (augmented) {
		const struct vmap_area *va = rb_entry(n, struct vmap_area, rb_node);
		unsigned long want = max(va_size(va), max(get_subtree_max_size(n->rb_left),
							    get_subtree_max_size(n->rb_right)));

		if (va->subtree_max_size != want)
			return -1;
	}
	left = check_subtree(n->rb_left, augmented);
	right = check_subtree(n->rb_right, augmented);
	if (left < 0 || left != right)
		return -1;
	return left + !n->rb_red;
}

/* The tree's in-order walk is the list, in strictly increasing, non-overlapping (free: non-touching) order. */
static bool check_order(const struct rb_root *root, const struct list_head *head, bool free)
{
	const struct list_head *pos = head->next;
	const struct vmap_area *prev = NULL;

	for (struct rb_node *n = rb_first(root); n; n = rb_next(n), pos = pos->next) {
		const struct vmap_area *va = rb_entry(n, struct vmap_area, rb_node);

		if (pos == head || pos != &va->list || va->va_start >= va->va_end)
			return false;
		if (prev && (free ? prev->va_end >= va->va_start : prev->va_end > va->va_start))
			return false;
		prev = va;
	}
	return pos == head;
}

static int vmap_area_verify_locked(void)
{
	if (free_vmap_area_root.rb_node && free_vmap_area_root.rb_node->rb_red)
		return 1;
	if (vmap_area_root.rb_node && vmap_area_root.rb_node->rb_red)
		return 2;
	if (check_subtree(free_vmap_area_root.rb_node, true) < 0)
		return 3;
	if (check_subtree(vmap_area_root.rb_node, false) < 0)
		return 4;
	if (!check_order(&free_vmap_area_root, &free_vmap_area_list, true))
		return 5;
	if (!check_order(&vmap_area_root, &vmap_area_list, false))
		return 6;
	return 0;
}

int vmap_area_verify(void)
{
	unsigned long flags = lock_all();
	int ret = vmap_area_verify_locked();

	unlock_all(flags);
	return ret;
}
