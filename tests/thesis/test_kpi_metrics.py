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
        # revenue, and judges nothing. More than 10% may or may not be 20%: still pending, and
        # the reason says the words leave it open, never "10% < 20%".
        target = states["scorpio-20"]
        assert target.status == "pending"
        assert said(target) == (
            "Scorpio's share of revenue: over 10% of revenue (ALAB 8-K EX-99.1 of 2025-11-04) "
            "does not say whether it is >= 20%"
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
    ("sentence", "status", "reason"),
    [
        # 18% to 25%: 18% < 20% and 25% >= 20%: the range does not say; never met by its high end.
        (
            "Scorpio was 18% to 25% of revenue in the quarter.",
            "pending",
            "Scorpio's share of revenue: 18% to 25% of revenue (ALAB 8-K EX-99.1 of 2026-05-05) "
            "does not say whether it is >= 20%",
        ),
        # 20% to 25%: both ends are >= 20%.
        (
            "Scorpio was 20% to 25% of revenue in the quarter.",
            "met",
            "share 20.0% >= 20% (20% to 25% of revenue, ALAB 8-K EX-99.1 of 2026-05-05)",
        ),
        # "nearly 20%" is less than 20%: not yet, though the number written is 20.
        (
            "Scorpio was nearly 20% of total revenue in the quarter.",
            "pending",
            "share 20.0% < 20% (nearly 20% of revenue, ALAB 8-K EX-99.1 of 2026-05-05)",
        ),
        # "at least 20%": every share it allows is >= 20%.
        (
            "Scorpio was at least 20% of total revenue in the quarter.",
            "met",
            "share 20.0% >= 20% (at least 20% of revenue, ALAB 8-K EX-99.1 of 2026-05-05)",
        ),
        # "approximately 20%" is the number the company gives.
        (
            "Scorpio was approximately 20% of total revenue in the quarter.",
            "met",
            "share 20.0% >= 20% (approximately 20% of revenue, ALAB 8-K EX-99.1 of 2026-05-05)",
        ),
    ],
)
def test_a_loose_statement_decides_only_where_every_value_it_allows_does(
    tmp_path: Path, sentence: str, status: str, reason: str
):
    with Store.open(tmp_path / "c.db") as store:
        states = judge(store, SCORPIO, [release("r", sentence, dt.date(2026, 5, 5))])
        assert states["scorpio-20"].status == status
        assert said(states["scorpio-20"]) == reason


GUARD = SCORPIO.replace('kind = "target"', 'kind = "guard"').replace("due = 2027-12-31\n", "")


@pytest.mark.parametrize(
    ("when", "sentence", "status"),
    [
        # "over 10%" is more than 10%: it holds `> 10%` (10.0 > 10 would not).
        ("share(Scorpio) > 10%", "Scorpio was over 10% of total revenue.", "met"),
        ("share(Scorpio) < 10%", "Scorpio was over 10% of total revenue.", "missed"),
        ("share(Scorpio) < 5%", "Scorpio was under 5% of total revenue.", "met"),
        ("share(Scorpio) >= 5%", "Scorpio was less than 5% of total revenue.", "missed"),
        ("share(Scorpio) < 30%", "Scorpio was 20% to 25% of revenue.", "met"),
        # a decline's bound turns with its sign: "down more than 5%" is below -5%
        ("growth(Scorpio) <= -5%", "Scorpio revenue declined more than 5% sequentially.", "met"),
        ("growth(Scorpio) > -5%", "Scorpio revenue declined more than 5% sequentially.", "missed"),
    ],
)
def test_a_guard_is_decided_by_a_bound_only_where_the_bound_settles_it(
    tmp_path: Path, when: str, sentence: str, status: str
):
    with Store.open(tmp_path / "c.db") as store:
        guard = GUARD.replace("share(Scorpio) >= 20%", when)
        states = judge(store, guard, [release("b", sentence, dt.date(2026, 5, 5))])
        assert states["scorpio-20"].status == status, said(states["scorpio-20"])


@pytest.mark.parametrize(
    ("when", "sentence"),
    [
        ("share(Scorpio) < 30%", "Scorpio was 25% to 35% of revenue in the quarter."),
        ("share(Scorpio) >= 15%", "Scorpio was over 10% of total revenue."),
        ("share(Scorpio) <= 15%", "Scorpio was over 10% of total revenue."),
        ("growth(Scorpio) >= 10%", "Scorpio revenue grew more than 5% sequentially."),
    ],
)
def test_a_guard_the_words_leave_open_keeps_its_status_and_says_why(
    tmp_path: Path, when: str, sentence: str
):
    """Held on an exact figure first; then a statement that allows both sides of the threshold:
    no verdict either way (a guess is worse than none), and the reason gives the words."""
    guard = GUARD.replace("share(Scorpio) >= 20%", when)
    metric = when.partition("(")[0]
    exact = {
        "share(Scorpio) < 30%": "Scorpio was 27% of total revenue.",
        "share(Scorpio) >= 15%": "Scorpio was 16% of total revenue.",
        "share(Scorpio) <= 15%": "Scorpio was 12% of total revenue.",
        "growth(Scorpio) >= 10%": "Scorpio revenue grew 12% sequentially.",
    }[when]
    with Store.open(tmp_path / "c.db") as store:
        first = judge(store, guard, [release("e", exact, dt.date(2026, 2, 10))])
        assert first["scorpio-20"].status == "met"
        later = judge(store, guard, [release("l", sentence, dt.date(2026, 5, 5))])
        assert later["scorpio-20"].status == "met"
        what = "share of revenue" if metric == "share" else "revenue growth"
        threshold = when.split(maxsplit=1)[1].replace("(Scorpio) ", "")
        assert said(later["scorpio-20"]).startswith(f"Scorpio's {what}: ")
        assert said(later["scorpio-20"]).endswith(
            f"(ALAB 8-K EX-99.1 of 2026-05-05) does not say whether it is {threshold}"
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
