"""What waits for the SEC contact (`providers.sec.user_agent`) while it is unset: the checkpoints
that stay pending because no SEC figure can be fetched, and the evidence entries that are read
in headlines only (no filings). Said by the ticker screen (of its ticker) and `catalyst refresh`
(of all), in the same words."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ..text import counted
from ..thesis.observation import MissingCode
from ..thesis.vocabulary import Status

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ..store.records import CheckpointRecord

#: Why SEC asks for it, in the words of the first start's form.
WHY_CONTACT = (
    "SEC EDGAR answers only requests that say who makes them (its fair-access policy): a name "
    "and an e-mail address, sent as the User-Agent of catalyst's requests to SEC and nowhere "
    "else. Without it no SEC request is made: revenue, margins and EPS stay unknown, so the "
    "checkpoints built on them stay pending, and evidence is looked for in headlines only, "
    "not in filings. It is written to catalysts.toml as providers.sec.user_agent."
)
SHOWN = 3  # checkpoints named; the rest counted


class SecWait(NamedTuple):
    """The checkpoints (SYMBOL/ID) pending for want of SEC figures, and whether any pending one
    looks for evidence (then in headlines only)."""

    pending: tuple[str, ...]
    evidence: bool

    def __bool__(self) -> bool:
        return bool(self.pending) or self.evidence


def waiting_for_sec(checkpoints: Iterable[CheckpointRecord]) -> SecWait:
    pending, evidence = [], False
    for c in checkpoints:
        if c.status != Status.PENDING:
            continue
        observed = c.reason.observed if c.reason is not None else None
        missing = observed.missing if observed is not None else None
        if missing is not None and missing.code == MissingCode.NO_SEC_USER_AGENT:
            pending.append(f"{c.symbol}/{c.id}")
        evidence = evidence or bool(c.evidence)
    return SecWait(tuple(pending), evidence)


def sec_wait_text(wait: SecWait, *, symbol: str | None = None) -> str:
    """One sentence: what stays pending without the contact, and how to set it. `symbol`: of
    one ticker (its checkpoints named by id alone)."""
    names = [p.split("/", 1)[1] if symbol else p for p in wait.pending]
    parts = []
    if names:
        listed = ", ".join(names[:SHOWN]) + (
            f" and {len(names) - SHOWN} more" if len(names) > SHOWN else ""
        )
        count = len(names)
        verb = "stays" if count == 1 else "stay"
        parts.append(
            f"{counted(count, 'checkpoint')} {verb} pending without SEC figures ({listed})"
        )
    if wait.evidence:
        parts.append("evidence is looked for in headlines only, not in filings")
    said = "; ".join(parts) if parts else "no SEC figures or filings are fetched"
    return f"No SEC contact set (providers.sec.user_agent): {said}."
