"""Why a metric has no value, in words: one sentence from a Missing's code and parameters (the
sentences about a checkpoint are thesis/wording.py's, which uses these), a period as words, and why
a return is not given."""

from __future__ import annotations

import datetime as dt

from ..text import counted
from .catalogue import METRICS
from .kpis.wording import KPI_CODES, kpi_missing_text
from .lines.wording import LINE_CODES, line_missing_text
from .observation import Missing, MissingCode, Period, PeriodKind, ValueSource

__all__ = ["missing_text", "no_return_text", "period_words"]


def period_words(period: Period, *, filed: bool) -> str:
    end = period.end.isoformat()
    released = period.source == ValueSource.RELEASE
    when = "from the release of" if released else "filed"
    if period.kind == PeriodKind.QUARTER:
        if filed and period.filed is not None:
            return f"quarter ended {end}, {when} {period.filed.isoformat()}"
        return f"quarter ended {end}" + (" (release)" if released else "")
    if period.kind == PeriodKind.GUIDED_QUARTER:
        guided = f", guided {period.filed.isoformat()}" if filed and period.filed else ""
        return f"the quarter after {end}{guided}"
    of = " (release)" if released else ""
    if period.kind == PeriodKind.FISCAL_YEAR:
        return f"fiscal year ended {end}{of}"
    return f"four quarters to {end}{of}"


def missing_text(missing: Missing | None) -> str:
    """Why a metric has no value, as one sentence: 'no quote yet for ALAB: run a refresh'."""
    if missing is None:
        return ""
    code, symbol = missing.code, missing.symbol
    if code in _ABOUT_SYMBOL:
        return _ABOUT_SYMBOL[code].format(symbol=symbol)
    row = METRICS.get(missing.metric)
    figure = row.figure if row is not None and row.figure else missing.metric
    quarter = "" if missing.quarter is None else period_words(missing.quarter, filed=True)
    if code in _ABOUT_FIGURE:
        return _ABOUT_FIGURE[code].format(
            figure=figure,
            metric=missing.metric,
            quarter=quarter,
            symbol=symbol,
            text=missing.text,
            symbols=", ".join(missing.symbols),
            currency=missing.currency,
        )
    value = 0.0 if missing.value is None else missing.value  # an EPS, a count of analysts
    match code:
        case MissingCode.NOT_REPORTED | MissingCode.NO_REVENUE_QUARTER:
            what = figure if code == MissingCode.NOT_REPORTED else "revenue"
            if missing.pin is None:
                return f"no {what} reported for {symbol} yet"
            return f"{symbol} has not reported {what} for the period ending {missing.pin}"
        case MissingCode.PE_UNDEFINED:
            return f"P/E is undefined: EPS TTM of {symbol} is {value:.2f}"
        case MissingCode.NO_GUIDANCE:
            if missing.quarter is not None and missing.quarter.kind == PeriodKind.QUARTER:
                return f"no release of {symbol} guided the revenue of the {quarter}"
            if missing.pin is not None:
                return f"no release of {symbol} guided the quarter ending {missing.pin}"
            return f"the latest release of {symbol} gives no next-quarter revenue guidance"
        case MissingCode.NO_RETURN:
            return f"no return against the benchmark for {symbol}: {no_return_text(missing.text)}"
        case MissingCode.FEW_ANALYSTS:
            analysts = counted(round(value), "analyst")
            return f"the {figure} consensus of {symbol} is of {analysts}: too few"
        case MissingCode.FORWARD_PE_UNDEFINED:
            near = 0 < value < 0.005
            said = f"{value:.3g}, too near zero" if near else f"{value:.2f}"
            return f"forward P/E is undefined: the fiscal-year EPS consensus of {symbol} is {said}"
        case MissingCode.SEC_FAILED:
            return (
                f"no fundamentals yet for {symbol}: SEC EDGAR could not be asked at "
                f"{_moment_words(missing.text)} (`catalyst status` says why); catalyst asks "
                "again at the next refresh"
            )
        case MissingCode.SEC_PAUSED:
            return (
                f"no fundamentals yet for {symbol}: SEC EDGAR refused the last request; catalyst "
                f"asks again after {_moment_words(missing.text)}"
            )
        case _ if code in LINE_CODES:  # a product line's (thesis/lines/wording.py)
            return line_missing_text(missing, quarter)
        case _ if code in KPI_CODES:  # a KPI read from words (thesis/kpis/wording.py)
            return kpi_missing_text(missing)
    return missing.text  # RECORDED: the sentence as an earlier version stored it


def _moment_words(text: str) -> str:
    try:
        return f"{dt.datetime.fromisoformat(text).astimezone(dt.UTC):%Y-%m-%d %H:%M} UTC"
    except ValueError:
        return text


#: The sentences that name only the symbol.
_ABOUT_SYMBOL = {
    MissingCode.NO_QUOTE: "no quote yet for {symbol}: run a refresh",
    MissingCode.NO_PREVIOUS_CLOSE: "no previous close for {symbol} yet",
    MissingCode.NO_YEAR_HIGH: "no 52-week high for {symbol} yet",
    MissingCode.NO_SEC_USER_AGENT: "no fundamentals yet for {symbol}: set providers.sec.user_agent",
    MissingCode.NO_FUNDAMENTALS_YET: "no fundamentals yet for {symbol}: not read from SEC EDGAR "
    "yet (a refresh that reaches it reads them)",
    MissingCode.NOT_AT_SEC: "no fundamentals for {symbol}: SEC EDGAR lists no such filer (a "
    "listing outside the US files elsewhere); judge such checkpoints by hand or by their evidence",
    MissingCode.NO_SHARES_OUTSTANDING: "no shares outstanding reported for {symbol}",
    MissingCode.NO_LOTS: "no lots of {symbol}: gain_pct needs a position",
    MissingCode.NO_POSITION: "no lots of {symbol}: a weight needs a position (enter your lots)",
    MissingCode.SOLD: "{symbol} is sold: gain_pct is of what is held",
    MissingCode.COSTLESS_LOTS: "the lots of {symbol} cost nothing: no gain to measure",
    MissingCode.NO_ESTIMATES: "no estimates of the Street for {symbol} yet: they come with a "
    "refresh, once a day, from Yahoo",
    MissingCode.NO_REVISION_TREND: "no fiscal-year EPS consensus of {symbol} 30 days ago",
    MissingCode.NO_RELEASE: "no earnings release of {symbol} read yet: they come with its "
    "8-K filings",
}


#: The sentences that name the figure (its catalogue name, else the metric), the metric, the
#: quarter, the symbol, the Missing's text, its symbols or its currency: each a template of
#: these, nothing computed.
_ABOUT_FIGURE = {
    MissingCode.UNQUOTED_HOLDINGS: "no quote yet for {symbols}",
    MissingCode.NO_FX_RATE: "no FX rate to {currency} yet for {symbols}",
    MissingCode.WORTHLESS_HOLDINGS: "the holdings ({symbols}) are worth 0 at the stored prices",
    MissingCode.STREET_CURRENCY: "the fiscal-year EPS consensus of {symbol} is in {currency}, "
    "its quote in {text}: no FX rate stored to convert it yet",
    MissingCode.FEWER_THAN_FOUR_QUARTERS: "fewer than four consecutive quarters of {figure} for "
    "{symbol}",
    MissingCode.NOT_IN_QUARTER: "no {figure} for the {quarter} of {symbol}",
    MissingCode.NO_YEAR_EARLIER: "no revenue a year before the {quarter} of {symbol}",
    MissingCode.NOT_FINITE: "{metric} of {symbol} is not a finite number from the stored data",
    MissingCode.NO_CONSENSUS: "no consensus of the Street for the {figure} of {symbol}",
    MissingCode.STREET_PERIOD_ENDED: "the Street's consensus for the {figure} of {symbol} is for "
    "the period that ended {text}, reported since (or long past its report): not current; a "
    "refresh reads the next",
    MissingCode.NO_FROZEN_CONSENSUS: "no consensus of the Street was kept before the {quarter} "
    "of {symbol}",
    MissingCode.QUOTE_FAILED: "no quote yet for {symbol}: the last refresh could not get one "
    "({text})",
    MissingCode.METRIC_FAILED: "{metric} of {symbol} could not be computed ({text})",
}


_NO_RETURN = {
    "no_flows": "nothing bought in this span",
    "one_day": "every flow is on one day: no time to grow",
    "no_sign_change": "money only put in or only taken out",
    "out_of_range": "beyond a millionfold either way (a year's, or over the span when shorter)",
    "several_rates": "more than one rate fits these flows",
    "no_value": "no price stored for a day it needs",
    "no_benchmark": "the benchmark has no price stored for a day it needs",
    "undated": "a lot without its date: it cannot be placed in time",
    "no_rate": "no exchange rate stored for a day it needs",
}


def no_return_text(reason: str | None) -> str:
    """Why a return is not given, in words."""
    return _NO_RETURN.get(reason or "", "not computed")
