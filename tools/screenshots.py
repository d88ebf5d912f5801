"""Generate screenshots/*.svg from the app on the demo data (tests/support/demo_data.py) with a
frozen clock, at 120x36: the watchlist, the ALAB ticker screen (its checkpoints, chart and
earnings releases), the timeline and one form.

    make screenshots            (or: python tools/screenshots.py OUT_DIR)
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import zoneinfo
from collections.abc import Awaitable, Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.support import scenes  # noqa: E402
from tests.support.demo_data import DEMO_NOW, DEMO_ZONE, demo_database  # noqa: E402

from catalyst_tui.tui.app import CatalystApp  # noqa: E402
from catalyst_tui.views.workspace import Workspace  # noqa: E402

SIZE = (120, 36)
OUT = REPO / "screenshots"


SHOTS: dict[str, tuple[str, Callable[..., Awaitable[None]]]] = {
    "watchlist": ("catalyst: watchlist", scenes.watchlist),
    "ticker-alab": ("catalyst: ALAB, why gross margin is flagged", scenes.alab_gross_margin),
    "ticker-alab-chart": ("catalyst: ALAB, one year", scenes.alab_chart),
    "ticker-alab-results": (
        "catalyst: ALAB's releases against its own guide, beside XBRL",
        scenes.alab_results,
    ),
    "timeline": ("catalyst: timeline", scenes.timeline),
    "form-checkpoint": (
        "catalyst: a new checkpoint, validated as you type",
        scenes.checkpoint_form_bad_date,
    ),
}


async def shoot(
    name: str, title: str, steps: Callable[..., Awaitable[None]], out: Path = OUT
) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        config, store = demo_database(Path(tmp))
        try:
            workspace = Workspace(
                config, store, clock=lambda: DEMO_NOW, zone=zoneinfo.ZoneInfo(DEMO_ZONE)
            )
            app = CatalystApp(workspace, live=False, watch_file=False)
            async with app.run_test(size=SIZE) as pilot:
                await steps(pilot)
                await pilot.pause()
                svg = app.export_screenshot(title=title)
        finally:
            store.close()
    path = out / f"{name}.svg"
    path.write_text(svg)
    return path


async def main(out: Path = OUT) -> int:
    out.mkdir(exist_ok=True)
    for name, (title, steps) in SHOTS.items():
        path = await shoot(name, title, steps, out)
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    raise SystemExit(asyncio.run(main(target)))
