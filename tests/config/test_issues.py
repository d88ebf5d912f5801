"""A problem in catalysts.toml as data: its key path, its class and, for a missing key, the key's
name, besides the FILE:LINE:COL: key.path: message line people read."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalyst_tui.config import ConfigError, IssueCode, load_config, parse_config

TEXT = """\
[settings]
refersh = "60s"
providers = ["yahoo", "yahoo"]

[providers.finnhub]
api_key = "secret"

[tickers."BRK.B"]
name = 3

[[tickers."BRK.B".lots]]
cost = -1

[[tickers."BRK.B".sells]]
shares = 1
price = 1
date = 2026-01-02
"""


def test_each_issue_carries_its_key_path_and_code():
    with pytest.raises(ConfigError) as info:
        parse_config(TEXT)
    found = [(i.key_path, i.code, i.missing) for i in info.value.issues]
    lot = ("tickers", "BRK.B", "lots", 0)
    assert found == [
        (("settings", "refersh"), IssueCode.UNKNOWN_KEY, None),
        (("settings", "providers", 1), IssueCode.DUPLICATE, None),
        (("providers", "finnhub", "api_key"), IssueCode.FORBIDDEN_KEY, None),
        (("tickers", "BRK.B", "name"), IssueCode.WRONG_TYPE, None),
        (lot, IssueCode.MISSING_KEY, "shares"),
        (lot + ("cost",), IssueCode.BAD_VALUE, None),
    ]


def test_the_printed_line_writes_the_key_path_as_toml_does():
    with pytest.raises(ConfigError) as info:
        parse_config(TEXT, "catalysts.toml")
    lines = str(info.value).splitlines()
    assert (
        lines[4] == "catalysts.toml:11:1: tickers.\"BRK.B\".lots[0]: missing required key 'shares'"
    )
    assert (
        lines[5] == 'catalysts.toml:12:8: tickers."BRK.B".lots[0].cost: must not be negative (-1)'
    )
    assert info.value.issues[4].key == 'tickers."BRK.B".lots[0]'


def test_a_sale_of_more_than_is_held_is_its_own_class():
    text = "[tickers.A]\n[[tickers.A.sells]]\nshares = 1\nprice = 1\ndate = 2026-01-02\n"
    with pytest.raises(ConfigError) as info:
        parse_config(text)
    [issue] = info.value.issues
    assert (issue.key_path, issue.code) == (
        ("tickers", "A", "sells", 0, "shares"),
        IssueCode.OVERSOLD,
    )


@pytest.mark.parametrize(
    ("text", "code"),
    [("[settings\n", IssueCode.SYNTAX), ("a = " + "[" * 2000 + "]" * 2000, IssueCode.SYNTAX)],
)
def test_a_file_that_is_not_toml_is_a_syntax_issue_of_the_file(text: str, code: IssueCode):
    with pytest.raises(ConfigError) as info:
        parse_config(text)
    [issue] = info.value.issues
    assert (issue.key_path, issue.key, issue.code) == ((), "", code)


def test_a_file_that_cannot_be_read_says_why_as_a_class(tmp_path: Path):
    cases = {
        tmp_path / "absent.toml": IssueCode.UNREADABLE,
        tmp_path: IssueCode.UNREADABLE,
    }
    (tmp_path / "latin1.toml").write_bytes(b'[tickers.A]\nname = "caf\xe9"\n')
    cases[tmp_path / "latin1.toml"] = IssueCode.NOT_UTF8
    for path, code in cases.items():
        with pytest.raises(ConfigError) as info:
            load_config(path, use_cache=False)
        [issue] = info.value.issues
        assert (issue.key_path, issue.code) == ((), code), issue
