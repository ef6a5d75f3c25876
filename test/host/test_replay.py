"""Unit tests for tools/armv7mm/replay.py: the System.map lookup, the
monitor's `info replay` answer, and the pairing of gdb's stops with the
counts, on small fixtures.

The System.map lines are copied from Debian's
linux-image-6.1.0-50-armmp-dbg 6.1.176-1; the `info replay` lines have the
format of QEMU 7.2's hmp_info_replay, with counts from a real run of that
kernel at 1 GiB. Expected values are the fixtures' own numbers and
differences worked out by hand.

Run from tools/: python3 -m unittest discover -s ../test/host -p 'test_replay.py'
"""
import unittest

from armv7mm import replay

SYSTEM_MAP = """\
00000024 A cpu_ca15_suspend_size
c0d31fb0 T build_all_zonelists
c1200c28 T start_kernel
c1204bc8 T setup_arch
c1207608 T bootmem_init
c12077a8 T arm_memblock_init
c120781c T mem_init
c1208ccc T paging_init
c122b334 T kmem_cache_init
c1300000 D mem_init_done
c1400000 t mem_init_helper
""".splitlines(True)

RECORD = "Recording execution '/tmp/x/rr.bin': instruction count = {}"


class SystemMap(unittest.TestCase):
    def test_phase_functions(self):
        addrs = replay.read_system_map(SYSTEM_MAP, replay.PHASE_FUNCTIONS)
        self.assertEqual(addrs, {"start_kernel": 0xc1200c28, "setup_arch": 0xc1204bc8,
                                 "arm_memblock_init": 0xc12077a8, "paging_init": 0xc1208ccc,
                                 "bootmem_init": 0xc1207608, "mem_init": 0xc120781c,
                                 "kmem_cache_init": 0xc122b334})

    def test_static_text_counts(self):
        self.assertEqual(replay.read_system_map(SYSTEM_MAP, ["mem_init_helper"]), {"mem_init_helper": 0xc1400000})

    def test_data_symbol_is_not_a_function(self):
        with self.assertRaisesRegex(replay.ReplayError, "no text symbol mem_init_done"):
            replay.read_system_map(SYSTEM_MAP, ["mem_init", "mem_init_done"])

    def test_missing(self):
        with self.assertRaisesRegex(replay.ReplayError, "no text symbol free_area_init"):
            replay.read_system_map(SYSTEM_MAP, ["start_kernel", "free_area_init"])

    def test_placeholder_map(self):
        # The image package's System.map: one line saying where the real one is.
        placeholder = ["ffffffffffffffff B The real System.map is in the linux-image-<version>-dbg package\n"]
        with self.assertRaisesRegex(replay.ReplayError, "no text symbol start_kernel"):
            replay.read_system_map(placeholder, ["start_kernel"])

    def test_twice(self):
        with self.assertRaisesRegex(replay.ReplayError, "mem_init is defined twice"):
            replay.read_system_map(SYSTEM_MAP + ["c1500000 t mem_init\n"], ["mem_init"])


class InfoReplay(unittest.TestCase):
    def test_recording(self):
        self.assertEqual(replay.info_replay_count(RECORD.format(1987512861) + "\n"), 1987512861)

    def test_replaying(self):
        self.assertEqual(replay.info_replay_count("Replaying execution 'rr.bin': instruction count = 42"), 42)

    def test_not_active(self):
        with self.assertRaisesRegex(replay.ReplayError, "without record/replay"):
            replay.info_replay_count("Record/replay is not active\n")

    def test_garbage(self):
        with self.assertRaisesRegex(replay.ReplayError, "no instruction count"):
            replay.info_replay_count("unknown command: 'info replay'\n")


class Stops(unittest.TestCase):
    NAMES = {0xc1200c28: "start_kernel", 0xc1204bc8: "setup_arch", 0xc122b334: "kmem_cache_init"}

    def test_paired_in_order(self):
        stdout = ("Breakpoint 1, 0xc1200c28 in ?? ()\narmv7mm-stop pc=0xc1200c28\n"
                  "Breakpoint 2, 0xc1204bc8 in ?? ()\narmv7mm-stop pc=0xc1204bc8\n"
                  "armv7mm-stop pc=0xc122b334\n")
        stderr = "\n".join(RECORD.format(n) for n in (1987512861, 1987523667, 2073960812)) + "\n"
        counts = replay.stops(stdout, stderr, self.NAMES)
        self.assertEqual(counts, {"start_kernel": 1987512861, "setup_arch": 1987523667,
                                  "kmem_cache_init": 2073960812})
        spans = replay.spans(counts, [("start_kernel", "setup_arch"), ("start_kernel", "kmem_cache_init")])
        # 1987523667 - 1987512861 and 2073960812 - 1987512861
        self.assertEqual(spans, {("start_kernel", "setup_arch"): 10806,
                                 ("start_kernel", "kmem_cache_init"): 86447951})

    def test_answer_missing(self):
        stdout = "armv7mm-stop pc=0xc1200c28\narmv7mm-stop pc=0xc1204bc8\n"
        with self.assertRaisesRegex(replay.ReplayError, "stopped 2 times and the monitor answered 1 times"):
            replay.stops(stdout, RECORD.format(5), self.NAMES)

    def test_stop_elsewhere(self):
        with self.assertRaisesRegex(replay.ReplayError, "stopped at 0x80000000"):
            replay.stops("armv7mm-stop pc=0x80000000\n", RECORD.format(5), self.NAMES)

    def test_entered_twice(self):
        stdout = "armv7mm-stop pc=0xc1200c28\narmv7mm-stop pc=0xc1200c28\n"
        with self.assertRaisesRegex(replay.ReplayError, "start_kernel was entered twice"):
            replay.stops(stdout, RECORD.format(5) + "\n" + RECORD.format(6), self.NAMES)


class Script(unittest.TestCase):
    def test_one_stop_per_breakpoint(self):
        script = replay.gdb_script("/tmp/s", [0xc1200c28, 0xc122b334]).splitlines()
        self.assertIn("target remote /tmp/s", script)
        self.assertEqual([l for l in script if l.startswith("hbreak")], ["hbreak *0xc1200c28", "hbreak *0xc122b334"])
        self.assertEqual(script.count("continue"), 2)
        self.assertEqual(script.count("monitor info replay"), 2)
        # Every breakpoint is set before the first continue.
        self.assertLess(max(i for i, l in enumerate(script) if l.startswith("hbreak")), script.index("continue"))


if __name__ == "__main__":
    unittest.main()
