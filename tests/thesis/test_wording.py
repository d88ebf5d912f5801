"""Reasons in words, from their parts: every kind of reason, what a value is of (a quarter with
and without its filing date, a fiscal year, four quarters, a portfolio, a stale quote's age), why
there is none (every Missing code), and the short comparison a notification shows."""

from __future__ import annotations

import datetime as dt

import pytest

from catalyst_tui.thesis.conditions import parse_condition
from catalyst_tui.thesis.evaluate import Reason, Why
from catalyst_tui.thesis.observation import (
    Missing,
    MissingCode,
    Observation,
    Period,
    PeriodKind,
    ValueSource,
)
from catalyst_tui.thesis.wording import (
    comparison,
    format_value,
    missing_text,
    observation_note,
    reason_text,
)

TODAY = dt.date(2026, 11, 22)
DUE = dt.date(2026, 12, 31)
GM = parse_condition("gross_margin >= 70%")
REV = parse_condition("revenue_q >= 360M")
QUARTER = Period(PeriodKind.QUARTER, dt.date(2026, 9, 30), dt.date(2026, 11, 4))
RELEASED = Period(
    PeriodKind.QUARTER, dt.date(2026, 9, 30), dt.date(2026, 11, 3), ValueSource.RELEASE
)


@pytest.mark.parametrize(
    ("reason", "condition", "sentence"),
    [
        (Reason(Why.NOTHING), None, ""),
        (Reason(Why.DUE_AHEAD, DUE), None, "due 2026-12-31, 39 days left"),
        (Reason(Why.DUE_AHEAD, TODAY + dt.timedelta(days=1)), None, "due 2026-11-23, 1 day left"),
        (Reason(Why.DUE_PASSED, DUE), None, "due 2026-12-31 passed while pending"),
        (Reason(Why.FINAL, DUE, observed=Observation(0.71)), GM, "final since 2026-12-31"),
        (Reason(Why.MARKED_MET, note="Q3 call"), None, "marked met by hand: Q3 call"),
        (Reason(Why.MARKED_MISSED), GM, "marked missed by hand"),
        (Reason(Why.REOPENED, note="wrong data"), None, "reopened by hand: wrong data"),
        (Reason(Why.RECORDED, note="as written before"), GM, "as written before"),
        (
            Reason(Why.NO_VALUE, observed=Observation(None, Missing(MissingCode.NO_QUOTE, "ALAB"))),
            GM,
            "no quote yet for ALAB: run a refresh",
        ),
        (
            Reason(Why.COMPARED, observed=Observation(0.6912, period=QUARTER), op="<"),
            GM,
            "gross_margin 69.1% < 70% (quarter ended 2026-09-30, filed 2026-11-04)",
        ),
        (
            Reason(Why.STILL_MET, observed=Observation(301.5e6), op="<"),
            REV,
            "met; now revenue_q $301.5M < $360M",
        ),
        (
            Reason(
                Why.STILL_MET,
                observed=Observation(None, Missing(MissingCode.NOT_REPORTED, "ALAB", "revenue_q")),
            ),
            REV,
            "met; now no quarterly revenue reported for ALAB yet",
        ),
        (
            Reason(Why.NEVER_HELD, dt.date(2026, 9, 30), observed=Observation(301.5e6), op="<"),
            REV,
            "due 2026-09-30 passed and it never held (revenue_q $301.5M < $360M)",
        ),
    ],
)
def test_every_reason_reads_as_a_sentence(reason, condition, sentence):
    assert reason_text(reason, condition, TODAY) == sentence


@pytest.mark.parametrize(
    ("observed", "note"),
    [
        (Observation(1.0, period=QUARTER), "quarter ended 2026-09-30, filed 2026-11-04"),
        (Observation(1.0, period=QUARTER._replace(filed=None)), "quarter ended 2026-09-30"),
        (
            Observation(1.0, period=Period(PeriodKind.FISCAL_YEAR, dt.date(2025, 12, 31))),
            "fiscal year ended 2025-12-31",
        ),
        (
            Observation(1.0, period=Period(PeriodKind.FOUR_QUARTERS, dt.date(2026, 9, 30))),
            "four quarters to 2026-09-30",
        ),
        (Observation(0.752, portfolio=15_152.40, currency="EUR"), "of a 15,152 EUR portfolio"),
        # Stored before the portfolio's currency was: said without it, never another's.
        (Observation(0.752, portfolio=15_152.40), "of a 15,152 portfolio"),
        (Observation(1.0, stale_seconds=5 * 3600 + 100), "stale quote, 5h old"),
        (Observation(1.0, stale_seconds=12 * 60), "stale quote, 12m old"),
        (Observation(0.0, note="no lots of CRDO"), "no lots of CRDO"),
        (Observation(1.0), ""),
        (
            Observation(1.0, period=RELEASED),
            "quarter ended 2026-09-30, from the release of 2026-11-03",
        ),
        (
            Observation(1.0, period=RELEASED._replace(filed=None)),
            "quarter ended 2026-09-30 (release)",
        ),
        (
            Observation(1.0, period=RELEASED._replace(kind=PeriodKind.FOUR_QUARTERS)),
            "four quarters to 2026-09-30 (release)",
        ),
        (
            Observation(1.0, period=RELEASED._replace(kind=PeriodKind.GUIDED_QUARTER)),
            "the quarter after 2026-09-30, guided 2026-11-03",
        ),
    ],
)
def test_what_a_value_is_of(observed, note):
    assert observation_note(observed) == note


def test_a_filed_value_the_release_gave_otherwise_says_what_the_release_said():
    rev = Reason(
        Why.COMPARED, observed=Observation(415e6, period=QUARTER, released=412.3e6), op=">="
    )
    assert reason_text(rev, REV, TODAY) == (
        "revenue_q $415M >= $360M (quarter ended 2026-09-30, filed 2026-11-04, the release said"
        " $412.3M)"
    )


def test_a_notification_keeps_the_period_and_drops_the_filing_date():
    reason = Reason(Why.COMPARED, observed=Observation(0.6912, period=QUARTER), op="<")
    assert (
        comparison(GM, reason, filed=False) == "gross_margin 69.1% < 70% (quarter ended 2026-09-30)"
    )
    weight = parse_condition("weight <= 15%")
    heavy = Reason(Why.COMPARED, observed=Observation(0.752, portfolio=15_152.40), op=">")
    assert comparison(weight, heavy, filed=False) == "weight 75.2% > 15% (of a 15,152 portfolio)"
    none = Observation(None, Missing(MissingCode.NO_QUOTE, "ALAB"))
    assert comparison(GM, Reason(Why.NO_VALUE, observed=none)) == ""


PIN = dt.date(2026, 12, 31)
MISSING_SENTENCES = [
    (Missing(MissingCode.NO_QUOTE, "ALAB"), "no quote yet for ALAB: run a refresh"),
    (
        Missing(
            MissingCode.QUOTE_FAILED,
            "ALAB",
            text="cannot connect to stooq.com/q/l/: the "
            "connection was refused (nothing listens there)",
        ),
        "no quote yet for ALAB: the last refresh could not get one (cannot connect to "
        "stooq.com/q/l/: the connection was refused (nothing listens there))",
    ),
    (Missing(MissingCode.NO_PREVIOUS_CLOSE, "ALAB"), "no previous close for ALAB yet"),
    (Missing(MissingCode.NO_YEAR_HIGH, "ALAB"), "no 52-week high for ALAB yet"),
    (
        Missing(MissingCode.NO_SEC_USER_AGENT, "ALAB"),
        "no fundamentals yet for ALAB: set providers.sec.user_agent",
    ),
    (
        Missing(MissingCode.NO_FUNDAMENTALS_YET, "ALAB"),
        "no fundamentals yet for ALAB: not read from SEC EDGAR yet"
        " (a refresh that reaches it reads them)",
    ),
    (
        Missing(MissingCode.NOT_AT_SEC, "SAP.DE"),
        "no fundamentals for SAP.DE: SEC EDGAR lists no such filer (a listing outside the US files "
        "elsewhere); judge such checkpoints by hand or by their evidence",
    ),
    (
        Missing(MissingCode.SEC_FAILED, "ALAB", text="2026-11-21T13:00:00+00:00"),
        "no fundamentals yet for ALAB: SEC EDGAR could not be asked at 2026-11-21 13:00 UTC "
        "(`catalyst status` says why); catalyst asks again at the next refresh",
    ),
    (
        Missing(MissingCode.SEC_PAUSED, "ALAB", text="2026-11-21T13:00:00+00:00"),
        "no fundamentals yet for ALAB: SEC EDGAR refused the last request; catalyst asks again "
        "after 2026-11-21 13:00 UTC",
    ),
    (
        Missing(MissingCode.NOT_REPORTED, "ALAB", "revenue_q"),
        "no quarterly revenue reported for ALAB yet",
    ),
    (
        Missing(MissingCode.NOT_REPORTED, "ALAB", "revenue_fy", PIN),
        "ALAB has not reported fiscal-year revenue for the period ending 2026-12-31",
    ),
    (Missing(MissingCode.NO_REVENUE_QUARTER, "ALAB"), "no revenue reported for ALAB yet"),
    (
        Missing(MissingCode.NO_REVENUE_QUARTER, "ALAB", pin=PIN),
        "ALAB has not reported revenue for the period ending 2026-12-31",
    ),
    (
        Missing(MissingCode.FEWER_THAN_FOUR_QUARTERS, "ALAB", "revenue_ttm"),
        "fewer than four consecutive quarters of revenue for ALAB",
    ),
    (
        Missing(MissingCode.FEWER_THAN_FOUR_QUARTERS, "ALAB", "eps_ttm"),
        "fewer than four consecutive quarters of diluted EPS for ALAB",
    ),
    (
        Missing(MissingCode.NOT_IN_QUARTER, "ALAB", "gross_margin", quarter=QUARTER),
        "no gross profit for the quarter ended 2026-09-30, filed 2026-11-04 of ALAB",
    ),
    (
        Missing(
            MissingCode.NOT_IN_QUARTER,
            "ALAB",
            "operating_margin",
            quarter=QUARTER._replace(filed=None),
        ),
        "no operating income for the quarter ended 2026-09-30 of ALAB",
    ),
    (
        Missing(MissingCode.NO_YEAR_EARLIER, "ALAB", quarter=QUARTER),
        "no revenue a year before the quarter ended 2026-09-30, filed 2026-11-04 of ALAB",
    ),
    (Missing(MissingCode.NO_SHARES_OUTSTANDING, "ALAB"), "no shares outstanding reported for ALAB"),
    (
        Missing(MissingCode.PE_UNDEFINED, "ALAB", value=-0.25),
        "P/E is undefined: EPS TTM of ALAB is -0.25",
    ),
    (
        Missing(MissingCode.UNQUOTED_HOLDINGS, "ALAB", symbols=("CRDO", "NVDA")),
        "no quote yet for CRDO, NVDA",
    ),
    (
        Missing(MissingCode.NO_FX_RATE, "ALAB", symbols=("SAP",), currency="USD"),
        "no FX rate to USD yet for SAP",
    ),
    (Missing(MissingCode.NO_LOTS, "ALAB"), "no lots of ALAB: gain_pct needs a position"),
    (
        Missing(MissingCode.NO_POSITION, "CRDO"),
        "no lots of CRDO: a weight needs a position (enter your lots)",
    ),
    (Missing(MissingCode.SOLD, "ALAB"), "ALAB is sold: gain_pct is of what is held"),
    (
        Missing(MissingCode.WORTHLESS_HOLDINGS, "ALAB", symbols=("ALAB", "NVDA")),
        "the holdings (ALAB, NVDA) are worth 0 at the stored prices",
    ),
    (
        Missing(MissingCode.NOT_FINITE, "ALAB", "gross_margin"),
        "gross_margin of ALAB is not a finite number from the stored data",
    ),
    (
        Missing(MissingCode.METRIC_FAILED, "ALAB", "weight", text="ZeroDivisionError: division"),
        "weight of ALAB could not be computed (ZeroDivisionError: division)",
    ),
    (
        Missing(MissingCode.COSTLESS_LOTS, "ALAB"),
        "the lots of ALAB cost nothing: no gain to measure",
    ),
    (
        Missing(MissingCode.NO_RELEASE, "ALAB"),
        "no earnings release of ALAB read yet: they come with its 8-K filings",
    ),
    (
        Missing(MissingCode.NO_GUIDANCE, "ALAB", quarter=RELEASED),
        "no release of ALAB guided the revenue of the quarter ended 2026-09-30, from the release "
        "of 2026-11-03",
    ),
    (
        Missing(MissingCode.NO_GUIDANCE, "ALAB", pin=PIN),
        "no release of ALAB guided the quarter ending 2026-12-31",
    ),
    (
        Missing(MissingCode.NO_GUIDANCE, "ALAB"),
        "the latest release of ALAB gives no next-quarter revenue guidance",
    ),
    (
        Missing(MissingCode.NOT_IN_QUARTER, "ALAB", "eps_nongaap_q", quarter=RELEASED),
        "no non-GAAP diluted EPS for the quarter ended 2026-09-30, from the release of 2026-11-03"
        " of ALAB",
    ),
    (
        Missing(MissingCode.NO_RETURN, "ALAB", text="undated"),
        "no return against the benchmark for ALAB: a lot without its date: it cannot be placed in "
        "time",
    ),
    (
        Missing(MissingCode.NO_ESTIMATES, "ALAB"),
        "no estimates of the Street for ALAB yet: they come with a refresh, once a day, from Yahoo",
    ),
    (
        Missing(MissingCode.NO_CONSENSUS, "ALAB", "eps_estimate_fy"),
        "no consensus of the Street for the fiscal year's EPS of ALAB",
    ),
    (
        Missing(MissingCode.STREET_PERIOD_ENDED, "AVGO", "eps_estimate_fy", text="2025-09-30"),
        "the Street's consensus for the fiscal year's EPS of AVGO is for the period that ended"
        " 2025-09-30, reported since (or long past its report): not current; a refresh reads the"
        " next",
    ),
    (
        Missing(MissingCode.FEW_ANALYSTS, "ALAB", "revenue_estimate_q", value=1),
        "the quarter's revenue consensus of ALAB is of 1 analyst: too few",
    ),
    (
        Missing(MissingCode.NO_REVISION_TREND, "ALAB"),
        "no fiscal-year EPS consensus of ALAB 30 days ago",
    ),
    (
        Missing(MissingCode.FORWARD_PE_UNDEFINED, "ALAB", value=-0.4),
        "forward P/E is undefined: the fiscal-year EPS consensus of ALAB is -0.40",
    ),
    (
        Missing(MissingCode.FORWARD_PE_UNDEFINED, "ALAB", value=1e-300),
        "forward P/E is undefined: the fiscal-year EPS consensus of ALAB is 1e-300, too near zero",
    ),
    (
        Missing(MissingCode.STREET_CURRENCY, "BABA", currency="CNY", text="USD"),
        "the fiscal-year EPS consensus of BABA is in CNY, its quote in USD: no FX rate stored to "
        "convert it yet",
    ),
    (
        Missing(MissingCode.NO_FROZEN_CONSENSUS, "ALAB", "revenue_vs_consensus", quarter=RELEASED),
        "no consensus of the Street was kept before the quarter ended 2026-09-30, from the release "
        "of 2026-11-03 of ALAB",
    ),
    (
        Missing(MissingCode.NO_LINE_SPLITS, "ALAB", "line_lead", text="Scorpio"),
        "no 10-Q or 10-K of ALAB read for product lines yet",
    ),
    (
        Missing(MissingCode.NO_PRODUCT_LINES, "ALAB", "line_lead", text="Scorpio"),
        "ALAB's filings state no revenue by product line",
    ),
    (
        Missing(MissingCode.ONE_LINE, "ALAB", "line_lead", text="Scorpio"),
        "Scorpio is the only product line ALAB's filings state",
    ),
    (
        Missing(MissingCode.SUM_OF_LINES, "NVDA", "line_lead", text="Data Center"),
        "Data Center is the sum of other lines NVDA's filings state: name one of them",
    ),
    (
        Missing(
            MissingCode.UNKNOWN_LINE,
            "ALAB",
            "line_share",
            text="Scorpion",
            symbols=("Scorpio",),
            quarter=Period(PeriodKind.QUARTER, dt.date(2026, 9, 30)),
        ),
        "the quarter ended 2026-09-30 of ALAB names no line 'Scorpion' (Scorpio?)",
    ),
    (
        Missing(
            MissingCode.NO_LINE_TOTAL,
            "ALAB",
            "line_share",
            text="Scorpio",
            quarter=Period(PeriodKind.QUARTER, dt.date(2026, 9, 30)),
        ),
        "no total revenue for the quarter ended 2026-09-30 of ALAB",
    ),
    (
        Missing(
            MissingCode.NO_LINE_YEAR_EARLIER,
            "ALAB",
            "line_growth",
            text="Scorpio",
            quarter=Period(PeriodKind.QUARTER, dt.date(2026, 9, 30)),
        ),
        "no revenue of Scorpio a year before for the quarter ended 2026-09-30 of ALAB",
    ),
    (
        Missing(MissingCode.NO_KPI, "ALAB", "share", text="Scorpio"),
        "no release, call or filing read so far states Scorpio's share of revenue",
    ),
    (
        Missing(MissingCode.NO_KPI, "NVDA", "growth", text="Blackwell"),
        "no release, call or filing read so far states Blackwell's revenue growth",
    ),
    (
        Missing(MissingCode.NO_KPI, "PFE", "guidance"),
        "no release, call or filing read so far states the direction of PFE's guidance",
    ),
    (
        Missing(
            MissingCode.KPI_FORECAST_ONLY,
            "ALAB",
            "share",
            text="Scorpio",
            symbols=("over 10%, forecast (ALAB 8-K EX-99.1 of 2025-08-05)",),
        ),
        "only forecasts of Scorpio's share of revenue read so far, the newest over 10%, "
        "forecast (ALAB 8-K EX-99.1 of 2025-08-05): a forecast is not what happened",
    ),
    (
        Missing(
            MissingCode.KPI_UNSETTLED,
            "ALAB",
            "growth",
            text="Scorpio",
            symbols=("+5% to 15% sequentially (ALAB 8-K EX-99.1 of 2026-05-05)", ">= 10%"),
        ),
        "Scorpio's revenue growth: +5% to 15% sequentially (ALAB 8-K EX-99.1 of 2026-05-05) "
        "does not say whether it is >= 10%",
    ),
    (
        Missing(MissingCode.RECORDED, text="as an earlier version wrote it"),
        "as an earlier version wrote it",
    ),
]


@pytest.mark.parametrize(("missing", "sentence"), MISSING_SENTENCES)
def test_why_a_value_is_missing_reads_as_a_sentence(missing, sentence):
    assert missing_text(missing) == sentence
    reason = Reason(Why.NO_VALUE, observed=Observation(None, missing))
    assert reason_text(reason, GM, TODAY) == sentence


def test_every_missing_code_has_its_sentence():
    covered = {missing.code for missing, _ in MISSING_SENTENCES}
    assert covered == set(MissingCode)


@pytest.mark.parametrize(
    ("metric", "value", "shown"),
    [
        ("gross_margin", 0.6912, "69.1%"),
        ("revenue_q", 415e6, "$415M"),
        ("revenue_q", 412.3e6, "$412.3M"),
        ("forward_pe", 44.5, "44.5x"),
        ("pe_ttm", 212.4, "212x"),
        ("revenue_fy", 1.25e9, "$1.25B"),
        ("price", 187.925, "187.93"),
        ("price", 1234.5, "1,234.50"),
        ("eps_ttm", -0.004, "-0.00"),
    ],
)
def test_values_as_people_write_them(metric, value, shown):
    assert format_value(metric, value) == shown


def test_a_transition_reads_as_the_tui_says_it_when_its_kind_is_known():
    from catalyst_tui.thesis.evaluate import Evaluation
    from catalyst_tui.thesis.wording import transition_text

    guard = Evaluation("ALAB", "gm", "pending", "met", Reason(Why.NOTHING), None, "guard")
    assert transition_text(guard, TODAY).startswith("ALAB/gm: pending -> holding")
    unknown = guard._replace(kind="")  # as stored when the kind is not known
    assert transition_text(unknown, TODAY).startswith("ALAB/gm: pending -> met")
    missed = guard._replace(previous="met", status="missed")
    assert transition_text(missed, TODAY).startswith("ALAB/gm: holding -> missed")
    target = guard._replace(checkpoint_id="rev", kind="target")
    assert transition_text(target, TODAY).startswith("ALAB/rev: pending -> met")
