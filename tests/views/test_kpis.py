"""The KPIs' read model (views/kpis.py) over hand-built records: grouped by kind and subject, the
kinds in their order, each series oldest first, a forecast told from an outcome, each value as its
sentence says it; and, on a real store, why a ticker has none."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from catalyst_tui.config import load_config
from catalyst_tui.store import Store
from catalyst_tui.thesis.kpis.statements import Kpi, StatedKpi
from catalyst_tui.views.kpis import (
    NONE_NAMED,
    NONE_STATED,
    kpi_series,
    load_kpis,
    stated_text,
)

NOW = dt.datetime(2026, 11, 20, 15, 0, tzinfo=dt.UTC)


def stated(kpi: Kpi, day: dt.date, url: str = "r") -> StatedKpi:
    return StatedKpi(kpi, day, "8-K EX-99.1", "results", url, 1)


# "Scorpio was over 10% of total revenue" (Q3), "Scorpio is expected to exceed 20% of revenue"
# (a forecast, Q3's call), "Scorpio was approximately 15% of revenue" (Q4).
SHARE_Q3 = Kpi("share", "Scorpio", 0.10, None, "over", "", False, "s1", 0, 10)
SHARE_AHEAD = Kpi("share", "Scorpio", 0.20, None, "over", "", True, "s2", 0, 10)
SHARE_Q4 = Kpi("share", "Scorpio", 0.15, None, "approximately", "", False, "s3", 0, 10)
# "Blackwell revenue grew 17% sequentially"; "Aries revenue was up 49% from a year ago".
BLACKWELL = Kpi("growth", "Blackwell", 0.17, None, "", "sequential", False, "g1", 0, 10)
ARIES = Kpi("growth", "aries", 0.49, None, "", "year over year", False, "g2", 0, 10)
# "The company raised its full-year guidance."
RAISED = Kpi("guidance", "", None, None, "", "raised", False, "r1", 0, 10)

Q3 = dt.date(2025, 11, 4)
Q4 = dt.date(2026, 2, 10)


def test_series_are_grouped_by_kind_then_subject_each_oldest_first():
    records = [
        stated(RAISED, Q3),
        stated(SHARE_Q3, Q3),
        stated(BLACKWELL, Q3),
        stated(SHARE_AHEAD, Q3),
        stated(ARIES, Q4),
        stated(SHARE_Q4, Q4),
    ]
    series = kpi_series(records)
    assert [s.title for s in series] == [
        "Scorpio · share of revenue",
        "aries · growth",
        "Blackwell · growth",
        "Guidance",
    ]
    share = series[0]
    assert [p.said for p in share.points] == ["over 10%", "over 20%, forecast", "approximately 15%"]
    assert [p.day for p in share.points] == [Q3, Q3, Q4]
    assert [p.outcome_or_forecast for p in share.points] == ["outcome", "forecast", "outcome"]
    assert [p.said for p in series[1].points] == ["+49% year over year"]
    assert [p.said for p in series[2].points] == ["+17% sequentially"]
    assert [p.said for p in series[3].points] == ["raised"]


def test_a_series_newest_outcome_and_newest_forecast():
    [share] = kpi_series([stated(SHARE_Q3, Q3), stated(SHARE_AHEAD, Q3), stated(SHARE_Q4, Q4)])
    assert share.newest_outcome is not None and share.newest_outcome.said == "approximately 15%"
    assert share.newest_outcome.day == Q4
    assert share.newest_forecast is not None and share.newest_forecast.said == "over 20%, forecast"
    # One document's values: the first it states is its outcome ("over 10% of total revenue,
    # with a Q4 exit rate closer to 20%").
    exit_rate = Kpi("share", "Scorpio", 0.20, None, "closer to", "Q4 exit rate", False, "s1", 0, 9)
    [share] = kpi_series([stated(SHARE_Q3, Q3), stated(exit_rate, Q3)])
    assert share.newest_outcome is not None and share.newest_outcome.said == "over 10%"
    assert (
        stated_text(share.newest_outcome) == "over 10%, stated 2025-11-04 in 8-K EX-99.1: results"
    )
    [guidance] = kpi_series([stated(RAISED, Q3)])
    assert guidance.newest_forecast is None
    assert kpi_series([]) == ()


def test_points_given_out_of_day_order_are_put_oldest_first():
    [share] = kpi_series([stated(SHARE_Q4, Q4, "b"), stated(SHARE_Q3, Q3, "a")])
    assert [p.stated.url for p in share.points] == ["a", "b"]


THESIS = """
[tickers.ALAB]
[[tickers.ALAB.checkpoints]]
id = "fifth"
title = "Scorpio a fifth of revenue"
kind = "target"
when = "share(Scorpio) >= 20%"
due = 2099-12-31
[tickers.PFE]
[[tickers.PFE.checkpoints]]
id = "raised"
title = "Guidance raised"
kind = "guard"
when = 'guidance == "raised"'
[tickers.NVDA]
[[tickers.NVDA.checkpoints]]
id = "gm"
title = "Gross margin"
kind = "guard"
when = "gross_margin >= 70%"
"""


def test_without_kpis_the_view_says_why(tmp_path: Path):
    path = tmp_path / "catalysts.toml"
    path.write_text(THESIS)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(load_config(path), NOW)
        # a condition names a KPI, by a product or the guidance alone, before anything is read
        assert load_kpis(store, "ALAB").reason == NONE_STATED
        assert load_kpis(store, "PFE").reason == NONE_STATED
        store.kpis.record("ALAB", ["Scorpio"], [], 0, NOW)  # read for Scorpio, nothing stated
        view = load_kpis(store, "ALAB")
        assert (view.series, view.reason) == ((), NONE_STATED)
        assert load_kpis(store, "NVDA").reason == NONE_NAMED
        assert load_kpis(store, "CRDO").reason == NONE_NAMED
