"""The ticker screen's panes, one row each: the screen is built from this table (its number
keys, its tabs, where the focus goes, the keys of every pane). Adding a pane is a row here and
the pane's own module (a TickerPane: its widgets, `show`, its KEYS and their actions)."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from .chart_pane import ChartPane
from .checkpoints import CheckpointsPane
from .estimates import EstimatesPane
from .evidence import EvidencePane
from .kpis import KpisPane
from .lines import LinesPane
from .position import PositionPane
from .results import ResultsPane
from .thesis import ThesisPane

if TYPE_CHECKING:
    from textual.binding import Binding

    from .pane import TickerPane


class Pane(NamedTuple):
    key: str  # the number key that shows it; its tab reads "<key> <title>"
    id: str
    title: str
    widget: type[TickerPane]
    focus: str  # the widget the focus goes to when it is shown, so its keys show in the Footer

    @property
    def keys(self) -> tuple[Binding, ...]:
        """Its keys (the widget's KEYS): they work on every pane."""
        return self.widget.KEYS


PANES: tuple[Pane, ...] = (
    Pane("1", "checkpoints", "Checkpoints", CheckpointsPane, "#checkpoint-table"),
    Pane("2", "chart", "Chart", ChartPane, "#ranges"),
    Pane("3", "position", "Position", PositionPane, "#position-scroll"),
    Pane("4", "thesis", "Thesis", ThesisPane, "#thesis-scroll"),
    Pane("5", "evidence", "Evidence", EvidencePane, "#evidence-table"),
    Pane("6", "results", "Results", ResultsPane, "#results-table"),
    Pane("7", "estimates", "Estimates", EstimatesPane, "#estimates-box"),
    Pane("8", "lines", "Lines", LinesPane, "#lines-table"),
    Pane("9", "kpis", "KPIs", KpisPane, "#kpis-table"),
)


TAB_PADDING = 2  # cells around each tab's label (Textual's Tab: padding 0 1)


def tab_labels(width: int, shown: str) -> dict[str, str]:
    """Each pane's tab label in a row of `width` cells: every title whole where all fit
    ("1 Checkpoints  2 Chart ..."); else the shown pane's whole and the others' first three
    letters ("2 Cha"); else the others' number alone (docs/tui.md)."""
    labels: dict[str, str] = {}
    for letters in (None, 3, 0):
        labels = {p.id: _label(p, None if p.id == shown else letters) for p in PANES}
        if sum(len(label) + TAB_PADDING for label in labels.values()) <= width:
            break
    return labels


def _label(pane: Pane, letters: int | None) -> str:
    """ "1 Checkpoints" whole (None), its title's first `letters` letters, or its number (0)."""
    return f"{pane.key} {pane.title[:letters]}".rstrip()
