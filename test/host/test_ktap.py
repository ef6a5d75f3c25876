#!/usr/bin/env python3
"""Unit tests for tools/armv7mm/ktap.py, the host side of the in-kernel ktest suites.

Run from tools/: python3 -m unittest discover -s ../test/host -p 'test_*.py'
"""
import unittest

from armv7mm import ktap

GOOD = """\
noise before the document
KTAP version 1
1..2
    KTAP version 1
    # Subtest: boot
    1..2
    ok 1 mmu_enabled
    ok 2 dtb_found
ok 1 boot
    KTAP version 1
    # Subtest: mem
    1..3
    ok 1 a
    ok 2 b # SKIP no highmem
    not ok 3 c
    # c: EXPECTATION FAILED at x.c:1
not ok 2 mem
reboot: Power down
""".splitlines()


class KtapTest(unittest.TestCase):
    def test_nested_results(self):
        root = ktap.parse(GOOD)
        self.assertEqual(root.plan, 2)
        statuses = {t.path: t.status for t in root.flatten()}
        self.assertEqual(statuses["boot"], "PASS")
        self.assertEqual(statuses["boot.mmu_enabled"], "PASS")
        self.assertEqual(statuses["mem.b"], "SKIP")
        self.assertEqual(statuses["mem.c"], "FAIL")
        self.assertEqual(statuses["mem"], "FAIL")
        self.assertEqual(sorted(root.problems()), ["mem.c: not ok", "mem: not ok"])

    def test_all_ok_has_no_problems(self):
        lines = GOOD[:9]
        lines[2] = "1..1"
        self.assertEqual(ktap.parse(lines).problems(), [])

    def test_plan_mismatch(self):
        lines = ["KTAP version 1", "1..2", "    KTAP version 1", "    # Subtest: s",
                 "    1..3", "    ok 1 a", "    ok 2 b", "ok 1 s"]
        problems = ktap.parse(lines).problems()
        self.assertIn("<top>: plan 1..2 but 1 results", problems)
        self.assertIn("s: plan 1..3 but 2 results", problems)

    def test_crash_mid_suite_is_reported(self):
        # The kernel died inside a suite: no result line for it.
        lines = ["KTAP version 1", "1..1", "    KTAP version 1", "    # Subtest: s",
                 "    1..2", "    ok 1 a", "Kernel panic - not syncing: oops"]
        problems = ktap.parse(lines).problems()
        self.assertIn("s: no result line", problems)
        self.assertIn("s: plan 1..2 but 1 results", problems)

    def test_wrong_numbering(self):
        lines = ["KTAP version 1", "1..2", "ok 1 a", "ok 3 b"]
        self.assertIn("b: numbered 3, expected 2", ktap.parse(lines).problems())

    def test_no_ktap_at_all(self):
        with self.assertRaises(ktap.KtapError):
            ktap.parse(["Booting Linux on physical CPU 0x0", "reboot: Power down"])

    def test_missing_top_plan(self):
        with self.assertRaises(ktap.KtapError):
            ktap.parse(["KTAP version 1", "ok 1 a"])


if __name__ == "__main__":
    unittest.main()
