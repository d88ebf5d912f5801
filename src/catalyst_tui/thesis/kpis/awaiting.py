"""No kill criterion broken by words alone. A KPI statement read from words (a share, a growth, a
guidance direction: thesis/kpis/statements.py) is a machine's reading of a sentence; where it is
what turns a `kill = true` checkpoint missed, the verdict is at risk, awaiting your word, not
broken (thesis/verdict.py, rule `kill_awaiting_word`), until you confirm the statement
(`catalyst kpis accept ID`, `y` on the KPIs pane: then the thesis is broken) or dismiss it
(`catalyst kpis dismiss ID`, `d`: it judges nothing, now or later). Figures from XBRL or a
release's tables are no reading of words: they decide as they always did.

Pure: the statements of a checkpoint's symbol in, the one that decides its condition out. The
record loads with the store (the verdict's reasons keep it); the metrics it reads, with the
first statement judged."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ..evidence.stance import QUOTED

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ..conditions import Condition
    from .statements import StatedKpi


class Awaiting(NamedTuple):
    """The KPI statement that alone turns a kill criterion missed, awaiting your word: its ID,
    what it says, its sentence and where it was read."""

    kpi_id: int
    said: str  # "9% of revenue", "+3% sequentially", "cut"
    sentence: str
    where: str  # "ALAB call of 2026-11-04"

    @property
    def quoted(self) -> str:
        """ "“Scorpio was 9% of revenue …” (ALAB call of 2026-11-04)", the sentence cut at
        QUOTED characters."""
        sentence = " ".join(self.sentence.split())
        if len(sentence) > QUOTED:
            sentence = sentence[: QUOTED - 1].rstrip() + "…"
        return f"“{sentence}” ({self.where})"

    @property
    def text(self) -> str:
        """The verdict it leaves, and how to give your word, as `check` says it."""
        return (
            f"at risk, awaiting your word on a KPI read from words — {self.confirm} — {self.quoted}"
        )

    def notice(self, title: str) -> str:
        """A notification's body, how to confirm first (a popup shows 200 characters): "words
        alone missed the kill criterion Scorpio holds a fifth: confirm with catalyst kpis
        accept 12 (y on the KPIs pane), or dismiss 12 if misread — “…” (ALAB call of …)"."""
        return (
            f"words alone missed the kill criterion {title}: confirm with catalyst kpis accept "
            f"{self.kpi_id} (y on the KPIs pane), or dismiss {self.kpi_id} if misread — "
            f"{self.quoted}"
        )

    def json(self) -> dict[str, object]:
        """As `--json` writes it: the statement's ID, what it says, its sentence and where."""
        return {
            "kpi_id": self.kpi_id,
            "said": self.said,
            "sentence": self.sentence,
            "where": self.where,
        }

    @property
    def confirm(self) -> str:
        """How to give your word: "confirm: catalyst kpis accept 12 (y on the KPIs pane), or
        dismiss: catalyst kpis dismiss 12 (d)"."""
        return (
            f"confirm: catalyst kpis accept {self.kpi_id} (y on the KPIs pane), or dismiss: "
            f"catalyst kpis dismiss {self.kpi_id} (d)"
        )


def deciding(statements: Iterable[StatedKpi], condition: Condition) -> StatedKpi | None:
    """The statement that judges `condition` (a KPI metric's: `share(Scorpio) >= 20%`,
    `guidance == "raised"`): the outcome of its kind and subject `newest_stated` picks, as the
    metric reads it (thesis/kpis/metrics.py)."""
    from .metrics import newest_stated  # with the first statement judged, not the first frame

    subject = (condition.line or "").casefold()
    series = [
        s
        for s in statements
        if s.kpi.kind == condition.metric and s.kpi.subject.casefold() == subject
    ]
    return newest_stated(series)


def awaiting(statements: Iterable[StatedKpi], condition: Condition, symbol: str) -> Awaiting | None:
    """The statement deciding `condition` when you have not confirmed it; None when none
    decides it or you did."""
    from .metrics import as_said, where

    stated = deciding(statements, condition)
    if stated is None or stated.decision == "accepted":
        return None
    return Awaiting(stated.kpi_id, as_said(stated), stated.kpi.sentence, where(stated, symbol))
