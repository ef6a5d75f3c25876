"""What a boot's own output says about its translation structure.

The pictures of tools/compare draw these, never a model:

  entry_runs(log)      the 4 GiB virtual space as EntryRuns, bottom up, each
                       part with the size of the entry that maps it (ptdump's
                       ranges; what ptdump does not list is unmapped)
  table_memory(log)    the kernel's page-table pages, PGD, PMD and PTE, as
                       TablePages (from "ptdump: N PTE tables in use for M PMD
                       entries of S KiB" and the format of the version line)
  physical_reach(log)  the RAM the board has against the RAM the build keeps:
                       lowmem, highmem, and what it ignored (Reach)

Facts of the two formats used here (ARM ARM B3.5 short-descriptor, B3.6
long-descriptor): classic's first level holds 4096 word entries of 1 MiB,
which Linux sees as 2048 pairs (its PMD folded into the PGD); a
supersection is 16 identical first-level entries for 16 MiB; a classic PTE
page holds two 256-entry hardware tables and Linux's two shadow tables, 512
entries each way. LPAE's PGD has 4 entries of 1 GiB, each pointing to a PMD
page of 512 8-byte entries of 2 MiB; a contiguous run is 16 block entries
with the contiguous hint, one TLB entry for 32 MiB.
"""
from dataclasses import dataclass

from armv7mm.bootlog import KIB, MIB, PAGE_SIZE

SPACE = 1 << 32

# What maps a part of the address space: (format, ptdump level, SUPER/CONT) -> kind.
KINDS = {
    ("classic", "PTE", False): "page",
    ("classic", "PGD", False): "section",
    ("classic", "PGD", True): "supersection",
    ("LPAE", "PTE", False): "page",
    ("LPAE", "PMD", False): "block",
    ("LPAE", "PMD", True): "contiguous",
}
# Per kind: the bytes one TLB entry maps, the table entries (descriptors) it
# takes, and the name the pictures give it.
ENTRY = {
    "page": (4 * KIB, 1, "4 KiB pages"),
    "section": (MIB, 1, "1 MiB sections"),
    "supersection": (16 * MIB, 16, "16 MiB supersections"),
    "block": (2 * MIB, 1, "2 MiB blocks"),
    "contiguous": (32 * MIB, 16, "32 MiB contiguous runs"),
    "unmapped": (None, 0, "unmapped"),
}


@dataclass(frozen=True)
class EntryRun:
    """A part of the virtual space mapped by entries of one kind: one
    ptdump line, or the unmapped space between two."""
    start: int
    end: int                # exclusive
    kind: str               # a key of ENTRY
    attributes: str = ""    # ptdump's attributes (empty when unmapped)

    @property
    def size(self):
        return self.end - self.start

    @property
    def entry_bytes(self):
        return ENTRY[self.kind][0]

    @property
    def entries(self):
        """TLB entries: how many entries of this size map the run."""
        return 0 if self.kind == "unmapped" else self.size // self.entry_bytes

    @property
    def descriptors(self):
        """Table entries written for it (a supersection or contiguous run repeats its entry 16 times)."""
        return self.entries * ENTRY[self.kind][1]


def entry_runs(log):
    """The 4 GiB as EntryRuns from ptdump's lines, gaps unmapped."""
    runs, at = [], 0
    for p in sorted(log.ptdump, key=lambda p: p.start):
        if p.start > at:
            runs.append(EntryRun(at, p.start, "unmapped"))
        runs.append(EntryRun(p.start, p.end, KINDS[(log.version.format, p.level, p.large)], p.attributes))
        at = p.end
    if at < SPACE:
        runs.append(EntryRun(at, SPACE, "unmapped"))
    return runs


def entries_by_kind(runs, start=0, end=SPACE):
    """{kind: (TLB entries, descriptors)} of the runs, cut to [start, end)."""
    out = {}
    for r in runs:
        s, e = max(r.start, start), min(r.end, end)
        if s >= e or r.kind == "unmapped":
            continue
        cut = EntryRun(s, e, r.kind)
        n, d = out.get(r.kind, (0, 0))
        out[r.kind] = (n + cut.entries, d + cut.descriptors)
    return out


@dataclass(frozen=True)
class TablePages:
    """One level of the kernel's tables: how many tables, their entries, the bytes they take."""
    level: str              # "PGD", "PMD" or "PTE"
    tables: int             # tables of this level (0: folded)
    entries: int            # entries per table
    entry_bytes: int        # bytes per entry
    bytes: int              # memory the level takes (whole pages where it owns them)
    how: str                # the sum, in words


def table_memory(log):
    """The kernel's page-table memory, PGD, PMD, PTE, from the boot's ptdump summary."""
    if not log.pte_summary:
        raise ValueError("the boot printed no 'ptdump: N PTE tables in use' line (boot with ptdump)")
    ptes, pmd_entries, pmd_bytes = log.pte_summary
    if log.lpae:
        pgd_entries = SPACE // (pmd_bytes * 512)
        pmd_pages = pmd_entries * 8 // PAGE_SIZE
        return [TablePages("PGD", 1, pgd_entries, 8, PAGE_SIZE, f"{pgd_entries} entries x 8 B, in one page"),
                TablePages("PMD", pmd_pages, 512, 8, pmd_pages * PAGE_SIZE,
                           f"{pmd_pages} pages x 512 entries x 8 B"),
                TablePages("PTE", ptes, 512, 8, ptes * PAGE_SIZE, f"{ptes} pages x 512 entries x 8 B")]
    return [TablePages("PGD", 1, pmd_entries, 8, pmd_entries * 8,
                       f"{pmd_entries} entries x 8 B (pairs of 1 MiB entries)"),
            TablePages("PMD", 0, 0, 0, 0, "folded into the PGD"),
            TablePages("PTE", ptes, 1024, 4, ptes * PAGE_SIZE,
                       f"{ptes} pages x (512 Linux + 512 hardware entries x 4 B)")]


@dataclass(frozen=True)
class Reach:
    """The RAM the board gave (the DT's memory nodes) against what the build keeps."""
    ram: list               # [(base, end)] as the DT describes it
    lowmem: tuple           # (base, end)
    highmem: list           # [(base, end)] kept above lowmem
    ignored: list           # [(base, end)] the build dropped, as it said

    @property
    def ram_bytes(self):
        return sum(e - s for s, e in self.ram)

    @property
    def kept_bytes(self):
        return self.lowmem[1] - self.lowmem[0] + sum(e - s for s, e in self.highmem)


def physical_reach(log):
    """Reach from the DT scan's lines, memblock's dump, the layout and the "Ignoring" lines."""
    lowmem_end = log.lowmem_phys_end()
    base = log.memory[0].base
    highmem = []
    for r in log.memory:
        if r.end > lowmem_end:
            highmem += subtract((max(r.base, lowmem_end), r.end), log.ignored)
    ram = list(log.dt_memory) or [(r.base, r.end) for r in log.memory]
    return Reach(ram, (base, lowmem_end), highmem, list(log.ignored))


def subtract(span, cuts):
    """span without the ranges in cuts, as a list of (base, end)."""
    parts = [span]
    for cs, ce in cuts:
        parts = [p for s, e in parts for p in ((s, min(e, cs)), (max(s, ce), e)) if p[0] < p[1]]
    return parts
