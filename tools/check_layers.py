#!/usr/bin/env python3
# SPDX-License-Identifier: MulanPSL-2.0
"""make check-layers: the layers of src/ as docs/architecture.md draws them.

Fails when
  - a file includes a header of a higher layer, or its object uses a symbol
    defined in a higher layer (core < form < store < domain < ui < cli <
    main.c: each layer uses only the ones below it);
  - a circle of files (objects that use each other's symbols, directly or
    round a loop) inside one layer is wider than the ratchet allows for that
    layer (tools/layers-ratchet: the target is 2, a screen's model and view);
  - docs/architecture.md lists a layer arrow that does not exist or omits
    one that does (between its check-layers markers), or names a
    file:function (`store/session.c:session_may_write`) that is not there.

Usage: check_layers.py OBJ_DIR   (the build's obj/, after make)
"""
import os
import re
import subprocess
import sys

LAYERS = ["core", "form", "store", "domain", "ui", "cli", "main"]
RANK = {name: i for i, name in enumerate(LAYERS)}
TARGET = 2  # a screen's model and its view
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "src")
RATCHET = os.path.join(ROOT, "tools", "layers-ratchet")
DOC = os.path.join(ROOT, "docs", "architecture.md")
INCLUDE = re.compile(r'^\s*#\s*include\s+"([a-z]+)/([^"]+)"', re.M)
ARROW = re.compile(r"^\s*(\w+)\s*→\s*(.+?)\s*$")
FILE_FN = re.compile(r"`((?:core|form|store|domain|ui|cli)/\w+\.[ch]):(\w+)`")

problems = []


def layer_of(path):
    """src/store/db.c -> store; src/main.c -> main."""
    rel = os.path.relpath(path, SRC)
    return rel.split(os.sep)[0] if os.sep in rel else "main"


def sources():
    for d, _, files in os.walk(SRC):
        for f in sorted(files):
            if f.endswith((".c", ".h")):
                yield os.path.join(d, f)


def check_includes():
    """Upward includes; returns the include arrows (from, to)."""
    arrows = set()
    for path in sources():
        low = layer_of(path)
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        for m in INCLUDE.finditer(text):
            to = m.group(1)
            if to not in RANK:
                continue
            line = text.count("\n", 0, m.start()) + 1
            if RANK[to] > RANK[low]:
                problems.append(f"src/{os.path.relpath(path, SRC)}:{line}: includes {to}/{m.group(2)}, "
                                f"a layer above {low} ({' < '.join(LAYERS[:-1])} < main.c)")
            elif to != low:
                arrows.add((low, to))
    return arrows


def symbols(obj_dir):
    """{module: (layer, defined set, used set)} from nm over every object."""
    mods = {}
    for layer in LAYERS[:-1]:
        d = os.path.join(obj_dir, layer)
        objs = sorted(f for f in os.listdir(d) if f.endswith(".o")) if os.path.isdir(d) else []
        for o in objs:
            mods[f"{layer}/{o[:-2]}"] = (layer, os.path.join(d, o))
    main_o = os.path.join(obj_dir, "main.o")
    if os.path.exists(main_o):
        mods["main"] = ("main", main_o)
    if not mods:
        sys.exit(f"check-layers: no objects under {obj_dir}: run make first")
    out = {}
    for name, (layer, path) in mods.items():
        nm = subprocess.run(["nm", "-P", path], capture_output=True, text=True, check=True).stdout
        defined, used = set(), set()
        for line in nm.splitlines():
            parts = line.split()
            if len(parts) < 2:
                continue
            sym, kind = parts[0], parts[1]
            if kind == "U":
                used.add(sym)
            elif kind.isupper() and kind not in "NW":
                defined.add(sym)
        out[name] = (layer, defined, used)
    return out


def check_uses(mods):
    """Upward uses; returns the use arrows and the module graph per layer."""
    owner = {}
    for name, (layer, defined, _) in mods.items():
        for sym in defined:
            owner[sym] = name
    arrows, graph = set(), {}
    for name, (layer, _, used) in mods.items():
        graph.setdefault(name, set())
        for sym in sorted(used):
            other = owner.get(sym)
            if not other or other == name:
                continue
            to = mods[other][0]
            if RANK[to] > RANK[layer]:
                problems.append(f"{name}.c uses {sym} of {other}.c, a layer above {layer}")
            elif to != layer:
                arrows.add((layer, to))
            else:
                graph[name].add(other)
    return arrows, graph


def circles(graph):
    """The strongly connected components (Tarjan) of more than one module."""
    index, low, stack, on, comps = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                comps.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return comps


def read_ratchet():
    allowed = {}
    with open(RATCHET, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            parts = line.split()
            if len(parts) != 2 or parts[0] not in RANK or not parts[1].isdigit():
                sys.exit(f"{RATCHET}:{n}: want LAYER WIDTH, got: {line}")
            allowed[parts[0]] = int(parts[1])
    return allowed


def check_circles(graph):
    allowed = read_ratchet()
    comps = circles(graph)
    for layer in LAYERS[:-1]:
        mine = [c for c in comps if c[0].startswith(layer + "/")]
        widest = max(mine, key=len) if mine else []
        limit = allowed.get(layer, TARGET)
        width = len(widest)
        names = ", ".join(m.split("/", 1)[1] for m in widest)
        print(f"check-layers: {layer}: widest circle {width} files (allowed {limit}, target {TARGET})"
              + (f": {names}" if widest else ""))
        if width > limit:
            problems.append(f"{layer}: a circle of {width} files, wider than the {limit} allowed "
                            f"(tools/layers-ratchet): {names}")
        elif width < limit:
            print(f"check-layers: {layer}: the ratchet can come down to {max(width, TARGET)}")


def check_doc(arrows):
    with open(DOC, encoding="utf-8") as fh:
        doc = fh.read()
    m = re.search(r"<!-- check-layers: arrows -->(.*?)<!-- /check-layers -->", doc, re.S)
    if not m:
        problems.append("docs/architecture.md: no <!-- check-layers: arrows --> block")
        return
    listed = set()
    for line in m.group(1).splitlines():
        a = ARROW.match(line.strip("`"))
        if a:
            for to in re.split(r"[,\s]+", a.group(2)):
                if to:
                    listed.add((a.group(1), to))
    for frm, to in sorted(listed - arrows):
        problems.append(f"docs/architecture.md lists {frm} → {to}, which no include or call makes")
    for frm, to in sorted(arrows - listed):
        problems.append(f"docs/architecture.md omits {frm} → {to}, which the code has")
    for path, fn in sorted(set(FILE_FN.findall(doc))):
        full = os.path.join(SRC, path)
        if not os.path.exists(full):
            problems.append(f"docs/architecture.md names {path}:{fn}: there is no src/{path}")
            continue
        with open(full, encoding="utf-8") as fh:
            text = fh.read()
        if not re.search(r"^[A-Za-z_][\w \t\*]*\b" + re.escape(fn) + r"\s*\(", text, re.M):
            problems.append(f"docs/architecture.md names {path}:{fn}: src/{path} defines no {fn}")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    arrows = check_includes()
    use_arrows, graph = check_uses(symbols(sys.argv[1]))
    check_circles(graph)
    check_doc(arrows | use_arrows)
    for p in problems:
        print(f"check-layers: {p}", file=sys.stderr)
    if problems:
        print(f"check-layers: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("check-layers: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
