"""A tool's arguments held to its schema by the one reader: each keyword the schemas use is
enforced, a value out of bounds is one sentence naming the argument (the value quoted cut short
and printable), and no input, however long or strange, gets anything but arguments or that
sentence (a property over any JSON the client may send)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.assistant.arguments import (
    CURSOR,
    DAY,
    SYMBOL,
    BadArguments,
    read_arguments,
    schema,
)
from catalyst_tui.assistant.tools import TOOLS

ASKED = schema(
    {
        "symbol": SYMBOL,
        "since": DAY,
        "cursor": CURSOR,
        "all": {"type": "boolean", "description": "every one"},
        "count": {"type": "integer", "description": "how many", "minimum": 1, "maximum": 50},
        "form": {"type": "string", "description": "a form", "enum": ["10-Q", "10-K"]},
    },
    "symbol",
)


def test_arguments_within_bounds_are_read_a_day_as_a_date():
    read = read_arguments(
        ASKED, {"symbol": "ALAB", "since": "2026-11-01", "all": True, "count": 5, "form": "10-Q"}
    )
    assert read == {
        "symbol": "ALAB",
        "since": dt.date(2026, 11, 1),
        "all": True,
        "count": 5,
        "form": "10-Q",
    }
    assert read_arguments(ASKED, {"symbol": "ALAB", "since": None}) == {"symbol": "ALAB"}


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ({}, "symbol: required"),
        ({"symbol": "ALAB", "extra": 1}, "“extra”: not an argument of this tool (it takes symbol"),
        ({"symbol": 7}, "symbol: a string, not “7”"),
        ({"symbol": "ALAB", "count": True}, "count: a whole number, not “True”"),
        ({"symbol": "ALAB", "count": 51}, "count: from 1 to 50, not 51"),
        ({"symbol": "ALAB", "all": "yes"}, "all: true or false, not “yes”"),
        ({"symbol": "ALAB", "form": "8-K"}, "form: one of 10-Q, 10-K, not “8-K”"),
        ({"symbol": "AL AB"}, "symbol: a ticker of this thesis"),
        ({"symbol": "ALAB", "since": "2026-11-31"}, "since: no such day as “2026-11-31”"),
        ({"symbol": "ALAB", "since": "1992-12-31"}, "since: from 1993-01-01"),
        ({"symbol": "\x1b]0;pwned\x07" + "A" * 5}, "not “AAAAA”"),
    ],
)
def test_a_value_out_of_its_bounds_is_one_sentence(given: dict[str, Any], said: str):
    with pytest.raises(BadArguments) as refused:
        read_arguments(ASKED, given)
    assert said in str(refused.value)
    assert "\n" not in str(refused.value) and "\x1b" not in str(refused.value)


def test_a_value_of_100000_characters_is_refused_by_its_length_before_any_pattern():
    with pytest.raises(BadArguments, match="symbol: at most 20 characters"):
        read_arguments(ASKED, {"symbol": "A" * 100_000})
    with pytest.raises(BadArguments, match="cursor: at most 64 characters"):
        read_arguments(ASKED, {"symbol": "A", "cursor": "x" * 100_000})


def test_every_tool_declares_no_keyword_its_reader_does_not_enforce():
    enforced = {"type", "description", "pattern", "maxLength", "enum", "minimum", "maximum"}
    enforced |= {"format"}
    for tool in TOOLS.values():
        assert tool.input_schema["additionalProperties"] is False
        for name, rule in tool.input_schema["properties"].items():
            assert set(rule) <= enforced, (tool.name, name, set(rule) - enforced)
            assert rule["type"] in ("string", "integer", "boolean")
            if rule["type"] == "string" and "enum" not in rule:
                assert "maxLength" in rule, (tool.name, name)  # a bound before any pattern


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=200),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=6,
)


@given(
    st.dictionaries(
        st.sampled_from(["symbol", "since", "cursor", "all", "count", "form", "x"]), JSON
    )
)
def test_any_json_is_read_or_refused_in_a_sentence(given: dict[str, Any]):
    try:
        read = read_arguments(ASKED, given)
    except BadArguments as refused:
        assert str(refused) and "\n" not in str(refused)
    else:
        assert set(read) <= set(ASKED["properties"]) and "symbol" in read
