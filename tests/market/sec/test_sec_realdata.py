"""Every figure catalyst derives from SEC companyfacts equals what SEC itself says, on the real
recordings in tests/fixtures/realdata/sec (a copy of ../shared/realdata/sec: NVDA, GOOGL, MRVL,
AAPL, SNOW, TSLA and an IFRS filer).

SEC tags, in each concept's unit list, the one value that stands for a calendar period with a
`frame`: "CY2022Q3" a quarter, "CY2022" a year, "CY2022Q3I" an instant. Those values are the
truth here; every expectation is computed from the recording, never from catalyst's output.

The share basis of a per-share frame: SEC gives the frame to the value *last filed* for that
period, so the frame is on the share basis of the filing it came from. A quarter last repeated
before a split is on the old basis (GOOGL Q1 2021: last filed in the 10-Q of April 2022, before
the 20:1 split of July 2022, so 26.29), one repeated after it is restated already (GOOGL Q2 2021:
repeated in July 2022, so 1.36, not 27.26). Catalyst puts every per-share value on the latest
basis, so a frame is divided here by the splits after its own `filed` date, and only by those.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from tests.support.shared import REALDATA as SHARED_REALDATA

from catalyst_tui.market.models import Fact
from catalyst_tui.market.sec.facts import derive_facts
from catalyst_tui.thesis.metrics import MarketSnapshot, observe
from catalyst_tui.thesis.wording import missing_text

REALDATA = SHARED_REALDATA / "sec"
RECORDINGS = sorted(REALDATA.glob("sec_companyfacts_*.json")) if REALDATA.is_dir() else []
MISSING = REALDATA / "missing"  # one failing case when the folder is gone, never a skip

REVENUE = ("RevenueFromContractWithCustomerExcludingAssessedTax", "Revenues", "SalesRevenueNet")
COST = ("CostOfRevenue", "CostOfGoodsAndServicesSold")
EPS, NET_INCOME = "EarningsPerShareDiluted", "NetIncomeLoss"
QUARTER, YEAR, INSTANT = r"CY\d{4}Q[1-4]", r"CY\d{4}", r"CY\d{4}Q[1-4]I"
SLACK_DAYS = 7  # 52/53-week years: a fiscal period ends a few days off the calendar's
CENT = 0.01

# The splits, from the companies' announcements: (first trading day on the new basis, ratio).
# test_the_split_table_is_what_the_recording_shows checks each against the recording.
SPLITS: dict[str, list[tuple[date, float]]] = {
    "AAPL": [(date(2014, 6, 9), 7.0), (date(2020, 8, 31), 4.0)],
    "GOOGL": [(date(2022, 7, 18), 20.0)],
    "NVDA": [(date(2021, 7, 20), 4.0), (date(2024, 6, 10), 10.0)],
    "TSLA": [(date(2020, 8, 31), 5.0), (date(2022, 8, 25), 3.0)],
}
NOW = datetime(2026, 11, 21, 15, 0, tzinfo=UTC)


def ticker_of(path: Path) -> str:
    return path.name.split("_")[2]


def load(path: Path) -> dict[str, Any]:
    if not REALDATA.is_dir():
        pytest.fail(f"the real SEC recordings are missing: {REALDATA}")
    return json.loads(path.read_text())


def recording(ticker: str) -> dict[str, Any]:
    found = [p for p in RECORDINGS if ticker_of(p) == ticker]
    if not found:
        pytest.fail(f"no recording of {ticker} in {REALDATA}")
    return load(found[0])


def d(text: str) -> date:
    return date.fromisoformat(text)


recordings = pytest.mark.parametrize(
    "path", RECORDINGS or [MISSING], ids=lambda p: ticker_of(p) if p != MISSING else "missing"
)


# --- what the recording says ---------------------------------------------------------------------


def per_body(read: Callable[..., list[dict]]) -> Callable[..., list[dict]]:
    """`read(body, *asked)` kept for the last body it was given: a test asks the same of one
    recording thousands of times (every derived Q4 reads its year's and quarters' frames)."""
    kept: dict[tuple, list[dict]] = {}
    read_of: list[dict] = []

    @functools.wraps(read)
    def cached(body: dict[str, Any], *asked: Any) -> list[dict]:
        if not read_of or read_of[0] is not body:
            kept.clear()
            read_of[:] = [body]
        if asked not in kept:
            kept[asked] = read(body, *asked)
        return list(kept[asked])

    return cached


def entries(body: dict[str, Any], concept: str, unit: str, ns: str = "us-gaap") -> list[dict]:
    return body["facts"].get(ns, {}).get(concept, {}).get("units", {}).get(unit, [])


@per_body
def framed(body: dict[str, Any], concept: str, unit: str, kind: str) -> list[dict]:
    """The entries SEC tagged with a frame of `kind` (QUARTER, YEAR or INSTANT)."""
    return [e for e in entries(body, concept, unit) if re.fullmatch(kind, e.get("frame", ""))]


def near(entry: dict, start: date | None, end: date) -> bool:
    if start is None or abs((d(entry["end"]) - end).days) > SLACK_DAYS:
        return False
    return abs((d(entry["start"]) - start).days) <= SLACK_DAYS


def frame_for(body, concepts, unit, kind, start, end) -> dict | None:
    """The frame for the period of the concept filed last (a restatement under another concept
    wins: Tesla's 2018 quarters, restated under Revenues), a tie going to the first concept in
    catalyst's order of preference."""
    found = [
        (entry["filed"], -rank, entry)
        for rank, concept in enumerate(concepts)
        for entry in framed(body, concept, unit, kind)
        if near(entry, start, end)
    ]
    return max(found, key=lambda f: (f[0], f[1]))[2] if found else None


def basis_factor(ticker: str, filed: str) -> float:
    """What a per-share value filed on `filed` is divided by to be on the latest basis."""
    return math.prod(ratio for day, ratio in SPLITS.get(ticker, []) if d(filed) < day)


def expected(body: dict, ticker: str, concept: str, start: date | None, end: date) -> float | None:
    """SEC's frame-tagged value for a catalyst concept and period (None: SEC tagged none)."""
    if concept == "revenue_q":
        frame = frame_for(body, REVENUE, "USD", QUARTER, start, end)
    elif concept == "revenue_fy":
        frame = frame_for(body, REVENUE, "USD", YEAR, start, end)
    elif concept == "operating_income_q":
        frame = frame_for(body, ("OperatingIncomeLoss",), "USD", QUARTER, start, end)
    elif concept == "net_income_q":
        frame = frame_for(body, (NET_INCOME,), "USD", QUARTER, start, end)
    elif concept == "gross_profit_q":
        frame = frame_for(body, ("GrossProfit",), "USD", QUARTER, start, end)
        if frame is None:  # catalyst's fallback: revenue - cost of revenue
            revenue = frame_for(body, REVENUE, "USD", QUARTER, start, end)
            cost = frame_for(body, COST, "USD", QUARTER, start, end)
            return revenue["val"] - cost["val"] if revenue and cost else None
    elif concept == "eps_diluted_q":
        frame = frame_for(body, (EPS,), "USD/shares", QUARTER, start, end)
        return frame["val"] / basis_factor(ticker, frame["filed"]) if frame else None
    else:
        return None
    return frame["val"] if frame else None


def frame_periods(body: dict) -> dict[str, list[tuple[date, date]]]:
    """Every period SEC tagged a frame for, by the catalyst concept it is a figure of."""
    periods: dict[str, list[tuple[date, date]]] = {}

    def add(concept: str, found: list[dict]) -> None:
        for entry in found:
            period = (d(entry["start"]), d(entry["end"]))
            if not any(near(entry, *seen) for seen in periods.setdefault(concept, [])):
                periods[concept].append(period)

    for concept in REVENUE:
        add("revenue_q", framed(body, concept, "USD", QUARTER))
        add("revenue_fy", framed(body, concept, "USD", YEAR))
    add("operating_income_q", framed(body, "OperatingIncomeLoss", "USD", QUARTER))
    add("net_income_q", framed(body, NET_INCOME, "USD", QUARTER))
    add("eps_diluted_q", framed(body, EPS, "USD/shares", QUARTER))
    add("gross_profit_q", framed(body, "GrossProfit", "USD", QUARTER))
    for concept in COST:  # quarters with a revenue and a cost frame have a gross profit too
        for cost in framed(body, concept, "USD", QUARTER):
            if frame_for(body, REVENUE, "USD", QUARTER, d(cost["start"]), d(cost["end"])):
                add("gross_profit_q", [cost])
    return periods


@per_body
def quarter_frames(body: dict, concepts: tuple[str, ...], unit: str) -> list[dict]:
    """One frame-tagged quarter per period (the one filed last; a tie, the preferred concept's),
    by end date."""
    found: list[dict] = []
    for concept in concepts:
        for entry in framed(body, concept, unit, QUARTER):
            start, end = d(entry["start"]), d(entry["end"])
            best = frame_for(body, concepts, unit, QUARTER, start, end)
            if best is entry and not any(near(entry, d(f["start"]), d(f["end"])) for f in found):
                found.append(entry)
    return sorted(found, key=lambda e: e["end"])


def four_in_a_row(frames: list[dict]) -> list[list[dict]]:
    """Runs of four frame-tagged quarters, each starting the day after the one before ends."""
    runs = []
    for i in range(3, len(frames)):
        run = frames[i - 3 : i + 1]
        if all(abs((d(b["start"]) - d(a["end"])).days - 1) <= 3 for a, b in pairwise(run)):
            runs.append(run)
    return runs


def year_before(frames: list[dict], quarter: dict) -> dict | None:
    wanted = d(quarter["end"]) - timedelta(days=365)
    return next((f for f in frames if abs((d(f["end"]) - wanted).days) <= SLACK_DAYS), None)


def implied_shares(ticker: str, eps: dict, income: dict) -> tuple[float, float]:
    """The diluted share count (latest basis) a net income and its EPS imply, low and high:
    the EPS is rounded to the cent."""
    factor = basis_factor(ticker, eps["filed"])
    counts = [income["val"] / ((eps["val"] + half) / factor) for half in (-0.005, 0.005)]
    return min(counts), max(counts)


# --- what catalyst derives -----------------------------------------------------------------------


def snapshot(ticker: str, facts: list[Fact]) -> MarketSnapshot:
    by_concept: dict[str, list[Fact]] = {}
    for fact in facts:  # derive_facts sorts by concept, then period end
        by_concept.setdefault(fact.concept, []).append(fact)
    return MarketSnapshot(now=NOW, facts={ticker: by_concept})


def metric(snap: MarketSnapshot, name: str, ticker: str, end: str | date) -> float | None:
    pin = d(end) if isinstance(end, str) else end
    return observe(name, ticker, snap, pin).value


def the(facts: list[Fact], concept: str, end: str) -> Fact:
    """The one fact of `concept` ending within a few days of `end`."""
    found = [f for f in facts if f.concept == concept and abs((f.period_end - d(end)).days) <= 3]
    assert len(found) == 1, found
    return found[0]


# --- the recordings are there --------------------------------------------------------------------


def test_the_recordings_are_there():
    assert REALDATA.is_dir(), f"the real SEC recordings are missing: {REALDATA}"
    assert {ticker_of(p) for p in RECORDINGS} == {
        "AAPL",
        "GOOGL",
        "LPA",
        "MRVL",
        "NVDA",
        "SNOW",
        "TSLA",
    }


@pytest.mark.parametrize("ticker", sorted(SPLITS))
def test_the_split_table_is_what_the_recording_shows(ticker: str):
    """Each split shows as a period whose EPS, filed again after the split, is 1/ratio of the
    value filed before it (to the cent's rounding); the next-older filings bracket its date."""
    body = recording(ticker)
    values = entries(body, EPS, "USD/shares")
    for day, ratio in SPLITS[ticker]:
        shown = [
            (old, new)
            for old in values
            for new in values
            if (old.get("start"), old["end"]) == (new.get("start"), new["end"])
            and d(old["filed"]) < day <= d(new["filed"])
            and basis_factor(ticker, old["filed"]) / basis_factor(ticker, new["filed"]) == ratio
            and abs(new["val"]) >= 0.1
        ]
        assert shown, (ticker, day)
        for old, new in shown:
            assert abs(old["val"] - ratio * new["val"]) <= 0.0051 * (1 + ratio), (old, new)


# --- every derived figure equals SEC's frame -----------------------------------------------------


@recordings
def test_every_derived_figure_that_sec_tagged_equals_the_frame(path: Path):
    """Exactly for dollars; per-share within a cent, on the latest split basis."""
    body, ticker = load(path), ticker_of(path)
    compared: Counter[str] = Counter()
    wrong = []
    for fact in derive_facts(body):
        want = expected(body, ticker, fact.concept, fact.period_start, fact.period_end)
        if want is None:
            continue
        compared[fact.concept] += 1
        per_share = fact.unit == "USD/shares"
        if (abs(fact.value - want) > CENT) if per_share else fact.value != want:
            wrong.append((fact.concept, fact.period_end, fact.value, want, fact.source_concept))
    assert not wrong
    print(ticker, "frames compared:", dict(compared), sum(compared.values()))


@recordings
def test_every_period_sec_tagged_has_its_derived_figure(path: Path):
    """The other way round: no frame-tagged quarter or year is lost (merged away, overlapped)."""
    body = load(path)
    facts = derive_facts(body)
    lost = []
    for concept, periods in frame_periods(body).items():
        for start, end in periods:
            mine = [
                f
                for f in facts
                if f.concept == concept
                and f.period_start is not None
                and abs((f.period_start - start).days) <= SLACK_DAYS
                and abs((f.period_end - end).days) <= SLACK_DAYS
            ]
            if len(mine) != 1:
                lost.append((concept, start, end, len(mine)))
    assert not lost


@recordings
def test_shares_outstanding_equal_the_instant_frames(path: Path):
    body = load(path)
    shares = {
        f.period_end: f.value for f in derive_facts(body) if f.concept == "shares_outstanding"
    }
    reported = entries(body, "EntityCommonStockSharesOutstanding", "shares", ns="dei")
    tagged = [e for e in reported if re.fullmatch(INSTANT, e.get("frame", ""))]
    assert bool(tagged) == bool(reported)  # the GOOGL recording has no dei facts
    for entry in tagged:
        assert shares[d(entry["end"])] == entry["val"], entry


def test_an_ifrs_only_filer_yields_its_share_count_and_no_us_gaap_figures():
    body = recording("LPA")
    facts = derive_facts(body)
    assert {f.concept for f in facts} == {"shares_outstanding"}
    assert [f.value for f in facts] == [31709747, 31668601]


# --- the metrics on those facts --------------------------------------------------------------


@recordings
def test_the_metrics_equal_the_same_figures_computed_from_secs_frames(path: Path):
    body, ticker = load(path), ticker_of(path)
    snap = snapshot(ticker, derive_facts(body))
    revenue = quarter_frames(body, REVENUE, "USD")
    eps = quarter_frames(body, (EPS,), "USD/shares")
    checked: Counter[str] = Counter()
    wrong = []

    def check(name: str, end: str, want: float, tolerance: float = 1e-9) -> None:
        got = metric(snap, name, ticker, end)
        checked[name] += 1
        if got is None or abs(got - want) > tolerance * max(1.0, abs(want)):
            wrong.append((name, end, got, want))

    for run in four_in_a_row(revenue):
        check("revenue_ttm", run[-1]["end"], sum(q["val"] for q in run), 0)
    for run in four_in_a_row(eps):
        restated = sum(q["val"] / basis_factor(ticker, q["filed"]) for q in run)
        check("eps_ttm", run[-1]["end"], restated, CENT)
    for quarter in revenue:
        start, end = d(quarter["start"]), d(quarter["end"])
        gross = expected(body, ticker, "gross_profit_q", start, end)
        operating = expected(body, ticker, "operating_income_q", start, end)
        if gross is not None:
            check("gross_margin", quarter["end"], gross / quarter["val"])
        if operating is not None:
            check("operating_margin", quarter["end"], operating / quarter["val"])
        earlier = year_before(revenue, quarter)
        if earlier is not None:
            check("revenue_growth_yoy", quarter["end"], quarter["val"] / earlier["val"] - 1)
    assert not wrong
    if ticker != "LPA":
        assert checked["gross_margin"] and checked["revenue_growth_yoy"]
    print(ticker, "metrics compared:", dict(checked), sum(checked.values()))


# --- the four bugs, with their numbers ------------------------------------------------------------


def test_tsla_eps_ttm_to_2022_09_30_is_on_the_post_3_for_1_basis():
    """The old derivation summed 2.86 + 1.95 (before the August 2022 3:1 split) + 0.95 (after
    it) + a Q4 2021 of FY 4.90 - 9M 0.95 (two bases): 9.71. On one basis it is about 3.24."""
    body = recording("TSLA")
    quarter = {e["frame"]: e for e in framed(body, EPS, "USD/shares", QUARTER)}
    income = {e["frame"]: e for e in framed(body, NET_INCOME, "USD", QUARTER)}
    year_income = {e["frame"]: e for e in framed(body, NET_INCOME, "USD", YEAR)}
    year_eps = {e["frame"]: e for e in framed(body, EPS, "USD/shares", YEAR)}
    reported = [
        quarter[f]["val"] / basis_factor("TSLA", quarter[f]["filed"])
        for f in ("CY2022Q1", "CY2022Q2", "CY2022Q3")
    ]
    assert reported == pytest.approx([2.86 / 3, 1.95 / 3, 0.95])
    # Q4 2021: its net income over a share count between those the periods around it imply
    q4_income = year_income["CY2021"]["val"] - sum(income[f"CY2021Q{n}"]["val"] for n in (1, 2, 3))
    counts = [
        *implied_shares("TSLA", quarter["CY2021Q3"], income["CY2021Q3"]),
        *implied_shares("TSLA", year_eps["CY2021"], year_income["CY2021"]),
        *implied_shares("TSLA", quarter["CY2022Q1"], income["CY2022Q1"]),
    ]
    low, high = q4_income / max(counts), q4_income / min(counts)
    facts = derive_facts(body)
    q4 = the(facts, "eps_diluted_q", "2021-12-31")
    assert low <= q4.value <= high
    assert the(facts, "eps_diluted_q", "2022-03-31").split_factor == 3.0
    ttm = metric(snapshot("TSLA", facts), "eps_ttm", "TSLA", "2022-09-30")
    assert ttm is not None and sum(reported) + low <= ttm <= sum(reported) + high
    assert 3.2 < ttm < 3.3


def test_googl_q4_2020_eps_agrees_with_its_net_income():
    """FY 2020 EPS was refiled after the 20:1 split (2.93), the 9M YTD was not (36.38): FY - 9M
    read -33.45 though Q4 2020 net income was +$15.2B."""
    body = recording("GOOGL")
    quarter = {e["frame"]: e for e in framed(body, EPS, "USD/shares", QUARTER)}
    income = {e["frame"]: e for e in framed(body, NET_INCOME, "USD", QUARTER)}
    year_income = {e["frame"]: e for e in framed(body, NET_INCOME, "USD", YEAR)}
    year_eps = {e["frame"]: e for e in framed(body, EPS, "USD/shares", YEAR)}
    q4_income = year_income["CY2020"]["val"] - sum(income[f"CY2020Q{n}"]["val"] for n in (1, 2, 3))
    assert q4_income == 15_227_000_000
    counts = [
        *implied_shares("GOOGL", quarter["CY2020Q3"], income["CY2020Q3"]),
        *implied_shares("GOOGL", year_eps["CY2020"], year_income["CY2020"]),
        *implied_shares("GOOGL", quarter["CY2021Q1"], income["CY2021Q1"]),
    ]
    q4 = the(derive_facts(body), "eps_diluted_q", "2020-12-31")
    assert 0 < q4_income / max(counts) <= q4.value <= q4_income / min(counts)
    assert q4.split_factor == 20.0  # its 9M YTD was filed before the split, restated here
    assert "NetIncomeLoss" in q4.source_concept


def counts_around(body: dict, ticker: str, q4_start: date, q4_end: date) -> list[float]:
    """The diluted share counts (low and high) implied by the year a Q4 ends, the quarter
    before it and the quarter after it, where SEC tagged both their EPS and net income."""
    pairs = [
        (eps, income)
        for eps in framed(body, EPS, "USD/shares", YEAR)
        for income in framed(body, NET_INCOME, "USD", YEAR)
        if eps["end"] == income["end"] and abs((d(eps["end"]) - q4_end).days) <= 3
    ]
    for eps in quarter_frames(body, (EPS,), "USD/shares"):
        for income in quarter_frames(body, (NET_INCOME,), "USD"):
            before = abs((q4_start - d(eps["end"])).days - 1) <= 3
            after = abs((d(eps["start"]) - q4_end).days - 1) <= 3
            if eps["end"] == income["end"] and (before or after):
                pairs.append((eps, income))
    return [c for eps, income in pairs for c in implied_shares(ticker, eps, income) if c > 0]


@recordings
def test_every_derived_q4_eps_agrees_with_q4_net_income_and_the_share_counts_around_it(path: Path):
    """SEC tags no Q4 EPS these filers derive, so: Q4 net income from the frames (the year's less
    its three quarters'); the EPS must have its sign, and the share count the two imply must lie
    among the counts the year, the quarter before and the quarter after imply (2% slack)."""
    body, ticker = load(path), ticker_of(path)
    years = framed(body, NET_INCOME, "USD", YEAR)
    quarters = quarter_frames(body, (NET_INCOME,), "USD")
    checked = 0
    for fact in derive_facts(body):
        if fact.concept != "eps_diluted_q" or "FY" not in fact.source_concept:
            continue
        start, end = fact.period_start, fact.period_end
        year = next((y for y in years if abs((d(y["end"]) - end).days) <= 3), None)
        if year is None or start is None:
            continue
        inside = [q for q in quarters if d(year["start"]) <= d(q["end"]) < start]
        if len(inside) != 3:
            continue
        q4_income = year["val"] - sum(q["val"] for q in inside)
        assert math.copysign(1, fact.value) == math.copysign(1, q4_income), fact
        counts = counts_around(body, ticker, start, end)
        assert counts, fact
        assert min(counts) * 0.98 <= q4_income / fact.value <= max(counts) * 1.02, fact
        checked += 1
    if ticker != "LPA":
        assert checked
    print(ticker, "derived Q4 EPS checked:", checked)


def test_nvda_quarter_tagged_with_two_end_dates_is_one_quarter():
    """NVIDIA tagged its Q2 FY2011 as 2010-05-03..2010-08-01 and (in a later 10-K, for some
    concepts) ..2010-07-31: two quarters for the old derivation, so the TTM to 2011-01-30 counted
    $811M twice and lost Q1."""
    body = recording("NVDA")
    tagged = [
        e
        for e in entries(body, "Revenues", "USD")
        if e["start"] == "2010-05-03" and e["end"] in ("2010-07-31", "2010-08-01")
    ]
    assert {e["end"] for e in tagged} == {"2010-07-31", "2010-08-01"}
    q3 = [e for e in entries(body, "Revenues", "USD") if e["end"] == "2010-10-31"]
    assert {e["start"] for e in q3} == {"2010-08-02", "2010-02-01"}  # Q3 and the 9M YTD
    facts = derive_facts(body)
    for concept in ("revenue_q", "gross_profit_q", "operating_income_q", "eps_diluted_q"):
        q2 = the(facts, concept, "2010-08-01")  # one quarter, dated to meet Q3's start
        assert (q2.period_start, q2.period_end) == (date(2010, 5, 3), date(2010, 8, 1))
    frames = {e["frame"]: e["val"] for e in framed(body, "Revenues", "USD", QUARTER)}
    want = sum(frames[f"CY2010Q{n}"] for n in (1, 2, 3, 4))
    assert want == 3_543_309_000
    snap = snapshot("NVDA", facts)
    assert metric(snap, "revenue_ttm", "NVDA", "2011-01-30") == want
    operating = {e["frame"]: e["val"] for e in framed(body, "OperatingIncomeLoss", "USD", QUARTER)}
    margin = metric(snap, "operating_margin", "NVDA", "2010-08-01")
    assert margin == operating["CY2010Q2"] / frames["CY2010Q2"]


@recordings
def test_ttm_sums_four_consecutive_quarters_that_do_not_overlap(path: Path):
    body, ticker = load(path), ticker_of(path)
    facts = derive_facts(body)
    snap = snapshot(ticker, facts)
    for concept, ttm in (("revenue_q", "revenue_ttm"), ("eps_diluted_q", "eps_ttm")):
        rows = [f for f in facts if f.concept == concept]
        for a, b in pairwise(rows):
            assert b.period_start is not None and b.period_start > a.period_end, (a, b)
        for i, row in enumerate(rows):
            value = metric(snap, ttm, ticker, row.period_end)
            run = rows[i - 3 : i + 1] if i >= 3 else []
            consecutive = len(run) == 4 and all(
                b.period_start is not None and abs((b.period_start - a.period_end).days - 1) <= 3
                for a, b in pairwise(run)
            )
            if not consecutive:
                assert value is None, (ttm, row.period_end)
            else:
                assert value == pytest.approx(sum(f.value for f in run), abs=1e-9)


def test_tsla_eps_ttm_is_missing_where_the_recording_lacks_a_quarter():
    """The recording has no TSLA EPS for Q1/Q2 2016, so no four quarters end 2016-12-31."""
    body = recording("TSLA")
    tagged = {(e.get("start"), e["end"]) for e in entries(body, EPS, "USD/shares")}
    assert ("2016-01-01", "2016-03-31") not in tagged
    assert ("2016-04-01", "2016-06-30") not in tagged
    observed = observe("eps_ttm", "TSLA", snapshot("TSLA", derive_facts(body)), date(2016, 12, 31))
    assert observed.value is None
    assert "fewer than four consecutive" in missing_text(observed.missing)


def test_split_factor_says_who_restated_a_per_share_value():
    body = recording("NVDA")
    facts = derive_facts(body)
    # Q3 FY2023 was last filed in November 2023 as 0.27, before the 10:1 split: restated here
    q3 = the(facts, "eps_diluted_q", "2022-10-30")
    assert q3.value == pytest.approx(0.027) and q3.split_factor == 10.0
    # Q2 FY2024 came restated from the 10-Q of August 2024 (0.25, was 2.48): nothing to do
    q2 = the(facts, "eps_diluted_q", "2023-07-30")
    assert (q2.value, q2.split_factor) == (0.25, 1.0)
    # Q2 FY2021 was last filed after the 4:1 split but before the 10:1 one
    assert the(facts, "eps_diluted_q", "2020-07-26").split_factor == 10.0
    # dollars are never restated
    assert {f.split_factor for f in facts if f.unit != "USD/shares"} == {1.0}
