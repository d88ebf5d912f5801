"""A list of names in catalysts.toml (settings.notify, settings.providers, a channel's kinds):
each item that is wrong is located at its index, an item listed again is a duplicate there, and
the rest are kept once, in order. A table of named tables (groups, tickers) that is not a table
is located at its key."""

from __future__ import annotations

import pytest

from catalyst_tui.config import ConfigError, IssueCode, parse_config


def _issues(text: str) -> list[tuple[tuple[object, ...], IssueCode, str]]:
    with pytest.raises(ConfigError) as info:
        parse_config(text)
    return [(i.key_path, i.code, i.message) for i in info.value.issues]


def test_each_wrong_item_of_a_choice_list_is_located_at_its_index():
    found = _issues('[settings]\nnotify = ["met", 3, "sideways", "met"]\n')
    assert [(path, code) for path, code, _ in found] == [
        (("settings", "notify", 1), IssueCode.WRONG_TYPE),
        (("settings", "notify", 2), IssueCode.BAD_VALUE),
        (("settings", "notify", 3), IssueCode.DUPLICATE),
    ]
    assert "'met' is listed twice" in found[2][2]


def test_a_channels_kinds_are_kept_once_each_in_order():
    text = '[notify.channels.phone]\nurl = "json://127.0.0.1/x"\nkinds = ["missed", "results"]\n'
    assert parse_config(text).channels["phone"].kinds == ("missed", "results")
    found = _issues(text.replace('"results"]', '"missed", "no such kind!"]'))
    assert [(path, code) for path, code, _ in found] == [
        (("notify", "channels", "phone", "kinds", 1), IssueCode.DUPLICATE),
        (("notify", "channels", "phone", "kinds", 2), IssueCode.BAD_VALUE),
    ]


@pytest.mark.parametrize("key", ["groups", "tickers"])
def test_a_table_of_named_tables_that_is_not_a_table_is_located_at_its_key(key):
    [(path, code, message)] = _issues(f"{key} = 3\n")
    assert path == (key,) and code is IssueCode.WRONG_TYPE
    assert message == f"must be a table of {key}, not a number (3)"
