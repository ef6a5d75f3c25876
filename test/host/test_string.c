/*
 * Host unit tests for lib/string.c (cmocka).
 *
 * Built with -DHOST_TEST, so every routine named here is the klib_ version
 * from lib/string.c (see include/linux/string.h); glibc's versions are only
 * reached through ref_libc.c for differential checks. Result checking uses
 * local byte loops so that a routine is never verified with itself.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include <linux/string.h>

#include "host_limits.h"
#include "ref_libc.h"

#define XSTR(x) STR(x)
#define STR(x) #x

#define GUARD 0xEE
#define MAXLEN 67
#define MAXOFF 16

/* Byte pattern that differs between neighbouring positions. */
static unsigned char pat(size_t i)
{
	return (unsigned char)(i * 7 + 1);
}

/* The test build really does call the klib_ implementations. */
static void test_renaming(void **state)
{
	(void)state;
	assert_string_equal(XSTR(memcpy), "klib_memcpy");
	assert_string_equal(XSTR(memmove), "klib_memmove");
	assert_string_equal(XSTR(memset), "klib_memset");
	assert_string_equal(XSTR(strtoul), "klib_strtoul");
	assert_string_equal(XSTR(strtoull), "klib_strtoull");
}

/* memcpy for every src/dst alignment pair and every length 0..67. */
static void test_memcpy_alignments(void **state)
{
	_Alignas(16) unsigned char src[MAXOFF + MAXLEN + 8];
	_Alignas(16) unsigned char dst[MAXOFF + MAXLEN + 8];
	size_t doff, soff, len, i;

	(void)state;
	for (i = 0; i < sizeof(src); i++)
		src[i] = pat(i);
	for (doff = 0; doff < MAXOFF; doff++) {
		for (soff = 0; soff < MAXOFF; soff++) {
			for (len = 0; len <= MAXLEN; len++) {
				for (i = 0; i < sizeof(dst); i++)
					dst[i] = GUARD;
				assert_ptr_equal(memcpy(dst + doff, src + soff, len),
						 dst + doff);
				for (i = 0; i < sizeof(dst); i++) {
					unsigned char want = GUARD;

					if (i >= doff && i < doff + len)
						want = src[soff + i - doff];
					if (dst[i] != want)
						fail_msg("memcpy doff=%zu soff=%zu len=%zu: byte %zu is %#x, want %#x",
							 doff, soff, len, i, dst[i], want);
				}
			}
		}
	}
}

/* memset for every alignment, length 0..67 and several fill values. */
static void test_memset_alignments(void **state)
{
	static const int values[] = { 0, 0x5a, 0xff, -1, 0x1a5, INT_MIN, 0x80 };
	_Alignas(16) unsigned char buf[MAXOFF + MAXLEN + 8];
	size_t off, len, i, v;

	(void)state;
	for (v = 0; v < sizeof(values) / sizeof(values[0]); v++) {
		unsigned char b = (unsigned char)values[v];

		for (off = 0; off < MAXOFF; off++) {
			for (len = 0; len <= MAXLEN; len++) {
				for (i = 0; i < sizeof(buf); i++)
					buf[i] = GUARD;
				assert_ptr_equal(memset(buf + off, values[v], len),
						 buf + off);
				for (i = 0; i < sizeof(buf); i++) {
					unsigned char want =
						(i >= off && i < off + len) ? b : GUARD;

					if (buf[i] != want)
						fail_msg("memset off=%zu len=%zu c=%#x: byte %zu is %#x",
							 off, len, values[v], i, buf[i]);
				}
			}
		}
	}
}

/* memmove with overlap in both directions and disjoint ranges. */
static void test_memmove_overlap(void **state)
{
	enum { SPAN = 24, SIZE = SPAN + MAXLEN + 8 };
	_Alignas(16) unsigned char buf[SIZE], ref[SIZE], tmp[MAXLEN];
	size_t soff, doff, len, i;

	(void)state;
	for (soff = 0; soff < SPAN; soff++) {
		for (doff = 0; doff < SPAN; doff++) {
			for (len = 0; len <= MAXLEN; len++) {
				for (i = 0; i < SIZE; i++)
					buf[i] = ref[i] = pat(i);
				for (i = 0; i < len; i++)
					tmp[i] = ref[soff + i];
				for (i = 0; i < len; i++)
					ref[doff + i] = tmp[i];
				assert_ptr_equal(memmove(buf + doff, buf + soff, len),
						 buf + doff);
				for (i = 0; i < SIZE; i++) {
					if (buf[i] != ref[i])
						fail_msg("memmove soff=%zu doff=%zu len=%zu: byte %zu is %#x, want %#x",
							 soff, doff, len, i, buf[i], ref[i]);
				}
			}
		}
	}
}

/* memmove between separate buffers behaves like memcpy. */
static void test_memmove_disjoint(void **state)
{
	unsigned char a[40], b[40];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(a); i++) {
		a[i] = pat(i);
		b[i] = 0;
	}
	assert_ptr_equal(memmove(b + 3, a + 1, 30), b + 3);
	for (i = 0; i < 30; i++)
		assert_int_equal(b[3 + i], a[1 + i]);
	assert_int_equal(b[2], 0);
	assert_int_equal(b[33], 0);
	/* Zero length and dst == src are no-ops. */
	assert_ptr_equal(memmove(b, a, 0), b);
	assert_int_equal(b[0], 0);
	assert_ptr_equal(memmove(a, a, sizeof(a)), a);
	for (i = 0; i < sizeof(a); i++)
		assert_int_equal(a[i], pat(i));
}

/* memcmp: sign of the first difference, as unsigned char, bounded by n. */
static void test_memcmp(void **state)
{
	unsigned char a[48], b[48];
	size_t i, pos;

	(void)state;
	for (i = 0; i < sizeof(a); i++)
		a[i] = b[i] = pat(i);
	assert_int_equal(memcmp(a, b, sizeof(a)), 0);
	assert_int_equal(memcmp(a, b, 0), 0);
	for (pos = 0; pos < sizeof(a); pos++) {
		b[pos] = (unsigned char)(a[pos] + 1);
		assert_true(memcmp(a, b, sizeof(a)) < 0);
		assert_true(memcmp(b, a, sizeof(a)) > 0);
		assert_int_equal(memcmp(a, b, pos), 0);
		b[pos] = a[pos];
	}
	/* Bytes compare as unsigned: 0x80 > 0x01. */
	assert_true(memcmp("\x80", "\x01", 1) > 0);
	assert_true(memcmp("\x01", "\xff", 1) < 0);
	assert_true(memcmp("ab\xff", "ab\x00", 3) > 0);
}

/* memchr: first match, (unsigned char)c, NULL when absent or past n. */
static void test_memchr(void **state)
{
	unsigned char buf[70];
	size_t i, off;

	(void)state;
	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (unsigned char)i;
	for (off = 0; off < 8; off++) {
		for (i = off; i < sizeof(buf); i++) {
			assert_ptr_equal(memchr(buf + off, (int)i, sizeof(buf) - off),
					 buf + i);
			assert_null(memchr(buf + off, (int)i, i - off));
		}
	}
	assert_null(memchr(buf, 0xff, sizeof(buf)));
	assert_null(memchr(buf, 5, 0));
	buf[10] = 0xff;
	buf[20] = 0xff;
	assert_ptr_equal(memchr(buf, 0x1ff, sizeof(buf)), buf + 10);
	assert_ptr_equal(memchr(buf, -1, sizeof(buf)), buf + 10);
	assert_ptr_equal(memchr("abc\0def", '\0', 7), (const char *)"abc\0def" + 3);
}

/* strlen and strnlen for many lengths/offsets and bounds. */
static void test_strlen_strnlen(void **state)
{
	char buf[MAXOFF + MAXLEN + 2];
	size_t off, len, i;

	(void)state;
	for (off = 0; off < MAXOFF; off++) {
		for (len = 0; len <= MAXLEN; len++) {
			for (i = 0; i < sizeof(buf); i++)
				buf[i] = 'x';
			buf[off + len] = '\0';
			assert_int_equal(strlen(buf + off), len);
			assert_int_equal(strnlen(buf + off, len), len);
			assert_int_equal(strnlen(buf + off, len + 1), len);
			assert_int_equal(strnlen(buf + off, SIZE_MAX), len);
			if (len)
				assert_int_equal(strnlen(buf + off, len - 1), len - 1);
			assert_int_equal(strnlen(buf + off, 0), 0);
		}
	}
	/* strnlen must not read past maxlen: an unterminated array. */
	{
		char raw[3] = { 'a', 'b', 'c' };

		assert_int_equal(strnlen(raw, sizeof(raw)), 3);
		assert_int_equal(strnlen(raw, 2), 2);
	}
	assert_int_equal(strlen(""), 0);
}

/* strcmp/strncmp: ordering, unsigned chars, prefixes, bounds. */
static void test_strcmp_strncmp(void **state)
{
	(void)state;
	assert_int_equal(strcmp("", ""), 0);
	assert_int_equal(strcmp("abc", "abc"), 0);
	assert_true(strcmp("abc", "abd") < 0);
	assert_true(strcmp("abd", "abc") > 0);
	assert_true(strcmp("ab", "abc") < 0);
	assert_true(strcmp("abc", "ab") > 0);
	assert_true(strcmp("", "a") < 0);
	assert_true(strcmp("\x80", "\x7f") > 0);
	assert_true(strcmp("a\xff", "a\x01") > 0);

	assert_int_equal(strncmp("abc", "abd", 2), 0);
	assert_true(strncmp("abc", "abd", 3) < 0);
	assert_int_equal(strncmp("abc", "xyz", 0), 0);
	assert_int_equal(strncmp("abc", "abc", 100), 0);
	assert_true(strncmp("ab", "abc", 3) < 0);
	assert_true(strncmp("abc", "ab", 3) > 0);
	assert_int_equal(strncmp("ab\0x", "ab\0y", 4), 0);
	assert_true(strncmp("\x80", "\x01", 1) > 0);
}

/* strstr: first match, empty needle, no match, needle longer than the rest. */
static void test_strstr(void **state)
{
	const char *s = "mem=64M mem=32M@0x88000000";

	(void)state;
	assert_ptr_equal(strstr(s, "mem="), s);
	assert_ptr_equal(strstr(s, "32M"), s + 12);
	assert_ptr_equal(strstr(s, ""), s);
	assert_ptr_equal(strstr("", ""), (const char *)"");
	assert_null(strstr("", "a"));
	assert_null(strstr(s, "cma="));
	assert_null(strstr("0x8800", "0x88000"));
	assert_ptr_equal(strstr("aaab", "aab"), (const char *)"aaab" + 1);
}

/* strchr/strrchr: first/last match, the terminator, (char)c. */
static void test_strchr_strrchr(void **state)
{
	const char *s = "hello, world";

	(void)state;
	assert_ptr_equal(strchr(s, 'o'), s + 4);
	assert_ptr_equal(strrchr(s, 'o'), s + 8);
	assert_ptr_equal(strchr(s, 'h'), s);
	assert_ptr_equal(strrchr(s, 'h'), s);
	assert_ptr_equal(strchr(s, 'd'), s + 11);
	assert_null(strchr(s, 'z'));
	assert_null(strrchr(s, 'z'));
	assert_ptr_equal(strchr(s, '\0'), s + 12);
	assert_ptr_equal(strrchr(s, '\0'), s + 12);
	assert_ptr_equal(strchr(s, 0x100 + 'w'), s + 7);
	assert_ptr_equal(strrchr(s, 0x100 + 'l'), s + 10);
	assert_ptr_equal(strchr("", '\0'), (const char *)"" );
	assert_null(strchr("", 'a'));
	assert_ptr_equal(strchr("a\xe9z", 0xe9), (const char *)"a\xe9z" + 1);
}

/* Explicit strtoul cases: prefixes, signs, end pointers, overflow. */
static void test_strtoul_cases(void **state)
{
	const int lbits = (int)(sizeof(unsigned long) * CHAR_BIT);
	char *end;
	const char *s;

	(void)state;
	s = "0x1A";
	assert_int_equal(strtoul(s, &end, 0), 26);
	assert_ptr_equal(end, s + 4);
	s = "0X1a";
	assert_int_equal(strtoul(s, &end, 16), 26);
	assert_ptr_equal(end, s + 4);
	s = "1a";
	assert_int_equal(strtoul(s, &end, 16), 26);
	s = "0x";
	assert_int_equal(strtoul(s, &end, 16), 0);
	assert_ptr_equal(end, s + 1);		/* just the "0" */
	s = "0xg";
	assert_int_equal(strtoul(s, &end, 0), 0);
	assert_ptr_equal(end, s + 1);
	s = "0x1A";
	assert_int_equal(strtoul(s, &end, 10), 0);	/* no prefix in base 10 */
	assert_ptr_equal(end, s + 1);
	s = "077";
	assert_int_equal(strtoul(s, &end, 0), 077);
	assert_ptr_equal(end, s + 3);
	s = "089";
	assert_int_equal(strtoul(s, &end, 0), 0);
	assert_ptr_equal(end, s + 1);
	s = "089";
	assert_int_equal(strtoul(s, &end, 10), 89);
	s = "  \t\n\v\f\r+42xyz";
	assert_int_equal(strtoul(s, &end, 10), 42);
	assert_ptr_equal(end, s + 10);
	s = "-1";
	assert_true(strtoul(s, &end, 10) == ULONG_MAX);
	assert_ptr_equal(end, s + 2);
	s = "-0x10";
	assert_true(strtoul(s, &end, 0) == 0UL - 16);
	s = "zZ";
	assert_int_equal(strtoul(s, &end, 36), 35 * 36 + 35);
	s = "1010102";
	assert_int_equal(strtoul(s, &end, 2), 42);
	assert_ptr_equal(end, s + 6);

	/* No digits: value 0 and *endptr == nptr (not after the blanks). */
	s = "";
	assert_int_equal(strtoul(s, &end, 0), 0);
	assert_ptr_equal(end, s);
	s = "   ";
	assert_int_equal(strtoul(s, &end, 0), 0);
	assert_ptr_equal(end, s);
	s = " -";
	assert_int_equal(strtoul(s, &end, 10), 0);
	assert_ptr_equal(end, s);
	s = "+-1";
	assert_int_equal(strtoul(s, &end, 10), 0);
	assert_ptr_equal(end, s);
	s = "xyz";
	assert_int_equal(strtoul(s, &end, 16), 0);
	assert_ptr_equal(end, s);

	/* Invalid bases: 0 and *endptr == nptr. */
	s = "123";
	end = NULL;
	assert_int_equal(strtoul(s, &end, 1), 0);
	assert_ptr_equal(end, s);
	end = NULL;
	assert_int_equal(strtoul(s, &end, 37), 0);
	assert_ptr_equal(end, s);
	end = NULL;
	assert_int_equal(strtoul(s, &end, -5), 0);
	assert_ptr_equal(end, s);

	/* A NULL endptr is allowed. */
	assert_int_equal(strtoul("123", NULL, 10), 123);
	assert_int_equal(strtoull("123", NULL, 10), 123);

	/* Overflow saturates and consumes every digit. */
	s = "99999999999999999999999999";
	assert_true(strtoul(s, &end, 10) == ULONG_MAX);
	assert_ptr_equal(end, s + 26);
	assert_true(strtoull(s, &end, 10) == ULLONG_MAX);
	assert_ptr_equal(end, s + 26);
	s = "-99999999999999999999999999";
	assert_true(strtoul(s, &end, 10) == ULONG_MAX);
	assert_ptr_equal(end, s + 27);

	/* The 32-bit boundary: overflow only where unsigned long is 32-bit. */
	s = "4294967295";
	assert_true(strtoul(s, &end, 10) == 4294967295UL);
	s = "4294967296";
	if (lbits == 32)
		assert_true(strtoul(s, &end, 10) == ULONG_MAX);
	else
		assert_true(strtoul(s, &end, 10) == 4294967296UL);
	assert_true(strtoull(s, &end, 10) == 4294967296ULL);
	assert_ptr_equal(end, s + 10);

	/* The 64-bit boundary for strtoull. */
	s = "18446744073709551615";
	assert_true(strtoull(s, &end, 10) == ULLONG_MAX);
	s = "18446744073709551616";
	assert_true(strtoull(s, &end, 10) == ULLONG_MAX);
	s = "0xffffffffffffffff";
	assert_true(strtoull(s, &end, 0) == ULLONG_MAX);
	assert_ptr_equal(end, s + 18);
	s = "0x10000000000000000";
	assert_true(strtoull(s, &end, 0) == ULLONG_MAX);
	assert_ptr_equal(end, s + 19);
	s = "1777777777777777777777";
	assert_true(strtoull(s, &end, 8) == ULLONG_MAX);
	s = "2000000000000000000000";
	assert_true(strtoull(s, &end, 8) == ULLONG_MAX);
	s = "-18446744073709551615";
	assert_true(strtoull(s, &end, 10) == 1);
	s = "-9223372036854775808";
	assert_true(strtoull(s, &end, 10) == 9223372036854775808ULL);
}

static const char *const strtol_inputs[] = {
	"", " ", "0", "00", "000x1", "0x", "0X", "0x1", "0xg", "0x1g", " 0x1F",
	"-0x10", "+0x10", "0b101", "077", "078", "09", "12345", "-1", "-0", "+",
	"-", "+-1", "-+1", "  \t\n\v\f\r42", "z", "Z", "zz", "ZZZZZZZZZZZZZZ",
	"10", "1_000", "123abc", " +", "0 1", "0x 1", "fFfF", "abc", "\xff" "1",
	"4294967295", "4294967296", "-4294967295", "-4294967296",
	"18446744073709551615", "18446744073709551616",
	"-18446744073709551615", "-18446744073709551616",
	"99999999999999999999999", "0xffffffffffffffff", "0x10000000000000000",
	"0xFFFFFFFF", "0x100000000", "777777777777777777777",
	"1777777777777777777777", "2000000000000000000000",
	"11111111111111111111111111111111111111111111111111111111111111111",
	"1111111111111111111111111111111111111111111111111111111111111111",
	"3w5e11264sgsf", "3w5e11264sgsg", "-3w5e11264sgsf", "0x0x1",
};

static const int strtol_bases[] = { 0, 2, 3, 8, 10, 16, 35, 36 };

/* strtoul/strtoull agree with glibc on value and end pointer. */
static void test_strtoul_vs_glibc(void **state)
{
	size_t i, b;

	(void)state;
	for (i = 0; i < sizeof(strtol_inputs) / sizeof(strtol_inputs[0]); i++) {
		const char *s = strtol_inputs[i];

		for (b = 0; b < sizeof(strtol_bases) / sizeof(strtol_bases[0]); b++) {
			int base = strtol_bases[b];
			char *e1, *e2, *e3, *e4;
			unsigned long v1 = strtoul(s, &e1, base);
			unsigned long v2 = ref_strtoul(s, &e2, base);
			unsigned long long w1 = strtoull(s, &e3, base);
			unsigned long long w2 = ref_strtoull(s, &e4, base);

			if (v1 != v2 || e1 != e2)
				fail_msg("strtoul(\"%s\", %d) = %lu end+%td, glibc %lu end+%td",
					 s, base, v1, e1 - s, v2, e2 - s);
			if (w1 != w2 || e3 != e4)
				fail_msg("strtoull(\"%s\", %d) = %llu end+%td, glibc %llu end+%td",
					 s, base, w1, e3 - s, w2, e4 - s);
		}
	}
}

/* Runs every string test. */
int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_renaming),
		cmocka_unit_test(test_memcpy_alignments),
		cmocka_unit_test(test_memset_alignments),
		cmocka_unit_test(test_memmove_overlap),
		cmocka_unit_test(test_memmove_disjoint),
		cmocka_unit_test(test_memcmp),
		cmocka_unit_test(test_memchr),
		cmocka_unit_test(test_strlen_strnlen),
		cmocka_unit_test(test_strcmp_strncmp),
		cmocka_unit_test(test_strchr_strrchr),
		cmocka_unit_test(test_strstr),
		cmocka_unit_test(test_strtoul_cases),
		cmocka_unit_test(test_strtoul_vs_glibc),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
