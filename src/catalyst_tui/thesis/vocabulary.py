"""The words a thesis is written and judged in: checkpoint kinds and statuses, declared once."""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    """What a checkpoint is: judged by you, a condition that must become true, or one that must
    keep holding."""

    MILESTONE = "milestone"
    TARGET = "target"
    GUARD = "guard"


class Status(StrEnum):
    """Where a checkpoint stands. A guard that holds is `met` (shown as "holding")."""

    PENDING = "pending"
    MET = "met"
    MISSED = "missed"


class Verdict(StrEnum):
    """Where a thesis stands as a whole (thesis/verdict.py: the rules), worst first."""

    BROKEN = "broken"
    AT_RISK = "at risk"
    INTACT = "intact"
    PROVEN = "proven"
    UNJUDGED = "unjudged"  # nothing could be judged: no checkpoint, or none met or missed yet


#: The verdicts from the worst to the best: a portfolio's is the worst of its tickers'.
VERDICTS: tuple[Verdict, ...] = tuple(Verdict)
#: How each verdict looks (a rich style, as STATUS_STYLE: the TUI maps it to a theme's role).
VERDICT_STYLE: dict[str, str] = {
    Verdict.BROKEN: "bold red",
    Verdict.AT_RISK: "yellow",
    Verdict.INTACT: "dodger_blue2",
    Verdict.PROVEN: "green",
    Verdict.UNJUDGED: "grey50",
}

#: What a journal note may say was done, and with what conviction (`catalyst note`, the ticker
#: page's `j`).
JOURNAL_ACTIONS: tuple[str, ...] = ("add", "trim", "exit", "hold")
CONVICTIONS: tuple[str, ...] = ("high", "medium", "low")

#: How a guard that is met reads (thesis/kinds.py gives each kind its words).
NONE = "—"  # a value not known (no price, no rate): said, never shown as 0.00 or left blank
HOLDING = "holding"
#: How each status looks wherever it is shown (the screens and the CLI's tables), as a rich
#: style, by the status's value, never by the words a kind reads it in (a guard's "holding" is
#: `met`). Pending is waiting, not a warning: blue marks it apart without the alarm of yellow;
#: only a miss is red.
STATUS_STYLE: dict[str, str] = {
    Status.MET: "green",
    Status.MISSED: "bold red",
    Status.PENDING: "dodger_blue2",
}
STATUS_MARK: dict[str, str] = {
    Status.MET: "✓",
    Status.MISSED: "✗",
    Status.PENDING: "·",
}

# As plain words: lists of choices print them (argparse's "choose from ..."), where an enum
# member would show its repr (<Status.MET: 'met'>). KIND_NAMES are the words of the kinds;
# thesis/kinds.KINDS is the table of what each kind is, in the same order.
KIND_NAMES: tuple[str, ...] = tuple(str(kind) for kind in Kind)
STATUSES: tuple[str, ...] = tuple(str(status) for status in Status)
# What a user may ask to be notified of ([settings] notify): transitions, new evidence for a
# pending checkpoint, an earnings release read the evening it lands (one per release), and a
# change of a ticker's verdict.
EVIDENCE = "evidence"
RESULTS = "results"
VERDICT = "verdict"  # a ticker's verdict changed (thesis/verdict.py)
NOTIFY_TRANSITIONS: tuple[str, ...] = (Status.MISSED, Status.MET, EVIDENCE, RESULTS, VERDICT)
