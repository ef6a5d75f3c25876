#!/usr/bin/env python3
"""Writes the seed corpus of fuzz_early (test/fuzz/corpus/early/) from the
project's own device trees and a few command lines. Inputs the fuzzer
found (kept under descriptive names, e.g. libfdt-loop-*) live beside them. Run it again after
adding a DTS or a command line; the seeds are committed so CI needs no dtc
run to fuzz.

  test/fuzz/make-seeds.py
"""
import hashlib
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(HERE, "corpus", "early")
DTS = [os.path.join(TOP, "dts", "vexpress-a15.dts")] + sorted(
    os.path.join(TOP, "test", "host", "dts", f)
    for f in os.listdir(os.path.join(TOP, "test", "host", "dts")) if f.endswith(".dts"))
CMDLINES = [
    "",
    "mem=64M@0x80000000 mem=32M@0x88000000",
    "cma=8M@0x90000000-0xa0000000 vmalloc=128M",
    "memblock=debug initrd=0x84000000,0x1000 loglevel=7",
    "mem=0x100000000@0xffff0000 cma=0 vmalloc=4G",
    # found by fuzzing: a fixed CMA area below RAM was declared anyway
    "cma=8M@0x9000000",
]


def main():
    os.makedirs(OUT, exist_ok=True)
    for dts in DTS:
        dtb = subprocess.run(["dtc", "-q", "-I", "dts", "-O", "dtb", dts], check=True,
                             capture_output=True).stdout
        for cmd in CMDLINES:
            raw = cmd.encode()
            data = len(raw).to_bytes(2, "little") + raw + dtb
            name = hashlib.sha1(data).hexdigest()
            with open(os.path.join(OUT, name), "wb") as f:
                f.write(data)


if __name__ == "__main__":
    main()
