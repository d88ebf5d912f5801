"""An answer in pages: every item once, in order, across the pages its cursors lead through;
each page's JSON within ANSWER_CHARS; a cursor of another tool, or past the end, refused."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.assistant.arguments import BadArguments
from catalyst_tui.assistant.citing import QUOTE_CHARS, quoted
from catalyst_tui.assistant.paging import ANSWER_CHARS, PAGE_ITEMS, Answer, encode, page


def pages(answer: Answer) -> list[dict]:
    found = [page("tool", answer, None)]
    while found[-1]["page"]["next_cursor"] is not None:
        found.append(page("tool", answer, found[-1]["page"]["next_cursor"]))
    return found


ITEMS = st.lists(
    st.builds(
        lambda n, text: {"n": n, "quote": quoted(text)}, st.integers(), st.text(max_size=3000)
    ),
    max_size=300,
)


@given(ITEMS)
def test_every_item_once_in_order_each_page_within_the_limit(items: list[dict]):
    answer = Answer({"symbol": "ALAB"}, items)
    found = pages(answer)
    assert [item for p in found for item in p["items"]] == items
    for p in found:
        assert len(encode(p)) <= ANSWER_CHARS
        assert len(p["items"]) <= PAGE_ITEMS and (p["items"] or not items)
        assert p["symbol"] == "ALAB" and p["page"]["of"] == len(items)


def test_a_quote_is_cut_and_says_so():
    assert quoted("short") == {"third_party_text": "short"}
    long = quoted("x" * (QUOTE_CHARS + 1))
    assert long == {"third_party_text": "x" * QUOTE_CHARS, "cut": True}


def test_a_cursor_of_another_tool_or_past_the_end_is_refused():
    answer = Answer({}, [{"n": i, "pad": "y" * 2000} for i in range(40)])
    following = page("tool", answer, None)["page"]["next_cursor"]
    assert following is not None
    with pytest.raises(BadArguments, match="cursor: not one this tool gave"):
        page("other", answer, following)
    with pytest.raises(BadArguments, match="cursor: not one this tool gave"):
        page("tool", Answer({}, answer.items[:3]), following)
    assert json.loads(encode(page("tool", answer, following)))["page"]["first"] > 1
