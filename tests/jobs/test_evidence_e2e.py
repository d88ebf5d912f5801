"""Evidence end to end, against loopback SEC EDGAR and news servers answering in the real formats
and a real D-Bus notification service: `catalyst refresh` records each new filing once, reads the
documents of those that can settle a milestone once, finds the passage of a press release that
matches a milestone's entry, notifies it once across refreshes and a second process, and shows
it in `catalyst evidence --json` and `catalyst filings --json`. What the company filed before the
entries were written is stored quietly, with one summary notice."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import cli_inline
from tests.support.dbus_session import DbusSession
from tests.support.filings_server import NEW_YORK, FilingsServer
from tests.support.market_server import MarketServer

pytest_plugins = ["tests.support.fixtures"]

UA = "Catalyst Tests tests@example.com"
NOW = dt.datetime.now(dt.UTC)


def after_the_close(days_ago: int) -> dt.datetime:
    """16:05 in New York on the weekday `days_ago` days back (or the one before it)."""
    day = (NOW - dt.timedelta(days=days_ago)).astimezone(NEW_YORK).date()
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return dt.datetime.combine(day, dt.time(16, 5), NEW_YORK)


# Our own press release, in the shape Workiva gives EX-99.1: one long line of divs and fonts.
PRESS_RELEASE = (
    "<html><body><div style='font-family:Arial'><font style='font-size:10pt'>"
    "<div><b>Astera Labs Announces Financial Results for the Third Quarter of Fiscal Year "
    "2026</b></div><div>SANTA CLARA, Calif., Nov. 4, 2026 &#8211; Astera Labs, Inc. "
    "(Nasdaq: ALAB) today announced its financial results.</div><div>&#8220;Revenue grew "
    "104% year over year. Scorpio X-Series Smart Fabric Switches became our largest product "
    "line in the quarter, ahead of Aries retimers,&#8221; said Jitendra Mohan, CEO. Leo CXL "
    "memory controllers remain in pre-production.</div></font></div></body></html>"
)
TEN_Q = (
    "<html><body><p>Item 2. Management&#8217;s Discussion and Analysis</p><p>We expect Scorpio "
    "to become our largest product line by the end of fiscal 2026. Our Aries products were our "
    "largest product line in the quarter.</p></body></html>"
)
IRRELEVANT = "<html><body><div>Astera Labs reports revenue of $230.6 million.</div></body></html>"


def thesis(market: MarketServer, sec: FilingsServer) -> str:
    return (
        sec.settings_toml(market.url, UA)
        + """
[tickers.ALAB]
name = "Astera Labs"

[[tickers.ALAB.checkpoints]]
id = "scorpio-largest"
title = "Scorpio becomes the largest product line"
kind = "milestone"
due = 2026-12-31
# each entry is an alternative; quoted phrases match as written
evidence = ["Scorpio largest", "\\"largest product line\\" Scorpio"]

[[tickers.ALAB.checkpoints]]
id = "npo-ships"
title = "NPO chipsets ship"
kind = "milestone"
due = 2027-12-31
evidence = ["NPO ships", "\\"near-packaged optics\\" shipping"]
"""
    )


@pytest.fixture
def servers() -> Iterator[tuple[MarketServer, FilingsServer]]:
    with MarketServer() as market, FilingsServer() as sec:
        yield market, sec


def run(workdir: Path, bus: DbusSession, *args: str) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "catalyst_tui.cli",
            *args,
            "--db",
            str(workdir / "c.db"),
            "--config",
            str(workdir / "catalysts.toml"),
        ],
        cwd=workdir,
        env=bus.env(NO_PROXY="127.0.0.1"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


def read(workdir: Path, bus: DbusSession, *args: str) -> subprocess.CompletedProcess:
    """A command that prints what is stored (`filings`, `evidence`), in this process
    (tests/support/cli_inline.py): what it prints is the subject; the refreshes keep theirs."""
    env = {"DBUS_SESSION_BUS_ADDRESS": bus.address, "NO_PROXY": "127.0.0.1"}
    done = cli_inline.on_files(workdir, *args, env=env)
    assert "Traceback" not in done.stderr, done.stderr
    return done


def evidence(workdir: Path, bus: DbusSession, *extra: str) -> list[dict]:
    done = read(workdir, bus, "evidence", "--json", *extra)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_press_release_settles_a_milestone_found_once_notified_once(
    tmp_path, servers, notification_recorder
):
    market, sec = servers
    bus = notification_recorder
    # Filed before the entries were written: a 10-Q, an 8-K with results, an 8-K 5.02 (no
    # document of it can settle a milestone), and one from 14 months ago (not read).
    ten_q = after_the_close(60)
    sec.add_filing("ALAB", "10-Q", ten_q, primary=("alab-20260630.htm", TEN_Q))
    sec.add_filing(
        "ALAB",
        "8-K",
        after_the_close(90),
        items=("2.02", "9.01"),
        exhibits={"EX-99.1": ("q2pr.htm", IRRELEVANT)},
    )
    sec.add_filing("ALAB", "8-K", after_the_close(30), items=("5.02",))
    sec.add_filing("ALAB", "10-K", after_the_close(420), primary=("alab-2024.htm", TEN_Q))
    (tmp_path / "catalysts.toml").write_text(thesis(market, sec))

    first = run(tmp_path, bus, "refresh")
    assert first.returncode == 0, first.stdout + first.stderr
    filings = json.loads(read(tmp_path, bus, "filings", "--json").stdout)
    assert [f["form"] for f in filings] == ["8-K", "10-Q", "8-K"]  # newest first, 12 months
    assert filings[2]["items"] == ["2.02", "9.01"]
    accepted = dt.datetime.fromisoformat(filings[1]["accepted"])
    assert accepted.utcoffset() in (dt.timedelta(hours=-4), dt.timedelta(hours=-5))  # New York
    assert accepted == ten_q and accepted.strftime("%H:%M") == "16:05"
    assert all("@" in r.headers["user-agent"] for r in sec.requests("/submissions/"))

    quiet = evidence(tmp_path, bus)
    assert [(e["id"], e["form"], e["entry"]) for e in quiet] == [
        ("scorpio-largest", "10-Q", "Scorpio largest")
    ]
    assert quiet[0]["passage"] == (
        "We expect Scorpio to become our largest product line by the end of fiscal 2026."
    )
    summaries = bus.notifications()
    assert len(summaries) == 1 and summaries[0]["summary"] == "ALAB · evidence found"
    assert summaries[0]["body"].startswith("1 passage in past filings and news")

    # Then the company reports: an 8-K with results and our press release; a headline too.
    reported = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)
    sec.add_filing(
        "ALAB",
        "8-K",
        reported,
        items=("2.02", "9.01"),
        exhibits={"EX-99.1": ("q3fy26pr.htm", PRESS_RELEASE)},
    )
    sec.add_headline(
        "ALAB",
        "Astera Labs ships near-packaged optics samples",
        "The company says NPO ships to a hyperscaler in 2027.",
        reported,
    )
    facts_before = len(sec.requests("/api/xbrl/companyfacts/"))
    with_state = tmp_path / "c.db"
    _make_filings_due(with_state)  # the next day's refresh, without waiting a day
    second = run(tmp_path, bus, "refresh")
    assert second.returncode == 0, second.stdout + second.stderr
    assert "results filed (8-K" in second.stdout  # and so fundamentals were fetched again
    assert len(sec.requests("/api/xbrl/companyfacts/")) == facts_before + 1

    found = evidence(tmp_path, bus)
    scorpio = [e for e in found if e["form"] == "8-K EX-99.1"]
    assert len(scorpio) == 1 and scorpio[0]["id"] == "scorpio-largest"
    assert scorpio[0]["passage"] == (
        "Scorpio X-Series Smart Fabric Switches became our largest product line in the "
        "quarter, ahead of Aries retimers,” said Jitendra Mohan, CEO."
    )
    assert scorpio[0]["entry"] == "Scorpio largest"  # the first entry that matches it
    assert scorpio[0]["stance"] == {"stance": "no stance", "words": []}  # no word decides
    assert scorpio[0]["url"].startswith(f"{sec.url}/Archives/edgar/data/1736297/")
    assert scorpio[0]["url"].endswith("/q3fy26pr.htm")
    published = dt.datetime.fromisoformat(scorpio[0]["published"])
    assert published.tzinfo is not None and published.utcoffset() != dt.timedelta(0)
    npo = [e for e in found if e["id"] == "npo-ships"]
    assert [(e["source"], e["form"]) for e in npo] == [("news", "news")]
    assert npo[0]["passage"] == "The company says NPO ships to a hyperscaler in 2027."

    received = bus.notifications()[1:]
    assert sorted(n["summary"] for n in received) == [
        "ALAB · NPO chipsets ship",
        "ALAB · Scorpio becomes the largest product line",
    ]
    body = next(n["body"] for n in received if "Scorpio" in n["summary"])
    day = reported.astimezone(NEW_YORK).date().isoformat()
    assert body.startswith(f"new evidence in 8-K EX-99.1 {day} — “Scorpio X-Series")

    # Again, and from a second process at the same time: nothing new, nothing fetched twice.
    _make_filings_due(with_state)
    third = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "catalyst_tui.cli",
            "refresh",
            "--db",
            str(with_state),
            "--config",
            str(tmp_path / "catalysts.toml"),
        ],
        cwd=tmp_path,
        env=bus.env(NO_PROXY="127.0.0.1"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    parallel = run(tmp_path, bus, "refresh")
    out, err = third.communicate(timeout=120)
    assert parallel.returncode == 0, parallel.stdout + parallel.stderr  # no "database is locked"
    assert third.returncode == 0 and "Traceback" not in err, out + err
    assert len(bus.notifications()) == 3
    assert len(evidence(tmp_path, bus)) == len(found)
    documents = [r.path for r in sec.requests("/Archives/") if not r.path.endswith("-index.html")]
    # Each document fetched once, the 10-Q's too: listed with no XBRL instance, its inline
    # primary document is read for its product lines (jobs/segments.py) and handed to the
    # evidence step, not asked for again.
    assert len([p for p in documents if p.endswith("/alab-20260630.htm")]) == 1
    assert sorted(documents) == sorted(set(documents))
    assert not any(p.endswith("/alab-2024.htm") for p in documents)  # 14 months old: not read
    assert not any(p.endswith("/alab-8k.htm") for p in documents)  # the 5.02 8-K: no document


def _make_filings_due(db: Path) -> None:
    """As if a day had passed since the last submissions and news fetch."""
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        with conn:
            conn.execute("DELETE FROM fetch_state WHERE kind IN ('filings', 'news')")
            conn.execute("DELETE FROM meta WHERE key LIKE 'filings_poll:%'")  # and the claims
    finally:
        conn.close()
