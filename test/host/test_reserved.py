"""Unit tests for tools/armv7mm/reserved.py: the reserved figure of a Memory:
line, accounted page by page from the boot's memblock=debug lines.

The logs are recorded boots with two banks and a hole between them
(mem=512M@0x80000000 mem=384M@0xa8000000 cma=0 on 1 GiB, Debian's DTB):
Debian's 6.1.0-50 armmp and armmp-lpae kernels (test/data/linux/) and this
kernel's classic and LPAE builds (test/data/ours/). The expected figures
are worked out by hand from the lines the comments quote.

Run from tools/: python3 -m unittest discover -s ../test/host -p 'test_reserved.py'
"""
import os
import unittest

from armv7mm import console, reserved

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")
MAX_ORDER_NR_PAGES = 1 << 11      # MAX_ORDER 12, Debian's and ours
NODE_FRAMES = (1 << 30) // 4096   # 0x80000000-0xbfffffff, already 8 MiB aligned
HOLE_FRAMES = (128 << 20) // 4096  # 0xa0000000-0xa7ffffff


def lines(name):
    with open(os.path.join(DATA, name)) as f:
        return console.console_lines(f.read())


def account(name, **kw):
    return reserved.account(lines(name), MAX_ORDER_NR_PAGES, **kw)


class LinuxTwoBanks(unittest.TestCase):
    def test_armmp(self):
        a = account("linux/6.1.0-50-armmp-2banks-cma0.log")
        # "Memory: ... 28592K reserved, 0K cma-reserved ..."
        self.assertEqual(a.reserved_k, 28592)
        self.assertEqual(a.unexplained_k, 0)
        # mem_map: 9437184 bytes for 262144 frames; the hole's 32768 struct
        # pages (1179648 bytes) given back by memblock_free_all.
        self.assertEqual(a.struct_page, 9437184 // NODE_FRAMES)
        self.assertEqual(a.struct_page, 36)
        self.assertEqual(a.mem_map_freed_frames, HOLE_FRAMES)
        self.assertEqual(a.mem_map_frames, NODE_FRAMES - HOLE_FRAMES)
        self.assertEqual(a.mem_map_k, (9437184 - 1179648) // 1024)
        # The image: [0x80300000-0x81607587] (4872 pages) and swapper_pg_dir [0x80204000-0x80207fff].
        self.assertEqual(a.image_k, (0x81608000 - 0x80300000) // 1024 + 16)
        # The machine's: the DTB, [0x88000000-0x8800b3df]: 12 pages.
        self.assertEqual(a.machine_k, 12 * 4)
        self.assertEqual(a.available_net_k, 917504 - 48)

    def test_armmp_lpae_same_net_figures(self):
        a = account("linux/6.1.0-50-armmp-lpae-2banks-cma0.log")
        self.assertEqual(a.unexplained_k, 0)
        self.assertEqual(a.struct_page, 36)
        self.assertEqual(a.mem_map_frames, NODE_FRAMES - HOLE_FRAMES)
        self.assertEqual(a.machine_k, 48)

    def test_a_log_that_leaves_out_the_memmap_free_does_not_add_up(self):
        text = [l for l in lines("linux/6.1.0-50-armmp-2banks-cma0.log")
                if not (l.startswith("memblock_phys_free:") and "memblock_free_all" in l)]
        a = reserved.account(text, MAX_ORDER_NR_PAGES)
        self.assertEqual(a.mem_map_frames, NODE_FRAMES)
        self.assertEqual(a.unexplained_k, -1179648 // 1024)


class OursTwoBanks(unittest.TestCase):
    def check(self, name):
        a = account(name)
        self.assertEqual(a.unexplained_k, 0)
        # 32-byte struct pages: 8 MiB of mem_map, of which the hole's 1 MiB went back.
        self.assertEqual(a.struct_page, 32)
        self.assertEqual(a.mem_map_k, 8192 - 1024)
        self.assertEqual(a.mem_map_frames, NODE_FRAMES - HOLE_FRAMES)
        self.assertEqual(a.machine_k, 48)
        return a

    def test_classic(self):
        self.check("ours/classic-2banks-cma0.log")

    def test_lpae(self):
        self.check("ours/lpae-2banks-cma0.log")

    def test_net_figures_match_linux(self):
        for ours, linux in (("ours/classic-2banks-cma0.log", "linux/6.1.0-50-armmp-2banks-cma0.log"),
                            ("ours/lpae-2banks-cma0.log", "linux/6.1.0-50-armmp-lpae-2banks-cma0.log")):
            o, l = account(ours), account(linux)
            self.assertEqual(o.machine_k, l.machine_k)
            self.assertEqual(o.available_net_k, l.available_net_k)
            self.assertEqual(o.mem_map_frames, l.mem_map_frames)


class Refusals(unittest.TestCase):
    def test_no_memory_line(self):
        text = [l for l in lines("ours/classic-2banks-cma0.log") if not l.startswith("Memory:")]
        with self.assertRaises(ValueError):
            reserved.account(text, MAX_ORDER_NR_PAGES)


if __name__ == "__main__":
    unittest.main()
