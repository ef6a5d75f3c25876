"""Linux 6.1's first-chunk rules for the "percpu: Embedded" line, written
from mm/percpu.c's pcpu_build_alloc_info and the generic
setup_per_cpu_areas (ARM: PERCPU_MODULE_RESERVE reserved,
PERCPU_DYNAMIC_RESERVE dynamic, page-sized atoms), for checking a line
without the kernel's code:

  expected(static)   the line a kernel whose template is `static` bytes prints
  problems(line)     how a line breaks the rules whatever its static size
                     (empty: none); Debian's lines must pass too
"""
from .bootlog import Percpu

PAGE = 4096
MODULE_RESERVE = 8 << 10        # PERCPU_MODULE_RESERVE (Debian: CONFIG_MODULES)
DYNAMIC_RESERVE = 20 << 10      # PERCPU_DYNAMIC_RESERVE, 32-bit
DYNAMIC_EARLY = 20 << 10        # PERCPU_DYNAMIC_EARLY_SIZE: the dynamic part's floor
MIN_UNIT = 32 << 10             # PCPU_MIN_UNIT_SIZE


def _page_up(n):
    return -(-n // PAGE) * PAGE


def expected(static):
    """The line for a template of `static` bytes: the three parts rounded
    up to whole pages (the dynamic part takes the rounding), the unit that
    size but at least 32 KiB (with page atoms, one unit per allocation)."""
    size_sum = _page_up(static + MODULE_RESERVE + max(DYNAMIC_RESERVE, DYNAMIC_EARLY))
    return Percpu(pages=size_sum // PAGE, static=static, reserved=MODULE_RESERVE,
                  dynamic=size_sum - static - MODULE_RESERVE, unit=max(size_sum, MIN_UNIT))


def problems(line):
    """The rules every kernel built as Debian's is (modules, 4 KiB pages,
    page atoms) follows, whatever its own static size."""
    out = []
    if line.reserved != MODULE_RESERVE:
        out.append(f"reserved {line.reserved}, Linux's PERCPU_MODULE_RESERVE is {MODULE_RESERVE}")
    if line != expected(line.static):
        out.append(f"for s{line.static} Linux's rules give {expected(line.static)}, the line says {line}")
    if line.unit % PAGE:
        out.append(f"unit {line.unit} is not whole pages")
    return out
