"""docs/thesis.md's table of verdict rules is thesis/verdict.py's RULES, row for row: the same
rules in the same order, each reading what its row says (`Rule.reads`, the docs' words) and
concluding the same verdict, its reason starting with the rule's words."""

from __future__ import annotations

import re
from pathlib import Path

from catalyst_tui.thesis.verdict import RULES, Rule

DOCS = Path(__file__).resolve().parents[2] / "docs" / "thesis.md"
HEADER = "| rule | reads | concludes | reason |\n|---|---|---|---|\n"
ROW = re.compile(
    r"^\| `(?P<name>\w+)` \| (?P<reads>.+?) \| (?P<concludes>[^|]+) \| (?P<reason>.+) \|$"
)


def docs_rows(text: str) -> list[dict[str, str]]:
    start = text.index(HEADER) + len(HEADER)
    table = text[start : text.index("\n\n", start)]
    rows = []
    for line in table.splitlines():
        found = ROW.match(line)
        assert found is not None, f"docs/thesis.md: not a row of the rules' table: {line}"
        rows.append(found.groupdict())
    return rows


def reason_starts_as(rule: Rule, reason: str) -> bool:
    """The reason column quotes the rule's words, TITLE for the checkpoint's title."""
    quoted = re.match(r"`([^`]+)`", reason)
    return quoted is not None and quoted.group(1).startswith(rule.words.replace("{title}", "TITLE"))


def test_the_docs_table_of_verdict_rules_is_rules():
    rows = docs_rows(DOCS.read_text(encoding="utf-8"))
    assert [r["name"] for r in rows] == [rule.name for rule in RULES]
    for rule, row in zip(RULES, rows, strict=True):
        assert row["reads"] == rule.reads, rule.name
        assert row["concludes"] == str(rule.concludes), rule.name
        assert reason_starts_as(rule, row["reason"]), (rule.name, row["reason"])


def test_the_pin_sees_a_row_that_differs():
    rule = RULES[0]
    row = f"| `{rule.name}` | {rule.reads} | {rule.concludes} | `{rule.words}` |"
    table = HEADER + row.replace(str(rule.concludes), "proven") + "\n\n"
    (parsed,) = docs_rows(table)
    assert parsed["concludes"] != str(rule.concludes)
    assert not reason_starts_as(rule, "`something else: TITLE`")
