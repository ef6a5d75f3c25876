"""The console of a QEMU boot, this kernel's (through tools/run) or Debian's.

run() and boot() call tools/run and return its exit status and console;
read_until() reads a running QEMU until a given line and stops it there.
Lines are compared without printk's timestamp (console_lines).
"""
import os
import re
import selectors
import subprocess
import time
from dataclasses import dataclass

from armv7mm import tool

# printk's "[    0.004053] " before each line, printed by both kernels.
TIMESTAMP = re.compile(r"^\[\s*\d+\.\d+\] ?")


def strip_timestamp(line):
    return TIMESTAMP.sub("", line, count=1)


def console_lines(text):
    """The lines of a console capture, without carriage returns or timestamps."""
    lines = text.replace("\r", "").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [strip_timestamp(line) for line in lines]


@dataclass
class Run:
    """One run of tools/run: its exit status (the kernel's, 124 on a
    timeout) and everything it printed, QEMU's and its own messages too."""
    status: int
    text: str

    @property
    def lines(self):
        return console_lines(self.text)

    def tail(self, chars=2000):
        return self.text[-chars:]


def run(args):
    """tools/run with these arguments (see tools/run --help)."""
    proc = subprocess.run([tool("run")] + [str(a) for a in args], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    return Run(proc.returncode, proc.stdout.decode("utf-8", "replace"))


def boot(build_dir, mem=None, append=None, dtb=None, timeout=None, qemu_args=(), machine=None, smp=None):
    """Boots build_dir through tools/run; None leaves tools/run's default
    (machine: a --machine value of machines.py, QEMU's -M with its options)."""
    args = ["--build-dir", build_dir]
    for option, value in (("--machine", machine), ("--smp", smp), ("--mem", mem), ("--dtb", dtb), ("--timeout", timeout),
                          ("--append", append)):
        if value is not None:
            args += [option, value]
    if qemu_args:
        args += ["--"] + list(qemu_args)
    return run(args)


@dataclass
class Reading:
    """What read_until read: the raw lines (timestamps kept, carriage
    returns removed); the first line stop accepted, timestamp removed, and
    the seconds from the start to it (both None when QEMU ended or the time
    ran out first)."""
    lines: list
    match: str = None
    seconds: float = None


def read_until(cmd, stop, timeout):
    """Starts cmd (a QEMU command) and reads its console until stop(line)
    is true of a line (timestamp removed), then kills it."""
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    reading = Reading([])
    try:
        sel = selectors.DefaultSelector()
        sel.register(proc.stdout, selectors.EVENT_READ)
        buf = b""
        while time.monotonic() - t0 < timeout:
            if not sel.select(timeout=1):
                if proc.poll() is not None:
                    break
                continue
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                break
            buf += chunk
            *complete, buf = buf.split(b"\n")
            for raw in complete:
                line = raw.decode(errors="replace").rstrip("\r")
                reading.lines.append(line)
                if stop(strip_timestamp(line)):
                    reading.match, reading.seconds = strip_timestamp(line), time.monotonic() - t0
                    return reading
    finally:
        proc.kill()
        proc.wait()
    return reading
