/*
 * Red-black trees, with the names of Linux's include/linux/rbtree.h (v6.1)
 * but written here: a node keeps its parent, children and colour in plain
 * fields. The user embeds a struct rb_node, finds the place for a new node
 * itself (the tree does not compare keys), links it with rb_link_node and
 * then lets rb_insert_color rebalance. rbtree_augmented.h adds trees whose
 * nodes carry a value computed from their subtree.
 */
#ifndef _LINUX_RBTREE_H
#define _LINUX_RBTREE_H

#include <linux/types.h>

struct rb_node {
	struct rb_node *rb_parent;
	struct rb_node *rb_left;
	struct rb_node *rb_right;
	bool rb_red;
};

struct rb_root {
	struct rb_node *rb_node;
};

#define RB_ROOT			((struct rb_root){ NULL })
#define RB_EMPTY_ROOT(root)	((root)->rb_node == NULL)
#define rb_entry(ptr, type, member) \
	((type *)((char *)(ptr) - __builtin_offsetof(type, member)))
#define rb_entry_safe(ptr, type, member) \
	({ struct rb_node *__p = (ptr); __p ? rb_entry(__p, type, member) : NULL; })
#define rb_parent(node)		((node)->rb_parent)

/* Follows Linux's rb_link_node: hang node, red and childless, at *link below parent. */
static inline void rb_link_node(struct rb_node *node, struct rb_node *parent, struct rb_node **link)
{
	node->rb_parent = parent;
	node->rb_left = node->rb_right = NULL;
	node->rb_red = true;
	*link = node;
}

/* Rebalance after rb_link_node (Linux's rb_insert_color). */
void rb_insert_color(struct rb_node *node, struct rb_root *root);
/* Unlink node and rebalance (Linux's rb_erase). */
void rb_erase(struct rb_node *node, struct rb_root *root);

/* In-order walk (Linux's rb_first, rb_last, rb_next, rb_prev); NULL past either end. */
struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_last(const struct rb_root *root);
struct rb_node *rb_next(const struct rb_node *node);
struct rb_node *rb_prev(const struct rb_node *node);

#endif
