#!/usr/bin/env python3
"""Boot the kernel through tools/run and check what it printed.

  boottest.py [--status N] [--expect REGEX]... [--reject REGEX]...
              [--ktap --cases FILE [--facts A,B] [--ktest OPTION]]
              -- <tools/run arguments>

--expect patterns must match console lines in the order given; --reject
patterns must match none. --ktap parses the KTAP the kernel printed
(`ktest` on its command line): every case is reported, and any `not ok`,
missing result or plan mismatch fails the test. With it, --cases names the
list of every in-kernel case and when it skips (test/boot/ktest-cases.txt):
the suites the command line asks for must report exactly their listed
cases, each passing unless a skip rule holds for this build (its .config)
and this boot (--facts), and then skipping with the listed reason; the
suites are those of the ktest option in --append (or --ktest). --percpu:
the "percpu: Embedded" line must be there, in Linux's format, with the
figures Linux's rules give for the build's template (__per_cpu_end -
__per_cpu_start in its System.map). --meminfo: the meminfo printout must
be there, in Linux's format, and agree with the Memory: line, the CMA and
zone lines and the layout of the same boot (armv7mm.meminfo).
--memmap-limit GIB: the boot's RAM needs a bigger mem_map than its lowmem
can hold by the rules of armv7mm.memmap_limit (from the build, --mem,
--machine and vmalloc=); the kernel must say so in one "mem_map: ignoring
RAM" line whose figures follow those rules, its zones and Memory: line
must agree, and it must keep at least GIB GiB. The exit
status of the run must equal --status (default 0).
"""
import argparse
import os
import re
import sys

from armv7mm import TOP, bootlog, console, ktap, machines, meminfo, memmap_limit, percpu
from armv7mm.build import Build


def read_cases(path):
    """The case list: [(suite, case, [(condition, reason), ...])] in file order."""
    cases = []
    with open(path) as f:
        for number, raw in enumerate(f, 1):
            line = raw.split("#", 1)[0].rstrip()
            if not line.strip():
                continue
            if line[0].isspace():
                m = re.match(r"^\s+skip if (!?[\w-]+): (.+)$", line)
                if not m or not cases:
                    raise ValueError("%s:%d: not a skip rule of the case above: %r" % (path, number, raw))
                cases[-1][2].append((m.group(1), m.group(2).strip()))
            else:
                words = line.split()
                if len(words) != 2:
                    raise ValueError("%s:%d: not 'SUITE CASE': %r" % (path, number, raw))
                cases.append((words[0], words[1], []))
    return cases


def run_option(run_args, name):
    """The value of a tools/run option (the last one given), or None."""
    value = None
    for i, arg in enumerate(run_args[:-1]):
        if arg == "--":
            break
        if arg == name:
            value = run_args[i + 1]
    return value


def build_dir_of(run_args):
    """The build directory tools/run boots."""
    return run_option(run_args, "--build-dir") or \
        os.path.join(TOP, "build", run_option(run_args, "--preset") or "classic")


def build_facts(run_args):
    """CONFIG_X for each CONFIG_X=y of the build tools/run boots."""
    facts = set()
    with open(os.path.join(build_dir_of(run_args), ".config")) as f:
        for line in f:
            m = re.match(r"^(CONFIG_\w+)=y$", line.strip())
            if m:
                facts.add(m.group(1))
    return facts


def suites_asked(command_line):
    """The suites a kernel command line asks for: None for all (`ktest`), else their names."""
    asked = set()
    for word in command_line.split():
        if word == "ktest":
            return None
        if word.startswith("ktest="):
            asked.update(name for name in word[len("ktest="):].split(",") if name)
    return asked


def expected_outcomes(cases, suites, facts):
    """{"suite.case": None (must pass) or the reason it must skip with} for the suites run."""
    def holds(condition):
        return (condition.lstrip("!") in facts) != condition.startswith("!")

    expected = {}
    for suite, case, rules in cases:
        if suites is None or suite in suites:
            expected["%s.%s" % (suite, case)] = next((reason for cond, reason in rules if holds(cond)), None)
    return expected


def case_problems(result, expected, cases_file):
    """What the reported cases have that the list does not expect, and the other way round."""
    problems = []
    reported = {c.path: c for c in result.flatten() if c.parent is not None and c.parent.parent is not None}
    for path, skip_reason in expected.items():
        case = reported.get(path)
        if case is None:
            problems.append("%s: listed in %s, but not reported" % (path, cases_file))
        elif case.status == "SKIP":
            reason = case.directive[len("SKIP"):].strip()
            if skip_reason is None:
                problems.append("%s: skipped (%s), but this boot is built to run it" % (path, reason))
            elif reason != skip_reason:
                problems.append("%s: skipped with %r, expected %r" % (path, reason, skip_reason))
        elif skip_reason is not None and case.status == "PASS":
            problems.append("%s: ran, but %s says it skips on this boot (%s)" % (path, cases_file, skip_reason))
    for path in sorted(set(reported) - set(expected)):
        problems.append("%s: reported, but not a case %s expects on this boot" % (path, cases_file))
    return problems


def percpu_problems(lines, run_args):
    """The percpu line against Linux's rules for the build's own template size."""
    found = [p for p in map(bootlog.percpu_line, lines) if p]
    if len(found) != 1:
        return ["%d \"percpu: Embedded\" lines in Linux's format, expected 1" % len(found)]
    syms = Build(build_dir_of(run_args)).symbols()
    static = syms["__per_cpu_end"] - syms["__per_cpu_start"]
    want = percpu.expected(static)
    if found[0] != want:
        return ["percpu line %s, but the template is %d bytes (System.map): Linux's rules give %s"
                % (found[0], static, want)]
    return []


def memmap_machine(run_args):
    """The boot tools/run makes, as armv7mm.memmap_limit sees it: the
    build's split, MAX_ORDER and struct page (its debug information), the
    board's RAM base, --mem and the command line's last vmalloc=."""
    build = Build(build_dir_of(run_args))
    board = machines.board(run_option(run_args, "--machine") or machines.DEFAULT)
    mem_mb = int(run_option(run_args, "--mem") or board.default_mem)
    vmalloc = None
    for word in (run_option(run_args, "--append") or "").split():
        if word.startswith("vmalloc="):
            vmalloc = memmap_limit.memparse(word[len("vmalloc="):])
    max_order = int(build.config["CONFIG_ARCH_FORCE_MAX_ORDER"])
    image_end = build.symbols()["_end"] - build.page_offset + board.ram_base
    return memmap_limit.Machine(build.page_offset, memmap_limit.vmalloc_size(vmalloc, build.page_offset),
                                board.ram_base, mem_mb * memmap_limit.MIB, build.struct_page_size, max_order,
                                9 if build.lpae else max_order - 1, image_end)


def memmap_limit_problems(lines, run_args, at_least_gib):
    """The "mem_map: ignoring RAM" line against the rules, and the zones and
    the Memory: line of the same boot against the RAM it says it kept."""
    m = memmap_machine(run_args)
    log = bootlog.BootLog(lines)
    if not memmap_limit.must_trim(m):
        return ["this boot's mem_map (%dK) fits in lowmem by the rules: it cannot test the limit"
                % (memmap_limit.needed(m) // 1024)]
    if len(log.memmap_limit) != 1:
        return ["%d \"mem_map: ignoring RAM\" lines, expected 1" % len(log.memmap_limit)]
    line = log.memmap_limit[0]
    out = ["mem_map line: " + p for p in memmap_limit.problems(line, m)]
    if not log.memory_line or log.memory_line.total_k != line.described_k:
        out.append("Memory: line %s, expected a total of the %dK described"
                   % (log.memory_line and log.memory_line.total_k, line.described_k))
    high = [z for z in log.zones if z.name == "HighMem"]
    if not high or high[0].end != line.ignored_start:
        out.append("HighMem zone %s, expected it to end at %#x" % (high and high[0].text, line.ignored_start))
    if line.described_k * 1024 < at_least_gib * memmap_limit.GIB:
        out.append("%dK described, fewer than %d GiB" % (line.described_k, at_least_gib))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--status", type=int, default=0)
    ap.add_argument("--expect", action="append", default=[])
    ap.add_argument("--reject", action="append", default=[])
    ap.add_argument("--ktap", action="store_true")
    ap.add_argument("--percpu", action="store_true", help="check the percpu line against the build's template")
    ap.add_argument("--meminfo", action="store_true",
                    help="check the meminfo printout against the boot's Memory:, CMA, zone and layout lines")
    ap.add_argument("--memmap-limit", type=int, metavar="GIB",
                    help="the boot must leave RAM out for want of lowmem for its mem_map, say so in one line whose"
                         " figures follow the rules (armv7mm.memmap_limit), and keep at least GIB GiB")
    ap.add_argument("--cases", help="the list of in-kernel cases and their skip rules")
    ap.add_argument("--facts", default="", help="comma-separated facts of this boot for the skip rules")
    ap.add_argument("--ktest", help="the ktest option of the kernel's command line when --append does not"
                    " carry it (a device tree's bootargs): `ktest` or `ktest=a,b`")
    ap.add_argument("run_args", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    run_args = args.run_args[1:] if args.run_args[:1] == ["--"] else args.run_args
    if args.ktap and not args.cases:
        ap.error("--ktap needs --cases: a boot test lists the cases it runs")
    if args.cases:
        command_line = args.ktest or run_option(run_args, "--append") or ""
        if args.ktap and suites_asked(command_line) == set():
            ap.error("no ktest option in --append: say which suites run (--ktest)")
        expected = expected_outcomes(read_cases(args.cases), suites_asked(command_line),
                                     build_facts(run_args) | {f for f in args.facts.split(",") if f})

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

    if args.percpu:
        problems += percpu_problems(lines, run_args)
    if args.memmap_limit is not None:
        problems += memmap_limit_problems(lines, run_args, args.memmap_limit)
    if args.meminfo:
        problems += ["meminfo: " + p for p in
                     meminfo.problems(bootlog.BootLog(lines), "CONFIG_HIGHMEM" in build_facts(run_args))]

    if args.ktap:
        try:
            result = ktap.parse(lines)
        except ktap.KtapError as e:
            problems.append("KTAP: %s" % e)
        else:
            for case in result.flatten():
                print("ktest %-60s %s" % (case.path, case.status))
            problems += ["KTAP: " + p for p in result.problems()]
            problems += ["KTAP: " + p for p in case_problems(result, expected, os.path.basename(args.cases))]

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
