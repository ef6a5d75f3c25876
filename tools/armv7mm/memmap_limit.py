"""How much RAM a mem_map in lowmem can describe, restated from the rules
(mm/memmap_limit.c applies them in the kernel) to check the kernel's
"mem_map: ignoring RAM" line without its code:

  memparse(text)          a size from the command line ("944M")
  vmalloc_size(asked, po) vmalloc= as early_vmalloc clamps it
  Machine(...)            a boot: the split, vmalloc=, where RAM starts and
                          how much, sizeof(struct page), the buddy and
                          pageblock orders, where the kernel image ends
  needed(m)               bytes of mem_map for all of its RAM
  lowmem(m)               bytes of RAM the linear map covers
  keep(m)                 bytes of lowmem mem_map must leave free
  must_trim(m)            whether even the most lowmem could not hold it
  problems(line, m)       how a MemmapLimit line departs from the rules
  limit_table(...)        the largest RAM each split describes

The rules: mem_map is one array of struct page from the node's first to
its last frame, both rounded out to MAX_ORDER blocks (alloc_node_mem_map);
lowmem is the RAM below VMALLOC_END - vmalloc - 8 MiB, translated to
physical (adjust_lowmem_bounds); mem_map must leave the pageblock bitmaps
(at most the node's pageblocks plus one at each end, 4 bits each, in
whole longs on a 64-byte line, for two zones), 4 MiB and 1/16 of lowmem
free; it takes the largest free block of lowmem, which is at most lowmem
less everything from RAM's start to the kernel image's end; the RAM kept
ends on a MAX_ORDER block, never inside lowmem.
"""
import re
from dataclasses import dataclass

PAGE = 4096
KIB, MIB, GIB = 1 << 10, 1 << 20, 1 << 30
VMALLOC_END = 0xFF800000
VMALLOC_OFFSET = 8 * MIB
LOWMEM_MIN = 32 * MIB
KEEP_MIN = 4 * MIB
KEEP_DIVISOR = 16
PAGEBLOCK_BITS = 4
CACHE_LINE = 64
# What else boot has taken from lowmem's largest free block by then (page
# tables at its top, the DTB when it moved there: QEMU's virt pads it to
# 1 MiB): generously bounded.
EARLY_SLACK = 2 * MIB


@dataclass(frozen=True)
class Machine:
    page_offset: int
    vmalloc: int                # bytes, after early_vmalloc's clamping (vmalloc_size)
    ram_base: int
    ram_bytes: int
    page_bytes: int             # sizeof(struct page)
    max_order: int              # CONFIG_ARCH_FORCE_MAX_ORDER
    pageblock_order: int
    image_end: int = 0          # physical end of the kernel image (_end)
    long_bits: int = 32


def memparse(text):
    """A size as the kernel's memparse reads one: a number, then K, M or G."""
    m = re.match(r"^(0x[0-9a-fA-F]+|\d+)([KMG]?)$", text)
    if not m:
        raise ValueError(f"not a size: {text}")
    return int(m.group(1), 0) << {"": 0, "K": 10, "M": 20, "G": 30}[m.group(2)]


def vmalloc_size(asked, page_offset):
    """early_vmalloc: at least 16 MiB, at most what leaves 32 MiB of lowmem; 240 MiB by default."""
    if asked is None:
        return 240 * MIB
    return min(max(asked, 16 * MIB), VMALLOC_END - (page_offset + LOWMEM_MIN + VMALLOC_OFFSET))


def lowmem(m):
    window = VMALLOC_END - m.vmalloc - VMALLOC_OFFSET - m.page_offset
    return min(window, m.ram_bytes)


def _block_pages(m):
    return 1 << (m.max_order - 1)


def memmap_bytes(m, start_pfn, end_pfn):
    block = _block_pages(m)
    first = start_pfn // block * block
    last = -(-end_pfn // block) * block
    return (last - first) * m.page_bytes


def needed(m):
    start = m.ram_base // PAGE
    return memmap_bytes(m, start, start + m.ram_bytes // PAGE)


def keep(m):
    blocks = m.ram_bytes // PAGE // (1 << m.pageblock_order) + 2
    bits = -(-blocks * PAGEBLOCK_BITS // m.long_bits) * m.long_bits
    return 2 * (bits // 8 + CACHE_LINE) + KEEP_MIN + lowmem(m) // KEEP_DIVISOR


def most_available(m):
    """The most lowmem mem_map can have: lowmem less the kernel image and what lies below it, less keep."""
    return lowmem(m) - (m.image_end - m.ram_base) - keep(m)


def must_trim(m):
    return needed(m) > most_available(m)


def described_end(m, available):
    """Where the RAM kept ends when mem_map may take `available` bytes."""
    block = _block_pages(m)
    start = m.ram_base // PAGE
    end = start // block * block + available // (block * m.page_bytes) * block
    floor = (m.ram_base + lowmem(m)) // PAGE
    return max(min(end, start + m.ram_bytes // PAGE), floor) * PAGE


def problems(line, m):
    """How a MemmapLimit line departs from the rules for machine m (empty: none)."""
    out = []

    def want(name, got, expected):
        if got != expected:
            out.append(f"{name} {got}, the rules give {expected}")

    want("RAM", line.ram_k, m.ram_bytes // KIB)
    want("mem_map needed", line.needed_k, needed(m) // KIB)
    want("lowmem", line.lowmem_k, lowmem(m) // KIB)
    want("kept for the kernel", line.kept_k, keep(m) // KIB)
    top = most_available(m) // KIB
    if not top - EARLY_SLACK // KIB <= line.available_k <= top:
        out.append(f"mem_map's share of lowmem {line.available_k}K, the rules give {top - EARLY_SLACK // KIB}K"
                   f" to {top}K (lowmem less the kernel image, less what is kept)")
    if line.needed_k <= line.available_k:
        out.append(f"RAM left out though its {line.needed_k}K mem_map fits in {line.available_k}K")
    end = described_end(m, line.available_k * KIB)
    want("RAM described", line.described_k, (end - m.ram_base) // KIB)
    want("first address left out", line.ignored_start, end)
    want("last address left out", line.ignored_last, m.ram_base + m.ram_bytes - 1)
    want("RAM left out", line.ignored_k, (m.ram_base + m.ram_bytes - end) // KIB)
    if memmap_bytes(m, m.ram_base // PAGE, end // PAGE) > line.available_k * KIB:
        out.append(f"the mem_map of the RAM described does not fit in {line.available_k}K")
    return out


def largest_described(page_offset, ram_base, page_bytes, max_order, pageblock_order, image_bytes,
                      vmalloc=None, ram_limit=None):
    """The most RAM (bytes, from ram_base) a split describes whole: the
    largest multiple of a MAX_ORDER block whose mem_map fits, found by
    bisection over the rules above (keep depends on the RAM's size)."""
    block = (1 << (max_order - 1)) * PAGE
    lo, hi = 0, (ram_limit or (1 << 40)) // block
    while lo < hi:
        mid = (lo + hi + 1) // 2
        m = Machine(page_offset, vmalloc_size(vmalloc, page_offset), ram_base, mid * block, page_bytes,
                    max_order, pageblock_order, ram_base + image_bytes)
        if needed(m) <= most_available(m):
            lo = mid
        else:
            hi = mid - 1
    return lo * block
