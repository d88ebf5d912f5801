"""The forty-sixth round's rules, found on the calls the forty-fifth round had scored unread
(set U), once scored, and checked on the sets read before:

- a rate per unit ("cost-per-click growth") and a count however qualified ("paid-click growth",
  credentials, tokens) are measures that are not revenue;
- a place's clause whose own subject is another measure ("international markets, where payments
  volume growth was up 11%") is that measure's, never the place's;
- parts listed with "each" after a clause of another measure ("Volume growth was strong in A, B
  and C, each growing about 20%") are that measure's;
- a growth set against another's, then that measure's words after its period ("versus the 9%
  growth in Q4 constant dollar payments volume"), is no base of the revenue before it;
- what a growth is said to be impacted by, or to lap, says no basis of its own ("up 8%, impacted
  by lapping strong currency volatility from last year");
- guidance said to have no (material) changes, or a growth of revenue said unchanged at a range
  in words ("unchanged at low-double digits"), is reiterated;
- an answer pointing back at the question ("the hurdles that you mentioned") is no analyst's
  turn.

Made-up sentences, each beside what it states as test_read_words_classes.py writes it ([] where
nothing may be read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest

from catalyst_tui.reading.words import read_words, sentence_spans
from catalyst_tui.reading.words.owners import total_of_name
from catalyst_tui.reading.words.sentences import _word_before
from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a rate per unit and a count however qualified are no revenue": [
        (
            "Our aggregate paid-click growth remained healthy, up 14% year over year and also "
            "up 3% quarter over quarter.",
            [],
        ),
        ("Aggregate cost-per-click growth was up 5% year over year.", []),
        ("Credentials grew 7% and we now have more than 9 billion tokens, up 40%.", []),
        # a part's revenue in the same words stays the part's
        ("Search revenue grew 14% year over year.", ["growth 14 yoy : Search"]),
    ],
    "a place's clause of another measure is the measure's": [
        (
            "Moving to international markets, where total payments volume growth was up 12% in "
            "constant dollars.",
            [],
        ),
        (
            "Moving to international markets, where revenue growth was up 12% in constant dollars.",
            ["growth 12 : international markets"],
        ),
        # a measure named with revenue is revenue's, as before
        (
            "Our freight franchise, where volume and revenue were both down 3%, continues to face "
            "headwinds.",
            ["growth -3 : freight franchise"],
        ),
    ],
    "parts listed with each after a clause of another measure are the measure's": [
        (
            "Volume growth rates were strong for the quarter in most regions of Asia, Africa and "
            "Europe each growing about 20% in constant dollars.",
            [],
        ),
        (
            "Europe, Asia and the Americas each grew 12%.",
            ["growth 12 : Europe", "growth 12 : Asia", "growth 12 : Americas"],
        ),
    ],
    "a growth set against another measure's is no base of revenue": [
        (
            "Service revenues grew 10% year-over-year versus the 8% growth in Q4 constant dollar "
            "payments volume with some help from pricing.",
            ["growth 10 yoy : Service"],
        ),
        (
            "Sales grew 11.5% on top of 121% growth in the fourth quarter of 2020.",
            ["growth 11.5 : company", "growth 121 : company"],
        ),
    ],
    "what a growth is impacted by or laps says no basis of its own": [
        (
            "Cross-border revenues were up 7%, impacted by lapping strong currency volatility "
            "from last year.",
            ["growth 7 : Cross-border"],
        ),
        ("Revenues were up 7% from last year.", ["growth 7 yoy : company"]),
    ],
    "guidance said to have no material changes is reiterated": [
        (
            "For the full year, we have no material changes to our prior outlook for net revenues.",
            ["guidance reiterated : company"],
        ),
        (
            "On incentives, also no change in outlook for the full year.",
            ["guidance reiterated : company"],
        ),
        (
            "Putting it all together, net revenues growth is unchanged at low-double digits.",
            ["guidance reiterated : company"],
        ),
        ("There were no material changes to our accounting policies.", []),
        ("We made changes to our prior outlook.", []),
    ],
    "guidance moved from one amount to another goes their way": [
        (
            "I think we updated our revenue expectations this quarter from our original number "
            "of $2 billion to $3.5 billion.",
            ["guidance raised : company"],
        ),
        (
            "We are updating our forecast for the full year income tax rate from approximately "
            "16% to between 14% and 15%.",
            ["guidance cut : company"],
        ),
        # the move of something else named after the guidance
        (
            "We updated our guidance to reflect the move from $2 billion to $3 billion in backlog.",
            [],
        ),
    ],
    "guidance of a cost stands as any guidance": [
        (
            "Our guidance for wage and other labor inflation also remains unchanged at 3% to 4%.",
            ["guidance reiterated : company"],
        ),
        ("We raised wages and kept the store count.", []),
    ],
    "guidance no longer valid is withdrawn": [
        (
            "Well, I would say that guidance is no longer valid, based on what we saw in the "
            "first half.",
            ["guidance withdrawn : company"],
        ),
        ("The old pricing guidance is no longer valid for customers.", []),
    ],
    "a growth said between two years apart is over years": [
        (
            "That is what drives the 6% sales growth from 25 to 28, those are new data centers.",
            [],
        ),
        ("Sales grew 12% from 2022 to 2025.", []),
        ("Sales grew 6% from 2024 to 2025.", ["growth 6 yoy : company"]),
    ],
    "a frame on a slide said in words names its part": [
        (
            "Turning to advanced imaging on slide seven, organic revenue was up 2% year over year.",
            ["growth 2 yoy : advanced imaging"],
        ),
    ],
    "the one spoken to as the doer moves no guidance of the company's": [
        ("You raised the 2025 forecast a bit.", []),
        ("As you know, we raised the 2025 forecast.", ["guidance raised : company"]),
    ],
    "a range whose figure lost its digits is no range": [
        (
            "For adjusted EBIT margin, we are now forecasting a range of 15.2 to .4% for the full "
            "year compared to our previous guidance of 14.2 to 14.4%.",
            [],
        ),
        (
            "We now expect revenue of $4.1 billion to $4.3 billion, compared to our previous "
            "guidance of $4.0 billion to $4.2 billion.",
            ["guidance raised : company"],
        ),
    ],
    "a verb's participle stands in no name": [
        (
            "Key revenue was 75% of total revenues, with continued momentum producing healthy "
            "growth of 9%.",
            ["share 75 : Key"],
        ),
    ],
    "a quality said of what a growth came from makes it a cause": [
        (
            "Finally, payments segment quarterly revenue increased 10% from strong product mix.",
            ["growth 10 : payments segment"],
        ),
        ("Sales grew 5%, including 2% from acquisitions.", ["growth 5 : company"]),
    ],
    "measures paired with revenue after a frame that names none": [
        (
            "In the first quarter, bookings and revenue grew 4% and 3%, respectively.",
            ["growth 3 : company"],
        ),
    ],
    "guidance given, kept or standing, in more words": [
        (
            "Now turning to guidance, we are pleased to provide our outlook for the third quarter.",
            ["guidance introduced : company"],
        ),
        (
            "Outlook for full-year free cash flow conversion is unchanged at 65% to 75%.",
            ["guidance reiterated : company"],
        ),
        (
            "It was contemplated in the interest expense guidance that we had previously provided "
            "and are reiterating today.",
            ["guidance reiterated : company"],
        ),
        ("We would keep our full year guidance unchanged if demand holds.", []),
    ],
    "what guidance is of, said after its noun, may make it no guidance": [
        (
            "That said, there are no material changes to our expectations for the financial "
            "impact and benefits of the merger.",
            [],
        ),
        ("There is no meaningful change in our category expectations at this point.", []),
        (
            "We've also updated our reserve estimates with proved reserves increasing nearly 400 "
            "Bcfe to 3.9 Tcfe up 11% from last year.",
            [],
        ),
        (
            "While we are disappointed that we have to update our guidance, keep in mind, this is "
            "$0.25 per share higher than the high end of our original guidance range.",
            [],
        ),
    ],
    "a place's business, or parts both named before a verb, stay the parts'": [
        (
            "Next up is APAC, where the business was down 6% in the quarter, driven by softer "
            "demand in our wholesale business.",
            ["growth -6 : APAC"],
        ),
        (
            "At constant currency, North America was down 38%, while both EMEA and APAC were "
            "down 35%.",
            ["growth -38 : North America", "growth -35 : EMEA", "growth -35 : APAC"],
        ),
    ],
    "guidance of a company named, revised to account for a hardship": [
        (
            "Turning to pages 6 and 7, Acme's capital expenditure and rate base forecasts remain "
            "unchanged while we await a decision.",
            ["guidance reiterated : company"],
        ),
        ("Moody's outlook remains unchanged.", []),
        (
            "We are updating our organic growth outlook for the back half of the year to account "
            "for the new volume related pressures.",
            ["guidance cut : company"],
        ),
    ],
    "a part's growth said with no word of revenue, driving revenue's": [
        (
            "We achieved record quarterly revenue of $1.5 billion, up 12% on a reported basis, "
            "driven by 9% storage growth and 17% service growth.",
            ["growth 12 : company", "growth 9 : storage", "growth 17 : service"],
        ),
        ("Sales grew 8%, including 3% acquisition growth.", ["growth 8 : company"]),
        ("Revenue grew 12%, driven by 9% volume growth.", ["growth 12 : company"]),
        ("Revenue grew 7%, including 5% organic growth.", ["growth 7 : company"]),
        ("EBITDA grew 12%, driven by 9% storage growth.", []),
        # a count's growth with an article, or a count however written
        (
            "Inpatient revenues increased 20%, driven by a 17.5% admission growth.",
            ["growth 20 : Inpatient"],
        ),
        ("Revenue grew 10%, driven by 8% admission growth.", ["growth 10 : company"]),
    ],
    "a growth resulting from revenue made is that revenue's": [
        (
            "Overall, the company generated revenue of $720 million in the quarter, resulting in "
            "3% organic growth.",
            ["growth 3 : company"],
        ),
        ("We generated $30 million of cash, resulting in 9% growth.", []),
        ("We generated revenue of $720 million, resulting in 3% EPS growth.", []),
    ],
    "what is left out names no base, and estimating opens no name": [
        (
            "Excluding the benefit from recovering our fourth quarter shipping delays, sales in "
            "Q1 declined about 6%, with the Americas down approximately 1%.",
            ["growth -6 ~ : company", "growth -1 ~ : Americas"],
        ),
        ("Excluding currency, sales grew 5% year over year.", ["growth 5 yoy : company"]),
        (
            "We estimate laboratory product sales declined approximately 6%.",
            ["growth -6 ~ : laboratory product"],
        ),
    ],
    "the equipment a whole industry buys is no revenue": [
        ("We expect calendar 2023 WFE to be down more than 20% year over year.", []),
        ("Submissions were up 31% during June.", []),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_forty_sixth_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("We are reiterating all elements of the guidance. and there's no change.", 2),
        ("Our margin was 23%. representing a gain of 207 basis points.", 2),
        ("Sales were up 5% vs. last year.", 1),
        ("Revenue grew... and then it fell.", 1),
        ("We met Dept. heads in the U.S. and Europe.", 1),
    ],
)
def test_a_single_stop_then_lower_case_ends_a_sentence(text: str, cut: int) -> None:
    """Speech written down by a machine ends sentences with "." and goes on in lower case; an
    abbreviation's stop, a run of stops and an initial go on."""
    assert len(sentence_spans(text)) == cut


def test_an_answer_pointing_back_at_the_question_is_the_companys() -> None:
    """A speaker's line that answers ("the hurdles that you mentioned in the question") keeps its
    figures; an analyst's "You mentioned X. How should we think about Y?" is still a question."""
    answer = (
        "Jane Roe\nChief Executive Officer\n"
        "We exceeded our target in Q4. We've doubled our ads revenue year-over-year last year. "
        "We don't see specific hurdles that you mentioned in the question other than the work.\n"
    )
    assert [(s.subject, s.value) for s in read_words(answer)] == [("ads", 1.0)]
    asked = (
        "Jane Roe\nAnalyst, Acme Research\n"
        "You mentioned ads revenue doubled year-over-year. How should we think about next year?\n"
    )
    assert not read_words(asked)


def test_a_question_naming_whom_it_asks_is_an_analysts_on_a_call_of_one_line() -> None:
    """On a call written down as one line, an analyst's sentence that names the executive it asks
    ("And then maybe, Scott, on the …") is no word of the company's, whatever it says; the answer
    after it is."""
    filler = " ".join(f"We opened store number {n} this year." for n in range(30))
    call = (
        f"{filler} Our next question comes from Ann Lee of Acme. Your line is now open. Great. "
        "Ariane, can you discuss the macro? And then maybe, Scott, on the revenue guidance being "
        "raised, how much is from the 20% growth in advertising revenue. Thank you so much. "
        "Thanks. So advertising revenue grew 18% in the quarter.\n"
    )
    assert [(s.subject, s.value) for s in read_words(call)] == [("advertising", 0.18)]


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        pytest.param(
            "Total ALM revenue was $84 million, an increase of 103% year on year.",
            ("IRON MOUNTAIN INC",),
            [("ALM", 1.03)],
            id="a name the company is not called by: the part's",
        ),
        pytest.param(
            "Total ALM revenue was $84 million, an increase of 103% year on year.",
            (),
            [],
            id="the company's names unknown: unsaid which",
        ),
        pytest.param("Total VF revenue grew 10%.", ("V F CORP",), [], id="the start of initials"),
        pytest.param(
            "Total Conagra retail sales grew 10.4% year over year.",
            ("CONAGRA BRANDS INC.",),
            [],
            id="a name that opens with a word of the company's",
        ),
        pytest.param(
            "Total Gallagher revenue grew 10%.",
            ("ARTHUR J GALLAGHER & CO",),
            [],
            id="a word of the company's name",
        ),
    ],
)
def test_a_total_of_a_name_is_a_parts_where_the_company_is_called_otherwise(
    text: str, names: tuple[str, ...], expected: list[tuple[str, float]]
) -> None:
    """ "Total X revenue" is the part's where the names the company is called by are known and X
    may be none of them; where they are unknown, or X may be one, which is unsaid."""
    assert [(s.subject, s.value) for s in read_words(text, names=names)] == expected


def test_a_total_led_by_a_place_stays_unsaid_whatever_the_company_is_called() -> None:
    """ "total U.S. retail sales" is a place's market, or the company's, never read as a part
    because the company is called otherwise; "Total ALM revenue" is the part's."""
    known = frozenset({"wd 40 co"})
    text = "Total U.S. retail sales grew 3% in the quarter."
    assert total_of_name(text, "U.S. retail", text.index("3%"), known)
    text = "Total ALM revenue grew 3% in the quarter."
    assert not total_of_name(text, "ALM", text.index("3%"), frozenset({"iron mountain inc"}))
    assert total_of_name(text, "ALM", text.index("3%"))


def test_the_word_before_a_stop_is_looked_at_within_a_bound() -> None:
    """However long a word with no space before a stop, the look back takes a bounded run (a
    sentence of such words followed by lower case is split in linear work) and says the word is
    not whole; a word that opens the text is whole."""
    long_word = "b" * 10_000
    word, whole = _word_before(long_word + ". a", 0, len(long_word), 40)
    assert (len(word), whole) == (40, False)
    assert _word_before("guidance. and", 0, 8, 40) == ("guidance", True)
    spans = sentence_spans(("a" + "b" * 45 + ". ") * 3)
    assert len(spans) == 3
