"""One grammar for every moment or day a command is given (cli/spans.py): a span ago, a day, a
moment; the same refusals in each command's words."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from catalyst_tui.cli.context import CommandError
from catalyst_tui.cli.spans import day_of, moment_of

NOW = dt.datetime(2026, 11, 27, 3, 30, tzinfo=dt.UTC)  # still the 26th in New York
NEW_YORK = ZoneInfo("America/New_York")


@pytest.mark.parametrize(
    ("said", "day"),
    [
        ("30d", dt.date(2026, 10, 27)),
        ("2w", dt.date(2026, 11, 12)),
        ("12h", dt.date(2026, 11, 26)),
        ("90m", dt.date(2026, 11, 26)),
        ("2026-01-02", dt.date(2026, 1, 2)),
        ("2026-01-02T01:00+00:00", dt.date(2026, 1, 1)),  # that moment, in New York
        (" 7d ", dt.date(2026, 11, 19)),
    ],
)
def test_a_day_is_read_in_the_grammar_of_every_command(said: str, day: dt.date) -> None:
    assert day_of("replay", "--from", said, NOW, NEW_YORK) == day


def test_a_moment_and_a_day_read_the_same_span_alike() -> None:
    moment = moment_of("changes", "--since", "30d", NOW, NEW_YORK)
    assert moment == NOW - dt.timedelta(days=30)
    assert moment.astimezone(NEW_YORK).date() == day_of("replay", "--from", "30d", NOW, NEW_YORK)


@pytest.mark.parametrize(
    ("said", "words"),
    [
        ("yesterday", "--from 'yesterday' is neither a span (30m, 12h, 7d, 2w) nor a day"),
        ("1y", "--from '1y' is neither a span"),
        ("2026-13-01", "--from '2026-13-01' is neither a span"),
        ("999999w", "--from 999999w is out of range: a day from 1900-01-01 to 2200-12-31"),
        ("1899-12-31", "--from 1899-12-31 is out of range"),
        ("2201-01-01", "--from 2201-01-01 is out of range"),
    ],
)
def test_a_day_of_another_shape_or_out_of_range_is_refused_naming_the_command(
    said: str, words: str
) -> None:
    with pytest.raises(CommandError) as refused:
        day_of("replay", "--from", said, NOW, NEW_YORK)
    assert str(refused.value).startswith("catalyst replay: "), refused.value
    assert words in str(refused.value)
    assert refused.value.code == 2


def test_a_moment_in_the_future_or_before_1970_is_refused() -> None:
    with pytest.raises(CommandError, match="is in the future"):
        moment_of("changes", "--since", "2027-01-01", NOW)
    with pytest.raises(CommandError, match="is before 1970"):
        moment_of("changes", "--since", "1969-12-31", NOW)
