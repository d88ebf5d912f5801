"""A PDF's text through the child process: lines joined where the page, not the sentence, broke
them; a PDF that is none, and one that takes longer than its limit, said in a sentence."""

from __future__ import annotations

import pytest

from catalyst_tui.jobs.pdf_reader import PdfUnreadable, pdf_text
from catalyst_tui.reading.pdf_text import reflow
from tests.support.pdf import make_pdf


async def test_a_sentence_broken_across_the_pages_lines_is_one_line_again():
    sentence = (
        "Scorpio became our largest product line in the fourth quarter, ahead of Aries "
        "for the first time, as Scorpio X-Series switches ramped at two hyperscalers."
    )
    pdf = make_pdf([sentence, "Next question."], width=40)  # four lines on the page
    assert await pdf_text(pdf) == f"{sentence}\nNext question."


@pytest.mark.parametrize("tracking", [2.0, 5.0])
async def test_a_letter_spaced_pdf_reads_as_words_and_its_sentences_match_whole(tracking):
    """Type set with tracking, one glyph at a time (pypdf gives "I n  J a n u a r y"): read as
    the words it shows, and a sentence broken over the page's lines is one line again."""
    sentence = (
        "In January 2023 Scorpio became our largest product line, ahead of Aries for the "
        "first time, a b c."
    )
    pdf = make_pdf([sentence, "Next question."], width=40, tracking=tracking)
    assert await pdf_text(pdf) == f"{sentence}\nNext question."


def test_glyphs_placed_one_by_one_read_as_words_and_short_words_are_left_alone():
    """pypdf's text of a page whose glyphs were each placed on their own (a pair it found
    close kept together: "Sc"), as it gave it; then lines of ordinary short words."""
    placed = (
        "I n  J a n u a r y  2 0 2 3  Sc o r p i o  b e c a me  o u r \n"
        "l a r g e s t  p r o d u c t  l i n e . "
    )
    assert reflow(placed) == "In January 2023 Scorpio became our largest product line."
    assert reflow("I am a b c d e\nfine.") == "I am a b c d e fine."
    assert reflow("Item 7 a  b  c\n") == "Item 7 a b c"  # most tokens single, no word gaps


def test_reflow_keeps_a_sentences_end_a_blank_line_and_a_page_as_the_end_of_a_paragraph():
    text = "Operator:\nGood afternoon and\nwelcome.\n\nNo stop here\fnor here\nthe end"
    assert reflow(text) == "Operator:\nGood afternoon and welcome.\nNo stop here\nnor here the end"


async def test_a_pdf_that_is_none_and_one_past_its_limit_are_said_in_a_sentence():
    with pytest.raises(PdfUnreadable, match=r"^not a readable PDF \("):
        await pdf_text(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
    # A limit no child process can keep (starting Python takes longer): stopped, and said.
    with pytest.raises(PdfUnreadable, match="took longer than 0.001 s: stopped"):
        await pdf_text(make_pdf(["Some text."]), limit=0.001)
