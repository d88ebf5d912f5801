"""Releases in the metrics: a release's quarter stands in for the filing until XBRL has that
quarter, then XBRL wins and what the release said is kept beside it; revenue against the guide
the release before gave, the guide itself and non-GAAP EPS; whether XBRL confirms a release;
the fiscal quarter's name. The releases are the project's own Astera Labs exhibits
(tests/support/releases.py) read by the real parser; every expected figure is computed here by
hand from what they print."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from catalyst_tui.market.models import Fact
from catalyst_tui.reading.release.reader import read_release
from catalyst_tui.thesis.metrics import observe
from catalyst_tui.thesis.observation import MissingCode, PeriodKind, ValueSource
from catalyst_tui.thesis.reported.results import (
    Release,
    check,
    fiscal_label,
    merge,
    release_first,
    same,
)
from catalyst_tui.thesis.snapshot import MarketSnapshot
from catalyst_tui.thesis.wording import missing_text, observation_note
from tests.support.releases import AlabQuarter, alab_release
from tests.support.shared import PRESS_RELEASES, REALDATA

from ..conftest import NOW

Q2 = AlabQuarter(dt.date(2026, 6, 30), 362_000_000, 90_500_000, 199_100_000, 84_600_000, 0.47, 0.55)
Q3 = AlabQuarter(
    dt.date(2026, 9, 30), 412_300_000, 126_500_000, 204_000_000, 93_600_000, 0.52, 0.61
)


def release(
    quarter: AlabQuarter, filed: dt.date, guide: tuple[float, float] | None, accession: str
) -> Release:
    body = alab_release(quarter, guide=guide, fiscal_quarter=(quarter.end.month // 3))
    return Release(
        "ALAB", accession, f"https://sec.test/{accession}.htm", filed, None, read_release(body)
    )


Q2_RELEASE = release(Q2, dt.date(2026, 8, 4), (385e6, 395e6), "0001736297-26-000080")
Q3_RELEASE = release(Q3, dt.date(2026, 11, 3), (440e6, 450e6), "0001736297-26-000110")


def filed_through_q2() -> dict[str, list[Fact]]:
    """XBRL up to the June quarter of 2026: seven quarters, each filed 35 days after it ends."""
    revenue = [120e6, 159.4e6, 191.9e6, 230.6e6, 270.6e6, 308.4e6, 362e6]
    eps = [0.2, 0.28, 0.31, 0.35, 0.38, 0.4, 0.47]
    ends = [
        dt.date(2024, 12, 31),
        dt.date(2025, 3, 31),
        dt.date(2025, 6, 30),
        dt.date(2025, 9, 30),
        dt.date(2025, 12, 31),
        dt.date(2026, 3, 31),
        dt.date(2026, 6, 30),
    ]

    def rows(concept: str, values: list[float], unit: str = "USD") -> list[Fact]:
        return [
            Fact(
                concept,
                end - dt.timedelta(days=90),
                end,
                value,
                unit,
                "10-Q",
                end + dt.timedelta(days=35),
                f"us-gaap:{concept}",
            )
            for end, value in zip(ends, values, strict=True)
        ]

    return {
        "revenue_q": rows("revenue_q", revenue),
        "gross_profit_q": rows("gross_profit_q", [r * 0.75 for r in revenue]),
        "operating_income_q": rows("operating_income_q", [r * 0.2 for r in revenue]),
        "eps_diluted_q": rows("eps_diluted_q", eps, "USD/shares"),
    }


def snap_of(facts: dict[str, list[Fact]], *releases: Release) -> MarketSnapshot:
    """The snapshot as store/snapshot.py loads it: facts merged with the releases."""
    snap = MarketSnapshot(now=NOW)
    assert all(r.period_end is not None for r in releases)
    snap.releases["ALAB"] = sorted(releases, key=lambda r: r.period_end or dt.date.min)
    snap.facts["ALAB"], differs = merge(facts, releases)
    if differs:
        snap.release_first["ALAB"] = release_first(facts, releases)
    return snap


def with_q3_filed(revenue: float, net_income: float = 93_600_000) -> dict[str, list[Fact]]:
    facts = filed_through_q2()
    filed = dt.date(2026, 11, 4)
    end, start = Q3.end, dt.date(2026, 7, 1)
    for concept, value, unit in (
        ("revenue_q", revenue, "USD"),
        ("gross_profit_q", 285_800_000, "USD"),
        ("operating_income_q", 81_800_000, "USD"),
        ("net_income_q", net_income, "USD"),
        ("eps_diluted_q", 0.52, "USD/shares"),
    ):
        row = Fact(concept, start, end, value, unit, "10-Q", filed, f"us-gaap:{concept}")
        facts.setdefault(concept, []).append(row)
    return facts


def test_the_release_quarter_stands_in_until_the_filing_has_it():
    snap = snap_of(filed_through_q2(), Q2_RELEASE, Q3_RELEASE)
    revenue = observe("revenue_q", "ALAB", snap)
    assert revenue.value == 412_300_000
    assert revenue.period is not None and revenue.period.source is ValueSource.RELEASE
    assert observation_note(revenue) == "quarter ended 2026-09-30, from the release of 2026-11-03"
    # 412,300 - 126,500 = 285,800 gross profit; 285,800 - 204,000 = 81,800 from operations
    assert observe("gross_margin", "ALAB", snap).value == pytest.approx(285_800 / 412_300)
    assert observe("operating_margin", "ALAB", snap).value == pytest.approx(81_800 / 412_300)
    # against the filed September quarter a year before: 230.6M
    assert observe("revenue_growth_yoy", "ALAB", snap).value == pytest.approx(412.3 / 230.6 - 1)
    eps = observe("eps_ttm", "ALAB", snap)  # 0.38 + 0.40 + 0.47 filed, 0.52 released
    assert eps.value == pytest.approx(1.77)
    assert eps.period is not None and eps.period.source is ValueSource.RELEASE


def test_the_filing_wins_once_it_has_the_quarter_and_the_release_is_kept_beside_it():
    snap = snap_of(with_q3_filed(415_000_000), Q2_RELEASE, Q3_RELEASE)
    revenue = observe("revenue_q", "ALAB", snap)
    assert (revenue.value, revenue.released) == (415_000_000, 412_300_000)
    assert revenue.period is not None and revenue.period.source is ValueSource.FILING
    margin = observe("gross_margin", "ALAB", snap)
    assert margin.value == pytest.approx(285_800 / 415_000)
    assert margin.released == pytest.approx(285_800 / 412_300)
    assert observation_note(margin, metric="gross_margin") == (
        "quarter ended 2026-09-30, filed 2026-11-04, the release said 69.3%"
    )


def test_a_filing_equal_to_the_release_leaves_nothing_beside_it():
    snap = snap_of(with_q3_filed(412_300_000), Q2_RELEASE, Q3_RELEASE)
    assert snap.release_first == {}
    revenue = observe("revenue_q", "ALAB", snap)
    assert (revenue.value, revenue.released) == (412_300_000, None)


def test_revenue_against_the_guide_the_release_before_gave():
    snap = snap_of(filed_through_q2(), Q2_RELEASE, Q3_RELEASE)
    beat = observe("revenue_vs_guide", "ALAB", snap)
    assert beat.value == pytest.approx(412.3 / 390 - 1)  # the midpoint of $385-395 million
    assert beat.period is not None and beat.period.end == Q3.end
    pinned = observe("revenue_vs_guide", "ALAB", snap, dt.date(2026, 6, 30))
    assert pinned.value is None and pinned.missing is not None  # no release guided June's
    assert pinned.missing.code is MissingCode.NO_GUIDANCE
    assert missing_text(pinned.missing) == (
        "no release of ALAB guided the revenue of the quarter ended 2026-06-30, filed 2026-08-04"
    )
    filed = snap_of(with_q3_filed(415_000_000), Q2_RELEASE, Q3_RELEASE)
    after = observe("revenue_vs_guide", "ALAB", filed)
    assert after.value == pytest.approx(415 / 390 - 1)
    assert after.released == pytest.approx(412.3 / 390 - 1)


def test_the_guide_and_non_gaap_eps():
    snap = snap_of(filed_through_q2(), Q2_RELEASE, Q3_RELEASE)
    guide = observe("guide_revenue", "ALAB", snap)
    assert guide.value == 445e6
    assert guide.period is not None and guide.period.kind is PeriodKind.GUIDED_QUARTER
    assert observation_note(guide) == "the quarter after 2026-09-30, guided 2026-11-03"
    assert observe("guide_revenue", "ALAB", snap, dt.date(2026, 9, 30)).value == 390e6
    assert observe("guide_revenue", "ALAB", snap, dt.date(2026, 12, 31)).value == 445e6
    assert observe("eps_nongaap_q", "ALAB", snap).value == 0.61
    assert observe("eps_nongaap_q", "ALAB", snap, dt.date(2026, 6, 30)).value == 0.55
    none = observe("eps_nongaap_q", "ALAB", snap_of(filed_through_q2()))
    assert none.missing is not None and none.missing.code is MissingCode.NO_RELEASE


def test_a_release_is_confirmed_when_xbrl_has_equal_revenue_net_income_and_eps():
    confirmed = check(Q3_RELEASE, with_q3_filed(412_300_000))
    assert confirmed.confirmed and confirmed.differences == ()
    assert confirmed.filed["revenue"] == 412_300_000
    differs = check(Q3_RELEASE, with_q3_filed(415_000_000, net_income=93_100_000))
    assert not differs.confirmed
    assert [(d.figure, d.release, d.filed) for d in differs.differences] == [
        ("revenue", 412_300_000, 415_000_000),
        ("net_income", 93_600_000, 93_100_000),
    ]
    waiting = check(Q3_RELEASE, filed_through_q2())
    assert not waiting.confirmed and waiting.differences == ()
    assert set(waiting.filed.values()) == {None}
    no_income = with_q3_filed(412_300_000)
    del no_income["net_income_q"]
    assert not check(Q3_RELEASE, no_income).confirmed  # net income is part of the proof


@pytest.mark.parametrize(
    ("figure", "release", "filed", "equal"),
    [
        ("revenue", 414_987_000, 414_987_400, True),  # printed in thousands: XBRL rounds to it
        ("revenue", 414_987_000, 414_988_000, False),
        ("revenue", 35_082_000_000, 35_082_400_000, True),  # in millions
        ("revenue", 35_082_000_000, 35_083_000_000, False),
        ("eps_diluted", 0.52, 0.52, True),
        ("eps_diluted", 0.52, 0.53, False),
    ],
)
def test_equal_is_equal_at_the_precision_the_release_printed(figure, release, filed, equal):
    assert same(figure, release, filed) is equal


def test_a_derived_fourth_quarter_may_be_one_unit_off():
    # NVIDIA Q4 FY24 operating income: 32,972 - 19,358 = 13,614 in XBRL; the release: 13,615
    assert same("operating_income", 13_615e6, 13_614e6, derived=True)
    assert not same("operating_income", 13_615e6, 13_614e6)


@pytest.mark.parametrize(
    ("quarter_end", "year_end", "label"),
    [
        (dt.date(2026, 9, 30), dt.date(2025, 12, 31), "Q3 FY26"),
        (dt.date(2026, 12, 31), dt.date(2025, 12, 31), "Q4 FY26"),
        (dt.date(2026, 3, 31), dt.date(2025, 12, 31), "Q1 FY26"),
        (dt.date(2026, 5, 15), dt.date(2025, 12, 31), None),  # not a quarter of that year
    ],
)
def test_the_fiscal_quarter_is_counted_from_the_fiscal_year_end(quarter_end, year_end, label):
    assert fiscal_label(quarter_end, [year_end]) == label
    assert fiscal_label(quarter_end, []) is None


# The quarters of the real releases, as ../shared/press_releases/README.md names them, with the
# fiscal years SEC's XBRL of the same company reports (../shared/realdata/sec).
REAL = [
    ("NVDA", "NVDA_0001045810-23-000225_q3fy24pr.htm", "Q3 FY24"),
    ("NVDA", "NVDA_0001045810-24-000028_q4fy24pr.htm", "Q4 FY24"),
    ("NVDA", "NVDA_0001045810-24-000113_q1fy25pr.htm", "Q1 FY25"),
    ("NVDA", "NVDA_0001045810-25-000207_q2fy26pr.htm", "Q2 FY26"),
    ("AAPL", "AAPL_0000320193-24-000005_a8-kex991q1202412302023.htm", "Q1 FY24"),
    ("AAPL", "AAPL_0000320193-25-000071_a8-kex991q3202506282025.htm", "Q3 FY25"),
    ("GOOGL", "GOOGL_0001652044-24-000076_googexhibit991q22024.htm", "Q2 FY24"),
]


@pytest.mark.parametrize(("ticker", "name", "label"), REAL, ids=[n for _, n, _ in REAL])
def test_real_releases_get_the_fiscal_quarter_their_company_names(ticker, name, label):
    (path,) = (REALDATA / "sec").glob(f"sec_companyfacts_{ticker}_CIK*.json")
    facts = json.loads(path.read_text())["facts"]["us-gaap"]
    results = read_release((PRESS_RELEASES / name).read_bytes())
    assert results.period_end is not None
    # the fiscal years SEC had before the release: 10-K years of 350-380 days
    year_ends = {
        dt.date.fromisoformat(f["end"])
        for concept in ("Revenues", "RevenueFromContractWithCustomerExcludingAssessedTax")
        for unit in facts.get(concept, {}).get("units", {}).values()
        for f in unit
        if f.get("form") == "10-K"
        and "start" in f
        and 350 <= (dt.date.fromisoformat(f["end"]) - dt.date.fromisoformat(f["start"])).days <= 380
        and dt.date.fromisoformat(f["filed"]) < results.period_end
    }
    assert fiscal_label(results.period_end, year_ends) == label
