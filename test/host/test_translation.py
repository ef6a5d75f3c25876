"""Unit tests for tools/armv7mm/translation.py and the bootlog lines it reads:
the entry runs, table memory and physical reach of recorded boots.

The logs are recorded boots at 6 GiB (test/data/pictures/, written by
tools/compare --record); every expected figure is read off their ptdump,
layout and DT lines by hand and worked out here, e.g. classic's
"0xc1000000-0xf0000000 752M PGD ... SUPER" is 752/16 = 47 supersections of
16 table entries each.

Run from tools/: python3 -m unittest discover -s ../test/host -p 'test_*.py'
"""
import os
import unittest

from armv7mm import TOP, bootlog, console, translation
from armv7mm.bootlog import GIB, KIB, MIB

DATA = os.path.join(TOP, "test", "data", "pictures")


def recorded(which, name):
    with open(os.path.join(DATA, which, name)) as f:
        return bootlog.BootLog(console.console_lines(f.read()))


class Classic(unittest.TestCase):
    log = recorded("formats", "1-classic_6144M.log")

    def test_runs_cover_the_4_gib_in_order(self):
        runs = translation.entry_runs(self.log)
        self.assertEqual(runs[0].start, 0)
        self.assertEqual(runs[-1].end, 1 << 32)
        for a, b in zip(runs, runs[1:]):
            self.assertEqual(a.end, b.start)

    def test_lowmem_runs(self):
        runs = [r for r in translation.entry_runs(self.log) if 0xc0000000 <= r.start < 0xf0000000]
        self.assertEqual([(r.start, r.kind, r.entries, r.descriptors) for r in runs],
                         [(0xc0000000, "section", 1, 1), (0xc0100000, "section", 1, 1),
                          (0xc0200000, "section", 1, 1), (0xc0300000, "section", 13, 13),
                          (0xc1000000, "supersection", 47, 47 * 16)])
        self.assertEqual(translation.entries_by_kind(runs, 0xc0000000, 0xf0000000),
                         {"section": (16, 16), "supersection": (47, 752)})

    def test_small_pages_and_unmapped(self):
        runs = {r.start: r for r in translation.entry_runs(self.log)}
        self.assertEqual((runs[0xffff0000].kind, runs[0xffff0000].entries), ("page", 1))
        self.assertEqual((runs[0xfeb01000].kind, runs[0xfeb01000].entries), ("page", 2))
        self.assertEqual((runs[0].kind, runs[0].end, runs[0].entries), ("unmapped", 0xc0000000, 0))

    def test_table_memory(self):
        self.assertEqual(self.log.pte_summary, (4, 2048, 2 * MIB))
        t = translation.table_memory(self.log)
        self.assertEqual([(x.level, x.tables, x.bytes) for x in t],
                         [("PGD", 1, 16 * KIB), ("PMD", 0, 0), ("PTE", 4, 4 * 4 * KIB)])
        self.assertEqual(t[2].entries * t[2].entry_bytes, 4 * KIB)     # 1024 entries of 4 B: one page

    def test_reach_ignores_ram_above_4_gib(self):
        self.assertEqual(self.log.dt_memory, [(0x80000000, 0x200000000)])
        self.assertEqual(self.log.ignored, [(0x100000000, 0x200000000)])
        r = translation.physical_reach(self.log)
        self.assertEqual(r.lowmem, (0x80000000, 0xb0000000))
        # memblock keeps up to the last byte below 4 GiB (0xfffffffe inclusive, as Linux's).
        self.assertEqual(r.highmem, [(0xb0000000, 0xffffffff)])
        self.assertEqual(r.ram_bytes, 6 * GIB)
        self.assertEqual(r.kept_bytes, 2 * GIB - 1)


class Lpae(unittest.TestCase):
    log = recorded("formats", "2-lpae_6144M.log")

    def test_lowmem_runs(self):
        runs = [r for r in translation.entry_runs(self.log) if 0xc0000000 <= r.start < 0xf0000000]
        self.assertEqual([(r.start, r.kind, r.entries, r.descriptors) for r in runs],
                         [(0xc0000000, "block", 1, 1), (0xc0200000, "block", 1, 1),
                          (0xc0400000, "block", 1, 1), (0xc0600000, "block", 13, 13),
                          (0xc2000000, "contiguous", 736 // 32, 736 // 2)])

    def test_table_memory(self):
        t = translation.table_memory(self.log)
        # 4 PGD entries of 1 GiB in a page, 2048 PMD entries of 8 B in 4 pages, 4 PTE pages.
        self.assertEqual([(x.level, x.tables, x.entries, x.bytes) for x in t],
                         [("PGD", 1, 4, 4 * KIB), ("PMD", 4, 512, 16 * KIB), ("PTE", 4, 512, 16 * KIB)])

    def test_reach_makes_ram_above_4_gib_highmem(self):
        self.assertEqual(self.log.ignored, [])
        r = translation.physical_reach(self.log)
        self.assertEqual(r.highmem, [(0xb0000000, 0x200000000)])
        self.assertEqual(r.kept_bytes, 6 * GIB)


class Splits(unittest.TestCase):
    def test_one_g_split_maps_cma_with_pages(self):
        log = recorded("splits", "4-classic-1g_6144M.log")
        self.assertEqual(log.version.page_offset, 0x40000000)
        # "cma: Reserved 16 MiB at 0xfe800000", lowmem from 0x80000000 at 0x40000000: 0xbe800000.
        runs = {r.start: r for r in translation.entry_runs(log)}
        self.assertEqual((runs[0xbe800000].kind, runs[0xbe800000].entries), ("page", 16 * MIB // (4 * KIB)))
        self.assertEqual(translation.table_memory(log)[2].tables, 12)   # 4 + 16 MiB / 2 MiB
        self.assertEqual(translation.physical_reach(log).highmem, [])


class Lines(unittest.TestCase):
    def test_ignored_lines(self):
        self.assertEqual(bootlog.ignored_line("OF: fdt: Ignoring memory range 0x100000000 - 0x200000000"),
                         (0x100000000, 0x200000000))
        self.assertEqual(bootlog.ignored_line("OF: fdt: Ignoring memory block 0x0 - 0x1000"), (0, 0x1000))
        self.assertEqual(bootlog.ignored_line("Ignoring RAM at 0xb0000000-0xc0000000"), (0xb0000000, 0xc0000000))
        self.assertIsNone(bootlog.ignored_line("Consider using a HIGHMEM enabled kernel."))

    def test_summary_and_dt_lines(self):
        self.assertEqual(bootlog.pte_summary_line("ptdump: 12 PTE tables in use for 2048 PMD entries of 2048 KiB"),
                         (12, 2048, 2 * MIB))
        self.assertEqual(bootlog.dt_memory_line("OF: fdt:  - 80000000, 180000000"), (0x80000000, 0x200000000))
        self.assertIsNone(bootlog.dt_memory_line("OF: fdt: memory scan node memory@80000000, reg size 16,"))


if __name__ == "__main__":
    unittest.main()
