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
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ktap  # noqa: E402

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TIMESTAMP = re.compile(r"^\[\s*\d+\.\d+\] ?")


def strip_timestamp(line):
    return TIMESTAMP.sub("", line, count=1)


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

    proc = subprocess.run([os.path.join(TOP, "tools", "run")] + run_args,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          stdin=subprocess.DEVNULL)
    text = proc.stdout.decode("utf-8", "replace").replace("\r", "")
    lines = [strip_timestamp(l) for l in text.split("\n")]
    problems = []

    if proc.returncode != args.status:
        problems.append("exit status %d, expected %d" % (proc.returncode, args.status))

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
    print("PASS (exit status %d)" % proc.returncode)
    return 0


if __name__ == "__main__":
    sys.exit(main())
