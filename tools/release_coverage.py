"""What the release reader reads from each earnings release in some folders: a developer's view of
a change's effect on every real release at once.

    python tools/release_coverage.py DIR_OR_FILE... [--year] [--quiet]
    python tools/release_coverage.py --stated [DIR_OR_FILE...]

Per release file: found or not (and why not), the period end, each of the quarter's figures as
read or the reason it is missing (`-` for not stated, `?` for ambiguous, `scale` for no scale
stated), the guidance; `--year` adds the fiscal year's figures on a Q4 release. The total line
counts releases found (those not found apart: with a statement, or holding none as read by hand
in tests/support/stated_releases.py) and figures read out of those the found releases could
state (six a quarter). Whether a figure the reader left out is stated, or one it read is right,
is for the person reading the release (the tests pin the hand-read figures): this shows what
changed.

`--stated` measures per figure against what each release in ../shared states, read by hand
(tests/support/stated_releases.py): for each figure (quarter, year, guidance) how many releases
state it in a table, how many of those the reader read right, read wrong or missed, how many it
gave where none is stated (invented), and how many are stated only in sentences (left out by
design); then each wrong, missed or invented figure by file. Without paths: every release there.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from catalyst_tui.reading.release.reader import read_release  # noqa: E402
from catalyst_tui.reading.release.records import (  # noqa: E402
    FIGURES,
    Gap,
    ReleaseFigures,
)

_SHORT = {
    "revenue": "rev",
    "gross_profit": "gp",
    "operating_income": "op",
    "net_income": "ni",
    "eps_diluted": "eps",
    "eps_nongaap": "adj",
}
_GAP_MARK = {Gap.NOT_STATED: "-", Gap.AMBIGUOUS: "?", Gap.UNKNOWN_SCALE: "scale"}
_SUFFIXES = (".htm", ".html", ".txt")


def releases(paths: list[Path]) -> list[Path]:
    """The release files named or inside the folders named (README and non-HTML files aside)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p
                for p in sorted(path.iterdir())
                if p.is_file() and p.suffix.lower() in _SUFFIXES and p.stem.upper() != "README"
            )
        elif path.is_file():
            found.append(path)
    return found


def _value(name: str, value: float) -> str:
    if name.startswith("eps"):
        return f"{value:.2f}"
    for scale, unit in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(value) >= scale:
            return f"{value / scale:,.3f}{unit}"
    return f"{value:,.0f}"


def _figures(figures: ReleaseFigures) -> tuple[str, int]:
    cells, read = [], 0
    for name in FIGURES:
        value = getattr(figures, name)
        if value is None:
            gap = figures.gap(name)
            cells.append(f"{_SHORT[name]}={_GAP_MARK.get(gap, str(gap)) if gap else '-'}")
        else:
            read += 1
            derived = "*" if name in figures.derived else ""
            cells.append(f"{_SHORT[name]}={_value(name, value)}{derived}")
    return " ".join(cells), read


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--stated", action="store_true", help="per figure, against ../shared")
    parser.add_argument("--year", action="store_true", help="show a Q4 release's fiscal year too")
    parser.add_argument("--quiet", action="store_true", help="the total line only")
    args = parser.parse_args(argv)
    if args.stated:
        from stated_coverage import measure  # noqa: PLC0415 - the hand-read table, on demand

        return measure(args.paths)
    if not args.paths:
        parser.error("name the folders or files to read")
    files = releases(args.paths)
    without = _without_statement()
    found = read = guides = 0
    missed: list[str] = []
    for path in files:
        results = read_release(path.read_bytes())
        if not results.found:
            none = path.resolve() in without
            if not none:
                missed.append(path.name)
            if not args.quiet:
                said = " (no statement in it, read by hand)" if none else ""
                print(f"{path.name}\n    NOT FOUND: {results.reason}{said}")
            continue
        found += 1
        line, count = _figures(results.quarter)
        read += count
        guides += len(results.guidance)
        if args.quiet:
            continue
        end = results.period_end.isoformat() if results.period_end else "?"
        print(f"{path.name}\n    {end} Q {count}/6: {line}")
        if args.year and results.year is not None:
            print(f"    {'':10} Y: {_figures(results.year)[0]}")
        for g in results.guidance:
            low, high = _value("", g.revenue_low), _value("", g.revenue_high)
            print(f"    guide {g.period}: {low}" + ("" if low == high else f" to {high}"))
    total = 6 * found
    share = f"{read / total:.0%}" if total else "-"
    empty = len(files) - found - len(missed)
    print(
        f"TOTAL {len(files)} releases, {found} found, {len(files) - found} not found"
        f" ({len(missed)} with a statement, {empty} holding none by hand);"
        f" quarter figures read {read}/{total} ({share}); guidance periods {guides}"
    )
    if missed:
        print("NOT FOUND with a statement: " + ", ".join(missed))
    return 0


def _without_statement() -> set[Path]:
    """The documents in ../shared read by hand as holding no results statement (a deliveries
    update, results told in prose alone: tests/support/stated_releases.py), by path."""
    sys.path[:0] = [str(REPO)]
    from tests.support.shared import SHARED  # noqa: PLC0415 - the hand-read table, on demand
    from tests.support.stated_releases import STATED  # noqa: PLC0415

    return {
        (SHARED / name).resolve()
        for name, stated in STATED.items()
        if stated.period_end is None and not any(stated.quarter.values())
    }


if __name__ == "__main__":
    raise SystemExit(main())
