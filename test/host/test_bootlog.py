"""Unit tests for tools/armv7mm/bootlog.py: real boot lines read into named fields.

The lines are copied from boots (this kernel's classic, LPAE and
classic-nohighmem builds, Debian's 6.1 armmp kernel); the expected figures are read off the same
lines by hand.

Run from tools/: python3 -m unittest discover -s ../test/host -p 'test_*.py'
"""
import dataclasses
import unittest

from armv7mm import bootlog, console, meminfo, memmap_limit, percpu

CLASSIC = """\
[    0.004053] armv7mm version 0.1 (classic, PAGE_OFFSET 0xc0000000, HIGHMEM)
[    0.034996] cma: Reserved 16 MiB at 0xbf000000
[    0.035237] MEMBLOCK configuration:
[    0.035333]  memory size = 0x40000000 reserved size = 0x01221472
[    0.035509]  memory.cnt  = 0x1
[    0.035610]  memory[0x0]\t[0x80000000-0xbfffffff], 0x40000000 bytes flags: 0x0
[    0.035813]  reserved.cnt  = 0x4
[    0.035898]  reserved[0x0]\t[0x8000c000-0x8000ffff], 0x00004000 bytes flags: 0x0
[    0.036097]  reserved[0x1]\t[0x80100000-0x80317007], 0x00217008 bytes flags: 0x0
[    0.036322]  reserved[0x2]\t[0x88000000-0x88006469], 0x0000646a bytes flags: 0x0
[    0.040662]  reserved[0x3]\t[0xbf000000-0xbfffffff], 0x01000000 bytes flags: 0x0
[    0.040997] physical kernel sections: 0x80000000-0x80400000
[    0.069468] Zone ranges:
[    0.069640]   Normal   [mem 0x0000000080000000-0x00000000afffffff]
[    0.069814]   HighMem  [mem 0x00000000b0000000-0x00000000bfffffff]
[    0.069970] Movable zone start for each node
[    0.070079] Early memory node ranges
[    0.070239]   node   0: [mem 0x0000000080000000-0x00000000bfffffff]
[    0.070424] Initmem setup node 0 [mem 0x0000000080000000-0x00000000bfffffff]
[    0.071574]   Normal zone: 1536 pages used for memmap
[    0.124085] Memory: 1021772K/1048576K available (110K kernel code, 8K rwdata, 29K rodata, 4K init, 64K bss, \
10420K reserved, 16384K cma-reserved, 245760K highmem)
[    0.124668] Virtual kernel memory layout:
[    0.124786]     vector  : 0xffff0000 - 0xffff1000   (   4 kB)
[    0.124942]     fixmap  : 0xffc80000 - 0xfff00000   (2560 kB)
[    0.125104]     vmalloc : 0xf0800000 - 0xff800000   ( 240 MB)
[    0.125300]     lowmem  : 0xc0000000 - 0xf0000000   ( 768 MB)
[    0.125464]     pkmap   : 0xbfe00000 - 0xc0000000   (   2 MB)
[    0.125648]     modules : 0xbf000000 - 0xbfe00000   (  14 MB)
[    0.125864]       .text : 0xc0010000 - 0xc011b9b0   (1071 kB)
[    0.126075]       .init : 0xc0300000 - 0xc0301000   (   4 kB)
[    0.126342]       .data : 0xc0304000 - 0xc03060ac   (   9 kB)
[    0.126621]        .bss : 0xc0307000 - 0xc0317008   (  65 kB)
[    0.126857] bootstats: instructions per phase (PMCCNTR: one per instruction under qemu -icount shift=0)
[    0.127201] bootstats: reset to start_kernel (head.S)       806423
[    0.127906] bootstats:   map_lowmem                         641793
[    0.128420] bootstats: total to the layout printout      124982818
[    0.134641] 0xc0000000-0xc0100000           1M PGD KERNEL      RW NX SHD
[    0.134825] 0xc0100000-0xc0200000           1M PGD KERNEL      ro x  SHD
[    0.134999] 0xc0200000-0xc0300000           1M PGD KERNEL      ro NX SHD
[    0.135216] 0xc0300000-0xc1000000          13M PGD KERNEL      RW NX SHD
[    0.135493] 0xc1000000-0xf0000000         752M PGD KERNEL      RW NX SHD SUPER
[    0.135816] 0xfeb01000-0xfeb03000           8K PTE KERNEL      RW NX SHD MEM/CACHED/WBWA
[    0.145829] ptdump: 4 PTE tables in use for 2048 PMD entries of 2048 KiB
[    0.147205] reboot: Power down
"""

LPAE = """\
[    0.003358] armv7mm version 0.1 (LPAE, PAGE_OFFSET 0xc0000000, HIGHMEM)
[    0.026727] MEMBLOCK configuration:
[    0.027162]  memory[0x0]\t[0x0000000080000000-0x00000000ffffffff], 0x0000000080000000 bytes flags: 0x0
[    0.028256]  reserved[0x3]\t[0x00000000fee00000-0x00000000ffdfffff], 0x0000000001000000 bytes flags: 0x0
[    0.028550] physical kernel sections: 0x80000000-0x80800000
[    0.108111] Memory: 2060100K/2097152K available (114K kernel code, 8K rwdata, 29K rodata, 4K init, 68K bss, \
20668K reserved, 16384K cma-reserved, 1294336K highmem)
[    0.108574] Virtual kernel memory layout:
[    0.113434]     lowmem  : 0xc0000000 - 0xf0000000   ( 768 MB)
[    0.116015] 0xc0000000-0xc0200000           2M PMD RW NX SHD
[    0.116461] 0xc0600000-0xc2000000          26M PMD RW NX SHD
[    0.116699] 0xc2000000-0xf0000000         736M PMD RW NX SHD CONT
[    0.118600] ptdump: 4 PTE tables in use for 2048 PMD entries of 2048 KiB
"""

# Debian's linux-image-6.1.0-*-armmp (a DMA zone over lowmem, an empty Normal
# one), then this kernel's classic-nohighmem build at 256 MiB (no highmem figure).
OTHERS = """\
[    0.000000] Built 1 zonelists, mobility grouping on.  Total pages: 260416
[    0.000000] Built 1 zonelists, mobility grouping off.  Total pages: 8120
[    0.079652] bench: anti-fragmentation, grouping off: 84 free pageblocks of 92 left after 4107 unmovable and \
12277 movable pages, movable freed
[    0.000000]  memory[0x1]\t[0x90000000-0x903fffff], 0x00400000 bytes flags: 0x4
[    0.000000]   DMA      [mem 0x0000000080000000-0x00000000afffffff]
[    0.000000]   Normal   empty
[    0.000000] Memory: 986064K/1048576K available (11264K kernel code, 1700K rwdata, 3736K rodata, 2048K init, \
376K bss, 29744K reserved, 32768K cma-reserved, 229376K highmem)
[    0.106921] Memory: 241464K/262144K available (103K kernel code, 8K rwdata, 27K rodata, 4K init, 56K bss, \
4296K reserved, 16384K cma-reserved)
"""

MIB = 1 << 20


class ClassicBoot(unittest.TestCase):
    def setUp(self):
        self.log = bootlog.BootLog(console.console_lines(CLASSIC))

    def test_version(self):
        self.assertEqual(self.log.version, bootlog.Version("classic", 0xC0000000, True))
        self.assertFalse(self.log.lpae)

    def test_memory_line_by_name(self):
        m = self.log.memory_line
        self.assertEqual((m.available_k, m.total_k, m.reserved_k, m.cma_reserved_k, m.highmem_k),
                         (1021772, 1048576, 10420, 16384, 245760))
        self.assertEqual((m.kernel_code_k, m.rwdata_k, m.rodata_k, m.init_k, m.bss_k), (110, 8, 29, 4, 64))
        self.assertEqual(m.image_k, 110 + 8 + 29 + 4 + 64)

    def test_layout(self):
        self.assertEqual(list(self.log.layout), ["vector", "fixmap", "vmalloc", "lowmem", "pkmap", "modules",
                                                 ".text", ".init", ".data", ".bss"])
        self.assertEqual(self.log.layout["lowmem"], bootlog.Area("lowmem", 0xC0000000, 0xF0000000))
        self.assertEqual(self.log.layout[".bss"].size, 0xC0317008 - 0xC0307000)

    def test_memblock_dump(self):
        self.assertEqual(self.log.memory, [bootlog.Region("memory", 0x80000000, 0xC0000000, 0, 32)])
        self.assertEqual([(r.base, r.end) for r in self.log.reserved],
                         [(0x8000C000, 0x80010000), (0x80100000, 0x80317008),
                          (0x88000000, 0x8800646A), (0xBF000000, 0xC0000000)])
        self.assertEqual(self.log.ram_bytes(), 1 << 30)
        self.assertEqual(self.log.lowmem_phys_end(), 0xB0000000)

    def test_zones_nodes_cma(self):
        self.assertEqual([(z.name, z.start, z.end) for z in self.log.zones],
                         [("Normal", 0x80000000, 0xB0000000), ("HighMem", 0xB0000000, 0xC0000000)])
        self.assertEqual(self.log.node_lines, ["  node   0: [mem 0x0000000080000000-0x00000000bfffffff]",
                                               "Initmem setup node 0 [mem 0x0000000080000000-0x00000000bfffffff]"])
        self.assertEqual(self.log.cma, [bootlog.Cma(0xBF000000, 16 * MIB)])

    def test_bootstats(self):
        self.assertEqual(self.log.phases, {"reset to start_kernel (head.S)": 806423, "map_lowmem": 641793,
                                           "total to the layout printout": 124982818})

    def test_ptdump(self):
        self.assertEqual(len(self.log.ptdump), 6)
        self.assertEqual(self.log.pte_tables, 4)
        self.assertTrue(self.log.ptdump[4].large)
        self.assertFalse(self.log.ptdump[3].large)
        # Lowmem, 0xc0000000-0xf0000000: 16 MiB in 1 MiB sections, then 752 MiB in 16 MiB supersections.
        self.assertEqual(self.log.lowmem_entries(), {MIB: 16, 16 * MIB: 47})
        self.assertEqual([t.bytes for t in self.log.page_table_bytes()], [16384, 0, 4 * 4096])
        self.assertEqual(self.log.missing(), [])


class LpaeBoot(unittest.TestCase):
    def test_lpae(self):
        log = bootlog.BootLog(console.console_lines(LPAE))
        self.assertTrue(log.lpae)
        self.assertEqual(log.memory, [bootlog.Region("memory", 0x80000000, 0x100000000, 0, 64)])
        self.assertEqual(log.reserved[0].size, 16 * MIB)
        self.assertEqual(log.memory_line.highmem_k, 1294336)
        # 0xc0000000-0xc2000000 in 2 MiB blocks, 0xc2000000-0xf0000000 in 32 MiB contiguous runs.
        self.assertEqual(log.lowmem_entries(), {2 * MIB: 1 + 13, 32 * MIB: 23})
        self.assertEqual(sum(t.bytes for t in log.page_table_bytes()), 4096 + 16384 + 4 * 4096)


class OtherLines(unittest.TestCase):
    def test_linux_and_nohighmem_lines(self):
        lines = console.console_lines(OTHERS)
        self.assertEqual(bootlog.zonelists_line(lines.pop(0)), bootlog.Zonelists(1, True, 260416))
        self.assertEqual(bootlog.zonelists_line(lines.pop(0)), bootlog.Zonelists(1, False, 8120))
        self.assertEqual(bootlog.antifrag_line(lines.pop(0)), bootlog.AntiFrag(False, 84, 92, 4107, 12277))
        self.assertEqual(bootlog.memblock_region(lines[0]), bootlog.Region("memory", 0x90000000, 0x90400000, 4, 32))
        self.assertEqual(bootlog.zone_line(lines[1]).name, "DMA")
        self.assertEqual(bootlog.zone_line(lines[2]), bootlog.Zone("Normal", None, None, "empty"))
        m = bootlog.memory_line(lines[3])
        self.assertEqual((m.total_k, m.reserved_k, m.cma_reserved_k, m.highmem_k), (1048576, 29744, 32768, 229376))
        m = bootlog.memory_line(lines[4])
        self.assertEqual((m.reserved_k, m.cma_reserved_k, m.highmem_k), (4296, 16384, None))

    def test_bench_lines(self):
        self.assertEqual(bootlog.bench_line("bench: kmap+kunmap (highmem page): 133 instructions per pair"),
                         ("kmap+kunmap (highmem page)", 133))
        self.assertEqual(bootlog.bench_line("bench: alloc_contig_range 4 MiB of CMA, full of movable pages: "
                                            "1613 instructions per page moved"),
                         ("alloc_contig_range 4 MiB of CMA, full of movable pages, per page moved", 1613))
        self.assertEqual(bootlog.bench_line("bench: cma_release 4 MiB: 200 instructions per page"),
                         ("cma_release 4 MiB, per page", 200))
        self.assertFalse(bootlog.bench_line("bench: x: 5 instructions per fortnight"))
        self.assertEqual(bootlog.slab_meta_line("bench: slab metadata kmalloc-192: 3.04 bytes per object "
                                                "(21 objects in 4096 bytes)"), ("kmalloc-192", 3.04))
        self.assertFalse(bootlog.bench_line("bench: slab metadata kmalloc-192: 3.04 bytes per object"))

    def test_slub_line(self):
        # Debian 6.1 armmp on vexpress-a15 (two CPUs in its DTB).
        self.assertEqual(bootlog.slub_line("SLUB: HWalign=64, Order=0-3, MinObjects=0, CPUs=2, Nodes=1"),
                         bootlog.Slub(64, 0, 3, 0, 2, 1))
        self.assertFalse(bootlog.slub_line("SLUB: HWalign=64, Order=0-3, MinObjects=0, CPUs=2"))

    def test_percpu_lines(self):
        """Debian's armmp and armmp-lpae lines (test/data/linux), and ours for a 132-byte template:
        Linux's rules are worked out by hand for each (pages of s + 8192 + 20480, unit at least 32 KiB)."""
        armmp = bootlog.percpu_line("percpu: Embedded 18 pages/cpu s45012 r8192 d20524 u73728")
        self.assertEqual(armmp, bootlog.Percpu(18, 45012, 8192, 20524, 73728))
        self.assertEqual(percpu.problems(armmp), [])
        lpae = bootlog.percpu_line("percpu: Embedded 19 pages/cpu s45204 r8192 d24428 u77824")
        self.assertEqual(percpu.problems(lpae), [])
        self.assertEqual(percpu.expected(132), bootlog.Percpu(8, 132, 8192, 24444, 32768))
        # No template: 28672 bytes are 7 pages, the unit still 32 KiB.
        self.assertEqual(percpu.expected(0), bootlog.Percpu(7, 0, 8192, 20480, 32768))
        self.assertEqual(len(percpu.problems(bootlog.Percpu(8, 132, 4096, 28540, 32768))), 2)
        self.assertEqual(len(percpu.problems(bootlog.Percpu(8, 132, 8192, 24444, 28672))), 1)
        # 4.14's format had the base address; 6.1's has none.
        self.assertFalse(bootlog.percpu_line("percpu: Embedded 15 pages/cpu @8bb30000 s30156 r8192 d23092 u61440"))

    def test_memmap_limit_line(self):
        """A 12 GiB LPAE boot with vmalloc=3G: 32 MiB of lowmem. The rules by hand: 3 Mi frames of 36
        bytes, 110592K; kept 6 MiB (1/16 of 32 MiB, 4 MiB) and the bitmaps, 2 * (3076 + 64) bytes
        (6144 pageblocks of 2 MiB, + 2, 4 bits each: 24584 bits, 769 longs); mem_map's share 32 MiB
        less the image's 8.13 MiB and that: 18265K pays for 253 blocks of 72 KiB, 8 MiB of RAM each."""
        line = bootlog.memmap_limit_line(
            "mem_map: ignoring RAM 0x00000000fe800000-0x000000037fffffff (10510336K): describing all 12582912K"
            " of RAM needs a 110592K mem_map, but lowmem (32768K) has 18265K free for it after keeping 6150K"
            " for the kernel; 2072576K described")
        self.assertEqual(line, bootlog.MemmapLimit(0xfe800000, 0x37fffffff, 10510336, 12582912, 110592, 32768,
                                                   18265, 6150, 2072576))
        m = memmap_limit.Machine(0xC0000000, memmap_limit.vmalloc_size(3 << 30, 0xC0000000), 0x80000000,
                                 12 << 30, 36, 12, 9, 0x80821010)
        self.assertEqual(memmap_limit.keep(m), 6 * memmap_limit.MIB + 2 * (3076 + 64))
        self.assertEqual(memmap_limit.problems(line, m), [])
        self.assertEqual(line.described_k, 253 * 8192)
        # One figure off is one problem: the mem_map needed, or one block more described than the share pays for.
        self.assertEqual(len(memmap_limit.problems(dataclasses.replace(line, needed_k=110520), m)), 1)
        self.assertEqual(len(memmap_limit.problems(dataclasses.replace(line, described_k=254 * 8192), m)), 1)
        # The 3G split describes 78 GiB and some (the image as in this line), the 1G split all of virt's 255.
        self.assertGreater(memmap_limit.largest_described(0xC0000000, 0x40000000, 36, 12, 9, 0x821010), 78 << 30)
        self.assertLess(memmap_limit.largest_described(0xC0000000, 0x40000000, 36, 12, 9, 0x821010), 79 << 30)
        self.assertGreater(memmap_limit.largest_described(0x40000000, 0x40000000, 36, 12, 9, 0x821010), 255 << 30)

    def test_other_lines_are_none(self):
        for read in (bootlog.version_line, bootlog.memory_line, bootlog.layout_area, bootlog.memblock_region,
                     bootlog.zone_line, bootlog.node_line, bootlog.cma_line, bootlog.ptdump_line,
                     bootlog.pte_tables_line, bootlog.bootstats_line, bootlog.bench_line, bootlog.slub_line,
                     bootlog.slab_meta_line,
                     bootlog.zonelists_line, bootlog.antifrag_line, bootlog.percpu_line,
                     bootlog.meminfo_line, bootlog.dma_pool_line, bootlog.cma_pool_line):
            self.assertFalse(read("  Normal zone: 1536 pages used for memmap"), read.__name__)


# Debian's 6.1 armmp kernel on the other boards (tools/linux-compare --machine):
# Raspberry Pi 2 with earlycon, vexpress-a9, and virt's PSCI lines.
RASPI2B = """\
[    0.000000] CPU: ARMv7 Processor [410fc075] revision 5 (ARMv7), cr=10c5387d
[    0.000000] CPU: PIPT / VIPT nonaliasing data cache, VIPT aliasing instruction cache
[    0.000000] OF: fdt: Machine model: Raspberry Pi 2 Model B
[    0.000000] earlycon: pl11 at MMIO 0x3f201000 (options '115200n8')
[    0.000000] printk: bootconsole [pl11] enabled
[    0.000000] Memory policy: Data cache writealloc
[    0.000000] Reserved memory: created CMA memory pool at 0x38000000, size 64 MiB
[    0.000000] OF: reserved mem: initialized node linux,cma, compatible id shared-dma-pool
[    3.062885] printk: console [ttyAMA0] enabled
[    3.063000] printk: bootconsole [pl11] disabled
"""
VEXPRESS_A9 = """\
[    0.000000] CPU: PIPT / VIPT nonaliasing data cache, VIPT nonaliasing instruction cache
[    0.000000] OF: fdt: Machine model: V2P-CA9
[    0.000000] Memory policy: Data cache writeback
[    0.000000] Reserved memory: created DMA memory pool at 0x4c000000, size 8 MiB
[    0.000000] OF: reserved mem: initialized node vram@4c000000, compatible id shared-dma-pool
[    0.000000] cma: Reserved 16 MiB at 0x9f000000
[    0.000000] L2C-310 cache controller enabled, 8 ways, 128 kB
"""
VIRT_LPAE = """\
[    0.000000] OF: fdt: Machine model: linux,dummy-virt
[    0.000000] psci: probing for conduit method from DT.
[    0.000000] psci: PSCIv1.1 detected in firmware.
[    0.000000] psci: Using standard PSCI v0.2 function IDs
[    0.000000] Reserved memory: created CMA memory pool at 0x0000000038000000, size 64 MiB
"""


class DebianBoards(unittest.TestCase):
    def log(self, text):
        return bootlog.BootLog(console.console_lines(text))

    def test_raspi2b(self):
        log = self.log(RASPI2B)
        self.assertEqual(log.machine_model, "Raspberry Pi 2 Model B")
        # Linux prints pl011's trailing digits as the console's index.
        self.assertEqual(log.earlycon, bootlog.Earlycon("pl", 11, "MMIO", 0x3F201000, "115200n8"))
        self.assertEqual(log.consoles, [bootlog.ConsoleEvent(True, "pl11", True),
                                        bootlog.ConsoleEvent(False, "ttyAMA0", True),
                                        bootlog.ConsoleEvent(True, "pl11", False)])
        self.assertEqual(log.cpu_caches, bootlog.CpuCaches("PIPT / VIPT nonaliasing", "VIPT aliasing"))
        self.assertEqual(log.memory_policy, "writealloc")
        self.assertEqual(log.reserved_pools, [bootlog.ReservedPool("CMA", 0x38000000, 64 * MIB)])
        self.assertEqual(log.cma, [bootlog.Cma(0x38000000, 64 * MIB)])
        self.assertIsNone(log.psci)

    def test_orangepi_earlycon(self):
        self.assertEqual(bootlog.earlycon_line("earlycon: uart0 at MMIO32 0x01c28000 (options '115200n8')"),
                         bootlog.Earlycon("uart", 0, "MMIO32", 0x01C28000, "115200n8"))
        self.assertEqual(bootlog.earlycon_line("earlycon: uart0 at I/O port 0x3f8 (options '')"),
                         bootlog.Earlycon("uart", 0, "I/O port", 0x3F8, ""))
        self.assertFalse(bootlog.earlycon_line("earlycon: uart0 at MMIO64 0x01c28000 (options '')"))

    def test_vexpress_a9(self):
        log = self.log(VEXPRESS_A9)
        # vram's coherent pool lies outside RAM and is no CMA area.
        self.assertEqual(log.reserved_pools, [bootlog.ReservedPool("DMA", 0x4C000000, 8 * MIB)])
        self.assertEqual(log.cma, [bootlog.Cma(0x9F000000, 16 * MIB)])
        self.assertIsNone(bootlog.cma_pool_line("Reserved memory: created DMA memory pool at 0x4c000000, size 8 MiB"))
        self.assertEqual(log.cpu_caches, bootlog.CpuCaches("PIPT / VIPT nonaliasing", "VIPT nonaliasing"))
        self.assertEqual(log.memory_policy, "writeback")
        self.assertEqual(log.l2c, bootlog.L2c("L2C-310", 8, 128))
        self.assertIsNone(log.earlycon)

    def test_virt_lpae(self):
        log = self.log(VIRT_LPAE)
        self.assertEqual(log.psci, (1, 1))
        self.assertEqual(log.machine_model, "linux,dummy-virt")
        self.assertEqual(log.reserved_pools, [bootlog.ReservedPool("CMA", 0x38000000, 64 * MIB)])

    def test_other_lines_are_none(self):
        for read in (bootlog.reserved_pool_line, bootlog.machine_model_line, bootlog.earlycon_line,
                     bootlog.console_line, bootlog.psci_version_line, bootlog.cpu_caches_line,
                     bootlog.memory_policy_line, bootlog.l2c_line):
            for line in ("  Normal zone: 1536 pages used for memmap", "psci: Using standard PSCI v0.2 function IDs",
                         "OF: reserved mem: initialized node linux,cma, compatible id shared-dma-pool"):
                self.assertFalse(read(line), (read.__name__, line))


# A classic 1 GiB boot with `meminfo`, the lines the check reads (this kernel's),
# and Debian's DMA line.
MEMINFO_BOOT = """\
[    0.040397] cma: Reserved 16 MiB at 0xbf000000
[    0.043135]   Normal   [mem 0x0000000080000000-0x00000000afffffff]
[    0.043309]   HighMem  [mem 0x00000000b0000000-0x00000000bfffffff]
[    0.052389] percpu: Embedded 8 pages/cpu s168 r8192 d24408 u32768
[    0.103027] Memory: 1019700K/1048576K available (215K kernel code, 8K rwdata, 46K rodata, 1024K init, 80K bss, \
12492K reserved, 16384K cma-reserved, 245760K highmem)
[    0.113015] Virtual kernel memory layout:
[    0.113164]     vmalloc : 0xf0800000 - 0xff800000   ( 240 MB)
[    0.113415]     lowmem  : 0xc0000000 - 0xf0000000   ( 768 MB)
[    0.120425] SLUB: HWalign=64, Order=0-3, MinObjects=0, CPUs=2, Nodes=1
[    0.134309] DMA: preallocated 256 KiB pool for atomic coherent allocations
[    0.139511] MemTotal:        1036084 kB
[    0.140310] MemFree:         1035572 kB
[    0.142014] MemAvailable:    1021264 kB
[    0.142543] HighTotal:        262144 kB
[    0.144600] HighFree:         261888 kB
[    0.145217] LowTotal:         773940 kB
[    0.145822] LowFree:          773684 kB
[    0.146352] KReclaimable:          0 kB
[    0.146569] Slab:                  8 kB
[    0.146966] SReclaimable:          0 kB
[    0.147234] SUnreclaim:            8 kB
[    0.147495] VmallocTotal:     245760 kB
[    0.148148] VmallocUsed:           0 kB
[    0.148237] VmallocChunk:          0 kB
[    0.148249] Percpu:               64 kB
[    0.148385] CmaTotal:          16384 kB
[    0.148482] CmaFree:           16128 kB
"""


class Meminfo(unittest.TestCase):
    def lines(self, replace=None):
        text = MEMINFO_BOOT if replace is None else MEMINFO_BOOT.replace(*replace)
        return console.console_lines(text)

    def test_lines_read(self):
        log = bootlog.BootLog(self.lines())
        self.assertEqual([(m.name, m.kb) for m in log.meminfo][:3],
                         [("MemTotal", 1036084), ("MemFree", 1035572), ("MemAvailable", 1021264)])
        self.assertEqual(len(log.meminfo), 17)
        self.assertEqual(log.dma_pool, bootlog.DmaPool(True, 256))
        self.assertEqual(bootlog.dma_pool_line("DMA: failed to allocate 256 KiB pool for atomic coherent allocations"),
                         bootlog.DmaPool(False, 256))
        self.assertEqual(bootlog.cma_pool_line("Reserved memory: created CMA memory pool at 0x00000000bf000000, "
                                               "size 16 MiB"), bootlog.Cma(0xBF000000, 16 * MIB))

    def test_format_is_linux_exactly(self):
        self.assertEqual(bootlog.meminfo_line("MemTotal:       10360840 kB"), bootlog.Meminfo("MemTotal", 10360840))
        self.assertEqual(bootlog.meminfo_line("MemTotal:       123456789 kB"), bootlog.Meminfo("MemTotal", 123456789))
        self.assertEqual(bootlog.meminfo_line("MemTotal:      10360840 kB"), None)    # the name's column is 16
        self.assertEqual(bootlog.meminfo_line("MemTotal:        1036084kB"), None)
        self.assertEqual(bootlog.meminfo_line("MemTotal: 1036084 kB"), None)
        self.assertEqual(bootlog.meminfo_line("MemTotal:         1036084 kB"), None)   # figure wider than 8

    def test_check_passes_and_fails(self):
        self.assertEqual(meminfo.problems(bootlog.BootLog(self.lines()), True), [])
        # Each figure off by a page, or a line missing: a problem.
        for old, new in [("MemTotal:        1036084", "MemTotal:        1036088"),
                         ("CmaTotal:          16384", "CmaTotal:          16380"),
                         ("CmaFree:           16128", "CmaFree:           16124"),
                         ("HighTotal:        262144", "HighTotal:        262148"),
                         ("LowFree:          773684", "LowFree:          773680"),
                         ("VmallocTotal:     245760", "VmallocTotal:     245764"),
                         ("VmallocChunk:          0", "VmallocChunk:          4"),
                         ("Slab:                  8", "Slab:                 12"),
                         ("KReclaimable:          0", "KReclaimable:          4"),
                         ("Percpu:               64", "Percpu:               32"),
                         ("CPUs=2", "CPUs=1"),
                         ("[    0.142014] MemAvailable:    1021264 kB\n", "")]:
            self.assertNotEqual(meminfo.problems(bootlog.BootLog(self.lines((old, new))), True), [], new)
        # Without HIGHMEM the High and Low lines must not be there.
        self.assertNotEqual(meminfo.problems(bootlog.BootLog(self.lines()), False), [])


class Timestamps(unittest.TestCase):
    def test_console_lines(self):
        self.assertEqual(console.console_lines("[    0.004053] a\r\n[12345.000001] b\nc\n"), ["a", "b", "c"])
        self.assertEqual(console.strip_timestamp("[    0.000000]  memory[0x0]"), " memory[0x0]")


if __name__ == "__main__":
    unittest.main()
