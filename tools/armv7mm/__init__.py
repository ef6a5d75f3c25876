"""What the tools under tools/ share: the console, the boot log, the build.

  console   the console of a QEMU boot: timestamps off, tools/run as a call,
            a running QEMU read until a given line, Debian's kernel's QEMU command
  bootlog   a boot log read into named records (the version line, the
            Memory: line, the layout printout, memblock's dump, the zones,
            CMA, ptdump, bootstats and bench lines) and figures derived from them
  build     a build directory's facts, read from the build: .config,
            System.map, the size of a struct from the ELF's debug information
  debian    Debian's reference kernel, pinned by tools/fetch-linux
  expect    a command's exit status and output lines checked together
  ktap      the KTAP parser (in-kernel ktest results)
  translation  a boot's entry runs, table pages and physical reach (for the pictures)
  pictures  tools/compare's pictures, drawn from boot logs with matplotlib
  reserved  what the Memory: line's reserved figure is made of (tools/linux-compare)
  replay    Debian's kernel's instructions per phase: QEMU's record/replay count at
            gdb breakpoints (bench/run)
  samples   the docs' sample outputs: made from real boots, checked against new ones (tools/check-docs)

How scripts find the package, with no change to sys.path: every script
that imports it lives in tools/, beside this directory, and Python puts
the directory of the script it runs first on sys.path (after following
symbolic links). bench/run is a symbolic link to tools/bench for that
reason. The Python unit tests (test/host/test_*.py) run with
`python3 -m unittest` from tools/: -m puts the working directory first.
"""
import os

# The repository: the package sits in TOP/tools/armv7mm.
TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def tool(name):
    """The path of a tool in tools/ (tools/run, tools/fetch-linux...)."""
    return os.path.join(TOP, "tools", name)
