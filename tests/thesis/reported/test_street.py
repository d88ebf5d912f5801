"""The Street's metrics (thesis/reported/street.py) on snapshots made for them: each consensus, the
30-day
revision, the forward P/E, the latest release against the consensus frozen before it, and
every way they have no value. Each expected figure is computed here from the figures given."""

from __future__ import annotations

import datetime as dt

import pytest

from catalyst_tui.market.estimates import Consensus, Frozen, Range, StoredEstimates
from catalyst_tui.reading.release.records import ReleaseFigures, ReleaseResults
from catalyst_tui.thesis.metrics import observe
from catalyst_tui.thesis.observation import MissingCode, Period, PeriodKind, ValueSource
from catalyst_tui.thesis.reported.results import Release
from catalyst_tui.thesis.snapshot import MarketSnapshot
from catalyst_tui.thesis.wording import missing_text, observation_note

from ..conftest import TODAY, snapshot

END = dt.date(2026, 9, 30)
FILED = dt.date(2026, 11, 4)
QUARTER = Consensus(
    "0q", dt.date(2026, 12, 31), Range(0.52, 0.48, 0.58, 12), Range(455e6, 445e6, 470e6, 11)
)
YEAR = Consensus(
    "0y",
    dt.date(2026, 12, 31),
    Range(1.80, 1.70, 1.95, 14),
    Range(1.6e9, 1.55e9, 1.7e9, 13),
    (1.80, 1.79, 1.71, 1.65, 1.60),
    3,
    8,
    0,
    1,
)
NEXT = Consensus("+1y", dt.date(2027, 12, 31), Range(2.55, 2.2, 3.0, 13), Range(2.2e9))
FROZEN = Frozen(dt.date(2026, 11, 4), END, 0.40, 405e6, 12, 11, dt.date(2026, 11, 3))


def estimates(
    *periods: Consensus,
    frozen: tuple[Frozen, ...] = (FROZEN,),
    next_report: Consensus | None = None,
) -> StoredEstimates:
    return StoredEstimates("ALAB", TODAY, "yahoo", next_report, periods, (), frozen)


def release(
    revenue: float | None, eps_nongaap: float | None, eps_diluted: float | None, end: dt.date = END
) -> Release:
    figures = ReleaseFigures(revenue=revenue, eps_nongaap=eps_nongaap, eps_diluted=eps_diluted)
    results = ReleaseResults(True, None, end, figures, None)
    return Release("ALAB", "0001736297-26-000100", "https://sec.test/r.htm", FILED, None, results)


def street(
    price: float | None = 180.0,
    stored: StoredEstimates | None = None,
    releases: list[Release] | None = None,
) -> MarketSnapshot:
    snap = snapshot(price)
    if stored is not None:
        snap.street_of = {"ALAB": stored}.get
    if releases:
        snap.releases["ALAB"] = releases
    return snap


def test_each_consensus_is_the_analysts_average_with_what_it_is_of():
    snap = street(stored=estimates(QUARTER, YEAR, NEXT))
    assert observe("eps_estimate_q", "ALAB", snap).value == 0.52
    assert observe("revenue_estimate_q", "ALAB", snap).value == 455e6
    assert observe("eps_estimate_fy", "ALAB", snap).value == 1.80
    assert observe("eps_estimate_next_fy", "ALAB", snap).value == 2.55
    assert observation_note(observe("eps_estimate_fy", "ALAB", snap)) == (
        f"14 analysts, period to 2026-12-31, as of {TODAY.isoformat()}"
    )


def test_the_next_reports_consensus_stands_in_for_the_quarter_without_a_trend():
    calendar = Consensus("0q", eps=Range(0.5, 0.45, 0.55), revenue=Range(450e6))
    snap = street(stored=estimates(YEAR, next_report=calendar))
    assert observe("eps_estimate_q", "ALAB", snap).value == 0.5
    assert observe("revenue_estimate_q", "ALAB", snap).value == 450e6


def test_the_revision_is_the_fiscal_years_consensus_now_against_30_days_ago():
    revision = observe("eps_revision_30d", "ALAB", street(stored=estimates(YEAR)))
    assert revision.value == pytest.approx((1.80 - 1.71) / 1.71)
    assert observation_note(revision) == (
        f"1.71 → 1.80, 8 up and 1 down in 30 days, as of {TODAY.isoformat()}"
    )
    cut = YEAR._replace(trend=(-0.2, None, -0.4, None, None))  # a loss narrowing: up
    assert observe("eps_revision_30d", "ALAB", street(stored=estimates(cut))).value == (
        pytest.approx((-0.2 - -0.4) / 0.4)
    )


def test_the_forward_pe_is_the_price_over_this_fiscal_years_consensus():
    assert observe("forward_pe", "ALAB", street(stored=estimates(YEAR))).value == pytest.approx(
        180.0 / 1.80
    )


def test_a_release_against_the_consensus_frozen_before_it():
    snap = street(stored=estimates(QUARTER), releases=[release(412.3e6, 0.44, 0.29)])
    revenue = observe("revenue_vs_consensus", "ALAB", snap)
    assert revenue.value == pytest.approx(412.3e6 / 405e6 - 1)
    assert revenue.period == Period(PeriodKind.QUARTER, END, FILED, ValueSource.RELEASE)
    assert observe("eps_vs_consensus", "ALAB", snap).value == pytest.approx(0.44 / 0.40 - 1)
    gaap = street(stored=estimates(QUARTER), releases=[release(412.3e6, None, 0.29)])
    assert observe("eps_vs_consensus", "ALAB", gaap).value == pytest.approx(0.29 / 0.40 - 1)


def test_a_frozen_consensus_without_a_quarter_is_matched_by_its_report_date():
    near = FROZEN._replace(period_end=None, report=FILED + dt.timedelta(days=2))
    after = FROZEN._replace(period_end=None, as_of=FILED + dt.timedelta(days=1))
    ok = street(stored=estimates(frozen=(near,)), releases=[release(412.3e6, 0.44, 0.29)])
    assert observe("revenue_vs_consensus", "ALAB", ok).value == pytest.approx(412.3e6 / 405e6 - 1)
    late = street(stored=estimates(frozen=(after,)), releases=[release(412.3e6, 0.44, 0.29)])
    assert observe("revenue_vs_consensus", "ALAB", late).missing.code is (  # type: ignore[union-attr]
        MissingCode.NO_FROZEN_CONSENSUS
    )  # read the day after the 8-K: not the consensus before it


FEW = Consensus("0y", None, Range(1.8, 1.8, 1.8, 1))


@pytest.mark.parametrize(
    ("metric", "snap", "code", "sentence"),
    [
        (
            "eps_estimate_q",
            street(),
            MissingCode.NO_ESTIMATES,
            "no estimates of the Street for ALAB yet: they come with a refresh, once a day, from "
            "Yahoo",
        ),
        (
            "eps_estimate_next_fy",
            street(stored=estimates(QUARTER)),
            MissingCode.NO_CONSENSUS,
            "no consensus of the Street for the next fiscal year's EPS of ALAB",
        ),
        (
            "eps_estimate_fy",
            street(stored=estimates(FEW)),
            MissingCode.FEW_ANALYSTS,
            "the fiscal year's EPS consensus of ALAB is of 1 analyst: too few",
        ),
        (
            "forward_pe",
            street(stored=estimates(FEW)),
            MissingCode.FEW_ANALYSTS,
            "the fiscal year's EPS consensus of ALAB is of 1 analyst: too few",
        ),
        (
            "eps_revision_30d",
            street(stored=estimates(NEXT)),
            MissingCode.NO_REVISION_TREND,
            "no fiscal-year EPS consensus of ALAB 30 days ago",
        ),
        (
            "forward_pe",
            street(None, estimates(YEAR)),
            MissingCode.NO_QUOTE,
            "no quote yet for ALAB: run a refresh",
        ),
        (
            "forward_pe",
            street(stored=estimates(YEAR._replace(eps=Range(-0.3)))),
            MissingCode.FORWARD_PE_UNDEFINED,
            "forward P/E is undefined: the fiscal-year EPS consensus of ALAB is -0.30",
        ),
        (
            "revenue_vs_consensus",
            street(stored=estimates(QUARTER)),
            MissingCode.NO_RELEASE,
            "no earnings release of ALAB read yet: they come with its 8-K filings",
        ),
        (
            "revenue_vs_consensus",
            street(stored=estimates(frozen=()), releases=[release(412.3e6, 0.44, 0.29)]),
            MissingCode.NO_FROZEN_CONSENSUS,
            "no consensus of the Street was kept before the quarter ended 2026-09-30, from the "
            "release of 2026-11-04 of ALAB",
        ),
        (
            "eps_vs_consensus",
            street(releases=[release(412.3e6, 0.44, 0.29)]),
            MissingCode.NO_FROZEN_CONSENSUS,
            "no consensus of the Street was kept before the quarter ended 2026-09-30, from the "
            "release of 2026-11-04 of ALAB",
        ),
        (
            "eps_vs_consensus",
            street(stored=estimates(), releases=[release(412.3e6, None, None)]),
            MissingCode.NOT_IN_QUARTER,
            "no EPS for the quarter ended 2026-09-30, from the release of 2026-11-04 of ALAB",
        ),
    ],
)
def test_no_value_says_why(metric: str, snap: MarketSnapshot, code: MissingCode, sentence: str):
    found = observe(metric, "ALAB", snap)
    assert found.value is None and found.missing is not None and found.missing.code is code
    assert missing_text(found.missing) == sentence


def test_a_consensus_of_a_period_ended_and_reported_is_not_current():
    """A fiscal year that ended 2025-09-30, read a year on (its ceiling passed), is no
    consensus now, for the estimate, the revision and the forward P/E alike; a quarter that
    ended a fortnight ago and whose report is awaited still is (the report is held against it),
    until its report is read."""
    old = YEAR._replace(end=dt.date(2025, 9, 30))
    snap = street(stored=estimates(QUARTER, old, NEXT))
    for metric in ("eps_estimate_fy", "eps_revision_30d", "forward_pe"):
        found = observe(metric, "ALAB", snap)
        assert found.value is None, metric
        assert found.missing is not None and found.missing.code is MissingCode.STREET_PERIOD_ENDED
        assert missing_text(found.missing).startswith(
            "the Street's consensus for the fiscal year's EPS of ALAB is for the period that"
            " ended 2025-09-30"
        )
    assert observe("eps_estimate_next_fy", "ALAB", snap).value == 2.55
    ended = TODAY - dt.timedelta(days=14)
    awaited = QUARTER._replace(end=ended)
    assert observe("eps_estimate_q", "ALAB", street(stored=estimates(awaited))).value == 0.52
    reported = street(stored=estimates(awaited), releases=[release(455e6, 0.55, 0.5, end=ended)])
    found = observe("eps_estimate_q", "ALAB", reported)
    assert found.value is None and found.missing is not None
    assert found.missing.code is MissingCode.STREET_PERIOD_ENDED
