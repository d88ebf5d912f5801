"""`catalyst evidence` with no passage to show says what was searched for and in what, as a
newcomer needed it: a hand-written NVIDIA thesis whose checkpoint has evidence entries was told
"give a checkpoint evidence = [...] entries and refresh". Now, on a fresh file: nothing fetched
yet (and why SEC's filings cannot be: no contact set); once filings and headlines are read, the
entries and every kind of document they were matched in, how many and from when to when; a
dismissed passage counted with the way to see it; and the old advice only where no checkpoint
has entries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from catalyst_tui.config import load_config
from catalyst_tui.jobs.evidence_match import match_evidence
from catalyst_tui.market.registry import SEC
from catalyst_tui.store import Store
from catalyst_tui.store.records import NewDocument
from tests.support import cli_inline

THESIS = """
[tickers.NVDA]
name = "NVIDIA"

[[tickers.NVDA.checkpoints]]
id = "nvlink-fusion"
title = "NVLink Fusion opens to partners"
kind = "milestone"
due = 2099-12-31
evidence = ["NVLink Fusion", "Rubin ramp"]

[[tickers.NVDA.checkpoints]]
id = "margin"
title = "Gross margin holds"
kind = "guard"
when = "gross_margin >= 70%"

[tickers.AMD]
name = "AMD"
"""
NOW = dt.datetime(2026, 11, 20, 15, 0, tzinfo=dt.UTC)


def document(source: str, key: str, form: str, day: dt.date, text: str) -> NewDocument:
    published = dt.datetime.combine(day, dt.time(21, 5), dt.UTC)
    url = f"https://example.com/{key}"
    return NewDocument(source, url, None, form, key, url, published, text)


def evidence(tmp_path: Path, *args: str) -> str:
    done = cli_inline.on_files(tmp_path, "evidence", *args, env={"COLUMNS": "400"})
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def fresh(tmp_path: Path) -> None:
    (tmp_path / "catalysts.toml").write_text(THESIS, encoding="utf-8")
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(load_config(tmp_path / "catalysts.toml"), NOW)


def test_nothing_fetched_yet_is_said_with_what_would_be_searched_for(tmp_path: Path):
    fresh(tmp_path)
    assert evidence(tmp_path, "NVDA") == (
        "NVDA: nothing fetched yet to search for the 2 evidence entries of 1 checkpoint "
        "(NVLink Fusion · Rubin ramp): `catalyst refresh` reads NVDA's filings, headlines and "
        "feeds; no filing of NVDA read: set providers.sec.user_agent and refresh"
    )


def test_what_was_read_is_counted_by_kind_with_its_days(tmp_path: Path):
    fresh(tmp_path)
    config = load_config(tmp_path / "catalysts.toml")
    with Store.open(tmp_path / "c.db") as store:
        store.evidence.save_documents(
            "NVDA",
            [
                document(SEC.name, "10-q", "10-Q", dt.date(2026, 8, 27), "Data center grew."),
                document(SEC.name, "8-k", "8-K EX-99.1", dt.date(2026, 11, 19), "Blackwell."),
                document("yahoo", "h1", "news", dt.date(2026, 11, 20), "Shares rose today."),
            ],
            NOW,
        )
        assert match_evidence(store, config, NOW).passages == 0
    assert evidence(tmp_path, "NVDA") == (
        "NVDA: no passage matches the 2 evidence entries of 1 checkpoint (NVLink Fusion · "
        "Rubin ramp) in what was read: 2 filing documents (2026-08-27 to 2026-11-19), "
        "1 headline (2026-11-20)"
    )


def test_a_dismissed_passage_is_counted_with_the_way_to_see_it(tmp_path: Path):
    fresh(tmp_path)
    config = load_config(tmp_path / "catalysts.toml")
    with Store.open(tmp_path / "c.db") as store:
        said = "NVIDIA said NVLink Fusion is open to partners."
        news = document("yahoo", "h2", "news", dt.date(2026, 11, 20), said)
        store.evidence.save_documents("NVDA", [news], NOW)
        assert match_evidence(store, config, NOW).passages == 1
        [passage] = store.evidence.passages("NVDA")
        assert store.evidence.decide(passage.id, "dismiss", NOW)
    assert evidence(tmp_path, "NVDA/nvlink-fusion").startswith(
        "NVDA: only 1 passage you dismissed (--all shows them) matches the 2 evidence entries "
        "of 1 checkpoint (NVLink Fusion · Rubin ramp) in what was read: 1 headline (2026-11-20)"
    )
    assert "NVLink Fusion is open to partners" in evidence(tmp_path, "NVDA", "--all")


def test_the_advice_to_give_entries_is_given_where_none_is_given(tmp_path: Path):
    fresh(tmp_path)
    advice = 'give a checkpoint evidence = ["..."]'
    assert evidence(tmp_path, "AMD").startswith("no checkpoint of AMD has evidence entries")
    assert advice in evidence(tmp_path, "AMD")
    assert evidence(tmp_path, "NVDA/margin").startswith("NVDA/margin has no evidence entries")
    assert advice not in evidence(tmp_path, "NVDA")
