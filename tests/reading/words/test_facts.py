"""The facts a document's statements give every sentence (facts.py): its customers, named as
customers however the word is cased and whatever else the sentence writes, and the parts it
speaks of with revenue; each pattern is searched only where its word stands."""

from __future__ import annotations

import pytest

from catalyst_tui.reading.words import sentence_spans
from catalyst_tui.reading.words.facts import document_facts


def _facts(text: str) -> tuple[frozenset[str], frozenset[str]]:
    return document_facts(text, list(sentence_spans(text)))


@pytest.mark.parametrize(
    "concentration",
    [
        "We had two 10% customers.",
        "We had two 10% CUSTOMERS.",
        "We had two 10% Customers in the quarter’s sales.",  # a curly apostrophe: not ASCII
    ],
)
def test_the_largest_customers_named_in_the_next_sentence_are_customers(concentration: str):
    customers, _ = _facts(f"{concentration} Acme and Globex both represented 14% of revenue.")
    assert {"acme", "globex"} <= customers


@pytest.mark.parametrize(
    "text",
    [
        "Acme was our largest customer.",
        "Acme was our largest client.",
        "We sell to clients, such as Acme, in the cloud.",
    ],
)
def test_a_name_called_a_customer_or_a_client_is_one(text: str):
    assert _facts(text)[0] == {"acme"}


def test_a_document_without_the_words_names_no_customer_and_no_part():
    assert _facts("Acme and Globex both grew 14%. Margins expanded.") == (frozenset(), frozenset())


@pytest.mark.parametrize("word", ["revenues", "sales"])
def test_a_part_spoken_of_with_its_revenue_is_one(word: str):
    assert _facts(f"Broadcast {word} increased 35% in the quarter.")[1] == {"broadcast"}
