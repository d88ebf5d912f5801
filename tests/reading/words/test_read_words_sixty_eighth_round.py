"""The sixty-eighth round's rules, found on two sets of calls labelled blind at the round's start
(BW, ECTSum, read in the sixty-seventh round; BZ, calls published whole, with their questions
and answers, a paragraph a line) and on the reader's changed reads over ECTSum:

- the amount a growth "increased to" before "or" and its figure is the change's, no level of the
  revenue: a later growth of the company's is not set against it as a part's ("revenues
  increased to nearly $370 million or 18.4%" after "Consolidated revenues of $2.44 billion are
  up 21%");
- "while" before a name said bare in lower case is no word of the name ("…, while auto care
  continued its strong performance with organic growth of 1.3%"), but stays before a name in
  capitals or after a determiner, whose clause may be another's ("While ACT has raised their
  outlook");
- a growth that something "resulted in", said "in revenues" and no more, is the company's ("This
  growth resulted in a 17% improvement in revenues over the prior-year period"), not where the
  revenue goes on to name what it is from ("in revenue from total mobile") or is no revenue ("in
  sales volumes"), nor where the growth is of a part pointed back at ("in the region").

Made-up sentences, each beside what it states as test_read_words_classes.py writes it ([] where
nothing may be read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest

from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "the amount increased to is the change's": [
        (
            "Consolidated revenues of $3.10 billion are up $512.4 million or 19.8% over the third "
            "quarter of 2020. Excluding the impact of businesses acquired, third quarter revenues "
            "increased to nearly $430 million or 16.1% when compared to the third quarter of 2020.",
            ["growth 19.8 yoy : company", "growth 16.1 yoy : company"],
        ),
    ],
    "while before a bare name": [
        (
            "In razors, sales were soft, while pet care continued its strong performance with "
            "organic growth of 2.4%.",
            ["growth 2.4 : pet care"],
        ),
        (
            "While ACT has raised their outlook slightly on trailers, about 1% from 39% growth to "
            "40% growth, they lowered their outlook for trucks.",
            [],
        ),
    ],
    "resulted in an improvement in revenues": [
        (
            "This growth resulted in a 17% improvement in revenues over the prior-year period.",
            ["growth 17 yoy : company"],
        ),
        ("Our app redesign resulted in a 70% increase in revenue from total mobile.", []),
        ("Higher prices resulted in a 22% decline in sales volumes.", []),
        ("We saw strength in Europe, resulting in 8% revenue growth in the region.", []),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_sixty_eighth_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)
