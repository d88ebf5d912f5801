"""Benchmark: results read from the largest earnings release in ../shared/press_releases.

    .venv/bin/python bench/results.py [--repeats 21]

One run is what the evening refresh does with a new 8-K exhibit: `read_release` on its bytes
(tables to cells, the statement's figures, non-GAAP EPS, the guidance). The document is the
largest file there (Microsoft's Q4 FY2025 release, 0.82 MB). The floor is the least any reading
of it must do: lexbor parsing the same bytes and taking its `.text()`, measured in the same run.
Goal: a run <= 50 ms. Then issue 32's hostile shapes (a row of 40,000 label cells, a sentence of
6,000 amounts), each read in well under a second per MB; and one outlook sentence of 16,000
amounts under a statement (so its guidance is read) within 30 times a floor of plain paragraphs.
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
from tests.support.shared import PRESS_RELEASES  # noqa: E402

from catalyst_tui.reading.release.reader import read_release  # noqa: E402
from catalyst_tui.reading.release.records import to_json  # noqa: E402

GOAL_MS = 50.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=21)
    args = parser.parse_args()
    document = max(PRESS_RELEASES.glob("*.htm*"), key=lambda path: path.stat().st_size)
    raw = document.read_bytes()

    runs, floors = [], []
    for _ in range(args.repeats):
        started = time.perf_counter()
        results = read_release(raw)
        runs.append(time.perf_counter() - started)
        started = time.perf_counter()
        tree = LexborHTMLParser(raw)
        floor_text = tree.root.text() if tree.root is not None else ""
        floors.append(time.perf_counter() - started)
    assert floor_text and results.found
    measured, floor = statistics.median(runs) * 1000, statistics.median(floors) * 1000
    read = to_json(results)
    print(f"results bench: {document.name} ({len(raw) / 1e6:.2f} MB), {args.repeats} repeats")
    print(f"  read: period end {read['period_end']}, quarter {read['quarter']}")
    print(
        f"  run: median {measured:.1f} ms, fastest {min(runs) * 1000:.1f} ms "
        f"(goal <= {GOAL_MS:.0f} ms: {'met' if measured <= GOAL_MS else 'MISSED'})"
    )
    print(f"  floor (lexbor parse + .text() of the same bytes): median {floor:.1f} ms")
    print(f"  ratio {measured / floor:.1f}x the floor")
    emit(
        Figure(
            figure="results from the largest release (0.82 MB)",
            measured=round(measured, 2),
            floor=round(floor, 2),
            unit="ms",
            goal=f"measured <= {GOAL_MS:.0f}",
            floor_is="lexbor parse + .text() of the same bytes",
            note=f"median of {args.repeats} runs of read_release on {document.name}",
        )
    )


def hostile() -> None:
    """Issue 32's quadratic shapes, timed: a table row of 40,000 label cells and one outlook
    sentence of 6,000 amounts, each read in well under a second per MB (the row took minutes)."""
    row = "<tr>" + "".join(f"<td>Label {i}</td>" for i in range(40_000)) + "<td>1,000</td></tr>"
    amounts = ", revenue of ".join(f"${i}.5 billion and ${i}.7 billion" for i in range(6_000))
    shapes = {
        "a table row of 40,000 label cells": f"<html><body><table>{row}</table></body></html>",
        "an outlook sentence of 6,000 amounts": (
            f"<html><body><p>We expect fourth quarter revenue of {amounts}.</p></body></html>"
        ),
    }
    for name, document in shapes.items():
        size = len(document.encode()) / 1e6
        started = time.perf_counter()
        read_release(document)
        seconds = time.perf_counter() - started
        print(
            f"  hostile, {name} ({size:.2f} MB): {seconds * 1000:.0f} ms, "
            f"{seconds / size:.2f} s per MB (goal well under 1)"
        )
        emit(
            Figure(
                figure=f"results from {name}",
                measured=round(seconds / size, 3),
                floor=0.0,
                unit="s/MB",
                goal="measured <= 1",
                note=f"one read_release of {size:.2f} MB",
            )
        )
    outlook()


def outlook() -> None:
    """One outlook sentence of 16,000 amounts whose clauses name no period ("revenue is $1 and
    ..."), under a statement so its guidance is read (each amount looked through the whole
    sentence: many minutes), against a floor: as many bytes of plain paragraphs under it."""
    head = (
        "<html><body><p>(In millions)</p><table><tr><td></td><td>Three Months Ended</td></tr>"
        "<tr><td></td><td>March 31, 2025</td></tr><tr><td>Revenue</td><td>1,000</td></tr>"
        "<tr><td>Net income</td><td>100</td></tr></table>"
    )
    sentence = "We expect " + "revenue is $1 and " * 16_000 + "for the fourth quarter."
    paragraphs = ("<p>Revenue grew in the quarter.</p>" * (len(sentence) // 35 + 1))[
        : len(sentence)
    ]
    timings = {}
    for name, text in (("floor", paragraphs), ("outlook", f"<p>{sentence}</p>")):
        started = time.process_time()
        read_release(f"{head}{text}</body></html>")
        timings[name] = time.process_time() - started
    size = len(sentence) / 1e6
    print(
        f"  hostile, an outlook sentence of 16,000 amounts ({size:.2f} MB): "
        f"{timings['outlook'] * 1000:.0f} ms CPU, floor {timings['floor'] * 1000:.0f} ms, "
        f"ratio {timings['outlook'] / timings['floor']:.1f}x (goal <= 30x)"
    )
    emit(
        Figure(
            figure="results from an outlook sentence of 16,000 amounts",
            measured=round(timings["outlook"] * 1000, 2),
            floor=round(timings["floor"] * 1000, 2),
            unit="ms",
            goal="ratio <= 30",
            floor_is="read_release of as many bytes of plain paragraphs under the same statement",
            note="CPU time of one read_release",
        )
    )


if __name__ == "__main__":
    main()
    hostile()
