/* Bottom-up heapsort with the element order of Linux's lib/sort.c (v6.x). */
#include <linux/sort.h>
#include <linux/types.h>

static void swap_bytes(unsigned char *a, unsigned char *b, size_t size)
{
	while (size--) {
		unsigned char t = *a;

		*a++ = *b;
		*b++ = t;
	}
}

/*
 * A max-heap over elements [0, n). Each round either extends the heap
 * (sifting element `top` down, while building) or moves the root behind the
 * heap (while extracting). The sift-down first walks to a leaf along the
 * larger children (one comparison per level), then climbs back to where
 * the element belongs and rotates it into place: fewer comparisons than
 * the classic two per level, and the same moves as Linux's sort.
 */
void sort(void *base, size_t num, size_t size,
	  int (*cmp)(const void *a, const void *b))
{
	unsigned char *v = base;
	size_t n = num, top = num / 2;

#define EL(i)	(v + (i) * size)
	if (!top)
		return;
	for (;;) {
		size_t node, child, other;

		if (top) {
			top--;
		} else if (--n) {
			swap_bytes(EL(0), EL(n), size);
		} else {
			break;
		}

		node = top;
		for (;;) {
			child = 2 * node + 1;
			other = child + 1;
			if (other >= n)
				break;
			node = cmp(EL(child), EL(other)) >= 0 ? child : other;
		}
		if (other == n)		/* a last leaf without a sibling */
			node = child;

		while (node != top && cmp(EL(top), EL(node)) >= 0)
			node = (node - 1) / 2;
		/* Rotate: each ancestor up to top trades places with the slot found. */
		for (size_t slot = node; node != top;) {
			node = (node - 1) / 2;
			swap_bytes(EL(node), EL(slot), size);
		}
	}
#undef EL
}
