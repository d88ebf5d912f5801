"""The one place stored text becomes values again, and values become stored text: ISO dates and
moments, condition text, evidence entries, a reason in parts, with why its value is missing
as a code and its parameters (a JSON object), and a verdict's reasons (a JSON list)."""

from __future__ import annotations

import datetime as dt
import functools
import json
from typing import TYPE_CHECKING, Any

from ..thesis.conditions import Condition, ConditionError, parse_condition
from ..thesis.judgement import SETTLED_BY_REPORT, Reason, Why
from ..thesis.kpis.awaiting import Awaiting
from ..thesis.observation import (
    Missing,
    MissingCode,
    Observation,
    Period,
    PeriodKind,
    ValueSource,
)
from ..thesis.reported.forecast import Forecast, Source
from ..thesis.verdict import SAID_METRICS, VerdictReason
from ..thesis.vocabulary import Status

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from .records import CheckpointRecord

    # How a stored column reads back as a value; None: as it is stored.
    Reader = Callable[[Any], Any] | None


def iso(moment: dt.datetime) -> str:
    """A moment as stored: UTC, to the second."""
    if moment.tzinfo is not dt.UTC:  # a provider's moments are UTC already
        moment = moment.astimezone(dt.UTC)
    return moment.isoformat(timespec="seconds")


def moment(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


def day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def day_text(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def read_row(row: Sequence[Any], readers: Sequence[Reader]) -> tuple[Any, ...]:
    """A row's columns as values, each read by its reader in `readers` (one a column)."""
    if len(row) != len(readers):
        raise ValueError(f"a row of {len(row)} columns read by {len(readers)} readers")
    values = list(row)
    for at, read in _active(tuple(readers)):  # only the columns that have a reader
        values[at] = read(values[at])
    return tuple(values)


@functools.cache  # a handful of reader tuples, each a module's constant
def _active(readers: tuple[Reader, ...]) -> tuple[tuple[int, Callable[[Any], Any]], ...]:
    return tuple((at, read) for at, read in enumerate(readers) if read is not None)


@functools.lru_cache(maxsize=1 << 16)  # every condition of 5,000 tickers, read twice by `check`
def condition(text: str | None) -> Condition | None:
    """A stored `when` as its Condition (parsed once per text); None for none, or for text
    this version's grammar no longer reads."""
    if not text:
        return None
    try:
        return parse_condition(text)
    except ConditionError:
        return None


def entries(text: str | None) -> tuple[str, ...]:
    """Stored evidence entries (a JSON list) as a tuple."""
    if not text or text == "[]":
        return ()
    found = json.loads(text)
    return tuple(e for e in found if isinstance(e, str)) if isinstance(found, list) else ()


# -- a reason in parts -------------------------------------------------------------------------

_MARKS = frozenset({Why.MARKED_MET, Why.MARKED_MISSED, Why.REOPENED, Why.RECORDED})
_WHY = {why.value: why for why in Why}
_PERIODS = {kind.value: kind for kind in PeriodKind}
_CODES = {code.value: code for code in MissingCode}
_SOURCES = {source.value: source for source in ValueSource}


def reason(parts: tuple[Any, ...]) -> Reason:
    """A Reason from its stored columns, in schema.REASON_PARTS order after the value:
    (value, why, day, detail, op, period, period_end, filed, portfolio, stale_seconds,
    split_adjusted, rebased, missing, missing_params, value_source, released)."""
    (
        value,
        why_text,
        day_iso,
        detail,
        op,
        period,
        period_end,
        filed,
        portfolio,
        stale,
        adjusted,
        rebased,
        code,
        params,
        source,
        released,
    ) = parts
    why = _WHY.get(why_text, Why.RECORDED)
    if why in _MARKS or why in SETTLED_BY_REPORT:
        observed = None if value is None else Observation(value)
        return Reason(why, day(day_iso), detail, observed, op)
    if value is None and not detail and not code:
        return Reason(why, day(day_iso), "", None, op)
    kind = _PERIODS.get(period)
    # A weight's detail is the money of the portfolio it is of (`reason_columns`).
    of_portfolio = portfolio is not None
    observed = Observation(
        value,
        missing(code, params) if code else None,
        _period(kind, period_end, filed, source) if kind else None,
        portfolio,
        stale,
        "" if of_portfolio else detail,
        adjusted,
        rebased,
        released,
        currency=detail if of_portfolio else "",
    )
    return Reason(why, day(day_iso), "", observed, op)


def reason_columns(r: Reason) -> tuple[Any, ...]:
    """The stored columns of a Reason, in the order `reason` reads them."""
    obs = r.observed
    if obs is None:
        return (
            None,
            r.why.value,
            day_text(r.day),
            r.note,
            r.op,
            "",
            None,
            None,
            None,
            None,
            None,
            None,
            "",
            "",
            "",
            None,
        )
    period = obs.period
    code, params = ("", "") if obs.missing is None else missing_columns(obs.missing)
    return (
        obs.value,
        r.why.value,
        day_text(r.day),
        r.note if r.why in _MARKS else _detail(obs),
        r.op,
        period.kind.value if period else "",
        period.end.isoformat() if period else None,
        day_text(period.filed) if period else None,
        obs.portfolio,
        obs.stale_seconds,
        obs.split_adjusted,
        obs.rebased,
        code,
        params,
        period.source.value if period else "",
        obs.released,
    )


def _detail(obs: Observation) -> str:
    """The detail column of an observation: its note, or for a share of a portfolio (which
    has none) the money the portfolio is in."""
    return obs.currency if obs.portfolio is not None else obs.note


def _period(kind: PeriodKind, end: str, filed: str | None, source: str) -> Period:
    return Period(
        kind, dt.date.fromisoformat(end), day(filed), _SOURCES.get(source, ValueSource.FILING)
    )


def _stored_period(quarter: list[Any]) -> Period:
    """The period a Missing names, as `missing_columns` stores it: [end, filed] and, when they
    are not a filing's quarter, the source and the kind (a 10-K's fiscal year); a kind this
    version does not know reads as a quarter, as the rows stored before kinds were."""
    source = quarter[2] if len(quarter) > 2 else ""
    kind = _PERIODS.get(quarter[3], PeriodKind.QUARTER) if len(quarter) > 3 else PeriodKind.QUARTER
    return _period(kind, quarter[0], quarter[1], source)


@functools.lru_cache(maxsize=1024)
def missing(code: str, params: str) -> Missing | None:
    """A Missing from its stored code and parameters (None without a code); a code this
    version does not know reads as nothing to say."""
    if not code:
        return None
    found = json.loads(params) if params else {}
    if not isinstance(found, dict):
        found = {}
    quarter = found.get("quarter")
    return Missing(
        _CODES.get(code, MissingCode.RECORDED),
        found.get("symbol", ""),
        found.get("metric", ""),
        day(found.get("pin")),
        _stored_period(quarter) if quarter else None,
        tuple(found.get("symbols", ())),
        found.get("currency", ""),
        found.get("value"),
        found.get("text", ""),
    )


@functools.lru_cache(maxsize=1024)
def missing_columns(m: Missing) -> tuple[str, str]:
    """The stored code and parameters of a Missing: the parameters it has, as a JSON object."""
    params: dict[str, object] = {}
    for name, value in zip(Missing._fields[1:], m[1:], strict=True):
        if isinstance(value, Period):  # its end, filing day, a release's mark, a year's kind
            quarter = [value.end.isoformat(), day_text(value.filed)]
            if value.source is not ValueSource.FILING or value.kind is not PeriodKind.QUARTER:
                quarter.append(value.source.value)
            if value.kind is not PeriodKind.QUARTER:
                quarter.append(value.kind.value)
            params[name] = quarter
        elif isinstance(value, dt.date):
            params[name] = value.isoformat()
        elif value is not None and value != "" and value != ():
            params[name] = value
    return m.code.value, json.dumps(params, separators=(",", ":")) if params else ""


# -- an intraday chart's sessions -------------------------------------------------------------


def sessions_text(sessions: Iterable[tuple[dt.datetime, dt.datetime]]) -> str:
    """Sessions as stored: a JSON list of [start, end] moments."""
    return json.dumps([[iso(start), iso(end)] for start, end in sessions], separators=(",", ":"))


def session_moments(text: str | None) -> list[tuple[dt.datetime, dt.datetime]]:
    """Stored sessions as (start, end) moments; what is not such a pair is left out."""
    found = json.loads(text) if text else []
    pairs = []
    for pair in found if isinstance(found, list) else ():
        if isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) for p in pair):
            start, end = moment(pair[0]), moment(pair[1])
            if start is not None and end is not None:
                pairs.append((start, end))
    return pairs


def verdict_reasons_text(reasons: Iterable[VerdictReason]) -> str:
    """A verdict's reasons as stored: a JSON list of objects, dates as ISO days."""
    return json.dumps(
        [
            {
                **r._asdict(),
                "since": day_text(r.since),
                "acked": day_text(r.acked),
                "condition": r.condition.text if r.condition else None,
                "forecast": None
                if r.forecast is None
                else [
                    r.forecast.source.value,
                    r.forecast.value,
                    r.forecast.year_end.isoformat(),
                    r.forecast.reported,
                ],
                "awaiting": None if r.awaiting is None else list(r.awaiting),
            }
            for r in reasons
        ]
    )


def verdict_reasons(text: str | None) -> tuple[VerdictReason, ...]:
    """Stored verdict reasons as records; an entry this version cannot read is left out."""
    out = []
    for item in json.loads(text or "[]"):
        try:
            value = item.get("value")
            out.append(
                VerdictReason(
                    str(item["rule"]),
                    str(item["checkpoint"]),
                    str(item["title"]),
                    str(item["status"]),
                    float(value) if value is not None else None,
                    day(item.get("since")),
                    str(item.get("metric", "")),
                    bool(item.get("manual", False)),
                    day(item.get("acked")),
                    condition(item.get("condition")),
                    forecast(item.get("forecast")),
                    str(item.get("evidence", "")),
                    str(item.get("note", "")),
                    _awaiting(item.get("awaiting")),
                )
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
    return tuple(out)


def _awaiting(parts: Any) -> Awaiting | None:
    """A stored statement awaiting your word ([ID, said, sentence, where]), or None."""
    if not isinstance(parts, list) or len(parts) != 4:
        return None
    return Awaiting(int(parts[0]), str(parts[1]), str(parts[2]), str(parts[3]))


def forecast(parts: Any) -> Forecast | None:
    """A stored forecast ([source, value, year end, quarters reported], or the columns of one)
    as its record; None for none, or for what this version cannot read."""
    if not parts or not parts[0]:
        return None
    try:
        source, value, year_end, reported = parts
        return Forecast(
            Source(source), float(value), dt.date.fromisoformat(year_end), int(reported or 0)
        )
    except (TypeError, ValueError):
        return None


def of_symbol_since(symbol: str | None, since: dt.datetime | None) -> tuple[str, list[str]]:
    """The WHERE of a ticker's rows from a moment on, the moment included (either, both or
    neither): a change at the moment a window opens is in it."""
    terms: list[str] = []
    args: list[str] = []
    if symbol:
        terms.append("symbol = ?")
        args.append(symbol)
    if since is not None:
        terms.append("ts >= ?")
        args.append(iso(since))
    return ("WHERE " + " AND ".join(terms) if terms else ""), args


def missed_by_words(status: str, manual: bool, when: Condition | None) -> bool:
    """Whether a statement read from words may have missed a checkpoint: missed, not by your
    hand, its condition a KPI metric's (store/kpis.py's `awaiting` reads which did)."""
    missed = status == Status.MISSED and not manual
    return missed and when is not None and when.metric in SAID_METRICS


def with_awaiting(
    records: list[CheckpointRecord],
    awaiting: Callable[[], dict[tuple[str, str], Awaiting]],
) -> list[CheckpointRecord]:
    """`records`, each kill criterion a statement read from words alone missed with the
    statement awaiting your word (`awaiting()`, read only where one may be)."""
    if not any(missed_by_words(r.status, r.manual, r.condition) for r in records):
        return records
    found = awaiting()
    return [r._replace(awaiting=found.get((r.symbol, r.id))) for r in records]
