#!/usr/bin/env python3
"""Damage the corpus's renderings the way converters do, and count the key values read wrong.

    python3 scripts/mutate.py [--render pymupdf4llm] [--mode cut|br|merge] [--seeds 30]
                              [--cuts 4] [--bin target/release/form4] [--list] [--keep DIR]

Each rendering gets `--cuts` changes in randomly chosen cells of its pipe tables, `--seeds`
times over (seeded by file name, seed and mode: every run makes the same files):

- `cut`: a cell cut in two at a character that is not inside an HTML tag (inside bold, the
  converter closes and reopens it: `**Ta**|**ble II**`), as a grid line through a word or a
  number does;
- `br`: a space inside a cell made a line break, as a narrower column wraps it;
- `merge`: two neighbouring cells made one, line by line, as a lost grid line does.

The record of every damaged file is scored against the filing's truth on the key fields
(dates, codes, amounts, prices, A/D, D/I). A damaged value must be read right or left
empty: the figure that matters is `wrong + spurious`. `--list` prints each of them.
Needs ../shared (the corpus and its scorer).
"""
import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(SHARED / "bench"))
import score  # noqa: E402


def lines_of(cell):
    return cell.split("<br>")


def damage(cell, rng, mode, nxt):
    """The cell after one change (and whether the next cell was merged into it)."""
    if mode == "cut":
        inside = set()
        for m in re.finditer(r"<[^>]*>", cell):
            inside.update(range(m.start() + 1, m.end()))
        for m in re.finditer(r"\*\*", cell):
            inside.add(m.start() + 1)
        at = [p for p in range(1, len(cell) - 1) if p not in inside]
        if not at:
            return cell, False
        p = rng.choice(at)
        cut = "**|**" if cell[:p].count("**") % 2 == 1 else "|"
        return cell[:p] + cut + cell[p:], False
    if mode == "br":
        s = cell.strip()
        spaces = [m.start() for m in re.finditer(" ", s)]
        if not spaces:
            return cell, False
        p = rng.choice(spaces)
        return s[:p] + "<br>" + s[p + 1:], False
    if nxt is None:
        return cell, False
    a, b = lines_of(cell), lines_of(nxt)
    n = max(len(a), len(b))
    a += [""] * (n - len(a))
    b += [""] * (n - len(b))
    return "<br>".join(f"{x} {y}".strip() for x, y in zip(a, b)), True


def mutate(text, rng, mode, cuts):
    lines = text.split("\n")
    rows = [i for i, l in enumerate(lines) if l.startswith("|") and not set(l) <= set("|-: ")]
    for _ in range(cuts):
        if not rows:
            break
        i = rng.choice(rows)
        cells = lines[i].split("|")
        inner = [k for k in range(1, len(cells) - 1) if len(cells[k].strip()) >= 4]
        if not inner:
            continue
        k = rng.choice(inner)
        nxt = cells[k + 1] if k + 1 < len(cells) - 1 else None
        cells[k], merged = damage(cells[k], rng, mode, nxt)
        if merged:
            del cells[k + 1]
        lines[i] = "|".join(cells)
    return "\n".join(lines)


def key_outcomes(truth, pred, where):
    out = []

    class Tally(score.Tally):
        def add(self, field, kind, t, p, w):
            super().add(field, kind, t, p, w)
            if field.split(".")[-1] not in score.KEY_FIELDS or kind == "flag":
                return
            nt, np_ = score.norm(kind, t), score.norm(kind, p)
            if nt is None and np_ is None:
                return
            if nt == np_:
                o = "correct"
            elif np_ is None:
                o = "missed"
            elif nt is None:
                o = "spurious"
            else:
                o = "wrong"
            out.append((o, field, t, p))

    saved = score.Tally
    score.Tally = Tally
    try:
        score.score_record(truth, pred, where)
    finally:
        score.Tally = saved
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--render", default="pymupdf4llm")
    ap.add_argument("--mode", default="cut", choices=["cut", "br", "merge"])
    ap.add_argument("--seeds", type=int, default=30)
    ap.add_argument("--cuts", type=int, default=4)
    ap.add_argument("--bin", default=str(ROOT / "target/release/form4"))
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--keep", help="write the damaged files to this folder and keep them")
    args = ap.parse_args()
    counts = {"correct": 0, "missed": 0, "wrong": 0, "spurious": 0}
    files = failed = 0
    with tempfile.TemporaryDirectory() as scratch:
        tmp = args.keep or scratch
        Path(tmp).mkdir(parents=True, exist_ok=True)
        for doc in sorted((SHARED / "corpus").iterdir()):
            truth_path = doc / "truth.json"
            sources = list(doc.glob(args.render + ".*"))
            if not truth_path.exists() or not sources:
                continue
            truth = json.loads(truth_path.read_text())
            text = sources[0].read_text(errors="replace")
            for seed in range(args.seeds):
                rng = random.Random(zlib.crc32(f"{doc.name}|{seed}|{args.mode}".encode()))
                path = Path(tmp) / f"{doc.name}_{seed}{sources[0].suffix}"
                path.write_text(mutate(text, rng, args.mode, args.cuts))
                run = subprocess.run([args.bin, "parse", str(path)], capture_output=True, text=True)
                files += 1
                try:
                    pred = json.loads(run.stdout)
                except json.JSONDecodeError:
                    failed += 1
                    continue
                for o, field, t, p in key_outcomes(truth, pred, doc.name):
                    counts[o] += 1
                    if args.list and o in ("wrong", "spurious"):
                        print(f"{o:8} {field:40} {doc.name}_{seed} truth={t!r} read={p!r}")
    print(
        f"{args.render} {args.mode}: {files} files ({failed} without a record); key values "
        f"correct {counts['correct']}, missed {counts['missed']}, "
        f"wrong {counts['wrong']}, spurious {counts['spurious']}"
    )


if __name__ == "__main__":
    main()
