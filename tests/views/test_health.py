"""The health line under the watchlist, from the demo database: how long ago the data was
refreshed, from where, what is stale or failed, and which provider is paused until when."""

from __future__ import annotations

import datetime as dt

import pytest

from catalyst_tui.store import Store
from catalyst_tui.store.records import Health
from catalyst_tui.views.health import format_age, health_ok, health_text

from ..support.demo_data import DEMO_NOW


def test_health_line_says_age_sources_and_stale(demo_store: Store):
    health = demo_store.views.health()
    assert health_text(health, DEMO_NOW) == "refreshed 5m ago · yahoo 7 · 1 stale"
    assert not health_ok(health)


def test_a_paused_provider_shows_in_the_health_line_until_its_pause_ends(demo_store: Store):
    demo_store.providers.record(
        DEMO_NOW, succeeded=set(), failed={}, refused={"yahoo": "HTTP 429"}, requests={}
    )
    health = demo_store.views.health()
    until = demo_store.providers.health()["yahoo"].paused_until
    assert until is not None
    assert health_text(health, DEMO_NOW).endswith(
        f" · yahoo paused until {until.astimezone():%H:%M}"
    )
    assert not health_ok(health, DEMO_NOW)
    assert "paused" not in health_text(health, until + dt.timedelta(seconds=1))


def test_no_data_yet_says_how_to_get_some():
    empty = Health(None, {}, 0, {}, {})
    assert health_text(empty, DEMO_NOW) == "no data yet: press r to refresh"
    assert not health_ok(empty)


def test_fresh_data_with_nothing_stale_failed_or_paused_is_ok():
    fresh = Health(DEMO_NOW - dt.timedelta(minutes=2), {"yahoo": 3}, 0, {}, {})
    assert health_ok(fresh, DEMO_NOW)
    assert health_text(fresh, DEMO_NOW) == "refreshed 2m ago · yahoo 3"


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        (None, "never"),
        (-5, "0s"),
        (45, "45s"),
        (720, "12m"),
        (3 * 3600 + 59, "3h"),
        (2 * 86400, "2d"),
    ],
)
def test_an_age_reads_as_its_largest_whole_unit(seconds: int | None, shown: str):
    age = None if seconds is None else dt.timedelta(seconds=seconds)
    assert format_age(age) == shown


def test_a_failing_provider_is_one_record_in_the_line_and_in_status(demo_store: Store):
    """The health line says a provider's last failure as `catalyst status` and `status --json`
    do, from the same record; the next success clears it from the line."""
    from catalyst_tui.cli.output.status import build_status, status_json
    from catalyst_tui.config import parse_config

    said = (
        "cannot connect to stooq.com/q/l/: its name could not be looked up (no network, or no DNS)"
    )
    at = DEMO_NOW - dt.timedelta(minutes=3)
    demo_store.providers.record(
        at, succeeded=set(), failed={"stooq": said}, refused={}, requests={}
    )
    health = demo_store.views.health()
    assert health_text(health, DEMO_NOW).endswith(f" · stooq failed 3m ago: {said}")
    assert not health_ok(health, DEMO_NOW)
    config = parse_config('[settings]\nproviders = ["yahoo", "stooq"]\n')
    shown = status_json(build_status(config, demo_store, DEMO_NOW))["providers"]["stooq"]
    assert (shown["failure"], shown["last_failure"]) == (said, at.isoformat())
    demo_store.providers.record(DEMO_NOW, succeeded={"stooq"}, failed={}, refused={}, requests={})
    assert "stooq" not in health_text(demo_store.views.health(), DEMO_NOW)


def test_failed_fetches_the_line_counts_are_named_whole_in_status(demo_store: Store):
    """ "fundamentals failed 2" on the health line, and in `status` and `status --json` which
    symbols and the latest failure's reason: one record, said in each place."""
    from catalyst_tui.cli.output.status import build_status, status_json, status_lines
    from catalyst_tui.config import parse_config

    first, last = DEMO_NOW - dt.timedelta(hours=2), DEMO_NOW - dt.timedelta(minutes=4)
    demo_store.market.mark_fetched("fundamentals", "LITE", first, ok=False, detail="HTTP 503")
    demo_store.market.mark_fetched(
        "fundamentals",
        "CRDO",
        last,
        ok=False,
        detail="HTTP 404 from data.sec.gov/api/xbrl/companyfacts",
    )
    assert " · fundamentals failed 2" in health_text(demo_store.views.health(), DEMO_NOW)
    status = build_status(parse_config(""), demo_store, DEMO_NOW)
    assert status_json(status)["failed_fetches"]["fundamentals"] == {
        "symbols": ["CRDO", "LITE"],
        "last_failure": last.isoformat(),
        "failure": "HTTP 404 from data.sec.gov/api/xbrl/companyfacts",
    }
    assert (
        "fundamentals  failed for 2 (CRDO, LITE); last 4m ago: HTTP 404 from "
        "data.sec.gov/api/xbrl/companyfacts"
    ) in status_lines(status, DEMO_NOW)
