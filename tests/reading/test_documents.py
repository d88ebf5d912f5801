"""The readable text of filing documents, on the real ones in tests/fixtures/sec: a Workiva
press release (one long line of divs and numeric entities), an inline XBRL 8-K and 10-Q (a
hidden `ix:header`), and on small hand-written pages and junk."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from catalyst_tui.reading.documents import html_to_text, is_html
from tests.support.shared import SAMPLES

SEC = SAMPLES
ADBE_PR = SEC / "sec_8k_ex99_1_ADBE_2023-03-15_adbeex991q123.htm"
NVDA_8K = SEC / "sec_8k_NVDA_nvda-20260302.htm"
NVDA_10Q = SEC / "sec_10q_NVDA_nvda-20250727.htm"


def assert_clean(text: str) -> None:
    """No tags, no entities, no empty lines, single spaces, nothing around a line."""
    assert not re.search(r"<(?:div|font|span|p|td|tr|table|br|ix:|/)", text, re.IGNORECASE)
    assert not re.search(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+);", text, re.IGNORECASE)
    assert "\xa0" not in text and "\t" not in text and "\r" not in text
    for line in text.split("\n"):
        assert line and line == line.strip() and "  " not in line


def test_adobe_press_release() -> None:
    raw = ADBE_PR.read_bytes()
    assert raw.count(b"\n") < 10 and b"&#160;" in raw and b"&#8217;" in raw  # as the README says
    text = html_to_text(raw)
    assert_clean(text)
    lines = text.split("\n")
    revenue = [line for line in lines if "$4.66 billion" in line]
    assert revenue and revenue[0].endswith(
        "Adobe achieved revenue of $4.66 billion in its first quarter of fiscal year 2023, which "
        "represents 9 percent year-over-year growth or 13 percent in constant currency. Diluted "
        "earnings per share was $2.71 on a GAAP basis and $3.80 on a non-GAAP basis."
    )
    assert "Adobe Reports Record Revenue in Q1 Fiscal 2023" in lines
    assert "ir@adobe.com" in lines  # &#64; decoded
    assert "we’ve" in text  # &#8217; decoded


def test_nvidia_8k_cover_and_items() -> None:
    text = html_to_text(NVDA_8K.read_bytes())
    assert_clean(text)
    lines = text.split("\n")
    assert "FORM 8-K" in lines
    assert "Item 9.01. Financial Statements and Exhibits." in lines
    assert "NVIDIA Corporation" in lines
    assert "$4,000,000" in lines  # a table cell, on its own line


def test_nvidia_10q() -> None:
    raw = NVDA_10Q.read_bytes()
    assert len(raw) > 1_300_000
    text = html_to_text(raw)
    assert_clean(text)
    lines = text.split("\n")
    assert "Note 13 - Segment Information" in lines
    assert "NVIDIA CORPORATION" in lines
    # The hidden inline XBRL header (dei:EntityCentralIndexKey 0001045810 and the contexts)
    # is in the file and not in the text.
    assert b"<ix:header>" in raw and b">0001045810</ix:nonNumeric>" in raw
    assert "0001045810" not in text and "dei:" not in text and "xbrli" not in text
    assert "There were no H20 sales to China-based customers in the second quarter." in text


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>One</p><p>Two</p>", "One\nTwo"),
        ("<div>A<br>B<br/>C</div>", "A\nB\nC"),
        ("<div><b>Scor</b>pio <i>leads</i></div>", "Scorpio leads"),  # inline stays in the line
        ("<div>a&amp;b &lt;tag&gt; &#8217; &#x2019; &nbsp;x&#160;y</div>", "a&b <tag> ’ ’ x y"),
        (
            "<table><tr><td>Revenue</td><td>$</td><td>46,743</td></tr><tr><th>H</th></tr></table>",
            "Revenue\n$\n46,743\nH",
        ),
        ("<ul><li>one</li><li>two</li></ul><h2>Head</h2>after", "one\ntwo\nHead\nafter"),
        (
            "<html><head><title>T</title><style>p{}</style></head><body><script>var x=1</script>"
            "<p>Body</p></body></html>",
            "Body",
        ),
        ('<div style="display:none"><ix:header>hidden</ix:header></div><p>shown</p>', "shown"),
        ('<div STYLE="color:red; DISPLAY: NONE">hidden</div><p>shown</p>', "shown"),
        ("<ix:header><ix:hidden>0001</ix:hidden></ix:header><p>shown</p>", "shown"),
        ("<p>  lots \n of\t\tspace  </p>", "lots of space"),
        ("<p></p><div> </div><p>x</p>", "x"),
        ("<p>one<!-- a comment --> two</p>", "one two"),
    ],
)
def test_html(html: str, text: str) -> None:
    assert html_to_text(html) == text
    assert html_to_text(html.encode()) == text


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("plain text\n\n  with   spaces\t\nand more  ", "plain text\nwith spaces\nand more"),
        ("Revenue < 5 and > 3", "Revenue < 5 and > 3"),
        ("", ""),
        ("   \n \n", ""),
        (b"caf\xe9 cr\x92s", "café cr’s"),  # not UTF-8: Windows-1252
        ("a\x00b\x1bc\x85d", "a b c\nd"),  # control characters are not text; NEL ends a line
    ],
)
def test_plain_text(body: bytes | str, text: str) -> None:
    assert html_to_text(body) == text


def test_is_html() -> None:
    assert is_html(NVDA_10Q.read_bytes()[:500])  # starts with <?xml ...
    assert is_html("<!DOCTYPE html><html>")
    assert is_html("<DIV>x</DIV>")
    assert not is_html("plain text, 3 < 4")
    assert not is_html("")


@pytest.mark.parametrize(
    "junk",
    [
        b"\x00\x01\xff\xfe",
        "<<<>>>",
        "<div",
        "<p>unclosed <b>bold",
        "</p></div></html>",
        "<!--",
        "<html><body>" * 500,
        b"<html>" + bytes(range(256)) * 4,
        "<table><tr><td>" * 300,
    ],
)
def test_junk_never_raises(junk: bytes | str) -> None:
    text = html_to_text(junk)
    assert isinstance(text, str)
    assert "\x1e" not in text and "\x00" not in text


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=500), st.binary(max_size=500)))
def test_anything_gives_clean_lines(body: str | bytes) -> None:
    text = html_to_text(body)
    assert isinstance(text, str)
    for line in text.split("\n") if text else []:
        assert line and line == " ".join(line.split())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.from_regex(r"[A-Za-z0-9.,$%]{1,12}", fullmatch=True), min_size=1, max_size=12))
def test_words_in_paragraphs_come_back_in_order(words: list[str]) -> None:
    html = "".join(f'<div><font style="x">{w}</font></div>' for w in words)
    assert html_to_text(html) == "\n".join(words)


def test_a_document_is_dated_by_its_acceptance_or_its_dateline_never_by_another_date():
    """The SEC header's acceptance; a release's dateline in each shape the real releases of
    ../shared use; a letter's date alone at its top; none where only a period's end is said."""
    from catalyst_tui.reading.documents import document_day

    day = dt.date
    assert document_day("<ACCEPTANCE-DATETIME>20230315160636\nFORM 8-K") == day(2023, 3, 15)
    said = {
        "SANTA CLARA, Calif.—Aug. 27, 2025―NVIDIA (NASDAQ: NVDA) today": day(2025, 8, 27),
        "SEATTLE—(BUSINESS WIRE) February 6, 2025—Amazon.com, Inc.": day(2025, 2, 6),
        "Silicon Valley, CA (April 16, 2025) – ABVC BioPharma": day(2025, 4, 16),
        "For Immediate Release: November 22, 2024": day(2024, 11, 22),
        "Exhibit 99.1\nJanuary 21, 2025\nFellow shareholders,": day(2025, 1, 21),
        "AUSTIN, Texas, Sept. 4, 2025 /PRNewswire/ -- Acme": day(2025, 9, 4),
    }
    assert {text: document_day(text) for text in said} == said
    assert (
        document_day(
            "CUPERTINO — Apple today announced results for its quarter ended "
            "December 30, 2023. Revenue was $119.6 billion."
        )
        is None
    )
    assert document_day("Revenue, Mayhem 4, 2025 — nothing") is None  # not a month
