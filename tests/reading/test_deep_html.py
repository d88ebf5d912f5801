"""Deeply nested HTML: lexbor's time grows with the square of the nesting (200,000 nested divs in
a 2.2 MB exhibit kept a refresh busy for 291 s, in a thread nothing could cancel). What lexbor
is given is bounded first (reading/html_bounds.py), the text kept whole; how long a parse takes
is bench/evidence.py's to say, what is checked here is the bound itself and the text."""

from __future__ import annotations

import re

import pytest

from catalyst_tui.reading.documents import MAX_TEXT, html_to_text
from catalyst_tui.reading.filing_index import parse_filing_index
from catalyst_tui.reading.html_bounds import MAX_DEPTH, bounded_nesting
from catalyst_tui.reading.release.document import read_document
from tests.support.shared import SAMPLES

DEEP = 200_000
HOSTILE = {
    "nested divs": "<div>line {i}" * DEEP,
    "unclosed fonts, each its own": "".join(
        f"<font size={i}>word {i}<p>x</p>" for i in range(DEEP)
    ),
    "self-closed divs (open in HTML)": "<div/>line {i}" * DEEP,
    "nested tables": "<table><tr><td>cell {i}" * (DEEP // 4),
}


def nesting(html: str) -> int:
    """The deepest open-element count of tags that nest, as bounded_nesting counts them."""
    depth = deepest = 0
    for closing, name in re.findall(r"<(/?)([a-zA-Z][\w:.-]*)[^<>]*>", html):
        if name.lower() in {"p", "td", "tr", "th", "li", "br", "html", "body"}:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest


@pytest.mark.parametrize("shape", HOSTILE, ids=list(HOSTILE))
def test_no_document_reaches_lexbor_nested_past_the_bound_and_no_text_is_lost(shape):
    html = "<html><body>" + HOSTILE[shape] + "</body></html>"
    bounded = bounded_nesting(html)
    assert nesting(html) > MAX_DEPTH >= nesting(bounded)
    assert re.sub(r"<[^<>]*>", "", bounded) == re.sub(r"<[^<>]*>", "", html)  # the text, whole


def test_two_hundred_thousand_nested_divs_give_every_line():
    html = "<html><body>" + "".join(f"<div>line {i}" for i in range(DEEP)) + "</body></html>"
    lines = html_to_text(html).splitlines()
    assert lines[:3] == ["line 0", "line 1", "line 2"] and lines[-1] == f"line {DEEP - 1}"
    assert len(lines) == DEEP  # each div past the bound still ends its line


def test_a_real_document_is_read_as_before():
    """The recorded 10-Q nests a few dozen deep: the bound leaves it as it is."""
    body = (SAMPLES / "sec_10q_NVDA_nvda-20250727.htm").read_text()
    assert bounded_nesting(body) == body
    assert "Data Center" in html_to_text(body)


def test_a_deep_index_page_and_release_are_read_within_the_bound():
    page = (SAMPLES / "sec_8k_ADBE_0000796343-23-000044-index.html").read_text()
    deep = page.replace("<body>", "<body>" + "<div>" * DEEP, 1)
    assert [d.type for d in parse_filing_index(deep)] == [d.type for d in parse_filing_index(page)]
    release = "<html><body>" + "<div>" * DEEP + "<table><tr><td>Revenue</td><td>$5</td></tr>"
    document = read_document(release + "</table></body></html>")
    assert document is not None and document.tables


def test_the_text_kept_of_one_document_is_capped_at_a_line_end():
    line = "A line of a document that goes on and on. " * 10
    text = html_to_text("\n".join([line] * (MAX_TEXT // len(line) + 100)))
    assert MAX_TEXT - len(line) - 1 <= len(text) <= MAX_TEXT
    assert text.endswith(line.strip())
