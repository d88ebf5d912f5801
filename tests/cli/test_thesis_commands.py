"""`catalyst check`, `mark` and `ack` end to end on the bundled thesis with loopback market data.

The commands run in the test's own process (tests/support/cli_inline.py). The database a first
`refresh` makes of the loopback market is made once for the file (`refreshed`); each test that
starts from it gets its own copy (SQLite's backup), following its own catalysts.toml."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from catalyst_tui.config import load_config
from catalyst_tui.store import Store
from tests.support import cli_inline
from tests.support.market_server import MarketServer

from ..conftest import BUNDLED_CONFIG

UA = "Catalyst Tests tests@example.com"


def loopback_thesis(base: str) -> str:
    """The bundled catalysts.toml with every provider, and the companies' own feeds (ALAB's
    investor-relations feed, each one's EDGAR feed), pointed at the loopback market."""
    text = BUNDLED_CONFIG.read_text().replace(
        '"https://ir.asteralabs.com/rss', f'"{base}/feeds/ALAB/rss'
    )
    text = text.replace('"https://www.sec.gov/cgi-bin/', f'"{base}/feeds/EDGAR/cgi-bin/')
    assert "/cgi-bin/" not in text.replace(f"{base}/feeds/EDGAR/cgi-bin/", "")
    text = text.replace(
        "[providers.yahoo]\n", f'[providers.yahoo]\nbase_url = "{base}"\ncookie_url = "{base}/fc"\n'
    )
    text = text.replace("[providers.stooq]\n", f'[providers.stooq]\nbase_url = "{base}"\n')
    return text.replace(
        "[providers.sec]\n",
        f'[providers.sec]\nbase_url = "{base}"\n'
        f'tickers_url = "{base}/files/company_tickers.json"\nuser_agent = "{UA}"\n',
    )


@pytest.fixture(scope="module")
def market() -> Iterator[MarketServer]:
    with MarketServer() as server:
        yield server


@pytest.fixture
def workdir(tmp_path: Path, market: MarketServer) -> Path:
    (tmp_path / "catalysts.toml").write_text(loopback_thesis(market.url))
    return tmp_path


@pytest.fixture(scope="module")
def first_refresh(tmp_path_factory: pytest.TempPathFactory, market: MarketServer) -> Path:
    """The database of a first `catalyst refresh` on the loopback market, made once."""
    folder = tmp_path_factory.mktemp("refreshed")
    (folder / "catalysts.toml").write_text(loopback_thesis(market.url))
    done = cli(folder, "refresh")
    assert done.returncode == 0, done.stdout + done.stderr
    return folder / "c.db"


@pytest.fixture
def refreshed(workdir: Path, first_refresh: Path) -> Path:
    """`workdir` with a copy of the first refresh's database, which follows its catalysts.toml
    (the same text as the one it was made for)."""
    source, copy = sqlite3.connect(first_refresh), sqlite3.connect(workdir / "c.db")
    try:
        source.backup(copy)
    finally:
        source.close()
        copy.close()
    with Store.open(workdir / "c.db") as store:
        store.sync.apply(load_config(workdir / "catalysts.toml"))
    return workdir


def cli(workdir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return cli_inline.on_files(workdir, *args)


def check(workdir: Path) -> tuple[int, dict[str, dict]]:
    result = cli(workdir, "check", "--json")
    assert "Traceback" not in result.stderr
    return result.returncode, {f"{r['symbol']}/{r['id']}": r for r in json.loads(result.stdout)}


def events(workdir: Path) -> list[tuple]:
    """Every event, oldest first, as `catalyst export events` gives them."""
    result = cli(workdir, "export", "events", "--format", "json")
    assert result.returncode == 0, result.stderr
    return [
        (
            f"{e['symbol']}/{e['checkpoint_id']}",
            e["from_status"],
            e["to_status"],
            e["value"],
            e["threshold"],
            e["reason"],
            e["manual"],
            e["flagged"],
            e["acked_at"],
        )
        for e in json.loads(result.stdout)
    ]


def test_check_lists_every_checkpoint_with_status_and_value_against_threshold(refreshed):
    workdir = refreshed
    code, rows = check(workdir)
    assert code == 1  # unacknowledged misses
    assert len(rows) == 16
    gm = rows["ALAB/gross-margin-floor"]
    assert gm["status"] == "missed" and gm["flagged"] is True
    assert gm["value"] == pytest.approx(0.691, abs=1e-3) and gm["threshold"] == 0.70
    assert "gross_margin 69.1% < 70%" in gm["reason"]
    guide = rows["ALAB/beats-own-guide"]  # the loopback market's EDGAR lists no 8-K
    assert guide["status"] == "pending" and guide["threshold"] == 0.0
    assert "no earnings release of ALAB read yet" in guide["reason"]
    fy26 = rows["ALAB/fy26-revenue-estimate"]
    assert fy26["status"] == "pending" and "has not reported" in fy26["reason"]
    npo = rows["ALAB/npo-multi-rack-2027"]
    assert npo["status"] == "pending" and npo["due"] == "2027-12-31" and npo["days_left"] > 0
    for row in rows.values():
        assert set(row) >= {
            "symbol",
            "id",
            "title",
            "kind",
            "status",
            "value",
            "threshold",
            "due",
            "days_left",
            "flagged",
        }
    missed = [e for e in events(workdir) if e[2] == "missed"]
    assert {e[0] for e in missed} == {
        "ALAB/gross-margin-floor",
        "ALAB/operating-margin-floor",
        "ALAB/position-weight-cap",
    }
    assert all(e[7] == 1 and e[4] and e[5] for e in missed)  # flagged, threshold, reason


def test_check_again_records_no_new_events(refreshed):
    workdir = refreshed
    before = events(workdir)
    check(workdir)
    check(workdir)
    assert events(workdir) == before


def test_ack_clears_flags_and_check_then_exits_0(refreshed):
    workdir = refreshed
    assert cli(workdir, "ack", "ALAB/gross-margin-floor").returncode == 0
    code, rows = check(workdir)
    assert code == 1 and not rows["ALAB/gross-margin-floor"]["flagged"]
    assert rows["ALAB/gross-margin-floor"]["status"] == "missed"  # acknowledged, still missed
    result = cli(workdir, "ack", "--all")
    assert result.returncode == 0 and "acknowledged 2 flags" in result.stdout
    code, rows = check(workdir)
    assert code == 0 and not any(r["flagged"] for r in rows.values())


def test_mark_freezes_and_pending_reopens(refreshed):
    workdir = refreshed
    result = cli(workdir, "mark", "ALAB/npo-multi-rack-2027", "met", "--note", "shipped early")
    assert result.returncode == 0, result.stderr
    _, rows = check(workdir)
    npo = rows["ALAB/npo-multi-rack-2027"]
    assert npo["status"] == "met" and npo["manual"] is True and "shipped early" in npo["reason"]
    assert events(workdir)[-1][:3] == ("ALAB/npo-multi-rack-2027", "pending", "met")
    assert events(workdir)[-1][6] == 1  # manual

    # a guard marked met by hand stays met although its data says missed
    assert cli(workdir, "mark", "ALAB/gross-margin-floor", "met").returncode == 0
    _, rows = check(workdir)
    assert rows["ALAB/gross-margin-floor"]["status"] == "met"
    assert cli(workdir, "mark", "ALAB/gross-margin-floor", "pending").returncode == 0
    _, rows = check(workdir)
    assert rows["ALAB/gross-margin-floor"]["status"] == "missed"  # evaluated again
    assert [e[1:3] for e in events(workdir) if e[0] == "ALAB/gross-margin-floor"][-3:] == [
        ("missed", "met"),
        ("met", "pending"),
        ("pending", "missed"),
    ]


@pytest.mark.parametrize(
    "args", [("mark", "ALAB/nope", "met"), ("mark", "NOPE", "met"), ("ack", "ALAB/nope")]
)
def test_unknown_checkpoint_exits_2(workdir, args):
    result = cli(workdir, *args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stderr.strip()


def test_check_without_any_data_leaves_metrics_pending_with_reasons(workdir):
    Store.open(workdir / "c.db").close()  # a database with nothing fetched into it yet
    code, rows = check(workdir)  # no refresh: nothing stored
    gm = rows["ALAB/gross-margin-floor"]
    assert gm["status"] == "pending" and gm["value"] is None
    assert "no fundamentals yet for ALAB" in gm["reason"]
    assert rows["ALAB/position-weight-cap"]["reason"].startswith("no quote yet")
    assert code == 0


def test_refresh_without_the_sec_contact_says_what_stays_pending_in_one_line(tmp_path, market):
    """The bundled thesis without providers.sec.user_agent: SEC is not asked, and `refresh`
    says so once, with what stays pending for it; with the contact, nothing of it."""
    text = loopback_thesis(market.url)
    (tmp_path / "catalysts.toml").write_text(text.replace(f'user_agent = "{UA}"\n', ""))
    done = cli(tmp_path, "refresh")
    said = [
        line
        for line in (done.stdout + done.stderr).splitlines()
        if "user_agent" in line or "SEC contact" in line
    ]
    assert len(said) == 1, done.stdout + done.stderr
    assert said[0].startswith(
        "No SEC contact set (providers.sec.user_agent): 6 checkpoints stay "
        "pending without SEC figures (ALAB/"
    )
    assert "evidence is looked for in headlines only" in said[0]
    (tmp_path / "catalysts.toml").write_text(text)
    done = cli(tmp_path, "refresh")
    assert "SEC contact" not in done.stdout + done.stderr
