#!/usr/bin/env python3
"""Runs every program of demos/cpython/programs.json with this python3 and records, after each
statement, the reference count (`sys.getrefcount(x) - 1`) and the gc generation of each watched
object, and the return value of each `gc.collect()`. Writes demos/cpython/cpython-fixture.json,
which test/demos/cpython/fixture.test.ts compares with the TypeScript model.

Usage: npm run record:cpython   (or: python3 scripts/record-cpython-fixture.py)

How a count is read. While the watched object still has its first name, the count is read as
`sys.getrefcount(name) - 1` (the -1 is getrefcount's own argument). Once the name is gone (after
`del`, or after the function that bound it returned), the object is looked up by id among
`gc.get_objects()`; not found means it was freed. Automatic collections are switched off while
recording (gc.disable()) so that the recorder's own allocations cannot trigger one; explicit
gc.collect() calls in the programs still run.
"""
import gc
import json
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROGRAMS = ROOT / "demos" / "cpython" / "programs.json"
FIXTURE = ROOT / "demos" / "cpython" / "cpython-fixture.json"


class Recorder:
    def __init__(self):
        self.ids = {}      # label -> (id, type name) of the object first bound to that name
        self.gone = set()  # labels whose object was freed: a freed object never comes back,
        self.steps = []    # even if a new object later gets its address
        self.current = None

    def begin(self, line, collected=None):
        self.current = {"line": line, "objects": {}}
        if collected is not None:
            self.current["collected"] = collected

    def see(self, label, count, oid, tname):
        if label not in self.ids:
            if oid is None:
                return  # not created yet
            self.ids[label] = (oid, tname)
        cid, ctype = self.ids[label]
        if label in self.gone:
            refs = None
        elif oid == cid:
            refs = count
        else:
            # the recorder's own fresh dicts may reuse the address of a freed object: skip them
            own = (self.current, self.current["objects"])
            refs = find_count(cid, ctype, own)
        if refs is None:
            self.gone.add(label)
        gen = generation_of(cid, ctype, (self.current, self.current["objects"])) if refs is not None else None
        self.current["objects"][label] = {"refs": refs, "generation": gen}

    def end(self):
        self.steps.append(self.current)
        self.current = None


def find_count(oid, tname, own):
    """Count of a live, gc-tracked object that has no name any more; None if it is gone."""
    objs = gc.get_objects()
    for o in objs:
        if id(o) == oid and type(o).__name__ == tname and o is not objs and not any(o is x for x in own):
            # minus: getrefcount's argument, the slot in `objs`, the loop variable `o`
            return sys.getrefcount(o) - 3
    return None


def generation_of(oid, tname, own):
    for g in range(3):
        for o in gc.get_objects(generation=g):
            if id(o) == oid and type(o).__name__ == tname and not any(o is x for x in own):
                return g
    return None  # not tracked by the collector


def instrument(source, watch):
    """Python source with a recording block after each statement (see module docstring)."""
    out = []

    def record(indent, line_no, collect=False):
        pad = " " * indent
        if collect:
            out.append(f"{pad}_rec.begin({line_no}, _gc.collect())")
        else:
            out.append(f"{pad}_rec.begin({line_no})")
        for name in watch:
            out.append(f"{pad}try: _rec.see({name!r}, _sys.getrefcount({name}) - 1, id({name}), type({name}).__name__)")
            out.append(f"{pad}except NameError: _rec.see({name!r}, None, None, None)")
        out.append(f"{pad}_rec.end()")

    pending_def = None  # (indent, line number) of a def whose body is being copied
    for i, line in enumerate(source):
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if pending_def and stripped and indent <= pending_def[0]:
            record(*pending_def)
            pending_def = None
        if not stripped:
            continue
        if stripped.startswith("def "):
            out.append(line)
            pending_def = (indent, i)
        elif stripped.startswith("return"):
            out.append(line)  # no state can be read after a return inside the frame
        elif stripped == "gc.collect()":
            record(indent, i, collect=True)
        else:
            out.append(line)
            record(indent, i)
    if pending_def:
        record(*pending_def)
    return "\n".join(out) + "\n"


def run(program):
    rec = Recorder()
    code = instrument(program["source"], program["watch"])
    namespace = {"__name__": "__stepper__", "_rec": rec, "_sys": sys, "_gc": gc}
    gc.collect()
    exec(compile(code, program["id"], "exec"), namespace)
    namespace.clear()
    gc.collect()
    return rec.steps


def main():
    programs = json.loads(PROGRAMS.read_text(encoding="utf-8"))["programs"]
    thresholds = gc.get_threshold()
    gc.disable()
    try:
        recorded = {p["id"]: run(p) for p in programs}
    finally:
        gc.enable()
    fixture = {
        "$comment": "Written by scripts/record-cpython-fixture.py (npm run record:cpython). Do not edit by hand.",
        "python": {
            "version": platform.python_version(),
            "implementation": platform.python_implementation(),
            "build": sys.version.replace("\n", " "),
            "platform": platform.platform(terse=True),
            "thresholds": list(thresholds),
        },
        "programs": recorded,
    }
    FIXTURE.write_text(json.dumps(fixture, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {FIXTURE.relative_to(ROOT)} with CPython {platform.python_version()}: "
          + ", ".join(f"{k} ({len(v)} steps)" for k, v in recorded.items()))


if __name__ == "__main__":
    main()
