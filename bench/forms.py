"""The edit forms' check per keystroke: `field_errors` on a checkpoint form with a bad date and
a two-line note (the form validates as the user types), against a floor of parsing the same
fields as TOML alone, measured in the same run. Goal: under 5 ms a keystroke.

    .venv/bin/python bench/forms.py [--repeats N]
"""

from __future__ import annotations

import argparse
import sys
import timeit
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench._report import Figure, emit  # noqa: E402

from catalyst_tui.config.forms import field_errors, table_snippet  # noqa: E402

FIELDS = {
    "id": "q3-revenue",
    "title": "Q3 revenue beats",
    "kind": "target",
    "due": "2027-13-01",
    "when": "revenue_q >= 400M",
    "period_end": "2026-09-30",
    "notes": "two\nlines",
}
IDS = ["scorpio-largest-line", "gross-margin-floor", "operating-margin-floor"]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    runs = 200
    snippet = table_snippet(("tickers", "ALAB", "checkpoints"), FIELDS, aot=True)
    check = (
        min(
            timeit.repeat(
                lambda: field_errors("checkpoint", FIELDS, existing_ids=IDS),
                number=runs,
                repeat=args.repeats,
            )
        )
        / runs
    )
    floor = (
        min(timeit.repeat(lambda: tomllib.loads(snippet), number=runs, repeat=args.repeats)) / runs
    )
    print(
        f"field_errors: {check * 1e3:.3f} ms a keystroke; TOML of the fields alone "
        f"{floor * 1e3:.3f} ms"
    )
    emit(
        Figure(
            "edit form's check per keystroke",
            check * 1e3,
            floor * 1e3,
            "ms",
            "measured <= 5",
            floor_is="tomllib.loads of the form's TOML",
            note=f"min of {args.repeats} × {runs} checks",
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
