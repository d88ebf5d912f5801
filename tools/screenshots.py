"""Generate screenshots/*.svg from the app on the demo data (tests/support/demo_data.py) with a
frozen clock, at 120x36: the watchlist, the ALAB ticker screen, the timeline and one form.

    make screenshots
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

from tests.support.demo_data import DEMO_NOW, DEMO_ZONE, demo_database  # noqa: E402

from catalyst_tui.tui.app import CatalystApp  # noqa: E402
from catalyst_tui.workspace import Workspace  # noqa: E402

SIZE = (120, 36)
OUT = REPO / "screenshots"


async def _watchlist(pilot) -> None:
    await pilot.pause()


async def _ticker(pilot) -> None:
    await pilot.press("enter")
    await pilot.pause()
    table = pilot.app.screen.query_one("#checkpoint-table")
    table.move_cursor(row=table.get_row_index("gross-margin-floor"))
    await pilot.pause()


async def _chart(pilot) -> None:
    await pilot.press("enter", "2")
    await pilot.pause()


async def _timeline(pilot) -> None:
    await pilot.press("t")
    await pilot.pause()


async def _form(pilot) -> None:
    await pilot.press("enter", "c")
    await pilot.pause()
    screen = pilot.app.screen
    screen.query_one("#field-id").value = "npo-design-win"
    screen.query_one("#field-title").value = "A hyperscaler NPO design win"
    screen.query_one("#field-due").value = "2027-13-01"
    await pilot.pause()


SHOTS: dict[str, tuple[str, Callable[..., Awaitable[None]]]] = {
    "watchlist": ("catalyst: watchlist", _watchlist),
    "ticker-alab": ("catalyst: ALAB, why gross margin is flagged", _ticker),
    "ticker-alab-chart": ("catalyst: ALAB, one year", _chart),
    "timeline": ("catalyst: timeline", _timeline),
    "form-checkpoint": ("catalyst: a new checkpoint, validated as you type", _form),
}


async def shoot(name: str, title: str, steps: Callable[..., Awaitable[None]]) -> Path:
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
    path = OUT / f"{name}.svg"
    path.write_text(svg)
    return path


async def main() -> int:
    OUT.mkdir(exist_ok=True)
    for name, (title, steps) in SHOTS.items():
        path = await shoot(name, title, steps)
        print(f"wrote {path.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
