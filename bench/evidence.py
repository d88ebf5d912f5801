"""Benchmark: evidence in a 10-Q: its text from the 1.35 MB HTML, then 20 checkpoints' entries.

    .venv/bin/python bench/evidence.py [--repeats 11]

One run is what the refresh does with a new 10-Q: `html_to_text` on the bytes, `Matcher` on the
text, `find` with the 60 entries of 20 checkpoints (3 each: product names, phrases, some that
match and many that do not). The floor is the least any reading of the document must do: lexbor
parsing the same bytes and taking its `.text()`, with no block separation and no matching,
measured in the same run. Goal: a run <= 200 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

from bench._report import Figure, emit  # noqa: E402
from selectolax.lexbor import LexborHTMLParser  # noqa: E402
from tests.support.shared import SAMPLES  # noqa: E402

from catalyst_tui.reading.documents import html_to_text  # noqa: E402
from catalyst_tui.thesis.evidence.passages import Matcher, parse_entry  # noqa: E402

GOAL_MS = 200.0
DOCUMENT = SAMPLES / "sec_10q_NVDA_nvda-20250727.htm"
CHECKPOINTS = [
    ['"data center" revenue record', '"Data Center" compute', "Blackwell shipping"],
    ['"Blackwell Ultra"', "GB300 production", "Rubin shipping"],
    ["H20 China", '"export controls" China', '"H20" license'],
    ["Scorpio largest", '"largest product line" Scorpio', "Scorpio-X ramp"],
    ['"gross margin" inventory', '"gross margins" decreased', "inventory provisions"],
    ["Spectrum-X Ethernet", "InfiniBand networking", '"networking revenue" record'],
    ["Gaming revenue", '"GeForce RTX 50"', "Nintendo Switch"],
    ['"Professional Visualization"', "Omniverse Enterprise", "RTX PRO Servers"],
    ["Automotive revenue", '"self-driving" platforms', "DRIVE Thor"],
    ['"share repurchase" authorization', "dividend quarterly", '"$60.0 billion" repurchase'],
    ["Singapore revenue", '"U.S.-based customers"', "Taiwan revenue"],
    ["Jetson robotics", '"humanoid robots"', "Isaac GR00T"],
    ['"DGX Cloud"', "sovereign AI", '"AI factories"'],
    ["NVLink Fusion", "Grace Hopper", '"Grace Blackwell" NVL72'],
    ["Mellanox acquisition", "Arm license", '"Run:ai"'],
    ["litigation securities", '"class action"', "derivative lawsuit"],
    ['"supply constraints"', "lead times", '"purchase obligations" increased'],
    ["customer A", '"direct customer"', '"indirect customer"'],
    ["tariffs", '"rare earth"', "Section 232"],
    ["Hopper H100", "Ampere A100", "Volta V100"],
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=11)
    args = parser.parse_args()
    raw = DOCUMENT.read_bytes()
    texts = [entry for checkpoint in CHECKPOINTS for entry in checkpoint]

    runs, floors, parts = [], [], {"text": [], "index": [], "find": []}
    for _ in range(args.repeats):
        started = time.perf_counter()
        text = html_to_text(raw)
        extracted = time.perf_counter()
        matcher = Matcher(text)
        indexed = time.perf_counter()
        passages = matcher.find([parse_entry(t) for t in texts])
        done = time.perf_counter()
        runs.append(done - started)
        parts["text"].append(extracted - started)
        parts["index"].append(indexed - extracted)
        parts["find"].append(done - indexed)
        started = time.perf_counter()
        tree = LexborHTMLParser(raw)
        floor_text = tree.root.text() if tree.root is not None else ""
        floors.append(time.perf_counter() - started)
    assert floor_text and passages
    measured, floor = statistics.median(runs) * 1000, statistics.median(floors) * 1000
    matched = sorted({p.entry for p in passages})
    print(
        f"evidence bench: {DOCUMENT.name} ({len(raw) / 1e6:.2f} MB, {len(text):,} characters "
        f"of text, {len(matcher.spans):,} sentences), {len(CHECKPOINTS)} checkpoints x 3 = "
        f"{len(texts)} entries, {args.repeats} repeats"
    )
    print(
        f"  {len(passages)} passages for {len(matched)} of the {len(texts)} entries: "
        + ", ".join(matched)
    )
    for name, times in parts.items():
        print(f"  {name}: median {statistics.median(times) * 1000:.1f} ms")
    print(
        f"  whole run: median {measured:.1f} ms (goal <= {GOAL_MS:.0f} ms: "
        f"{'met' if measured <= GOAL_MS else 'MISSED'})"
    )
    print(f"  floor (lexbor parse + .text() of the same bytes): median {floor:.1f} ms")
    print(f"  ratio {measured / floor:.1f}x the floor")
    emit(
        Figure(
            figure="evidence in a 1.35 MB 10-Q, 60 entries",
            measured=round(measured, 2),
            floor=round(floor, 2),
            unit="ms",
            goal=f"measured <= {GOAL_MS:.0f}",
            floor_is="lexbor parse + .text() of the same bytes, no block separation or matching",
            note=f"median of {args.repeats} runs: html_to_text + Matcher + find "
            f"({len(CHECKPOINTS)} checkpoints x 3 entries)",
        )
    )


if __name__ == "__main__":
    main()
