#!/usr/bin/env python3
"""Writes the seed corpora: fuzz_early's (test/fuzz/corpus/early/) from the
project's own device trees and a few command lines, fuzz_zones's
(test/fuzz/corpus/zones/) from the bank lists below. Inputs the fuzzer
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
# Single seeds for branches the crossing above misses (host.fuzz.coverage):
# (tree or None for no DTB, command line).
FUZZ_DTS = os.path.join(HERE, "dts")
PAIRS = [
    (os.path.join(FUZZ_DTS, "odd-props-a.dts"), ""),
    (os.path.join(FUZZ_DTS, "odd-props-b.dts"), ""),
    (os.path.join(FUZZ_DTS, "size-cells-3.dts"), "mem=256M@0x80000000"),
    (None, "mem=64M@0x80000000"),                  # memory from mem= alone
    (None, "mem=1@0x80000001"),                    # a bank smaller than its page rounding
    (None, "mem=8K@0xfffffffffffff001"),           # rounding up wraps
    (None, "mem=0xfffffffffffff000@0x2000"),       # start + size wraps
]
# Trees that fill one of memblock's arrays before it may grow: the one panic
# (besides no lowmem at all) fuzz_checks.h accepts, so the corpus takes it.
BOARD_DTSI = os.path.join(TOP, "dts", "vexpress-a15.dtsi")
FULL_ARRAY_TREES = [
    # 129 separate /memreserve/ regions: the reserved array's 128 entries are not enough
    "/dts-v1/;\n" + "".join(f"/memreserve/ {0x90000000 + i * 0x2000:#x} 0x1000;\n" for i in range(1, 130))
    + f'/include/ "{BOARD_DTSI}"\n',
    # 129 separate banks of RAM in the memory node: the memory array's 128 are not enough
    f'/dts-v1/;\n/include/ "{BOARD_DTSI}"\n/ {{\n\tmemory@80000000 {{\n\t\treg = <'
    + " ".join(f"0x0 {0x80000000 + i * 0x200000:#x} 0x0 0x100000" for i in range(129)) + ">;\n\t};\n};\n",
]
FDT_END_NODE = (2).to_bytes(4, "big")
FDT_END = (9).to_bytes(4, "big")


# fuzz_zones: (vmalloc= MiB or 0, [(start address, pages, flags), ...]); flags bit 0 = first
# half NOMAP, bit 1 = added again half-way (overlapping). vexpress RAM starts at 0x80000000.
ZONE_SEEDS = [
    (0, [(0x80000000, 0x40000, 0)]),                       # 1 GiB, the default
    (0, [(0x80000000, 0x10000, 0)]),                       # 256 MiB: all lowmem
    (0, [(0x80000000, 0x80000, 0)]),                       # 2 GiB: highmem in every split
    (0, [(0x80000000, 0x300000, 0)]),                      # 12 GiB: past 4 GiB
    (0, [(0x80000000, 0x8000, 0), (0x90000000, 0x30000, 0)]),  # two banks, a hole
    (0, [(0x80000000, 0x20000, 1), (0xc0000000, 0x20000, 0)]),  # NOMAP at the start
    (512, [(0x80000000, 0x40000, 0)]),                     # vmalloc=512M
    (8, [(0x80000000, 0x80000, 0)]),                       # vmalloc smaller than allowed
    (4000, [(0x80000000, 0x40000, 0)]),                    # vmalloc larger than allowed
    (0, [(0x70000000, 0x20000, 0)]),                       # half below PHYS_OFFSET
    (0, [(0x40000000, 0x10000, 0)]),                       # all below PHYS_OFFSET
    (0, [(0x80000000, 0x40000, 2)]),                       # overlapping adds
    (0, [(0xfffff000, 0x10, 0)]),                          # across 4 GiB
    (0, [(0x1000000000, 0x1000, 0), (0x80000000, 0x1000, 0)]),  # beyond 36 bits, then a little
    (0, [(0x80000000, 1, 0), (0x80002000, 1, 0), (0x80004000, 1, 1)]),  # single pages
    (0, [(0x80000801, 1, 0), (0x80100000, 0x1000, 0)]),   # off a page boundary
    (0, [(0xfffffffffffff001, 1, 0), (0x80000000, 0x1000, 0)]),  # rounding up wraps
    # found by fuzzing: no RAM below the lowmem limit at all (LPAE, 2G split)
    (0, [(0xfffff00000, 0x1000, 0)]),
]
ZONES_OUT = os.path.join(HERE, "corpus", "zones")


def zone_seed(vmalloc_mib, banks):
    data = bytes([len(banks) - 1]) + vmalloc_mib.to_bytes(2, "little")
    for start, pages, flags in banks:
        data += start.to_bytes(8, "little") + pages.to_bytes(4, "little") + bytes([flags | 4])
    return data


def main():
    os.makedirs(ZONES_OUT, exist_ok=True)
    for vmalloc_mib, banks in ZONE_SEEDS:
        data = zone_seed(vmalloc_mib, banks)
        with open(os.path.join(ZONES_OUT, hashlib.sha1(data).hexdigest()), "wb") as f:
            f.write(data)
    os.makedirs(OUT, exist_ok=True)
    for dts in DTS:
        dtb = compile_dts(dts)
        for cmd in CMDLINES:
            write_early_seed(cmd, dtb)
    for dts, cmd in PAIRS:
        write_early_seed(cmd, compile_dts(dts) if dts else b"")
    for text in FULL_ARRAY_TREES:
        write_early_seed("", compile_dts_text(text))
    # The board's tree with its root node closed by FDT_END: the end inside a node.
    dtb = compile_dts(DTS[0])
    off = int.from_bytes(dtb[8:12], "big") + int.from_bytes(dtb[36:40], "big") - 8
    assert dtb[off:off + 8] == FDT_END_NODE + FDT_END
    write_early_seed("", dtb[:off] + FDT_END + FDT_END + dtb[off + 8:])


def compile_dts(dts):
    return subprocess.run(["dtc", "-q", "-I", "dts", "-O", "dtb", dts], check=True,
                          capture_output=True).stdout


def compile_dts_text(text):
    return subprocess.run(["dtc", "-q", "-I", "dts", "-O", "dtb", "-"], check=True, input=text.encode(),
                          capture_output=True).stdout


def write_early_seed(cmd, dtb):
    raw = cmd.encode()
    data = len(raw).to_bytes(2, "little") + raw + dtb
    with open(os.path.join(OUT, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main()
