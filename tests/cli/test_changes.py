"""`catalyst changes` in process on a real database: a checkpoint marked, a passage of
evidence found in a stored press release, its 8-K, another release's 8-K filed and read, the
fiscal year's EPS consensus revised beyond 2% and the close moved beyond 10%, each one record,
grouped by ticker, newest first, as strict JSON; what happened before the moment is left out, as
are a revision and a move under their thresholds; a bad --since is refused in one line."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest

from catalyst_tui.config import load_config
from catalyst_tui.jobs.evidence_match import match_evidence
from catalyst_tui.market.estimates import Consensus, Estimates, Range
from catalyst_tui.market.models import Bar
from catalyst_tui.market.sec.filings import Filing
from catalyst_tui.reading.documents import html_to_text
from catalyst_tui.store import Store
from catalyst_tui.store.records import NewDocument
from tests.support import cli_inline

from ..jobs.test_evidence_e2e import PRESS_RELEASE
from ..support.releases import AlabQuarter, store_alab_releases

BEFORE = dt.datetime(2026, 11, 1, 12, tzinfo=dt.UTC)  # before the moment asked about
SINCE = dt.datetime(2026, 11, 3, 0, tzinfo=dt.UTC)
NOW = dt.datetime(2026, 11, 5, 15, tzinfo=dt.UTC)
READ = dt.datetime(2026, 11, 5, 10, tzinfo=dt.UTC)
ACCEPTED = dt.datetime(2026, 11, 4, 21, 5, 12, tzinfo=dt.UTC)
THESIS = """
[tickers.ALAB]
name = "Astera Labs"
[[tickers.ALAB.checkpoints]]
id = "scorpio-largest"
title = "Scorpio becomes the largest product line"
kind = "milestone"
due = 2026-12-31
evidence = ["\\"largest product line\\" Scorpio"]
[[tickers.ALAB.checkpoints]]
id = "npo-ships"
title = "NPO chipsets ship"
kind = "milestone"
due = 2027-12-31
[tickers.NVDA]
name = "Nvidia"
[[tickers.NVDA.checkpoints]]
id = "dc"
title = "Data center keeps growing"
kind = "milestone"
due = 2027-12-31
"""


def _year(eps: float) -> Estimates:
    year = Consensus("0y", dt.date(2026, 12, 31), Range(eps, analysts=10), Range(None))
    return Estimates("X", "yahoo", None, None, (year,), ())


DAYS = (dt.date(2026, 10, 30), dt.date(2026, 11, 2), dt.date(2026, 11, 4))


def _bars(symbol: str, closes: tuple[float, ...]) -> list[Bar]:
    return [Bar(symbol, d, c, c, c, c, 1000, "yahoo") for d, c in zip(DAYS, closes, strict=True)]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "catalysts.toml"
    path.write_text(THESIS)
    config = load_config(path)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config, BEFORE)
        store.checkpoints.mark("NVDA", "dc", "met", "said so before", BEFORE)  # before: left out
        store.checkpoints.mark("ALAB", "npo-ships", "met", "shipping", NOW - dt.timedelta(hours=2))
        filing = Filing(
            "0001736297",
            "0001736297-26-000101",
            "8-K",
            ("2.02", "9.01"),
            ACCEPTED,
            ACCEPTED.date(),
            None,
            "q3fy26pr.htm",
        )
        [stored] = store.evidence.save_filings("ALAB", [filing], "https://www.sec.gov", ACCEPTED)
        url = filing.document_url("https://www.sec.gov", "q3fy26pr.htm")
        document = NewDocument(
            "sec",
            url,
            filing.accession,
            "8-K EX-99.1",
            "Press release",
            url,
            ACCEPTED,
            html_to_text(PRESS_RELEASE),
        )
        store.evidence.save_documents("ALAB", [document], ACCEPTED, filing=stored.accession)
        assert match_evidence(store, config, ACCEPTED + dt.timedelta(minutes=1)).passages == 1
        # A release filed the 3rd, read at 10:00 on the 5th (its 8-K stored then too).
        q3 = AlabQuarter(
            dt.date(2026, 9, 30), 412_300_000, 126_500_000, 204_000_000, 91_000_000, 0.52, 0.61
        )
        store_alab_releases(store, [(q3, None, dt.date(2026, 11, 3))], READ)
        # The Street: ALAB's year revised 1.80 -> 1.86 (+3.3%), NVDA's 4.00 -> 4.04 (+1%: under).
        for symbol, then, now in (("ALAB", 1.80, 1.86), ("NVDA", 4.00, 4.04)):
            store.estimates.save(symbol, _year(then)._replace(symbol=symbol), BEFORE)
            store.estimates.save(symbol, _year(now)._replace(symbol=symbol), NOW)
        # Closes: NVDA 100 -> 88 (-12%), ALAB 50 -> 54 (+8%: under the threshold).
        store.market.replace_history("NVDA", _bars("NVDA", (90, 100, 88)))
        store.market.replace_history("ALAB", _bars("ALAB", (40, 50, 54)))
    return tmp_path


def catalyst(where: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`catalyst changes ARGS` on `where`'s files, in this process (tests/support/cli_inline.py)."""
    files = ("--db", str(where / "c.db"), "--config", str(where / "catalysts.toml"))
    env = {"COLUMNS": "160", "XDG_STATE_HOME": str(where / "state")}
    done = cli_inline.run("changes", *args, *files, env=env)
    assert "Traceback" not in done.stderr, done.stderr
    return done


def test_each_change_since_the_moment_is_one_record_grouped_by_ticker_newest_first(db: Path):
    done = catalyst(db, "--since", SINCE.isoformat(), "--json")
    assert done.returncode == 0, done.stderr
    changes = json.loads(done.stdout, parse_constant=lambda c: pytest.fail(f"not JSON: {c}"))
    kinds = [(c["symbol"], c["kind"]) for c in changes]
    # ALAB's newest change (the mark, 13:00 on the 5th) is newer than NVDA's (its close, the 4th).
    assert kinds == [
        ("ALAB", "street"),  # read the 5th, 15:00
        ("ALAB", "checkpoint"),  # the 5th, 13:00
        ("ALAB", "release"),  # read the 5th, 10:00
        ("ALAB", "evidence"),  # the 4th, 21:06
        ("ALAB", "filing"),  # accepted the 4th, 21:05
        ("ALAB", "filing"),  # the release's 8-K, accepted the 3rd, 21:05
        ("NVDA", "price"),  # the close of the 4th
    ]
    by_kind = {c["kind"]: c for c in changes}
    assert by_kind["checkpoint"]["title"].startswith("NPO chipsets ship: pending →")
    assert "largest product line" in by_kind["evidence"]["detail"]
    assert by_kind["evidence"]["link"].endswith("q3fy26pr.htm")
    street = by_kind["street"]
    assert (street["before"], street["after"]) == (1.80, 1.86)
    assert street["change"] == pytest.approx(1.86 / 1.80 - 1)
    price = by_kind["price"]
    # the close in force at 00:00 on the 3rd: the 2nd's (the close of the 3rd comes at 16:00 NY)
    assert (price["before"], price["after"]) == (100, 88)
    assert price["change"] == pytest.approx(-0.12)
    assert changes[4]["title"] == "8-K filed 2026-11-04"
    assert by_kind["release"]["title"] == "earnings release filed 2026-11-03: figures read"
    assert all(c["before"] is None for c in changes if c["kind"] not in ("street", "price"))


def test_changes_in_words_and_a_span_and_nothing_since(db: Path):
    done = catalyst(db, "--since", "30d")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Changes since ")
    assert "NVDA" in lines and "ALAB" in lines
    assert any("said so before" in line or "Data center keeps growing" in line for line in lines)
    later = catalyst(db, "--since", "2026-11-06")  # after every stored change
    assert later.returncode == 0, later.stderr
    assert later.stdout == "Nothing changed since 2026-11-06 00:00 UTC.\n"


@pytest.mark.parametrize(
    "said",
    [
        "yesterday",
        "7x",
        "2026-13-01",
        "2999-01-01",
        # out of range: far in the past, a huge count of days or weeks, a moment past a datetime
        "0001-01-01",
        "1969-12-31",
        "999999w",
        "999999d",
        "0001-01-01T00:00:00-23:59",
        "9999-12-31T23:59:59+00:00",
    ],
)
def test_a_since_of_another_shape_is_refused_in_one_line(db: Path, said: str):
    done = catalyst(db, "--since", said)
    assert done.returncode == 2
    assert done.stderr.startswith("catalyst changes: --since"), done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_by_default_since_the_tui_last_showed_the_watchlist(db: Path):
    from catalyst_tui.prefs import Prefs, save

    seen = dt.datetime(2026, 11, 4, 21, 5, 30, tzinfo=dt.UTC)  # after the filing, before the rest
    save(db / "state" / "catalyst" / "tui.json", Prefs(last_seen=seen.isoformat()))
    done = catalyst(db, "--json")
    assert done.returncode == 0, done.stderr
    kinds = [(c["symbol"], c["kind"]) for c in json.loads(done.stdout)]
    # The 8-K of the 4th was stored before; the release's 8-K was stored with it, on the 5th;
    # NVDA's close of the 4th is the one it had then.
    assert kinds == [
        ("ALAB", "street"),
        ("ALAB", "checkpoint"),
        ("ALAB", "release"),
        ("ALAB", "evidence"),
        ("ALAB", "filing"),
    ]
    assert catalyst(db).stdout.startswith("Changes since 2026-11-04 21:05 UTC:")


def test_by_default_since_this_files_own_last_look(db: Path):
    """The last look is kept per catalysts.toml: another file's later look (and the moment kept
    before looks were per file) do not move this file's."""
    from catalyst_tui.prefs import Prefs, save

    config = db / "catalysts.toml"
    seen = dt.datetime(2026, 11, 4, 21, 5, 30, tzinfo=dt.UTC)
    prefs = Prefs(last_seen="2026-11-20T00:00:00+00:00").looked(config, seen)
    prefs = prefs.looked(db / "elsewhere.toml", dt.datetime(2026, 11, 20, tzinfo=dt.UTC))
    save(db / "state" / "catalyst" / "tui.json", prefs)
    assert catalyst(db).stdout.startswith("Changes since 2026-11-04 21:05 UTC:")


def test_a_change_of_verdict_and_a_journal_note_are_changes_too(db: Path):
    """The verdict's history and the journal are on the list: NVDA's milestone marked missed
    makes its thesis broken (the first verdict, intact, is kept quietly before), and a note."""
    from catalyst_tui.jobs.evaluation import record_verdicts

    config = load_config(db / "catalysts.toml")
    with Store.open(db / "c.db") as store:
        record_verdicts(config, store, BEFORE)  # the first verdicts: no change to list
        store.checkpoints.mark("NVDA", "dc", "missed", "data center shrank", NOW)
        [change] = record_verdicts(config, store, NOW, by_hand=True)
        assert (change.symbol, str(change.verdict)) == ("NVDA", "broken")
        store.journal.add("NVDA", "trimmed after the miss", NOW, action="trim", conviction="low")
    done = catalyst(db, "--since", SINCE.isoformat(), "--json")
    assert done.returncode == 0, done.stderr
    nvda = [c for c in json.loads(done.stdout) if c["symbol"] == "NVDA"]
    assert [c["kind"] for c in nvda[:3]] == ["verdict", "journal", "checkpoint"]
    verdict, note = nvda[0], nvda[1]
    assert (
        verdict["title"].endswith("→ broken") and "Data center keeps growing" in verdict["detail"]
    )
    assert (note["title"], note["detail"]) == (
        "journal (trim, conviction low)",
        "trimmed after the miss",
    )
