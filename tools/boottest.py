#!/usr/bin/env python3
"""Boot the kernel through tools/run and check what it printed.

  boottest.py [--status N] [--expect REGEX]... [--reject REGEX]... [--ktap]
              [--min-cases N] -- <tools/run arguments>

--expect patterns must match console lines in the order given; --reject
patterns must match none. --ktap parses the KTAP the kernel printed
(`ktest` on its command line): every case is reported, and any `not ok`,
missing result or plan mismatch fails the test. The exit status of the
run must equal --status (default 0).
"""
import argparse
import re
import sys

from armv7mm import console, ktap


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--status", type=int, default=0)
    ap.add_argument("--expect", action="append", default=[])
    ap.add_argument("--reject", action="append", default=[])
    ap.add_argument("--ktap", action="store_true")
    ap.add_argument("--min-cases", type=int, default=1)
    ap.add_argument("run_args", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    run_args = args.run_args[1:] if args.run_args[:1] == ["--"] else args.run_args

    run = console.run(run_args)
    text = run.text.replace("\r", "")
    lines = run.lines
    problems = []

    if run.status != args.status:
        problems.append("exit status %d, expected %d" % (run.status, args.status))

    pos = 0
    for pat in args.expect:
        rx = re.compile(pat)
        for i in range(pos, len(lines)):
            if rx.search(lines[i]):
                pos = i + 1
                break
        else:
            problems.append("expected line not found (in order): %r" % pat)
    for pat in args.reject:
        rx = re.compile(pat)
        hits = [l for l in lines if rx.search(l)]
        if hits:
            problems.append("rejected pattern %r matched: %r" % (pat, hits[0]))

    if args.ktap:
        try:
            result = ktap.parse(lines)
        except ktap.KtapError as e:
            problems.append("KTAP: %s" % e)
        else:
            for case in result.flatten():
                print("ktest %-60s %s" % (case.path, case.status))
            cases = [c for c in result.flatten() if not c.children]
            if len(cases) < args.min_cases:
                problems.append("KTAP: %d cases ran, expected at least %d" % (len(cases), args.min_cases))
            problems += ["KTAP: " + p for p in result.problems()]

    if problems:
        print("---- console ----")
        print(text)
        print("---- problems ----")
        for p in problems:
            print("FAIL: " + p)
        return 1
    print("PASS (exit status %d)" % run.status)
    return 0


if __name__ == "__main__":
    sys.exit(main())
