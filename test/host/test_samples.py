"""Unit tests for tools/armv7mm/samples.py: the docs' sample outputs, their
markers, the filters that pick their lines, and the drift rules that say
when a sample no longer stands for a new boot.

The lines are a classic boot's at 1 GiB, copied from the console; the
figures the rules must accept or refuse are worked out here from each
rule's stated bound (25% of a size, 64K of a figure holding the image, 10%
of an instruction count).

Run from tools/: python3 -m unittest discover -s ../test/host -p 'test_samples.py'
"""
import unittest

from armv7mm import samples

MEMORY = ("Memory: 1020748K/1048576K available (113K kernel code, 8K rwdata, 29K rodata, 1024K init, "
          "64K bss, 11444K reserved, 16384K cma-reserved, 245760K highmem)")
TEXT = "      .text : 0xc0010000 - 0xc011c784   (1074 kB)"
INIT = "      .init : 0xc0300000 - 0xc0400000   (1024 kB)"

PAGE = """\
# A page

<!-- sample: tools/run --append 'memblock=debug x' | lines '/^Zone ranges:/+2' ... /^Memory:/ -->
    Zone ranges:
      Normal   [mem 0x0000000080000000-0x00000000afffffff]
      HighMem  [mem 0x00000000b0000000-0x00000000bfffffff]
    ...
    {memory}
<!-- /sample -->

Between.

<!-- sample: bench/run --presets lpae | drop /fragmented/ -->
```
== lpae
```
<!-- /sample -->
""".format(memory=MEMORY)

CONSOLE = ["Booting Linux on physical CPU 0x0", "Zone ranges:",
           "  Normal   [mem 0x0000000080000000-0x00000000afffffff]",
           "  HighMem  [mem 0x00000000b0000000-0x00000000bfffffff]",
           "Movable zone start for each node", MEMORY, "Virtual kernel memory layout:",
           "    vector  : 0xffff0000 - 0xffff1000   (   4 kB)", "reboot: Power down"]


def with_(line, old, new):
    assert old in line, (old, line)
    return line.replace(old, new, 1)


class Markers(unittest.TestCase):
    def test_a_page_read_into_samples(self):
        indented, fenced = samples.read_samples("p.md", PAGE)
        self.assertEqual(indented.command, ["tools/run", "--append", "memblock=debug x"])
        self.assertEqual(indented.filters, [["lines", "/^Zone ranges:/+2", "...", "/^Memory:/"]])
        self.assertEqual(indented.block[0], "Zone ranges:")
        self.assertEqual(indented.block[-1], MEMORY)
        self.assertEqual((indented.line, indented.preset, indented.fenced), (3, "classic", False))
        self.assertEqual(fenced.block, ["== lpae"])
        self.assertEqual((fenced.preset, fenced.fenced), ("lpae", True))

    def test_rewrite_keeps_the_rest_of_the_page(self):
        indented, fenced = samples.read_samples("p.md", PAGE)
        text = samples.rewrite(PAGE, fenced, ["== lpae (new)", "", "\tx"])
        text = samples.rewrite(text, indented, ["one", "two"])
        again = samples.read_samples("p.md", text)
        self.assertEqual(again[0].block, ["one", "two"])
        self.assertEqual(again[1].block, ["== lpae (new)", "", "\tx"])
        self.assertEqual(text.replace("    one\n    two\n", "").count("Between."), 1)
        self.assertTrue(text.startswith("# A page\n\n<!-- sample: tools/run"))

    def test_malformed_markers(self):
        cases = {
            "<!-- sample: tools/run -->\n    x\n": "not closed",
            "<!-- /sample -->\n": "without a sample",
            "<!-- sample: tools/run -->\n<!-- sample: tools/run -->\n<!-- /sample -->\n": "inside a sample",
            "<!-- sample: tools/run -->\nnot indented\n<!-- /sample -->\n": "indented",
            "<!-- sample: cat /etc/passwd -->\n    x\n<!-- /sample -->\n": "a sample runs one of",
            "<!-- sample: tools/run | grep x -->\n    x\n<!-- /sample -->\n": "unknown filter",
            "<!-- sample: tools/run | lines ^x -->\n    x\n<!-- /sample -->\n": "malformed pick",
            "<!-- sample: tools/run | lines /(/ -->\n    x\n<!-- /sample -->\n": "pick",
        }
        for text, message in cases.items():
            with self.subTest(text=text):
                with self.assertRaisesRegex(samples.SampleError, message):
                    samples.read_samples("p.md", text)


class Filters(unittest.TestCase):
    def test_picks(self):
        got = samples.pick_lines(CONSOLE, ["/^Zone ranges:/+2", "...", "/^Memory:/", "/^Virtual/../vector/"])
        self.assertEqual(got, CONSOLE[1:4] + ["..."] + CONSOLE[5:8])

    def test_picks_search_on_from_the_last(self):
        with self.assertRaisesRegex(samples.SampleError, "no line matches"):
            samples.pick_lines(CONSOLE, ["/^Memory:/", "/^Zone ranges:/"])
        with self.assertRaisesRegex(samples.SampleError, "ends before"):
            samples.pick_lines(CONSOLE, ["/^reboot/+1"])
        with self.assertRaisesRegex(samples.SampleError, "matches the end"):
            samples.pick_lines(CONSOLE, ["/^Booting/../^nothing/"])

    def test_drop(self):
        self.assertEqual(samples.drop_lines(CONSOLE, ["/zone/", "/^  /"]),
                         [CONSOLE[0], CONSOLE[1], MEMORY, CONSOLE[6], CONSOLE[8]])


class Drift(unittest.TestCase):
    def differs(self, doc, new, tool="tools/run"):
        return samples.line_differences(doc, new, tool)

    def test_a_line_no_rule_covers_must_be_the_same(self):
        line = "  Normal zone: 1536 pages used for memmap"
        self.assertEqual(self.differs(line, line), [])
        self.assertTrue(self.differs(line, with_(line, "1536", "1537")))
        self.assertTrue(self.differs(line, line + " "))

    def test_memory_line_image_sizes_within_a_quarter(self):
        # kernel code 113K now: a sample may say 85..141K (25%), not 84K or 142K.
        self.assertEqual(self.differs(with_(MEMORY, "113K kernel", "85K kernel"), MEMORY), [])
        self.assertEqual(self.differs(with_(MEMORY, "113K kernel", "141K kernel"), MEMORY), [])
        self.assertTrue(self.differs(with_(MEMORY, "113K kernel", "84K kernel"), MEMORY))
        self.assertTrue(self.differs(with_(MEMORY, "113K kernel", "142K kernel"), MEMORY))
        # rwdata 8K: at least 8K either way.
        self.assertEqual(self.differs(with_(MEMORY, "8K rwdata", "16K rwdata"), MEMORY), [])
        self.assertTrue(self.differs(with_(MEMORY, "8K rwdata", "17K rwdata"), MEMORY))

    def test_memory_line_reserved_and_available_within_64k(self):
        self.assertEqual(self.differs(with_(MEMORY, "11444K reserved", "11508K reserved"), MEMORY), [])
        self.assertTrue(self.differs(with_(MEMORY, "11444K reserved", "11509K reserved"), MEMORY))
        self.assertEqual(self.differs(with_(MEMORY, "1020748K/", "1020684K/"), MEMORY), [])
        self.assertTrue(self.differs(with_(MEMORY, "1020748K/", "1020683K/"), MEMORY))
        # The mem_map of a hole given back (1152K): far beyond what the image moves.
        self.assertTrue(self.differs(with_(MEMORY, "11444K reserved", "10292K reserved"), MEMORY))

    def test_memory_line_other_figures_exact(self):
        for old, new in (("/1048576K", "/1048572K"), ("1024K init", "1020K init"),
                         ("16384K cma", "16380K cma"), ("245760K highmem", "245756K highmem")):
            with self.subTest(new=new):
                self.assertTrue(self.differs(with_(MEMORY, old, new), MEMORY))

    def test_layout_sections(self):
        moved = "      .text : 0xc0010000 - 0xc0120000   (1088 kB)"
        self.assertEqual(self.differs(moved, TEXT), [])
        self.assertTrue(self.differs("      .text : 0xc0010000 - 0xc0120000   (  76 kB)", TEXT))
        self.assertTrue(self.differs(with_(INIT, "0xc0300000", "0xc0200000"), INIT))
        self.assertTrue(self.differs(TEXT.replace(".text", ".data"), TEXT))

    def test_symbol_offsets_free_names_not(self):
        line = ("memblock_alloc_try_nid: 4096 bytes align=0x1000 nid=-1 from=0x00000000 max_addr=0x00000000 "
                "early_alloc+0x2c/0x68")
        self.assertEqual(self.differs(with_(line, "+0x2c/0x68", "+0x30/0x70"), line), [])
        self.assertTrue(self.differs(with_(line, "early_alloc+", "late_alloc+"), line))
        self.assertTrue(self.differs(with_(line, "4096 bytes", "8192 bytes"), line))

    def test_the_image_reservation_but_not_others(self):
        image = "memblock_reserve: [0x80100000-0x8041700f] arm_memblock_init+0x40/0xa0"
        self.assertEqual(self.differs(with_(image, "0x8041700f", "0x8042100f"), image), [])
        self.assertTrue(self.differs(with_(image, "0x80100000", "0x80200000"), image))
        cma = "memblock_reserve: [0xbf000000-0xbfffffff] memblock_alloc_range_nid+0x78/0xa0"
        self.assertTrue(self.differs(with_(cma, "0xbfffffff", "0xbffffffe"), cma))
        pgdir = "memblock_reserve: [0x8000c000-0x8000ffff] arm_memblock_init+0x58/0xa0"
        self.assertTrue(self.differs(with_(pgdir, "0x8000ffff", "0x80010fff"), pgdir))
        region = " reserved[0x1]\t[0x80100000-0x8041700f], 0x00317010 bytes flags: 0x0"
        self.assertEqual(self.differs(with_(with_(region, "0x8041700f", "0x8041900f"), "0x00317010", "0x00319010"),
                                      region), [])
        self.assertTrue(self.differs(with_(region, "0x00317010", "0x00337010"), region))
        dtb = " reserved[0x2]\t[0x88000000-0x88006469], 0x0000646a bytes flags: 0x0"
        self.assertTrue(self.differs(with_(with_(dtb, "0x88006469", "0x88006569"), "0x0000646a", "0x0000656a"), dtb))
        size = " memory size = 0x40000000 reserved size = 0x0132147a"
        self.assertEqual(self.differs(with_(size, "0x0132147a", "0x0131147a"), size), [])
        self.assertTrue(self.differs(with_(size, "0x0132147a", "0x0121147a"), size))
        self.assertTrue(self.differs(with_(size, "0x40000000", "0x3ff00000"), size))

    def test_bench_counts_within_a_tenth_budgets_exact(self):
        phase = "  paging_init                            1294089     4069211     8002283"
        self.assertEqual(self.differs(with_(phase, "4069211", "4400000"), phase, "bench/run"), [])
        self.assertTrue(self.differs(with_(phase, "4069211", "4500000"), phase, "bench/run"))
        # The same line from a boot (tools/run) has no such freedom.
        self.assertTrue(self.differs(with_(phase, "4069211", "4400000"), phase))
        pair = "  alloc_pages+__free_pages steady order  0                    218   budget <= 150: NOT met"
        self.assertEqual(self.differs(with_(pair, "218", "230"), pair, "bench/run"), [])
        self.assertTrue(self.differs(with_(pair, "218", "250"), pair, "bench/run"))
        self.assertTrue(self.differs(with_(pair, "NOT met", "met"), pair, "bench/run"))
        self.assertTrue(self.differs(with_(pair, "order  0", "order  1"), pair, "bench/run"))
        ram = "  RAM the kernel has (MiB)                   256        1024        2047"
        self.assertTrue(self.differs(with_(ram, "2047", "2048"), ram, "bench/run"))

    def test_bench_kept_line(self):
        kept = ("  kept by the kernel at 1 GiB: 11444K reserved = image 1238K + mem_map 8192K (32-byte struct page)"
                " + page tables 32K + 1982K more (the image's section padding, the DTB, swapper_pg_dir, vectors,"
                " stack); 16384K cma")
        self.assertEqual(self.differs(with_(with_(kept, "11444K", "11460K"), "1238K", "1254K"), kept, "bench/run"), [])
        self.assertTrue(self.differs(with_(kept, "mem_map 8192K", "mem_map 9216K"), kept, "bench/run"))
        self.assertTrue(self.differs(with_(kept, "tables 32K", "tables 36K"), kept, "bench/run"))

    def test_differences_counts_lines(self):
        self.assertEqual(samples.differences(["a", "b"], ["a", "b"]), [])
        self.assertEqual(len(samples.differences(["a"], ["a", "b"])), 1)
        self.assertEqual(len(samples.differences(["a", "b", "c"], ["a", "b"])), 1)


class Consistent(unittest.TestCase):
    def test_a_boot_adds_up(self):
        self.assertEqual(samples.consistent([MEMORY, TEXT, INIT, "    vmalloc : 0xf0800000 - 0xff800000   ( 240 MB)"]), [])

    def test_a_figure_edited_by_hand(self):
        self.assertTrue(samples.consistent([with_(MEMORY, "11444K reserved", "11440K reserved")]))
        self.assertTrue(samples.consistent([with_(TEXT, "1074 kB", "1073 kB")]))
        self.assertTrue(samples.consistent(["    vmalloc : 0xf0800000 - 0xff800000   ( 241 MB)"]))


if __name__ == "__main__":
    unittest.main()
