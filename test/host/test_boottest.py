#!/usr/bin/env python3
"""Unit tests for tools/boottest.py's case list (--cases): the checked-in
test/boot/ktest-cases.txt reads, and a boot whose cases differ from what
the list expects (missing, extra, skipped, skipped for another reason, run
where it skips) fails."""
import os
import tempfile
import unittest

import boottest
from armv7mm import ktap

CASES_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "boot", "ktest-cases.txt")

LIST = """\
# a comment
alpha one
alpha two
    skip if !highmem: no highmem on this boot
beta three
    skip if CONFIG_ARM_LPAE: LPAE: not in this format
    skip if small: too little RAM
"""


def ktap_lines(results):
    """KTAP as the kernel prints it, for {suite: [(case, "ok" / "ok # SKIP why" / "not ok")]}."""
    lines = ["KTAP version 1", "1..%d" % len(results)]
    for n, (suite, cases) in enumerate(results.items(), 1):
        lines += ["    KTAP version 1", "    # Subtest: " + suite, "    1..%d" % len(cases)]
        for i, (case, outcome) in enumerate(cases, 1):
            word, _, directive = outcome.partition(" # ")
            lines.append("    %s %d %s%s" % (word, i, case, " # " + directive if directive else ""))
        lines.append("ok %d %s" % (n, suite))
    return lines


class CaseListTest(unittest.TestCase):
    def setUp(self):
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
            f.write(LIST)
        self.addCleanup(os.unlink, f.name)
        self.cases = boottest.read_cases(f.name)

    def problems(self, results, facts, suites=None):
        expected = boottest.expected_outcomes(self.cases, suites, facts)
        return boottest.case_problems(ktap.parse(ktap_lines(results)), expected, "list")

    def test_rules_read_in_order(self):
        self.assertEqual(self.cases[2], ("beta", "three", [("CONFIG_ARM_LPAE", "LPAE: not in this format"),
                                                           ("small", "too little RAM")]))

    def test_first_rule_that_holds_decides(self):
        expected = boottest.expected_outcomes(self.cases, None, {"CONFIG_ARM_LPAE", "small"})
        self.assertEqual(expected, {"alpha.one": None, "alpha.two": "no highmem on this boot",
                                    "beta.three": "LPAE: not in this format"})
        expected = boottest.expected_outcomes(self.cases, {"beta"}, {"highmem"})
        self.assertEqual(expected, {"beta.three": None})

    def test_as_listed_passes(self):
        results = {"alpha": [("one", "ok"), ("two", "ok # SKIP no highmem on this boot")],
                   "beta": [("three", "ok")]}
        self.assertEqual(self.problems(results, set()), [])

    def test_unlisted_skip_fails(self):
        results = {"alpha": [("one", "ok # SKIP no CMA"), ("two", "ok")], "beta": [("three", "ok")]}
        self.assertEqual(self.problems(results, {"highmem"}),
                         ["alpha.one: skipped (no CMA), but this boot is built to run it"])

    def test_skip_for_another_reason_fails(self):
        results = {"alpha": [("one", "ok"), ("two", "ok # SKIP fell back")], "beta": [("three", "ok")]}
        self.assertEqual(self.problems(results, set()),
                         ["alpha.two: skipped with 'fell back', expected 'no highmem on this boot'"])

    def test_run_where_listed_to_skip_fails(self):
        results = {"alpha": [("one", "ok"), ("two", "ok")], "beta": [("three", "ok")]}
        self.assertEqual(self.problems(results, set()),
                         ["alpha.two: ran, but list says it skips on this boot (no highmem on this boot)"])

    def test_missing_and_extra_cases_fail(self):
        results = {"alpha": [("one", "ok"), ("two", "ok"), ("four", "ok")]}
        self.assertEqual(self.problems(results, {"highmem"}),
                         ["beta.three: listed in list, but not reported",
                          "alpha.four: reported, but not a case list expects on this boot"])

    def test_suites_from_the_command_line(self):
        self.assertIsNone(boottest.suites_asked("memblock=debug ktest"))
        self.assertEqual(boottest.suites_asked("ktest=buddy,wx loglevel=8"), {"buddy", "wx"})
        self.assertEqual(boottest.suites_asked("loglevel=8"), set())
        self.assertEqual(boottest.run_option(["--mem", "256", "--append", "ktest", "--", "-M", "x"], "--append"),
                         "ktest")

    def test_the_checked_in_list(self):
        cases = boottest.read_cases(CASES_FILE)
        names = ["%s.%s" % (suite, case) for suite, case, _ in cases]
        self.assertEqual(len(names), len(set(names)))
        self.assertGreaterEqual(len({suite for suite, _, _ in cases}), 11)


if __name__ == "__main__":
    unittest.main()
