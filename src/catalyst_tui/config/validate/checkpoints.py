"""The checks of a `[[tickers.SYMBOL.checkpoints]]` table: its id, its kind and the keys the kind's
row in thesis/kinds.py requires and forbids, its `when` condition and its evidence entries."""

from __future__ import annotations

import difflib
import math
import re
from typing import Any

from ...thesis.awaiting import AT_DUE, JUDGED_VALUES
from ...thesis.catalogue import METRICS
from ...thesis.conditions import Condition, ConditionError, parse_condition
from ...thesis.evidence.passages import EntryError, parse_entry
from ...thesis.kinds import KINDS, NEEDS, KindSpec, one_of, spec
from ...thesis.vocabulary import KIND_NAMES
from ..issues import IssueCode, KeyPath
from ..model import CHECKPOINT_KEYS, Checkpoint
from ..reader import LocatedReader, describe

CHECKPOINT_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}\Z")
MAX_EVIDENCE_ENTRIES = 20


class CheckpointChecks(LocatedReader):
    """A checkpoint table, checked: `checkpoint` returns it, or None after reporting."""

    def checkpoint(self, value: Any, path: KeyPath, *, seen_ids: set[str]) -> Checkpoint | None:
        table = self.table(value, path, CHECKPOINT_KEYS)
        if table is None:
            return None
        before = len(self.issues)
        cid = self.string(table, "id", path, required=True, allow_empty=False)
        if cid is not None:
            if not CHECKPOINT_ID_RE.match(cid):
                self.error(
                    path + ("id",),
                    f"{cid!r} is not a checkpoint id: use lower-case "
                    "letters, digits, - and _ (e.g. 'gross-margin-floor')",
                    code=IssueCode.BAD_VALUE,
                )
            elif cid in seen_ids:
                message = f"duplicate checkpoint id {cid!r} in this ticker"
                self.error(path + ("id",), message, code=IssueCode.DUPLICATE)
            seen_ids.add(cid)
        title = self.string(table, "title", path, required=True, allow_empty=False)
        kind = self.string(table, "kind", path, required=True, allow_empty=False)
        if kind is not None and kind not in KINDS:
            close = difflib.get_close_matches(kind, KIND_NAMES, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            message = f"unknown kind {kind!r}{hint}: use {one_of()}"
            self.error(path + ("kind",), message, code=IssueCode.BAD_VALUE)
            kind = None
        due = self.date(table, "due", path)
        until = self.date(table, "until", path)
        period_end = self.date(table, "period_end", path)
        source = self.string(table, "source", path) or ""
        notes = self.string(table, "notes", path) or ""
        when = self.condition(table, path)
        evidence = self.evidence(table, path)
        kill = self.kill(table, path)
        judged = self.judged(table, path)
        confidence = self.number(table, "confidence", path, required=False, check=_probability)
        if kind is not None:
            self.keys_of_kind(spec(kind), table, path)
        if when is not None and period_end is not None and not METRICS[when.metric].pinnable:
            pinnable = ", ".join(m.name for m in METRICS.values() if m.pinnable)
            self.error(
                path + ("period_end",),
                f"period_end pins a fundamentals metric ({pinnable}), not {when.metric}",
                code=IssueCode.FORBIDDEN_KEY,
                at_key=True,
            )

        if len(self.issues) > before or cid is None or title is None or kind is None:
            return None
        return Checkpoint(
            cid,
            title,
            kind,
            due,
            until,
            when,
            period_end,
            source,
            notes,
            evidence,
            kill,
            judged,
            confidence,
        )

    def judged(self, table: dict[str, Any], path: KeyPath) -> str:
        """`judged`: "at due" for a milestone a date alone decides, "by report" (the default) for
        one its quarter's report settles (thesis/awaiting.py); a milestone's alone (KINDS)."""
        value = table.get("judged", "by report")
        if value not in JUDGED_VALUES:
            choices = " or ".join(repr(v) for v in JUDGED_VALUES)
            message = f"judged is {choices}, not {describe(value)}"
            self.error(path + ("judged",), message, code=IssueCode.BAD_VALUE)
            return ""
        return AT_DUE if value == AT_DUE else ""

    def kill(self, table: dict[str, Any], path: KeyPath) -> bool:
        """`kill`: true when the checkpoint is the thesis's kill criterion (thesis/verdict.py)."""
        value = table.get("kill", False)
        if not isinstance(value, bool):
            message = f"kill is true or false, not {describe(value)}"
            self.error(path + ("kill",), message, code=IssueCode.WRONG_TYPE)
            return False
        return value

    def keys_of_kind(self, row: KindSpec, table: dict[str, Any], path: KeyPath) -> None:
        """The keys the kind's row requires are there, and those it forbids are not."""
        for key in row.required:
            if key not in table:
                self.missing(path, key, f"a {row.kind} needs {NEEDS[key]}")
        for key, why in row.forbidden:
            if key in table:
                self.error(path + (key,), why, code=IssueCode.FORBIDDEN_KEY, at_key=True)

    def evidence(self, table: dict[str, Any], path: KeyPath) -> tuple[str, ...]:
        """`evidence`: a list of entries, each words and "quoted phrases" (thesis/evidence)."""
        if "evidence" not in table:
            return ()
        value = table["evidence"]
        if not isinstance(value, list):
            message = f"must be a list of strings, not {describe(value)}"
            self.error(path + ("evidence",), message, code=IssueCode.WRONG_TYPE)
            return ()
        if len(value) > MAX_EVIDENCE_ENTRIES:
            message = f"{len(value)} entries: at most {MAX_EVIDENCE_ENTRIES} per checkpoint"
            self.error(path + ("evidence",), message, code=IssueCode.TOO_LARGE)
            return ()
        entries: list[str] = []
        for index, item in enumerate(value):
            item_path = path + ("evidence", index)
            if not isinstance(item, str):
                message = f"must be a string, not {describe(item)}"
                self.error(item_path, message, code=IssueCode.WRONG_TYPE)
                continue
            try:
                entry = parse_entry(item)
            except EntryError as exc:
                offset = 1 + exc.offset
                self.error(item_path, exc.message, code=IssueCode.BAD_VALUE, col_offset=offset)
                continue
            if entry.text in entries:
                self.error(item_path, f"{item!r} is listed twice", code=IssueCode.DUPLICATE)
                continue
            entries.append(entry.text)
        return tuple(entries)

    def condition(self, table: dict[str, Any], path: KeyPath) -> Condition | None:
        text = self.string(table, "when", path)
        if text is None:
            return None
        try:
            condition = parse_condition(text)
        except ConditionError as exc:
            # Point inside the quoted string, at the character as the file writes it.
            offset = self.positions.within(path + ("when",), exc.offset)
            self.error(path + ("when",), exc.message, code=IssueCode.BAD_VALUE, col_offset=offset)
            return None
        if not math.isfinite(condition.threshold):  # '1e400' is a float: inf
            number = condition.threshold_text
            self.error(
                path + ("when",),
                f"{number!r} is too large a number to compare with",
                code=IssueCode.BAD_VALUE,
                col_offset=1 + max(0, text.rfind(number)),
            )
            return None
        return condition


def _probability(value: float) -> str | None:
    """`confidence`: a probability strictly between 0 and 1 (0.7 for 70%). 0 and 1 are not
    probabilities of this kind but certainties, which calibration cannot score: it measures how
    often what you gave 70% came true, and "always" or "never" leaves nothing to measure."""
    if 0 < value < 1:
        return None
    if value in (0, 1):
        sure, like = ("it will be met", "0.99 for 99%") if value else ("it will not", "0.01 for 1%")
        return (
            f"confidence {value:g} says you are certain {sure}, and a certainty cannot be "
            "scored (calibration measures how often what you gave 70% came true): 0 and 1 are "
            f"excluded; give a probability between them ({like})"
        )
    return (
        f"confidence is a probability between 0 and 1, both excluded, not {value:g} (0.7 for 70%)"
    )
