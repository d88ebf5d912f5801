"""The forty-fourth round's rules, found on the calls the forty-third round had scored unread
(set R), once scored, and checked on the sets read before:

- a stop after an abbreviation ends the sentence before a word that opens one ("… outside of
  the U.S. If you look at …"), as it did before "We" and "The";
- results said to include a growth list it: "results that included 6% revenue growth" is the
  company's growth (or the part's whose results they are), no component of another, and so is
  a part's revenue growth said included ("This includes a robust 37% systems revenue growth");
- a clause that opens by leaving an effect out ("Excluding the 1% impact from our federal
  business,") frames no part: the revenue after it is the company's;
- the guidance's own figures between its determiner and its noun ("maintaining our 4% to 7%
  revenue growth guidance"), the range alone ending the clause ("we reiterated our range"), and
  a change chosen against ("we decided not to adjust our guidance") are directions of guidance;
  "cannot" negates one;
- a figure of a growth outlook or guidance ("our 10% growth outlook") is a forecast;
- a part in lower case listed after a part given its growth ("Apparel was up 10%, footwear was
  up 9%") is a part, where a part in lower case alone says no measure;
- a basis said right after a growth ("grew 36% year-over-year, while … grew 44%") is lent to a
  growth of a clause set beside it that says nothing after its figure;
- a share said to be outside a place ("20% of our sales are outside the U.S.") is the rest of
  the world's, and an abbreviation after "are in" is whole ("the U.S.", never "U");
- "What", "consecutive" and "midpoint" stand in no name ("What is even more impressive is …",
  "our second consecutive quarter of 14% revenue growth"), and a run of quarters after a growth
  ("for the second consecutive quarter") is when, no part;
- a name ends before a clause of contrast ("Transportation sales while up 88%") and before the
  sentence's full stop ("at Cepheid."), a part is named "at the" one ("at the U.K."), and a time
  of day ("Last evening,"), a corporate suffix ("NIKE, Inc.") and an imperative ("Consider
  this,") name no part, nor does a participle that opens a frame ("Comparing with 2019,",
  "Speaking of challenges,").

Made-up sentences, each beside what it states as test_read_words_classes.py writes it ([] where
nothing may be read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest

from catalyst_tui.reading.words import COMPANY, read_words, sentence_spans
from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a stop after an abbreviation ends the sentence before a word that opens one": [
        (
            "The first positive element is the strength of the business outside of the U.S. "
            "If you look at Latin America 8% growth, Europe in aggregate growing 3%, China "
            "growing 3%.",
            ["growth 8 : Latin America", "growth 3 : Europe", "growth 3 : China"],
        ),
        (
            "We grew in the U.S. As a result, revenue in Canada grew 4%.",
            ["growth 4 : Canada"],
        ),
        # an abbreviation inside a sentence leaves it whole
        ("Revenue in the U.S. increased 5%.", ["growth 5 : U.S."]),
        ("Sales to U.S. Steel grew 5%.", []),
    ],
    "results said to include a growth list it": [
        (
            "This morning, we reported strong second quarter results that included 6% revenue "
            "growth, 80 basis points of adjusted EBIT margin expansion and 11% adjusted EPS "
            "growth.",
            ["growth 6 : company"],
        ),
        ("Industrial results included 6% revenue growth.", ["growth 6 : Industrial"]),
        ("Our results include 9% sales growth.", ["growth 9 : company"]),
        # a part's revenue growth a sentence includes is the part's own, not a component
        (
            "This includes a robust 37% systems revenue growth in the quarter.",
            ["growth 37 : systems"],
        ),
        (
            "Revenue grew 6%, which included 28% staffing revenue growth in Mainland China.",
            ["growth 6 : company"],
        ),
        # a growth a total includes is a component of it, as before
        ("Revenue grew 8%, which included 3% growth from acquisitions.", ["growth 8 : company"]),
        ("Sales grew 8%, including 3% growth in the quarter from pricing.", ["growth 8 : company"]),
    ],
    "a clause that opens by leaving an effect out frames no part": [
        (
            "Excluding the 1% impact from our federal business, our revenues grew approximately "
            "6% in local currency in Q1.",
            ["growth 6 ~ : company"],
        ),
        (
            "Excluding the 2% impact of the divested business, net sales increased 5%.",
            ["growth 5 : company"],
        ),
        # a part pointed at before it, or left out itself, is not the company's whole
        ("In this segment, excluding the 2% effect of currency, sales increased 13%.", []),
        ("Outside of the U.S., revenue grew 3%.", []),
    ],
    "the guidance's figures, the range alone and a change chosen against move guidance": [
        (
            "With continued healthy pipelines, we are maintaining our 4% to 7% new business "
            "bookings growth guidance for fiscal 2026.",
            ["guidance reiterated"],
        ),
        (
            "We are maintaining our 4% to 7% revenue growth guidance for fiscal 2026.",
            ["guidance reiterated"],
        ),
        ("So we decided not to adjust our guidance.", ["guidance reiterated"]),
        ("So I think we are -- we reiterated our range.", ["guidance reiterated"]),
        ("So that's why we still maintain the range.", ["guidance reiterated"]),
        ("And that is broadly why we left the range unchanged.", ["guidance reiterated"]),
        # a figure elsewhere in the sentence is no figure of the guidance's
        (
            "Third quarter adjusted earnings per share of $3.51 increased 26.7% year-over-year "
            "and exceeded our internal expectations.",
            [],
        ),
        (
            "The $1.5 billion in balance sheet increase represents 75% of our full year guidance.",
            [],
        ),
        # a range of something else, one said before more words, and a guidance not kept
        ("We expanded the range.", []),
        ("We maintain the range of products.", []),
        ("We cannot maintain the range.", []),
        ("We cannot maintain our guidance.", []),
    ],
    "a part in lower case listed after a part given its growth is a part too": [
        (
            "Apparel was up 10%, footwear was up 9%.",
            ["growth 10 : Apparel", "growth 9 : footwear"],
        ),
        (
            "Women's was up 10%, men's was up 9% as an example.",
            ["growth 10 : Women", "growth 9 : men"],
        ),
        # a measure is no part, listed or not; a part in lower case alone says no measure
        ("Apparel was up 10%, traffic was up 9%.", ["growth 10 : Apparel"]),
        ("Apparel was up 10%, and pricing was up 2%.", ["growth 10 : Apparel"]),
        ("So footwear was up 9%.", []),
    ],
    "a basis said right after a growth is lent to one set beside it that ends its clause": [
        (
            "Our net sales in the U.S. grew 36% year-over-year, while in Q3, international net "
            "sales grew 44%.",
            ["growth 36 yoy : U.S.", "growth 44 yoy : international"],
        ),
        (
            "Switching was up 17% year over year, and wireless LAN was up 16%.",
            ["growth 17 yoy : Switching", "growth 16 yoy : wireless LAN"],
        ),
        # a growth with words of its own after it, a base's own growth, one past a semicolon,
        # and a basis not said right after the growth before lend nothing
        (
            "For Q3, total net sales were $905 million, up 10% to last year and up 5% to "
            "pre-pandemic levels.",
            ["growth 10 yoy : company", "growth 5 : company"],
        ),
        (
            "Revenue of $214 million was up 12% year-over-year, an acceleration from our Q1 "
            "revenue growth of 11%.",
            ["growth 12 yoy : company", "growth 11 : company"],
        ),
        (
            "Revenue grew 10% year-over-year; Europe grew 5%.",
            ["growth 10 yoy : company", "growth 5 : Europe"],
        ),
    ],
    "a share said to be outside a place is the rest of the world's, an abbreviation whole": [
        ("About 20% of our sales are outside the U.S.", ["share 20 ~ : outside the U.S."]),
        ("About 20% of our sales are from outside of China.", ["share 20 ~ : outside of China"]),
        ("About 20% of our sales are in the U.S.", ["share 20 ~ : U.S."]),
        # outside of no place is no part
        ("About 20% of our sales are outside the quarter.", []),
        ("About 20% of our sales are outside our core markets.", []),
    ],
    "a pronoun of a clause, a run of quarters and a range's midpoint name no part": [
        ("What is even more impressive is sales increased 17% compared to 2019 levels.", []),
        (
            "Q2 delivered our second consecutive quarter of 14% revenue growth, demonstrating "
            "the strong demand.",
            [],
        ),
        ("Revenue of $2.65 billion at the midpoint reflects an 11% increase.", []),
        # a run of quarters after the growth is when, no part: the growth is its subject's
        ("Sales grew 14% for the second consecutive quarter.", ["growth 14 : company"]),
        (
            "Swine sales in China grew 8% for the second straight quarter.",
            ["growth 8 : Swine in China"],
        ),
    ],
    "a name ends before a clause of contrast and a sentence's full stop; a time, a suffix and an "
    "imperative name no part": [
        (
            "Transportation sales while up 88% from the same period last year would have been "
            "stronger.",
            ["growth 88 yoy : Transportation"],
        ),
        (
            "Core revenue grew 28.5% led by more than 60% growth at Cepheid.",
            ["growth 60 > : Cepheid"],
        ),
        (
            "Revenue grew 8%, with growth of 12% at the U.K.",
            ["growth 8 : company", "growth 12 : U.K."],
        ),
        ("Last evening, we reported results with organic revenue up 5%, EBITDA up 9%.", []),
        # (the company with its suffix after a comma is one name since round 50: its growth)
        (
            "NIKE, Inc. revenue grew 1% and was flat on a currency neutral basis.",
            ["growth 1 : company"],
        ),
        (
            "Consider this, our third quarter revenue dropped by more than 40% versus prior year.",
            [],
        ),
        # a conjunction before "while" opens the sentence's clause, no name's; a day is no part
        (
            "And while we drove robust growth in the store channel, sales declined 4%.",
            ["growth -4 : company"],
        ),
        ("Revenue grew 8% on Monday.", ["growth 8 : company"]),
        # "remain" is a verb, as "remains" was: no name
        (
            "Parking revenues are up 9% this quarter, but still remain 20% below pre-COVID levels.",
            ["growth 9 : Parking", "growth -20 : Parking"],
        ),
        # a participle that opens a frame is no name: the revenue after it is the company's
        (
            "Comparing with 2019, sales grew $41.7 million or 12.9%.",
            ["growth 12.9 : company"],
        ),
        (
            "Speaking of challenges, the consumer group faced a difficult comparison to the "
            "prior-year period when sales increased 19.8%.",
            [],
        ),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_forty_fourth_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)


def test_a_sentence_opener_after_an_abbreviation_splits_only_before_lower_case() -> None:
    """ "the U.S. If you look" is two sentences; "the U.S. In Europe" stays one (a capital after
    the opener may be a name's), as "U.S. Steel" does."""
    two = "We grew outside of the U.S. If you look at Europe, it grew."
    one = "We grew in the U.S. In Europe we grew."
    assert len(sentence_spans(two)) == 2
    assert len(sentence_spans(one)) == 1


def test_a_figure_of_a_growth_outlook_is_a_forecast() -> None:
    """ "raising our 10% growth outlook": the outlook raised, and its figure a forecast, no growth
    that happened; a growth said against the outlook is one that happened."""
    read = read_words("We are raising our 10% growth outlook.")
    assert [(s.kind, s.forward) for s in read] == [("growth", True), ("guidance", True)]
    (grown,) = read_words("Revenue grew 10%, ahead of our outlook.")
    assert (grown.subject, grown.value, grown.forward) == (COMPANY, 0.10, False)


def test_a_basis_said_of_a_verb_after_the_growth_is_lent_to_none() -> None:
    """ "grew 12% and also improved sequentially": "sequentially" is said of another verb, not
    right after the 12%, so no growth of the sentence is sequential."""
    read = read_words(
        "Commercial grew 12% and also improved sequentially, helped by strength in Europe, "
        "while residential grew 29%."
    )
    assert read and all(s.basis == "" for s in read)


def test_an_abbreviation_after_a_share_is_its_whole_name() -> None:
    """ "20% of our sales are in the U.S." had been read as the share of a part named "U"."""
    (share,) = read_words("About 20% of our sales are in the U.S.")
    assert share.subject == "U.S."
