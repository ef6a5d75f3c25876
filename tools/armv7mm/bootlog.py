"""A boot log read into named records.

BootLog(lines) reads a console's lines (timestamps removed, as
console.console_lines gives them) into records with named fields. Each kind
of line has a function that reads one line into its record, or gives None
when the line is of another kind, for tools that look at single lines:

  version_line     "armv7mm version V (classic|LPAE, PAGE_OFFSET 0x..[, HIGHMEM])"  Version
  memory_line      Linux's "Memory: ...K/...K available (...)"                MemoryLine
  layout_area      an area of "Virtual kernel memory layout:"                 Area
  memblock_region  a region of memblock's dump ("MEMBLOCK configuration:")   Region
  zone_line        a zone of "Zone ranges:"                                   Zone
  node_line        "  node   0: [mem ...]", "Initmem setup node ..."        the line
  cma_line         "cma: Reserved N MiB at 0x..."                             Cma
  percpu_line      "percpu: Embedded N pages/cpu sS rR dD uU"                 Percpu
  cma_pool_line    "Reserved memory: created CMA memory pool at 0x..., size N MiB"  Cma
  reserved_pool_line  the same line of a CMA or DMA (coherent) /reserved-memory pool  ReservedPool
  machine_model_line  "OF: fdt: Machine model: MODEL"                         the model
  earlycon_line    "earlycon: pl11 at MMIO 0x3f201000 (options '115200n8')"   Earlycon
  console_line     "printk: bootconsole|console [NAME] enabled|disabled"      ConsoleEvent
  psci_version_line  "psci: PSCIv1.1 detected in firmware."                   (major, minor)
  cpu_caches_line  "CPU: PIPT / VIPT nonaliasing data cache, PIPT instruction cache"  CpuCaches
  memory_policy_line  "Memory policy: Data cache writealloc"                  the policy
  l2c_line         "L2C-310 cache controller enabled, 8 ways, 128 kB"         L2c
  meminfo_line     a /proc/meminfo line, "MemTotal:        1036084 kB"       Meminfo
  dma_pool_line    "DMA: preallocated|failed to allocate N KiB pool ..."      DmaPool
  ptdump_line      a range of ptdump's listing                                PtdumpLine
  pte_tables_line  "ptdump: N PTE tables in use ..."                          N
  memblock_call    "memblock_reserve: [0x..-0x..] caller+..." (add, remove, phys_free)  MemblockCall
  memblock_alloc   "memblock_alloc_try_nid: N bytes ... caller+0x../0x.."     MemblockAlloc
  pte_summary_line the same line, all of it                                 PteSummary
  dt_memory_line   the DT scan's " - BASE, SIZE" of a memory node          (base, end)
  ignored_line     "OF: fdt: Ignoring memory range/block ...", "Ignoring RAM at ..."  (base, end)
  bootstats_line   "bootstats: PHASE  N"                                      (PHASE, N)
  bench_line       "bench: LABEL: N instructions per pair|page|page moved"     (LABEL[, per UNIT], N)
  slab_meta_line   "bench: slab metadata CACHE: B bytes per object (...)"     (CACHE, B)
  slub_line        "SLUB: HWalign=64, Order=0-3, MinObjects=0, CPUs=2, Nodes=1"  Slub
  memmap_limit_line "mem_map: ignoring RAM 0x..-0x.. (NK): ... NK described"  MemmapLimit

Linux prints the Memory:, memblock, zone, node, cma and DMA lines in the
same format, so Debian's logs read the same way, on every board: the
machine, console, PSCI, cache and /reserved-memory lines are Debian's.
"""
import re
from collections import namedtuple
from dataclasses import dataclass, field, fields

PAGE_SIZE = 4096
KIB, MIB, GIB = 1 << 10, 1 << 20, 1 << 30


@dataclass(frozen=True)
class Version:
    format: str             # "classic" (2-level tables) or "LPAE"
    page_offset: int
    highmem: bool           # CONFIG_HIGHMEM


VERSION = re.compile(r"^armv7mm version \S+ \((?P<format>classic|LPAE), PAGE_OFFSET 0x(?P<page_offset>[0-9a-f]+)"
                     r"(?P<highmem>, HIGHMEM)?\)")


def version_line(line):
    m = VERSION.match(line)
    return m and Version(m["format"], int(m["page_offset"], 16), bool(m["highmem"]))


@dataclass(frozen=True)
class MemoryLine:
    """mem_init's summary, every figure in KiB; highmem_k is None when the
    line has no highmem figure (a kernel without HIGHMEM)."""
    available_k: int
    total_k: int
    kernel_code_k: int
    rwdata_k: int
    rodata_k: int
    init_k: int
    bss_k: int
    reserved_k: int
    cma_reserved_k: int
    highmem_k: int = None

    @property
    def image_k(self):
        """The kernel image's sections, as the line counts them."""
        return self.kernel_code_k + self.rwdata_k + self.rodata_k + self.init_k + self.bss_k

    @classmethod
    def field_names(cls):
        return [f.name for f in fields(cls)]


MEMORY = re.compile(r"^Memory: (?P<available_k>\d+)K/(?P<total_k>\d+)K available \("
                    r"(?P<kernel_code_k>\d+)K kernel code, (?P<rwdata_k>\d+)K rwdata, (?P<rodata_k>\d+)K rodata, "
                    r"(?P<init_k>\d+)K init, (?P<bss_k>\d+)K bss, (?P<reserved_k>\d+)K reserved, "
                    r"(?P<cma_reserved_k>\d+)K cma-reserved(?:, (?P<highmem_k>\d+)K highmem)?\)$")


def memory_line(line):
    m = MEMORY.match(line)
    return m and MemoryLine(**{k: None if v is None else int(v) for k, v in m.groupdict().items()})


@dataclass(frozen=True)
class Area:
    name: str               # "vector", "fixmap", ..., "lowmem", ".text"...
    start: int
    end: int                # exclusive
    # The size as the line prints it, e.g. (240, "MB"): Linux 4.14 truncates
    # areas and rounds the image's sections up. Not part of an area's identity.
    printed: tuple = field(default=None, compare=False)

    @property
    def size(self):
        return self.end - self.start


LAYOUT_HEADER = "Virtual kernel memory layout:"
LAYOUT = re.compile(r"^\s+(?P<name>\.?[a-z]+)\s*: 0x(?P<start>[0-9a-f]+) - 0x(?P<end>[0-9a-f]+)"
                    r"\s+\(\s*(?P<size>\d+) (?P<unit>kB|MB)\)$")


def layout_area(line):
    m = LAYOUT.match(line)
    return m and Area(m["name"], int(m["start"], 16), int(m["end"], 16), (int(m["size"]), m["unit"]))


@dataclass(frozen=True)
class Region:
    kind: str               # "memory" or "reserved"
    base: int
    end: int                # exclusive
    flags: int
    phys_addr_bits: int     # the printed width: 32, or 64 with LPAE

    @property
    def size(self):
        return self.end - self.base


MEMBLOCK_HEADER = "MEMBLOCK configuration:"
REGION = re.compile(r"^ (?P<kind>memory|reserved)\[0x[0-9a-f]+\]\s+\[0x(?P<base>[0-9a-f]+)-0x(?P<last>[0-9a-f]+)\], "
                    r"0x[0-9a-f]+ bytes flags: 0x(?P<flags>[0-9a-f]+)$")


def memblock_region(line):
    m = REGION.match(line)
    return m and Region(m["kind"], int(m["base"], 16), int(m["last"], 16) + 1, int(m["flags"], 16),
                        4 * len(m["base"]))


@dataclass(frozen=True)
class Zone:
    name: str               # "DMA", "DMA32", "Normal", "HighMem"
    start: int              # None when the zone is empty
    end: int                # exclusive; None when empty
    text: str               # the range as printed: "[mem 0x...-0x...]" or "empty"


ZONE = re.compile(r"^  (?P<name>DMA|DMA32|Normal|HighMem) +"
                  r"(?P<text>empty|\[mem 0x(?P<start>[0-9a-f]+)-0x(?P<last>[0-9a-f]+)\])$")


def zone_line(line):
    m = ZONE.match(line)
    if not m:
        return None
    if m["text"] == "empty":
        return Zone(m["name"], None, None, "empty")
    return Zone(m["name"], int(m["start"], 16), int(m["last"], 16) + 1, m["text"])


NODE = re.compile(r"^(  node +\d+: \[mem .*\]|Initmem setup node .*)$")


def node_line(line):
    return line if NODE.match(line) else None


@dataclass(frozen=True)
class Cma:
    base: int
    size: int


CMA = re.compile(r"^cma: Reserved (?P<mib>\d+) MiB at 0x(?P<base>[0-9a-f]+)$")


def cma_line(line):
    m = CMA.match(line)
    return m and Cma(int(m["base"], 16), int(m["mib"]) * MIB)


@dataclass(frozen=True)
class ReservedPool:
    """A /reserved-memory pool: "CMA" (rmem_cma_setup: reusable, lent to the
    page allocator) or "DMA" (rmem_dma_setup: a coherent pool kept apart,
    vexpress's vram node, which lies outside RAM)."""
    kind: str
    base: int
    size: int


RESERVED_POOL = re.compile(r"^Reserved memory: created (?P<kind>CMA|DMA) memory pool at 0x(?P<base>[0-9a-f]+), "
                           r"size (?P<mib>\d+) MiB$")


def reserved_pool_line(line):
    m = RESERVED_POOL.match(line)
    return m and ReservedPool(m["kind"], int(m["base"], 16), int(m["mib"]) * MIB)


def cma_pool_line(line):
    """rmem_cma_setup's line: a /reserved-memory CMA area."""
    pool = reserved_pool_line(line)
    return Cma(pool.base, pool.size) if pool and pool.kind == "CMA" else None


MACHINE_MODEL = re.compile(r"^OF: fdt: Machine model: (?P<model>.+)$")


def machine_model_line(line):
    """The DT's /model (or first root compatible), as setup_machine_fdt prints it."""
    m = MACHINE_MODEL.match(line)
    return m and m["model"]


@dataclass(frozen=True)
class Earlycon:
    """earlycon_print_info's line. Linux takes the trailing digits of the
    driver's name as its index ("pl011" prints "pl11": name "pl", index 11)."""
    name: str
    index: int
    iotype: str             # "MMIO", "MMIO16", "MMIO32", "MMIO32be" or "I/O port"
    address: int
    options: str


EARLYCON = re.compile(r"^earlycon: (?P<name>\S*?)(?P<index>\d+) at (?P<iotype>MMIO(?:16|32|32be)?|I/O port) "
                      r"0x(?P<address>[0-9a-f]+) \(options '(?P<options>[^']*)'\)$")


def earlycon_line(line):
    m = EARLYCON.match(line)
    return m and Earlycon(m["name"], int(m["index"]), m["iotype"], int(m["address"], 16), m["options"])


@dataclass(frozen=True)
class ConsoleEvent:
    boot: bool              # a boot console (earlycon), not the real one
    name: str               # with its index: "pl11", "ttyAMA0"
    enabled: bool


CONSOLE = re.compile(r"^printk: (?P<kind>bootconsole|console) \[(?P<name>[^\]]+)\] (?P<state>enabled|disabled)$")


def console_line(line):
    m = CONSOLE.match(line)
    return m and ConsoleEvent(m["kind"] == "bootconsole", m["name"], m["state"] == "enabled")


PSCI_VERSION = re.compile(r"^psci: PSCIv(?P<major>\d+)\.(?P<minor>\d+) detected in firmware\.$")


def psci_version_line(line):
    m = PSCI_VERSION.match(line)
    return m and (int(m["major"]), int(m["minor"]))


@dataclass(frozen=True)
class CpuCaches:
    """cacheid_init's line: the data and instruction caches' kinds
    ("PIPT / VIPT nonaliasing", "VIPT aliasing", "PIPT", ...)."""
    dcache: str
    icache: str


CPU_CACHES = re.compile(r"^CPU: (?P<d>.+) data cache, (?P<i>.+) instruction cache$")


def cpu_caches_line(line):
    m = CPU_CACHES.match(line)
    return m and CpuCaches(m["d"], m["i"])


MEMORY_POLICY = re.compile(r"^Memory policy: Data cache (?P<policy>\w+)$")


def memory_policy_line(line):
    """build_mem_type_table's cache policy: writealloc, writeback, ..."""
    m = MEMORY_POLICY.match(line)
    return m and m["policy"]


@dataclass(frozen=True)
class L2c:
    """The outer cache controller's summary (l2x0_init): the Cortex-A9 boards' L2C-310."""
    name: str               # "L2C-310", "L2C-210", ...
    ways: int
    kib: int


L2C = re.compile(r"^(?P<name>L2C-\d+) cache controller enabled, (?P<ways>\d+) ways, (?P<kib>\d+) kB$")


def l2c_line(line):
    m = L2C.match(line)
    return m and L2c(m["name"], int(m["ways"]), int(m["kib"]))


@dataclass(frozen=True)
class Meminfo:
    name: str               # "MemTotal", "CmaFree", ...
    kb: int


MEMINFO_NAME = re.compile(r"^(?P<name>[A-Za-z][A-Za-z0-9_()]*):")
MEMINFO_FIGURE = re.compile(r"^(?P<kb> *\d+) kB$")


def meminfo_line(line):
    """A /proc/meminfo line in Linux's exact format (fs/proc/meminfo.c's
    show_val_kb): the name and its colon padded to 16 columns, then the
    figure in kB right-aligned in 8 (wider only when it needs more digits),
    then " kB". Else None."""
    m = MEMINFO_NAME.match(line)
    if not m or line[:16] != (m["name"] + ":").ljust(16):
        return None
    f = MEMINFO_FIGURE.match(line[16:])
    if not f or len(f["kb"]) < 8 or (len(f["kb"]) > 8 and f["kb"][0] == " "):
        return None
    return Meminfo(m["name"], int(f["kb"]))


@dataclass(frozen=True)
class DmaPool:
    preallocated: bool      # False: "failed to allocate"
    kib: int


DMA_POOL = re.compile(r"^DMA: (?P<what>preallocated|failed to allocate) (?P<kib>\d+) KiB pool "
                      r"for atomic coherent allocations$")


def dma_pool_line(line):
    """The atomic DMA pool's line (arch/arm/mm/dma-mapping.c's atomic_pool_init)."""
    m = DMA_POOL.match(line)
    return m and DmaPool(m["what"] == "preallocated", int(m["kib"]))


@dataclass(frozen=True)
class Percpu:
    """Linux's "percpu: Embedded N pages/cpu sS rR dD uU" (pcpu_embed_first_chunk):
    pages each unit uses, and the static, reserved, dynamic and unit sizes in bytes."""
    pages: int
    static: int
    reserved: int
    dynamic: int
    unit: int


PERCPU = re.compile(r"^percpu: Embedded (?P<pages>\d+) pages/cpu s(?P<s>\d+) r(?P<r>\d+) d(?P<d>\d+) u(?P<u>\d+)$")


def percpu_line(line):
    """setup_per_cpu_areas's line (Linux 6.1's format: no base address since 4.16)."""
    m = PERCPU.match(line)
    return m and Percpu(int(m["pages"]), int(m["s"]), int(m["r"]), int(m["d"]), int(m["u"]))


@dataclass(frozen=True)
class Zonelists:
    nodes: int
    grouping: bool      # mobility grouping on
    total_pages: int


ZONELISTS = re.compile(r"^Built (?P<nodes>\d+) zonelists, mobility grouping (?P<grouping>on|off)\.  "
                       r"Total pages: (?P<total>\d+)$")


def zonelists_line(line):
    """build_all_zonelists's line (Linux 6.1's format, two spaces before Total)."""
    m = ZONELISTS.match(line)
    return m and Zonelists(int(m["nodes"]), m["grouping"] == "on", int(m["total"]))


@dataclass(frozen=True)
class Slub:
    hwalign: int
    min_order: int
    max_order: int
    min_objects: int
    cpus: int
    nodes: int


SLUB = re.compile(r"^SLUB: HWalign=(?P<hwalign>\d+), Order=(?P<min>\d+)-(?P<max>\d+), "
                  r"MinObjects=(?P<objects>\d+), CPUs=(?P<cpus>\d+), Nodes=(?P<nodes>\d+)$")


def slub_line(line):
    """kmem_cache_init's line (Linux 6.1's format)."""
    m = SLUB.match(line)
    return m and Slub(int(m["hwalign"]), int(m["min"]), int(m["max"]), int(m["objects"]),
                      int(m["cpus"]), int(m["nodes"]))


@dataclass(frozen=True)
class PtdumpLine:
    start: int
    end: int                # exclusive
    level: str              # "PGD", "PMD" or "PTE": the level of the entries
    attributes: str         # the rest of the line: domain, permissions, SUPER/CONT, memory type

    @property
    def large(self):
        """16 MiB supersections (classic) or runs with the contiguous hint (LPAE)."""
        return self.level != "PTE" and re.search(r"\b(SUPER|CONT)\b", self.attributes) is not None


PTDUMP = re.compile(r"^0x(?P<start>[0-9a-f]+)-0x(?P<end>[0-9a-f]+)\s+\d+[KMG]\s+(?P<level>PGD|PMD|PTE)\b(?P<rest>.*)$")
PTE_TABLES = re.compile(r"^ptdump: (\d+) PTE tables in use")
PTE_SUMMARY = re.compile(r"^ptdump: (?P<tables>\d+) PTE tables in use for (?P<pmds>\d+) PMD entries of (?P<kib>\d+) KiB$")
# The PTE tables ptdump walked, the PMD entries that cover the 4 GiB, and the bytes each maps.
PteSummary = namedtuple("PteSummary", "pte_tables pmd_entries pmd_bytes")


def ptdump_line(line):
    m = PTDUMP.match(line)
    return m and PtdumpLine(int(m["start"], 16), int(m["end"], 16), m["level"], m["rest"].strip())


def pte_tables_line(line):
    m = PTE_TABLES.match(line)
    return m and int(m.group(1))


def pte_summary_line(line):
    m = PTE_SUMMARY.match(line)
    return m and PteSummary(int(m["tables"]), int(m["pmds"]), int(m["kib"]) * KIB)


@dataclass(frozen=True)
class MemblockCall:
    """A memblock=debug line of memblock_add/remove/reserve/phys_free."""
    op: str
    start: int
    end: int                # exclusive
    caller: str             # the function that called it (%pS without the offsets)


MEMBLOCK_CALL = re.compile(r"^(?P<op>memblock_add|memblock_remove|memblock_reserve|memblock_phys_free): "
                           r"\[0x(?P<lo>[0-9a-f]+)-0x(?P<hi>[0-9a-f]+)\] (?P<caller>[A-Za-z0-9_.]+)")


def memblock_call(line):
    m = MEMBLOCK_CALL.match(line)
    return m and MemblockCall(m["op"], int(m["lo"], 16), int(m["hi"], 16) + 1, m["caller"])


@dataclass(frozen=True)
class MemblockAlloc:
    """A memblock=debug line of an allocation; the memblock_reserve line
    that follows it names memblock_alloc_range_nid, not this caller."""
    op: str                 # memblock_alloc_try_nid(_raw), memblock_phys_alloc_range...
    args: str               # "SIZE bytes align=... ..."
    size: int
    caller: str


MEMBLOCK_ALLOC = re.compile(r"^(?P<op>memblock_(?:alloc_try_nid(?:_raw)?|phys_alloc_range|alloc_range_nid)): "
                            r"(?P<args>(?P<size>\d+) bytes .*) (?P<caller>[A-Za-z0-9_.]+)\+0x[0-9a-f]+/0x[0-9a-f]+$")


def memblock_alloc(line):
    m = MEMBLOCK_ALLOC.match(line)
    return m and MemblockAlloc(m["op"], m["args"], int(m["size"]), m["caller"])


# The DT scan's range of a memory node (printed with memblock=debug), base and size in hex.
DT_MEMORY = re.compile(r"^OF: fdt:  - (?P<base>[0-9a-f]+), (?P<size>[0-9a-f]+)$")
# RAM a build drops: beyond its physical address space (the DT scan), or beyond lowmem without HIGHMEM.
IGNORED = re.compile(r"^(?:OF: fdt: Ignoring memory (?:range|block) 0x(?P<base>[0-9a-f]+) - 0x(?P<end>[0-9a-f]+)"
                     r"|Ignoring RAM at 0x(?P<ram_base>[0-9a-f]+)-0x(?P<ram_end>[0-9a-f]+))$")


def dt_memory_line(line):
    m = DT_MEMORY.match(line)
    return m and (int(m["base"], 16), int(m["base"], 16) + int(m["size"], 16))


def ignored_line(line):
    m = IGNORED.match(line)
    if not m:
        return None
    base, end = (m["base"], m["end"]) if m["base"] else (m["ram_base"], m["ram_end"])
    return int(base, 16), int(end, 16)


BOOTSTATS = re.compile(r"^bootstats: +(?P<phase>.*?)\s+(?P<n>\d+)$")
BENCH = re.compile(r"^bench: (?P<label>.*?): +(?P<n>\d+) instructions per (?P<unit>pair|page moved|page)$")


ANTIFRAG = re.compile(r"^bench: anti-fragmentation, grouping (?P<grouping>on|off): (?P<left>\d+) free pageblocks "
                      r"of (?P<before>\d+) left after (?P<unmovable>\d+) unmovable and (?P<movable>\d+) movable pages")
AntiFrag = namedtuple("AntiFrag", "grouping left before unmovable movable")


def antifrag_line(line):
    """bench's anti-fragmentation line: free pageblocks before and after the storm."""
    m = ANTIFRAG.match(line)
    return m and AntiFrag(m["grouping"] == "on", int(m["left"]), int(m["before"]), int(m["unmovable"]),
                          int(m["movable"]))


def bootstats_line(line):
    m = BOOTSTATS.match(line)
    return m and (m["phase"], int(m["n"]))


SLAB_META = re.compile(r"^bench: slab metadata (?P<cache>\S+): (?P<bytes>\d+\.\d+) bytes per object")


def slab_meta_line(line):
    """bench's slab overhead of a kmalloc class: bytes per object beyond the object."""
    m = SLAB_META.match(line)
    return m and (m["cache"], float(m["bytes"]))


def bench_line(line):
    """(label, n); a figure per page (not per pair) says so in its label."""
    m = BENCH.match(line)
    return m and (m["label"] if m["unit"] == "pair" else f"{m['label']}, per {m['unit']}", int(m["n"]))


@dataclass(frozen=True)
class MemmapLimit:
    """The RAM left out because lowmem cannot hold its mem_map (not in
    Linux: mm/memmap_limit.c); addresses in bytes, figures in KiB."""
    ignored_start: int
    ignored_last: int
    ignored_k: int
    ram_k: int
    needed_k: int
    lowmem_k: int
    available_k: int
    kept_k: int
    described_k: int


MEMMAP_LIMIT = re.compile(r"^mem_map: ignoring RAM 0x(?P<ignored_start>[0-9a-f]+)-0x(?P<ignored_last>[0-9a-f]+) "
                          r"\((?P<ignored_k>\d+)K\): describing all (?P<ram_k>\d+)K of RAM needs a "
                          r"(?P<needed_k>\d+)K mem_map, but lowmem \((?P<lowmem_k>\d+)K\) has (?P<available_k>\d+)K "
                          r"free for it after keeping (?P<kept_k>\d+)K for the kernel; (?P<described_k>\d+)K described$")


def memmap_limit_line(line):
    m = MEMMAP_LIMIT.match(line)
    if not m:
        return None
    hex_fields = ("ignored_start", "ignored_last")
    return MemmapLimit(**{k: int(v, 16 if k in hex_fields else 10) for k, v in m.groupdict().items()})


# The kernel's page-table memory of one level: bytes in use and how they add up.
PageTables = namedtuple("PageTables", "level bytes how")


class BootLog:
    """Everything one boot printed about its memory. Lists keep the order
    of the log; memory and reserved are memblock's first dump (the one
    arm_memblock_init prints with memblock=debug)."""

    def __init__(self, lines):
        self.version = None
        self.memory_line = None
        self.zonelists = None       # Zonelists
        self.percpu = None          # Percpu
        self.slub = None            # Slub
        self.layout = {}            # name -> Area, in the printout's order
        self.memory, self.reserved = [], []
        self.zones, self.node_lines, self.cma, self.ptdump = [], [], [], []
        self.meminfo = []           # [Meminfo] in the log's order
        self.dma_pool = None        # DmaPool
        self.reserved_pools = []    # [ReservedPool], CMA and DMA
        self.machine_model = None
        self.earlycon = None        # Earlycon
        self.consoles = []          # [ConsoleEvent] in the log's order
        self.psci = None            # (major, minor)
        self.cpu_caches = None      # CpuCaches
        self.memory_policy = None
        self.l2c = None             # L2c
        self.pte_tables = 0
        self.pte_summary = None     # PteSummary of ptdump's last line
        self.dt_memory, self.ignored = [], []   # [(base, end)]
        self.phases = {}            # bootstats: phase -> instructions
        self.bench_pairs = {}       # bench: label -> instructions per pair
        self.antifrag = None        # AntiFrag: bench's anti-fragmentation storm
        self.slab_meta = {}         # bench: kmalloc class -> slab bytes per object beyond the object
        self.memmap_limit = []      # [MemmapLimit]: RAM left out for want of lowmem for its mem_map
        block = None                # the block being read: "layout" or "memblock"
        dumped = False
        for line in lines:
            if block == "layout":
                area = layout_area(line)
                if area:
                    self.layout[area.name] = area
                    continue
                block = None
            elif block == "memblock":
                region = memblock_region(line)
                if region:
                    (self.memory if region.kind == "memory" else self.reserved).append(region)
                    continue
                if line.startswith((" memory", " reserved")):
                    continue        # the dump's sizes and counts
                block = None
            if line == LAYOUT_HEADER:
                block = "layout"
            elif line == MEMBLOCK_HEADER and not dumped:
                block, dumped = "memblock", True
            elif (v := version_line(line)):
                self.version = v
            elif (m := memory_line(line)):
                self.memory_line = m
            elif (zl := zonelists_line(line)):
                self.zonelists = zl
            elif (pc := percpu_line(line)):
                self.percpu = pc
            elif (sl := slub_line(line)):
                self.slub = sl
            elif (ml := memmap_limit_line(line)):
                self.memmap_limit.append(ml)
            elif (z := zone_line(line)):
                self.zones.append(z)
            elif node_line(line):
                self.node_lines.append(line)
            elif (c := cma_line(line)):
                self.cma.append(c)
            elif (rp := reserved_pool_line(line)):
                self.reserved_pools.append(rp)
                if rp.kind == "CMA":
                    self.cma.append(Cma(rp.base, rp.size))
            elif (mm := machine_model_line(line)):
                self.machine_model = mm
            elif (ec := earlycon_line(line)):
                self.earlycon = ec
            elif (ce := console_line(line)):
                self.consoles.append(ce)
            elif (pv := psci_version_line(line)):
                self.psci = pv
            elif (cc := cpu_caches_line(line)):
                self.cpu_caches = cc
            elif (mp := memory_policy_line(line)):
                self.memory_policy = mp
            elif (l2 := l2c_line(line)):
                self.l2c = l2
            elif (mi := meminfo_line(line)):
                self.meminfo.append(mi)
            elif (d := dma_pool_line(line)):
                self.dma_pool = d
            elif (p := ptdump_line(line)):
                self.ptdump.append(p)
            elif (n := pte_tables_line(line)) is not None:
                self.pte_tables = n
                self.pte_summary = pte_summary_line(line)
            elif (r := dt_memory_line(line)):
                self.dt_memory.append(r)
            elif (r := ignored_line(line)):
                self.ignored.append(r)
            elif (s := bootstats_line(line)):
                self.phases[s[0]] = s[1]
            elif (b := bench_line(line)):
                self.bench_pairs[b[0]] = b[1]
            elif (a := antifrag_line(line)):
                self.antifrag = a
            elif (sm := slab_meta_line(line)):
                self.slab_meta[sm[0]] = sm[1]

    def missing(self):
        """What a memory report needs that the log lacks (empty: nothing)."""
        need = [("the version line", self.version), ("the layout printout", self.layout.get("lowmem")),
                ("the Memory: line", self.memory_line)]
        return [name for name, value in need if value is None]

    @property
    def lpae(self):
        return self.version.format == "LPAE"

    def lowmem_phys_end(self):
        """The physical end of lowmem: RAM starts at the first memory region."""
        return self.memory[0].base + self.layout["lowmem"].size

    def ram_bytes(self):
        return sum(r.size for r in self.memory)

    def page_table_bytes(self):
        """PageTables of the kernel's page-table memory in use, PGD, PMD, PTE."""
        ptes = self.pte_tables
        if self.lpae:
            # swapper_pg_dir: the 4-entry PGD in its own page, then one PMD page per GiB.
            return [PageTables("PGD", 4 * KIB, "4 entries x 8 B, in one page"),
                    PageTables("PMD", 4 * 4 * KIB, "4 pages x 512 entries x 8 B"),
                    PageTables("PTE", ptes * 4 * KIB, f"{ptes} pages x 512 entries x 8 B")]
        return [PageTables("PGD", 16 * KIB, "2048 entries x 8 B (pairs of 1 MiB entries)"),
                PageTables("PMD", 0, "folded into the PGD"),
                PageTables("PTE", ptes * 4 * KIB, f"{ptes} pages x (512 Linux + 512 hardware entries x 4 B)")]

    def lowmem_entries(self):
        """The translation entries that map lowmem, by the size each maps
        (ptdump's ranges cut to lowmem): {bytes: count}."""
        lowmem = self.layout["lowmem"]
        section = 2 * MIB if self.lpae else MIB
        large = 32 * MIB if self.lpae else 16 * MIB
        entries = {}
        for p in self.ptdump:
            start, end = max(p.start, lowmem.start), min(p.end, lowmem.end)
            if start >= end:
                continue
            size = 4 * KIB if p.level == "PTE" else large if p.large else section
            entries[size] = entries.get(size, 0) + (end - start) // size
        return entries
