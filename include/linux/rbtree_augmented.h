/*
 * Augmented red-black trees: every node carries a value that depends on
 * its subtree (for vmalloc's free areas, the largest free size below it).
 * Follows the interface of Linux's include/linux/rbtree_augmented.h (v6.1)
 * with a simpler contract:
 *
 *  propagate(node, stop)  recompute node's value, then its parent's, up to
 *                         (not including) stop; stop NULL: to the root.
 *                         It must not stop early when a value is unchanged:
 *                         after an erase a moved node's old value means
 *                         nothing.
 *  copy(old, new)         new takes old's place in the tree: its value.
 *  rotate(old, new)       new has just become the parent of old: new now
 *                         spans the subtree old spanned (its value is old's)
 *                         and old's value is recomputed from its children.
 *
 * Inserting: link the node (rb_link_node) with its own value, propagate
 * from its parent, then rb_insert_augmented. Erasing: rb_erase_augmented
 * does all of it.
 */
#ifndef _LINUX_RBTREE_AUGMENTED_H
#define _LINUX_RBTREE_AUGMENTED_H

#include <linux/rbtree.h>

struct rb_augment_callbacks {
	void (*propagate)(struct rb_node *node, struct rb_node *stop);
	void (*copy)(struct rb_node *old, struct rb_node *new);
	void (*rotate)(struct rb_node *old, struct rb_node *new);
};

void rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			 const struct rb_augment_callbacks *augment);
void rb_erase_augmented(struct rb_node *node, struct rb_root *root,
			const struct rb_augment_callbacks *augment);

/*
 * Follows Linux's RB_DECLARE_CALLBACKS_MAX: callbacks (the struct named
 * name) for a value field that is the maximum of compute(node) over the
 * node's subtree.
 */
#define RB_DECLARE_CALLBACKS_MAX(qual, name, type, field, valtype, valfield, compute) \
static inline valtype name##_compute_max(type *node)				\
{										\
	valtype max = compute(node), sub;					\
	if (node->field.rb_left) {						\
		sub = rb_entry(node->field.rb_left, type, field)->valfield;	\
		if (sub > max)							\
			max = sub;						\
	}									\
	if (node->field.rb_right) {						\
		sub = rb_entry(node->field.rb_right, type, field)->valfield;	\
		if (sub > max)							\
			max = sub;						\
	}									\
	return max;								\
}										\
static void name##_propagate(struct rb_node *rb, struct rb_node *stop)		\
{										\
	for (; rb != stop; rb = rb->rb_parent) {				\
		type *node = rb_entry(rb, type, field);				\
		node->valfield = name##_compute_max(node);			\
	}									\
}										\
static void name##_copy(struct rb_node *rb_old, struct rb_node *rb_new)	\
{										\
	rb_entry(rb_new, type, field)->valfield =				\
		rb_entry(rb_old, type, field)->valfield;			\
}										\
static void name##_rotate(struct rb_node *rb_old, struct rb_node *rb_new)	\
{										\
	type *old = rb_entry(rb_old, type, field);				\
	rb_entry(rb_new, type, field)->valfield = old->valfield;		\
	old->valfield = name##_compute_max(old);				\
}										\
qual const struct rb_augment_callbacks name = {				\
	.propagate = name##_propagate,						\
	.copy = name##_copy,							\
	.rotate = name##_rotate,						\
}

#endif
