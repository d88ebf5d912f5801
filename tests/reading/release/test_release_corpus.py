"""Every real release in ../shared, read in place and held to what it states, read by hand
(tests/support/stated_releases.py): no figure wrong, none invented, every figure a table (or an
outlook sentence) states read, but those listed below with why. The figures stated only in
sentences (a headline's rounded year, a preliminary quarter with no day) are left out by design.
`python tools/release_coverage.py --stated` prints the same per figure.
"""

from __future__ import annotations

import pytest

from catalyst_tui.reading.release.reader import read_release
from catalyst_tui.reading.release.records import to_json
from tests.support.shared import SHARED
from tests.support.stated_releases import STATED, compare

#: Stated and not read yet, and why.
MISSED: dict[tuple[str, str], str] = {}

FOLDERS = (
    "press_releases",
    "realdata/more/releases",
    "realdata/more/releases-missed",
    "realdata/more/releases-semis",
)


@pytest.mark.parametrize("name", list(STATED))
def test_every_stated_figure_read_none_wrong_none_invented(name: str) -> None:
    read = to_json(read_release((SHARED / name).read_bytes()))
    stated = STATED[name]
    assert read["period_end"] == stated.period_end
    outcomes = compare(read, stated)
    assert [o for o in outcomes if o[1] in ("wrong", "invented")] == []
    missed = {(name, figure) for figure, outcome, _, _ in outcomes if outcome == "missed"}
    assert missed == {key for key in MISSED if key[0] == name}


def test_every_release_recorded_in_shared_is_measured() -> None:
    recorded = {
        str(path.relative_to(SHARED))
        for folder in FOLDERS
        for path in (SHARED / folder).iterdir()
        if path.suffix in (".htm", ".html", ".txt") and path.stem != "README"
    }
    assert recorded, "no releases found in ../shared"
    assert recorded - set(STATED) == set()
