"""The pictures of tools/compare, drawn from boot logs (BootLog) only.

  structure_figure(boots)  per build: the 4 GiB virtual space coloured by the
                           size of the entry that maps each part, the
                           page-table pages as boxes to scale, and below all
                           builds the physical memory each one reaches
  splits_figure(boots)     one row per build: the 4 GiB virtual space to
                           scale (user space, lowmem, vmalloc) and the RAM
                           it keeps against the RAM the board has
  save(picture, svg, png)  writes them; the SVG carries a <title> (hover
                           text) on every region, the PNG the command and a
                           digest of the logs it was drawn from
  label_overlaps(picture)  pairs of labels whose drawn boxes intersect
  record, read_recorded    boots kept in a directory (tools/compare --record,
                           --logs) and the digest the PNG's metadata names

boots is a list of (label, BootLog). Every figure comes from the logs
through armv7mm.translation; matplotlib is imported only when drawing.
"""
import hashlib
import io
import math
import os
import re
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from armv7mm import translation
from armv7mm.bootlog import GIB, KIB, MIB, PAGE_SIZE
from armv7mm.console import console_lines

COLOURS = {
    "unmapped": "#ffffff", "page": "#fb6a4a", "section": "#fdae6b", "supersection": "#e6550d",
    "block": "#9ecae1", "contiguous": "#3182bd",
    "lowmem": "#74c476", "highmem": "#c7e9c0", "ignored": "#bdbdbd", "limit": "#d62728",
    "user": "#dadaeb", "vmalloc": "#fdd0a2", "kernel-other": "#fee6ce",
    "pgd": "#756bb1", "pmd": "#9e9ac8", "pte": "#fb6a4a", "pte-linux": "#fcbba1", "pte-hw": "#fb6a4a",
}
KIND_ORDER = ["page", "section", "supersection", "block", "contiguous", "unmapped"]


def human(n):
    """A size in the largest unit that keeps it short: 4K, 1.25G, 16M..."""
    for unit, size in (("G", GIB), ("M", MIB), ("K", KIB)):
        v = round(n / size, 2)
        if v >= 1:
            return f"{v:.2f}".rstrip("0").rstrip(".") + unit
    return f"{n}B"


def hex_range(s, e):
    return f"0x{s:08x}-0x{e - 1:08x}"


@dataclass
class Picture:
    """A figure and what save() and the tests need of it."""
    fig: object
    titles: dict = field(default_factory=dict)      # gid -> hover text
    labels: list = field(default_factory=list)      # the texts that must not overlap

    def title(self, artist, text):
        gid = f"region{len(self.titles) + 1}"
        artist.set_gid(gid)
        self.titles[gid] = text

    def text(self, ax, *args, **kw):
        t = ax.text(*args, **kw)
        self.labels.append(t)
        return t


def _mpl():
    import matplotlib
    matplotlib.use("Agg")
    matplotlib.rcParams["svg.hashsalt"] = "armv7mm"
    matplotlib.rcParams["svg.fonttype"] = "none"
    matplotlib.rcParams["font.family"] = "DejaVu Sans"
    import matplotlib.pyplot as plt
    return plt


def strip_height(size):
    """A height that grows with the logarithm of the size, so 4 KiB and 3 GiB both show."""
    return 1.0 + math.log2(max(size, 4 * KIB) / (4 * KIB))


def spread(wanted, gap, low, high):
    """Positions near wanted (sorted), at least gap apart, within [low, high]."""
    out = []
    for y in wanted:
        out.append(max(y, out[-1] + gap) if out else max(y, low))
    if out and out[-1] > high:
        out[-1] = high
        for i in range(len(out) - 2, -1, -1):
            out[i] = min(out[i], out[i + 1] - gap)
    return out


def _points_to_data(ax, fig, points):
    """The data height of a text line of this many points in ax."""
    inches = points / 72
    ax_inches = ax.get_position().height * fig.get_figheight()
    lo, hi = ax.get_ylim()
    return (hi - lo) * inches / ax_inches


def _kind_name(kind):
    return translation.ENTRY[kind][2]


def run_title(run):
    words = f"{hex_range(run.start, run.end)} ({human(run.size)}): "
    if run.kind == "unmapped":
        return words + "unmapped (no entry in the kernel's tables)"
    return (words + f"{run.entries} x {_kind_name(run.kind)}, {run.descriptors} table entries"
            + (f"; {run.attributes}" if run.attributes else ""))


def area_title(area, runs):
    counts = translation.entries_by_kind(runs, area.start, area.end)
    what = ", ".join(f"{n} x {_kind_name(k)}" + (f" ({d} table entries)" if d != n else "")
                     for k, (n, d) in sorted(counts.items(), key=lambda kv: KIND_ORDER.index(kv[0])))
    return f"{area.name}: {hex_range(area.start, area.end)} ({human(area.size)}): {what or 'nothing mapped'}"


def _virtual_strip(pic, ax, log):
    """The 4 GiB bottom up, cut at every ptdump run and layout bound, coloured by entry size."""
    from matplotlib.patches import Rectangle
    runs = translation.entry_runs(log)
    areas = sorted((a for n, a in log.layout.items() if not n.startswith(".")), key=lambda a: a.start)
    cuts = sorted({0, translation.SPACE} | {r.start for r in runs} | {a.start for a in areas}
                  | {a.end for a in areas})
    ys = {}
    y = 0.0
    for s, e in zip(cuts, cuts[1:]):
        ys[s] = y
        y += strip_height(e - s)
    ys[translation.SPACE] = y
    top = y
    for r in runs:
        box = ax.add_patch(Rectangle((0, ys[r.start]), 1, ys[r.end] - ys[r.start],
                                     facecolor=COLOURS[r.kind], edgecolor="#444444", linewidth=0.5,
                                     hatch="//" if r.kind == "unmapped" else None))
        pic.title(box, run_title(r))
    ax.set_xlim(-3.4, 3.6)
    ax.set_ylim(-0.5, top + 0.5)
    ax.axis("off")
    gap = _points_to_data(ax, pic.fig, 8.5)
    # Right: where each mapped run starts and what maps it.
    mapped = [r for r in runs if r.kind != "unmapped"]
    wanted = [(ys[r.start] + ys[r.end]) / 2 for r in mapped]
    for r, want, at in zip(mapped, wanted, spread(wanted, gap, 0, top)):
        ax.plot([1.0, 1.12, 1.22], [want, want, at], color="#888888", linewidth=0.5)
        pic.text(ax, 1.25, at, f"0x{r.start:08x} {r.entries} x {human(r.entry_bytes)}", va="center",
                 fontsize=6.5, family="monospace")
    # Left: the layout's areas, with user space under the first of them.
    named = [("user space", 0, areas[0].start)] + [(a.name, a.start, a.end) for a in areas]
    for name, s, e in named:
        if e > s:
            ax.plot([-0.08, -0.08], [ys[s] + 0.1, ys[e] - 0.1], color="#444444", linewidth=0.8)
    wanted = [(ys[s] + ys[e]) / 2 for _, s, e in named]
    for (name, s, e), want, at in zip(named, wanted, spread(wanted, gap, 0, top)):
        counts = translation.entries_by_kind(runs, s, e)
        what = " + ".join(f"{n}x{human(translation.ENTRY[k][0])}"
                          for k, (n, _) in sorted(counts.items(), key=lambda kv: KIND_ORDER.index(kv[0])))
        ax.plot([-0.08, -0.2, -0.3], [want, want, at], color="#888888", linewidth=0.5)
        pic.text(ax, -0.33, at, f"{name} {human(e - s)}" + (f": {what}" if what else ""), ha="right",
                 va="center", fontsize=6.5)
    for a in areas:
        hidden = ax.add_patch(Rectangle((-0.12, ys[a.start]), 0.08, ys[a.end] - ys[a.start],
                                        facecolor="none", edgecolor="none"))
        pic.title(hidden, area_title(a, runs))
    split = ys[log.layout["modules"].start]
    ax.plot([-0.1, 1.1], [split, split], color=COLOURS["limit"], linewidth=1.5)


def _table_boxes(pic, ax, log, scale_pages):
    """The page-table pages to scale: one unit square per 4 KiB page."""
    from matplotlib.patches import Rectangle
    tables = translation.table_memory(log)
    per_row = 8
    y = 0.0
    for t in tables:
        colour = COLOURS[t.level.lower()]
        if t.bytes == 0:
            pic.text(ax, 0, y - 0.6, f"{t.level}: {t.how}", fontsize=7, va="center")
            y -= 1.6
            continue
        pages = -(-t.bytes // PAGE_SIZE)
        rows = -(-pages // per_row)
        pic.text(ax, 0, y - 0.45, f"{t.level}: {t.tables} x {human(t.bytes // max(t.tables, 1))} = {human(t.bytes)}",
                 fontsize=7, va="center")
        y -= 1.0
        for i in range(pages):
            px, py = i % per_row, y - (i // per_row) - 0.9
            if log.lpae and t.level == "PGD":
                # The PGD page: its 4 entries (32 B) drawn to scale at the page's foot.
                box = ax.add_patch(Rectangle((px, py), 0.9, 0.9, facecolor="white", edgecolor="#444444",
                                             linewidth=0.5))
                used = t.entries * t.entry_bytes / PAGE_SIZE
                ax.add_patch(Rectangle((px, py), 0.9, max(0.9 * used, 0.02), facecolor=colour,
                                       edgecolor=colour, linewidth=0.5))
            else:
                box = ax.add_patch(Rectangle((px, py), 0.9, 0.9, facecolor=colour, edgecolor="#444444",
                                             linewidth=0.5))
            pic.title(box, f"{t.level} page {i + 1} of {pages}: {t.how}")
        y -= rows + 0.3
    total = sum(t.bytes for t in tables)
    pic.text(ax, 0, y - 0.45, f"all tables: {human(total)}", fontsize=7.5, va="center", weight="bold")
    y -= 1.6
    _one_pte_page(pic, ax, log, y)
    ax.set_xlim(-0.2, per_row + 0.5)
    ax.set_ylim(-scale_pages, 0.2)
    ax.set_aspect("equal", adjustable="datalim" if False else "box")
    ax.axis("off")


def _one_pte_page(pic, ax, log, y):
    """One PTE page drawn wide: classic's Linux and hardware halves, or LPAE's 512 entries."""
    from matplotlib.patches import Rectangle
    width, height = 8 * 0.9 + 0.7, 1.4
    pic.text(ax, 0, y - 0.45, "one PTE page (4 KiB):", fontsize=7, va="center")
    y -= 0.9 + height
    if log.lpae:
        parts = [("512 entries x 8 B, 2 MiB", "pte-hw", 1.0,
                  "PTE page: 512 long-descriptor entries of 8 B, one per 4 KiB page: 2 MiB")]
    else:
        parts = [("512 Linux", "pte-linux", 0.5,
                  "PTE page, first half: Linux's 2 x 256 entries of 4 B (the software bits the hardware lacks)"),
                 ("512 hardware", "pte-hw", 0.5,
                  "PTE page, second half: 2 hardware tables of 256 short-descriptor entries of 4 B, 1 MiB each")]
    x = 0.0
    for text, colour, share, title in parts:
        box = ax.add_patch(Rectangle((x, y), width * share, height, facecolor=COLOURS[colour],
                                     edgecolor="#444444", linewidth=0.6))
        pic.title(box, title)
        pic.text(ax, x + width * share / 2, y + height / 2, text, ha="center", va="center", fontsize=6.5)
        x += width * share


def _physical_bars(pic, ax, boots):
    """Per build, RAM from 0 to the end of the board's RAM, to scale: lowmem, highmem, ignored."""
    from matplotlib.patches import Rectangle
    reaches = [translation.physical_reach(log) for _, log in boots]
    end = max(max(e for _, e in r.ram) for r in reaches)
    n = len(boots)
    for i, ((label, log), reach) in enumerate(zip(boots, reaches)):
        row = n - 1 - i
        parts = [("lowmem", *reach.lowmem)] + [("highmem", s, e) for s, e in reach.highmem] + \
                [("ignored", s, e) for s, e in reach.ignored]
        for kind, s, e in parts:
            box = ax.add_patch(Rectangle((s / GIB, row - 0.3), (e - s) / GIB, 0.6, facecolor=COLOURS[kind],
                                         edgecolor="#444444", linewidth=0.5))
            pic.title(box, f"{label}: {kind} 0x{s:x}-0x{e - 1:x} ({human(e - s)})")
            if e - s >= end // 16:
                pic.text(ax, (s + e) / 2 / GIB, row, f"{kind} {human(e - s)}", ha="center", va="center",
                         fontsize=7)
        last = max([reach.lowmem[1]] + [e for _, e in reach.highmem])
        pic.text(ax, end / GIB + 0.05, row,
                 f"keeps {human(reach.kept_bytes)} of {human(reach.ram_bytes)}\n(up to 0x{last - 1:x})",
                 va="center", fontsize=7)
    ax.axvline(4, color=COLOURS["limit"], linewidth=1.2)
    pic.text(ax, 4, n - 0.45, "4 GiB: the end of a 32-bit physical address", color=COLOURS["limit"],
             fontsize=7, ha="center")
    ax.set_xlim(0, end / GIB * 1.22)
    ax.set_ylim(-0.6, n)
    ax.set_yticks(range(n))
    ax.set_yticklabels([label for label, _ in reversed(boots)], fontsize=8)
    ax.set_xticks(range(0, end // GIB + 1))
    ax.set_xticklabels([f"{g} GiB" for g in range(0, end // GIB + 1)], fontsize=7)
    for s in ("top", "right"):
        ax.spines[s].set_visible(False)


def _legend(ax, kinds, names=None, ncol=None, anchor=(0.5, 0.0)):
    from matplotlib.patches import Patch
    handles = [Patch(facecolor=COLOURS[k], edgecolor="#444444", hatch="//" if k == "unmapped" else None,
                     label=(names or {}).get(k, _kind_name(k) if k in translation.ENTRY else k)) for k in kinds]
    return ax.legend(handles=handles, loc="lower center", bbox_to_anchor=anchor, ncol=ncol or len(kinds),
                     fontsize=7.5, frameon=False)


def structure_figure(boots):
    """The translation structure of each build and the physical memory each reaches."""
    plt = _mpl()
    n = len(boots)
    fig = plt.figure(figsize=(6.4 * n, 13.5))
    pic = Picture(fig)
    grid = fig.add_gridspec(3, 2 * n, height_ratios=[10, 0.5, 2.2], width_ratios=[1.45, 1] * n,
                            hspace=0.18, wspace=0.05)
    scale = max(_pages_tall(log) for _, log in boots)
    for i, (label, log) in enumerate(boots):
        strip = fig.add_subplot(grid[0, 2 * i])
        _virtual_strip(pic, strip, log)
        strip.set_title(f"{label}: {log.version.format}, PAGE_OFFSET 0x{log.version.page_offset:08x}\n"
                        "virtual 4 GiB by entry size (heights: log of size)", fontsize=9)
        boxes = fig.add_subplot(grid[0, 2 * i + 1])
        _table_boxes(pic, boxes, log, scale)
        boxes.set_title("page-table pages to scale\n(one square: 4 KiB)", fontsize=9)
    kinds = sorted({r.kind for _, log in boots for r in translation.entry_runs(log)}, key=KIND_ORDER.index)
    key = fig.add_subplot(grid[1, :])
    key.axis("off")
    _legend(key, kinds)
    phys = fig.add_subplot(grid[2, :])
    _physical_bars(pic, phys, boots)
    phys.set_title("physical memory each build keeps, to scale", fontsize=9)
    _legend(phys, ["lowmem", "highmem", "ignored"],
            {"lowmem": "lowmem (mapped for good)", "highmem": "highmem (mapped on demand)",
             "ignored": "ignored: beyond what the build can address"}, anchor=(0.5, -0.45))
    fig.suptitle("Classic against LPAE as each boot printed it: entries, tables, physical reach", fontsize=12)
    return pic


def _pages_tall(log):
    """The data height the table boxes need (so every build's boxes share one scale)."""
    rows = 0.0
    for t in translation.table_memory(log):
        pages = -(-t.bytes // PAGE_SIZE)
        rows += 1.6 if t.bytes == 0 else 1.3 + -(-pages // 8)
    return rows + 1.6 + 0.9 + 1.4 + 0.5


def splits_figure(boots):
    """Per build, the 4 GiB virtual space to scale and the RAM it keeps."""
    plt = _mpl()
    from matplotlib.patches import Rectangle
    n = len(boots)
    fig = plt.figure(figsize=(13, 1.5 * n + 2))
    pic = Picture(fig)
    grid = fig.add_gridspec(2, 1, height_ratios=[1.2 * n, 1.5 * n], hspace=0.5)
    virt = fig.add_subplot(grid[0])
    for i, (label, log) in enumerate(boots):
        row = n - 1 - i
        areas = sorted((a for k, a in log.layout.items() if not k.startswith(".")), key=lambda a: a.start)
        parts = [("user", "user space", 0, log.layout["modules"].start)]
        at = log.layout["modules"].start
        for a in areas:
            if a.start > at:
                parts.append(("unmapped", "gap", at, a.start))
            kind = a.name if a.name in ("lowmem", "vmalloc") else "kernel-other"
            parts.append((kind, a.name, a.start, a.end))
            at = a.end
        if at < translation.SPACE:
            parts.append(("unmapped", "gap", at, translation.SPACE))
        runs = translation.entry_runs(log)
        for kind, name, s, e in parts:
            box = virt.add_patch(Rectangle((s / GIB, row - 0.3), (e - s) / GIB, 0.6, facecolor=COLOURS[kind],
                                           edgecolor="#444444", linewidth=0.4,
                                           hatch="//" if kind == "unmapped" else None))
            area = log.layout.get(name)
            pic.title(box, area_title(area, runs) if area else f"{name}: {hex_range(s, e)} ({human(e - s)})")
            if e - s >= 192 * MIB:
                pic.text(virt, (s + e) / 2 / GIB, row, f"{name} {human(e - s)}", ha="center", va="center",
                         fontsize=7)
    virt.set_xlim(0, 4.05)
    virt.set_ylim(-0.6, n - 0.4)
    virt.set_yticks(range(n))
    virt.set_yticklabels([f"{label}\nPAGE_OFFSET 0x{log.version.page_offset:08x}" for label, log in reversed(boots)],
                         fontsize=8)
    virt.set_xticks([0, 1, 2, 3, 4])
    virt.set_xticklabels(["0", "1 GiB", "2 GiB", "3 GiB", "4 GiB"], fontsize=7)
    virt.set_title("virtual address space to scale", fontsize=9)
    for s in ("top", "right"):
        virt.spines[s].set_visible(False)
    _legend(virt, ["user", "lowmem", "vmalloc", "kernel-other", "unmapped"],
            {"user": "user space (TASK_SIZE)", "lowmem": "lowmem", "vmalloc": "vmalloc",
             "kernel-other": "modules, pkmap, fixmap, vectors", "unmapped": "gap"}, anchor=(0.5, -0.35))
    phys = fig.add_subplot(grid[1])
    _physical_bars(pic, phys, boots)
    phys.set_title("physical memory each keeps, to scale", fontsize=9)
    _legend(phys, ["lowmem", "highmem", "ignored"],
            {"lowmem": "lowmem", "highmem": "highmem", "ignored": "ignored (beyond 32-bit physical)"},
            anchor=(0.5, -0.45))
    fig.suptitle("The splits at one RAM size, as each boot printed them", fontsize=12)
    return pic


def label_overlaps(pic):
    """Pairs of label texts whose drawn boxes intersect (rendered on the figure's own canvas)."""
    fig = pic.fig
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in pic.labels if t.get_text()]
    return [(a, b) for i, (a, ba) in enumerate(boxes) for b, bb in boxes[i + 1:] if ba.overlaps(bb)]


def svg_text(pic):
    """The SVG, with each titled region's <title> as its first child."""
    buf = io.StringIO()
    pic.fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    svg = buf.getvalue()
    for gid, text in pic.titles.items():
        svg = re.sub(rf'(<g id="{gid}">)', lambda m: f"{m.group(1)}\n    <title>{escape(text)}</title>", svg,
                     count=1)
    return svg


def save(pic, svg=None, png=None, source=None):
    """Writes the picture; source (the command and its inputs' digest) goes into the PNG's metadata."""
    if svg:
        with open(svg, "w") as f:
            f.write(svg_text(pic))
    if png:
        pic.fig.savefig(png, bbox_inches="tight", dpi=90,
                        metadata={"Software": None, **({"Source": source} if source else {})})


# A directory of recorded boots: INDEX lists "FILE<TAB>MB<TAB>LABEL" in order, each FILE a console
# (timestamps removed).
INDEX = "boots"


def record(directory, boots):
    """Keeps boots, [(label, MB, lines)], in directory."""
    os.makedirs(directory, exist_ok=True)
    index = []
    for i, (label, mem, lines) in enumerate(boots):
        name = f"{i + 1}-" + "".join(c if c.isalnum() or c in "-." else "_" for c in label) + ".log"
        with open(os.path.join(directory, name), "w") as f:
            f.write("".join(line + "\n" for line in lines))
        index.append(f"{name}\t{mem}\t{label}\n")
    with open(os.path.join(directory, INDEX), "w") as f:
        f.write("".join(index))


def read_recorded(directory):
    """The boots recorded in directory, [(label, MB, lines)], and the sha256 of the index and logs."""
    digest = hashlib.sha256()
    with open(os.path.join(directory, INDEX)) as f:
        index = f.read()
    digest.update(index.encode())
    boots = []
    for entry in index.splitlines():
        name, mem, label = entry.split("\t")
        with open(os.path.join(directory, name)) as f:
            text = f.read()
        digest.update(text.encode())
        boots.append((label, int(mem), console_lines(text)))
    return boots, digest.hexdigest()


def source_text(logs, picture, digest):
    """What a PNG drawn from recorded logs says it was drawn from (its "Source" text)."""
    return f"tools/compare --logs {logs} --picture {picture}; logs sha256 {digest}"


def png_text(path):
    """The tEXt chunks of a PNG, {keyword: text}."""
    import struct
    out = {}
    with open(path, "rb") as f:
        data = f.read()
    at = 8
    while at < len(data):
        size, kind = struct.unpack(">I4s", data[at:at + 8])
        if kind == b"tEXt":
            key, _, value = data[at + 8:at + 8 + size].partition(b"\0")
            out[key.decode("latin-1")] = value.decode("latin-1")
        at += 12 + size
    return out
