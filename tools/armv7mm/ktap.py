"""A parser for KTAP version 1 (Linux's Documentation/dev-tools/ktap.rst).

parse(lines) takes console lines (timestamps already removed) and returns
the root Test; lines before the first "KTAP version" line are ignored.
Nesting follows indentation: 4 spaces per level, as KUnit prints it.
"""
import re


class KtapError(Exception):
    pass


class Test:
    def __init__(self, name, parent=None):
        self.name = name
        self.parent = parent
        self.plan = None
        self.children = []
        self.result = None      # "ok" / "not ok" / None (no result line)
        self.number = None
        self.directive = ""

    @property
    def path(self):
        parts = []
        t = self
        while t is not None and t.parent is not None:
            parts.append(t.name)
            t = t.parent
        return ".".join(reversed(parts))

    @property
    def status(self):
        if self.result is None:
            return "NO RESULT"
        if self.result == "ok":
            return "SKIP" if self.directive.upper().startswith("SKIP") else "PASS"
        return "FAIL"

    def flatten(self):
        for c in self.children:
            yield c
            yield from c.flatten()

    def problems(self):
        out = []
        if self.plan is not None and self.plan != len(self.children):
            out.append("%s: plan 1..%d but %d results" % (self.path or "<top>", self.plan, len(self.children)))
        for i, c in enumerate(self.children, 1):
            if c.result is None:
                out.append("%s: no result line" % c.path)
            elif c.result != "ok":
                out.append("%s: not ok" % c.path)
            if c.number is not None and c.number != i:
                out.append("%s: numbered %d, expected %d" % (c.path, c.number, i))
            out += c.problems()
        return out


VERSION = re.compile(r"^(?P<indent> *)KTAP version 1\s*$")
PLAN = re.compile(r"^(?P<indent> *)1\.\.(?P<n>\d+)\s*$")
RESULT = re.compile(r"^(?P<indent> *)(?P<ok>ok|not ok) (?P<num>\d+)(?: -)? ?(?P<name>[^#]*?)\s*(?:#\s*(?P<dir>.*))?$")
SUBTEST = re.compile(r"^(?P<indent> *)# Subtest: (?P<name>.+)$")


def parse(lines):
    root = Test("")
    started = False
    # stack[d] is the Test whose children are printed at indentation depth d.
    stack = [root]
    pending_name = {}
    for line in lines:
        line = line.rstrip("\n")
        m = VERSION.match(line)
        if m:
            depth = len(m.group("indent")) // 4
            if not started:
                if depth != 0:
                    raise KtapError("first KTAP header is indented")
                started = True
                continue
            if depth != len(stack):
                raise KtapError("nested KTAP header at depth %d, expected %d: %r" % (depth, len(stack), line))
            child = Test(pending_name.pop(depth, "?"), stack[-1])
            stack.append(child)
            continue
        if not started:
            continue
        m = SUBTEST.match(line)
        if m:
            depth = len(m.group("indent")) // 4
            if depth == len(stack) - 1 and stack[-1].name == "?" and not stack[-1].children:
                stack[-1].name = m.group("name").strip()
            else:
                pending_name[depth] = m.group("name").strip()
            continue
        m = PLAN.match(line)
        if m:
            depth = len(m.group("indent")) // 4
            if depth == len(stack) - 1:
                stack[-1].plan = int(m.group("n"))
            continue
        m = RESULT.match(line)
        if m:
            depth = len(m.group("indent")) // 4
            if depth > len(stack) - 1:
                raise KtapError("result deeper than any open test: %r" % line)
            # A result at depth d closes every open test deeper than d.
            while len(stack) - 1 > depth + 1:
                stack.pop()
            if len(stack) - 1 == depth + 1:
                test = stack.pop()
                test.name = m.group("name") or test.name
            else:
                test = Test(m.group("name"), stack[-1])
            test.parent = stack[-1]
            test.result = m.group("ok")
            test.number = int(m.group("num"))
            test.directive = (m.group("dir") or "").strip()
            stack[-1].children.append(test)
            continue
    if not started:
        raise KtapError("no KTAP output (was `ktest` on the command line?)")
    while len(stack) > 1:
        open_test = stack.pop()
        open_test.parent.children.append(open_test)   # reported as "no result line"
    if root.plan is None:
        raise KtapError("no top-level plan")
    return root
