"""The QEMU boards both kernels boot on: one table, read by tools/run (this
kernel) and by the Debian comparisons (debian.qemu_command).

Each Board names QEMU's -M machine, the CPU QEMU gives it by default, where
its RAM starts, the device trees (this project's under dts/, Debian's in the
linux-image package's /usr/lib/linux-image-*/), the console Linux's
command line names, and the QEMU arguments the board needs to start quietly.
A --machine value is QEMU's -M value with its options ("virt,highmem=on"):
board() looks the part before the first comma up.
"""
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Board:
    machine: str                # QEMU's -M name
    cpu: str                    # QEMU's -cpu for it (its own default CPU)
    ram_base: int               # physical address of the first byte of RAM
    default_mem: int            # MiB, when no --mem is given
    dts: str                    # this project's DTB (built from dts/<dts>.dts); None: QEMU builds one
    debian_dtb: str             # the DTB in Debian's package; None: QEMU builds one
    linux_console: str          # console= for Linux
    lpae_cpus: tuple = ()       # the -cpu values of this board that have LPAE
    fixed_mem: bool = False     # QEMU accepts only default_mem
    min_cpus: int = 1           # the fewest CPUs QEMU accepts for it (tools/run's default -smp)
    arm_mem: int = None         # MiB of RAM the ARM sees when QEMU keeps some (raspi: the VideoCore's)
    psci: bool = False          # QEMU answers PSCI calls and puts /psci in the tree it passes
    extra: tuple = field(default=())  # further QEMU arguments the board needs


# The PL041 audio codec of the Versatile Express motherboard wants a backend; give it a silent one.
_VEXPRESS_AUDIO = ("-audiodev", "none,id=snd0", "-global", "pl041.audiodev=snd0")

BOARDS = {
    "vexpress-a15": Board("vexpress-a15", "cortex-a15", 0x80000000, 1024, "vexpress-a15",
                          "vexpress-v2p-ca15-tc1.dtb", "ttyAMA0", ("cortex-a15", "cortex-a7"),
                          extra=_VEXPRESS_AUDIO),
    "vexpress-a9": Board("vexpress-a9", "cortex-a9", 0x60000000, 1024, "vexpress-a9",
                         "vexpress-v2p-ca9.dtb", "ttyAMA0", (), extra=_VEXPRESS_AUDIO),
    # -net none: virt's default network card wants a ROM file Debian's QEMU does not ship.
    "virt": Board("virt", "cortex-a15", 0x40000000, 1024, None, None, "ttyAMA0",
                  ("cortex-a15", "cortex-a7"), psci=True, extra=("-net", "none")),
    "raspi2b": Board("raspi2b", "cortex-a7", 0x00000000, 1024, "raspi2b", "bcm2836-rpi-2-b.dtb",
                     "ttyAMA0", ("cortex-a7",), fixed_mem=True, min_cpus=4, arm_mem=960),
    "orangepi-pc": Board("orangepi-pc", "cortex-a7", 0x40000000, 1024, "orangepi-pc",
                         "sun8i-h3-orangepi-pc.dtb", "ttyS0", ("cortex-a7",), fixed_mem=True, min_cpus=4,
                         psci=True),
    "midway": Board("midway", "cortex-a15", 0x00000000, 1024, "midway", "ecx-2000.dtb", "ttyAMA0",
                    ("cortex-a15",), psci=True),
}

DEFAULT = "vexpress-a15"


def board(machine):
    """The Board of a --machine value ("virt,highmem=on" -> virt)."""
    name = machine.split(",", 1)[0]
    if name not in BOARDS:
        raise KeyError(f"unknown machine {name!r}; known: {', '.join(sorted(BOARDS))}")
    return BOARDS[name]


def lpae_capable(machine):
    """Whether the board's CPU (QEMU's default for it) has LPAE."""
    b = board(machine)
    return b.cpu in b.lpae_cpus


def cmake_rows():
    """One line per board for test/boot/boards.cmake: name, CPU, whether it
    has LPAE, RAM base and size (MiB, as the ARM sees it), PSCI, separated by |."""
    for b in BOARDS.values():
        yield "|".join([b.machine, b.cpu, "1" if b.cpu in b.lpae_cpus else "0", str(b.ram_base >> 20),
                        str(b.arm_mem or b.default_mem), "1" if b.psci else "0"])


if __name__ == "__main__":
    print("\n".join(cmake_rows()))
