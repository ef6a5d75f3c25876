/*
 * slub_debug: SLUB's checks, as Linux's mm/slub.c (v6.1, CONFIG_SLUB_DEBUG)
 * has them. `slub_debug` on the command line turns on F, Z, P and U for
 * every cache; `slub_debug=FZPU` names the flags, `slub_debug=FZ,kmalloc-64`
 * limits them to the caches listed (a trailing * matches a prefix):
 *   F  consistency checks on every allocation and free
 *   Z  red zones around each object (0xbb while free, 0xcc in use)
 *   P  free objects poisoned (0x6b, the last byte 0xa5), padding 0x5a
 *   U  the last allocation and free of each object: caller, cpu, pid, age
 * A damaged object is reported in Linux's format (the ===== banner,
 * "BUG cache (Not tainted): what", the INFO lines, the object dump and a
 * backtrace), the bytes are restored or the object taken out of use
 * ("FIX ..."), the kernel is tainted B, and boot goes on, as in Linux.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <asm/setup.h>
#include <asm/system.h>
#include "slab.h"
#include "slub_debug.h"

/* Linux's poison values (include/linux/poison.h, v6.1). */
#define SLUB_RED_INACTIVE	0xbb
#define SLUB_RED_ACTIVE		0xcc
#define POISON_INUSE		0x5a
#define POISON_FREE		0x6b
#define POISON_END		0xa5

/* Linux's DEBUG_DEFAULT_FLAGS: what `slub_debug` alone turns on. */
#define DEBUG_DEFAULT_FLAGS	(SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER)

static slab_flags_t slub_debug;
/* The caches the flags are limited to, comma-separated (NULL: every cache). */
static const char *slub_debug_slabs;

/*
 * Follows Linux's parse_slub_debug_flags (v6.1), one block: the flag
 * letters up to a comma, then the cache list. No letters (or a bare
 * slub_debug) means DEBUG_DEFAULT_FLAGS; '-' means none.
 */
static int __init setup_slub_debug(char *str)
{
	slab_flags_t flags = 0;
	bool any = false;

	if (!str || !*str) {
		slub_debug = DEBUG_DEFAULT_FLAGS;
		return 0;
	}
	for (; *str && *str != ','; str++) {
		any = true;
		switch (*str | 0x20) {
		case '-':
			flags = 0;
			break;
		case 'f':
			flags |= SLAB_CONSISTENCY_CHECKS;
			break;
		case 'z':
			flags |= SLAB_RED_ZONE;
			break;
		case 'p':
			flags |= SLAB_POISON;
			break;
		case 'u':
			flags |= SLAB_STORE_USER;
			break;
		default:
			pr_err("slub_debug option '%c' unknown. skipped\n", *str);
		}
	}
	slub_debug = any ? flags : DEBUG_DEFAULT_FLAGS;
	if (*str == ',' && str[1])
		slub_debug_slabs = str + 1;
	return 0;
}
early_param("slub_debug", setup_slub_debug);

/* Whether @name is in the comma-separated @list (an entry ending in * matches a prefix). */
static bool cache_listed(const char *list, const char *name)
{
	while (*list) {
		size_t len = 0;

		while (list[len] && list[len] != ',')
			len++;
		if (len && list[len - 1] == '*') {
			if (!strncmp(name, list, len - 1))
				return true;
		} else if (strlen(name) == len && !strncmp(name, list, len)) {
			return true;
		}
		list += len;
		if (*list == ',')
			list++;
	}
	return false;
}

/* Follows Linux's kmem_cache_flags (v6.1). */
slab_flags_t kmem_cache_flags(unsigned int object_size, slab_flags_t flags, const char *name)
{
	(void)object_size;
	if (slub_debug_slabs && (!name || !cache_listed(slub_debug_slabs, name)))
		return flags;
	return flags | slub_debug;
}

/* Follows Linux's struct track (v6.1, without a stack depot): one call of kmem_cache_alloc or free. */
struct track {
	unsigned long addr;	/* the caller */
	int cpu;
	int pid;
	unsigned long when;	/* jiffies */
};

enum track_item { TRACK_ALLOC, TRACK_FREE };

unsigned int slub_debug_track_size(const struct kmem_cache *s)
{
	return (s->flags & SLAB_STORE_USER) ? 2 * sizeof(struct track) : 0;
}

/* Linux's jiffies at HZ=100, from the generic timer (there is no tick here). */
static unsigned long jiffies_now(void)
{
	u32 freq = read_cntfrq();

	return freq ? (unsigned long)(read_cntvct() / (freq / 100)) : 0;
}

/* Follows Linux's get_info_end (v6.1): where the tracks start, past the free pointer when it is outside the object. */
static unsigned int get_info_end(const struct kmem_cache *s)
{
	if (s->offset >= s->inuse)
		return s->inuse + sizeof(void *);
	return s->inuse;
}

static struct track *get_track(const struct kmem_cache *s, void *object, enum track_item alloc)
{
	return (struct track *)((char *)object + get_info_end(s)) + alloc;
}

static void set_track(const struct kmem_cache *s, void *object, enum track_item alloc, unsigned long addr)
{
	struct track *p = get_track(s, object, alloc);

	p->addr = addr;
	p->cpu = (int)smp_processor_id();
	p->pid = 0;
	p->when = jiffies_now();
}

static void init_tracking(const struct kmem_cache *s, void *object)
{
	if (s->flags & SLAB_STORE_USER)
		memset(get_track(s, object, TRACK_ALLOC), 0, 2 * sizeof(struct track));
}

/* The stored free pointer, decoded as mm/slub.c stores it (freelist_ptr). */
static void *get_freepointer_dbg(const struct kmem_cache *s, void *object)
{
	unsigned long ptr_addr = (unsigned long)object + s->offset;

	return (void *)(*(unsigned long *)ptr_addr ^ s->random ^ __builtin_bswap32((u32)ptr_addr));
}

static void set_freepointer_dbg(const struct kmem_cache *s, void *object, void *fp)
{
	unsigned long ptr_addr = (unsigned long)object + s->offset;

	*(unsigned long *)ptr_addr = (unsigned long)fp ^ s->random ^ __builtin_bswap32((u32)ptr_addr);
}

/* Follows Linux's size_from_object (v6.1): the object's stride less its left red zone. */
static unsigned int size_from_object(const struct kmem_cache *s)
{
	if (s->flags & SLAB_RED_ZONE)
		return s->size - s->red_left_pad;
	return s->size;
}

/* Follows Linux's slab_bug (v6.1): the banner. */
static void slab_bug(const struct kmem_cache *s, const char *what)
{
	pr_err("=============================================================================\n");
	pr_err("BUG %s (%s): %s\n", s->name, print_tainted(), what);
	pr_err("-----------------------------------------------------------------------------\n\n");
}

/* Follows Linux's print_hex_dump (lib/hexdump.c, v6.1) with DUMP_PREFIX_ADDRESS, 16 bytes a row, bytes, ASCII. */
static void print_section(const char *text, const u8 *addr, unsigned int length)
{
	for (unsigned int i = 0; i < length; i += 16) {
		unsigned int n = min(length - i, 16u), col = 0;
		char line[16 * 3 + 2 + 16 + 1];

		for (unsigned int j = 0; j < n; j++) {
			static const char hex[] = "0123456789abcdef";

			line[col++] = hex[addr[i + j] >> 4];
			line[col++] = hex[addr[i + j] & 15];
			line[col++] = ' ';
		}
		col--;
		/* Linux's ascii_column: rowsize * 2 + rowsize / groupsize + 1. */
		while (col < 16 * 2 + 16 + 1)
			line[col++] = ' ';
		for (unsigned int j = 0; j < n; j++) {
			u8 c = addr[i + j];

			line[col++] = (c >= 0x20 && c < 0x7f) ? (char)c : '.';
		}
		line[col] = 0;
		pr_err("%s%p: %s\n", text, addr + i, line);
	}
}

/* Follows Linux's print_track (v6.1). */
static void print_track(const char *s, const struct track *t, unsigned long pr_time)
{
	if (!t->addr)
		return;
	pr_err("%s in %pS age=%lu cpu=%u pid=%d\n", s, (void *)t->addr, pr_time - t->when, t->cpu, t->pid);
}

static void print_tracking(const struct kmem_cache *s, void *object)
{
	unsigned long pr_time = jiffies_now();

	if (!(s->flags & SLAB_STORE_USER))
		return;
	print_track("Allocated", get_track(s, object, TRACK_ALLOC), pr_time);
	print_track("Freed", get_track(s, object, TRACK_FREE), pr_time);
}

/* Follows Linux's print_slab_info (v6.1); the flags as the page's raw word (Linux decodes them, %pGp). */
static void print_slab_info(const struct slab *slab)
{
	pr_err("Slab 0x%p objects=%u used=%u fp=0x%p flags=0x%lx\n", (const void *)slab, slab->objects,
	       slab->inuse, slab->freelist, slab->__page_flags);
}

/* Follows Linux's print_trailer (v6.1): who used the object, the slab, and the object's bytes. */
static void print_trailer(struct kmem_cache *s, struct slab *slab, u8 *p)
{
	u8 *addr = slab_address(slab);
	unsigned int off;

	print_tracking(s, p);
	print_slab_info(slab);
	pr_err("Object 0x%p @offset=%u fp=0x%p\n\n", p, (unsigned int)(p - addr), get_freepointer_dbg(s, p));
	if (s->flags & SLAB_RED_ZONE)
		print_section("Redzone  ", p - s->red_left_pad, s->red_left_pad);
	else if (p > addr + 16)
		print_section("Bytes b4 ", p - 16, 16);
	print_section("Object   ", p, min(s->object_size, (unsigned int)PAGE_SIZE));
	if (s->flags & SLAB_RED_ZONE)
		print_section("Redzone  ", p + s->object_size, s->inuse - s->object_size);
	off = get_info_end(s);
	if (s->flags & SLAB_STORE_USER)
		off += 2 * sizeof(struct track);
	if (off != size_from_object(s))
		print_section("Padding  ", p + off, size_from_object(s) - off);
	dump_stack();
}

/* Follows Linux's object_err (v6.1). */
static void object_err(struct kmem_cache *s, struct slab *slab, u8 *object, const char *reason)
{
	slab_bug(s, reason);
	print_trailer(s, slab, object);
	add_taint(TAINT_BAD_PAGE);
}

/* Follows Linux's slab_err (v6.1). */
static void slab_err(struct kmem_cache *s, struct slab *slab, const char *what)
{
	slab_bug(s, what);
	print_slab_info(slab);
	dump_stack();
	add_taint(TAINT_BAD_PAGE);
}

/* Follows Linux's slab_fix (v6.1). */
#define slab_fix(s, fmt, ...)	pr_err("FIX %s: " fmt "\n", (s)->name, ##__VA_ARGS__)

/* Follows Linux's init_object (v6.1): red zones set to @val, the object poisoned if the cache poisons. */
static void init_object(struct kmem_cache *s, void *object, u8 val)
{
	u8 *p = object;

	if (s->flags & SLAB_RED_ZONE)
		memset(p - s->red_left_pad, val, s->red_left_pad);
	if (s->flags & __OBJECT_POISON) {
		memset(p, POISON_FREE, s->object_size - 1);
		p[s->object_size - 1] = POISON_END;
	}
	if (s->flags & SLAB_RED_ZONE)
		memset(p + s->object_size, val, s->inuse - s->object_size);
}

/* Linux's memchr_inv: the first byte of [start, start + bytes) that is not @value, or NULL. */
static u8 *memchr_inv(u8 *start, u8 value, unsigned int bytes)
{
	for (unsigned int i = 0; i < bytes; i++)
		if (start[i] != value)
			return start + i;
	return NULL;
}

/* Follows Linux's check_bytes_and_report (v6.1): reported, then the bytes restored. */
static bool check_bytes_and_report(struct kmem_cache *s, struct slab *slab, u8 *object, const char *what,
				   u8 *start, u8 value, unsigned int bytes)
{
	u8 *addr = slab_address(slab), *fault = memchr_inv(start, value, bytes), *end;
	char buf[48];

	if (!fault)
		return true;
	end = start + bytes;
	while (end > fault && end[-1] == value)
		end--;
	snprintf(buf, sizeof(buf), "%s overwritten", what);
	slab_bug(s, buf);
	pr_err("0x%p-0x%p @offset=%u. First byte 0x%x instead of 0x%x\n", fault, end - 1,
	       (unsigned int)(fault - addr), fault[0], value);
	print_trailer(s, slab, object);
	add_taint(TAINT_BAD_PAGE);
	slab_fix(s, "Restoring %s 0x%p-0x%p=0x%x", what, fault, end - 1, value);
	memset(fault, value, (size_t)(end - fault));
	return false;
}

/* Follows Linux's check_pad_bytes (v6.1): the bytes after the metadata keep POISON_INUSE. */
static bool check_pad_bytes(struct kmem_cache *s, struct slab *slab, u8 *p)
{
	unsigned int off = get_info_end(s);

	if (s->flags & SLAB_STORE_USER)
		off += 2 * sizeof(struct track);
	if (size_from_object(s) == off)
		return true;
	return check_bytes_and_report(s, slab, p, "Object padding", p + off, POISON_INUSE,
				      size_from_object(s) - off);
}

/* Follows Linux's check_valid_pointer (v6.1): NULL, or the start of one of the slab's objects. */
static bool check_valid_pointer(struct kmem_cache *s, struct slab *slab, void *object)
{
	char *base = slab_address(slab);

	if (!object)
		return true;
	object = (char *)object - s->red_left_pad;
	if ((char *)object < base || (char *)object >= base + (unsigned int)slab->objects * s->size ||
	    (unsigned long)((char *)object - base) % s->size)
		return false;
	return true;
}

/* Follows Linux's check_object (v6.1): red zones, poison, padding and the free pointer. */
static bool check_object(struct kmem_cache *s, struct slab *slab, u8 *object, u8 val)
{
	u8 *endobject = object + s->object_size;

	if (s->flags & SLAB_RED_ZONE) {
		if (!check_bytes_and_report(s, slab, object, "Left Redzone", object - s->red_left_pad, val,
					    s->red_left_pad))
			return false;
		if (!check_bytes_and_report(s, slab, object, "Right Redzone", endobject, val,
					    s->inuse - s->object_size))
			return false;
	} else if ((s->flags & SLAB_POISON) && s->object_size < s->inuse) {
		check_bytes_and_report(s, slab, object, "Alignment padding", endobject, POISON_INUSE,
				       s->inuse - s->object_size);
	}
	if (s->flags & SLAB_POISON) {
		if (val != SLUB_RED_ACTIVE && (s->flags & __OBJECT_POISON) &&
		    (!check_bytes_and_report(s, slab, object, "Poison", object, POISON_FREE, s->object_size - 1) ||
		     !check_bytes_and_report(s, slab, object, "End Poison", object + s->object_size - 1,
					     POISON_END, 1)))
			return false;
		check_pad_bytes(s, slab, object);
	}
	/* Object and free pointer overlap: the pointer cannot be checked while the object is in use. */
	if (s->offset < s->inuse && val == SLUB_RED_ACTIVE)
		return true;
	if (!check_valid_pointer(s, slab, get_freepointer_dbg(s, object))) {
		object_err(s, slab, object, "Freepointer corrupt");
		set_freepointer_dbg(s, object, NULL);
		return false;
	}
	return true;
}

/* Follows Linux's check_slab (v6.1). */
static bool check_slab(struct kmem_cache *s, struct slab *slab)
{
	char buf[96];

	if (!PageSlab(slab_page(slab))) {
		slab_err(s, slab, "Not a valid slab page");
		return false;
	}
	if (slab->objects > (slab_size(slab) - s->red_left_pad) / s->size + 1 || slab->inuse > slab->objects) {
		snprintf(buf, sizeof(buf), "inuse %u > max %u", slab->inuse, slab->objects);
		slab_err(s, slab, buf);
		return false;
	}
	return true;
}

/* Follows Linux's on_freelist (v6.1): whether @search is on the slab's freelist (the walk checks each pointer). */
static bool on_freelist(struct kmem_cache *s, struct slab *slab, void *search)
{
	void *fp = slab->freelist, *object = NULL;
	unsigned int nr = 0;

	while (fp && nr <= slab->objects) {
		if (fp == search)
			return true;
		if (!check_valid_pointer(s, slab, fp)) {
			if (object) {
				object_err(s, slab, object, "Freechain corrupt");
				set_freepointer_dbg(s, object, NULL);
			} else {
				slab_err(s, slab, "Freepointer corrupt");
				slab->freelist = NULL;
				slab->inuse = slab->objects;
				slab_fix(s, "Freelist cleared");
				return false;
			}
			break;
		}
		object = fp;
		fp = get_freepointer_dbg(s, object);
		nr++;
	}
	return search == NULL;
}

void setup_slab_debug(struct kmem_cache *s, struct slab *slab, void *addr)
{
	if (s->flags & SLAB_POISON)
		memset(addr, POISON_INUSE, slab_size(slab));
}

void setup_object_debug(struct kmem_cache *s, void *object)
{
	if (!kmem_cache_debug(s))
		return;
	init_object(s, object, SLUB_RED_INACTIVE);
	init_tracking(s, object);
}

void early_object_debug(struct kmem_cache *s, void *object)
{
	if (!kmem_cache_debug(s))
		return;
	init_object(s, object, SLUB_RED_ACTIVE);
	init_tracking(s, object);
}

/* Follows Linux's alloc_debug_processing and alloc_consistency_checks (v6.1). */
bool alloc_debug_processing(struct kmem_cache *s, struct slab *slab, void *object, unsigned long addr)
{
	if (s->flags & SLAB_CONSISTENCY_CHECKS) {
		if (!check_slab(s, slab))
			goto bad;
		if (!check_valid_pointer(s, slab, object)) {
			object_err(s, slab, object, "Freelist Pointer check fails");
			goto bad;
		}
		if (!check_object(s, slab, object, SLUB_RED_INACTIVE))
			goto bad;
	}
	if (s->flags & SLAB_STORE_USER)
		set_track(s, object, TRACK_ALLOC, addr);
	init_object(s, object, SLUB_RED_ACTIVE);
	return true;
bad:
	/* The best that can be done: every object of the slab counted as used, so none is touched again. */
	slab_fix(s, "Marking all objects used");
	slab->inuse = slab->objects;
	slab->freelist = NULL;
	return false;
}

/* Follows Linux's free_debug_processing and free_consistency_checks (v6.1), one object. */
bool free_debug_processing(struct kmem_cache *s, struct slab *slab, void *object, unsigned long addr)
{
	char buf[64];

	if (s->flags & SLAB_CONSISTENCY_CHECKS) {
		if (!check_slab(s, slab))
			goto out;
		if (!check_valid_pointer(s, slab, object)) {
			snprintf(buf, sizeof(buf), "Invalid object pointer 0x%p", object);
			slab_err(s, slab, buf);
			goto out;
		}
		if (on_freelist(s, slab, object)) {
			object_err(s, slab, object, "Object already free");
			goto out;
		}
		if (!check_object(s, slab, object, SLUB_RED_ACTIVE))
			goto out;
	}
	if (s->flags & SLAB_STORE_USER)
		set_track(s, object, TRACK_FREE, addr);
	init_object(s, object, SLUB_RED_INACTIVE);
	return true;
out:
	slab_fix(s, "Object at 0x%p not freed", object);
	return false;
}

/* Follows the checks of Linux's free_slab (v6.1, SLAB_CONSISTENCY_CHECKS): the slab's padding and each object. */
void free_slab_debug(struct kmem_cache *s, struct slab *slab)
{
	char *p = slab_address(slab);

	if (!(s->flags & SLAB_CONSISTENCY_CHECKS))
		return;
	for (unsigned int i = 0; i < slab->objects; i++, p += s->size)
		check_object(s, slab, fixup_red_left(s, p), SLUB_RED_INACTIVE);
}

/* Follows Linux's list_slab_objects (v6.1): the objects of a slab still in use at shutdown. */
void list_slab_objects(struct kmem_cache *s, struct slab *slab, const char *text)
{
	char *p = slab_address(slab);

	slab_err(s, slab, text);
	for (unsigned int i = 0; i < slab->objects; i++, p += s->size) {
		void *object = fixup_red_left(s, p);

		if (!on_freelist(s, slab, object)) {
			pr_err("Object 0x%p @offset=%u\n", object, (unsigned int)((char *)object - (char *)slab_address(slab)));
			print_tracking(s, object);
		}
	}
}

/*
 * fault=slab-*: a kmalloc-64 object misused as the kind says, under
 * slub_debug=FZPU, for the report to be seen and tested:
 *   slab-double-free     kfree twice: "Object already free" at the second
 *   slab-use-after-free  a byte written after kfree: "Poison overwritten"
 *                        when an allocation reaches the object again
 *   slab-redzone         a byte written just past the 64 bytes: "Right
 *                        Redzone overwritten" at kfree
 * Each report taints the kernel (B); without one the boot panics.
 */
void slab_debug_fault(const char *kind)
{
	const slab_flags_t needed = SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER;
	struct kmem_cache *s = kmalloc_caches[KMALLOC_NORMAL][KMALLOC_SHIFT_LOW];
	volatile u8 *p;

	if ((s->flags & needed) != needed)
		panic("fault=%s: needs slub_debug=FZPU (kmalloc-64 is not debugged)", kind);
	p = kmalloc(64, GFP_KERNEL);
	if (!p)
		panic("fault=%s: kmalloc(64) failed", kind);
	if (!strcmp(kind, "slab-double-free")) {
		kfree((void *)p);
		kfree((void *)p);
	} else if (!strcmp(kind, "slab-use-after-free")) {
		static void *taken[1024];
		unsigned int n = 0;

		kfree((void *)p);
		p[8] = 0x42;
		/* Allocate until the allocator's checks reach the object (its slab's freelist head). */
		while (n < ARRAY_SIZE(taken) && !test_taint(TAINT_BAD_PAGE) && (taken[n] = kmalloc(64, GFP_KERNEL)))
			n++;
		while (n)
			kfree(taken[--n]);
	} else {
		p[64] = 0x42;
		kfree((void *)p);
	}
	if (!test_taint(TAINT_BAD_PAGE))
		panic("fault=%s: slub_debug did not report it", kind);
	pr_info("fault: %s reported, and the boot goes on\n", kind);
}
