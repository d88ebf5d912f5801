"""The metrics of KPIs read from words judged through a real store: documents stored as the
evidence fetch stores them, the refresh's reading step (jobs/kpi_reading.py), then the
evaluation of catalysts.toml's checkpoints. The newest outcome judges, with what it said and
where in its reason; a forecast never does; a range holds only at both ends; `guidance` on
Pfizer's and IBM's own releases (../shared), each direction written beside its sentence."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from catalyst_tui.config import parse_config
from catalyst_tui.jobs.evaluation import evaluate_checkpoints
from catalyst_tui.jobs.kpi_reading import read_kpis_of
from catalyst_tui.reading.documents import html_to_text
from catalyst_tui.store import Store
from catalyst_tui.store.records import NewDocument
from catalyst_tui.thesis.wording import reason_text

from ..support.shared import REALDATA, missing

NOW = dt.datetime(2026, 11, 20, 15, 0, tzinfo=dt.UTC)
TODAY = NOW.date()
SCORPIO = """
[tickers.ALAB]
name = "Astera Labs"
[[tickers.ALAB.checkpoints]]
id = "scorpio-20"
title = "Scorpio reaches a fifth of revenue"
kind = "target"
when = "share(Scorpio) >= 20%"
due = 2027-12-31
"""


def release(key: str, text: str, day: dt.date, form: str = "8-K EX-99.1") -> NewDocument:
    """A document as the evidence fetch stores it, accepted at 16:05 in New York on `day`."""
    published = dt.datetime.combine(day, dt.time(21, 5), dt.UTC)
    return NewDocument("sec", key, None, form, "results", key, published, text)


def judge(store: Store, thesis: str, documents: list[NewDocument], symbol: str = "ALAB"):
    """The documents stored, the KPIs read, every checkpoint evaluated: their states."""
    config = parse_config(thesis)
    store.sync.apply(config, NOW)
    store.evidence.save_documents(symbol, documents, NOW)
    read_kpis_of(store, NOW)
    evaluate_checkpoints(config, store, NOW)
    return {s.id: s for s in store.views.checkpoints() if s.symbol == symbol}


def said(state) -> str:
    return reason_text(state.reason, state.condition, TODAY)


def test_the_newest_outcome_judges_with_what_it_said_and_where(tmp_path: Path):
    q3 = (
        "Astera Labs reported record revenue. Scorpio was over 10% of total revenue, with a "
        "Q4 exit rate closer to 20%."
    )
    with Store.open(tmp_path / "c.db") as store:
        states = judge(store, SCORPIO, [release("q3", q3, dt.date(2025, 11, 4))])
        # "over 10%" is the share; the exit rate "closer to 20%" is no share of the quarter's
        # revenue, and judges nothing: 10% < 20%, still pending.
        target = states["scorpio-20"]
        assert target.status == "pending"
        assert said(target) == (
            "share 10.0% < 20% (over 10% of revenue, ALAB 8-K EX-99.1 of 2025-11-04)"
        )
        q4 = "Scorpio represented 22% of total revenue in the fourth quarter."
        states = judge(store, SCORPIO, [release("q4", q4, dt.date(2026, 2, 10))])
        target = states["scorpio-20"]
        assert target.status == "met"
        assert said(target) == "share 22.0% >= 20% (22% of revenue, ALAB 8-K EX-99.1 of 2026-02-10)"


def test_a_forecast_alone_judges_nothing_and_says_so(tmp_path: Path):
    ahead = "We expect Scorpio to exceed 20% of total revenue in 2026."
    with Store.open(tmp_path / "c.db") as store:
        target = judge(store, SCORPIO, [release("f", ahead, dt.date(2025, 8, 5))])["scorpio-20"]
        assert target.status == "pending"
        assert said(target) == (
            "only forecasts of Scorpio's share of revenue read so far, the newest over 20%, "
            "forecast (ALAB 8-K EX-99.1 of 2025-08-05): a forecast is not what happened"
        )


def test_no_statement_is_no_value_with_its_reason(tmp_path: Path):
    with Store.open(tmp_path / "c.db") as store:
        quiet = "Astera Labs reported revenue of $230.6 million."
        target = judge(store, SCORPIO, [release("n", quiet, dt.date(2025, 11, 4))])["scorpio-20"]
        assert target.status == "pending"
        assert said(target) == (
            "no release, call or filing read so far states Scorpio's share of revenue"
        )


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        # 18% to 25%: 18% < 20%, so the low end does not hold: the range does not.
        ("Scorpio was 18% to 25% of revenue in the quarter.", "pending"),
        # 20% to 25%: both ends are >= 20%.
        ("Scorpio was 20% to 25% of revenue in the quarter.", "met"),
    ],
)
def test_a_range_holds_only_at_both_ends(tmp_path: Path, sentence: str, status: str):
    with Store.open(tmp_path / "c.db") as store:
        states = judge(store, SCORPIO, [release("r", sentence, dt.date(2026, 5, 5))])
        assert states["scorpio-20"].status == status
        low = sentence.split()[2]
        compared = ">=" if status == "met" else "<"
        assert said(states["scorpio-20"]).startswith(f"share {low[:-1]}.0% {compared} 20% (")


def test_a_range_fails_a_guard_when_its_high_end_does(tmp_path: Path):
    """A guard `share(Scorpio) < 30%` on "25% to 35%": the high end is past it: missed."""
    guard = SCORPIO.replace('kind = "target"', 'kind = "guard"').replace(">= 20%", "< 30%")
    guard = guard.replace("due = 2027-12-31\n", "")
    with Store.open(tmp_path / "c.db") as store:
        said_range = "Scorpio was 25% to 35% of revenue in the quarter."
        states = judge(store, guard, [release("r", said_range, dt.date(2026, 5, 5))])
        assert states["scorpio-20"].status == "missed"
        # The end that fails is the one compared, the range as said beside it.
        assert said(states["scorpio-20"]) == (
            "share 35.0% >= 30% (25% to 35% of revenue, ALAB 8-K EX-99.1 of 2026-05-05)"
        )


def test_growth_is_its_newest_outcome_as_stated(tmp_path: Path):
    thesis = SCORPIO.replace("share(Scorpio) >= 20%", "growth(scorpio) >= 10%")
    with Store.open(tmp_path / "c.db") as store:
        grew = "Scorpio revenue grew 17% sequentially."  # +17%, against the quarter before
        target = judge(store, thesis, [release("g", grew, dt.date(2026, 5, 5))])["scorpio-20"]
        assert target.status == "met"
        assert said(target) == (
            "growth 17.0% >= 10% (+17% sequentially, ALAB 8-K EX-99.1 of 2026-05-05)"
        )


PFIZER = """
[tickers.PFE]
name = "Pfizer"
[[tickers.PFE.checkpoints]]
id = "raised"
title = "Pfizer keeps raising its guidance"
kind = "guard"
when = 'guidance == "raised"'
[[tickers.PFE.checkpoints]]
id = "not-cut"
title = "Pfizer never cuts its guidance"
kind = "guard"
when = 'guidance != "cut"'
"""


def shared_release(name: str) -> str:
    return html_to_text((REALDATA / "more" / "releases" / name).read_bytes())


@pytest.mark.skipif(missing() is not None, reason=str(missing()))
def test_guidance_on_pfizers_own_releases(tmp_path: Path):
    # Q3 2024, filed 2024-10-29: "... reported financial results for the third quarter of
    # 2024 and raised its full-year 2024 guidance(1) for both Revenues and Adjusted(2)
    # diluted EPS."
    q3 = shared_release("PFE_0000078003-24-000188_pfe-9292024xex99.htm")
    # Q1 2025, filed 2025-04-29: "... reported financial results for the first quarter of
    # 2025 and reaffirmed its 2025 financial guidance(1)." (reiterated)
    q1 = shared_release("PFE_0000078003-25-000111_pfe-03302025xex99.htm")
    with Store.open(tmp_path / "c.db") as store:
        states = judge(store, PFIZER, [release("q3", q3, dt.date(2024, 10, 29))], "PFE")
        assert (states["raised"].status, states["not-cut"].status) == ("met", "met")
        assert said(states["raised"]) == (
            'guidance raised == "raised" (raised, PFE 8-K EX-99.1 of 2024-10-29)'
        )
        states = judge(store, PFIZER, [release("q1", q1, dt.date(2025, 4, 29))], "PFE")
        # The newest is Q1 2025's "reaffirmed": no longer raised, still not cut.
        assert (states["raised"].status, states["not-cut"].status) == ("missed", "met")
        assert said(states["raised"]) == (
            'guidance reiterated != "raised" (reiterated, PFE 8-K EX-99.1 of 2025-04-29)'
        )


@pytest.mark.skipif(missing() is not None, reason=str(missing()))
def test_guidance_on_ibms_release(tmp_path: Path):
    # Q2 2025, filed 2025-07-23: "... we are raising our full-year outlook for free cash
    # flow, ..."
    text = shared_release("IBM_0000051143-25-000048_ibm-20250723xex991.htm")
    thesis = PFIZER.replace("PFE", "IBM").replace("Pfizer", "IBM")
    with Store.open(tmp_path / "c.db") as store:
        states = judge(store, thesis, [release("q2", text, dt.date(2025, 7, 23))], "IBM")
        assert (states["raised"].status, states["not-cut"].status) == ("met", "met")
