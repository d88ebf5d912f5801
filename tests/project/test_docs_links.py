"""Every link of the README and of every docs page goes somewhere: a file named from inside the
page's own folder exists, and an anchor (`#what-is-known-when`) is a heading of the page it
names, spelled as GitHub spells a heading's anchor. Links to the web are not followed (the
tests never reach the internet); code blocks and code spans are not links."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

_FENCE = re.compile(r"^(```|~~~)")
_CODE_SPAN = re.compile(r"`[^`\n]*`")
# [text](target) and ![alt](target); the target ends at the first space or ")" (a title after
# it is not ours to read). Linear: no group can match what another one does.
_INLINE = re.compile(r"!?\[[^\]\n]*\]\(<?([^)\s>]*)>?(?:\s[^)\n]*)?\)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s.*)?$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_HTML_ANCHOR = re.compile(r"""<a\s+(?:name|id)=["']([^"']+)["']""")


def prose_lines(text: str) -> list[tuple[int, str]]:
    """The page's lines outside fenced code blocks, each with its number."""
    out, fenced = [], False
    for number, line in enumerate(text.splitlines(), 1):
        if _FENCE.match(line.lstrip()):
            fenced = not fenced
            continue
        if not fenced:
            out.append((number, line))
    return out


def anchor(heading: str) -> str:
    """A heading's anchor as GitHub makes it: lower case, markup and punctuation dropped (a
    word's letters, digits, `-` and `_` kept), each space a `-`."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link in it: its words
    text = text.replace("`", "").replace("*", "").strip().lower()
    return "".join(c for c in text if c.isalnum() or c in "-_ ").replace(" ", "-")


def anchors(page: Path) -> set[str]:
    """Every anchor of `page`: its headings' (a repeated one gets -1, -2, ... as GitHub's does)
    and the HTML anchors written in it."""
    found: set[str] = set()
    seen: dict[str, int] = {}
    for _, line in prose_lines(page.read_text(encoding="utf-8")):
        heading = _HEADING.match(line)
        if heading:
            name = anchor(heading.group(2))
            count = seen.get(name, 0)
            seen[name] = count + 1
            found.add(name if count == 0 else f"{name}-{count}")
        found.update(_HTML_ANCHOR.findall(line))
    return found


def links(page: Path) -> list[tuple[int, str]]:
    """Each link target of `page` with its line: inline links, images and references."""
    out = []
    for number, line in prose_lines(page.read_text(encoding="utf-8")):
        reference = _REFERENCE.match(line)
        if reference:
            out.append((number, reference.group(1)))
            continue
        out.extend((number, target) for target in _INLINE.findall(_CODE_SPAN.sub("", line)))
    return out


def broken(page: Path, target: str) -> str:
    """Why `target`, linked from `page`, goes nowhere; "" when it goes somewhere."""
    if re.match(r"[a-z][a-z0-9+.-]*:", target, re.IGNORECASE):  # https:, mailto: ...
        return ""
    path, _, fragment = target.partition("#")
    named = (page.parent / unquote(path)).resolve() if path else page
    if not named.exists():
        return f"no file {_shown(named)}"
    if fragment and named.suffix == ".md" and unquote(fragment) not in anchors(named):
        return f"no heading #{fragment} in {_shown(named)}"
    return ""


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_link_of_the_page_goes_somewhere(page: Path):
    found = [
        f"{page.relative_to(ROOT)}:{number}: ({target}): {why}"
        for number, target in links(page)
        if (why := broken(page, target))
    ]
    assert not found, "\n".join(found)


def test_the_check_finds_a_link_named_from_the_wrong_folder(tmp_path: Path):
    """docs/commands.md once linked docs/thesis.md from inside docs/: a file that is not there,
    and an anchor that is not a heading."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "thesis.md").write_text("# The thesis\n\n## What is known when\n", encoding="utf-8")
    page = docs / "commands.md"
    page.write_text(
        "[a](docs/thesis.md#what-is-known-when) [b](thesis.md#what-is-known-when) "
        "[c](thesis.md#what-was-known) [d](https://example.com/x) `[e](nowhere.md)`\n",
        encoding="utf-8",
    )
    said = {target: broken(page, target) for _, target in links(page)}
    assert said["docs/thesis.md#what-is-known-when"].startswith("no file ")
    assert said["thesis.md#what-is-known-when"] == ""
    assert said["thesis.md#what-was-known"] == "no heading #what-was-known in thesis.md"
    assert said["https://example.com/x"] == ""
    assert "nowhere.md" not in said


def test_anchors_are_spelled_as_github_spells_them():
    assert anchor("Feeds: `feeds`") == "feeds-feeds"
    assert anchor("What is known when") == "what-is-known-when"
    assert anchor("`[[tickers.SYMBOL.checkpoints]]`") == "tickerssymbolcheckpoints"
    assert anchor("A passage's stance") == "a-passages-stance"
