"""A thesis's verdict (broken, at risk, intact, proven, unjudged) from its checkpoints, by rules
declared in one table (RULES), each verdict with its reasons: which checkpoint, its value, since
when. Also a portfolio's verdict: the worst of its tickers', with the count of each.

A pure function of what the store says of each checkpoint (`Standing`): its kind, its status as
evaluation or your mark left it, whether the file declares it the thesis's kill criterion, the
passages of its evidence you accepted (never one you did not: thesis/evidence/stance.py). A
mark counts as you meant it (a milestone you marked met is met); an acknowledged miss still
counts, and its reason says when you acknowledged it. Beside it: how many checkpoints are judged
(met or missed) of how many, and what remains (each pending one; a target on its course names
the forecast it was judged by); unjudged when nothing is. docs/thesis.md states the rules."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

from ..text import counted
from .catalogue import METRICS, Source
from .evidence.stance import AGAINST, Accepted, Stance
from .reported.forecast import Forecast, on_course
from .vocabulary import VERDICTS, Kind, Status, Verdict
from .wording import forecast_text, format_value, value_against

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterable, Sequence

    from .conditions import Condition
    from .kpis.awaiting import Awaiting


class Standing(NamedTuple):
    """What the verdict reads of one checkpoint."""

    checkpoint: str
    title: str
    kind: str
    status: str
    since: dt.date | None = None  # the day it reached its status
    value: float | None = None  # its last observed value
    metric: str = ""  # what the value is of (its condition's metric); "" for a milestone
    kill: bool = False  # the file declares it the thesis's kill criterion
    manual: bool = False  # its status is your mark
    acked: dt.date | None = None  # its miss acknowledged that day; None: not acknowledged
    condition: Condition | None = None  # a target's or guard's `when`
    forecast: Forecast | None = (
        None  # a pending target's best forecast (thesis/reported/forecast.py)
    )
    # The passages of its evidence you accepted, the newest document first
    # (thesis/evidence/stance.py);
    # a passage nobody accepted is not here: the machine's reading never changes a verdict.
    accepted: tuple[Accepted, ...] = ()
    #: What its last value was said as, where its metric keeps it (a KPI read from words: "over
    #: 10% of revenue, ALAB 8-K EX-99.1 of 2025-11-04"); "" otherwise.
    note: str = ""
    #: A kill criterion missed only by a KPI statement read from words you have not confirmed:
    #: that statement (thesis/kpis/awaiting.py); None otherwise.
    awaiting: Awaiting | None = None


class Scope(StrEnum):
    """How a rule reads its checkpoints."""

    EACH = "each"  # each checkpoint it selects that passes its test is a reason
    EVERY = "every"  # concluded when there are such checkpoints and every one passes its test


class Rule(NamedTuple):
    """One row of the table: what it reads, what it concludes, its reason's words."""

    name: str
    concludes: Verdict
    scope: Scope
    kinds: tuple[Kind, ...]  # the kinds of checkpoint it reads
    test: Callable[[Standing], bool]
    words: str  # the reason: "{title}" is the checkpoint's
    reads: str  # what it reads, in the docs' words
    cites: Callable[[Standing], Accepted | None] | None = None  # the passage its reason quotes


def _missed(s: Standing) -> bool:
    return s.status == Status.MISSED


def _behind(s: Standing) -> bool:
    """A pending target whose best forecast misses its condition."""
    forecast, condition = s.forecast, s.condition
    if s.status != Status.PENDING or forecast is None or condition is None:
        return False
    return not on_course(forecast, condition)


def _breaking(s: Standing) -> Accepted | None:
    """A passage you accepted as breaking the thesis's kill criterion."""
    return next((a for a in s.accepted if a.stance == Stance.BREAKS), None) if s.kill else None


def _challenging(s: Standing) -> Accepted | None:
    """A passage you accepted as challenging (or breaking) the checkpoint."""
    return next((a for a in s.accepted if a.stance in AGAINST), None)


_ALL = tuple(Kind)

#: The rules, the worst conclusion first. A checkpoint gives one reason: that of the first rule
#: it passes. The verdict is the worst any rule concludes; intact when none does. A new rule is
#: one row here (and its row in docs/thesis.md's table, pinned by tests/thesis/
#: test_verdict_docs.py): judge(), the reasons' words, `review`, the report, the ticker page,
#: the watchlist and the verdict's notification read this table as it is when they run.
RULES: tuple[Rule, ...] = (
    Rule(
        "kill_missed",
        Verdict.BROKEN,
        Scope.EACH,
        _ALL,
        lambda s: s.kill and _missed(s) and s.awaiting is None,
        "kill criterion missed: {title}",
        "a checkpoint with `kill = true`, missed (a KPI read from words that missed it, once "
        "you confirmed it)",
    ),
    Rule(
        "milestone_missed",
        Verdict.BROKEN,
        Scope.EACH,
        (Kind.MILESTONE,),
        _missed,
        "milestone missed: {title}",
        "a milestone missed (its quarter's report read without evidence of it, no report by "
        "the ceiling, its due date passed when judged at due, or you marked it missed)",
    ),
    Rule(
        "evidence_accepted_break",
        Verdict.BROKEN,
        Scope.EACH,
        _ALL,
        lambda s: _breaking(s) is not None,
        "accepted break of the kill criterion {title}",
        "a passage you accepted that breaks a checkpoint with `kill = true`",
        _breaking,
    ),
    Rule(
        "kill_awaiting_word",
        Verdict.AT_RISK,
        Scope.EACH,
        _ALL,
        lambda s: s.kill and _missed(s) and s.awaiting is not None,
        "kill criterion missed by words alone, awaiting your word: {title}",
        "a checkpoint with `kill = true` missed only by a KPI statement read from words that "
        "you have not confirmed (`catalyst kpis accept ID`, `y` on the KPIs pane) nor "
        "dismissed (`catalyst kpis dismiss ID`, `d`)",
    ),
    Rule(
        "guard_missed",
        Verdict.AT_RISK,
        Scope.EACH,
        (Kind.GUARD,),
        _missed,
        "guard not holding: {title}",
        "a guard missed, acknowledged or not",
    ),
    Rule(
        "target_missed",
        Verdict.AT_RISK,
        Scope.EACH,
        (Kind.TARGET,),
        _missed,
        "target missed at its due date: {title}",
        "a target whose due date passed without it holding",
    ),
    Rule(
        "target_behind",
        Verdict.AT_RISK,
        Scope.EACH,
        (Kind.TARGET,),
        _behind,
        "target behind its course: {title}",
        "a pending target whose best forecast (the company's guide, the Street's, the run "
        "rate: thesis/reported/forecast.py) misses it",
    ),
    Rule(
        "evidence_accepted_challenge",
        Verdict.AT_RISK,
        Scope.EACH,
        _ALL,
        lambda s: _challenging(s) is not None,
        "accepted challenge to {title}",
        "a passage you accepted that challenges a checkpoint, or breaks one without `kill`",
        _challenging,
    ),
    Rule(
        "all_met",
        Verdict.PROVEN,
        Scope.EVERY,
        _ALL,
        lambda s: s.status == Status.MET,
        "met: {title}",
        "every checkpoint met (a guard holding; at least one)",
    ),
)
RULE_NAMES: tuple[str, ...] = tuple(rule.name for rule in RULES)
_RANK = {verdict: rank for rank, verdict in enumerate(VERDICTS)}


class VerdictReason(NamedTuple):
    """Why: the rule, the checkpoint it read, that checkpoint's status and value, since when."""

    rule: str
    checkpoint: str
    title: str
    status: str
    value: float | None
    since: dt.date | None
    metric: str = ""
    manual: bool = False
    acked: dt.date | None = None
    condition: Condition | None = None
    forecast: Forecast | None = None  # of a target behind its course
    evidence: str = ""  # the accepted passage it quotes: "10-Q 2026-11-04 — “…”"
    note: str = ""  # a KPI's value as said, and where (Standing.note)
    awaiting: Awaiting | None = None  # the statement read from words it awaits your word on


class TickerVerdict(NamedTuple):
    symbol: str
    verdict: Verdict
    reasons: tuple[VerdictReason, ...]  # the worst first; none for an intact thesis
    checkpoints: int  # how many it read
    judged: int = 0  # how many of them are met or missed (a guard holding or not)
    # What remains: each pending checkpoint that gave no reason (a target on its course names
    # its forecast: rule "target_on_course"; any other: "to_judge"), in the file's order.
    remaining: tuple[VerdictReason, ...] = ()

    @property
    def coverage(self) -> str:
        """ "3 of 15 checkpoints judged"; "no checkpoints"."""
        if not self.checkpoints:
            return "no checkpoints"
        return f"{self.judged} of {counted(self.checkpoints, 'checkpoint')} judged"


class PortfolioVerdict(NamedTuple):
    """The worst of the tickers' verdicts (unweighted: a broken thesis is broken at any size),
    the number of tickers at each verdict, and the symbols at the worst."""

    verdict: Verdict
    counts: tuple[tuple[Verdict, int], ...]  # every verdict, worst first
    worst: tuple[str, ...]


def judge(symbol: str, standings: Iterable[Standing]) -> TickerVerdict:
    """The verdict of one ticker's checkpoints and its reasons, the worst first."""
    checkpoints = list(standings)
    reasons: list[tuple[Verdict, VerdictReason]] = []
    given: set[str] = set()
    proven: list[VerdictReason] = []
    for rule in RULES:
        kinds, test = rule.kinds, rule.test
        # A rule of every kind reads them all: no list made for it (500 tickers a watchlist).
        read = checkpoints if kinds is _ALL else [s for s in checkpoints if s.kind in kinds]
        if not read:
            continue
        if rule.scope is Scope.EVERY:
            if all(test(s) for s in read):
                proven = [_reason(rule, s) for s in read]
            continue
        for s in read:
            if s.checkpoint not in given and test(s):
                given.add(s.checkpoint)
                reasons.append((rule.concludes, _reason(rule, s)))
    judged = sum(1 for s in checkpoints if s.status in _JUDGED)
    remaining = tuple(
        _remaining(s)
        for s in checkpoints
        if s.status == Status.PENDING and s.checkpoint not in given
    )
    count = len(checkpoints)
    if reasons:
        worst = min((verdict for verdict, _ in reasons), key=_RANK.__getitem__)
        ordered = sorted(reasons, key=lambda pair: _RANK[pair[0]])  # stable: the table's order
        found = tuple(r for _, r in ordered)
        return TickerVerdict(symbol, worst, found, count, judged, remaining)
    if proven:
        return TickerVerdict(symbol, Verdict.PROVEN, tuple(proven), count, judged)
    if not judged:
        return TickerVerdict(symbol, Verdict.UNJUDGED, (), count, 0, remaining)
    return TickerVerdict(symbol, Verdict.INTACT, (), count, judged, remaining)


_JUDGED = frozenset({Status.MET, Status.MISSED})


def _remaining(s: Standing) -> VerdictReason:
    """A pending checkpoint that gave no reason: a target on its course, with its forecast."""
    forecast = s.forecast if s.condition is not None else None
    rule = "to_judge" if forecast is None else "target_on_course"
    return _of(s, rule, forecast)


def _of(s: Standing, rule: str, forecast: Forecast | None = None) -> VerdictReason:
    """What every reason says of its checkpoint: its status and value, since when, its `when`."""
    return VerdictReason(
        rule,
        s.checkpoint,
        s.title,
        s.status,
        s.value,
        s.since,
        s.metric,
        condition=s.condition,
        forecast=forecast,
        note=s.note if s.metric in SAID_METRICS else "",
    )


def portfolio(verdicts: Iterable[TickerVerdict]) -> PortfolioVerdict:
    """The worst verdict of the tickers, with the count of each; unjudged for no ticker."""
    every = list(verdicts)
    counts = tuple((v, sum(1 for t in every if t.verdict == v)) for v in VERDICTS)
    found = [v for v, n in counts if n]
    worst = found[0] if found else Verdict.UNJUDGED
    return PortfolioVerdict(worst, counts, tuple(t.symbol for t in every if t.verdict == worst))


def _reason(rule: Rule, s: Standing) -> VerdictReason:
    cited = rule.cites(s) if rule.cites is not None else None
    if cited is not None:  # since the day you accepted the passage it quotes
        return _of(s, rule.name)._replace(since=cited.on, evidence=cited.quoted)
    acked = s.acked if s.status == Status.MISSED else None
    forecast = s.forecast if rule.name == "target_behind" else None
    awaiting = s.awaiting if rule.name == "kill_awaiting_word" else None
    return _of(s, rule.name)._replace(
        manual=s.manual, acked=acked, forecast=forecast, awaiting=awaiting
    )


def reason_text(reason: VerdictReason) -> str:
    """One reason in words: "guard not holding: Gross margin floor (65.2%) since 2026-11-04,
    acknowledged on 2026-11-05"."""
    rule = next((r for r in RULES if r.name == reason.rule), None)  # RULES as it is now
    words = rule.words if rule else _REMAINING.get(reason.rule, "{title}")
    text = words.format(title=reason.title)
    if reason.awaiting is not None:  # how to give your word first: a notification is short
        said = f"{reason.metric} {reason.awaiting.said}" if reason.metric else reason.awaiting.said
        return f"{text} ({said}) — {reason.awaiting.confirm} — {reason.awaiting.quoted}"
    if reason.evidence:
        on = f", accepted on {reason.since.isoformat()}" if reason.since else ""
        return f"{text}: {reason.evidence}{on}"
    if reason.forecast is not None and reason.condition is not None:
        return f"{text}: {forecast_text(reason.forecast, reason.condition)}"
    if reason.value is not None and reason.metric:
        said = f", {reason.note}" if reason.note else ""  # a KPI's words: "over 10% of revenue"
        shown = _value(reason.metric, reason.value, reason.condition)
        text += f" ({reason.metric} {shown}{said})"
    elif reason.note and reason.metric:  # a KPI stated too loosely to judge: its words alone
        text += f" ({reason.note})"
    if reason.since is not None:
        text += f", {'marked by you' if reason.manual else 'since'} {reason.since.isoformat()}"
    if reason.acked is not None:
        text += f", acknowledged on {reason.acked.isoformat()}"
    return text


def _value(metric: str, value: float, condition: Condition | None) -> str:
    """The value, with the digits that tell it from its threshold (19.996% under a 20% floor,
    not 20.0%), as its checkpoint's reason shows it."""
    if condition is None or condition.metric != metric:
        return format_value(metric, value)
    return value_against(condition, value)[0]


#: The metrics whose value a reason gives with its words: the KPIs read from words.
SAID_METRICS = frozenset(m.name for m in METRICS.values() if m.source is Source.WORDS)
#: How what remains reads (TickerVerdict.remaining): not rules, they conclude nothing.
_REMAINING = {"target_on_course": "target on its course: {title}", "to_judge": "to judge: {title}"}


def counts_text(p: PortfolioVerdict) -> str:
    """The portfolio's counts in words: "1 broken · 2 at risk · 5 intact" (a verdict no ticker
    has is left out)."""
    return " · ".join(f"{n} {verdict}" for verdict, n in p.counts if n) or "no tickers"


#: What a verdict that gives no reason was (a change of verdict in the timeline, its
#: notification): intact and unjudged give none by the rules; proven and worse always do, but a
#: change recorded before its reasons were kept may have none.
_WITHOUT_REASONS = {
    Verdict.INTACT: "nothing stands against the thesis: no checkpoint missed or behind",
    Verdict.UNJUDGED: "nothing judged: no checkpoint met or missed",
    Verdict.PROVEN: "every checkpoint met",
}


def first_reason(verdict: Verdict, reasons: Sequence[VerdictReason]) -> str:
    """A verdict's first reason in words, or, when it gives none, what it was."""
    if reasons:
        return reason_text(reasons[0])
    return _WITHOUT_REASONS.get(verdict, "no reason recorded")
