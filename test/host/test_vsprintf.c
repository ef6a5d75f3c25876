/*
 * Host unit tests for lib/vsprintf.c (cmocka).
 *
 * Built twice: test_vsprintf32 (32-bit phys_addr_t) and test_vsprintf64
 * (-DCONFIG_PHYS_ADDR_T_64BIT=1). With -DHOST_TEST, snprintf & co. below are
 * the klib_ versions from lib/vsprintf.c (see include/linux/sprintf.h);
 * glibc's snprintf is reached only as ref_snprintf for differential checks.
 *
 * Every expected-output check also replays the call with each buffer size
 * from 0 to length + 2 to verify truncation, NUL termination, untouched bytes
 * past the end, and the vsnprintf/vscnprintf return values.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/types.h>

#include "host_limits.h"
#include "ref_libc.h"

#define XSTR(x) STR(x)
#define STR(x) #x

#define OUT_MAX 1024
#define CANARY ((char)0xA5)

/* Formats expect_len bytes' worth of fmt at every buffer size and checks. */
static void vcheck(const char *file, int line, const char *expect,
		   size_t expect_len, const char *fmt, va_list ap)
{
	char buf[OUT_MAX + 16];
	size_t size, i;

	if (expect_len + 3 > OUT_MAX)
		fail_msg("%s:%d: expected output too long for the harness", file, line);

	for (size = 0; size <= expect_len + 2; size++) {
		size_t stored = size ? (expect_len < size ? expect_len : size - 1) : 0;
		va_list aq;
		int ret;

		for (i = 0; i < sizeof(buf); i++)
			buf[i] = CANARY;
		va_copy(aq, ap);
		ret = vsnprintf(size ? buf : NULL, size, fmt, aq);
		va_end(aq);
		if (ret < 0 || (size_t)ret != expect_len) {
			print_error("%s:%d: vsnprintf(size=%zu, \"%s\") returned %d, want %zu\n",
				    file, line, size, fmt, ret, expect_len);
			_fail(file, line);
		}
		for (i = 0; i < stored; i++) {
			if (buf[i] != expect[i]) {
				print_error("%s:%d: \"%s\" size=%zu: got \"%.*s\", want \"%s\"\n",
					    file, line, fmt, size, (int)stored, buf,
					    expect);
				_fail(file, line);
			}
		}
		if (size && buf[stored] != '\0') {
			print_error("%s:%d: \"%s\" size=%zu: missing NUL at %zu\n",
				    file, line, fmt, size, stored);
			_fail(file, line);
		}
		for (i = size ? stored + 1 : 0; i < sizeof(buf); i++) {
			if (buf[i] != CANARY) {
				print_error("%s:%d: \"%s\" size=%zu: byte %zu overwritten\n",
					    file, line, fmt, size, i);
				_fail(file, line);
			}
		}

		va_copy(aq, ap);
		ret = vscnprintf(size ? buf : NULL, size, fmt, aq);
		va_end(aq);
		if (ret < 0 || (size_t)ret != stored) {
			print_error("%s:%d: vscnprintf(size=%zu, \"%s\") returned %d, want %zu\n",
				    file, line, size, fmt, ret, stored);
			_fail(file, line);
		}
	}
}

/* Format-checked entry for CHECK(). */
static void __attribute__((format(printf, 4, 5)))
check_fmt(const char *file, int line, const char *expect, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vcheck(file, line, expect, strlen(expect), fmt, ap);
	va_end(ap);
}

/* Unchecked entry for deliberately odd formats (CHECK_RAW/CHECK_LEN). */
static void check_fmt_raw(const char *file, int line, const char *expect,
			  size_t expect_len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vcheck(file, line, expect, expect_len, fmt, ap);
	va_end(ap);
}

#define CHECK(expect, ...) check_fmt(__FILE__, __LINE__, expect, __VA_ARGS__)
#define CHECK_RAW(expect, ...) \
	check_fmt_raw(__FILE__, __LINE__, expect, strlen(expect), __VA_ARGS__)
#define CHECK_LEN(expect, len, ...) \
	check_fmt_raw(__FILE__, __LINE__, expect, len, __VA_ARGS__)

/* Symbol table for the %pS tests: one fake function at 0x1000..0x10ff. */
static int hook_calls;

/* Test definition of the weak %pS lookup hook. */
const char *kallsyms_lookup_hook(unsigned long addr, unsigned long *size,
				 unsigned long *offset)
{
	hook_calls++;
	if (addr >= 0x1000 && addr < 0x1100) {
		*size = 0x100;
		*offset = addr - 0x1000;
		return "start_kernel";
	}
	return NULL;
}

/* The test build really does call the klib_ implementations. */
static void test_renaming(void **state)
{
	(void)state;
	assert_string_equal(XSTR(snprintf), "klib_snprintf");
	assert_string_equal(XSTR(vsnprintf), "klib_vsnprintf");
	assert_string_equal(XSTR(scnprintf), "klib_scnprintf");
	assert_string_equal(XSTR(vscnprintf), "klib_vscnprintf");
}

/* Literal text, %% and an empty format. */
static void test_literals(void **state)
{
	(void)state;
	CHECK_RAW("", "");
	CHECK("hello", "hello");
	CHECK("%", "%%");
	CHECK("100%", "100%%");
	CHECK("a%b", "a%%%c", 'b');
}

/* The examples named in the requirements. */
static void test_required_examples(void **state)
{
	(void)state;
	CHECK("00000abc", "%08lx", 0xabcUL);
	CHECK("12345678", "%08lx", 0x12345678UL);
	CHECK("deadbeef", "%08lx", 0xdeadbeefUL);
	CHECK("   123456K", "%9lu%c", 123456UL, 'K');
	CHECK("123456789K", "%9lu%c", 123456789UL, 'K');
	CHECK("1234567890K", "%9lu%c", 1234567890UL, 'K');
	CHECK("abc       |", "%-10s|", "abc");
	CHECK("abcdefghijkl|", "%-10s|", "abcdefghijkl");
}

/* Signed decimal, including the extreme values. */
static void test_signed(void **state)
{
	(void)state;
	CHECK("0", "%d", 0);
	CHECK("-1", "%d", -1);
	CHECK("42", "%i", 42);
	CHECK("-2147483648", "%d", INT_MIN);
	CHECK("2147483647", "%d", INT_MAX);
	CHECK("-2147483648", "%i", INT_MIN);
	CHECK("-9223372036854775808", "%lld", LLONG_MIN);
	CHECK("9223372036854775807", "%lld", LLONG_MAX);
	CHECK("-9223372036854775808", "%jd", (intmax_t)LLONG_MIN);
	CHECK("-1", "%hhd", 255);
	CHECK("-128", "%hhd", 128);
	CHECK("127", "%hhd", 127);
	CHECK("-1", "%hd", 65535);
	CHECK("-32768", "%hd", -32768);
	CHECK("-5", "%zd", (ptrdiff_t)-5);
	CHECK("-7", "%td", (ptrdiff_t)-7);
	CHECK("-123456789", "%ld", -123456789L);
	CHECK("+0", "%+d", 0);
	CHECK("+5", "%+d", 5);
	CHECK("-5", "%+d", -5);
	CHECK(" 5", "% d", 5);
	CHECK("-5", "% d", -5);
	CHECK_RAW("+5", "%+ d", 5);
	CHECK("   42", "%5d", 42);
	CHECK("42   |", "%-5d|", 42);
	CHECK("00042", "%05d", 42);
	CHECK("-0042", "%05d", -42);
	CHECK("+0042", "%+05d", 42);
	CHECK(" 0042", "% 05d", 42);
	CHECK_RAW("-42  |", "%-05d|", -42);
	CHECK("  -00042", "%8.5d", -42);
	CHECK_RAW("  -00042", "%08.5d", -42);	/* precision disables '0' */
	CHECK("", "%.0d", 0);
	CHECK("     ", "%5.0d", 0);
	CHECK("+", "%+.0d", 0);
	CHECK("1", "%.0d", 1);
	CHECK("-00000000000000000000000000000001", "%.32d", -1);
}

/* Unsigned decimal, octal and hex, with the C99 '#' rules. */
static void test_unsigned(void **state)
{
	(void)state;
	CHECK("4294967295", "%u", UINT_MAX);
	CHECK("18446744073709551615", "%llu", ULLONG_MAX);
	CHECK("ffffffffffffffff", "%llx", ULLONG_MAX);
	CHECK("FFFFFFFFFFFFFFFF", "%llX", ULLONG_MAX);
	CHECK("1777777777777777777777", "%llo", ULLONG_MAX);
	CHECK("01777777777777777777777", "%#llo", ULLONG_MAX);
	CHECK("0xffffffffffffffff", "%#llx", ULLONG_MAX);
	CHECK("0XFFFFFFFFFFFFFFFF", "%#llX", ULLONG_MAX);
	CHECK("9223372036854775808", "%llu", (unsigned long long)LLONG_MIN);
	CHECK("80000000", "%x", (unsigned int)INT_MIN);
	CHECK("ff", "%hhx", 0xfffu);
	CHECK("0", "%hhu", 256u);
	CHECK("ffff", "%hx", 0xffffffffu);
	CHECK("177777", "%ho", 0xffffu);
	if (sizeof(size_t) == 8)
		CHECK("18446744073709551615", "%zu", (size_t)-1);
	else
		CHECK("4294967295", "%zu", (size_t)-1);
	CHECK("cafe", "%tx", (ptrdiff_t)0xcafe);
	CHECK("18446744073709551615", "%ju", (uintmax_t)ULLONG_MAX);
	CHECK("0", "%x", 0u);
	CHECK("0x0", "%#x", 0u);	/* Linux keeps the prefix for zero; C99 drops it */
	CHECK("0X0", "%#X", 0u);
	CHECK("0x0000000000000000", "%#018llx", 0ull);	/* Linux's zone and node lines at address 0 */
	CHECK("       0x0", "%#10x", 0u);
	CHECK("0x0       ", "%-#10x", 0u);
	CHECK("0x", "%#.0x", 0u);	/* C99's empty digits for precision 0; Linux would print 0x0 */
	CHECK("0", "%#o", 0u);
	CHECK("0", "%#.0o", 0u);		/* '#' forces the single 0 */
	CHECK("", "%.0o", 0u);
	CHECK("010", "%#o", 8u);
	CHECK("  010", "%#5.3o", 8u);
	CHECK("00010", "%#.5o", 8u);
	CHECK("0xff", "%#x", 255u);
	CHECK("0XFF", "%#X", 255u);
	CHECK("0x000000ff", "%#010x", 255u);
	CHECK("0xff      |", "%-#10x|", 255u);
	CHECK("    0x00ff", "%#10.4x", 255u);
	CHECK_RAW("255", "%+u", 255u);		/* sign flags ignored */
	CHECK_RAW("255", "% u", 255u);
	CHECK("DEADBEEF", "%X", 0xdeadbeefu);
	CHECK("deadbeef", "%lx", 0xdeadbeefUL);
	CHECK("123456789abcdef0", "%llx", 0x123456789abcdef0ULL);
	CHECK("10000000000000000000", "%llu", 10000000000000000000ULL);
	CHECK("4294967296", "%llu", 4294967296ULL);
	CHECK("4294967295", "%llu", 4294967295ULL);
	CHECK("1000000000000", "%llu", 1000000000000ULL);
}

/* '*' width and precision, including negative values. */
static void test_star(void **state)
{
	(void)state;
	CHECK("   42", "%*d", 5, 42);
	CHECK("42   |", "%*d|", -5, 42);
	CHECK("42   |", "%-*d|", -5, 42);
	CHECK("42", "%.*d", -1, 42);
	CHECK("00042", "%.*d", 5, 42);
	CHECK("  -00042", "%*.*d", 8, 5, -42);
	CHECK("-00042", "%0*d", 6, -42);
	CHECK("   ab|", "%*.*s|", 5, 2, "abcdef");
	CHECK("abcdef|", "%.*s|", -3, "abcdef");
	CHECK("", "%.*s", 0, "abcdef");
	CHECK("x  |", "%*c|", -3, 'x');
}

/* %c and %s with widths, precision and NULL. */
static void test_char_string(void **state)
{
	static const char raw[3] = { 'a', 'b', 'c' };	/* no terminator */

	(void)state;
	CHECK("A", "%c", 'A');
	CHECK("  A", "%3c", 'A');
	CHECK("A  |", "%-3c|", 'A');
	CHECK("\xe9", "%c", 0xe9);
	CHECK_LEN("a\0b", 3, "a%cb", 0);
	CHECK("hello", "%s", "hello");
	CHECK("", "%s", "");
	CHECK("   hi", "%5s", "hi");
	CHECK("hi   |", "%-5s|", "hi");
	CHECK("hel", "%.3s", "hello");
	CHECK("  hel", "%5.3s", "hello");
	CHECK("hello", "%.10s", "hello");
	CHECK("abc", "%.3s", raw);	/* must not read past the precision */
	CHECK("ab", "%.2s", raw);
	CHECK_RAW("(null)", "%s", (char *)NULL);
	CHECK_RAW("(nu", "%.3s", (char *)NULL);
	CHECK_RAW("  (null)", "%8s", (char *)NULL);
}

/* Unknown conversions, %n and dangling specifications are copied. */
static void test_unknown(void **state)
{
	(void)state;
	CHECK_RAW("%y", "%y", 0);
	CHECK_RAW("%-5y|7", "%-5y|%d", 7);
	CHECK_RAW("%n|7", "%n|%d", 7);	/* %n consumes nothing */
	CHECK_RAW("abc%", "abc%");
	CHECK_RAW("abc%-08", "abc%-08");
	CHECK_RAW("x%l", "x%l");
	CHECK_RAW("%llq", "%llq", 0);
}

/* Plain %p and %px: zero-padded, no 0x, width of a pointer. */
static void test_pointer(void **state)
{
	char want[64];
	const int digits = 2 * (int)sizeof(void *);

	(void)state;
	/* Expected strings built with glibc's formatter, not ours. */
	ref_snprintf(want, sizeof(want), "%0*lx", digits, 0x1234UL);
	CHECK(want, "%p", (void *)0x1234);
	CHECK(want, "%px", (void *)0x1234);
	ref_snprintf(want, sizeof(want), "%0*lx-bar", digits, 0x1234UL);
	CHECK(want, "%pfoo-bar", (void *)0x1234);	/* extension letters eaten */
	ref_snprintf(want, sizeof(want), "%0*d", digits, 0);
	CHECK(want, "%p", (void *)NULL);
	ref_snprintf(want, sizeof(want), "%0*lx", digits, (unsigned long)UINTPTR_MAX);
	CHECK(want, "%p", (void *)UINTPTR_MAX);
	CHECK("            abcd", "%16p", (void *)0xabcd);
	CHECK("abcd            |", "%-16p|", (void *)0xabcd);
	CHECK_RAW("000000000000abcd", "%016p", (void *)0xabcd);
	if (sizeof(void *) == 4)
		CHECK("c0801234", "%p", (void *)0xc0801234);
	else
		CHECK("00000000c0801234", "%p", (void *)0xc0801234);
}

/* %pa / %pap: 0x plus 2 * sizeof(phys_addr_t) digits. */
static void test_phys_addr(void **state)
{
	phys_addr_t zero = 0, a = 0x80000000u, b = 0x1234;
	phys_addr_t max = (phys_addr_t)-1;

	(void)state;
	assert_int_equal(sizeof(phys_addr_t), PHYS_ADDR_T_SIZE);
#ifdef CONFIG_PHYS_ADDR_T_64BIT
	assert_int_equal(PHYS_ADDR_T_SIZE, 8);
	{
		phys_addr_t high = 0x880000000ULL;

		CHECK("0x0000000880000000", "%pa", &high);
		CHECK("[0x0000000880000000]", "[%pap]", &high);
	}
	CHECK("0x0000000000000000", "%pa", &zero);
	CHECK("0x0000000080000000", "%pa", &a);
	CHECK("0x0000000000001234 - 0xffffffffffffffff", "%pa - %pa", &b, &max);
	CHECK("0x0000000080000000", "%30pa", &a);	/* width ignored */
	CHECK("0x0000000080000000,", "%pa,", &a);
#else
	assert_int_equal(PHYS_ADDR_T_SIZE, 4);
	CHECK("0x00000000", "%pa", &zero);
	CHECK("0x80000000", "%pa", &a);
	CHECK("[0x80000000]", "[%pap]", &a);
	CHECK("0x00001234 - 0xffffffff", "%pa - %pa", &b, &max);
	CHECK("0x80000000", "%30pa", &a);		/* width ignored */
	CHECK("0x80000000,", "%pa,", &a);
#endif
	CHECK("(null)", "%pa", (phys_addr_t *)NULL);
}

/* %pS / %ps through the lookup hook, and the hex fallback. */
static void test_symbol(void **state)
{
	char want[64];

	(void)state;
	hook_calls = 0;
	CHECK("start_kernel+0x10/0x100", "%pS", (void *)0x1010);
	assert_true(hook_calls > 0);
	CHECK("start_kernel+0x0/0x100", "%pS", (void *)0x1000);
	CHECK("start_kernel", "%ps", (void *)0x10ff);
	CHECK("  start_kernel|", "%14ps|", (void *)0x1010);
	CHECK("start_kernel+0x10/0x100 |", "%-24pS|", (void *)0x1010);
	CHECK("0x0000dead", "%pS", (void *)0xdead);
	CHECK("0x0000dead", "%ps", (void *)0xdead);
	CHECK("0x12345678", "%pS", (void *)0x12345678);
	CHECK("(0x00000000)", "(%pS)", (void *)NULL);
	ref_snprintf(want, sizeof(want), "0x%08lx", (unsigned long)UINTPTR_MAX);
	CHECK(want, "%pS", (void *)UINTPTR_MAX);
}

/* Output length of an unchecked format, with no buffer at all. */
static int measure(const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	return ret;
}

/* Return values and truncation, spelled out. */
static void test_return_values(void **state)
{
	char buf[8];

	(void)state;
	assert_int_equal(snprintf(NULL, 0, "%d", 12345), 5);
	assert_int_equal(snprintf(buf, 1, "abc"), 3);
	assert_string_equal(buf, "");
	assert_int_equal(snprintf(buf, sizeof(buf), "%s", "0123456789"), 10);
	assert_string_equal(buf, "0123456");
	assert_int_equal(snprintf(buf, sizeof(buf), "%s", "0123456"), 7);
	assert_string_equal(buf, "0123456");

	assert_int_equal(scnprintf(buf, sizeof(buf), "%s", "0123456789"), 7);
	assert_string_equal(buf, "0123456");
	assert_int_equal(scnprintf(buf, sizeof(buf), "%s", "abc"), 3);
	assert_int_equal(scnprintf(NULL, 0, "%s", "abc"), 0);
	assert_int_equal(scnprintf(buf, 1, "%s", "abc"), 0);
	assert_string_equal(buf, "");

	/* Appending pattern: scnprintf never steps past the buffer. */
	{
		char line[16];
		int n = 0, i;

		for (i = 0; i < 10; i++)
			n += scnprintf(line + n, sizeof(line) - n, "%d,", i);
		assert_int_equal(n, 15);
		assert_string_equal(line, "0,1,2,3,4,5,6,7");
	}

	/* Padding is capped at 2^20 characters per conversion. */
	assert_int_equal(measure("%*d", 1 << 21, 1), 1 << 20);
	assert_int_equal(measure("%.*d", 1 << 21, 1), 1 << 20);
	assert_int_equal(measure("%*d", INT_MIN, 1), 1 << 20);
	assert_int_equal(measure("%2147483647d", 1), 1 << 20);
	assert_int_equal(measure("%99999999999999999999d", 1), 1 << 20);
	assert_int_equal(measure("%.99999999999999999999s", "abc"), 3);
}

/* Calls ours and glibc's with one integer of the right promoted type. */
static int glibc_one(char *b, size_t n, const char *fmt, char lm, long long v);

/*
 * What Linux prints where it departs from C99 for these values: '#' with x
 * or X keeps its 0x prefix when the value is zero (Linux's number(), v6.1,
 * adds the prefix whenever base is 16; C99 drops it for zero). Built from
 * glibc's output of the same conversion without '#' and two columns
 * narrower, with the prefix put where C would put it. Returns false when
 * C99 and Linux agree (no '#', not hex, or a non-zero value).
 */
static bool linux_hex_zero(char *b, size_t n, const char *fmt, char lm, long long v)
{
	char plain[48], with[256], narrow[48], digits[256];
	const char *pct = strchr(fmt, '%');
	size_t len = strlen(fmt), i, j = 0;
	int width = 0;
	bool left = false, zero = false, prec = false;
	/* The conversion ends the format, or comes before one closing character ("[%#x]"). */
	char conv = len && strchr("xX", fmt[len - 1]) ? fmt[len - 1] : len > 1 ? fmt[len - 2] : 0;

	if (!pct || !strchr(fmt, '#') || (conv != 'x' && conv != 'X'))
		return false;
	for (i = 0; fmt[i]; i++)
		if (fmt[i] != '#')
			plain[j++] = fmt[i];
	plain[j] = '\0';
	glibc_one(with, sizeof(with), fmt, lm, v);
	glibc_one(digits, sizeof(digits), plain, lm, v);
	if (strcmp(with, digits) != 0)
		return false;		/* glibc added 0x: the value is not zero */

	/* "[%" flags width [.prec] length conv "]" */
	for (i = (size_t)(pct - fmt) + 1; strchr("-0+ #", fmt[i]); i++) {
		left |= fmt[i] == '-';
		zero |= fmt[i] == '0';
	}
	ref_snprintf(narrow, sizeof(narrow), "%.*s", (int)i, fmt);
	for (j = 0; narrow[j]; j++)
		if (narrow[j] == '#')
			memmove(&narrow[j], &narrow[j + 1], strlen(&narrow[j]));
	while (fmt[i] >= '0' && fmt[i] <= '9')
		width = width * 10 + (fmt[i++] - '0');
	prec = fmt[i] == '.';
	if (width > 2)
		ref_snprintf(narrow + strlen(narrow), sizeof(narrow) - strlen(narrow), "%d", width - 2);
	ref_snprintf(narrow + strlen(narrow), sizeof(narrow) - strlen(narrow), "%s", fmt + i);
	glibc_one(digits, sizeof(digits), narrow, lm, v);

	/* The prefix goes before the zero padding or the digits, after space padding. */
	const char *pfx = conv == 'X' ? "0X" : "0x";
	size_t at = (size_t)(pct - fmt);	/* after any text before the conversion */

	if (!left && !(zero && !prec))
		while (digits[at] == ' ')
			at++;
	ref_snprintf(b, n, "%.*s%s%s", (int)at, digits, pfx, digits + at);
	return true;
}

static int glibc_one(char *b, size_t n, const char *fmt, char lm, long long v)
{
	switch (lm) {
	case 'l':
		return ref_snprintf(b, n, fmt, (long)v);
	case 'q':
		return ref_snprintf(b, n, fmt, v);
	case 'z':
		return ref_snprintf(b, n, fmt, (size_t)v);
	case 't':
		return ref_snprintf(b, n, fmt, (ptrdiff_t)v);
	case 'j':
		return ref_snprintf(b, n, fmt, (intmax_t)v);
	default:
		return ref_snprintf(b, n, fmt, (int)v);
	}
}

static void diff_one(const char *fmt, char lm, long long v)
{
	char a[256], b[256];
	int ra, rb;

	switch (lm) {
	case 'l':
		ra = snprintf(a, sizeof(a), fmt, (long)v);
		rb = ref_snprintf(b, sizeof(b), fmt, (long)v);
		break;
	case 'q':
		ra = snprintf(a, sizeof(a), fmt, v);
		rb = ref_snprintf(b, sizeof(b), fmt, v);
		break;
	case 'z':
		ra = snprintf(a, sizeof(a), fmt, (size_t)v);
		rb = ref_snprintf(b, sizeof(b), fmt, (size_t)v);
		break;
	case 't':
		ra = snprintf(a, sizeof(a), fmt, (ptrdiff_t)v);
		rb = ref_snprintf(b, sizeof(b), fmt, (ptrdiff_t)v);
		break;
	case 'j':
		ra = snprintf(a, sizeof(a), fmt, (intmax_t)v);
		rb = ref_snprintf(b, sizeof(b), fmt, (intmax_t)v);
		break;
	default:
		ra = snprintf(a, sizeof(a), fmt, (int)v);
		rb = ref_snprintf(b, sizeof(b), fmt, (int)v);
		break;
	}
	if (linux_hex_zero(b, sizeof(b), fmt, lm, v))
		rb = (int)strlen(b);
	if (ra != rb || strcmp(a, b) != 0)
		fail_msg("\"%s\" with %lld: got \"%s\" (%d), expected \"%s\" (%d)",
			 fmt, v, a, ra, b, rb);
}

/* Exhaustive flag/width/precision/length/conversion cross product vs glibc. */
static void test_integers_vs_glibc(void **state)
{
	static const char flag_chars[] = "-0+ #";
	static const char *const widths[] = { "", "1", "2", "5", "12", "24" };
	static const char *const precs[] = { "", ".", ".0", ".1", ".2", ".5",
					     ".12", ".24" };
	/* Length modifier text and the diff_one argument class. */
	static const struct { const char *text; char cls; } lens[] = {
		{ "hh", 'i' }, { "h", 'i' }, { "", 'i' }, { "l", 'l' },
		{ "ll", 'q' }, { "z", 'z' }, { "t", 't' }, { "j", 'j' },
	};
	static const char convs[] = "diuxXo";
	static const long long values[] = {
		0, 1, -1, 7, 8, 9, 10, 15, 16, 42, 99, 100, -100, 127, -128, 128,
		255, 256, 32767, -32768, 65535, 65536, 1000000, INT_MAX, INT_MIN,
		UINT_MAX, 1LL << 32, -(1LL << 32), 999999999999LL,
		1000000000000000000LL, LLONG_MAX, LLONG_MIN, -1234567890123LL,
		0x0123456789abcdefLL,
	};
	unsigned int fl;
	size_t w, p, l, c, v;
	unsigned long count = 0;

	(void)state;
	for (fl = 0; fl < 32; fl++) {
		char flags[8];
		int nf = 0, bit;

		for (bit = 0; bit < 5; bit++)
			if (fl & (1u << bit))
				flags[nf++] = flag_chars[bit];
		flags[nf] = '\0';

		for (c = 0; convs[c]; c++) {
			/* '#' is undefined for d, i and u. */
			if ((fl & 0x10) && (convs[c] == 'd' || convs[c] == 'i' ||
					    convs[c] == 'u'))
				continue;
			for (w = 0; w < sizeof(widths) / sizeof(widths[0]); w++)
			for (p = 0; p < sizeof(precs) / sizeof(precs[0]); p++)
			for (l = 0; l < sizeof(lens) / sizeof(lens[0]); l++) {
				char fmt[48];

				ref_snprintf(fmt, sizeof(fmt), "[%%%s%s%s%s%c]",
					     flags, widths[w], precs[p],
					     lens[l].text, convs[c]);
				for (v = 0; v < sizeof(values) / sizeof(values[0]); v++) {
					diff_one(fmt, lens[l].cls, values[v]);
					count++;
				}
			}
		}
	}
	print_message("compared %lu integer conversions with glibc\n", count);
}

/* Deterministic xorshift64 generator for the random value tests. */
static unsigned long long rng_next(unsigned long long *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* 64-bit decimal/hex/octal conversion of random and boundary values. */
static void test_random_64bit_vs_glibc(void **state)
{
	static const char *const fmts[] = {
		"%llu", "%lld", "%llx", "%llo", "%25llu", "%-25lld|", "%+.22lld",
		"%#llo", "%#llX", "%022llu",
	};
	unsigned long long seed = 0x9e3779b97f4a7c15ULL, pow10 = 1;
	size_t f;
	int i, k;

	(void)state;
	for (i = 0; i < 100000; i++) {
		unsigned long long r = rng_next(&seed);
		int bits = (int)(rng_next(&seed) % 64) + 1;

		r >>= 64 - bits;	/* spread magnitudes over all bit lengths */
		for (f = 0; f < sizeof(fmts) / sizeof(fmts[0]); f++)
			diff_one(fmts[f], 'q', (long long)r);
	}
	for (k = 0; k < 64; k++) {
		unsigned long long p2 = 1ULL << k;

		for (f = 0; f < sizeof(fmts) / sizeof(fmts[0]); f++) {
			diff_one(fmts[f], 'q', (long long)p2);
			diff_one(fmts[f], 'q', (long long)(p2 - 1));
			diff_one(fmts[f], 'q', (long long)(p2 + 1));
			diff_one(fmts[f], 'q', (long long)(0 - p2));
		}
	}
	for (k = 0; k <= 19; k++) {
		for (f = 0; f < sizeof(fmts) / sizeof(fmts[0]); f++) {
			diff_one(fmts[f], 'q', (long long)pow10);
			diff_one(fmts[f], 'q', (long long)(pow10 - 1));
			diff_one(fmts[f], 'q', (long long)(pow10 + 1));
			diff_one(fmts[f], 'q', (long long)(pow10 * 9 + 9));
		}
		if (k < 19)
			pow10 *= 10;
	}
}

/* %s and %c with flag/width/precision combinations vs glibc. */
static void test_strings_vs_glibc(void **state)
{
	static const char *const flags[] = { "", "-" };
	static const char *const widths[] = { "", "0", "1", "5", "20" };
	static const char *const precs[] = { "", ".", ".0", ".3", ".20" };
	static const char *const strs[] = { "", "a", "hello", "hello world, long" };
	static const int chars[] = { 'x', ' ', 0xe9, '%' };
	size_t f, w, p, s;

	(void)state;
	for (f = 0; f < 2; f++)
	for (w = 0; w < sizeof(widths) / sizeof(widths[0]); w++) {
		char fmt[32], a[64], b[64];
		int ra, rb;

		for (p = 0; p < sizeof(precs) / sizeof(precs[0]); p++)
		for (s = 0; s < sizeof(strs) / sizeof(strs[0]); s++) {
			ref_snprintf(fmt, sizeof(fmt), "<%%%s%s%ss>", flags[f],
				     widths[w], precs[p]);
			ra = snprintf(a, sizeof(a), fmt, strs[s]);
			rb = ref_snprintf(b, sizeof(b), fmt, strs[s]);
			if (ra != rb || strcmp(a, b) != 0)
				fail_msg("\"%s\" with \"%s\": got \"%s\", glibc \"%s\"",
					 fmt, strs[s], a, b);
		}
		for (s = 0; s < sizeof(chars) / sizeof(chars[0]); s++) {
			ref_snprintf(fmt, sizeof(fmt), "<%%%s%sc>", flags[f],
				     widths[w]);
			ra = snprintf(a, sizeof(a), fmt, chars[s]);
			rb = ref_snprintf(b, sizeof(b), fmt, chars[s]);
			if (ra != rb || strcmp(a, b) != 0)
				fail_msg("\"%s\" with %d: got \"%s\", glibc \"%s\"",
					 fmt, chars[s], a, b);
		}
	}
}

/* A few mixed, realistic kernel log lines. */
static void test_mixed(void **state)
{
	(void)state;
	CHECK("Memory: 1024K/2048K available (12K kernel code)",
	      "Memory: %luK/%luK available (%uK kernel code)", 1024UL, 2048UL, 12u);
	CHECK("    vector  : 0xffff0000 - 0xffff1000   (   4 kB)",
	      "    vector  : 0x%08lx - 0x%08lx   (%4ld kB)", 0xffff0000UL,
	      0xffff1000UL, 4L);
	CHECK("a=-1 b=ff c=x d=str e=%", "a=%d b=%x c=%c d=%s e=%%", -1, 255u,
	      'x', "str");
}

/* Runs every vsprintf test. */
int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_renaming),
		cmocka_unit_test(test_literals),
		cmocka_unit_test(test_required_examples),
		cmocka_unit_test(test_signed),
		cmocka_unit_test(test_unsigned),
		cmocka_unit_test(test_star),
		cmocka_unit_test(test_char_string),
		cmocka_unit_test(test_unknown),
		cmocka_unit_test(test_pointer),
		cmocka_unit_test(test_phys_addr),
		cmocka_unit_test(test_symbol),
		cmocka_unit_test(test_return_values),
		cmocka_unit_test(test_mixed),
		cmocka_unit_test(test_integers_vs_glibc),
		cmocka_unit_test(test_random_64bit_vs_glibc),
		cmocka_unit_test(test_strings_vs_glibc),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
