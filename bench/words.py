"""Benchmark: KPIs read from words in a 10,000-sentence transcript.

    .venv/bin/python bench/words.py [--repeats 5] [--sentences 10000]

The transcript is built from the sentences of the 20 real earnings calls in
../shared/realdata/calls/docs (one a line), repeated in their order up to `--sentences`. One
run is `read_words` over the whole text: its sentences, the document's customers and parts,
every share, growth and guidance direction with its subject. The floor is the least any reader
of the text must do: split it into the same sentences and look for a percentage in each with
one compiled pattern, measured in the same run. Both are the CPU time of this process
(`time.process_time`), which other work on a shared machine does not inflate as it does the
wall clock. Goal: a run under a second.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

from bench._report import Figure, emit  # noqa: E402
from tests.support.shared import REALDATA  # noqa: E402

from catalyst_tui.reading.words import read_words, sentence_spans  # noqa: E402

GOAL_MS = 1000.0
CALLS = REALDATA / "calls" / "docs"
PERCENT = re.compile(r"\d\s?%")


def transcript(sentences: int) -> str:
    lines = [
        line
        for path in sorted(CALLS.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return "\n".join((lines * (sentences // len(lines) + 1))[:sentences])


def floor_run(text: str) -> int:
    return sum(1 for a, b in sentence_spans(text) if PERCENT.search(text, a, b))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--sentences", type=int, default=10_000)
    args = parser.parse_args()
    text = transcript(args.sentences)
    runs, floors = [], []
    for _ in range(args.repeats):
        started = time.process_time()
        read = read_words(text)
        runs.append(time.process_time() - started)
        started = time.process_time()
        with_figures = floor_run(text)
        floors.append(time.process_time() - started)
    measured, floor = statistics.median(runs) * 1000, statistics.median(floors) * 1000
    kinds = {
        kind: sum(1 for s in read if s.kind == kind) for kind in ("share", "growth", "guidance")
    }
    print(
        f"words bench: {args.sentences:,} sentences of the {len(list(CALLS.glob('*.txt')))} "
        f"calls ({len(text):,} characters, {with_figures:,} with a percentage), "
        f"{args.repeats} repeats"
    )
    print("  read: " + ", ".join(f"{n} {kind}" for kind, n in kinds.items()))
    print(
        f"  read_words: median {measured:.0f} ms (goal <= {GOAL_MS:.0f} ms: "
        f"{'met' if measured <= GOAL_MS else 'MISSED'})"
    )
    print(f"  floor (sentences split, one percentage search each): median {floor:.0f} ms")
    print(f"  ratio {measured / floor:.1f}x the floor")
    emit(
        Figure(
            figure=f"KPIs read from a {args.sentences:,}-sentence transcript",
            measured=round(measured, 1),
            floor=round(floor, 1),
            unit="ms",
            goal=f"measured <= {GOAL_MS:.0f}",
            floor_is="the same sentences split and searched once for a percentage",
            note=f"median CPU time of {args.repeats} runs of read_words over the 20 calls' "
            "sentences",
        )
    )


if __name__ == "__main__":
    main()
