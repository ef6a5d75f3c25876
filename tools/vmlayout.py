"""A model of the virtual memory layout, written from Linux's rules.

Computes, for a build (its .config and System.map) and a QEMU vexpress-a15
machine (RAM size, vmalloc=), the "Virtual kernel memory layout:" block the
kernel should print, in Linux 4.14's format. The rules are restated from
Linux 6.x (early_init_dt_add_memory_arch, memblock_add's cap, early_vmalloc,
adjust_lowmem_bounds, VMALLOC_START) and 4.14 (mem_init's printout), not
taken from this kernel's C code, so that the two can check each other.
"""
import re

from armv7mm.build import Build

SZ_1M = 1 << 20
PMD_SIZE = 2 * SZ_1M
VMALLOC_END = 0xFF800000
VMALLOC_OFFSET = 8 * SZ_1M
VMALLOC_DEFAULT = 240 * SZ_1M
FIXADDR_START, FIXADDR_END = 0xFFC80000, 0xFFF00000
VECTORS_BASE = 0xFFFF0000
PAGE_SIZE = 4096
RAM_BASE = 0x80000000          # vexpress-a15 ("RS1" memory map): RAM starts at 2 GiB
SECTIONS = (  # printout name, start symbol, end symbol
    (".text", "_text", "_etext"),
    (".init", "__init_begin", "__init_end"),
    (".data", "_sdata", "_edata"),
    (".bss", "__bss_start", "__bss_stop"),
)


def read_config(build_dir):
    build = Build(build_dir)
    return {"page_offset": build.page_offset, "lpae": build.lpae, "highmem": build.highmem}


def read_symbols(build_dir):
    return Build(build_dir).symbols()


def memparse(text):
    m = re.match(r"^(\d+|0x[0-9a-fA-F]+)([KMG]?)$", text)
    if not m:
        raise ValueError(f"not a size: {text}")
    value = int(m.group(1), 0)
    return value << {"": 0, "K": 10, "M": 20, "G": 30}[m.group(2)]


def vmalloc_size(vmalloc_arg, page_offset):
    """Linux 6.x early_vmalloc: at least 16 MiB, at most what leaves 32 MiB of lowmem."""
    if vmalloc_arg is None:
        return VMALLOC_DEFAULT
    size = memparse(vmalloc_arg)
    size = max(size, 16 * SZ_1M)
    return min(size, VMALLOC_END - (page_offset + 32 * SZ_1M + VMALLOC_OFFSET))


def ram_end(mem_mb, lpae):
    """End (exclusive) of the memblock memory QEMU's DT gives: without LPAE
    phys_addr_t is 32 bits, the DT scan drops what lies at or above 4 GiB and
    memblock_add caps the rest at PHYS_ADDR_MAX (so it ends at 0xffffffff)."""
    end = RAM_BASE + mem_mb * SZ_1M
    if not lpae:
        end = min(end, 0xFFFFFFFF)
    return end


def lowmem_limit(cfg, mem_mb, vmalloc_arg):
    """Linux 6.x adjust_lowmem_bounds, run twice around arm_memblock_init,
    with the highmem removal of kernels without HIGHMEM in between."""
    vm_limit = VMALLOC_END - vmalloc_size(vmalloc_arg, cfg["page_offset"]) - VMALLOC_OFFSET \
        - cfg["page_offset"] + RAM_BASE
    end = ram_end(mem_mb, cfg["lpae"])
    for _ in range(2):
        limit = min(vm_limit, end)
        if not cfg["highmem"] and end > limit:
            end = limit - limit % PMD_SIZE     # memblock_limit, rounded down to a PMD
    return limit


def expected_layout(build_dir, mem_mb, vmalloc_arg=None):
    """The lines of the layout printout, without timestamps."""
    cfg = read_config(build_dir)
    syms = read_symbols(build_dir)
    po = cfg["page_offset"]
    limit = lowmem_limit(cfg, mem_mb, vmalloc_arg)
    high_memory = (limit - 1 - RAM_BASE + po + 1) & 0xFFFFFFFF
    vmalloc_start = (high_memory + VMALLOC_OFFSET) & ~(VMALLOC_OFFSET - 1)

    def area(name, start, end, shift):
        unit = "MB" if shift == 20 else "kB"
        return f"    {name:<7} : 0x{start:08x} - 0x{end:08x}   ({(end - start) >> shift:4d} {unit})"

    lines = ["Virtual kernel memory layout:",
             area("vector", VECTORS_BASE, VECTORS_BASE + PAGE_SIZE, 10),
             area("fixmap", FIXADDR_START, FIXADDR_END, 10),
             area("vmalloc", vmalloc_start, VMALLOC_END, 20),
             area("lowmem", po, high_memory, 20)]
    if cfg["highmem"]:
        lines.append(area("pkmap", po - PMD_SIZE, po, 20))
    lines.append(area("modules", po - 16 * SZ_1M, po - (PMD_SIZE if cfg["highmem"] else 0), 20))
    for name, lo, hi in SECTIONS:
        start, end = syms[lo], syms[hi]
        lines.append(f"    {name:>7} : 0x{start:08x} - 0x{end:08x}   ({(end - start + 1023) // 1024:4d} kB)")
    return lines


def expected_zones(build_dir, mem_mb, vmalloc_arg=None):
    """The zone summary free_area_init prints (Linux 6.x's lines, ZONE_DMA
    off): lowmem is ZONE_NORMAL up to the lowmem limit, the rest HighMem;
    whole pages only, so RAM ending at 0xffffffff ends a page early."""
    cfg = read_config(build_dir)
    limit = lowmem_limit(cfg, mem_mb, vmalloc_arg)
    end = ram_end(mem_mb, cfg["lpae"])
    if not cfg["highmem"]:
        end = min(end, limit)
    start_pfn, low_pfn, end_pfn = RAM_BASE >> 12, limit >> 12, end >> 12

    def rng(lo, hi):
        return "empty" if lo >= hi else f"[mem 0x{lo << 12:016x}-0x{(hi << 12) - 1:016x}]"

    lines = ["Zone ranges:", f"  {'Normal':<8} {rng(start_pfn, min(low_pfn, end_pfn))}"]
    if cfg["highmem"]:
        lines.append(f"  {'HighMem':<8} {rng(low_pfn, end_pfn)}")
    lines += ["Movable zone start for each node", "Early memory node ranges",
              f"  node   0: {rng(start_pfn, end_pfn)}",
              f"Initmem setup node 0 {rng(start_pfn, end_pfn)}"]
    return lines, (end_pfn - start_pfn) * 4
