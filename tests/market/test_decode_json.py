"""decode_json reads a body without risky numbers by orjson (json when orjson refuses it): the
same values as the checked reading, and the same refusals for every number only the checks can
judge, on any document and on every JSON recording in ../shared."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.support.shared import SHARED

from catalyst_tui.market import values
from catalyst_tui.market.models import FetchError
from catalyst_tui.text import well_formed_json

# Text of any code point, lone surrogates (category Cs) included.
TEXT = st.text(st.characters(codec=None, categories=None), max_size=8)
LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    TEXT,
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
)
DOCUMENTS = st.recursive(
    LEAVES,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(TEXT, inner, max_size=4)),
    max_leaves=20,
)


def checked(text: str | bytes):
    """The reading with every number through the hooks, as decode_json always did."""
    try:
        return json.loads(
            text,
            parse_float=values._finite_float,
            parse_int=values._bounded_int,
            parse_constant=values._no_constant,
        )
    except values._Rejected:
        return "refused"


def mended(value):
    """The checked reading as decode_json hands it out: each lone surrogate made U+FFFD."""
    return well_formed_json(value) if value != "refused" else value


def decoded(text: str | bytes):
    try:
        return values.decode_json(text, "yahoo")
    except FetchError:
        return "refused"


@settings(max_examples=300, deadline=None)
@given(DOCUMENTS)
def test_any_document_decodes_as_the_checked_reading_does(document):
    text = json.dumps(document)  # lone surrogates escaped: "\\ud800"
    assert decoded(text) == mended(checked(text))
    assert decoded(text.encode()) == mended(checked(text.encode()))
    raw = json.dumps(document, ensure_ascii=False)  # and as the code point itself
    assert decoded(raw) == mended(checked(raw))


RECORDINGS = sorted(SHARED.rglob("*.json"))


def test_the_recordings_are_there_to_decode():
    assert len(RECORDINGS) > 300  # every JSON answer of every provider recorded in ../shared


@pytest.mark.parametrize("path", RECORDINGS, ids=lambda p: str(p.relative_to(SHARED)))
def test_every_recorded_answer_decodes_as_the_checked_reading_does(path: Path):
    body = path.read_bytes()
    assert decoded(body) == mended(checked(body))


@pytest.mark.parametrize(
    "number",
    [
        "NaN",
        "-Infinity",
        "1e400",
        "-1e999",
        "Infinity",
        "1E+400",  # a sign and a capital in the exponent: the scan drops one and lowers the other
        "-2.5e+308",
        "1.0E-400",
        "1" * 400,
        "9223372036854775808",
        "123456789012345678901234567890",
    ],
)
def test_numbers_only_the_checks_can_judge_go_through_them(number):
    text = f'{{"chart": {{"close": [1.5, {number}]}}}}'
    assert decoded(text) == checked(text)
    assert (
        decoded(text) == "refused"
        or decoded(text)["chart"]["close"][1] == checked(text)["chart"]["close"][1]
    )


@pytest.mark.parametrize(
    ("text", "risky"),
    [
        ('{"pct": 0.0036216137911020225}', False),  # a long fraction: any float reads it
        ('{"pct": -0.0036216137911020225, "n": 12}', False),
        ('{"pct": 0.0036216137911020225, "n": 123456789012345678901234567890}', True),
        ('{"n": -12345678901234567890}', True),  # beyond 64 bits, after a sign
        ('{"x": 12345678901234567890.5}', True),  # an integer part of 20 digits
        ("[0.1234567890123456789012, 1234567890123456789012]", True),
        ('{"x": 1.5E+300}', True),
    ],
)
def test_only_what_the_hooks_can_judge_is_sent_to_them(text, risky):
    assert values._risky(text) is risky
    assert values._risky(text.encode()) is risky
    assert decoded(text) == checked(text)


@pytest.mark.parametrize(
    "body",
    [
        b'{"a": "x\xed\xa0\x80y"}',  # the three bytes of U+D800: json decodes them surrogatepass
        '{"a": "x\ud800y"}',  # the code point itself in a str
        b'{"a": "x\\ud800y"}',  # the JSON escape
        '{"x\ud800": ["x\\udfff"]}',  # in a key, and escaped in a list
    ],
)
def test_a_lone_surrogate_however_spelt_becomes_a_replacement_character(body):
    decoded = values.decode_json(body, "sec")
    text = json.dumps(decoded, ensure_ascii=False)
    text.encode("utf-8")  # encodable: a store, a log or a terminal takes it
    assert "\ufffd" in text
