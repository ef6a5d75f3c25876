"""Sample outputs in the docs: made by real boots, checked against new ones.

A sample is a block of output in README.md or docs/*.md between two HTML
comments, the first naming the command that makes it:

    <!-- sample: tools/run --append ptdump | lines '/^ptdump: the/../^ptdump: \\d+ PTE/' -->
        (the block, indented by four spaces or fenced with ```)
    <!-- /sample -->

The command (before the first " | ") is run from the top of the tree, its
words split as a shell would but a backslash kept as it is: tools/run (its
console, printk's timestamps removed) or bench/run, on one preset, named
with --preset/--presets or the tool's default (tools/run: classic).
Filters, each after a " | ", then pick lines:

    lines PICK...   the lines picked, in order; each pick searches on from
                    where the previous one ended:
                      /RE/          the next line RE matches (re.search)
                      /RE/+N        that line and the N lines after it
                      /RE/../RE2/   that line through the next line RE2 matches
                      ...           a line "..." (lines left out)
    drop /RE/...    leaves out every line one of the REs matches

A pick that matches nothing is an error, as is a command that fails.
Trailing blanks are not kept.

Figures that follow the kernel's own size change with nearly every commit:
the image's sections, addresses inside it, symbol offsets, instruction
counts. differences() allows those to differ within the bounds of DRIFT,
each with its reason; every other character must be the same, so a
sample fails when anything else about the boot changes, and when one of
those figures moves further than its bound. consistent() checks, with no
boot, what arithmetic alone can say about a sample's lines.
"""
import os
import re
import shlex
import subprocess
from dataclasses import dataclass, field

from armv7mm import TOP, bootlog, console

OPEN = re.compile(r"^<!-- sample: (?P<spec>.*?) -->$")
CLOSE = "<!-- /sample -->"
# The tools a sample may run, and the presets each boots when none is named.
TOOLS = {"tools/run": ("--preset", "classic"), "bench/run": ("--presets", "classic,lpae")}
# The presets whose ctest checks their samples (boot.docs-samples in test/boot/CMakeLists.txt).
CHECKED_PRESETS = ("classic", "lpae")
ELLIPSIS = "..."


class SampleError(Exception):
    pass


# ---------------------------------------------------------------- the markers

@dataclass
class Sample:
    page: str               # the file, relative to TOP
    line: int               # the opening comment's line number (1-based)
    spec: str               # what follows "sample: "
    start: int              # index of the block's first line in the page's lines
    end: int                # index of the closing comment
    block: list             # the block's lines, indentation and fences removed
    fenced: bool
    command: list = field(default_factory=list)
    filters: list = field(default_factory=list)

    @property
    def where(self):
        return f"{self.page}:{self.line}"

    @property
    def preset(self):
        """The one preset the command boots."""
        program, args = self.command[0], self.command[1:]
        option, default = TOOLS[program]
        value = default
        for i, arg in enumerate(args):
            if arg == option and i + 1 < len(args):
                value = args[i + 1]
            elif arg.startswith(option + "="):
                value = arg.split("=", 1)[1]
        return value


def words(text):
    """Shell-like words, quotes grouping, but a backslash is itself (regexes keep theirs)."""
    lex = shlex.shlex(text, posix=True)
    lex.whitespace_split, lex.escape, lex.commenters = True, "", ""
    return list(lex)


def parse_spec(spec):
    """(command argv, [filter argv...]) of a marker's text."""
    stages = [words(stage) for stage in spec.split(" | ")]
    if not stages[0]:
        raise SampleError("no command")
    if stages[0][0] not in TOOLS:
        raise SampleError(f"{stages[0][0]}: a sample runs one of {', '.join(TOOLS)}")
    for stage in stages[1:]:
        if not stage or stage[0] not in FILTERS:
            raise SampleError(f"unknown filter {' '.join(stage)!r}: one of {', '.join(FILTERS)}")
        for word in stage[1:]:
            parse_pick(word)        # raises on a malformed pick
    return stages[0], stages[1:]


def read_samples(page, text):
    """The samples of one page (its text); SampleError for a malformed one."""
    lines = text.split("\n")
    samples, i = [], 0
    while i < len(lines):
        m = OPEN.match(lines[i])
        if not m:
            if lines[i] == CLOSE:
                raise SampleError(f"{page}:{i + 1}: {CLOSE} without a sample before it")
            i += 1
            continue
        where = f"{page}:{i + 1}"
        try:
            end = lines.index(CLOSE, i + 1)
        except ValueError:
            raise SampleError(f"{where}: the sample is not closed ({CLOSE})") from None
        body = lines[i + 1:end]
        if any(OPEN.match(line) for line in body):
            raise SampleError(f"{where}: a sample inside a sample")
        fenced = bool(body) and body[0].startswith("```")
        if fenced:
            if len(body) < 2 or body[-1] != "```":
                raise SampleError(f"{where}: a fenced sample is the fence and its lines only")
            block = body[1:-1]
        else:
            if any(line and not line.startswith("    ") for line in body):
                raise SampleError(f"{where}: every line of the block is indented by four spaces (or fence it)")
            block = [line[4:] for line in body]
        try:
            command, filters = parse_spec(m["spec"])
        except (SampleError, ValueError) as e:
            raise SampleError(f"{where}: {e}") from None
        samples.append(Sample(page, i + 1, m["spec"], i + 1, end, block, fenced, command, filters))
        i = end + 1
    return samples


def pages():
    """README.md and docs/*.md, relative to TOP."""
    return ["README.md"] + sorted(os.path.join("docs", f) for f in os.listdir(os.path.join(TOP, "docs"))
                                  if f.endswith(".md"))


def all_samples():
    out = []
    for page in pages():
        with open(os.path.join(TOP, page)) as f:
            out += read_samples(page, f.read())
    return out


# ---------------------------------------------------------------- the filters

PICK = re.compile(r"^/(?P<re>.+?)/(?:\+(?P<after>\d+)|\.\./(?P<to>.+)/)?$")


def parse_pick(word):
    """(regex, lines after, regex of the range's end) of a pick; None for '...'."""
    if word == ELLIPSIS:
        return None
    m = PICK.match(word)
    if not m:
        raise SampleError(f"malformed pick {word!r}: /RE/, /RE/+N, /RE/../RE2/ or ...")
    try:
        return re.compile(m["re"]), int(m["after"] or 0), m["to"] and re.compile(m["to"])
    except re.error as e:
        raise SampleError(f"pick {word!r}: {e}") from None


def pick_lines(lines, words):
    out, at = [], 0
    for word in words:
        pick = parse_pick(word)
        if pick is None:
            out.append(ELLIPSIS)
            continue
        rx, after, to = pick
        first = next((i for i in range(at, len(lines)) if rx.search(lines[i])), None)
        if first is None:
            raise SampleError(f"no line matches {word!r} (after line {at} of {len(lines)})")
        last = first + after
        if to is not None:
            last = next((i for i in range(first + 1, len(lines)) if to.search(lines[i])), None)
            if last is None:
                raise SampleError(f"no line after {lines[first]!r} matches the end of {word!r}")
        if last >= len(lines):
            raise SampleError(f"{word!r}: the output ends before {after} lines after {lines[first]!r}")
        out += lines[first:last + 1]
        at = last + 1
    return out


def drop_lines(lines, words):
    rxs = [parse_pick(word)[0] for word in words]
    return [line for line in lines if not any(rx.search(line) for rx in rxs)]


FILTERS = {"lines": pick_lines, "drop": drop_lines}


# ---------------------------------------------------------------- making them

class Runner:
    """Runs sample commands, each distinct command once."""

    def __init__(self):
        self.outputs = {}

    def output(self, command):
        key = tuple(command)
        if key not in self.outputs:
            proc = subprocess.run([os.path.join(TOP, command[0])] + command[1:], cwd=TOP,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
            text = proc.stdout.decode("utf-8", "replace")
            if proc.returncode != 0:
                raise SampleError(f"{shlex.join(command)}: exit status {proc.returncode}\n"
                                  f"{text[-1500:]}{proc.stderr.decode('utf-8', 'replace')[-1500:]}")
            self.outputs[key] = console.console_lines(text)
        return self.outputs[key]

    def generate(self, sample):
        """The lines the sample's command and filters give now."""
        lines = self.output(sample.command)
        for stage in sample.filters:
            lines = FILTERS[stage[0]](lines, stage[1:])
        return [line.rstrip() for line in lines]


def rewrite(text, sample, lines):
    """The page's text with the sample's block replaced by lines."""
    page = text.split("\n")
    if sample.fenced:
        body = ["```"] + lines + ["```"]
    else:
        body = [("    " + line) if line else "" for line in lines]
    return "\n".join(page[:sample.start] + body + page[sample.end:])


# ---------------------------------------------------------------- drift

@dataclass(frozen=True)
class Free:
    """Not compared: an address or offset inside the image."""
    def ok(self, doc, new):
        return True

    def __str__(self):
        return "any value"


@dataclass(frozen=True)
class Near:
    """Within limit of the new figure (in the figure's own unit)."""
    limit: int

    def ok(self, doc, new):
        return abs(doc - new) <= self.limit

    def __str__(self):
        return f"within {self.limit}"


@dataclass(frozen=True)
class Rel:
    """Within percent of the new figure, or floor, whichever is more."""
    percent: int
    floor: float = 0

    def ok(self, doc, new):
        return abs(doc - new) <= max(self.floor, abs(new) * self.percent / 100)

    def __str__(self):
        return f"within {self.percent}%" + (f" (at least {self.floor:g})" if self.floor else "")


@dataclass(frozen=True)
class Drift:
    """A kind of line whose named groups may differ from a new boot's."""
    name: str
    pattern: str            # matches the whole line; each group holds the figures of one rule
    rules: dict             # group name -> Free, Near or Rel; groups not named here are compared exactly
    why: str
    tool: str = "tools/run"  # the tool whose samples have such lines


IMAGE_SIZE = Rel(25, 8)     # a size of the image's parts, in K or kB
HOLDS_IMAGE = Near(64)      # a figure that contains the image, in K
HOLDS_IMAGE_BYTES = Near(64 << 10)
INSTRUCTIONS = Rel(10)

DRIFT = [
    Drift("Memory: line",
          r"Memory: (?P<available>\d+)K/\d+K available \((?P<code>\d+)K kernel code, (?P<rwdata>\d+)K rwdata, "
          r"(?P<rodata>\d+)K rodata, \d+K init, (?P<bss>\d+)K bss, (?P<reserved>\d+)K reserved, .*",
          {"code": IMAGE_SIZE, "rwdata": IMAGE_SIZE, "rodata": IMAGE_SIZE, "bss": IMAGE_SIZE,
           "reserved": HOLDS_IMAGE, "available": HOLDS_IMAGE},
          "the image's sections grow with the code; reserved counts the image, available is what it leaves"),
    Drift("layout: the image's sections",
          r" +\.(?:text|data|bss) : 0x(?P<start>[0-9a-f]+) - 0x(?P<end>[0-9a-f]+) +\( *(?P<size>\d+) kB\)",
          {"start": Free(), "end": Free(), "size": IMAGE_SIZE},
          "where .text ends and .data and .bss lie follows the code (.init starts on a section: compared)"),
    Drift("memblock: the image's reservation",
          r"memblock_reserve: \[0x0*80[12]00000-0x(?P<end>[0-9a-f]+)\] arm_memblock_init\+(?P<off>0x[0-9a-f]+/0x[0-9a-f]+)",
          {"end": Free(), "off": Free()},
          "the image is reserved from _stext, the first section after the head (classic 1 MiB, LPAE 2 MiB in), to _end"),
    Drift("memblock: reserved size",
          r" memory size = 0x[0-9a-f]+ reserved size = (?P<size>0x[0-9a-f]+)",
          {"size": HOLDS_IMAGE_BYTES},
          "the sum of the reservations, the image's among them"),
    Drift("memblock: the image's region",
          r" reserved\[0x[0-9a-f]+\]\t\[0x0*80[12]00000-0x(?P<end>[0-9a-f]+)\], (?P<size>0x[0-9a-f]+) bytes flags: .*",
          {"end": Free(), "size": HOLDS_IMAGE_BYTES},
          "the region that starts with the image ends where the image does"),
    Drift("symbol offsets",
          r"(?P<head>.*)\+(?P<off>0x[0-9a-f]+/0x[0-9a-f]+)",
          {"off": Free()},
          "a caller's offset and size (symbol+0x40/0xa0) change with the code; the name is compared"),
    Drift("alloc_node_mem_map",
          r"alloc_node_mem_map: node \d+, pgdat (?P<pgdat>[0-9a-f]+), node_mem_map [0-9a-f]+",
          {"pgdat": Free()},
          "pgdat is a variable of the image (node_mem_map, from memblock, is compared)"),
    Drift("mem_map: the RAM left out",
          r"mem_map: ignoring RAM 0x(?P<cut>[0-9a-f]+)-0x[0-9a-f]+ \((?P<ignored>\d+)K\): describing all \d+K of RAM "
          r"needs a \d+K mem_map, but lowmem \(\d+K\) has (?P<available>\d+)K free for it after keeping \d+K "
          r"for the kernel; (?P<described>\d+)K described",
          {"available": HOLDS_IMAGE, "cut": Near(16 << 20), "ignored": Near(16 << 10), "described": Near(16 << 10)},
          "lowmem free for mem_map is what the image leaves; the RAM kept moves an 8 MiB block for each 72 KiB of it"),
    Drift("bench: a pair",
          r"  alloc_pages\+__free_pages \w+ order +\d+ +(?P<count>\d+)(?:   budget <= \d+: (?:met|NOT met))?",
          {"count": INSTRUCTIONS},
          "instruction counts follow the code (whether the budget is met is compared)", "bench/run"),
    Drift("bench: a vmalloc pair",
          r"  (?:vmalloc\(16K\)\+vfree|ioremap\+iounmap one page|alloc_vmap_area with +\d+ busy areas) +(?P<count>\d+)"
          r"(?:   budget <= \d+: (?:met|NOT met))?",
          {"count": INSTRUCTIONS},
          "instruction counts follow the code (whether the budget is met is compared)", "bench/run"),
    Drift("bench: alloc_vmap_area's growth",
          r"  alloc_vmap_area growth per tenfold busy areas: \+(?P<first>\d+), \+(?P<second>\d+)   .*: (?:yes|NO)",
          {"first": INSTRUCTIONS, "second": INSTRUCTIONS},
          "instruction counts follow the code (whether the growth is logarithmic is compared)", "bench/run"),
    Drift("bench: a phase",
          r"  (?!-m |RAM )[^\d]+?(?P<counts>(?: +\d+(?:\.\d+)?)+)",
          {"counts": INSTRUCTIONS},
          "instruction counts follow the code", "bench/run"),
    Drift("bench: the slope",
          r"  marginal per 4 KiB page \(slope over the sizes\): memmap (?P<memmap>[\d.]+) \+ freeing to buddy "
          r"(?P<free>[\d.]+) = (?P<sum>[\d.]+)   budget <= \d+: (?:met|NOT met)",
          {"memmap": INSTRUCTIONS, "free": INSTRUCTIONS, "sum": INSTRUCTIONS},
          "instruction counts follow the code (whether the budget is met is compared)", "bench/run"),
    Drift("bench: the rest",
          r"  everything but memmap and freeing, 1 GiB: (?P<count>\d+)(?:   budget \(classic\) <= \d+: (?:met|NOT met))?",
          {"count": INSTRUCTIONS},
          "instruction counts follow the code (whether the budget is met is compared)", "bench/run"),
    Drift("bench: what the kernel keeps",
          r"  kept by the kernel at 1 GiB: (?P<reserved>\d+)K reserved = image (?P<image>\d+)K \+ mem_map \d+K "
          r"\(\d+-byte struct page\) \+ page tables \d+K \+ (?P<more>\d+)K more .*",
          {"reserved": HOLDS_IMAGE, "image": IMAGE_SIZE, "more": HOLDS_IMAGE},
          "the image and its section padding follow the code (mem_map and the page tables are compared)", "bench/run"),
]

NUMBER = re.compile(r"0x[0-9a-f]+|\d+(?:\.\d+)?")


def _value(token):
    return int(token, 16) if token.startswith("0x") else float(token)


def _split(rule, m):
    """The line with each group's text replaced by its name (blanks squeezed), and each group's text."""
    out, at, groups = [], 0, {}
    spans = sorted((m.start(g), m.end(g), g) for g in m.groupdict() if m.start(g) >= 0)
    for start, end, g in spans:
        out.append(m.string[at:start])
        out.append("\0" + g)
        groups[g] = m.string[start:end]
        at = end
    out.append(m.string[at:])
    return re.sub(r"\s+", " ", "".join(out)).strip(), groups


def _group_differences(rule, g, doc, new):
    """What is wrong with group g's text in the doc against the new boot's."""
    how = rule.rules.get(g)
    if isinstance(how, Free):
        return []
    a, b = NUMBER.findall(doc), NUMBER.findall(new)
    if how is None:
        return [] if doc.split() == new.split() else [f"{g}: {doc.strip()} (now {new.strip()})"]
    if len(a) != len(b) or NUMBER.sub("#", doc).split() != NUMBER.sub("#", new).split():
        return [f"{g}: {doc.strip()} (now {new.strip()})"]
    return [f"{g}: {x} (now {y}; {how})" for x, y in zip(a, b) if not how.ok(_value(x), _value(y))]


def line_differences(doc, new, tool="tools/run"):
    """Why a line of a sample tool made does not stand for the new output's: [] when it does."""
    if doc == new:
        return []
    for rule in DRIFT:
        if rule.tool != tool:
            continue
        a, b = re.fullmatch(rule.pattern, doc), re.fullmatch(rule.pattern, new)
        if not (a and b):
            continue
        (skel_a, groups_a), (skel_b, groups_b) = _split(rule, a), _split(rule, b)
        if skel_a != skel_b:
            break
        return [f"{rule.name}: {d}" for g in groups_a for d in _group_differences(rule, g, groups_a[g], groups_b[g])]
    return ["differs"]


def differences(doc_lines, new_lines, tool="tools/run"):
    """Each line of a sample tool made that does not stand for the new
    output, as (line, new line, why)."""
    out = []
    for i in range(max(len(doc_lines), len(new_lines))):
        doc = doc_lines[i] if i < len(doc_lines) else None
        new = new_lines[i] if i < len(new_lines) else None
        if doc is None or new is None:
            out.append((doc, new, "the sample has " + ("fewer" if doc is None else "more") + " lines"))
            continue
        for why in line_differences(doc.rstrip(), new.rstrip(), tool):
            out.append((doc, new, why))
    return out


# ---------------------------------------------------------------- arithmetic alone

def consistent(lines):
    """What arithmetic says is wrong with a sample's lines, no boot needed:
    a Memory: line's available + reserved + cma-reserved is its total;
    a layout line's size is its range in kB or MB (areas truncated, the
    image's sections rounded up, as Linux 4.14's MLK/MLM/MLK_ROUNDUP)."""
    out = []
    for line in lines:
        m = bootlog.memory_line(line)
        if m:
            parts = m.available_k + m.reserved_k + m.cma_reserved_k
            if parts != m.total_k:
                out.append(f"{line!r}: available {m.available_k}K + reserved {m.reserved_k}K + "
                           f"cma {m.cma_reserved_k}K = {parts}K, not the total {m.total_k}K")
        a = bootlog.layout_area(line)
        if a:
            printed, unit = a.printed
            shift = 10 if unit == "kB" else 20
            size = -(-a.size >> shift) if a.name.startswith(".") else a.size >> shift
            if size != printed:
                out.append(f"{line!r}: 0x{a.start:x} - 0x{a.end:x} is {size} {unit}, not {printed}")
    return out
