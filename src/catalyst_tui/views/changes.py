"""What changed since a moment: one frozen `Change` per checkpoint transition, evidence passage
found, release read, filing stored, Street revision and price move beyond its threshold, grouped
by ticker, newest first. What `catalyst changes`, the TUI's "since you last looked" screen and the
digest notification read. The kinds are one table (`CHANGE_KINDS`: a new kind is one row and its
reader: verdict changes and journal entries are two); the thresholds are declared once
(`THRESHOLDS`). Plain data, no textual and no SQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from ..store import Store
from ..thesis.goalposts import move_text
from ..thesis.kinds import status_word
from ..thesis.verdict import reason_text
from ..thesis.wording import comparison
from ..thesis.wording import reason_text as checkpoint_reason

if TYPE_CHECKING:
    from ..store.changes import Moved

__all__ = [
    "CHANGE_KINDS",
    "DEFAULT_SINCE",
    "THRESHOLDS",
    "Change",
    "ChangeKind",
    "Thresholds",
    "after_look",
    "grouped",
    "load_changes",
]

DEFAULT_SINCE = dt.timedelta(days=7)  # when nothing says when the user last looked


class Thresholds(NamedTuple):
    """How far a figure must move to be a change (fractions of the figure then)."""

    street: float = 0.02  # the fiscal year's EPS consensus: more than 2%
    price: float = 0.10  # the daily close: more than 10% either way


THRESHOLDS = Thresholds()


@dataclass(frozen=True)
class Change:
    """One change of a ticker: `kind` a row's name in CHANGE_KINDS, `at` when it happened (a
    figure's move: its newest reading's, store/changes.py), `title` what changed in one line,
    `detail` the words behind it (a passage quoted, a reason), `link` its document's address or
    "", `before` and `after` the figures of a move (none for the other kinds)."""

    kind: str
    symbol: str
    at: dt.datetime
    title: str
    detail: str = ""
    link: str = ""
    before: float | None = None
    after: float | None = None

    @property
    def change(self) -> float | None:
        """The move as a fraction of the figure before, for a Street revision or a price."""
        if self.before is None or self.after is None or self.before == 0:
            return None
        return self.after / self.before - 1


def after_look(seen: dt.datetime) -> dt.datetime:
    """Where the window of "since you last looked" opens: the first moment kept after the look
    (moments are kept to the second), so what was there when the user looked is not shown
    again, where a window from a moment the user names holds that moment's changes."""
    return seen.replace(microsecond=0) + dt.timedelta(seconds=1)


Reader = Callable[[Store, dt.datetime, Thresholds], Iterable[Change]]


class ChangeKind(NamedTuple):
    name: str  # as JSON says it
    label: str  # as a screen's column says it
    read: Reader


def _checkpoints(store: Store, since: dt.datetime, _t: Thresholds) -> Iterable[Change]:
    for e in store.changes.events(since):
        compared = comparison(e.condition, e.reason, filed=False) if e.condition else ""
        was, now = status_word(e.kind, e.from_status), status_word(e.kind, e.to_status)
        yield Change(
            "checkpoint",
            e.symbol,
            e.ts,
            f"{e.title}: {was} → {now}",
            compared or checkpoint_reason(e.reason, e.condition, e.ts.date()),
            after=e.value,
        )


def _evidence(store: Store, since: dt.datetime, _t: Thresholds) -> Iterable[Change]:
    for p in store.changes.passages(since):
        title = f"evidence for {p.checkpoint_title}: {p.title}" if p.title else p.checkpoint_title
        yield Change("evidence", p.symbol, p.found_at, title, f"“{p.passage}”", p.url)


def _releases(store: Store, since: dt.datetime, _t: Thresholds) -> Iterable[Change]:
    for r in store.changes.releases(since):
        read = "figures read" if r.found else "read, no figures found"
        title = f"earnings release filed {r.filed.isoformat()}: {read}"
        yield Change("release", r.symbol, r.read_at, title, link=r.url)


def _filings(store: Store, since: dt.datetime, _t: Thresholds) -> Iterable[Change]:
    for f in store.changes.filings(since):
        yield Change(
            "filing",
            f.symbol,
            f.accepted,
            f"{f.form} filed {f.filing.filed.isoformat()}",
            link=f.url,
        )


def _moves(
    kind: str, moved: Iterable[Moved], beyond: float, what: str, read: str
) -> Iterable[Change]:
    """A change of `kind` for each move beyond `beyond` (a fraction): `what` moved, `read` the
    words before the two days it was read on."""
    for m in moved:
        if m.then != 0 and abs(m.now / m.then - 1) > beyond:
            yield Change(
                kind,
                m.symbol,
                m.at,
                f"{what} {m.then:.2f} → {m.now:.2f} ({(m.now / m.then - 1):+.1%})",
                f"{read} {m.then_day.isoformat()} and {m.now_day.isoformat()}",
                before=m.then,
                after=m.now,
            )


def _street(store: Store, since: dt.datetime, t: Thresholds) -> Iterable[Change]:
    eps = store.changes.fiscal_year_eps(since)
    return _moves("street", eps, t.street, "fiscal year EPS consensus", "read")


def _price(store: Store, since: dt.datetime, t: Thresholds) -> Iterable[Change]:
    return _moves("price", store.changes.closes(since), t.price, "close", "closes of")


def _verdicts(store: Store, since: dt.datetime, _t: Thresholds) -> Iterable[Change]:
    for e in store.verdicts.events(since=since, limit=-1):
        why = "; ".join(reason_text(r) for r in e.reasons)
        yield Change("verdict", e.symbol, e.ts, f"verdict {e.previous} → {e.verdict}", why)


def _journal(store: Store, since: dt.datetime, _t: Thresholds) -> Iterable[Change]:
    for n in store.journal.entries(since=since, limit=-1):
        tags = f" ({n.tags})" if n.tags else ""
        yield Change("journal", n.symbol, n.ts, f"journal{tags}", n.text)


def _goalposts(store: Store, since: dt.datetime, _t: Thresholds) -> Iterable[Change]:
    for m in store.journal.moves():
        if m.at > since:
            said = "explained by a journal note" if m.noted else "moved without a note"
            yield Change("goalpost", m.symbol, m.at, f"goalpost: {move_text(m)}", said)


# Every kind of change, in the order a ticker's group lists kinds at the same moment.
CHANGE_KINDS: tuple[ChangeKind, ...] = (
    ChangeKind("verdict", "verdict", _verdicts),
    ChangeKind("journal", "journal", _journal),
    ChangeKind("goalpost", "goalpost", _goalposts),
    ChangeKind("checkpoint", "checkpoint", _checkpoints),
    ChangeKind("evidence", "evidence", _evidence),
    ChangeKind("release", "release", _releases),
    ChangeKind("filing", "filing", _filings),
    ChangeKind("street", "Street", _street),
    ChangeKind("price", "price", _price),
)
LABELS = {k.name: k.label for k in CHANGE_KINDS}


def load_changes(
    store: Store, since: dt.datetime, thresholds: Thresholds = THRESHOLDS
) -> list[Change]:
    """Every change since `since`, grouped by ticker (the ticker of the newest change first),
    newest first within a ticker."""
    changes = [c for kind in CHANGE_KINDS for c in kind.read(store, since, thresholds)]
    return [c for _symbol, group in grouped(changes) for c in group]


def grouped(changes: Iterable[Change]) -> list[tuple[str, list[Change]]]:
    """(symbol, its changes newest first), the symbol of the newest change first."""
    order = {k.name: i for i, k in enumerate(CHANGE_KINDS)}
    by_symbol: dict[str, list[Change]] = {}
    for c in changes:
        by_symbol.setdefault(c.symbol, []).append(c)
    for group in by_symbol.values():
        group.sort(key=lambda c: (-c.at.timestamp(), order.get(c.kind, len(order))))
    return sorted(by_symbol.items(), key=lambda item: (-item[1][0].at.timestamp(), item[0]))
