"""The fifty-eighth round's rules, found on two sets of calls labelled blind in round 56 and kept
unread until this round (BA, the fifth source; BB, ECTSum), on the reader's changed reads over
ECTSum and the fifth source, and on random samples of them:

- same-restaurant sales are comparable sales; the industry's and a week's are none of the
  period's own; comparable sales that open their clause ("The 12% same-store sales increase
  was driven by …") are read;
- guidance updated to a figure and set against the prior range ("updating our revenue outlook
  to approximately $410 million versus our previous revenue guidance in the range of $430
  million to $450 million") is cut or raised by the figures; a year is no prior figure;
- a measure said unchanged at a range of amounts ("Revenue remains unchanged in the $500 million
  to $520 million range") is its guidance reiterated; at one amount it is a result;
- a result against "our forecast" that ends its clause is no guidance moved;
- a revenue said, then "with approximately 70% coming from" a part, is that part's share; a
  breakdown said of a forecast ("The forecasted 2026 revenue split") is none;
- labor and payroll are no revenue; "KPIs" name no part;
- a part of ours named by its kind, then "where revenues …" with no comma, is the clause's;
- "This translated into 18% revenue growth" is the company's; "revenue growth in extended
  warranty plans" is a part's whose name no capital says: none;
- a place set off before "we" ("Western Europe, our largest region, we achieved 9% sales
  growth") frames the clause;
- a part said to have led a growth, set off before a bare figure ("Fees were up 11%, led by
  record results in both Wealth, up 22%"), and a part's revenue said to go on doing well ("and
  licensing revenue continues to outperform, up 37%") own that figure;
- "record setting" and "hyper" are no names; a trajectory names no part; a target of
  businesses is no guidance; an industry's volumes are no guidance of ours; a growth reached
  "in 55 of the last 63 quarters" is no period's;
- a market framing a clause, then a participle of its growth ("In the professional market,
  growing at plus 3%, we delivered …") is the market's; a lender's book ("the commercial
  portfolio grew 17.7%") is no revenue; wanting to give guidance gives none; a forecast raised
  for a growth compounded over years is a view of years;
- an analyst handed the line on lines with no labels ("Our next question comes from …", the
  analyst's name alone on a line) speaks until the next name;
- a turn to a part whose name holds an abbreviation's points ("beginning with U.S. retail
  coffee.") gives it the bare revenue after; so does a frame naming a part in the sentence
  before a bare revenue with an aside ("Net sales, excluding the divested brand, decreased 6%").

Made-up sentences, each beside what it states as test_read_words_classes.py writes it ([] where
nothing may be read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest

from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "comparable sales of restaurants, of the industry, of a week, opening their clause": [
        (
            "Same-restaurant sales rose 2.4%, which lifted revenues by about $3 million.",
            ["growth 2.4 : Same-restaurant sales"],
        ),
        ("Industry same restaurant sales fell 12% in the period.", []),
        ("With last week's blended same restaurant sales up 8%, traffic is recovering.", []),
        (
            "The 12% same-store sales increase was driven by ticket growth.",
            ["growth 12 : same-store sales"],
        ),
        (
            "KFC system sales grew 16%, driven by 11% same-store sales growth.",
            ["growth 16 : KFC system sales"],
        ),
    ],
    "guidance updated to a figure, against the prior range": [
        (
            "We are updating our revenue outlook to approximately $410 million versus our "
            "previous revenue guidance in the range of $430 million to $450 million.",
            ["guidance cut"],
        ),
        (
            "We are updating our revenue outlook to approximately $470 million versus our "
            "previous revenue guidance in the range of $430 million to $450 million.",
            ["guidance raised"],
        ),
        (
            "We've updated our 2024 FFO outlook to $2.10 to $2.14 per share, with the midpoint up "
            "$0.05 since May and up $0.09 from our original 2024 outlook.",
            ["guidance raised"],
        ),
    ],
    "a measure unchanged at a range of amounts": [
        (
            "Revenue remains unchanged in the $500 million to $520 million range.",
            ["guidance reiterated"],
        ),
        (
            "Capital expenditures remain unchanged at $20 million to $25 million.",
            ["guidance reiterated"],
        ),
        ("Revenue was unchanged at $35 million.", []),
    ],
    "a result against our forecast": [
        ("The plant opening was delayed, driving lower production hours versus our forecast.", []),
        (
            "We now expect revenue of $1.2 billion, lower than our previous forecast of $1.3 "
            "billion.",
            ["guidance cut"],
        ),
    ],
    "a revenue said, then where its parts came from": [
        (
            "We generated $80 million in revenue with approximately 70% coming from our software "
            "business and nearly $10 million from services.",
            ["share 70 ~ : software business"],
        ),
        ("Revenue was $80 million, with approximately 60% growth in Asia.", ["growth 60 ~ : Asia"]),
        (
            "The forecasted 2027 revenue split is approximately 45% hardware and 55% software.",
            [],
        ),
    ],
    "labor and KPIs are no revenue": [
        ("Labor as a percentage of revenues rose to 31.2% from 30.9% a year ago.", []),
        (
            "Compared to the prior quarter, KPIs are improving and online continues to accelerate "
            "with revenue growing over 40% from the prior year.",
            [],
        ),
        (
            "And the financial KPIs, organic growth of 23%, operating margin of 26%.",
            ["growth 23 : company"],
        ),
    ],
    "a part of ours by its kind, then where its revenue grew": [
        (
            "Growth was strongest for our online and mobile activities where revenues nearly "
            "tripled in Q3.",
            ["growth 200 ~ : online and mobile activities"],
        ),
        ("We saw strength in Europe, where sales grew 5%.", ["growth 5 : Europe"]),
    ],
    "what a growth translated into": [
        (
            "This translated into 18% revenue growth from the prior-year period.",
            ["growth 18 yoy : company"],
        ),
        ("That translated into 30% revenue growth in extended warranty plans this quarter.", []),
        ("Strong demand resulted in 10% revenue growth in Europe.", ["growth 10 : Europe"]),
    ],
    "a place set off before we": [
        (
            "Western Europe, our largest region, we achieved 9% sales growth on new launches.",
            ["growth 9 : Western Europe"],
        ),
        ("Overall, we achieved 9% sales growth.", ["growth 9 : company"]),
    ],
    "a part turned to or framed before a bare revenue": [
        (
            "I will now turn to segment results, beginning with U.S. retail coffee.\n"
            "Net sales decreased 4% versus the prior year.",
            [],
        ),
        (
            "In pet food, we expected sales to be soft.\n"
            "Net sales, excluding the divested brand, decreased 6%.",
            [],
        ),
        (
            "We expected sales to be soft.\nNet sales, excluding the divested brand, decreased 6%.",
            ["growth -6 : company"],
        ),
    ],
    "a part that led a growth, or whose revenue goes on doing well": [
        (
            "Fees were up 11%, led by record results in both Wealth, up 22%, and Trading, up 9%.",
            ["growth 11 : Fees", "growth 22 : Wealth", "growth 9 : Trading"],
        ),
        (
            "Revenue was led by Commercial Aerospace, up 15% year-over-year.",
            ["growth 15 yoy : Commercial Aerospace"],
        ),
        (
            "Our wholesale sales were up 14% to last year and licensing revenue continues to "
            "outperform, up 37% to last year.",
            ["growth 14 yoy : wholesale", "growth 37 yoy : licensing"],
        ),
        (
            "Revenue grew 8%, driven by higher volumes, up 5% in the quarter.",
            ["growth 8 : company"],
        ),
    ],
    "words that name nothing, and figures of no period": [
        (
            "Canada delivered record setting revenue of $47 million, up about 26% in local "
            "currency.",
            ["growth 26 ~ : Canada"],
        ),
        (
            "Cloud revenue reached $2 billion, representing a hyper growth of 63% year-on-year.",
            ["growth 63 yoy : Cloud"],
        ),
        ("Purchase volume turned the corner, nice trajectory, up 3% versus last year.", []),
        (
            "We have achieved greater than 20% subscription revenue growth in 55 of the last 63 "
            "quarters.",
            [],
        ),
        ("Subscription revenue grew 21% in the quarter.", ["growth 21 : Subscription"]),
    ],
    "guidance of what is not ours": [
        (
            "We are increasing our projection for water heater industry volumes to up low single "
            "digits.",
            [],
        ),
        (
            "We grow by acquisitions that increase our content per square, target businesses "
            "where our operating system applies.",
            [],
        ),
        ("We are raising our target for revenue to $2 billion.", ["guidance raised"]),
    ],
    "a market's growth, a lender's book, a wish, a view of years": [
        (
            "In the professional market, growing at plus 3%, we delivered plus 7.5% growth.",
            ["growth 7.5 : professional market"],
        ),
        ("In the professional market, sales grew 7.5%.", ["growth 7.5 : professional market"]),
        ("During the quarter, the commercial portfolio grew 17.7%.", []),
        (
            "This includes more than 20% growth for our industrial graphics portfolio.",
            ["growth 20 > : industrial graphics portfolio"],
        ),
        ("It's early in the year, and we want to establish a set of guidance we can meet.", []),
        ("I want to reiterate our full year guidance.", ["guidance reiterated"]),
        (
            "Our newly initiated 2022 guidance targets an approximate 5% EPS CAGR from 2019 to "
            "2022.",
            ["guidance introduced"],
        ),
        (
            "We raised our forecast for the revenue growth from AI accelerators to approach a 50% "
            "CAGR for the five-year period.",
            [],
        ),
        ("We raised our revenue forecast for the year to $2 billion.", ["guidance raised"]),
    ],
    "an analyst handed the line on lines with no labels": [
        (
            "Online sales grew 12% in the quarter.\n"
            "Our next question comes from Jane Roe with Acme Securities.\n"
            "Please go ahead.\n"
            "Jane Roe\n"
            "Thank you for taking my question.\n"
            "First, the 10% growth in e-commerce, that's the strongest in a while.\n"
            "What drove it?\n"
            "John Doe\n"
            "Thanks, Jane.\n"
            "Store sales grew 4% as well.",
            ["growth 12 : Online", "growth 4 : Store"],
        ),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_fifty_eighth_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)
