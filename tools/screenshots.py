"""Generate screenshots/*.svg from `catalyst demo`: the replay market and the demo's copy of the
bundled thesis (demo/), refreshed once at a fixed moment (Friday 2026-11-20, 16:30 New York, after
the close) and shown with that moment frozen, at 120x36: the watchlist, ALAB's checkpoints, its
one-year and one-day charts, its earnings releases, the timeline and one form. The same data and
clock give the same pictures on every machine.

    make screenshots            (or: python tools/screenshots.py OUT_DIR)
"""

from __future__ import annotations

import asyncio
import dataclasses
import sys
import zoneinfo
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.support import scenes  # noqa: E402

from catalyst_tui.config import Config, load_config  # noqa: E402
from catalyst_tui.demo import DemoSession, private_dirs  # noqa: E402
from catalyst_tui.demo.street_kept import keep_street  # noqa: E402
from catalyst_tui.jobs.evaluation import evaluate_checkpoints  # noqa: E402
from catalyst_tui.jobs.intraday import fetch_intraday_chart  # noqa: E402
from catalyst_tui.jobs.refresh import refresh_in_process  # noqa: E402
from catalyst_tui.session.workspace import Workspace  # noqa: E402
from catalyst_tui.store import Store  # noqa: E402
from catalyst_tui.tui.app import CatalystApp  # noqa: E402

SIZE = (120, 36)
OUT = REPO / "screenshots"
SHOT_TIME = datetime(2026, 11, 20, 21, 30, tzinfo=UTC)  # Friday, 16:30 New York
ZONE = zoneinfo.ZoneInfo("America/New_York")
# The replay market's port: the Results pane shows the release's address, the same on every run.
PORT = 47613


SHOTS: dict[str, tuple[str, Callable[..., Awaitable[None]]]] = {
    "watchlist": ("catalyst demo: watchlist", scenes.watchlist),
    "ticker-alab": ("catalyst demo: ALAB, why gross margin is flagged", scenes.alab_gross_margin),
    "ticker-alab-chart": ("catalyst demo: ALAB, one year", scenes.alab_chart),
    "ticker-alab-intraday": ("catalyst demo: ALAB, one day of 5-minute bars", scenes.alab_1d),
    "ticker-alab-results": (
        "catalyst demo: ALAB's releases against its own guide, beside XBRL",
        scenes.alab_results,
    ),
    "ticker-alab-kpis": (
        "catalyst demo: ALAB's KPIs read from words, each as its sentence says it",
        scenes.alab_kpis,
    ),
    "timeline": ("catalyst demo: timeline", scenes.timeline),
    "form-checkpoint": (
        "catalyst demo: a new checkpoint, validated as you type",
        scenes.checkpoint_form_bad_date,
    ),
}


def clock() -> datetime:
    return SHOT_TIME


async def fill(config: Config, store: Store) -> None:
    """What the demo's first refresh stores, at SHOT_TIME; checkpoints judged in New York's
    zone (not the machine's); ALAB's 1D chart fetched as its chart would."""
    await refresh_in_process(config, store, now=clock)
    settings = config.settings._replace(timezone=config.settings.timezone or ZONE.key)
    evaluate_checkpoints(dataclasses.replace(config, settings=settings), store, clock())
    await fetch_intraday_chart(config, store, "ALAB", "1D", now=clock)


async def shoot(
    config: Config, store: Store, title: str, steps: Callable[..., Awaitable[None]]
) -> str:
    workspace = Workspace(config, store, clock=clock, zone=ZONE)
    app = CatalystApp(workspace, live=False, watch_file=False, desktop=False)
    async with app.run_test(size=SIZE) as pilot:
        await steps(pilot)
        await pilot.pause()
        return app.export_screenshot(title=title)


async def main(out: Path = OUT) -> int:
    out.mkdir(exist_ok=True)
    with DemoSession(now=clock, port=PORT) as demo, private_dirs(demo.folder):
        config = load_config(demo.config_path, use_cache=False)
        with Store.open(demo.db_path) as store:
            store.sync.apply(config, SHOT_TIME)
            keep_street(store, config.tickers, SHOT_TIME)  # as `catalyst demo` keeps it
            await fill(config, store)
            for name, (title, steps) in SHOTS.items():
                path = out / f"{name}.svg"
                path.write_text(await shoot(config, store, title, steps))
                print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    raise SystemExit(asyncio.run(main(target)))
