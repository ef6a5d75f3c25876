#!/usr/bin/env python3
"""Branch coverage of the committed fuzz corpora over the code they guard.

  coverage.py --llvm-cov PATH --llvm-profdata PATH --allow FILE
              --run BINARY:CORPUS [--run BINARY:CORPUS ...]

Each BINARY is a harness built with -fprofile-instr-generate
-fcoverage-mapping; it runs every input of its CORPUS once (-runs=0). The
profiles are merged and every branch of the device-tree scan and the
bounds code is checked: mm/lowmem.c, kernel/setup-mem.c, drivers/of/fdt.c
and the zone sizing of mm/page_alloc.c (calculate_zone_sizes,
present_pages_in_range). A branch side the corpora never take fails the
test unless FILE lists it ("path:line:column  why": a host test covers it,
or it cannot be reached from these harnesses).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WHOLE_FILES = ["mm/lowmem.c", "kernel/setup-mem.c", "drivers/of/fdt.c"]
FUNCTIONS = {"mm/page_alloc.c": ["calculate_zone_sizes", "present_pages_in_range"]}


def load_allow(path):
    allow = {}
    with open(path) as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                where, _, why = line.partition(" ")
                allow[where] = why.strip()
    return allow


def rel(path):
    return os.path.relpath(os.path.realpath(path), TOP)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--llvm-cov", required=True)
    ap.add_argument("--llvm-profdata", required=True)
    ap.add_argument("--allow", required=True)
    ap.add_argument("--run", action="append", required=True)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        raws, objects = [], []
        for i, spec in enumerate(args.run):
            binary, corpus = spec.split(":", 1)
            raw = os.path.join(tmp, "%d.profraw" % i)
            env = dict(os.environ, LLVM_PROFILE_FILE=raw, ASAN_OPTIONS="detect_leaks=0")
            proc = subprocess.run([binary, "-runs=0", corpus], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            if proc.returncode != 0:
                sys.stderr.write(proc.stderr.decode("utf-8", "replace")[-2000:])
                print("coverage: %s failed on its corpus %s" % (binary, corpus))
                return 1
            raws.append(raw)
            objects.append(binary)
        profdata = os.path.join(tmp, "all.profdata")
        subprocess.run([args.llvm_profdata, "merge", "-o", profdata] + raws, check=True)
        cmd = [args.llvm_cov, "export", "-format=text", "-instr-profile=" + profdata, objects[0]]
        for obj in objects[1:]:
            cmd += ["-object", obj]
        export = json.loads(subprocess.run(cmd, check=True, stdout=subprocess.PIPE).stdout)

    # Branch sides taken, summed over every binary and split: key (file, line, col).
    taken = {}
    checked_files = set(WHOLE_FILES) | set(FUNCTIONS)
    for data in export["data"]:
        for fn in data["functions"]:
            name = fn["name"].split(":")[-1]
            files = [rel(f) for f in fn["filenames"]]
            for br in fn.get("branches", []):
                line, col, _, _, n_true, n_false, file_id = br[:7]
                path = files[file_id]
                if path not in checked_files:
                    continue
                if path in FUNCTIONS and name not in FUNCTIONS[path]:
                    continue
                key = (path, line, col)
                t, f = taken.get(key, (0, 0))
                taken[key] = (t + n_true, f + n_false)

    allow = load_allow(args.allow)
    missed, allowed_used = [], set()
    for (path, line, col), (t, f) in sorted(taken.items()):
        sides = [s for s, n in (("true", t), ("false", f)) if n == 0]
        if not sides:
            continue
        where = "%s:%d:%d" % (path, line, col)
        if where in allow:
            allowed_used.add(where)
            continue
        with open(os.path.join(TOP, path)) as src:
            text = src.readlines()[line - 1].strip()
        missed.append("%s never %s: %s" % (where, " nor ".join(sides), text))
    total = len(taken)
    covered = sum(1 for t, f in taken.values() if t and f)
    print("coverage: %d of %d branches taken both ways; %d allowed (%s)" %
          (covered, total, len(allowed_used), os.path.relpath(args.allow, TOP)))
    for where in sorted(set(allow) - allowed_used):
        print("coverage: allowed %s is covered now or gone: drop it from the list" % where)
    for m in missed:
        print("coverage: " + m)
    return 1 if missed or set(allow) - allowed_used else 0


if __name__ == "__main__":
    sys.exit(main())
