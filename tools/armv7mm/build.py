"""The facts of a build directory, read from what the build wrote.

  Build(path).config         .config: {"CONFIG_...": value}
  Build(path).lpae, .highmem, .page_offset, .format
  Build(path).symbols()      System.map: {name: address}
  Build(path).struct_size(n) sizeof(struct n), from vmlinux's DWARF
  directory(name)            a preset's build directory (build/NAME), or NAME if it is a directory
"""
import os
import re
import subprocess
from functools import cached_property

from armv7mm import TOP

# binutils for the target: gcc-arm-none-eabi, which builds the kernel, depends on it.
READELF = "arm-none-eabi-readelf"


class BuildError(Exception):
    pass


def directory(name):
    """A preset's build directory, or name itself when it is a directory."""
    return name if os.path.isdir(name) else os.path.join(TOP, "build", name)


class Build:
    def __init__(self, path):
        self.dir = os.path.abspath(path)

    def file(self, name):
        path = os.path.join(self.dir, name)
        if not os.path.exists(path):
            raise BuildError(f"{path} not found: is {self.dir} a built kernel "
                             "(cmake --preset P && cmake --build --preset P)?")
        return path

    @cached_property
    def config(self):
        cfg = {}
        with open(self.file(".config")) as f:
            for line in f:
                m = re.match(r"^(CONFIG_\w+)=(.*)$", line.strip())
                if m:
                    cfg[m.group(1)] = m.group(2)
        return cfg

    @property
    def lpae(self):
        return self.config.get("CONFIG_ARM_LPAE") == "y"

    @property
    def highmem(self):
        return self.config.get("CONFIG_HIGHMEM") == "y"

    @property
    def page_offset(self):
        return int(self.config["CONFIG_PAGE_OFFSET"], 16)

    @property
    def format(self):
        """The descriptor format, named as the kernel's version line names it."""
        return "LPAE" if self.lpae else "classic"

    def symbols(self):
        syms = {}
        with open(self.file("System.map")) as f:
            for line in f:
                parts = line.split()
                if len(parts) == 3:
                    syms[parts[2]] = int(parts[0], 16)
        return syms

    def struct_size(self, name):
        """sizeof(struct name) as the compiler laid it out: DW_AT_byte_size of
        the file-scope DW_TAG_structure_type of that name in vmlinux (every
        compilation unit that uses it has a copy; they must agree)."""
        out = subprocess.run([READELF, "--debug-dump=info", "--dwarf-depth=2", self.file("vmlinux")],
                             check=True, capture_output=True, text=True).stdout
        sizes = set()
        die = None                  # the attributes of the depth-1 DIE being read
        for line in out.splitlines():
            m = re.match(r"^ <(\d+)><[0-9a-f]+>: Abbrev Number: \d+ \((\w+)\)", line)
            if m:
                die = {} if m.group(1) == "1" and m.group(2) == "DW_TAG_structure_type" else None
                continue
            m = re.match(r"^\s+<[0-9a-f]+>\s+(DW_AT_\w+)\s*: (.*)$", line)
            if m and die is not None:
                # A name held in .debug_str reads "(indirect string, offset: 0x2b3b): page".
                die[m.group(1)] = re.sub(r"^\((?:indirect|indexed) string[^)]*\): ", "", m.group(2)).strip()
                if die.get("DW_AT_name") == name and "DW_AT_byte_size" in die:
                    sizes.add(int(die["DW_AT_byte_size"], 0))
        if not sizes:
            raise BuildError(f"no struct {name} in {self.file('vmlinux')}'s debug information: configure with "
                             "-DCMAKE_BUILD_TYPE=RelWithDebInfo, as the presets do")
        if len(sizes) > 1:
            raise BuildError(f"struct {name} has several sizes in vmlinux's debug information: {sorted(sizes)}")
        return sizes.pop()

    @cached_property
    def struct_page_size(self):
        return self.struct_size("page")
