"""Files TOML accepts and the app could not run: each refused by the validator with its
location and key (an invisible duplicate symbol or id, an interval past any timer, share counts
and thresholds the arithmetic can't carry, control characters in names, paths and headers), and
what is not a file (a device, megabytes of anything) refused before it is read whole. A UTF-8
byte-order mark in front of the file is accepted."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from catalyst_tui.config import ConfigError, load_config, parse_config, parse_interval
from catalyst_tui.config.write import add_lot, apply_edit

from ..conftest import BUNDLED_CONFIG


def issues(text: str) -> list[tuple[int, int, str, str]]:
    with pytest.raises(ConfigError) as info:
        parse_config(text)
    return [(i.line, i.col, i.key, i.message) for i in info.value.issues]


def s(text: str) -> str:
    """`text` as a TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(text)


CHECKPOINT = 'title = "t"\nkind = "milestone"\ndue = 2027-01-01\n'


def test_a_symbol_with_a_line_break_is_not_a_second_alab():
    text = f"[tickers.ALAB]\n[tickers.{s('ALAB' + chr(10))}]\n"
    [(line, col, key, message)] = issues(text)
    assert (line, col, key) == (2, 1, 'tickers."ALAB\\n"')
    assert message.startswith("'ALAB\\n' is not a ticker symbol")


def test_a_checkpoint_id_with_a_line_break_is_not_a_second_id():
    text = (
        f'[tickers.ALAB]\n[[tickers.ALAB.checkpoints]]\nid = "npo"\n{CHECKPOINT}'
        f"[[tickers.ALAB.checkpoints]]\nid = {s('npo' + chr(10))}\n{CHECKPOINT}"
    )
    [(line, col, key, message)] = issues(text)
    assert (line, col, key) == (8, 6, "tickers.ALAB.checkpoints[1].id")
    assert message.startswith("'npo\\n' is not a checkpoint id")


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("9999999h", "too long: at most 24h"),
        ("86401s", "too long: at most 24h"),
        ("1441m", "too long: at most 24h"),
        ("1" + "0" * 5000 + "s", "too long: at most 24h"),
    ],
    ids=["9999999h", "86401s", "1441m", "5001-digits"],
)
def test_an_interval_no_timer_can_hold_is_refused(value, problem):
    for key in ("refresh", "refresh_closed"):
        [(line, col, path, message)] = issues(f"[settings]\n{key} = {s(value)}\n")
        assert (line, col, path) == (2, len(key) + 4, f"settings.{key}")
        assert problem in message


@pytest.mark.parametrize(("text", "seconds"), [("24h", 86400), ("1440m", 86400), ("10s", 10)])
def test_intervals_up_to_a_day_are_kept(text, seconds):
    assert parse_interval(text) == seconds


@pytest.mark.parametrize(
    ("key", "value", "problem"),
    [
        ("shares", "1e300", "1e+300 shares can't be counted"),
        ("shares", "1e-300", "1e-300 shares can't be counted"),
        ("shares", "1_000_000_000_001", "shares can't be counted"),
        ("cost", "1e300", "1e+300 per share can't be counted"),
        ("shares", "inf", "inf is not a usable number"),
        ("cost", "nan", "nan is not a usable number"),
    ],
)
def test_a_lot_the_arithmetic_cant_carry_is_refused(key, value, problem):
    lot = {"shares": "10", "cost": "100"} | {key: value}
    keys = "".join(f"{name} = {number}\n" for name, number in lot.items())
    text = f"[tickers.ALAB]\n[[tickers.ALAB.lots]]\n{keys}"
    [(line, _col, path, message)] = issues(text)
    assert (line, path) == (3 if key == "shares" else 4, f"tickers.ALAB.lots[0].{key}")
    assert problem in message


def test_the_smallest_and_largest_lots_are_kept():
    text = (
        "[tickers.ALAB]\n[[tickers.ALAB.lots]]\nshares = 0.000000001\ncost = 0\n"
        "[[tickers.ALAB.lots]]\nshares = 1_000_000_000_000\ncost = 1_000_000_000\n"
    )
    lots = parse_config(text).tickers["ALAB"].lots
    assert [(lot.shares, lot.cost) for lot in lots] == [(1e-9, 0.0), (1e12, 1e9)]


@pytest.mark.parametrize("when", ["price >= 1e400", "revenue_q >= 1e300B", "price < -1e309"])
def test_a_threshold_that_is_infinite_is_refused(when):
    text = f'[tickers.ALAB]\n[[tickers.ALAB.checkpoints]]\nid = "x"\ntitle = "t"\nkind = "guard"\nwhen = "{when}"\n'  # noqa: E501
    [(line, col, key, message)] = issues(text)
    number = when.rsplit(" ", 1)[1]
    assert (line, key) == (6, "tickers.ALAB.checkpoints[0].when")
    assert col == len('when = "') + when.index(number) + 1  # at the number inside the string
    assert message == f"{number!r} is too large a number to compare with"


@pytest.mark.parametrize(
    ("table", "key", "value"),
    [
        ("settings", "database", "state/\u0000.db"),
        ("settings", "timezone", "UTC\n"),
        ("providers.sec", "user_agent", "Me me@example.com\r\nX-Evil: 1"),
        ("providers.yahoo", "base_url", "http://127.0.0.1:1/\nx"),
        ("providers.finnhub", "api_key_env", "KEY\t"),
    ],
)
def test_a_control_character_in_a_name_a_path_or_a_header_is_refused(table, key, value):
    [(line, col, path, message)] = issues(f"[{table}]\n{key} = {s(value)}\n")
    assert (line, col, path) == (2, len(key) + 4, f"{table}.{key}")
    assert "holds a control character" in message


def test_a_byte_order_mark_is_accepted_and_positions_count_from_after_it(tmp_path):
    path = tmp_path / "catalysts.toml"
    path.write_bytes(b"\xef\xbb\xbf" + BUNDLED_CONFIG.read_bytes())
    assert load_config(path).tickers == load_config(BUNDLED_CONFIG).tickers
    path.write_bytes(b"\xef\xbb\xbf" + b'[settings]\nrefresh = "5s"\n')
    with pytest.raises(ConfigError) as info:
        load_config(path)
    [issue] = info.value.issues
    assert (issue.line, issue.col, issue.key) == (2, 11, "settings.refresh")


def test_an_edit_of_a_file_with_a_byte_order_mark_keeps_it(tmp_path):
    path = tmp_path / "catalysts.toml"
    original = b"\xef\xbb\xbf" + BUNDLED_CONFIG.read_bytes()
    path.write_bytes(original)
    result = apply_edit(path, lambda text: add_lot(text, "CRDO", {"shares": "3", "cost": "90"}))
    assert result.written, result.message
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\xef\xbb\xbf") == 1
    assert len(load_config(path).tickers["CRDO"].lots) == 1  # watched only before
    assert (tmp_path / "catalysts.toml.bak").read_bytes() == original


def test_a_file_past_four_megabytes_is_refused_at_1_1(tmp_path):
    path = tmp_path / "catalysts.toml"
    path.write_bytes(b"# padding\n" * 500_000)  # 5 MB of comments: valid TOML, not a config
    with pytest.raises(ConfigError) as info:
        load_config(path)
    [issue] = info.value.issues
    assert (issue.line, issue.col) == (1, 1)
    assert issue.message == "larger than 4 MB: not a catalysts.toml"


def _limit_memory() -> None:  # in the child: 1 GB of address space, so a read of all of
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))  # /dev/zero fails, not the box


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_as_the_config_is_refused_not_read_until_memory_ends(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "catalyst_tui.cli", "validate", "--config", "/dev/zero"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        preexec_fn=_limit_memory,
        env={**os.environ},
    )
    assert done.returncode == 2, done.stderr
    assert "/dev/zero:1:1: is a character device, not a file" in done.stderr
    assert "Traceback" not in done.stderr and "MemoryError" not in done.stderr


def test_the_cli_refuses_an_interval_of_millions_of_hours_before_the_tui_starts(tmp_path):
    config = tmp_path / "catalysts.toml"
    config.write_text('[settings]\nrefresh_closed = "9999999h"\n[tickers.ALAB]\n')
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "catalyst_tui.cli",
            "--config",
            str(config),
            "--db",
            str(tmp_path / "c.db"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert done.returncode == 2
    assert f"{config}:2:18: settings.refresh_closed: '9999999h' is too long" in done.stderr
    assert not (tmp_path / "c.db").exists()
