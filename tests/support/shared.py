"""Where the recorded real data is read from, in place: `../shared` beside the checkout (CI puts it
there; `CATALYST_SHARED` names another folder). Those recordings are public projects' data; none
of it is copied into the project. Usable outside pytest (bench/)."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("CATALYST_SHARED") or REPO.parent / "shared")
SAMPLES = SHARED / "samples"
REALDATA = SHARED / "realdata"
PRESS_RELEASES = SHARED / "press_releases"
#: The project's own SEC fixtures (hand-written companyfacts shapes, ALAB's facts): not recordings.
OWN_SEC = REPO / "tests" / "fixtures" / "sec"


def missing() -> str | None:
    """Why the recordings can't be read, or None when they can."""
    for folder in (SAMPLES, REALDATA, PRESS_RELEASES):
        if not folder.is_dir():
            return (
                f"the recorded data is not at {folder}: the tests read ../shared beside the "
                "checkout (or the folder CATALYST_SHARED names)"
            )
    return None
