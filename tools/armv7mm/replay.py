"""Debian's kernel's instructions per boot phase, counted by QEMU.

QEMU runs the kernel under -icount shift=0,rr=record: one instruction, one
tick of its record/replay counter, which the monitor's `info replay`
prints. gdb, on QEMU's stub, stops at the entry of each function of
PHASE_FUNCTIONS (hardware breakpoints at the addresses of the System.map
of Debian's debug package: the image package's is a placeholder) and asks
the monitor for the count at each stop. The functions all run with the
MMU on, so their link addresses are the addresses QEMU stops at; before
the MMU is on the PC holds physical addresses (0x8xxxxxxx), which match no
breakpoint.

measure() returns the count at each function's entry; spans() makes
phases of them. read_system_map() and info_replay_count() are the parsers
(test/host/test_replay.py).
"""
import os
import re
import subprocess
import tempfile

from armv7mm import debian, machines

# The functions where the counter is read, in the order start_kernel calls them.
PHASE_FUNCTIONS = ("start_kernel", "setup_arch", "arm_memblock_init", "paging_init",
                   "bootmem_init", "mem_init", "kmem_cache_init")

# The debug package bench/run reads the addresses from, for a flavour.
def dbg_package(flavour):
    return f"linux-image-6.1.0-50-{flavour}-dbg"


class ReplayError(Exception):
    pass


# A System.map line: address, symbol type, name (nm's format).
SYMBOL = re.compile(r"^(?P<addr>[0-9a-fA-F]+) (?P<type>\S) (?P<name>\S+)$")
# The monitor's answer (QEMU's hmp_info_replay).
INFO_REPLAY = re.compile(r"^(?:Recording|Replaying) execution '[^']*': instruction count = (?P<n>\d+)$")
INFO_REPLAY_OFF = "Record/replay is not active"


def read_system_map(lines, names):
    """The addresses of the text symbols `names` (T or t) in a System.map's
    lines. A name defined twice as text is an error (which one would gdb stop at?),
    as is a missing one."""
    wanted, found = set(names), {}
    for line in lines:
        m = SYMBOL.match(line.rstrip("\n"))
        if not m or m["name"] not in wanted or m["type"] not in "Tt":
            continue
        if m["name"] in found:
            raise ReplayError(f"System.map: {m['name']} is defined twice")
        found[m["name"]] = int(m["addr"], 16)
    missing = [n for n in names if n not in found]
    if missing:
        raise ReplayError(f"System.map: no text symbol {', '.join(missing)}")
    return found


def info_replay_count(text):
    """The instruction count in the monitor's answer to `info replay`."""
    for line in text.splitlines():
        line = line.strip()
        if line == INFO_REPLAY_OFF:
            raise ReplayError("QEMU runs without record/replay (-icount ...,rr=record)")
        m = INFO_REPLAY.match(line)
        if m:
            return int(m["n"])
    raise ReplayError(f"no instruction count in `info replay`'s answer: {text.strip()[:200]!r}")


# What the gdb script prints at each stop, before the monitor's answer.
STOP = re.compile(r"^armv7mm-stop pc=0x(?P<pc>[0-9a-f]+)$")


def gdb_script(socket, addrs):
    """gdb's commands: a hardware breakpoint at each address, then at each
    stop the PC and the monitor's count."""
    cmds = ["set pagination off", "set confirm off", f"target remote {socket}"]
    cmds += [f"hbreak *{a:#x}" for a in addrs]
    for _ in addrs:
        cmds += ["continue", 'printf "armv7mm-stop pc=%#x\\n", $pc', "monitor info replay"]
    cmds.append("kill")
    return "\n".join(cmds) + "\n"


def stops(gdb_stdout, gdb_stderr, addrs_to_names):
    """{function: count} from gdb's output: the PC of each stop (the script's
    printf, on stdout) and the monitor's answers (which gdb writes on
    stderr), paired in order: the two streams are not ordered against
    each other. An error ends gdb's script, so no answer goes missing
    between two stops."""
    pcs = [int(m["pc"], 16) for line in gdb_stdout.splitlines() if (m := STOP.match(line.strip()))]
    answers = [info_replay_count(line) for line in gdb_stderr.splitlines() if INFO_REPLAY.match(line.strip())]
    if len(answers) != len(pcs):
        raise ReplayError(f"gdb stopped {len(pcs)} times and the monitor answered {len(answers)} times")
    counts = {}
    for pc, n in zip(pcs, answers):
        name = addrs_to_names.get(pc)
        if name is None:
            raise ReplayError(f"gdb stopped at {pc:#x}, where no breakpoint was")
        if name in counts:
            raise ReplayError(f"{name} was entered twice")
        counts[name] = n
    return counts


def measure(kernel, system_map, mem, append=None, timeout=300, machine=machines.DEFAULT):
    """The instruction count at the entry of each PHASE_FUNCTIONS in Debian's
    kernel booting at `mem` MiB on a board of machines.py (by default the
    vexpress-a15 of the linux.* tests); append defaults to the board's
    console and panic=-1 (debian.linux_cmdline)."""
    if append is None:
        append = debian.linux_cmdline(machine)
    with open(system_map) as f:
        addrs = read_system_map(f, PHASE_FUNCTIONS)
    with tempfile.TemporaryDirectory(prefix="armv7mm-replay.") as tmp:
        sock = os.path.join(tmp, "gdb.sock")
        console = os.path.join(tmp, "console")
        extra = ["-icount", f"shift=0,rr=record,rrfile={os.path.join(tmp, 'rr.bin')}",
                 "-chardev", f"socket,path={sock},server=on,wait=off,id=gdb0", "-gdb", "chardev:gdb0", "-S"]
        cmd = debian.qemu_command(kernel, mem, append=append, extra=extra, machine=machine)
        with open(console, "wb") as out:
            qemu = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        try:
            for _ in range(100):            # QEMU makes the socket before it waits for gdb
                if os.path.exists(sock) or qemu.poll() is not None:
                    break
                qemu_wait(qemu, 0.1)
            if not os.path.exists(sock):
                raise ReplayError(f"QEMU made no gdb socket: {tail(console)}")
            script = os.path.join(tmp, "gdb.cmd")
            with open(script, "w") as f:
                f.write(gdb_script(sock, [addrs[n] for n in PHASE_FUNCTIONS]))
            try:
                res = subprocess.run(["gdb-multiarch", "-batch", "-nx", "-x", script], capture_output=True,
                                     text=True, timeout=timeout, stdin=subprocess.DEVNULL)
            except FileNotFoundError:
                raise ReplayError("no gdb-multiarch (Debian's package gdb-multiarch; tools/bootstrap installs it)")
            except subprocess.TimeoutExpired:
                raise ReplayError(f"gdb: no stop at every breakpoint in {timeout} s; console: {tail(console)}")
        finally:
            qemu.kill()
            qemu.wait()
        counts = stops(res.stdout, res.stderr, {a: n for n, a in addrs.items()})
        missing = [n for n in PHASE_FUNCTIONS if n not in counts]
        if missing:
            raise ReplayError(f"Debian's kernel at {mem} MiB never reached {', '.join(missing)}; "
                              f"gdb: {(res.stdout + res.stderr).strip()[-600:]!r}; console: {tail(console)}")
        return counts


def spans(counts, pairs):
    """The instructions from each `from` function's entry to each `to`'s."""
    return {(a, b): counts[b] - counts[a] for a, b in pairs}


def qemu_wait(proc, seconds):
    try:
        proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        pass


def tail(path, chars=600):
    with open(path, "rb") as f:
        return repr(f.read()[-chars:].decode("utf-8", "replace"))
