"""`catalyst results`: one release read from a file with no database, network or
config (exit 0 found, 1 not found with its JSON, 2 an unreadable path, a FIFO never waited on),
and the releases stored, newest first, confirmed by XBRL or where it differs.

The commands run in the test's own process (tests/support/cli_inline.py), but for a path that
cannot be read: a FIFO's refusal that stopped working would wait for ever, which a process's
timeout ends, and root is made to meet an unreadable file by a process without its
capabilities."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from catalyst_tui.config import load_config
from catalyst_tui.market.sec.facts import derive_facts
from catalyst_tui.store import Store
from tests.support import cli_inline
from tests.support.releases import AlabQuarter, alab_companyfacts, store_alab_releases
from tests.support.shared import PRESS_RELEASES

NVDA_Q4 = PRESS_RELEASES / "NVDA_0001045810-24-000028_q4fy24pr.htm"
TSLA = PRESS_RELEASES / "TSLA_0001628280-25-000007_exhibit991.htm"
MSFT = PRESS_RELEASES / "MSFT_0000950170-24-008809_msft-ex99_1.htm"


NO_OVERRIDE = (
    "setpriv",
    "--bounding-set=-dac_override,-dac_read_search",
    "--inh-caps=-dac_override,-dac_read_search",
)


def run(
    *args: str, cwd: Path, timeout: float = 60, prefix: tuple[str, ...] = ()
) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [*prefix, sys.executable, "-m", "catalyst_tui.cli", "results", *args],
        cwd=cwd,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert "Traceback" not in done.stderr + done.stdout, done.stderr
    return done


def inline(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`catalyst results ARGS`, in this process (tests/support/cli_inline.py)."""
    done = cli_inline.run("results", *args, env=env, cwd=cwd)
    assert "Traceback" not in done.stderr + done.stdout, done.stderr
    return done


def test_a_file_is_read_without_database_network_or_config(tmp_path, isolated_home):
    done = inline("--file", str(NVDA_Q4), "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    # as the release prints them (in millions): Revenue $ 22,103 ... Diluted $ 4.93
    assert found["quarter"] == {
        "revenue": 22_103e6,
        "gross_profit": 16_791e6,
        "operating_income": 13_615e6,
        "net_income": 12_285e6,
        "eps_diluted": 4.93,
        "eps_nongaap": 5.16,
    }
    assert found["year"]["revenue"] == 60_922e6  # Twelve Months Ended: Revenue $ 60,922
    # "Revenue is expected to be $24.0 billion, plus or minus 2%."
    assert found["guidance"] == [
        {"period": "quarter", "revenue_low": 23_520e6, "revenue_high": 24_480e6}
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no catalysts.toml copied here
    made = [p for p in isolated_home.rglob("*") if p.suffix in (".db", ".toml")]
    assert made == []


def test_a_document_without_results_exits_1_with_its_json(tmp_path):
    done = inline("--file", str(TSLA), "--json", cwd=tmp_path)
    assert done.returncode == 1
    found = json.loads(done.stdout)
    assert (found["found"], found["reason_code"], found["guidance"]) == (False, "no_statement", [])
    assert found["reason"].startswith("The document has no income statement")
    table = inline("--file", str(TSLA), cwd=tmp_path)
    assert table.returncode == 1 and "no results: no income statement" in table.stdout


def test_the_table_gives_each_figure_or_a_dash_with_why(tmp_path):
    done = inline("--file", str(MSFT), cwd=tmp_path)
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert any("Revenue" in line and "62,020,000,000" in line for line in lines)  # $ 62,020
    assert any("Non-GAAP diluted EPS" in line and "— (not stated)" in line for line in lines)
    assert "guidance: none stated" in done.stdout


@pytest.mark.parametrize("kind", ["missing", "directory", "fifo", "unreadable"])
def test_an_unreadable_path_exits_2_and_a_fifo_is_never_waited_on(tmp_path, kind):
    path = tmp_path / "release.htm"
    if kind == "directory":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)  # nobody ever writes: opening it to read would wait for ever
    elif kind == "unreadable":
        path.write_text("<html></html>")
        path.chmod(0)
    # Root reads anything: it runs the command without the capabilities that override file
    # permissions (setpriv, util-linux), so the file is as unreadable to it as to anyone.
    prefix = NO_OVERRIDE if kind == "unreadable" and os.geteuid() == 0 else ()
    # generous bound: a blocked open would never return; 60 s is for a loaded machine's start
    done = run("--file", str(path), "--json", cwd=tmp_path, timeout=60, prefix=prefix)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith(f"catalyst results: {path}: ")


def test_a_symbol_and_a_file_together_are_refused(tmp_path):
    done = inline("ALAB", "--file", str(TSLA), cwd=tmp_path)
    assert done.returncode == 2 and "not both" in done.stderr


Q2 = AlabQuarter(dt.date(2026, 6, 30), 362_000_000, 96_292_000, 188_240_000, 82_250_000, 0.47, 0.55)
Q3 = AlabQuarter(
    dt.date(2026, 9, 30), 412_300_000, 126_500_000, 204_000_000, 91_000_000, 0.52, 0.61
)


def test_stored_releases_newest_first_confirmed_or_where_xbrl_differs(tmp_path):
    config_path = tmp_path / "catalysts.toml"
    config_path.write_text('[tickers.ALAB]\nname = "Astera Labs"\n')
    db = tmp_path / "c.db"
    now = dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC)
    with Store.open(db) as store:
        store.sync.apply(load_config(config_path), now)
        store_alab_releases(
            store,
            [(Q2, (385e6, 395e6), dt.date(2026, 8, 4)), (Q3, (440e6, 450e6), dt.date(2026, 11, 3))],
            now,
        )
        # XBRL: the June quarter as released, the September one at 415.0M, not 412.3M
        filed_q3 = dataclasses.replace(Q3, revenue=415_000_000, cost_of_revenue=129_200_000)
        facts = alab_companyfacts(
            [Q2, filed_q3], {Q2.end: dt.date(2026, 8, 5), Q3.end: dt.date(2026, 11, 4)}
        )
        store.market.save_facts("ALAB", derive_facts(facts), now)
    done = inline("ALAB", "--json", "--db", str(db), "--config", str(config_path))
    assert done.returncode == 0, done.stderr
    q3, q2 = json.loads(done.stdout)
    assert (q3["filed"], q3["period_end"], q3["url"]) == (
        "2026-11-03",
        "2026-09-30",
        "https://sec.test/1.htm",
    )
    assert q3["quarter"]["revenue"] == 412_300_000 and q3["confirmed"] is False
    assert q3["differences"] == [
        {"figure": "revenue", "release": 412_300_000, "filed": 415_000_000}
    ]
    assert q3["revenue_vs_guide"] == pytest.approx(415 / 390 - 1)  # the filing's, once it is in
    assert (q2["confirmed"], q2["differences"]) == (True, [])
    assert q2["guidance"] == [{"period": "quarter", "revenue_low": 385e6, "revenue_high": 395e6}]
    where = ("--db", str(db), "--config", str(config_path))
    table = inline(*where, env={"COLUMNS": "160"})
    assert table.returncode == 0
    assert "differs: revenue $415M" in table.stdout and "confirmed" in table.stdout
