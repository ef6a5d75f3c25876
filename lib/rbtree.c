/*
 * Red-black trees (include/linux/rbtree.h, rbtree_augmented.h): the
 * classic insert and erase rebalancing (every path from a node down to a
 * leaf has as many black nodes; no red node has a red child), so the
 * height stays below 2 log2(n + 1). Written here from the algorithm;
 * the interface follows Linux's lib/rbtree.c (v6.1).
 */
#include <linux/rbtree.h>
#include <linux/rbtree_augmented.h>

static bool is_red(const struct rb_node *node)
{
	return node && node->rb_red;
}

/* Make parent point at new where it pointed at old (the root if parent is NULL). */
static void replace_child(struct rb_root *root, struct rb_node *parent, struct rb_node *old,
			  struct rb_node *new)
{
	if (!parent)
		root->rb_node = new;
	else if (parent->rb_left == old)
		parent->rb_left = new;
	else
		parent->rb_right = new;
}

/* x's right child y takes x's place; x becomes y's left child. */
static void rotate_left(struct rb_root *root, struct rb_node *x, const struct rb_augment_callbacks *aug)
{
	struct rb_node *y = x->rb_right;

	x->rb_right = y->rb_left;
	if (y->rb_left)
		y->rb_left->rb_parent = x;
	y->rb_parent = x->rb_parent;
	replace_child(root, x->rb_parent, x, y);
	y->rb_left = x;
	x->rb_parent = y;
	if (aug)
		aug->rotate(x, y);
}

/* x's left child y takes x's place; x becomes y's right child. */
static void rotate_right(struct rb_root *root, struct rb_node *x, const struct rb_augment_callbacks *aug)
{
	struct rb_node *y = x->rb_left;

	x->rb_left = y->rb_right;
	if (y->rb_right)
		y->rb_right->rb_parent = x;
	y->rb_parent = x->rb_parent;
	replace_child(root, x->rb_parent, x, y);
	y->rb_right = x;
	x->rb_parent = y;
	if (aug)
		aug->rotate(x, y);
}

/* The insert and erase below take NULL callbacks for a plain tree. */
void rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			 const struct rb_augment_callbacks *aug)
{
	struct rb_node *parent, *gparent, *uncle;

	while ((parent = node->rb_parent) && parent->rb_red) {
		/* A red parent is never the root, so there is a grandparent. */
		gparent = parent->rb_parent;
		if (parent == gparent->rb_left) {
			uncle = gparent->rb_right;
			if (is_red(uncle)) {
				/* Push the red up: recolour and go on from the grandparent. */
				parent->rb_red = uncle->rb_red = false;
				gparent->rb_red = true;
				node = gparent;
				continue;
			}
			if (node == parent->rb_right) {
				rotate_left(root, parent, aug);
				node = parent;
				parent = node->rb_parent;
			}
			parent->rb_red = false;
			gparent->rb_red = true;
			rotate_right(root, gparent, aug);
		} else {
			uncle = gparent->rb_left;
			if (is_red(uncle)) {
				parent->rb_red = uncle->rb_red = false;
				gparent->rb_red = true;
				node = gparent;
				continue;
			}
			if (node == parent->rb_left) {
				rotate_right(root, parent, aug);
				node = parent;
				parent = node->rb_parent;
			}
			parent->rb_red = false;
			gparent->rb_red = true;
			rotate_left(root, gparent, aug);
		}
	}
	root->rb_node->rb_red = false;
}

void rb_insert_color(struct rb_node *node, struct rb_root *root)
{
	rb_insert_augmented(node, root, NULL);
}

/*
 * A black node was removed from below parent, on child's side (child may
 * be NULL): that side is one black short. Restore the black heights.
 */
static void erase_fixup(struct rb_root *root, struct rb_node *child, struct rb_node *parent,
			const struct rb_augment_callbacks *aug)
{
	struct rb_node *sibling;

	while (child != root->rb_node && !is_red(child)) {
		if (child == parent->rb_left) {
			sibling = parent->rb_right;
			if (is_red(sibling)) {
				sibling->rb_red = false;
				parent->rb_red = true;
				rotate_left(root, parent, aug);
				sibling = parent->rb_right;
			}
			if (!is_red(sibling->rb_left) && !is_red(sibling->rb_right)) {
				sibling->rb_red = true;
				child = parent;
				parent = child->rb_parent;
				continue;
			}
			if (!is_red(sibling->rb_right)) {
				sibling->rb_left->rb_red = false;
				sibling->rb_red = true;
				rotate_right(root, sibling, aug);
				sibling = parent->rb_right;
			}
			sibling->rb_red = parent->rb_red;
			parent->rb_red = false;
			sibling->rb_right->rb_red = false;
			rotate_left(root, parent, aug);
		} else {
			sibling = parent->rb_left;
			if (is_red(sibling)) {
				sibling->rb_red = false;
				parent->rb_red = true;
				rotate_right(root, parent, aug);
				sibling = parent->rb_left;
			}
			if (!is_red(sibling->rb_left) && !is_red(sibling->rb_right)) {
				sibling->rb_red = true;
				child = parent;
				parent = child->rb_parent;
				continue;
			}
			if (!is_red(sibling->rb_left)) {
				sibling->rb_right->rb_red = false;
				sibling->rb_red = true;
				rotate_left(root, sibling, aug);
				sibling = parent->rb_left;
			}
			sibling->rb_red = parent->rb_red;
			parent->rb_red = false;
			sibling->rb_left->rb_red = false;
			rotate_right(root, parent, aug);
		}
		child = root->rb_node;
		break;
	}
	if (child)
		child->rb_red = false;
}

void rb_erase_augmented(struct rb_node *node, struct rb_root *root,
			const struct rb_augment_callbacks *aug)
{
	struct rb_node *child, *parent;
	bool removed_black;

	if (!node->rb_left || !node->rb_right) {
		/* At most one child: it takes node's place. */
		child = node->rb_left ? node->rb_left : node->rb_right;
		parent = node->rb_parent;
		removed_black = !node->rb_red;
		if (child)
			child->rb_parent = parent;
		replace_child(root, parent, node, child);
	} else {
		/* Two children: the next node in order (no left child) takes node's place and colour. */
		struct rb_node *succ = node->rb_right;

		while (succ->rb_left)
			succ = succ->rb_left;
		removed_black = !succ->rb_red;
		child = succ->rb_right;
		if (succ->rb_parent == node) {
			parent = succ;
		} else {
			parent = succ->rb_parent;
			parent->rb_left = child;
			if (child)
				child->rb_parent = parent;
			succ->rb_right = node->rb_right;
			succ->rb_right->rb_parent = succ;
		}
		succ->rb_left = node->rb_left;
		succ->rb_left->rb_parent = succ;
		succ->rb_parent = node->rb_parent;
		replace_child(root, node->rb_parent, node, succ);
		succ->rb_red = node->rb_red;
		if (aug)
			aug->copy(node, succ);
	}
	/* Every node from where the tree changed up to the root spans a different set now. */
	if (aug && parent)
		aug->propagate(parent, NULL);
	if (removed_black)
		erase_fixup(root, child, parent, aug);
}

void rb_erase(struct rb_node *node, struct rb_root *root)
{
	rb_erase_augmented(node, root, NULL);
}

struct rb_node *rb_first(const struct rb_root *root)
{
	struct rb_node *n = root->rb_node;

	while (n && n->rb_left)
		n = n->rb_left;
	return n;
}

struct rb_node *rb_last(const struct rb_root *root)
{
	struct rb_node *n = root->rb_node;

	while (n && n->rb_right)
		n = n->rb_right;
	return n;
}

struct rb_node *rb_next(const struct rb_node *node)
{
	const struct rb_node *n;

	if (node->rb_right) {
		n = node->rb_right;
		while (n->rb_left)
			n = n->rb_left;
		return (struct rb_node *)n;
	}
	while (node->rb_parent && node == node->rb_parent->rb_right)
		node = node->rb_parent;
	return node->rb_parent;
}

struct rb_node *rb_prev(const struct rb_node *node)
{
	const struct rb_node *n;

	if (node->rb_left) {
		n = node->rb_left;
		while (n->rb_right)
			n = n->rb_right;
		return (struct rb_node *)n;
	}
	while (node->rb_parent && node == node->rb_parent->rb_left)
		node = node->rb_parent;
	return node->rb_parent;
}
