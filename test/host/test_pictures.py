"""Tests of the pictures (tools/armv7mm/pictures.py) drawn from the recorded
boots in test/data/pictures/: no two labels overlap, every region has its
hover title in the SVG, and the committed pictures in docs/images/ are the
ones those logs draw (the SVG byte for byte, the PNG by the source and
digest in its metadata).

Needs matplotlib: run with /usr/bin/python3 from tools/ (ctest host.pictures does).
"""
import os
import re
import unittest

from armv7mm import TOP, pictures, translation
from armv7mm.bootlog import BootLog

DATA = os.path.join("test", "data", "pictures")
# (recorded boots, picture, committed image without extension, drawing function)
PICTURES = [("formats", "structure", "docs/images/compare-classic-lpae", pictures.structure_figure),
            ("splits", "splits", "docs/images/compare-splits", pictures.splits_figure)]


def boots(which):
    recorded, digest = pictures.read_recorded(os.path.join(TOP, DATA, which))
    return [(label, BootLog(lines)) for label, _, lines in recorded], digest


class Pictures(unittest.TestCase):
    def test_no_labels_overlap(self):
        for which, _, _, figure in PICTURES:
            with self.subTest(which):
                pic = figure(boots(which)[0])
                self.assertGreater(len(pic.labels), 10)
                self.assertEqual(pictures.label_overlaps(pic), [])

    def test_every_region_has_its_title(self):
        for which, _, _, figure in PICTURES:
            logs = boots(which)[0]
            svg = pictures.svg_text(figure(logs))
            titles = re.findall(r"<title>(.*?)</title>", svg)
            for label, log in logs:
                for name, area in log.layout.items():
                    if name.startswith("."):
                        continue
                    with self.subTest(which=which, boot=label, area=name):
                        want = f"{name}: 0x{area.start:08x}-0x{area.end - 1:08x} ({pictures.human(area.size)})"
                        self.assertTrue(any(t.startswith(want) for t in titles), want)
                if which != "formats":
                    continue
                for run in translation.entry_runs(log):
                    with self.subTest(which=which, boot=label, run=hex(run.start)):
                        want = f"0x{run.start:08x}-0x{run.end - 1:08x} ({pictures.human(run.size)}): "
                        want += ("unmapped" if run.kind == "unmapped" else
                                 f"{run.entries} x {translation.ENTRY[run.kind][2]}, {run.descriptors} table entries")
                        self.assertTrue(any(t.startswith(want) for t in titles), want)

    def test_overlap_is_seen(self):
        """The overlap check on a picture made to overlap: two labels at one place."""
        pic = pictures.splits_figure(boots("splits")[0][:1])
        ax = pic.fig.axes[0]
        pic.text(ax, 1, 0, "first label")
        pic.text(ax, 1, 0, "second label")
        self.assertIn(("first label", "second label"), pictures.label_overlaps(pic))

    def test_committed_pictures_are_drawn_from_the_recorded_boots(self):
        for which, picture, image, figure in PICTURES:
            with self.subTest(which):
                logs, digest = boots(which)
                with open(os.path.join(TOP, image + ".svg")) as f:
                    committed = f.read()
                self.assertTrue(pictures.svg_text(figure(logs)) == committed,
                                f"{image}.svg is not what {DATA}/{which} draws: run the command of "
                                f"docs/testing.md (tools/compare --logs {DATA}/{which} ...)")
                source = pictures.png_text(os.path.join(TOP, image + ".png")).get("Source")
                self.assertEqual(source, pictures.source_text(f"{DATA}/{which}", picture, digest))


if __name__ == "__main__":
    unittest.main()
