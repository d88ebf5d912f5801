"""No kill criterion broken by words alone, through the CLI on a real database: a call's notes
brought with `catalyst evidence add` say Scorpio was 9% of revenue, which misses the kill
criterion `share(Scorpio) >= 20%`; the statement is a machine's reading of a sentence, so the
verdict is at risk, awaiting your word, in `check`, `review`, `kpis` and the report, with the
sentence quoted, where it was read and how to confirm. `catalyst kpis accept ID` confirms it
(the thesis is broken); `catalyst kpis dismiss ID` removes it from every judgement, now and when
its document is read again; any statement can be dismissed."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.cli_inline import on_files

THESIS = """
[settings]
providers = ["yahoo"]

[tickers.ALAB]
name = "Astera Labs"
[[tickers.ALAB.checkpoints]]
id = "scorpio-share"
title = "Scorpio holds a fifth of revenue"
kind = "guard"
when = "share(Scorpio) >= 20%"
kill = true
[[tickers.ALAB.checkpoints]]
id = "guide"
title = "Guidance never cut"
kind = "guard"
when = 'guidance != "cut"'
"""
SENTENCE = "Scorpio was 9% of total revenue in the quarter."
CALL = f"Astera Labs Q3 2026 call.\n\n{SENTENCE} The company raised its full-year guidance.\n"


def cli(workdir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return on_files(workdir, *args, env={"COLUMNS": "250"})


def ok(workdir: Path, *args: str) -> str:
    result = cli(workdir, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A thesis whose call says Scorpio was 9% of revenue, read and judged."""
    workdir = tmp_path_factory.mktemp("word")
    (workdir / "catalysts.toml").write_text(THESIS)
    (workdir / "call.txt").write_text(CALL)
    ok(workdir, "evidence", "add", "ALAB", "call.txt", "--date", "2026-11-04")
    return workdir


@pytest.fixture
def workdir(read: Path, tmp_path: Path) -> Path:
    """A copy of `read` of the test's own, to give its word on."""
    copy = tmp_path / "copy"
    shutil.copytree(read, copy)
    return copy


def check(workdir: Path, *args: str) -> str:
    """`catalyst check`: exit 1 while a miss is unacknowledged, as the kill criterion's is."""
    result = cli(workdir, "check", *args)
    assert result.returncode in (0, 1), result.stderr
    return result.stdout


def statement(workdir: Path) -> dict:
    [share] = [p for p in json.loads(ok(workdir, "kpis", "--json")) if p["kind"] == "share"]
    return share


def review(workdir: Path) -> dict:
    [alab] = json.loads(ok(workdir, "review", "ALAB", "--json"))["tickers"]
    return alab


def test_the_kill_criterion_missed_by_words_alone_awaits_your_word_in_check(read: Path):
    out = check(read)
    line = next(s for s in out.splitlines() if "ALAB/scorpio-share" in s)
    ident = statement(read)["id"]
    assert "missed ⚑, awaiting your word" in line
    said = " ".join(out.split())  # the why column folds onto the lines under its row
    assert f"confirm: catalyst kpis accept {ident} (y on the KPIs pane)" in said
    assert f"“{SENTENCE}” (ALAB text of 2026-11-04)" in said
    [checked] = [c for c in json.loads(check(read, "--json")) if c["id"] == "scorpio-share"]
    assert checked["status"] == "missed"
    assert checked["awaiting_word"] == {
        "kpi_id": ident,
        "said": "9% of revenue",
        "sentence": SENTENCE,
        "where": "ALAB text of 2026-11-04",
    }


def test_review_says_at_risk_awaiting_your_word_not_broken(read: Path):
    alab = review(read)
    assert alab["verdict"] == "at risk"
    [reason] = [r for r in alab["reasons"] if r["checkpoint"] == "scorpio-share"]
    assert reason["rule"] == "kill_awaiting_word"
    assert reason["awaiting_word"]["sentence"] == SENTENCE
    text = ok(read, "review", "ALAB")
    assert "kill criterion missed by words alone, awaiting your word: Scorpio holds" in text
    assert f"catalyst kpis accept {statement(read)['id']}" in text


def test_kpis_gives_the_statement_its_id_and_says_it_awaits_your_word(read: Path):
    share = statement(read)
    assert (share["value"], share["subject"], share["awaiting"], share["decision"]) == (
        0.09,
        "Scorpio",
        True,
        None,
    )
    table = ok(read, "kpis", "ALAB")
    assert "awaiting your word" in table
    assert f"catalyst kpis accept {share['id']} (confirm)" in table


def test_the_report_says_so_too(read: Path, tmp_path: Path):
    out = ok(read, "report", "ALAB", "--output", str(tmp_path / "alab.md"))
    assert out == "" or "alab.md" in out
    report = (tmp_path / "alab.md").read_text()
    assert "at risk" in report
    assert "awaiting your word" in report and SENTENCE in report


def test_accepting_the_statement_breaks_the_thesis(workdir: Path):
    ident = statement(workdir)["id"]
    said = ok(workdir, "kpis", "accept", str(ident))
    assert f"KPI statement {ident} accepted: ALAB share Scorpio 9% of revenue" in said
    assert said.rstrip().endswith("ALAB: broken")
    alab = review(workdir)
    assert alab["verdict"] == "broken"
    assert [r["rule"] for r in alab["reasons"]] == ["kill_missed"]
    assert (statement(workdir)["decision"], statement(workdir)["awaiting"]) == ("accepted", False)
    # your word again: reset gives it back to the machine's reading, awaiting yours
    ok(workdir, "kpis", "reset", str(ident))
    assert review(workdir)["verdict"] == "at risk"


def test_dismissing_the_statement_removes_it_from_every_judgement_now_and_later(
    workdir: Path,
):
    ident = statement(workdir)["id"]
    said = ok(workdir, "kpis", "dismiss", str(ident))
    assert f"KPI statement {ident} dismissed" in said
    assert not [p for p in json.loads(ok(workdir, "kpis", "--json")) if p["kind"] == "share"]
    [gone] = [p for p in json.loads(ok(workdir, "kpis", "--all", "--json")) if p["id"] == ident]
    assert gone["decision"] == "dismissed"
    [checked] = [c for c in json.loads(check(workdir, "--json")) if c["id"] == "scorpio-share"]
    assert (checked["status"], checked["value"], checked["awaiting_word"]) == (
        "pending",
        None,
        None,
    )
    assert review(workdir)["verdict"] != "at risk"
    # the same words in another document are another statement; the dismissed one stays so
    # when its document is read again (a product named anew reads every document again)
    (workdir / "catalysts.toml").write_text(
        THESIS.replace(
            "when = 'guidance != \"cut\"'",
            (
                'when = \'guidance != "cut"\'\n[[tickers.ALAB.checkpoints]]\nid = "npo"\n'
                'title = "NPO grows"\nkind = "guard"\nwhen = "growth(NPO) > 0%"'
            ),
        )
    )
    check(workdir)
    assert not [p for p in json.loads(ok(workdir, "kpis", "--json")) if p["kind"] == "share"]


def test_any_statement_can_be_dismissed_kill_or_not(workdir: Path):
    [guidance] = [p for p in json.loads(ok(workdir, "kpis", "--json")) if p["kind"] == "guidance"]
    ok(workdir, "kpis", "dismiss", str(guidance["id"]))
    [checked] = [c for c in json.loads(check(workdir, "--json")) if c["id"] == "guide"]
    assert checked["value"] is None  # no guidance read any more


def test_an_unknown_or_malformed_id_changes_nothing(workdir: Path):
    ident = statement(workdir)["id"]
    unknown = cli(workdir, "kpis", "accept", str(ident), "999999")
    assert unknown.returncode == 2
    assert "no KPI statement 999999 in the database" in unknown.stderr
    assert "nothing changed" in unknown.stderr
    assert statement(workdir)["decision"] is None
    wrong = cli(workdir, "kpis", "dismiss", "twelve")
    assert wrong.returncode == 2 and "“twelve” is no statement ID" in wrong.stderr
    bare = cli(workdir, "kpis", "accept")
    assert bare.returncode == 2 and "which statement?" in bare.stderr


def test_the_notification_says_it_awaits_your_word_and_how_to_confirm(tmp_path: Path):
    """The verdict's change (unjudged, then at risk when the call is read) notified: its title
    says it awaits your word, its body how to give it before the sentence, within what a popup
    shows (notify/wording.py's 200 characters)."""
    import sqlite3

    from catalyst_tui.notify.wording import BODY_MAX

    (tmp_path / "catalysts.toml").write_text(
        THESIS.replace('providers = ["yahoo"]', 'providers = ["yahoo"]\nnotify = ["verdict"]')
    )
    (tmp_path / "call.txt").write_text(CALL)
    (tmp_path / "notes.txt").write_text("Astera Labs met with customers in October.\n")
    ok(tmp_path, "evidence", "add", "ALAB", "notes.txt")  # no KPI in it: nothing judged
    check(tmp_path)  # the first verdict, kept quietly
    ok(tmp_path, "evidence", "add", "ALAB", "call.txt", "--date", "2026-11-04")
    conn = sqlite3.connect(tmp_path / "c.db")
    try:
        [(title, body)] = conn.execute(
            "SELECT title, body FROM outbox WHERE kind = 'verdict'"
        ).fetchall()
    finally:
        conn.close()
    ident = statement(tmp_path)["id"]
    assert title == "ALAB: thesis at risk (was unjudged), awaiting your word"
    assert body.startswith(
        "words alone missed the kill criterion Scorpio holds a fifth of revenue: confirm with "
        f"catalyst kpis accept {ident} (y on the KPIs pane), or dismiss {ident} if misread — "
        "“Scorpio was"
    )
    assert len(body) <= BODY_MAX


def test_the_miss_notified_says_it_awaits_your_word_and_how_to_confirm(read: Path):
    """The kill criterion's miss, notified as a miss is by default (`notify = ["missed"]`),
    says words alone made it and how to confirm, as the statement stands when it goes out."""
    import datetime as dt

    from catalyst_tui.notify.wording import BODY_MAX, notification_for
    from catalyst_tui.store import Store

    ident = statement(read)["id"]
    with Store.open(read / "c.db") as store:
        notices = store.outbox.claim("test", dt.datetime(2026, 11, 21, tzinfo=dt.UTC))
        [miss] = [n for n in notices if n.event and n.event.checkpoint_id == "scorpio-share"]
        said = notification_for(miss)
    assert said.title == "ALAB: missed — Scorpio holds a fifth of revenue, awaiting your word"
    assert said.body.startswith(
        "words alone missed the kill criterion Scorpio holds a fifth of revenue: confirm with "
        f"catalyst kpis accept {ident} (y on the KPIs pane), or dismiss {ident} if misread"
    )
    assert len(said.body) <= BODY_MAX
