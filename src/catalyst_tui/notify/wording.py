"""Every sentence a notification says: a transition's title and body, a passage of new evidence,
the summary of evidence found quietly, an earnings release read the evening it lands, a change of
a ticker's verdict, a notice of its own and the test notification. Built from
the records' parts: thesis/wording.py words values and reasons, thesis/kinds.py how each kind's
statuses read; nothing parses them back (a channel reads the urgency, not the words)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..text import counted
from ..thesis.judgement import SETTLED_BY_REPORT
from ..thesis.kinds import spec, status_word
from ..thesis.reported.results import Release, gross_margin, midpoint, versus
from ..thesis.verdict import TickerVerdict, first_reason
from ..thesis.vocabulary import Status, Verdict
from ..thesis.wording import comparison, marked_text, money, money_range, reason_text
from .notification import Notification, Urgency, strip_controls

if TYPE_CHECKING:
    from ..market.estimates import Frozen
    from ..store.records import EventRecord, EvidenceRecord, Notice

TITLE_MAX = 100  # desktop popups show one or two lines of title
BODY_MAX = 200

TEST_NOTIFICATION = Notification(
    "catalyst: test notification", "Notifications from catalyst reach you here."
)


def notification_for(notice: Notice) -> Notification:
    """The notification of an outbox notice. A transition: ticker, status, checkpoint title; the
    value against the threshold (with the period or portfolio it is of), or the due date that
    passed; urgent when it is a miss; a kill criterion's miss that words alone made says it
    awaits your word and how to give it. New evidence: the ticker and the checkpoint, then the
    document and the passage. A notice of its own as it is. Short, on one line each, no
    control characters."""
    event = notice.event
    if event is not None and notice.awaiting is not None:  # words alone: yours to confirm
        return _fitted(
            f"{_transition_title(event)}, awaiting your word",
            notice.awaiting.notice(event.title),
            Urgency.URGENT,
        )
    if event is not None:
        return _fitted(
            _transition_title(event),
            _transition_body(notice, event),
            Urgency.URGENT if event.to_status == Status.MISSED else Urgency.NORMAL,
        )
    if notice.evidence is not None:
        return _fitted(*_evidence_text(notice.evidence))
    return _fitted(notice.title, body_and_link(notice.body)[0])


def evidence_summary(symbol: str, passages: int, checkpoints: int) -> Notification:
    """The one notice for a ticker's passages stored without a notice each (its past filings
    read for the first time, everything found again after its entries changed)."""
    return Notification(
        f"{symbol} · evidence found",
        f"{counted(passages, 'passage')} in past filings and news for "
        f"{counted(checkpoints, 'checkpoint')}:"
        f" see the ticker's Evidence pane, or catalyst evidence {symbol}",
    )


def results_notification(
    release: Release,
    label: str | None,
    guide: tuple[float, float] | None,
    street: Frozen | None = None,
) -> Notification:
    """'ALAB results: Q3 FY26' / 'revenue $412.3M, +6.0% vs the $389M guide, +1.8% vs Street · EPS
    0.61, +5.2% vs Street · GM 74.8% · next quarter guided $440–450M', then on a line of its own
    the release document's address (`body_and_link` parts them): the quarter's revenue against
    `guide` (the range the release before gave) and against the Street's consensus frozen
    before it (`street`), its EPS (non-GAAP where stated) against the Street's, its gross margin
    and the next quarter's guide, each where the release states it. `label` is the fiscal
    quarter (thesis/results.fiscal_label); without one the period end."""
    quarter, end = release.results.quarter, release.period_end
    title = f"{release.symbol} results: {label or f'quarter ended {end}'}"
    parts = []
    revenue = quarter.revenue
    if revenue is not None:
        said = f"revenue {money(revenue)}"
        vs = versus(revenue, guide)
        if guide is not None and vs is not None:
            said += f", {vs:+.1%} vs the {money(midpoint(guide))} guide"
        if street is not None and street.revenue:
            said += f", {revenue / street.revenue - 1:+.1%} vs Street"
        parts.append(said)
    eps = quarter.eps_nongaap if quarter.eps_nongaap is not None else quarter.eps_diluted
    if eps is not None and street is not None and street.eps:
        parts.append(f"EPS {eps:.2f}, {(eps - street.eps) / abs(street.eps):+.1%} vs Street")
    margin = gross_margin(quarter)
    if margin is not None:
        parts.append(f"GM {margin:.1%}")
    ahead = release.quarter_guide()
    if ahead is not None:
        parts.append(f"next quarter guided {money_range(*ahead)}")
    fitted = _fitted(title, " · ".join(parts) or "results released: no revenue stated")
    link = strip_controls(release.url)
    if link.startswith(("https://", "http://")) and " " not in link:
        return Notification(fitted.title, f"{fitted.body}\n{link}", fitted.urgency)
    return fitted


def body_and_link(body: str) -> tuple[str, str]:
    """A notice's body and the address of its document, when its last line is one (a results
    notice: the release itself, results_notification); else the body and ""."""
    head, _, last = body.rpartition("\n")
    if head and last.startswith(("https://", "http://")) and " " not in last:
        return head, last
    return body, ""


def evidence_excess(passages: int, symbols: list[str]) -> Notification:
    """The one notice for what a matching found past its cap of notices (evidence_match.py):
    how many passages, of which tickers (the first few)."""
    named = ", ".join(symbols[:5]) + (f" and {len(symbols) - 5} more" if len(symbols) > 5 else "")
    return Notification(
        "catalyst · more evidence found",
        f"{counted(passages, 'more passage')} for {named}, not notified one by one:"
        " see catalyst evidence, or each ticker's Evidence pane",
    )


def _transition_title(event: EventRecord) -> str:
    return f"{event.symbol}: {_status_word(event)} — {event.title}"


def _status_word(event: EventRecord) -> str:
    """How the new status reads: a guard that holds again says so; back to pending is a
    checkpoint reopened by hand."""
    if event.to_status == Status.PENDING:
        return marked_text(Status.PENDING)
    if event.to_status == Status.MET and event.from_status == Status.MISSED:
        return spec(event.kind).met_again_word
    return status_word(event.kind, event.to_status)


def _transition_body(notice: Notice, event: EventRecord) -> str:
    parts = []
    if event.reason.why in SETTLED_BY_REPORT:  # its quarter's report (or none) decided it
        return reason_text(event.reason, None, event.ts.date())
    if event.to_status == Status.MISSED and spec(event.kind).missed_at_due and notice.due:
        parts.append(f"due {notice.due.isoformat()} passed")
    if event.condition is not None:
        compared = comparison(event.condition, event.reason, filed=False)
        if compared:
            parts.append(compared)
    return (
        "; ".join(parts)
        or reason_text(event.reason, event.condition, event.ts.date())
        or f"now {event.to_status}"
    )


def _evidence_text(evidence: EvidenceRecord) -> tuple[str, str]:
    return (
        f"{evidence.symbol} · {evidence.checkpoint_title}",
        f"new evidence in {evidence.document.label} — “{strip_controls(evidence.passage)}”",
    )


def _fitted(title: str, body: str, urgency: Urgency = Urgency.NORMAL) -> Notification:
    """On one line each, without control characters, short enough for a popup."""
    return Notification(
        _shorten(strip_controls(title), TITLE_MAX),
        _shorten(strip_controls(body), BODY_MAX),
        urgency,
    )


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def verdict_notice(verdict: TickerVerdict, previous: Verdict) -> tuple[str, str]:
    """A change of verdict as its outbox row's title and body: "ALAB: thesis at risk (was
    intact)" / its first reason, and how many more; at risk because words alone missed a kill
    criterion, it says it awaits your word and how to give it first."""
    title = f"{verdict.symbol}: thesis {verdict.verdict} (was {previous})"
    reasons = verdict.reasons
    body = first_reason(verdict.verdict, reasons)
    if reasons and reasons[0].awaiting is not None:  # at risk on words alone: how to confirm
        title += ", awaiting your word"
        body = reasons[0].awaiting.notice(reasons[0].title)
    if len(reasons) > 1:
        body += f" (+{len(reasons) - 1} more)"
    notification = _fitted(title, body)
    return notification.title, notification.body
