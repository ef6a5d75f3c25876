"""Debian's armhf kernel, the reference the comparisons boot.

tools/fetch-linux pins the package and its version and fails, saying what
to do, when apt cannot get that version; fetch() asks it for a flavour.
Every comparison prints Kernel.name, so a result says what it was
compared with.
"""
import subprocess
from dataclasses import dataclass

from armv7mm import tool

# The QEMU machine both kernels boot on (tools/run builds the same command for this kernel).
QEMU_MACHINE = ["-M", "vexpress-a15", "-cpu", "cortex-a15", "-display", "none",
                "-monitor", "none", "-serial", "stdio", "-no-reboot",
                "-audiodev", "none,id=snd0", "-global", "pl041.audiodev=snd0"]


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


def qemu_command(kernel, mem, dtb=None, append="", extra=()):
    """The QEMU command that boots a Debian kernel on the machine tools/run uses."""
    return (["qemu-system-arm"] + QEMU_MACHINE + ["-m", str(mem), "-kernel", kernel.vmlinuz,
                                                  "-dtb", dtb or kernel.dtb, "-append", append]
            + list(extra))
