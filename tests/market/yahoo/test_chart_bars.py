"""A chart's bars read column by column (`_whole`) or in one tight loop (`_tight`) give exactly
what the value-by-value reading with the checks of market/bounds gives: the same bars, or the
same refusal, on every recorded Yahoo chart and on charts made of every kind of value an answer
can hold. The column reading reads every recorded chart, and any chart of plain values; a
chart with one value that is not plain is left to the loop."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from tests.support.shared import REALDATA, SAMPLES

from catalyst_tui.market.bounds import AHEAD, MAX_PRICE, MAX_VOLUME, MIN_PRICE
from catalyst_tui.market.models import FetchError
from catalyst_tui.market.values import decode_json
from catalyst_tui.market.yahoo.bars import _general, _tight, _whole, chart_bars

NOW = datetime(2026, 11, 20, 21, 0, tzinfo=UTC)
LATER = datetime(2026, 1, 1, tzinfo=UTC).timestamp()
CHARTS = sorted((REALDATA / "yahoo_chart").glob("chart-*.json")) + sorted(
    SAMPLES.glob("yahoo_chart-*.json")
)


def both(result: dict, offset: int | None, now: datetime = NOW):
    """(what chart_bars gives, what the general reading gives): bars, or the refusal's text."""

    def outcome(read):
        try:
            return read()
        except FetchError as error:
            return ("refused", error.message)

    series = (result.get("indicators") or {}).get("quote") or [{}]
    columns = [(series[0] or {}).get(k) or [] for k in ("open", "high", "low", "close", "volume")]
    fast = outcome(lambda: chart_bars(result, "T", offset, now))
    slow = outcome(lambda: _general(result.get("timestamp") or [], columns, "T", offset, now))
    return fast, slow


@pytest.mark.parametrize("path", CHARTS, ids=lambda p: Path(p).name)
def test_every_recorded_chart_reads_the_same_both_ways(path: Path):
    data = decode_json(path.read_text(encoding="utf-8"), "yahoo")
    if "response" in data:  # a recording of the exchange, the body in it
        data = data["response"]["bodyJson"]
    result = data["chart"]["result"][0]
    fast, slow = both(result, result["meta"].get("gmtoffset"))
    assert fast == slow
    assert isinstance(fast, list)  # bars (none on a weekend), not a refusal
    assert fast or not result.get("timestamp")
    # ...and the tight loop itself read them: no recorded chart falls back to the general one
    series = (result.get("indicators") or {}).get("quote") or [{}]
    columns = [(series[0] or {}).get(k) or [] for k in ("open", "high", "low", "close", "volume")]
    stamps = result.get("timestamp") or []
    if stamps and all(len(c) == len(stamps) for c in columns):
        last = (NOW.date() + AHEAD).toordinal() - date(1970, 1, 1).toordinal()
        offset = result["meta"].get("gmtoffset") or 0
        assert _tight(stamps, columns, "T", offset, last) == fast
        assert _whole(stamps, columns, "T", offset, last) == fast  # column by column, at once


VALUES = st.one_of(
    st.none(),
    st.integers(min_value=-5, max_value=10**16),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([True, False, "12.5", [], {}, 1e12, 1e12 + 1, 0.0, -0.0, 10**15]),
    st.sampled_from([10**15 + 1, 1e-12, 9.9e-13, 5e-131, 5e-324]),  # the bounds' edges
)
STAMPS = st.one_of(
    st.integers(min_value=-86_400, max_value=int(LATER) + 5 * 86_400),
    st.floats(min_value=-1e5, max_value=LATER, allow_nan=False),
    st.sampled_from([None, "1700000000", True, 10**13, 253402300800]),
)


# 200 draws of up to twelve rows each (2,400 bars): the stamps' and values' edges are sampled by
# name, and the two cases a draw found are pinned as examples below; 400 took 18 s of a busy run.
@settings(max_examples=200, deadline=None)
@given(
    rows=st.lists(st.tuples(STAMPS, VALUES, VALUES, VALUES, VALUES, VALUES), max_size=12),
    offset=st.one_of(st.none(), st.integers(min_value=-86_400, max_value=86_400)),
    ragged=st.booleans(),
)
# a close below MIN_PRICE (an underflow, no price): both readings leave its bar out
@example(rows=[(0, None, None, None, 5.250532525049837e-131, None)], offset=None, ragged=False)
@example(rows=[(0, 9e-13, 1.0, 1.0, 1.0, None)], offset=None, ragged=False)  # an open below it
def test_any_chart_reads_the_same_both_ways(rows, offset, ragged):
    stamps = [r[0] for r in rows]
    columns = {
        name: [r[i + 1] for r in rows]
        for i, name in enumerate(("open", "high", "low", "close", "volume"))
    }
    if ragged and rows:  # a column shorter than the timestamps: the general reading's
        columns["volume"] = columns["volume"][:-1]
    result = {"timestamp": stamps, "indicators": {"quote": [columns]}}
    fast, slow = both(json.loads(json.dumps(result, allow_nan=True)), offset)
    assert fast == slow


PRICES = st.one_of(
    st.floats(min_value=MIN_PRICE, max_value=MAX_PRICE),
    st.integers(min_value=1, max_value=10**6),
    st.sampled_from([MIN_PRICE, MAX_PRICE, 1, 10**12]),
)
VOLUMES = st.one_of(st.none(), st.integers(min_value=0, max_value=MAX_VOLUME))


@settings(max_examples=150, deadline=None)
@given(
    days=st.lists(st.integers(min_value=0, max_value=20_000), min_size=1, max_size=15, unique=True),
    seconds=st.integers(min_value=0, max_value=86_399),
    offset=st.integers(min_value=-86_400, max_value=86_400),
    data=st.data(),
)
def test_plain_charts_are_read_column_by_column(days, seconds, offset, data):
    """Rising days, each a whole second, plain numbers: `_whole` reads the chart (unless a day
    falls outside the bounds), and gives the general reading's bars."""
    stamps = [day * 86_400 + seconds for day in sorted(days)]
    n = len(stamps)
    columns = [data.draw(st.lists(PRICES, min_size=n, max_size=n)) for _ in range(4)]
    columns.append(data.draw(st.lists(VOLUMES, min_size=n, max_size=n)))
    fast, slow = both(chart(stamps, columns), offset)
    read = _whole(stamps, columns, "T", offset, LAST)
    in_range = all(0 <= (stamp + offset) // 86_400 <= LAST for stamp in stamps)
    assert read == slow if in_range else read is None
    assert fast == slow


LAST = (NOW.date() + AHEAD).toordinal() - date(1970, 1, 1).toordinal()
# One value that is not plain: each leaves the chart to the loop (or beyond it).
PRICE_SPOILERS: list[object] = [None, float("nan"), float("inf"), -1.0, 0.0, 9.9e-13, 1e12 + 1]
PRICE_SPOILERS += [10**12 + 1, True, "1.5", []]
VOLUME_SPOILERS: list[object] = [1.0, -1, 10**15 + 1, True, "5", float("nan")]
STAMP_SPOILERS: list[object] = [1.5, None, True, -86_400, "1700000000", 10**13, "twice"]
SPOILED: list[tuple[int | str, object]] = [(c, v) for c in range(4) for v in PRICE_SPOILERS]
SPOILED += [(4, value) for value in VOLUME_SPOILERS] + [("stamp", v) for v in STAMP_SPOILERS]


@pytest.mark.parametrize("where", [0, 1, 2])
@pytest.mark.parametrize(("cell", "value"), SPOILED, ids=repr)
def test_one_value_not_plain_leaves_the_chart_to_the_loop(cell, value, where):
    """A price absent, NaN, out of range or not a number; a volume fractional, negative or too
    large; a stamp not a whole second; a day twice (the live bar's): in any row, `_whole` reads
    nothing and chart_bars gives what the general reading gives."""
    stamps: list[object] = [20_000 * 86_400 + day * 86_400 + 3_600 for day in range(3)]
    columns: list[list[object]] = [[10.0, 11.0, 12.0], [11.0, 12.0, 13.0], [9.0, 10.0, 11.0]]
    columns.append([10.5, 11.5, 12.5])
    columns.append([100, None, 300])
    if cell == "stamp":
        stamps[where] = stamps[where - 1 if where else 1] if value == "twice" else value
    else:
        columns[cell][where] = value
    assert _whole(stamps, columns, "T", 0, LAST) is None
    fast, slow = both(chart(stamps, columns), 0)
    assert fast == slow


def chart(stamps: list, columns: list[list]) -> dict:
    """A chart's result holding these timestamps and columns, as Yahoo nests them."""
    names = ("open", "high", "low", "close", "volume")
    return {"timestamp": stamps, "indicators": {"quote": [dict(zip(names, columns, strict=True))]}}
