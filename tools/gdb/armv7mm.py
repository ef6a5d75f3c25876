"""gdb-multiarch commands for a stopped armv7mm kernel (either format).

    gdb-multiarch build/classic/vmlinux -ex 'target remote :1234' \\
        -ex 'source tools/gdb/armv7mm.py'

  mm-translate ADDR   walk swapper_pg_dir for a virtual address, level by level
  mm-layout           PAGE_OFFSET, PHYS_OFFSET, lowmem, vmalloc, format
  mm-memblock         memblock's memory and reserved regions
  mm-buddyinfo        free blocks per zone and order (/proc/buddyinfo)

The tables are read through the kernel's own linear map (lowmem), as the
kernel reads them: the script needs the kernel stopped after its MMU is on.
The format comes from the build (ptdump_section_level_name is "PMD" with
LPAE), PHYS_OFFSET from __pv_phys_offset, PAGE_OFFSET from _text.
"""
import gdb

TEXT_OFFSET = 0x10000


def sym(name):
    return int(gdb.parse_and_eval(f"(unsigned long)&{name}"))


def val(expr):
    return int(gdb.parse_and_eval(expr))


def read_u32(addr):
    return int.from_bytes(gdb.selected_inferior().read_memory(addr, 4).tobytes(), "little")


def read_u64(addr):
    return int.from_bytes(gdb.selected_inferior().read_memory(addr, 8).tobytes(), "little")


class Kernel:
    def __init__(self):
        name = gdb.selected_inferior().read_memory(sym("ptdump_section_level_name"), 3).tobytes()
        self.lpae = name == b"PMD"
        self.page_offset = sym("_text") - TEXT_OFFSET
        self.phys_offset = val("__pv_phys_offset")
        self.pgd = sym("swapper_pg_dir")

    def va(self, phys):
        """The linear-map address of a lowmem physical address."""
        return (phys - self.phys_offset + self.page_offset) & 0xFFFFFFFF

    def translate(self, addr, out):
        """Walk the tables; return the physical address, or None."""
        if self.lpae:
            pgd = read_u64(self.pgd + 8 * (addr >> 30))
            out(f"PGD[{addr >> 30}] @ 0x{self.pgd + 8 * (addr >> 30):08x} = 0x{pgd:016x}")
            if pgd & 3 != 3:
                out("  not a table: fault")
                return None
            pmd_addr = self.va(pgd & 0xFFFFFFF000) + 8 * ((addr >> 21) & 511)
            pmd = read_u64(pmd_addr)
            out(f"PMD[{(addr >> 21) & 511}] @ 0x{pmd_addr:08x} = 0x{pmd:016x}")
            if pmd & 3 == 1:
                phys = (pmd & 0xFFFFE00000) | (addr & 0x1FFFFF)
                out(f"  2 MiB block{' (contiguous hint)' if pmd >> 52 & 1 else ''}: PA 0x{phys:x}")
                return phys
            if pmd & 3 != 3:
                out("  invalid: fault")
                return None
            pte_addr = self.va(pmd & 0xFFFFFFF000) + 8 * ((addr >> 12) & 511)
            pte = read_u64(pte_addr)
            out(f"PTE[{(addr >> 12) & 511}] @ 0x{pte_addr:08x} = 0x{pte:016x}")
            if pte & 3 != 3:
                out("  invalid: fault")
                return None
            phys = (pte & 0xFFFFFFF000) | (addr & 0xFFF)
            out(f"  4 KiB page: PA 0x{phys:x}")
            return phys
        l1_addr = self.pgd + 4 * (addr >> 20)
        l1 = read_u32(l1_addr)
        out(f"L1[{addr >> 20}] @ 0x{l1_addr:08x} = 0x{l1:08x} (Linux pgd[{addr >> 21}])")
        kind = l1 & 3
        if kind == 2:
            if l1 & (1 << 18):
                # PA[31:24] in bits 31:24, PA[35:32] in 23:20, PA[39:36] in 8:5 (ARM ARM B3.5.1).
                phys = ((l1 & 0xFF000000) | ((l1 >> 20) & 0xF) << 32 | ((l1 >> 5) & 0xF) << 36
                        | (addr & 0xFFFFFF))
                out(f"  16 MiB supersection: PA 0x{phys:x}")
                return phys
            phys = (l1 & 0xFFF00000) | (addr & 0xFFFFF)
            out(f"  1 MiB section: PA 0x{phys:x}")
            return phys
        if kind != 1:
            out("  fault entry")
            return None
        l2_addr = self.va(l1 & 0xFFFFFC00) + 4 * ((addr >> 12) & 255)
        l2 = read_u32(l2_addr)
        linux = read_u32(l2_addr - 2048)
        out(f"L2[{(addr >> 12) & 255}] @ 0x{l2_addr:08x} = 0x{l2:08x} (Linux PTE 0x{linux:08x})")
        if l2 & 2 == 0:
            out("  fault entry")
            return None
        phys = (l2 & 0xFFFFF000) | (addr & 0xFFF)
        out(f"  4 KiB page: PA 0x{phys:x}")
        return phys


class Translate(gdb.Command):
    """mm-translate ADDR: walk swapper_pg_dir for ADDR."""

    def __init__(self):
        super().__init__("mm-translate", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        addr = int(gdb.parse_and_eval(arg)) & 0xFFFFFFFF
        k = Kernel()
        print(f"translate 0x{addr:08x} ({'LPAE' if k.lpae else 'classic'})")
        phys = k.translate(addr, print)
        print(f"result: 0x{addr:08x} -> " + ("fault" if phys is None else f"0x{phys:x}"))


class Layout(gdb.Command):
    """mm-layout: the address-space constants of the running kernel."""

    def __init__(self):
        super().__init__("mm-layout", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        k = Kernel()
        high = val("(unsigned long)high_memory")
        vstart = (high + (8 << 20)) & ~((8 << 20) - 1)
        print(f"format       {'LPAE' if k.lpae else 'classic'}")
        print(f"PAGE_OFFSET  0x{k.page_offset:08x}")
        print(f"PHYS_OFFSET  0x{k.phys_offset:x}")
        print(f"lowmem       0x{k.page_offset:08x} - 0x{high:08x}")
        print(f"vmalloc      0x{vstart:08x} - 0xff800000")
        print(f"swapper_pg_dir 0x{k.pgd:08x}")


class Memblock(gdb.Command):
    """mm-memblock: memblock's regions."""

    def __init__(self):
        super().__init__("mm-memblock", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        for kind in ("memory", "reserved"):
            cnt = val(f"memblock.{kind}.cnt")
            print(f"{kind}: {cnt} regions, 0x{val(f'memblock.{kind}.total_size'):x} bytes")
            for i in range(cnt):
                base = val(f"memblock.{kind}.regions[{i}].base")
                size = val(f"memblock.{kind}.regions[{i}].size")
                flags = val(f"memblock.{kind}.regions[{i}].flags")
                print(f"  [0x{base:x}-0x{base + size - 1:x}] 0x{size:x} bytes flags 0x{flags:x}")


class Buddyinfo(gdb.Command):
    """mm-buddyinfo: free blocks per zone and order."""

    def __init__(self):
        super().__init__("mm-buddyinfo", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        zones = int(gdb.parse_and_eval("sizeof(contig_page_data.node_zones) / sizeof(contig_page_data.node_zones[0])"))
        orders = int(gdb.parse_and_eval("sizeof(contig_page_data.node_zones[0].free_area) / sizeof(contig_page_data.node_zones[0].free_area[0])"))
        for z in range(zones):
            zone = f"contig_page_data.node_zones[{z}]"
            if not val(f"{zone}.present_pages"):
                continue
            name = gdb.parse_and_eval(f"{zone}.name").string()
            counts = " ".join(f"{val(f'{zone}.free_area[{o}].nr_free'):6d}" for o in range(orders))
            print(f"Node 0, zone {name:>8} {counts}")


Translate()
Layout()
Memblock()
Buddyinfo()
