"""The digest's schedule: what `digest = "mon 08:00"` says, the period a moment is in (computed
here by hand on the calendar), and a schedule of another shape refused at its line and key."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from pathlib import Path

import pytest

from catalyst_tui.config import ConfigError, load_config
from catalyst_tui.config.digest import DigestSpec, parse_digest, period_start

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")


def utc(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=dt.UTC)  # type: ignore[arg-type, misc]


@pytest.mark.parametrize(
    ("said", "spec"),
    [
        ("mon 08:00", DigestSpec(0, 8, 0)),
        ("Sun 18:30", DigestSpec(6, 18, 30)),
        ("daily 7:05", DigestSpec(None, 7, 5)),
        (" 23:59 ", DigestSpec(None, 23, 59)),
    ],
)
def test_a_schedule_is_a_day_and_a_time(said, spec):
    assert parse_digest(said) == spec


def test_the_period_is_the_last_scheduled_moment_at_or_before_now():
    monday_8 = parse_digest("mon 08:00")
    # Wednesday 25 November 2026, 10:00 in New York (15:00 UTC): Monday the 23rd, 08:00 (13:00).
    wednesday = dt.datetime(2026, 11, 25, 15, tzinfo=dt.UTC)
    assert period_start(monday_8, wednesday, NEW_YORK) == dt.datetime(
        2026, 11, 23, 13, tzinfo=dt.UTC
    )
    # Monday the 23rd at 07:59 in New York: still the week before's, the 16th.
    early = dt.datetime(2026, 11, 23, 12, 59, tzinfo=dt.UTC)
    assert period_start(monday_8, early, NEW_YORK) == utc(2026, 11, 16, 13)
    exactly = utc(2026, 11, 23, 13)
    assert period_start(monday_8, exactly, NEW_YORK) == exactly
    # Daily at 18:30: at 10:00 on the 25th, the 24th's.
    daily = parse_digest("18:30")
    assert period_start(daily, wednesday, NEW_YORK) == dt.datetime(
        2026, 11, 24, 23, 30, tzinfo=dt.UTC
    )


@pytest.mark.parametrize(
    ("said", "why"),
    [
        ("monday 08:00", "'monday' is not a day"),
        ("mon 24:00", "24:00 is not a time of day"),
        ("8am", "is not a schedule"),
        ("", "must not be empty"),
    ],
)
def test_a_bad_schedule_is_refused_at_its_line_and_key(tmp_path: Path, said, why):
    path = tmp_path / "catalysts.toml"
    path.write_text(f'[settings]\ntimezone = "UTC"\ndigest = "{said}"\n[tickers.ALAB]\n')
    with pytest.raises(ConfigError) as info:
        load_config(path)
    [issue] = info.value.issues
    assert (issue.line, issue.key) == (3, "settings.digest")
    assert why in issue.message, issue.message


def test_the_schedule_is_kept_as_written():
    assert load_config_text('[settings]\ndigest = "fri 17:30"\n').settings.digest == "fri 17:30"
    assert load_config_text("[settings]\n").settings.digest is None


def load_config_text(text: str):
    from catalyst_tui.config import parse_config

    return parse_config(text + "[tickers.ALAB]\n")
