"""What the reserved figure of a Memory: line is made of, read from the boot's
memblock=debug lines: Linux's and this kernel's alike.

mem_init counts as reserved every present page the allocator was not given
and that is not CMA: physpages - totalram - totalcma. Those are the pages
memblock still holds when memblock_free_all runs: the reservations of
memblock's dump (MEMBLOCK configuration:), everything reserved or allocated
after it, less what memblock_phys_free gave back, each rounded out to whole
pages, plus NOMAP memory, less the CMA areas.

Account(lines) follows those lines and sorts each reserved page into one of:

  machine   what the device tree, /memreserve/, the command line, the initrd
            and NOMAP memory keep: the same for any kernel on one machine;
  image     the kernel's own reservations in arm_memblock_init (its image
            and swapper_pg_dir);
  mem_map   the struct pages (alloc_node_mem_map), less what
            free_unused_memmap gave back;
  boot      every other allocation after the dump: page tables, static
            mapping records, and in Linux the per-CPU areas, hash tables,
            the unflattened device tree...

machine_k is then the reserved figure net of each kernel's own sizes, and
mem_map_frames (the frames mem_map still describes) is mem_map net of the
size of a struct page.
"""
import re
from dataclasses import dataclass

from . import bootlog

PAGE = bootlog.PAGE_SIZE
NODE = re.compile(r"^Initmem setup node \d+ \[mem 0x(?P<lo>[0-9a-f]+)-0x(?P<hi>[0-9a-f]+)\]$")
# The allocations that hold mem_map (Linux inlines alloc_node_mem_map into free_area_init).
MEM_MAP_CALLERS = ("alloc_node_mem_map", "free_area_init", "memmap_alloc")
# arm_memblock_init's own reservations: the image and swapper_pg_dir.
IMAGE_CALLER = "arm_memblock_init"
CATEGORIES = ("machine", "image", "mem_map", "boot")


def pages_of(lo, hi):
    """The page frames that [lo, hi) touches."""
    return range(lo // PAGE, -(-hi // PAGE))


def subtract(spans, holes):
    """The parts of byte ranges (lo, hi, ...) outside every hole (lo, hi),
    sorted; whatever follows lo and hi in a range is kept with each part."""
    out = []
    for lo, hi, *rest in spans:
        pieces = [(lo, hi)]
        for hlo, hhi in holes:
            pieces = [p for plo, phi in pieces for p in
                      ((plo, min(phi, hlo)), (max(plo, hhi), phi)) if p[0] < p[1]]
        out += [(plo, phi, *rest) for plo, phi in pieces]
    return sorted(out)


@dataclass
class Account:
    reserved_k: int          # the Memory: line's figure
    machine_k: int           # net of the kernel's own sizes
    image_k: int
    mem_map_k: int
    boot_k: int
    unexplained_k: int       # reserved_k less the four parts: 0 when the log tells all
    mem_map_frames: int      # frames mem_map describes once free_unused_memmap is done
    mem_map_freed_frames: int
    struct_page: int         # bytes
    available_k: int
    total_k: int
    cma_k: int

    @property
    def available_net_k(self):
        """The available figure as it would be if the kernel's own sizes were free."""
        return self.total_k - self.cma_k - self.machine_k


def account(lines, max_order_nr_pages, lost=()):
    """Reads a boot log (console lines, timestamps stripped) up to its Memory:
    line. max_order_nr_pages: the largest buddy block in pages, to which
    alloc_node_mem_map rounds the node (MAX_ORDER_NR_PAGES). lost: byte
    ranges the kernel reserved by mistake and that a fixed kernel would
    make its CMA area instead of another one, which it would free (Linux
    6.1's lost highmem CMA block): left out, and the figures corrected."""
    memory, nomap, dump_reserved = [], [], []
    spans = []          # (lo, hi, category) reserved after the dump, in order
    frees = []          # (lo, hi)
    image = []
    cma = []
    node = None
    mem_map_alloc = None
    pending = None      # the caller of the allocation whose reservation comes next
    in_dump = dumped = False
    memline = None
    for line in lines:
        if line == bootlog.MEMBLOCK_HEADER:
            in_dump = True
            continue
        if in_dump and not dumped:
            region = bootlog.memblock_region(line)
            if region:
                if region.kind == "reserved":
                    dump_reserved.append((region.base, region.end))
                elif region.flags & 0x4:
                    nomap.append((region.base, region.end))
                else:
                    memory.append((region.base, region.end))
                continue
            if line.startswith((" memory", " reserved")):
                continue
            dumped = True
        c = bootlog.cma_line(line) or bootlog.cma_pool_line(line)
        if c:
            cma.append((c.base, c.base + c.size))
        m = NODE.match(line)
        if m:
            node = (int(m["lo"], 16), int(m["hi"], 16) + 1)
        a = bootlog.memblock_alloc(line)
        if a:
            pending = a.caller
            if pending in MEM_MAP_CALLERS:
                mem_map_alloc = a.size
            continue
        c = bootlog.memblock_call(line)
        if c and c.op in ("memblock_reserve", "memblock_phys_free"):
            lo, hi = c.start, c.end
            if not dumped:
                if c.op == "memblock_reserve" and c.caller == IMAGE_CALLER:
                    image.append((lo, hi))
                continue
            if c.op == "memblock_phys_free":
                frees.append((lo, hi))
                continue
            caller = pending if c.caller == "memblock_alloc_range_nid" and pending else c.caller
            pending = None
            spans.append((lo, hi, "mem_map" if caller in MEM_MAP_CALLERS else "boot"))
            continue
        memline = bootlog.memory_line(line) or memline
        if memline:
            break
    if memline is None or not dumped:
        raise ValueError("the log has no memblock dump or no Memory: line (memblock=debug, up to mem_init?)")
    if mem_map_alloc is None or node is None:
        raise ValueError("the log shows no mem_map allocation or no Initmem setup node line")

    # Byte ranges still reserved when memblock_free_all hands memory over.
    held = subtract([(lo, hi, "dump") for lo, hi in dump_reserved] + spans, frees)
    present = set()
    for lo, hi in memory + nomap:
        present.update(range(-(-lo // PAGE), hi // PAGE))
    cma_pages = {p for lo, hi in cma for p in pages_of(lo, hi)} & present
    image_pages = {p for lo, hi in image for p in pages_of(lo, hi)}
    lost_pages = {p for lo, hi in lost for p in pages_of(lo, hi)} & present
    owner = {}
    for lo, hi in nomap:
        for p in pages_of(lo, hi):
            owner[p] = "machine"
    # A page shared by two reservations is the machine's, then the image's, then mem_map's.
    rank = {c: i for i, c in enumerate(CATEGORIES)}
    for lo, hi, kind in held:
        for p in pages_of(lo, hi):
            if p not in present or p in cma_pages or p in lost_pages:
                continue
            cat = kind if kind != "dump" else ("image" if p in image_pages else "machine")
            if p not in owner or rank[cat] < rank[owner[p]]:
                owner[p] = cat
    k = {c: sum(1 for v in owner.values() if v == c) * PAGE // 1024 for c in CATEGORIES}

    node_lo = node[0] // PAGE & ~(max_order_nr_pages - 1)
    node_hi = -(-(node[1] // PAGE) // max_order_nr_pages) * max_order_nr_pages
    frames = node_hi - node_lo
    if mem_map_alloc % frames:
        raise ValueError(f"mem_map of {mem_map_alloc} bytes is not a whole number of struct pages for {frames} frames")
    struct_page = mem_map_alloc // frames
    # What free_unused_memmap gave back lies inside mem_map (the other frees are the boot allocations').
    map_spans = [(lo, hi) for lo, hi, kind in spans if kind == "mem_map"]
    freed = sum(max(0, min(hi, mhi) - max(lo, mlo)) for lo, hi in frees for mlo, mhi in map_spans)
    freed_frames = freed // struct_page
    lost_k = len(lost_pages) * PAGE // 1024
    reserved_k = memline.reserved_k - lost_k
    return Account(reserved_k=reserved_k, machine_k=k["machine"], image_k=k["image"],
                   mem_map_k=k["mem_map"], boot_k=k["boot"],
                   unexplained_k=reserved_k - sum(k.values()),
                   mem_map_frames=frames - freed_frames, mem_map_freed_frames=freed_frames,
                   struct_page=struct_page, available_k=memline.available_k + lost_k, total_k=memline.total_k,
                   cma_k=memline.cma_reserved_k)
