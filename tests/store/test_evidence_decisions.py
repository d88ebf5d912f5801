"""Your word on a passage, on a real SQLite file (store/evidence.py): accepted with the stance
the machine read then, dismissed, or reset; one word at a time (the database refuses both); a
passage decided is kept when its checkpoint's entries change; the passages dismissed before the
migration stay dismissed; only accepted passages reach the verdict's standings. A law: whatever
words in whatever order, the passage stands as the last word that changed it."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalyst_tui.config import load_config
from catalyst_tui.jobs.evidence_match import match_evidence
from catalyst_tui.store import Store
from catalyst_tui.store.migrations.decisions import V_EVIDENCE_ACCEPTED
from catalyst_tui.store.records import NewDocument
from catalyst_tui.store.schema import MIGRATIONS

NOW = dt.datetime(2026, 11, 20, 15, 0, tzinfo=dt.UTC)
LATER = NOW + dt.timedelta(days=1)
THESIS = """
[tickers.ALAB]
name = "Astera Labs"
[[tickers.ALAB.checkpoints]]
id = "largest"
title = "Scorpio becomes the largest product line"
kind = "milestone"
due = 2099-12-31
evidence = ["Scorpio"]
"""
DELAYED = "Volume production of Scorpio X was delayed to the second half."
BECAME = "Scorpio became our largest product line in the fourth quarter."


def stored(tmp_path: Path, thesis: str = THESIS) -> Store:
    """A store with the call's two passages matched to ALAB/largest."""
    path = tmp_path / "catalysts.toml"
    path.write_text(thesis)
    config = load_config(path)
    store = Store.open(tmp_path / "c.db")
    store.sync.apply(config, NOW - dt.timedelta(days=30))
    text = f"{BECAME}\n\n{DELAYED}\n"
    call = NewDocument("document", "call.txt", None, "text", "Call", "call.txt", NOW, text)
    store.evidence.save_documents("ALAB", [call], NOW)
    assert match_evidence(store, config, NOW).passages == 2
    return store


def passage(store: Store, text: str):
    [found] = [p for p in store.evidence.passages(include_dismissed=True) if p.passage == text]
    return found


@pytest.fixture
def store(tmp_path: Path):
    with stored(tmp_path) as store:
        yield store


def test_an_accepted_passage_keeps_the_stance_read_then_and_the_day(store: Store):
    delayed = passage(store, DELAYED)
    assert delayed.decision == ""
    assert store.evidence.decide(delayed.id, "accept", NOW)
    assert not store.evidence.decide(delayed.id, "accept", LATER)  # already: nothing changes
    kept = passage(store, DELAYED)
    assert (kept.decision, kept.accepted_stance, kept.accepted_at) == (
        "accepted",
        "challenges",
        NOW,
    )
    assert [p.passage for p in store.evidence.accepted("ALAB")] == [DELAYED]


def test_only_accepted_passages_reach_the_standings(store: Store):
    [largest] = store.verdicts.standings("ALAB")["ALAB"]
    assert largest.accepted == ()  # read as challenges by the machine, but nobody accepted it
    store.evidence.decide(passage(store, DELAYED).id, "accept", NOW)
    [largest] = store.verdicts.standings("ALAB")["ALAB"]
    [accepted] = largest.accepted
    assert (accepted.stance, accepted.passage, accepted.on) == ("challenges", DELAYED, NOW.date())
    assert accepted.document == "text 2026-11-20"


def test_one_word_at_a_time_the_last_one_stands(store: Store):
    ident = passage(store, DELAYED).id
    store.evidence.decide(ident, "accept", NOW)
    assert store.evidence.decide(ident, "dismiss", LATER)
    kept = passage(store, DELAYED)
    assert (kept.decision, kept.accepted_at, kept.accepted_stance) == ("dismissed", None, "")
    assert store.evidence.decide(ident, "accept", LATER)  # accepting undoes the dismissal
    assert passage(store, DELAYED).decision == "accepted"
    assert store.evidence.decide(ident, "reset", NOW)
    assert passage(store, DELAYED).decision == ""
    assert not store.evidence.decide(ident, "reset", NOW)  # nothing to undo


def test_the_database_refuses_a_passage_both_accepted_and_dismissed(store: Store):
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        store.conn.execute(
            "UPDATE evidence SET accepted_at = ?, dismissed_at = ?",
            [NOW.isoformat(), NOW.isoformat()],
        )


def test_a_decided_passage_is_kept_when_the_entries_change_an_undecided_one_goes(tmp_path):
    with stored(tmp_path) as store:
        store.evidence.decide(passage(store, DELAYED).id, "accept", NOW)
    changed = THESIS.replace('evidence = ["Scorpio"]', 'evidence = ["Aries retimers"]')
    (tmp_path / "catalysts.toml").write_text(changed)
    config = load_config(tmp_path / "catalysts.toml")
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config, LATER)
        match_evidence(store, config, LATER)
        kept = store.evidence.passages(include_dismissed=True)
        assert [(p.passage, p.decision) for p in kept] == [(DELAYED, "accepted")]


def test_the_passages_dismissed_before_the_migration_stay_dismissed(tmp_path):
    with stored(tmp_path) as store:
        store.evidence.decide(passage(store, BECAME).id, "dismiss", NOW)
        version = next(i for i, m in enumerate(MIGRATIONS) if m.script == V_EVIDENCE_ACCEPTED)
    # The database as the version before this migration left it: without its two columns, nor
    # the tables of the migrations after it.
    conn = sqlite3.connect(tmp_path / "c.db", isolation_level=None)
    conn.execute("DROP TABLE kpis")
    conn.execute("DROP TABLE kpi_reads")
    conn.execute("DROP TABLE filed_values")
    conn.execute("DROP TABLE feed_releases")
    conn.execute("ALTER TABLE sec_cik DROP COLUMN name")
    conn.execute("ALTER TABLE dividend_entries DROP COLUMN ex_date")
    conn.execute("ALTER TABLE evidence DROP COLUMN accepted_stance")
    conn.execute("ALTER TABLE evidence DROP COLUMN accepted_at")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()
    with Store.open(tmp_path / "c.db") as store:
        decided = {p.passage: p.decision for p in store.evidence.passages(include_dismissed=True)}
        assert decided == {BECAME: "dismissed", DELAYED: ""}


WORDS = st.lists(st.sampled_from(["accept", "dismiss", "reset"]), max_size=8)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(words=WORDS)
def test_law_the_passage_stands_as_the_last_word_and_a_word_said_again_changes_nothing(
    store: Store, words: list[str]
):
    ident = passage(store, DELAYED).id
    store.evidence.decide(ident, "reset", NOW)
    standing = ""
    for word in words:
        changed = store.evidence.decide(ident, word, NOW)
        after = {"accept": "accepted", "dismiss": "dismissed", "reset": ""}[word]
        assert changed == (after != standing)
        standing = after
        kept = passage(store, DELAYED)
        assert kept.decision == standing
        assert (kept.accepted_at is not None) == (standing == "accepted")


def test_a_change_of_verdict_an_acceptance_made_keeps_the_passage_in_its_reasons(store: Store):
    """The timeline's `ALAB verdict · unjudged → at risk` reads its reasons back as stored."""
    from catalyst_tui.thesis.verdict import judge, reason_text

    def judged():
        return [judge(s, standings) for s, standings in store.verdicts.standings().items()]

    store.verdicts.record(judged(), NOW)  # the first verdict: kept quietly
    store.evidence.decide(passage(store, DELAYED).id, "accept", NOW)
    [event] = store.verdicts.record(judged(), LATER)
    [stored] = store.verdicts.events()
    assert (stored.previous, stored.verdict) == ("unjudged", "at risk")
    assert stored.reasons == event.reasons
    assert reason_text(stored.reasons[0]) == (
        "accepted challenge to Scorpio becomes the largest product line: text 2026-11-20 — "
        f"“{DELAYED}”, accepted on 2026-11-20"
    )
