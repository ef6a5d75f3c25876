"""A command's exit status and its output, checked together.

problems() says what is wrong with a finished command: an exit status
other than the one wanted, a pattern of `expect` not found (they must
match lines in the order given: each is searched from the line after the
previous one's match), a pattern of `reject` that matches a line.
"""
import re


def problems(status, lines, want_status=0, expect=(), reject=()):
    out = []
    if status != want_status:
        out.append(f"exit status {status}, expected {want_status}")
    at = 0
    for pattern in expect:
        rx = re.compile(pattern)
        hit = next((i for i in range(at, len(lines)) if rx.search(lines[i])), None)
        if hit is None:
            out.append(f"expected line not found (in order): {pattern!r}")
        else:
            at = hit + 1
    for pattern in reject:
        rx = re.compile(pattern)
        hit = next((line for line in lines if rx.search(line)), None)
        if hit is not None:
            out.append(f"rejected pattern {pattern!r} matched: {hit!r}")
    return out
