"""Per-figure coverage of the release reader against what the releases in ../shared state, read
by hand (tests/support/stated_releases.py): `python tools/release_coverage.py --stated`.

Each figure right, wrong, missed or invented as `compare` (tests/support/stated_releases.py)
tells; guidance counts per period (quarter, year), low and high together.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "src"), str(REPO)]

from tests.support.shared import SHARED  # noqa: E402
from tests.support.stated_releases import STATED, compare  # noqa: E402

from catalyst_tui.reading.release.reader import read_release  # noqa: E402
from catalyst_tui.reading.release.records import to_json  # noqa: E402

_OUTCOMES = ("stated", "right", "wrong", "missed", "invented", "prose")


def measure(paths: list[Path]) -> int:
    chosen = {p.resolve() for p in paths}
    counts: dict[str, Counter[str]] = {}
    notes: list[str] = []
    files = 0
    for name, stated in STATED.items():
        path = SHARED / name
        if chosen and not ({path.resolve(), path.parent.resolve()} & chosen):
            continue
        files += 1
        read = to_json(read_release(path.read_bytes()))
        for figure, outcome, got, want in compare(read, stated):
            tally = counts.setdefault(figure, Counter())
            if outcome in ("right", "wrong", "missed"):
                tally["stated"] += 1
            if outcome:
                tally[outcome] += 1
            if outcome in ("wrong", "missed", "invented", "prose"):
                notes.append(f"  {outcome:8} {figure:22} read {got} stated {want}  {path.name}")
    print(f"{'figure':22}" + "".join(f"{o:>9}" for o in _OUTCOMES))
    total: Counter[str] = Counter()
    for figure, tally in counts.items():
        total.update(tally)
        print(f"{figure:22}" + "".join(f"{tally[o]:>9}" for o in _OUTCOMES))
    print(f"{'ALL':22}" + "".join(f"{total[o]:>9}" for o in _OUTCOMES))
    stated, right = total["stated"], total["right"]
    with_prose = stated + total["prose"]
    print(
        f"{files} documents: {right}/{stated} figures stated in tables or outlook sentences read "
        f"right ({right / max(stated, 1):.1%}), {total['wrong']} wrong, {total['invented']} "
        f"invented; counting the figures stated only in prose, {right}/{with_prose} "
        f"({right / max(with_prose, 1):.1%})"
    )
    for note in notes:
        print(note)
    return 0
