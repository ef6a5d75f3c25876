/*
 * Bounded printf-style formatting for the kernel log and friends.
 *
 * The output side is a "sink": a buffer, its size and a running count of the
 * characters the complete output needs. Characters beyond the buffer are
 * counted but dropped, which gives C99 snprintf return values for free.
 *
 * Integer conversions follow C99 (including "%#.0o" of 0 being "0"), but for
 * one rule of Linux's number() (lib/vsprintf.c, v6.1) that real messages
 * show: '#' with x or X prints the prefix for zero too ("%#018llx" of 0 is
 * "0x0000000000000000" in the zone lines of a board whose RAM starts at 0,
 * where C99 gives eighteen zeros). Linux's other departures (a digit even
 * at precision 0, '0' padding kept with a precision) appear in no message
 * and are not followed. The %p extensions follow the Linux kernel's
 * conventions, see linux/sprintf.h.
 *
 * No libgcc is needed: 64-bit values are split into digits with shifts for
 * octal/hex and with a shift-and-add division by ten for decimal.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/types.h>

/* Conversion flags. */
#define F_LEFT		0x01u	/* '-': pad on the right */
#define F_ZERO		0x02u	/* '0': pad with zeros after sign/prefix */
#define F_PLUS		0x04u	/* '+': always print a sign */
#define F_SPACE		0x08u	/* ' ': space in place of a '+' sign */
#define F_ALT		0x10u	/* '#': 0x prefix / leading octal 0 */
#define F_UPPER		0x20u	/* 'X': upper-case digits and prefix */

/*
 * Padding produced for one conversion is capped (silently) so that a wild
 * width such as "%*d" with 0x7fffffff cannot spin for billions of iterations.
 */
#define PAD_LIMIT	(1 << 20)

#define INT_MAX_	__INT_MAX__

/* Space for the digits of a 64-bit value in octal (22) plus slack. */
#define DIGITS_MAX	24

/* Room for "symbol+0xoffset" produced by %pS. */
#define SYMBOL_BUF	128

/* The output buffer and how much output was produced so far. */
struct sink {
	char *buf;
	size_t size;
	size_t len;
};

/* One parsed conversion specification; -1 means "not given". */
struct spec {
	unsigned int flags;
	int width;
	int prec;
};

/* Length modifiers. */
enum len_mod { LM_NONE, LM_HH, LM_H, LM_L, LM_LL, LM_Z, LM_T, LM_J };

static void format(struct sink *s, const char *fmt, va_list ap_in);

/* Appends one character, storing it only while it fits in the buffer. */
static inline void put(struct sink *s, char c)
{
	if (s->len < s->size)
		s->buf[s->len] = c;
	s->len++;
}

/* Appends n copies of c (nothing when n <= 0). */
static void put_repeat(struct sink *s, char c, int n)
{
	for (; n > 0; n--)
		put(s, c);
}

/* Appends the n bytes at str, padded with spaces to the spec's width. */
static void emit_chars(struct sink *s, const char *str, size_t n,
		       const struct spec *sp)
{
	int width = sp->width > PAD_LIMIT ? PAD_LIMIT : sp->width;
	int pad = (width > 0 && (size_t)width > n) ? width - (int)n : 0;
	size_t i;

	if (!(sp->flags & F_LEFT))
		put_repeat(s, ' ', pad);
	for (i = 0; i < n; i++)
		put(s, str[i]);
	if (sp->flags & F_LEFT)
		put_repeat(s, ' ', pad);
}

/* %s: a NUL-terminated string, cut at the precision, padded to the width. */
static void emit_string(struct sink *s, const char *str, const struct spec *sp)
{
	size_t max = sp->prec < 0 ? (size_t)-1 : (size_t)sp->prec;

	if (!str)
		str = "(null)";
	emit_chars(s, str, strnlen(str, max), sp);
}

/* Divides *n by ten in place and returns the remainder, without libgcc. */
static unsigned int div10(unsigned long long *n)
{
	unsigned long long v = *n, q, r;

	if (!(v >> 32)) {
		uint32_t v32 = (uint32_t)v, q32 = v32 / 10;

		*n = q32;
		return v32 - q32 * 10;
	}
	/*
	 * q ~= v * 0.8 = v * (0.11001100...)b, built from shifted sums; every
	 * step truncates, so q/8 never exceeds v/10 and the remainder fix-up
	 * below only ever has to step q upwards.
	 */
	q = (v >> 1) + (v >> 2);
	q += q >> 4;
	q += q >> 8;
	q += q >> 16;
	q += q >> 32;
	q >>= 3;
	r = v - ((q << 3) + (q << 1));
	while (r > 9) {
		q++;
		r -= 10;
	}
	*n = q;
	return (unsigned int)r;
}

/*
 * Appends an integer: magnitude v, sign from neg (signed conversions only),
 * in base 8, 10 or 16, honouring the spec's flags, width and precision.
 */
static void emit_number(struct sink *s, unsigned long long v, bool neg,
			bool is_signed, unsigned int base, const struct spec *sp)
{
	static const char lower[] = "0123456789abcdef";
	static const char upper[] = "0123456789ABCDEF";
	const char *xdigits = (sp->flags & F_UPPER) ? upper : lower;
	char digits[DIGITS_MAX];
	int nd = 0, prec = sp->prec, width = sp->width;
	int zeros, pad, total;
	bool nonzero = v != 0;
	char sign = 0;
	const char *prefix = "";
	int plen = 0;

	/* C99: a zero value with zero precision produces no digits at all. */
	if (nonzero || prec != 0) {
		do {
			unsigned int d;

			if (base == 16) {
				d = (unsigned int)(v & 15);
				v >>= 4;
			} else if (base == 8) {
				d = (unsigned int)(v & 7);
				v >>= 3;
			} else {
				d = div10(&v);
			}
			digits[nd++] = xdigits[d];
		} while (v);
	}

	if (is_signed) {
		if (neg)
			sign = '-';
		else if (sp->flags & F_PLUS)
			sign = '+';
		else if (sp->flags & F_SPACE)
			sign = ' ';
	}

	if (base == 16 && (sp->flags & F_ALT)) {
		prefix = (sp->flags & F_UPPER) ? "0X" : "0x";
		plen = 2;
	} else if (base == 8 && (sp->flags & F_ALT) &&
		   (nd == 0 || digits[nd - 1] != '0') && prec <= nd) {
		/* '#' with o: raise the precision just enough for a leading 0. */
		prec = nd + 1;
	}

	if (prec > PAD_LIMIT)
		prec = PAD_LIMIT;
	if (width > PAD_LIMIT)
		width = PAD_LIMIT;
	zeros = prec > nd ? prec - nd : 0;
	total = (sign ? 1 : 0) + plen + zeros + nd;
	pad = width > total ? width - total : 0;
	/* '0' pads between sign/prefix and digits, unless '-' or a precision. */
	if ((sp->flags & (F_ZERO | F_LEFT)) == F_ZERO && sp->prec < 0) {
		zeros += pad;
		pad = 0;
	}

	if (!(sp->flags & F_LEFT))
		put_repeat(s, ' ', pad);
	if (sign)
		put(s, sign);
	while (*prefix)
		put(s, *prefix++);
	put_repeat(s, '0', zeros);
	while (nd)
		put(s, digits[--nd]);
	if (sp->flags & F_LEFT)
		put_repeat(s, ' ', pad);
}

/* Formats into a sink from a variadic list; used for nested output. */
static void __attribute__((format(printf, 2, 3)))
sink_printf(struct sink *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	format(s, fmt, ap);
	va_end(ap);
}

/* %pa / %pap: *ptr is a phys_addr_t, printed as 0x + full-width hex. */
static void emit_phys_addr(struct sink *s, const void *ptr)
{
	struct spec sp = {
		.flags = F_ZERO | F_ALT,
		.width = 2 + 2 * PHYS_ADDR_T_SIZE,
		.prec = -1,
	};
	unsigned long long v;

	if (!ptr) {
		sink_printf(s, "(null)");
		return;
	}
#if PHYS_ADDR_T_SIZE == 8
	v = *(const uint64_t *)ptr;
#elif PHYS_ADDR_T_SIZE == 4
	v = *(const uint32_t *)ptr;
#else
# error "unsupported PHYS_ADDR_T_SIZE"
#endif
	emit_number(s, v, false, false, 16, &sp);
}

/* %pS / %ps: "name+0xoff/0xsize" (or "name") via the weak hook, as Linux's sprint_symbol; else 0x%08lx. */
static void emit_symbol(struct sink *s, unsigned long addr, bool with_offset,
			const struct spec *sp)
{
	char tmp[SYMBOL_BUF];
	struct sink t = { tmp, sizeof(tmp), 0 };
	unsigned long offset = 0, size = 0;
	const char *name = NULL;

	if (kallsyms_lookup_hook)
		name = kallsyms_lookup_hook(addr, &size, &offset);
	if (name && with_offset)
		sink_printf(&t, "%s+0x%lx/0x%lx", name, offset, size);
	else if (name)
		sink_printf(&t, "%s", name);
	else
		sink_printf(&t, "0x%08lx", addr);
	/* The spec's width applies to the whole text (which may be cut). */
	emit_chars(s, tmp, t.len < sizeof(tmp) ? t.len : sizeof(tmp), sp);
}

/*
 * %p and its extensions; ext points just past the 'p'. Returns the format
 * position after the extension (all following letters and digits).
 */
static const char *emit_pointer(struct sink *s, const char *ext,
				const void *ptr, const struct spec *sp_in)
{
	struct spec sp = *sp_in;

	switch (*ext) {
	case 'a':
		emit_phys_addr(s, ptr);
		break;
	case 'S':
	case 's':
		emit_symbol(s, (unsigned long)(uintptr_t)ptr, *ext == 'S', &sp);
		break;
	default:
		/* Plain %p, %px and unknown extensions: raw hex, no 0x. */
		if (sp.width < 0) {
			sp.width = 2 * (int)sizeof(void *);
			sp.flags |= F_ZERO;
		}
		sp.flags &= ~(F_UPPER | F_ALT);
		emit_number(s, (uintptr_t)ptr, false, false, 16, &sp);
		break;
	}

	while ((*ext >= '0' && *ext <= '9') || (*ext >= 'a' && *ext <= 'z') ||
	       (*ext >= 'A' && *ext <= 'Z'))
		ext++;
	return ext;
}

/* Fetches an unsigned integer argument of the given length modifier. */
static unsigned long long fetch_unsigned(va_list *ap, enum len_mod lm)
{
	switch (lm) {
	case LM_HH:
		return (unsigned char)va_arg(*ap, unsigned int);
	case LM_H:
		return (unsigned short)va_arg(*ap, unsigned int);
	case LM_L:
		return va_arg(*ap, unsigned long);
	case LM_LL:
		return va_arg(*ap, unsigned long long);
	case LM_Z:
		return va_arg(*ap, size_t);
	case LM_T:
		/* The unsigned type corresponding to ptrdiff_t. */
		return (size_t)va_arg(*ap, ptrdiff_t);
	case LM_J:
		return va_arg(*ap, uintmax_t);
	default:
		return va_arg(*ap, unsigned int);
	}
}

/* Fetches a signed integer argument of the given length modifier. */
static long long fetch_signed(va_list *ap, enum len_mod lm)
{
	switch (lm) {
	case LM_HH:
		return (signed char)va_arg(*ap, int);
	case LM_H:
		return (short)va_arg(*ap, int);
	case LM_L:
		return va_arg(*ap, long);
	case LM_LL:
		return va_arg(*ap, long long);
	case LM_Z:
		/* The signed type corresponding to size_t. */
		return va_arg(*ap, ptrdiff_t);
	case LM_T:
		return va_arg(*ap, ptrdiff_t);
	case LM_J:
		return va_arg(*ap, intmax_t);
	default:
		return va_arg(*ap, int);
	}
}

/* Parses a decimal field at *p, saturating at INT_MAX. */
static int parse_decimal(const char **p)
{
	const char *f = *p;
	int v = 0;

	while (*f >= '0' && *f <= '9') {
		int d = *f++ - '0';

		v = v > (INT_MAX_ - d) / 10 ? INT_MAX_ : v * 10 + d;
	}
	*p = f;
	return v;
}

/* The formatting engine shared by every entry point. */
static void format(struct sink *s, const char *fmt, va_list ap_in)
{
	va_list ap;

	va_copy(ap, ap_in);
	while (*fmt) {
		const char *start = fmt;
		struct spec sp = { 0, -1, -1 };
		enum len_mod lm = LM_NONE;
		bool is_signed = false;
		unsigned int base = 10;

		if (*fmt != '%') {
			put(s, *fmt++);
			continue;
		}
		fmt++;

		/* Flags. */
		for (;; fmt++) {
			if (*fmt == '-')
				sp.flags |= F_LEFT;
			else if (*fmt == '0')
				sp.flags |= F_ZERO;
			else if (*fmt == '+')
				sp.flags |= F_PLUS;
			else if (*fmt == ' ')
				sp.flags |= F_SPACE;
			else if (*fmt == '#')
				sp.flags |= F_ALT;
			else
				break;
		}

		/* Width; a negative '*' argument means '-' plus its magnitude. */
		if (*fmt == '*') {
			int w = va_arg(ap, int);

			fmt++;
			if (w < 0) {
				sp.flags |= F_LEFT;
				w = w < -INT_MAX_ ? INT_MAX_ : -w;
			}
			sp.width = w;
		} else if (*fmt >= '0' && *fmt <= '9') {
			sp.width = parse_decimal(&fmt);
		}

		/* Precision; a negative '*' argument means "not given". */
		if (*fmt == '.') {
			fmt++;
			if (*fmt == '*') {
				int pr = va_arg(ap, int);

				fmt++;
				sp.prec = pr < 0 ? -1 : pr;
			} else {
				sp.prec = parse_decimal(&fmt);
			}
		}

		/* Length modifier. */
		switch (*fmt) {
		case 'h':
			fmt++;
			lm = LM_H;
			if (*fmt == 'h') {
				fmt++;
				lm = LM_HH;
			}
			break;
		case 'l':
			fmt++;
			lm = LM_L;
			if (*fmt == 'l') {
				fmt++;
				lm = LM_LL;
			}
			break;
		case 'L':
		case 'q':
			fmt++;
			lm = LM_LL;
			break;
		case 'z':
		case 'Z':
			fmt++;
			lm = LM_Z;
			break;
		case 't':
			fmt++;
			lm = LM_T;
			break;
		case 'j':
			fmt++;
			lm = LM_J;
			break;
		default:
			break;
		}

		/* Conversion. */
		switch (*fmt) {
		case 'd':
		case 'i':
			is_signed = true;
			break;
		case 'u':
			break;
		case 'X':
			sp.flags |= F_UPPER;
			base = 16;
			break;
		case 'x':
			base = 16;
			break;
		case 'o':
			base = 8;
			break;
		case 'c': {
			char c = (char)va_arg(ap, int);

			fmt++;
			emit_chars(s, &c, 1, &sp);
			continue;
		}
		case 's':
			fmt++;
			emit_string(s, va_arg(ap, const char *), &sp);
			continue;
		case 'p':
			fmt = emit_pointer(s, fmt + 1, va_arg(ap, const void *),
					   &sp);
			continue;
		case '%':
			fmt++;
			put(s, '%');
			continue;
		case '\0':
			/* Dangling specification at the end: copy it verbatim. */
			while (start < fmt)
				put(s, *start++);
			continue;
		default:
			/* Unknown conversion (including %n): copy it verbatim. */
			fmt++;
			while (start < fmt)
				put(s, *start++);
			continue;
		}
		fmt++;

		if (is_signed) {
			long long v = fetch_signed(&ap, lm);
			unsigned long long mag = v < 0 ? 0ULL - (unsigned long long)v
						       : (unsigned long long)v;

			emit_number(s, mag, v < 0, true, 10, &sp);
		} else {
			emit_number(s, fetch_unsigned(&ap, lm), false, false,
				    base, &sp);
		}
	}
	va_end(ap);
}

/*
 * C99 vsnprintf: formats into buf (at most size bytes, NUL included, always
 * terminated when size > 0) and returns the length the full output needs.
 * Follows Linux vsnprintf (lib/vsprintf.c, v6.x).
 */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct sink s = { buf, size, 0 };

	format(&s, fmt, ap);
	if (size)
		buf[s.len < size ? s.len : size - 1] = '\0';
	return s.len > (size_t)INT_MAX_ ? INT_MAX_ : (int)s.len;
}

/* C99 snprintf; follows Linux snprintf (lib/vsprintf.c, v6.x). */
int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return ret;
}

/*
 * Like vsnprintf but returns the number of characters actually stored in
 * buf (without the NUL), 0 when size is 0.
 * Follows Linux vscnprintf (lib/vsprintf.c, v6.x).
 */
int vscnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	int n = vsnprintf(buf, size, fmt, ap);

	if ((size_t)n < size)
		return n;
	return size ? (int)(size - 1) : 0;
}

/* scnprintf: see vscnprintf; follows Linux scnprintf (lib/vsprintf.c, v6.x). */
int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vscnprintf(buf, size, fmt, ap);
	va_end(ap);
	return ret;
}
