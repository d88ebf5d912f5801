"""A count is said with its noun, in the plural it takes: no string the program says ("22
passage(s)", "3 release(s)", "%d transition(s)") makes the reader do it by parenthesis. Every
string constant of the source but the docstrings is read by `ast` (f-strings' parts, log
formats, messages); "http(s)", a scheme's name, is not a plural. The one way to say a count is
text.counted."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from catalyst_tui.text import counted

SOURCE = Path(__file__).resolve().parents[2] / "src" / "catalyst_tui"
# A word, then a plural's ending in parentheses: passage(s), match(es), entr(ies).
_BY_PARENTHESIS = re.compile(r"[A-Za-z]\((?:s|es|ies)\)")
_NOT_A_PLURAL = ("http(s)",)


def docstrings(tree: ast.AST) -> set[int]:
    """The ids of the docstrings' constants in `tree`: not said by the program."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def plurals_by_parenthesis(source: str) -> list[tuple[int, str]]:
    """Each (line, string) of `source` that says a plural by parenthesis."""
    tree = ast.parse(source)
    skipped = docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        if id(node) in skipped:
            continue
        text = node.value
        for name in _NOT_A_PLURAL:
            text = text.replace(name, "")
        if _BY_PARENTHESIS.search(text):
            found.append((node.lineno, node.value))
    return found


def test_no_string_says_a_plural_by_parenthesis():
    found = [
        f"{path.relative_to(SOURCE)}:{line}: {text!r}"
        for path in sorted(SOURCE.rglob("*.py"))
        for line, text in plurals_by_parenthesis(path.read_text(encoding="utf-8"))
    ]
    assert not found, "say the count with text.counted:\n" + "\n".join(found)


def test_the_check_finds_what_it_names_and_leaves_the_rest():
    source = '''
def f(n, m):
    """Docstrings may say passage(s): no one is told them."""
    log.info("%d transition(s), %d recorded", n, m)
    a = f"{n} passage(s) found (5 shows them)"
    b = f"{m} match(es) and {n} entr(ies)"
    c = "not an http(s) URL"
    d = counted(n, "passage")
'''
    assert sorted({line for line, _ in plurals_by_parenthesis(source)}) == [4, 5, 6]


def test_a_count_takes_its_nouns_plural():
    assert counted(1, "passage") == "1 passage"
    assert counted(0, "passage") == "0 passages"
    assert counted(22, "passage") == "22 passages"
    assert counted(1204, "passage") == "1,204 passages"
    assert counted(2, "miss", "misses") == "2 misses"
    assert counted(1, "series", "series") == "1 series"
