"""What an alert says on a channel beyond the desktop: short for a push (the desktop's words,
notify/wording.py, and the link), full in an e-mail, as plain text and as HTML with no remote
content (no image, style sheet or script: only text and the link)."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..text import printable
from ..thesis.observation import ValueSource
from ..thesis.wording import comparison, reason_text
from .notification import Urgency
from .wording import body_and_link, notification_for

if TYPE_CHECKING:
    from ..store.records import EventRecord, Notice

#: A company's filings on EDGAR of one form: where the filing a checkpoint's figure was read
#: from is (its 10-Q or 10-K; the 8-K of a release), when the alert has no document of its own.
EDGAR_FILINGS = (
    "https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK={symbol}&type={form}"
)


@dataclass(frozen=True)
class Alert:
    """One notification as a channel beyond the desktop sends it."""

    title: str
    short: str  # a push: one line, the desktop's body and the link
    text: str  # an e-mail's plain text: every line
    html: str  # the same as HTML, escaped, with no remote content
    link: str
    urgency: Urgency = Urgency.NORMAL


def alert_for(notice: Notice) -> Alert:
    """The alert of an outbox notice: the desktop's title and body, then (in full) the
    checkpoint and its value against its condition, the reason, the due date, the passage,
    and the link to the document."""
    said = notification_for(notice)
    lines = [said.body]
    link = ""
    event, evidence = notice.event, notice.evidence
    if event is not None:
        lines = [f"{event.symbol} · {event.title} ({event.checkpoint_id})"]
        lines.append(f"now {event.to_status} (was {event.from_status})")
        compared = comparison(event.condition, event.reason) if event.condition else ""
        if compared:
            lines.append(compared)
        why = reason_text(event.reason, event.condition, event.ts.date())
        if why and why != compared and not (compared and compared in why):
            lines.append(why)  # the value's line once: the reason only when it says more
        if notice.due is not None:
            lines.append(f"due {notice.due.isoformat()}")
        link = _filings_link(event)
    elif evidence is not None:
        lines = [
            f"{evidence.symbol} · {evidence.checkpoint_title}",
            f"in {evidence.document.label}: {evidence.document.title}",
            f"“{evidence.passage}”",
        ]
        link = evidence.document.url
    else:
        body, link = body_and_link(notice.body)  # a results notice: its release document
        parts = body.split(" · ") if notice.kind in ("results", "verdict") else body.splitlines()
        lines = [notice.title, *parts]
    lines = [printable(line) for line in lines if line]
    link = printable(link)
    text = "\n".join([*lines, *([link] if link else []), "", "— catalyst"])
    short = said.body + (f" {link}" if link else "")
    return Alert(said.title, short, text, _html(said.title, lines, link), link, said.urgency)


def _filings_link(event: EventRecord) -> str:
    """Where the figure of a transition was read: the company's 10-Qs and 10-Ks (XBRL) or
    8-Ks (a release); none for a price, a date or anything no filing states."""
    observed = event.reason.observed
    period = observed.period if observed is not None else None
    if period is None:
        return ""
    form = "8-K" if period.source == ValueSource.RELEASE else "10-"
    return EDGAR_FILINGS.format(symbol=event.symbol, form=form)


def _html(title: str, lines: list[str], link: str) -> str:
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    if link:
        href = html.escape(link, quote=True)
        body += f'<p><a href="{href}">{html.escape(link)}</a></p>'
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(title)}'
        f"</title></head><body><h3>{html.escape(title)}</h3>{body}"
        "<p>— catalyst</p></body></html>"
    )


TEST_ALERT = Alert(
    "catalyst: test notification",
    "Notifications from catalyst reach you here.",
    "Notifications from catalyst reach you here.\n\n— catalyst",
    "<!DOCTYPE html><html><body><p>Notifications from catalyst reach you here.</p>"
    "<p>— catalyst</p></body></html>",
    "",
)
