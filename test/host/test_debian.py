"""Unit tests for tools/armv7mm/debian.py: Debian's kernel boots on the same
QEMU command as this kernel, board by board.

tools/run builds this kernel's command; a stand-in qemu-system-arm early on
PATH writes down the arguments it is given, so the test compares the two
commands as QEMU would receive them: the same -M, -cpu, -smp and -m, and
every argument the board needs, on every board of machines.py. Debian's
command has the board's DTB from Debian's package, or none on virt; its
command line names the board's console and never earlycon.

Run from tools/: python3 -m unittest discover -s ../test/host -p 'test_debian.py'
"""
import os
import shutil
import subprocess
import tempfile
import unittest

from armv7mm import TOP, debian, machines

STAND_IN = """#!/bin/sh
for a in "$@"; do printf '%s\\n' "$a"; done > "$QEMU_ARGS"
"""

# The options whose value must be the same in both commands.
SAME_VALUE = ("-M", "-cpu", "-smp", "-m")


def option_values(argv):
    """{option: value} of SAME_VALUE in a QEMU command (-m without a unit suffix)."""
    values = {}
    for i, arg in enumerate(argv[:-1]):
        if arg in SAME_VALUE:
            values[arg] = argv[i + 1].removesuffix("M") if arg == "-m" else argv[i + 1]
    return values


def contains(argv, part):
    """Whether part appears in argv as consecutive arguments."""
    return any(argv[i:i + len(part)] == list(part) for i in range(len(argv) - len(part) + 1))


class SameCommand(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="test-debian.")
        bindir = os.path.join(self.tmp, "bin")
        os.mkdir(bindir)
        qemu = os.path.join(bindir, "qemu-system-arm")
        with open(qemu, "w") as f:
            f.write(STAND_IN)
        os.chmod(qemu, 0o755)
        self.env = dict(os.environ, PATH=bindir + os.pathsep + os.environ["PATH"],
                        QEMU_ARGS=os.path.join(self.tmp, "args"))
        # A build directory with an Image and every board's DTB, and a Debian package's files.
        self.build = os.path.join(self.tmp, "build")
        self.dtbs = os.path.join(self.tmp, "deb", "usr", "lib", "linux-image-6.1.0-50-armmp")
        os.makedirs(self.build)
        os.makedirs(self.dtbs)
        files = [os.path.join(self.build, "Image"), os.path.join(self.tmp, "vmlinuz")]
        files += [os.path.join(self.build, b.dts + ".dtb") for b in machines.BOARDS.values() if b.dts]
        files += [os.path.join(self.dtbs, b.debian_dtb) for b in machines.BOARDS.values() if b.debian_dtb]
        for path in files:
            open(path, "wb").close()
        self.kernel = debian.Kernel("armmp", "linux-image-6.1.0-50-armmp", "6.1.176-1",
                                    os.path.join(self.tmp, "vmlinuz"),
                                    os.path.join(self.dtbs, "vexpress-v2p-ca15-tc1.dtb"))

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def ours(self, machine, mem):
        subprocess.run([os.path.join(TOP, "tools", "run"), "--build-dir", self.build, "--machine", machine,
                        "--mem", str(mem)], env=self.env, check=True, stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL)
        with open(self.env["QEMU_ARGS"]) as f:
            return f.read().splitlines()

    def test_every_board(self):
        for name, board in machines.BOARDS.items():
            for machine in (name, name + ",highmem=on") if name == "virt" else (name,):
                with self.subTest(machine=machine):
                    ours = self.ours(machine, board.default_mem)
                    linux = debian.qemu_command(self.kernel, board.default_mem, append="x", machine=machine)
                    self.assertEqual(linux[0], "qemu-system-arm")
                    self.assertEqual(option_values(linux), option_values(ours))
                    self.assertEqual(set(option_values(linux)), set(SAME_VALUE))
                    self.assertEqual(option_values(linux)["-M"], machine)
                    if board.extra:
                        self.assertTrue(contains(ours, board.extra), ours)
                        self.assertTrue(contains(linux, board.extra), linux)
                    dtb = linux[linux.index("-dtb") + 1] if "-dtb" in linux else None
                    if board.debian_dtb:
                        self.assertEqual(dtb, os.path.join(self.dtbs, board.debian_dtb))
                    else:
                        self.assertIsNone(dtb)      # QEMU's own tree, as tools/run gives this kernel on virt
                        self.assertNotIn("-dtb", ours)

    def test_command_line(self):
        self.assertEqual(debian.linux_cmdline("orangepi-pc", "memblock=debug"),
                         "console=ttyS0 panic=-1 memblock=debug")
        self.assertEqual(debian.linux_cmdline("vexpress-a15"), "console=ttyAMA0 panic=-1")
        for name in machines.BOARDS:
            self.assertNotIn("earlycon", debian.linux_cmdline(name))

    def test_missing_dtb(self):
        os.unlink(os.path.join(self.dtbs, "bcm2836-rpi-2-b.dtb"))
        with self.assertRaises(debian.FetchError):
            debian.qemu_command(self.kernel, 1024, machine="raspi2b")


if __name__ == "__main__":
    unittest.main()
