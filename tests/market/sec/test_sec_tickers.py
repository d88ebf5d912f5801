"""SEC's ticker → CIK map: company_tickers.json parsed, a symbol's CIK found in it
(market/sec/tickers.py)."""

from __future__ import annotations

import json

import pytest
from tests.support.shared import OWN_SEC as FIXTURES

from catalyst_tui.market.sec.tickers import SecFormatError, cik_for, parse_cik_map


def test_parse_cik_map_zero_pads_ciks_upper_cases_tickers_and_skips_malformed_entries():
    cik_map = parse_cik_map((FIXTURES / "company_tickers.json").read_bytes())
    assert cik_map == {
        "AAPL": "0000320193",
        "BRK-B": "0001067983",
        "BLK": "0002012383",
        "BRK-A": "0001067983",
        "NVDA": "0001045810",
        "MSFT": "0000789019",
    }


def test_parse_cik_map_accepts_str_bodies_and_string_ciks():
    body = '{"0": {"cik_str": "320193", "ticker": " aapl ", "title": "Apple Inc."}}'
    assert parse_cik_map(body) == {"AAPL": "0000320193"}


def test_parse_cik_map_keeps_the_first_entry_for_a_repeated_ticker():
    body = json.dumps({"0": {"cik_str": 1, "ticker": "DUP"}, "1": {"cik_str": 2, "ticker": "dup"}})
    assert parse_cik_map(body) == {"DUP": "0000000001"}


def test_parse_cik_map_rejects_an_html_page():
    body = (FIXTURES / "company_tickers_undeclared_tool.html").read_bytes()
    with pytest.raises(SecFormatError, match="not JSON"):
        parse_cik_map(body)


@pytest.mark.parametrize(
    "body",
    [
        b'{"0":{"cik_str":320193,"ticker":"AAPL","title":"Apple',  # truncated download
        b"[]",
        b'"company_tickers"',
        b"{}",
        b'{"fields": ["cik", "name", "ticker"], "data": [[320193, "Apple Inc.", "AAPL"]]}',
        b"\xff\xfe not utf-8",
        b"",
        b"[" * 100_000,
    ],
    ids=[
        "truncated",
        "array",
        "string",
        "empty-object",
        "exchange-file-shape",
        "binary",
        "empty",
        "deeply-nested",
    ],
)
def test_parse_cik_map_rejects_bodies_that_are_not_the_company_tickers_shape(body: bytes):
    with pytest.raises(SecFormatError):
        parse_cik_map(body)


def test_sec_format_error_is_a_value_error():
    assert issubclass(SecFormatError, ValueError)


def test_cik_for_matches_class_shares_spelled_with_dot_or_dash():
    cik_map = parse_cik_map((FIXTURES / "company_tickers.json").read_bytes())
    assert cik_for("BRK.B", cik_map) == "0001067983"
    assert cik_for("BRK-B", cik_map) == "0001067983"
    assert cik_for("brk.a", cik_map) == "0001067983"
    assert cik_for("AAPL", cik_map) == "0000320193"
    assert cik_for("ZZZZ", cik_map) is None


def test_cik_for_finds_a_dotted_key_from_a_dashed_symbol():
    assert cik_for("BF-B", {"BF.B": "0000014693"}) == "0000014693"


def test_each_companys_name_is_kept_as_sec_has_it():
    """The recorded company_tickers.json, read in place: each ticker's name as SEC writes it,
    what a company's own feed must name for its results item to be that company's."""
    from tests.support.shared import SAMPLES

    from catalyst_tui.market.sec.tickers import parse_companies

    companies = parse_companies((SAMPLES / "sec_company_tickers.json").read_bytes())
    assert companies.ciks["ALAB"] == "0001736297"
    assert companies.names["ALAB"] == "Astera Labs, Inc."
    assert companies.names["LITE"] == "Lumentum Holdings Inc."
    assert companies.names["CRDO"] == "Credo Technology Group Holding Ltd"
    assert set(companies.names) == set(companies.ciks)
