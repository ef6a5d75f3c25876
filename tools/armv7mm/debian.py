"""Debian's armhf kernel, the reference the comparisons boot.

tools/fetch-linux pins the package and its version and fails, saying what
to do, when apt cannot get that version; fetch() asks it for a flavour.
Every comparison prints Kernel.name, so a result says what it was
compared with.
"""
import os
import subprocess
from dataclasses import dataclass

from armv7mm import machines, tool

# What every QEMU command of Debian's kernel has, whatever the board: no
# display or monitor, the first serial port on stdout, no reboot after a panic.
QEMU_QUIET = ["-display", "none", "-monitor", "none", "-serial", "stdio", "-no-reboot"]


class FetchError(Exception):
    pass


@dataclass(frozen=True)
class Kernel:
    flavour: str            # "armmp" or "armmp-lpae"
    package: str            # linux-image-6.1.0-50-armmp...
    version: str            # the Debian version of that package
    vmlinuz: str
    dtb: str                # its vexpress-v2p-ca15-tc1.dtb
    system_map: str = None
    config: str = None
    dbg_system_map: str = None  # from the -dbg package, when fetched (tools/fetch-linux --dbg)

    @property
    def name(self):
        return f"Debian's {self.package} {self.version}"

    @property
    def dtb_dir(self):
        """The package's directory of device trees (every board's)."""
        return os.path.dirname(self.dtb)


def flavour_for(build):
    """The flavour whose descriptor format a Build has."""
    return "armmp-lpae" if build.lpae else "armmp"


def fetch(flavour):
    """The pinned kernel of this flavour (tools/fetch-linux downloads it
    the first time). FetchError carries fetch-linux's explanation."""
    res = subprocess.run([tool("fetch-linux"), "--flavour", flavour], capture_output=True, text=True)
    if res.returncode != 0:
        raise FetchError(res.stderr.strip() or f"tools/fetch-linux --flavour {flavour}: status {res.returncode}")
    info = dict(line.split("=", 1) for line in res.stdout.splitlines() if "=" in line)
    missing = [k for k in ("package", "version", "vmlinuz", "dtb") if k not in info]
    if missing:
        raise FetchError(f"tools/fetch-linux gave no {', '.join(missing)} for {flavour}")
    return Kernel(flavour, info["package"], info["version"], info["vmlinuz"], info["dtb"],
                  info.get("system_map"), info.get("config"), info.get("dbg_system_map"))


def board_dtb(kernel, machine=machines.DEFAULT):
    """The DTB of Debian's package for a board (machines.Board.debian_dtb),
    or None where QEMU builds the board's device tree itself (virt)."""
    name = machines.board(machine).debian_dtb
    if name is None:
        return None
    path = os.path.join(kernel.dtb_dir, name)
    if not os.path.exists(path):
        raise FetchError(f"{kernel.package} has no {name} (looked in {kernel.dtb_dir})")
    return path


def linux_cmdline(machine=machines.DEFAULT, append=""):
    """Linux's command line on a board: its console, no reboot after a panic, then append.
    No earlycon: on these boards Linux 6.1's earlycon lives in the fixmap, and
    paging_init's early_fixmap_shutdown clears the fixmap's PMD before it maps
    the console again; with memblock=debug the allocation of that PTE table is
    printed through the unmapped console, the write faults before the vectors are
    mapped, and the boot hangs silently after the MEMBLOCK dump (raspi2b and
    orangepi-pc, whose DTBs name a stdout-path). Without it the boot's lines
    reach the serial port when the real console registers, all of them, later."""
    return f"console={machines.board(machine).linux_console} panic=-1 {append}".strip()


def qemu_version():
    """The first line of qemu-system-arm --version."""
    return subprocess.run(["qemu-system-arm", "--version"], check=True, capture_output=True,
                          text=True).stdout.splitlines()[0]


def qemu_dtb(machine, mem, path):
    """Writes to path the device tree QEMU builds for a board that has no DTB
    file (virt) with this much RAM, without its random /chosen seeds. QEMU
    writes it with the free space it builds it in (1 MiB in all): give it to
    a kernel only rewritten by dtc, as linux-compare's make_dtb does (Debian's
    armmp kernel on virt prints nothing with the 1 MiB tree)."""
    board = machines.board(machine)
    subprocess.run(["qemu-system-arm", "-M", f"{machine},dtb-randomness=off,dumpdtb={path}", "-cpu", board.cpu,
                    "-m", str(mem)] + QEMU_QUIET + list(board.extra),
                   check=True, capture_output=True, stdin=subprocess.DEVNULL)
    return path


def qemu_command(kernel, mem, dtb=None, append="", extra=(), machine=machines.DEFAULT, smp=None):
    """The QEMU command that boots a Debian kernel on a board of machines.py,
    with the -M, -cpu, -smp (by default the board's fewest CPUs) and board
    arguments tools/run gives this kernel there. Without dtb: the board's DTB
    from Debian's package (board_dtb), or on virt QEMU's own."""
    board = machines.board(machine)
    dtb = dtb or board_dtb(kernel, machine)
    return (["qemu-system-arm", "-M", machine, "-cpu", board.cpu, "-smp", str(smp or board.min_cpus)]
            + QEMU_QUIET + list(board.extra)
            + ["-m", str(mem), "-kernel", kernel.vmlinuz] + (["-dtb", dtb] if dtb else [])
            + ["-append", append] + list(extra))
