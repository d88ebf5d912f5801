"""The grid of a plain-text exhibit (EDGAR's `.txt` releases): fields placed by character offset.

Pure. A statement printed in fixed-width columns ("NET REVENUE......   $  8,471   $  7,833")
becomes rows of fields, runs of words one space apart, each at its offset (a label run into its
figure one space apart is split from it; a label wrapped after an unfinished phrase, "Net
income applicable to" over "  common stockholders ... $ 95", is joined). What only draws
the page goes: rules ("---------", "=========") under the figures and dotted leaders between a
label and its figures ("Net income......"). Figures are right-aligned, so a narrow one ("44")
starts further right than a wide one ("8,471") and a heading centred over the column may not
reach it: each figure is widened to its column's extent, the span its column's figures cover
together, so the heading above a column covers every figure in it, as a colspan does in HTML.
Columns are found from the figures themselves; where two figures of one row would fall in one
column (misaligned columns), no figure is widened and each keeps its own span.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .periods import year_alone

__all__ = ["Field", "blocks"]

Field = tuple[int, int, str]  # start, end, text

_FIELD = re.compile(r"\S+(?: \S+)*")  # runs of words one space apart
_LEADER = re.compile(r"\.{3,}|(?:\. ){2,}\.|_{3,}(?=\s)")  # "Net income......", ". . . ."
_RULE = re.compile(r"^[-=_~*]+$")
_FIGURE = re.compile(r"^\$?\s*\(?\$?\s*-?[\d,]*\d(?:\.\d+)?\)?%?$")
_RUN_IN = re.compile(r"^(?:\$ ?)?\(?\$?-?[\d,]*\d(?:\.\d+)?\)?$")  # a figure ending a label
_LETTER = re.compile(r"[a-z]", re.I)
# a phrase's word that is never its last: a label ending in it goes on
_OPEN = r"\b(?:to|and|of|for|from|in|on|by|the|before|after)"
_UNFINISHED = re.compile(rf"(?:{_OPEN}|[a-z]-|,)$", re.I)
_OPEN_END = re.compile(rf"{_OPEN}$", re.I)
_PROSE_WORDS = 8  # a line of this many words, alone on its line, is prose: no title or label
_FAR = 1 << 62  # beyond any offset
_RULE_CHARS = 3  # a rule is at least this long; "-" and "--" alone print a nil figure


def blocks(text: str, limit: int) -> list[tuple[str, list[list[Field]]]]:
    """The tables of at most `limit` lines: each the running text before it and its rows of
    fields, rules and leaders gone, figures widened. A line of prose (one run of many words)
    ends a table, as the text between two tables does in HTML: a dateline ("SANTA CLARA,
    Calif., Oct. 12, 2004 - Intel today announced ...") is no heading of the columns below."""
    found: list[tuple[str, list[list[Field]]]] = []
    before: list[str] = []
    rows: list[list[Field]] = []
    for line in text.splitlines()[:limit]:
        line = _LEADER.sub(lambda m: " " * len(m.group()), line.expandtabs(8).rstrip())
        fields = [(m.start(), m.end(), m.group()) for m in _FIELD.finditer(line)]
        if not fields or _rules(fields):
            continue
        fields = [*_label_and_figure(fields[0]), *fields[1:]]
        if len(fields) == 1 and len(fields[0][2].split()) >= _PROSE_WORDS:
            if rows:
                found.append((" ".join(before), _widened(rows)))
                before, rows = [], []
            before.append(fields[0][2])
            continue
        if rows and (joined := _wrapped(rows[-1], fields[0])) is not None:
            # "Net income applicable to" / "  common ... $ 95"; a label of three lines, its
            # first two joined first ("Earnings per share before" / "cumulative effect of")
            rows[-1] = [joined, *fields[1:]]
            continue
        rows.append(fields)
    if rows:
        found.append((" ".join(before), _widened(rows)))
    return found


def _wrapped(above: list[Field], label: Field) -> Field | None:
    """The label of a row whose first words stand alone on the line above, left unfinished
    ("Net income applicable to", "Amortization of acquisition-") or continued in lower case
    ("  stockholders"), as one; None otherwise."""
    if len(above) != 1 or label[0] < above[0][0]:
        return None
    if not (_UNFINISHED.search(above[0][2]) or label[2][:1].islower()):
        return None
    start, _, text = above[0]
    words = f"{text}{label[2]}" if text.endswith("-") else f"{text} {label[2]}"
    return (start, label[1], words)


def _label_and_figure(field: Field) -> list[Field]:
    """A label run into its first figure one space apart ("Net loss per share - basic and
    diluted $ (0.01)") as the label and the figure; a year ending a heading stays in it, and so
    does a number finishing a phrase ("For the 13" over "Weeks Ended": no label ends in "the")."""
    start, end, text = field
    cut = text.rfind(" ")
    if cut > 0 and text[cut - 1] == "$":  # "... diluted $ (0.01)": the sign goes with it
        cut = text.rfind(" ", 0, cut - 1)
    head, tail = text[:cut], text[cut + 1 :]
    if cut <= 0 or not _RUN_IN.match(tail) or year_alone(tail) or not _LETTER.search(head):
        return [field]
    if _OPEN_END.search(head):
        return [field]
    return [(start, start + len(head), head), (start + cut + 1, end, tail)]


def _rules(fields: list[Field]) -> bool:
    """A row drawing lines only: every field a rule, one at least as long as a rule is."""
    texts = [text for _, _, text in fields]
    return all(_RULE.match(t) for t in texts) and any(len(t) >= _RULE_CHARS for t in texts)


def _is_figure(text: str) -> bool:
    return _FIGURE.match(text) is not None and not year_alone(text)


def _widened(rows: list[list[Field]]) -> list[list[Field]]:
    """The rows with each figure spanning its column's extent (see the module's docstring)."""
    spans = sorted(
        (start, end)
        for row in rows
        if len(row) > 1
        for start, end, text in row[1:]
        if _is_figure(text)
    )
    columns: list[list[int]] = []  # [start, end] of each column, left to right
    for start, end in spans:
        if columns and start < columns[-1][1]:
            columns[-1][1] = max(columns[-1][1], end)
        else:
            columns.append([start, end])
    if not columns:
        return rows
    extents = [(a, b) for a, b in columns]
    widened: list[list[Field]] = []
    for row in rows:
        out: list[Field] = []
        used: set[int] = set()
        for index, (start, end, text) in enumerate(row):
            column = _column_of(extents, start, end) if index and _is_figure(text) else None
            if column is not None:
                if column in used:
                    return rows  # two figures of a row in one column: columns not aligned
                used.add(column)
                start, end = extents[column]
            out.append((start, end, text))
        widened.append(out)
    return widened


def _column_of(extents: list[tuple[int, int]], start: int, end: int) -> int | None:
    """The column whose extent holds [start, end), found by bisection: a row of thousands of
    figures is read in n log n."""
    index = bisect_right(extents, (start, _FAR)) - 1
    if index >= 0 and extents[index][0] <= start and end <= extents[index][1]:
        return index
    return None
