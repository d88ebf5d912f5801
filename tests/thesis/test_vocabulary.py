"""The statuses are declared once (thesis/vocabulary.py): no module compares with or writes a
status as a bare word, in Python or in SQL, so renaming one is one edit."""

from __future__ import annotations

import re
from pathlib import Path

from catalyst_tui.thesis.kinds import KINDS
from catalyst_tui.thesis.vocabulary import STATUS_MARK, STATUS_STYLE, STATUSES

SOURCE = Path(__file__).resolve().parents[2] / "src" / "catalyst_tui"
#: A status word in quotes beside a comparison: `== "missed"`, `status = 'met'`, `in ("met",`.
BARE = re.compile(
    r"""(?:==|!=|\bin\s*[(\[{]|=\s*)\s*["'](?P<word>""" + "|".join(STATUSES) + r""")["']"""
)


def bare_status_words(root: Path) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        if path.name == "vocabulary.py" and path.parent.name == "thesis":
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if BARE.search(line.split("#", 1)[0]):
                found.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
    return found


def test_no_module_writes_a_status_bare():
    assert bare_status_words(SOURCE) == []


def test_the_check_finds_a_bare_status(tmp_path: Path):
    (tmp_path / "a.py").write_text('hit = status == "missed"\nsql = "SUM(status = \'met\')"\n')
    assert len(bare_status_words(tmp_path)) == 2


def test_a_status_is_styled_by_its_value_never_by_the_words_it_reads_in():
    """A guard that is met reads "holding" (thesis/kinds.py): its colour and mark are met's,
    looked up by the status, so no kind's words are a key of the styles."""
    assert set(STATUS_STYLE) == set(STATUS_MARK) == set(STATUSES)
    words = {row.met_word for row in KINDS.values()} | {
        row.met_again_word for row in KINDS.values()
    }
    assert "holding" in words
    assert not (words - set(STATUSES)) & set(STATUS_STYLE)
