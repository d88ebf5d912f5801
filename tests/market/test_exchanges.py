"""A listing's day is its own exchange's: an earnings stamp at any hour of a day on an exchange
catalyst knows is read as that day, from Yahoo's calendar (the zone from the symbol's suffix) and
from a v7 quote row (the zone the row names); and every real Yahoo answer in ../shared gives the
day its exchange gives, worked here from the stamp and the zone the answer names."""

from __future__ import annotations

import datetime as dt
import email.utils
import json
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.support.shared import REALDATA, SAMPLES

from catalyst_tui.market.exchanges import EXCHANGE_ZONES, listing_today, listing_zone
from catalyst_tui.market.yahoo.earnings import next_date, parse_calendar_events
from catalyst_tui.market.yahoo.quote import EarningsSeen, earnings_from_row

SUFFIXES = sorted(EXCHANGE_ZONES)
days = st.dates(min_value=dt.date(2000, 1, 3), max_value=dt.date(2060, 12, 20))


def stamp_at(day: dt.date, hour: int, minute: int, zone: str) -> int:
    """The epoch second of `hour`:`minute` on `day` on the wall clock of `zone` (the hour a
    clock change skips is read as Python reads it: the same wall time, fold 0)."""
    return int(dt.datetime.combine(day, dt.time(hour, minute), ZoneInfo(zone)).timestamp())


def wall_day(stamp: int, zone: str) -> dt.date:
    return dt.datetime.fromtimestamp(stamp, ZoneInfo(zone)).date()


@settings(max_examples=25, deadline=None)
@given(days, st.integers(0, 59), st.booleans())
def test_an_earnings_stamp_at_any_hour_is_its_exchanges_day(day, minute, stated):
    """Every exchange zone declared, every hour of the day drawn: the stamp is that day."""
    for suffix in SUFFIXES:
        for hour in range(24):
            _read_on_its_exchanges_day(EXCHANGE_ZONES[suffix], suffix, day, hour, minute, stated)


def _read_on_its_exchanges_day(zone, suffix, day, hour, minute, stated):
    stamp = stamp_at(day, hour, minute, zone)
    local = wall_day(stamp, zone)  # `day`, but for a wall time a clock change skips
    symbol = f"X.{suffix}"
    result = {"calendarEvents": {"earnings": {"earningsDate": [stamp]}}}
    found = next_date(result, symbol, local)
    assert found is not None and found.day == local, (symbol, hour)
    assert next_date(result, symbol, local + dt.timedelta(days=1)) is None
    row: dict[str, object] = {"earningsTimestampStart": stamp, "earningsTimestampEnd": stamp}
    if stated:  # the zone the row names wins over the symbol's: a plain US-looking symbol
        row["exchangeTimezoneName"] = zone
        symbol = "XYZ"
    quoted = earnings_from_row(row, symbol, local)
    assert quoted is not None and quoted.day == local, (symbol, hour)
    moment = dt.datetime.fromtimestamp(stamp, dt.UTC)
    assert listing_today(symbol, moment, row.get("exchangeTimezoneName")) == local


@given(days, st.integers(0, 23), st.sampled_from(["AAPL", "BRK.B", "BF.A", "HEI.C", "^GSPC"]))
def test_a_us_listing_keeps_new_yorks_day(day, hour, symbol):
    stamp = stamp_at(day, hour, 30, "America/New_York")
    local = wall_day(stamp, "America/New_York")
    result = {"calendarEvents": {"earnings": {"earningsDate": [stamp]}}}
    found = next_date(result, symbol, local)
    assert found is not None and found.day == local
    assert listing_zone(symbol) == ZoneInfo("America/New_York")


def test_ocados_stamp_of_02_00_utc_on_9_february_is_9_february():
    stamp = int(dt.datetime(2021, 2, 9, 2, 0, tzinfo=dt.UTC).timestamp())
    result = {"calendarEvents": {"earnings": {"earningsDate": [stamp]}}}
    found = next_date(result, "OCDO.L", dt.date(2021, 2, 9))
    assert found is not None and found.day == dt.date(2021, 2, 9)


@pytest.mark.parametrize(
    "stated",
    [
        "Mars/Olympus",
        "Europe",
        "../etc/passwd",
        "/etc/localtime",
        "a" * 5000,
        "Europe/London\x00",
        7,
    ],
)
def test_a_stated_zone_that_is_no_zone_falls_back_to_the_suffix_and_never_raises(stated):
    assert listing_zone("OCDO.L", stated) == ZoneInfo("Europe/London")
    assert listing_zone("AAPL", stated) == ZoneInfo("America/New_York")


def test_an_unknown_stated_zone_falls_back_to_the_suffix():
    assert listing_zone("OCDO.L", "Mars/Olympus") == ZoneInfo("Europe/London")
    assert listing_zone("OCDO.L", None) == ZoneInfo("Europe/London")
    assert listing_zone("ocdo.l") == ZoneInfo("Europe/London")


# -- the real answers -------------------------------------------------------------------------


def _response_body(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, dict) and isinstance(data.get("response"), dict):
        response = data["response"]
        return response["bodyJson"] if "bodyJson" in response else json.loads(response["body"])
    return data


def _v7_rows():
    paths = sorted((REALDATA / "more" / "yahoo_quote").glob("*.json"))
    paths += sorted(SAMPLES.glob("yahoo_quote-*.json"))
    for path in paths:
        body = _response_body(path)
        response = body.get("quoteResponse") if isinstance(body, dict) else None
        for row in (response or {}).get("result") or []:
            yield path.name, row


_KEYS = ("earningsTimestampStart", "earningsTimestampEnd", "earningsTimestamp")
STAMPED = [
    (name, row)
    for name, row in _v7_rows()
    if row.get("exchangeTimezoneName") and any(isinstance(row.get(k), int) for k in _KEYS)
]
#: The zone each symbol's exchange has, as the real v7 answers name it.
NAMED = {
    r["symbol"]: r["exchangeTimezoneName"] for _, r in _v7_rows() if r.get("exchangeTimezoneName")
}


def test_the_real_answers_hold_foreign_listings_stamped_before_new_yorks_midnight():
    """The recordings this law is checked on include the case it is about: a stamp whose New
    York day is the day before its exchange's (Ocado's, Ørsted's, Aker's)."""
    differ = set()
    for _, row in STAMPED:
        zone = row["exchangeTimezoneName"]
        for key in _KEYS:
            stamp = row.get(key)
            if isinstance(stamp, int) and wall_day(stamp, zone) != wall_day(
                stamp, "America/New_York"
            ):
                differ.add(row["symbol"])
    assert {"OCDO.L", "ORSTED.CO", "AZT.OL"} <= differ


@pytest.mark.parametrize(("name", "row"), STAMPED, ids=[n for n, _ in STAMPED])
def test_every_real_v7_row_gives_its_exchanges_day(name, row):
    zone, symbol = row["exchangeTimezoneName"], row["symbol"]
    stamps = [row[k] for k in ("earningsTimestampStart", "earningsTimestampEnd") if k in row]
    stamps = stamps or [row["earningsTimestamp"]]
    first = min(stamps)
    expected = wall_day(first, zone)
    # Asked at the moment of its first stamp: that day is the exchange's today, and the date.
    seen = EarningsSeen()
    seen.add({symbol: row}, dt.datetime.fromtimestamp(first, dt.UTC))
    found = seen[symbol]
    assert found is not None and found.day == expected
    # And a listing's symbol alone says the same zone (a batch row without the zone named).
    bare = {k: v for k, v in row.items() if k != "exchangeTimezoneName"}
    if symbol.rpartition(".")[2] in EXCHANGE_ZONES or "." not in symbol:
        quoted = earnings_from_row(bare, symbol, expected)
        assert quoted is not None and quoted.day == expected


CALENDARS = sorted((REALDATA / "yahoo_calendar").glob("quoteSummary-calendarEvents-*.json"))
CALENDARS += sorted(SAMPLES.glob("yahoo_quoteSummary-calendarEvents-*.json"))


@pytest.mark.parametrize("path", CALENDARS, ids=[p.name for p in CALENDARS])
def test_every_real_calendar_gives_its_exchanges_day(path):
    """Yahoo's calendar names no zone: the zone is the one the real v7 answers name for the
    same symbol, else its exchange's by the suffix as the exchange publishes it (Amsterdam,
    Istanbul, Toronto), else New York's."""
    symbol = path.stem.rpartition("calendarEvents-")[2]
    by_suffix = {"AS": "Europe/Amsterdam", "IS": "Europe/Istanbul", "TO": "America/Toronto"}
    zone = NAMED.get(symbol) or by_suffix.get(symbol.rpartition(".")[2], "America/New_York")
    body = _response_body(path)
    result = ((body.get("quoteSummary") or {}).get("result") or [{}])[0] or {}
    earnings = (result.get("calendarEvents") or {}).get("earnings") or {}
    stamps = [s["raw"] if isinstance(s, dict) else s for s in earnings.get("earningsDate", [])]
    if not stamps:
        assert parse_calendar_events(json.dumps(body), symbol, dt.date(2000, 1, 1)) is None
        return
    expected = wall_day(min(stamps), zone)
    found = parse_calendar_events(json.dumps(body), symbol, expected)
    assert found is not None and found.day == expected


def _recorded():
    for path in sorted((REALDATA / "more" / "yahoo_quote").glob("*.json")):
        recording = json.loads(path.read_text(encoding="utf-8"))
        date = recording["response"]["headers"]["date"]
        yield path.name, email.utils.parsedate_to_datetime(date), _response_body(path)


RECORDED = list(_recorded())


@pytest.mark.parametrize(("name", "when", "body"), RECORDED, ids=[n for n, _, _ in RECORDED])
def test_every_real_answer_read_when_it_was_recorded_gives_its_exchanges_next_date(
    name, when, body
):
    """Each real v7 answer read at the moment Yahoo sent it (its Date header): the next
    earnings date is the earliest stamp's day on the listing's exchange on or after that
    exchange's today, both worked here from the zone the row names (Ocado's 02:00 UTC on
    9 February 2021, read on the 8th at 04:30 UTC: 9 February)."""
    rows = (body.get("quoteResponse") or {}).get("result") or []
    for row in rows:
        zone, symbol = row.get("exchangeTimezoneName"), row.get("symbol")
        stamps = [row[k] for k in _KEYS if isinstance(row.get(k), int)]
        if not zone or not stamps:
            continue
        today = when.astimezone(ZoneInfo(zone)).date()
        ahead = sorted(d for d in (wall_day(s, zone) for s in stamps) if d >= today)
        seen = EarningsSeen()
        seen.add({symbol: row}, when)
        found = seen[symbol]
        assert (found.day if found else None) == (ahead[0] if ahead else None), symbol
