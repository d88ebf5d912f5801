"""Evaluation results in words: metric values as people write them, what a value is of, why
there is none, the reason for a status, a transition and what a mark by hand did. The one place
sentences about a checkpoint are built from a Reason's and a Missing's parts; the TUI, the CLI and
notifications call it where they show one, and nothing parses the sentences back."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from ..text import counted
from .catalogue import METRICS, Unit
from .conditions import OPERATORS
from .figures import alone, pair, spelled_money, unit_of
from .judgement import SETTLED_BY_REPORT, Evaluation, Reason, Why
from .kinds import status_word
from .missing_words import missing_text as missing_text
from .missing_words import no_return_text as no_return_text
from .missing_words import period_words
from .portfolio.returns import Basis, basis_text
from .vocabulary import NONE, Status

if TYPE_CHECKING:
    import datetime as dt

    from .conditions import Condition
    from .observation import Observation
    from .reported.forecast import Forecast

# One format per kind of figure, written here and nowhere else (tests/thesis/test_formats.py):
# a percentage (69.1%), a multiple (44.5x), money with its currency ($415M, 415M CHF: a
# company's amounts as its release writes them), a per-share amount or a price (187.93). The
# CLI, the TUI, the report and notifications call these; an account's own money (a position's
# value, a P&L) is shown to the cent in its currency (tui/format.py, cli/output).


def format_value(metric: str, value: float, currency: str | None = None) -> str:
    """A metric value as people write it: 69.1%, 44.5x, $415M, $1.25B, 187.93, raised (a word
    metric's value is its word's index in its row's words). `currency`: the
    money a listing's amount is in (None: the metric's own, USD for SEC's figures), after a
    per-share amount given one (1.23 USD)."""
    row = METRICS.get(metric)
    if row is not None and row.ratio:
        return percent(value)
    if row is not None and row.word:  # its word's index in the row's words
        index = int(value)
        return row.words[index] if index == value and 0 <= index < len(row.words) else f"{value:g}"
    if row is not None and row.unit is Unit.MULTIPLE:
        return multiple(value)
    if row is not None and row.unit is Unit.MONEY and not row.per_share:
        return money(value, row.currency(None) if currency is None else currency)
    return f"{value:,.2f}" + (f" {currency}" if currency else "")


def json_value(metric: str, value: float | None) -> float | str | None:
    """A value as `--json` writes it: a word metric's word ("raised"), any other's number."""
    row = METRICS.get(metric)
    if value is None or row is None or not row.word:
        return value
    return format_value(metric, value)


def percent(fraction: float, *, places: int = 1) -> str:
    """A fraction as a percentage: 0.6912 is 69.1%."""
    return f"{fraction * 100:.{places}f}%"


def multiple(value: float) -> str:
    """A price over earnings: 44.5x, 212x from 100 on (its tenths say nothing there)."""
    return f"{value:,.0f}x" if abs(value) >= 100 else f"{value:.1f}x"


def money(value: float, currency: str = "USD") -> str:
    """An amount as a release headline writes it: $412.3M, $389M, $1.25B, $950K; in another
    currency its code after it (412.3M CHF), none when the currency is not known ("")."""
    number, unit = _scaled(value)
    return spelled_money("-" if value < 0 else "", number, unit, currency)


def account_money(value: float, currency: str) -> str:
    """An account's own money in whole units with its currency's code: 32,709 USD (a
    portfolio's total beside a weight; to the cent where it is the figure itself)."""
    return f"{value:,.0f}" + (f" {currency}" if currency else "")


def compared(
    metric: str, value: float, op: str, threshold: float, currency: str | None = None
) -> tuple[str, str]:
    """A value and its threshold as a reason shows them side by side, in one unit ($3.408B and
    $3.4089B, 51.4x and 200x, 69.1% and 70%): the threshold with every digit it was written
    with, the value with its kind's own and the fewest more that keep `value op threshold`
    true as shown (thesis/figures.py): 'eps_ttm 3.288 < 3.29', never '3.29 < 3.29'. `op` is
    the comparison the reason states; a word metric's figures are its words."""
    row = METRICS.get(metric)
    if row is not None and row.word:  # its word, as the condition writes it: in double quotes
        return format_value(metric, value), f'"{format_value(metric, threshold)}"'
    return pair(metric, value, op, threshold, currency)


def value_against(condition: Condition, value: float | None, op: str = "") -> tuple[str, str]:
    """A checkpoint's value and its target as its row shows them side by side: ('69.1%',
    '>= 70%'), ('—', '>= $1.55B'); the value with the digits of the comparison `op` its reason
    states (none stated: the one that holds), so that the two never read against it."""
    metric, threshold = condition.metric, condition.threshold
    if value is None:
        return NONE, f"{condition.op} {threshold_text(metric, threshold)}"
    if op not in OPERATORS:
        op = "<" if value < threshold else ">" if value > threshold else "=="
    shown, bound = compared(metric, value, op, threshold)
    return shown, f"{condition.op} {bound}"


def threshold_text(metric: str, threshold: float, currency: str | None = None) -> str:
    """A threshold by itself in its metric's unit, with every digit it was written with:
    $1.55B, 200x, 70%, 3.29; a word metric's, its word in double quotes ("raised")."""
    row = METRICS.get(metric)
    if row is not None and row.word:
        return f'"{format_value(metric, threshold)}"'
    return alone(metric, threshold, currency)


def money_range(low: float, high: float) -> str:
    """$440–450M; $950M–1.05B when the ends are in different units; $445M for one figure.
    Ends that the usual digits would round alike or away from what was said get the digits
    that tell them apart, both alike: $2.015–2.025B (not $2.02–2.02B), $2.000–2.015B."""
    if low == high:
        return money(low)
    (low_number, low_unit), (high_number, high_unit) = _scaled(low), _scaled(high)
    if low_unit != high_unit:
        return f"{money(low)}–{money(high)[1:]}"
    factor, _unit, digits = unit_of(high)
    places = next(
        (
            p
            for p in range(digits, digits + 4)
            if _exact(low / factor, p) and _exact(high / factor, p)
        ),
        digits + 3,
    )
    if places == digits:
        return f"${low_number}–{high_number}{high_unit}"
    return f"${abs(low) / factor:.{places}f}–{abs(high) / factor:.{places}f}{high_unit}"


def _exact(number: float, places: int) -> bool:
    """Whether `number` is written whole at `places` decimals."""
    scaled = abs(number) * 10.0**places
    return abs(scaled - round(scaled)) < 1e-6 * max(1.0, scaled)


def _scaled(value: float) -> tuple[str, str]:
    factor, unit, digits = unit_of(value)
    if not unit:
        return f"{abs(value):,.0f}", ""
    text = f"{abs(value) / factor:.{digits}f}"
    return (text.rstrip("0").rstrip(".") if "." in text else text), unit


def observation_note(obs: Observation, *, filed: bool = True, metric: str = "") -> str:
    """What a value is of: 'quarter ended 2026-09-30, filed 2026-11-04', 'of a 15,152
    portfolio', 'stale quote, 5h old', 'four quarters to 2026-09-30, split-adjusted 10:1',
    'quarter ended 2026-09-30, from the release of 2026-11-03'; "" for a fresh quote."""
    parts = [_what_of(obs, filed=filed)]
    if obs.released is not None and metric:
        parts.append(f"the release said {format_value(metric, obs.released)}")
    if obs.split_adjusted is not None:
        parts.append(f"split-adjusted {ratio_text(obs.split_adjusted)}")
    if obs.rebased is not None:
        parts.append(f"×{obs.rebased:g} to the share basis the condition was written in")
    return ", ".join(part for part in parts if part)


def ratio_text(factor: float) -> str:
    """A split factor as people write a split: 10 → '10:1', 1.5 → '3:2'."""
    ratio = Fraction(factor).limit_denominator(1000)
    return f"{ratio.numerator}:{ratio.denominator}"


def _what_of(obs: Observation, *, filed: bool) -> str:
    if obs.period is not None:
        return period_words(obs.period, filed=filed)
    if obs.portfolio is not None:
        return f"of a {account_money(obs.portfolio, obs.currency)} portfolio"
    if obs.stale_seconds is not None:
        hours = obs.stale_seconds / 3600
        return (
            f"stale quote, {hours:.0f}h old"
            if hours >= 1
            else f"stale quote, {hours * 60:.0f}m old"
        )
    return obs.note


def comparison(condition: Condition, reason: Reason, *, filed: bool = True) -> str:
    """'gross_margin 69.1% < 70% (quarter ended 2026-09-30, filed 2026-11-04)': the value
    against the condition as it came out; "" when there was no value to compare."""
    obs = reason.observed
    if obs is None or obs.value is None or not reason.op:
        return ""
    value, bound = compared(condition.metric, obs.value, reason.op, condition.threshold)
    text = f"{condition.metric} {value} {reason.op} {bound}"
    note = observation_note(obs, filed=filed, metric=condition.metric)
    return f"{text} ({note})" if note else text


def reason_text(reason: Reason, condition: Condition | None, today: dt.date) -> str:
    """The reason as one sentence; days left are counted from `today`. A pending target's
    forecast follows it: "...; the Street expects $1.45B for the year to 2026-12-31, above your
    $1.4B"."""
    text = _reason_words(reason, condition, today)
    if reason.forecast is None or condition is None:
        return text
    said = forecast_text(reason.forecast, condition)
    return f"{text}; {said}" if text else said


def forecast_text(forecast: Forecast, condition: Condition) -> str:
    """The forecast a target's course leans on, against its threshold: "the Street expects
    $1.61B for the year to 2026-12-31, above your $1.55B"."""
    year = f"for the year to {forecast.year_end.isoformat()}"
    value, threshold = forecast.value, condition.threshold
    op, side = (">", "above") if value > threshold else ("<", "below")
    if value == threshold:
        op, side = "==", "at"
    said, bound = compared(condition.metric, value, op, threshold)
    yours = f"{side} your {bound}"
    if forecast.source == "street":
        return f"the Street expects {said} {year}, {yours}"
    if forecast.source == "guide":
        return f"the quarters reported and the company's guide make {said} {year}, {yours}"
    return f"at the run rate of the quarters reported, {said} {year}, {yours}"


def _reason_words(reason: Reason, condition: Condition | None, today: dt.date) -> str:
    why = reason.why
    if why in _MARKS:
        how = _MARKS[why]
        return f"{how}: {reason.note}" if reason.note else how
    if why == Why.DUE_AHEAD and reason.day is not None:
        days = (reason.day - today).days
        return f"due {reason.day.isoformat()}, {counted(days, 'day')} left"
    if why == Why.DUE_PASSED and reason.day is not None:
        return f"due {reason.day.isoformat()} passed while pending"
    if why in SETTLED_BY_REPORT:
        return settling_text(reason)
    if why == Why.FINAL and reason.day is not None:
        return f"final since {reason.day.isoformat()}"
    if why == Why.RECORDED:
        return reason.note
    described = _described(reason, condition)
    if why == Why.STILL_MET:
        return f"met; now {described}"
    if why == Why.NEVER_HELD and reason.day is not None:
        return f"due {reason.day.isoformat()} passed and it never held ({described})"
    return described


def settling_text(reason: Reason) -> str:
    """A milestone past its due date, settled by its quarter's report (thesis/awaiting.py):
    "due passed, awaiting the Q4 FY2026 report (expected 2027-02-10)"."""
    report = f"the {reason.note} report" if reason.note else "its report"
    day = reason.day.isoformat() if reason.day is not None else ""
    if reason.why == Why.AWAITING_REPORT:
        return f"due passed, awaiting {report}" + (f" (expected {day})" if day else "")
    if reason.why == Why.REPORT_WITH_EVIDENCE:
        return f"due passed; {report} is in, with evidence for you to judge by {day}"
    if reason.why == Why.REPORT_WITHOUT_EVIDENCE:
        return f"due passed; {report} is in without evidence of it"
    if reason.why == Why.FILINGS_UNREAD:
        unread = "due passed, unjudged: none of the company's filings read yet, so"
        if reason.note:
            return f"{unread} {report} was never looked for"
        return f"{unread} neither its fiscal quarter containing {day} nor its report is known"
    return f"due passed; no report of {reason.note or 'its quarter'} by {day}"


def marked_text(status: str) -> str:
    """What marking a checkpoint by hand did: 'marked met', 'marked missed', or 'reopened'
    (marked pending: handed back to evaluation)."""
    return "reopened" if status == Status.PENDING else f"marked {status}"


def transition_text(e: Evaluation, today: dt.date) -> str:
    """'ALAB/gm: pending -> missed: gross_margin 69.1% < 70% (…)': a transition on one line,
    as `catalyst refresh` prints it; days left are counted from `today`."""
    was, now = change_words(e)
    return (
        f"{e.symbol}/{e.checkpoint_id}: {was} -> {now}: {reason_text(e.reason, e.condition, today)}"
    )


def change_words(e: Evaluation) -> tuple[str, str]:
    """The statuses a change went from and to, as the checkpoint's kind says them (a guard that
    is met: "holding"); as stored when the kind is not known."""
    if not e.kind:
        return e.previous, e.status
    return status_word(e.kind, e.previous), status_word(e.kind, e.status)


def _described(reason: Reason, condition: Condition | None) -> str:
    obs = reason.observed
    if obs is None:
        return ""
    if obs.value is None:
        return missing_text(obs.missing)
    if condition is None:
        return format(obs.value, "g")
    return comparison(condition, reason)


_MARKS = {
    Why.MARKED_MET: "marked met by hand",
    Why.MARKED_MISSED: "marked missed by hand",
    Why.REOPENED: "reopened by hand",
}


# -- returns ---------------------------------------------------------------------------------


def rate_text(value: float | None) -> str:
    """A rate as people write it: +71.2%."""
    return "—" if value is None else f"{value * 100:+.1f}%"


def shown_points(rate: float, other: float) -> float:
    """The points between two rates as shown (`rate_text`, to a tenth): +71.2% against +22.4%
    is 48.8, whatever the digits past them; the difference adds up on screen."""
    return round(round(rate * 100, 1) - round(other * 100, 1), 1)


def versus_text(
    name: str,
    rate: float | None,
    benchmark: str,
    other: float | None,
    basis: Basis = Basis.YEARLY,
) -> str:
    """'ALAB +71.2% a year against SOXX +22.4%: the thesis beat the index by 48.8 points' (or
    '+3.1% on the money put in' for a span shorter than a year)."""
    head = f"{name} {rate_text(rate)} {basis_text(basis)} against {benchmark} {rate_text(other)}"
    if rate is None or other is None:
        return head
    points = shown_points(rate, other)
    if points == 0:
        return f"{head}: level with the index"
    verb = "beat" if points > 0 else "trailed"
    return f"{head}: the thesis {verb} the index by {abs(points):.1f} points"
