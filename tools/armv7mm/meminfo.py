"""The meminfo printout (`meminfo` on the command line) against what the
same boot printed before it.

problems(log, highmem) reads a BootLog and lists what is wrong (empty:
nothing). The figures it checks against come from other lines of the log,
in the formats Linux prints them, so Debian's kernel, which prints no
meminfo at boot, is the reference for those:

- the lines are /proc/meminfo's that apply, once each, in Linux 6.1's order
  (fs/proc/meminfo.c), in its format (bootlog.meminfo_line); HighTotal to
  LowFree only with CONFIG_HIGHMEM;
- MemTotal is the Memory: line's available figure plus its cma-reserved
  one: the Memory: line counts the free pages before the CMA areas join
  the allocator (cma_init_reserved_areas, which adds them to totalram, as
  Linux's adjust_managed_page_count does); nothing else changes totalram
  between the two (init memory is freed after);
- CmaTotal is the cma-reserved figure;
- CmaFree is close to CmaTotal: at most the atomic DMA pool (the DMA:
  line's 256 KiB) less, and only when that pool was made. Nothing else at
  boot takes CMA memory: CMA pageblocks serve movable requests only and
  boot makes none, and pages freed to the per-CPU lists from a CMA block
  come back through the buddy lists at cma_init_reserved_areas, not the
  per-CPU ones;
- HighTotal is the highmem figure plus the CMA areas' highmem part (the
  cma: and Reserved memory: lines, above the HighMem zone's start): they
  join highmem's managed pages too; LowTotal + HighTotal = MemTotal and
  LowFree + HighFree = MemFree;
- MemAvailable <= MemFree <= MemTotal (the reserves are never negative);
- VmallocTotal is the layout printout's vmalloc area; VmallocChunk is 0
  (6.1 prints 0); VmallocUsed is 0: it counts vmalloc()'s pages only
  (nr_vmalloc_pages), and the boot vmallocs nothing (the atomic pool is
  vmap'ed);
- Slab = SReclaimable + SUnreclaim, and more than 0 (kmem_cache_init's own
  caches have slabs); KReclaimable = SReclaimable (nothing else here is
  reclaimable kernel memory);
- Percpu is the percpu: line's pages per unit times the units, one for
  each possible CPU (the SLUB: line's CPUs; with page-sized atoms there
  are no filler units), as Linux's pcpu_nr_pages counts the first chunk.
"""

ORDER = ["MemTotal", "MemFree", "MemAvailable", "HighTotal", "HighFree", "LowTotal", "LowFree",
         "KReclaimable", "Slab", "SReclaimable", "SUnreclaim",
         "VmallocTotal", "VmallocUsed", "VmallocChunk", "Percpu", "CmaTotal", "CmaFree"]
HIGHMEM_ONLY = {"HighTotal", "HighFree", "LowTotal", "LowFree"}


def expected_names(highmem):
    return [n for n in ORDER if highmem or n not in HIGHMEM_ONLY]


def problems(log, highmem):
    out = []
    names = [m.name for m in log.meminfo]
    want = expected_names(highmem)
    if names != want:
        return ["meminfo lines %s, expected %s in Linux's format" % (names, want)]
    if log.memory_line is None:
        return ["no Memory: line to check meminfo against"]
    mi = {m.name: m.kb for m in log.meminfo}
    mem = log.memory_line

    def check(cond, msg):
        if not cond:
            out.append(msg)

    check(mi["MemTotal"] == mem.available_k + mem.cma_reserved_k,
          "MemTotal %d kB, but the Memory: line has %dK available + %dK cma-reserved"
          % (mi["MemTotal"], mem.available_k, mem.cma_reserved_k))
    check(mi["CmaTotal"] == mem.cma_reserved_k,
          "CmaTotal %d kB, but the Memory: line has %dK cma-reserved" % (mi["CmaTotal"], mem.cma_reserved_k))
    pool_kib = log.dma_pool.kib if log.dma_pool and log.dma_pool.preallocated else 0
    check(mi["CmaTotal"] - pool_kib <= mi["CmaFree"] <= mi["CmaTotal"],
          "CmaFree %d kB is not within the atomic pool's %d KiB below CmaTotal %d kB"
          % (mi["CmaFree"], pool_kib, mi["CmaTotal"]))
    check(mi["MemAvailable"] <= mi["MemFree"] <= mi["MemTotal"],
          "MemAvailable %d, MemFree %d, MemTotal %d kB: not in that order"
          % (mi["MemAvailable"], mi["MemFree"], mi["MemTotal"]))
    if highmem:
        high_zone = next((z for z in log.zones if z.name == "HighMem"), None)
        high_start = high_zone.start if high_zone and high_zone.start is not None else None
        cma_high_k = 0
        if high_start is not None:
            cma_high_k = sum(max(0, c.base + c.size - max(c.base, high_start)) for c in log.cma) // 1024
        check(mem.highmem_k is not None and mi["HighTotal"] == mem.highmem_k + cma_high_k,
              "HighTotal %d kB, but the Memory: line has %sK highmem and the CMA areas %dK of highmem"
              % (mi["HighTotal"], mem.highmem_k, cma_high_k))
        check(mi["LowTotal"] + mi["HighTotal"] == mi["MemTotal"],
              "LowTotal %d + HighTotal %d kB is not MemTotal %d kB" % (mi["LowTotal"], mi["HighTotal"], mi["MemTotal"]))
        check(mi["LowFree"] + mi["HighFree"] == mi["MemFree"],
              "LowFree %d + HighFree %d kB is not MemFree %d kB" % (mi["LowFree"], mi["HighFree"], mi["MemFree"]))
        check(mi["HighFree"] <= mi["HighTotal"] and mi["LowFree"] <= mi["LowTotal"],
              "more free than total in highmem or lowmem")
    vmalloc = log.layout.get("vmalloc")
    check(vmalloc is not None and mi["VmallocTotal"] == vmalloc.size // 1024,
          "VmallocTotal %d kB, but the layout's vmalloc area is %s"
          % (mi["VmallocTotal"], vmalloc and "%d kB" % (vmalloc.size // 1024)))
    check(mi["VmallocUsed"] == 0, "VmallocUsed %d kB: the boot vmallocs nothing" % mi["VmallocUsed"])
    check(mi["VmallocChunk"] == 0, "VmallocChunk %d kB: Linux 6.1 prints 0" % mi["VmallocChunk"])
    check(mi["Slab"] == mi["SReclaimable"] + mi["SUnreclaim"] and mi["Slab"] > 0,
          "Slab %d kB is not SReclaimable %d + SUnreclaim %d kB, or is 0"
          % (mi["Slab"], mi["SReclaimable"], mi["SUnreclaim"]))
    check(mi["KReclaimable"] == mi["SReclaimable"],
          "KReclaimable %d kB is not SReclaimable %d kB" % (mi["KReclaimable"], mi["SReclaimable"]))
    if log.percpu is None or log.slub is None:
        check(False, "no percpu: or SLUB: line to check Percpu against")
    else:
        check(mi["Percpu"] == log.percpu.pages * log.slub.cpus * 4,
              "Percpu %d kB, but the percpu: line has %d pages/cpu and the SLUB: line %d CPUs"
              % (mi["Percpu"], log.percpu.pages, log.slub.cpus))
    return out
