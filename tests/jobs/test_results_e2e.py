"""A release evening end to end, as `catalyst refresh` processes run it against the loopback SEC
and market servers and a real D-Bus notification service: the company's earnings date came and
its results are awaited; its 8-K with item 2.02 arrives with our own Astera Labs press release
(in the real exhibit's shape); the next poll finds it and reads it once, though two refreshing
processes run at the same moment; the guards flip in that refresh ("beats its own guide" holds,
the gross-margin floor is missed and says so); one notification says revenue, guide and next
guide; the release stands in for the quarter until companyfacts has it, is confirmed when
companyfacts catches up, and shows the difference when XBRL says otherwise."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from catalyst_tui.market.models import EarningsDate
from catalyst_tui.store import Store
from tests.support import cli_inline
from tests.support.dbus_session import DbusSession
from tests.support.filings_server import NEW_YORK, FilingsServer
from tests.support.market_server import MarketServer
from tests.support.releases import ALAB_GUARDS, AlabQuarter, alab_companyfacts, alab_release

pytest_plugins = ["tests.support.fixtures"]

UA = "Catalyst Tests tests@example.com"
TODAY = dt.datetime.now(NEW_YORK).date()


def quarter_end(day: dt.date) -> dt.date:
    """The last calendar quarter end on or before `day`."""
    month = (day.month - 1) // 3 * 3
    year = day.year if month else day.year - 1
    month = month or 12
    return dt.date(year, month, 31 if month in (3, 12) else 30)


def quarters(last: dt.date, count: int) -> list[dt.date]:
    ends = [last]
    while len(ends) < count:
        ends.insert(0, quarter_end(ends[0] - dt.timedelta(days=1)))
    return ends


# The quarter just reported ended at least three weeks ago; its results are out today.
REPORTED = quarter_end(TODAY - dt.timedelta(days=21))
ENDS = quarters(REPORTED, 8)  # two years to it: XBRL knows a fiscal year (calendar years)
N = REPORTED.month // 3
LABEL = f"Q{N} FY{REPORTED.year % 100:02d}"


def alab_quarter(end: dt.date, revenue: float, gross_margin: float = 0.75) -> AlabQuarter:
    """A quarter with the given revenue: margins as given, 20% operating, EPS from 180M shares."""
    net = round(revenue * 0.22, -5)
    return AlabQuarter(
        end,
        revenue,
        round(revenue * (1 - gross_margin), -3),
        round(revenue * (gross_margin - 0.2), -3),
        net,
        round(net / 180e6, 2),
        round(net / 180e6, 2) + 0.08,
    )


HISTORY = [alab_quarter(end, 150e6 + 35e6 * i) for i, end in enumerate(ENDS[:-1])]
BEFORE = HISTORY[-1]
THIS = alab_quarter(REPORTED, 412_300_000, gross_margin=0.693)  # $412.3M, GM 69.3%
GUIDE = (385e6, 395e6)  # what the release before guided for this quarter: midpoint $390M
NEXT = (440e6, 450e6)
THESIS = ALAB_GUARDS


def filed(quarters: list[AlabQuarter]) -> dict[dt.date, dt.date]:
    """Each quarter's 10-Q (or 10-K) five weeks after it ended."""
    return {q.end: q.end + dt.timedelta(days=35) for q in quarters}


@pytest.fixture
def servers() -> Iterator[tuple[MarketServer, FilingsServer]]:
    with MarketServer(symbols=["ALAB"]) as market, FilingsServer() as sec:
        market.earnings["ALAB"] = TODAY + dt.timedelta(days=91)  # the calendar moved on
        sec.companyfacts["ALAB"] = alab_companyfacts(HISTORY, filed(HISTORY))
        accepted = dt.datetime.combine(BEFORE.end + dt.timedelta(days=34), dt.time(16, 5), NEW_YORK)
        sec.add_filing(
            "ALAB",
            "8-K",
            accepted,
            items=("2.02", "9.01"),
            exhibits={
                "EX-99.1": (
                    "alab-prior.htm",
                    alab_release(BEFORE, guide=GUIDE, fiscal_quarter=BEFORE.end.month // 3),
                )
            },
        )
        yield market, sec


def catalyst(workdir: Path, bus: DbusSession, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
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
        env=bus.env(NO_PROXY="127.0.0.1", COLUMNS="160"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def run(workdir: Path, bus: DbusSession, *args: str) -> subprocess.CompletedProcess:
    process = catalyst(workdir, bus, *args)
    out, err = process.communicate(timeout=120)
    assert "Traceback" not in err, err
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def as_json(workdir: Path, bus: DbusSession, *args: str) -> list[dict]:
    """What `catalyst ARGS --json` prints of the stored data: in this process
    (tests/support/cli_inline.py), as the refreshes that store it keep theirs."""
    env = {"DBUS_SESSION_BUS_ADDRESS": bus.address, "NO_PROXY": "127.0.0.1", "COLUMNS": "160"}
    done = cli_inline.on_files(workdir, *args, "--json", env=env)
    assert "Traceback" not in done.stderr, done.stderr
    return json.loads(done.stdout)


def minutes_pass(db: Path, minutes: int, *kinds: str) -> None:
    """As if `minutes` had passed since the last fetch of each kind (the wall clock can't wait)."""
    conn = sqlite3.connect(db)
    try:
        with conn:
            for kind in kinds:
                for (stamp,) in conn.execute(
                    "SELECT fetched_at FROM fetch_state WHERE kind = ?", [kind]
                ).fetchall():
                    earlier = dt.datetime.fromisoformat(stamp) - dt.timedelta(minutes=minutes)
                    conn.execute(
                        "UPDATE fetch_state SET fetched_at = ? WHERE kind = ?",
                        [earlier.isoformat(timespec="seconds"), kind],
                    )
    finally:
        conn.close()


def statuses(workdir: Path, bus: DbusSession) -> dict[str, dict]:
    return {row["id"]: row for row in as_json(workdir, bus, "check")}


def test_a_release_evening_end_to_end(tmp_path, servers, notification_recorder):
    market, sec = servers
    bus = notification_recorder
    settings = sec.settings_toml(market.url, UA).replace('"evidence"]', '"results"]')
    (tmp_path / "catalysts.toml").write_text(settings + THESIS)
    db = tmp_path / "c.db"
    with Store.open(db) as store:  # two days ago, the calendar said: yesterday, after the close
        two_days_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=2)
        day = EarningsDate("ALAB", TODAY - dt.timedelta(days=1), "yahoo", False)
        store.market.save_earnings("ALAB", day, two_days_ago)

    first = run(tmp_path, bus, "refresh")
    assert first.returncode == 0, first.stdout + first.stderr
    before = statuses(tmp_path, bus)

    assert before["gross-margin-floor"]["status"] == "met"  # the quarter before: 75%
    assert before["beats-own-guide"]["status"] == "pending"  # no guide before that one stored
    assert bus.notifications() == []  # the release months old was read quietly
    with Store.open(db) as store:  # the date that came is kept: its results are awaited
        assert store.results.earnings_dates(["ALAB"])["ALAB"][1] == TODAY - dt.timedelta(days=1)

    # The 8-K comes; 20 minutes after the last look, the next poll (awaited: the earnings
    # date's close passed) finds it, in two processes refreshing at the same moment.
    exhibit = alab_release(THIS, guide=NEXT, fiscal_quarter=N)
    sec.add_filing(
        "ALAB",
        "8-K",
        dt.datetime.now(dt.UTC),
        items=("2.02", "9.01"),
        exhibits={"EX-99.1": ("alab-ex991.htm", exhibit)},
    )
    released = sec.filings[-1].filed  # EDGAR's filing date: the next day after 17:30
    minutes_pass(db, 20, "filings")
    other = catalyst(tmp_path, bus, "refresh")
    second = run(tmp_path, bus, "refresh")
    out, err = other.communicate(timeout=120)
    assert other.returncode == 0 and "Traceback" not in err, out + err
    assert second.returncode == 0, second.stdout + second.stderr

    after = statuses(tmp_path, bus)
    assert after["beats-own-guide"]["status"] == "met"  # 412.3 against 390: +5.7%
    assert after["beats-own-guide"]["value"] == pytest.approx(412.3 / 390 - 1)
    assert after["gross-margin-floor"]["status"] == "missed"
    assert "gross_margin 69.3% < 70%" in after["gross-margin-floor"]["reason"]
    assert f"from the release of {released}" in after["gross-margin-floor"]["reason"]
    received = sorted((n["summary"], n["body"]) for n in bus.notifications())
    assert received == [
        (
            f"ALAB results: {LABEL}",
            "revenue $412.3M, +5.7% vs the $390M guide · GM 69.3% · next quarter guided $440–450M",
        ),
        (
            "ALAB: missed — Gross margin holds at or above 70%",
            f"gross_margin 69.3% < 70% (quarter ended {REPORTED.isoformat()} (release))",
        ),
    ]
    listed = as_json(tmp_path, bus, "results", "ALAB")
    assert [r["period_end"] for r in listed] == [REPORTED.isoformat(), BEFORE.end.isoformat()]
    assert listed[0]["fiscal_quarter"] == LABEL and listed[0]["filed"] == released.isoformat()
    assert (listed[0]["confirmed"], listed[0]["differences"]) == (False, [])
    assert listed[0]["guidance"] == [
        {"period": "quarter", "revenue_low": 440e6, "revenue_high": 450e6}
    ]
    exhibits = [r.path for r in sec.requests("/Archives/") if r.path.endswith("alab-ex991.htm")]
    assert len(exhibits) <= 2  # each process fetched it at most once; stored once (above)

    # companyfacts catches up: the 10-Q as the release said it. Confirmed, nothing new notified.
    sec.companyfacts["ALAB"] = alab_companyfacts([*HISTORY, THIS], filed([*HISTORY, THIS]))
    minutes_pass(db, 24 * 60, "fundamentals")
    assert run(tmp_path, bus, "refresh").returncode == 0
    (confirmed, _) = as_json(tmp_path, bus, "results", "ALAB")
    assert (confirmed["confirmed"], confirmed["differences"]) == (True, [])
    assert "filed" in statuses(tmp_path, bus)["gross-margin-floor"]["reason"]

    # An amended 10-Q says $415.0M: XBRL wins, the release's figure is kept and shown.
    restated = AlabQuarter(
        REPORTED,
        415_000_000,
        THIS.cost_of_revenue,
        THIS.operating_expenses,
        THIS.net_income,
        THIS.eps_diluted,
        THIS.eps_nongaap,
    )
    sec.companyfacts["ALAB"] = alab_companyfacts([*HISTORY, restated], filed([*HISTORY, THIS]))
    minutes_pass(db, 24 * 60, "fundamentals")
    assert run(tmp_path, bus, "refresh").returncode == 0
    (differs, _) = as_json(tmp_path, bus, "results", "ALAB")
    assert differs["confirmed"] is False
    # the same costs on $2.7M more revenue: gross profit and operating income restated too
    assert [d["figure"] for d in differs["differences"]] == [
        "revenue",
        "gross_profit",
        "operating_income",
    ]
    assert differs["differences"][0] == {
        "figure": "revenue",
        "release": 412_300_000.0,
        "filed": 415_000_000.0,
    }
    gaps = [d["filed"] - d["release"] for d in differs["differences"]]
    assert gaps == pytest.approx([2_700_000.0] * 3)
    guide = statuses(tmp_path, bus)["beats-own-guide"]
    assert guide["value"] == pytest.approx(415 / 390 - 1)
    assert "the release said 5.7%" in guide["reason"]
    assert len(bus.notifications()) == 2  # one per release and per transition, across it all
