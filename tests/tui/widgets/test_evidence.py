"""Evidence in the TUI, on a real database holding a filing, its press release and the passage
matched in it: the count on the checkpoint, the Evidence pane (newest first, the matched words
highlighted), the passage in its surrounding text, a mark made from it that carries the document
and its link, a dismissal, and the filing on the timeline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, TextArea

from catalyst_tui.config import load_config
from catalyst_tui.jobs.evidence_match import match_evidence
from catalyst_tui.market.sec.filings import Filing
from catalyst_tui.reading.documents import html_to_text
from catalyst_tui.session.workspace import Workspace
from catalyst_tui.store import Store
from catalyst_tui.store.records import NewDocument
from catalyst_tui.tui.app import CatalystApp
from catalyst_tui.tui.palette import ink
from catalyst_tui.tui.screens.edit_forms import MarkForm
from catalyst_tui.tui.screens.passage import PassageScreen
from catalyst_tui.tui.screens.ticker import TickerScreen
from catalyst_tui.tui.screens.timeline import TimelineScreen
from catalyst_tui.tui.widgets.footer import FooterKeys
from tests.support.toasts import raised

from ...jobs.test_evidence_e2e import PRESS_RELEASE
from ...support.pilot import lines_on_screen, open_alab, rows, text_of

NOW = dt.datetime(2026, 11, 5, 15, 0, tzinfo=dt.UTC)
ACCEPTED = dt.datetime(2026, 11, 4, 21, 5, 12, tzinfo=dt.UTC)  # 16:05:12 in New York
ARCHIVES = "https://www.sec.gov"
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
"""


@pytest.fixture
def workspace(tmp_path: Path):
    path = tmp_path / "catalysts.toml"
    path.write_text(THESIS)
    config = load_config(path)
    store = Store.open(tmp_path / "c.db")
    store.sync.apply(config, NOW - dt.timedelta(days=30))
    filing = Filing(
        "0001736297",
        "0001736297-26-000101",
        "8-K",
        ("2.02", "9.01"),
        ACCEPTED,
        ACCEPTED.date(),
        ACCEPTED.date(),
        "alab-20261104.htm",
    )
    [stored] = store.evidence.save_filings("ALAB", [filing], ARCHIVES, NOW)
    url = filing.document_url(ARCHIVES, "q3fy26pr.htm")
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
    store.evidence.save_documents("ALAB", [document], NOW, filing=stored.accession)
    assert match_evidence(store, config, NOW).passages == 1
    yield Workspace(config, store, clock=lambda: NOW, zone=dt.UTC)
    store.close()


async def test_the_evidence_pane_shows_the_passage_in_context_and_marks_from_it(workspace):
    app = CatalystApp(workspace, live=False, watch_file=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await open_alab(pilot, app)
        titles = {r[1].split("  ")[0]: r[1] for r in rows(app, "#checkpoint-table")}
        assert titles["Scorpio becomes the largest product line"].endswith("▤1")
        assert "▤" not in titles["NPO chipsets ship"]
        await pilot.press("5")
        await pilot.pause()
        [row] = rows(app, "#evidence-table")
        assert row[:4] == ["2026-11-04", "scorpio-largest", "8-K EX-99.1", "no stance"]
        assert row[4].startswith("Scorpio X-Series Smart Fabric Switches became our largest")
        cell = app.screen.query_one("#evidence-table", DataTable).get_row_at(0)[4]
        highlighted = {
            cell.plain[s.start : s.end] for s in cell.spans if s.style == ink().highlight
        }
        assert {"Scorpio", "largest product line"} <= highlighted
        detail = text_of(app, "#evidence-detail")
        assert (
            "https://www.sec.gov/Archives/edgar/data/1736297/000173629726000101/q3fy26pr.htm"
            in (detail.replace("\n", ""))
        )

        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PassageScreen)
        shown = " ".join(text_of(app, "#passage-text").split())
        assert "Revenue grew 104% year over year." in shown  # the sentence before it
        assert "Leo CXL memory controllers remain in pre-production." in shown  # and after
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MarkForm)
        await pilot.press("ctrl+s")
        await pilot.pause()
        [checkpoint] = [
            c for c in workspace.store.views.checkpoints("ALAB") if c.id == "scorpio-largest"
        ]
        assert checkpoint.status == "met" and checkpoint.manual
        assert checkpoint.manual_note.startswith("evidence: 8-K EX-99.1 2026-11-04 https://")
        assert "/q3fy26pr.htm — “Scorpio X-Series" in checkpoint.manual_note

        await pilot.press("5", "d")
        await pilot.pause()
        assert rows(app, "#evidence-table") == []
        assert "Evidence: 0 passages" in text_of(app, "#evidence-title")
        kept = workspace.store.evidence.passages("ALAB", include_dismissed=True)
        assert [p.dismissed for p in kept] == [True]
        assert "u Undo dismiss" in footer(app)  # the undo is said where the keys are
        assert any("u brings it back" in n.message for n in raised(app))
        await pilot.press("u")  # and undone
        await pilot.pause()
        await pilot.pause()
        assert [
            p.dismissed for p in workspace.store.evidence.passages("ALAB", include_dismissed=True)
        ] == [False]
        assert len(rows(app, "#evidence-table")) == 1
        assert "u Undo dismiss" not in footer(app)  # nothing more to undo


def footer(app) -> list[str]:
    """The keys the footer shows, as drawn."""
    return [" ".join(text.split()) for text, _, _ in app.screen.query_one(FooterKeys).placed()]


async def test_the_timeline_lists_the_filing_with_its_items(workspace):
    app = CatalystApp(workspace, live=False, watch_file=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        assert "1 filing" in text_of(app, "#timeline-title")
        [row] = [r for r in rows(app, "#events") if r[2] == "8-K"]
        assert row[:2] == ["2026-11-04 21:05", "ALAB"]  # the zone is UTC here
        assert row[4] == "2.02 Results of Operations and Financial Condition"
        table = app.screen.query_one("#events", DataTable)
        table.move_cursor(row=table.get_row_index("filing:ALAB:0001736297-26-000101"))
        await pilot.pause()
        assert "ALAB 8-K · 2.02 Results of Operations" in text_of(app, "#event-detail")


async def test_editing_the_entries_writes_the_file_and_matches_the_stored_text_again(workspace):
    app = CatalystApp(workspace, live=False, watch_file=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "e")
        await pilot.pause()
        form = app.screen
        area = form.query_one("#field-evidence", TextArea)
        assert area.text == '"largest product line" Scorpio'
        area.text = 'Aries retimers\nLeo "pre-production"'
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TickerScreen)
        text = workspace.config.path.read_text()
        assert 'evidence = ["Aries retimers", "Leo \\"pre-production\\""]' in text
        found = workspace.store.evidence.passages("ALAB")
        # The old entry's passage is gone; the same press release, not fetched again, now gives
        # the sentence that names Aries retimers (the first entry that matches it) and Leo's.
        assert [(p.entry, " ".join(p.passage.split()[:4])) for p in found] == [
            ("Aries retimers", "Scorpio X-Series Smart Fabric"),
            ('Leo "pre-production"', "Leo CXL memory controllers"),
        ]


def test_a_mark_from_a_passage_finds_its_checkpoint_without_reading_the_whole_page(workspace):
    found = workspace.checkpoint("ALAB", "scorpio-largest")
    assert found is not None and found.title == "Scorpio becomes the largest product line"
    assert found.evidence == ('"largest product line" Scorpio',)
    assert workspace.checkpoint("ALAB", "no-such-checkpoint") is None
    assert workspace.checkpoint("NVDA", "scorpio-largest") is None  # not a ticker of the file


async def test_a_transcript_added_from_the_pane_gives_its_passage_and_a_mark_keeps_its_path(
    workspace, tmp_path
):
    """`a` on the Evidence pane: a small form (path, day, title), the document read in a thread
    (jobs/documents.py), its passage listed with the file as its source; `m` from it marks
    the checkpoint with the file's path in the note."""
    from catalyst_tui.tui.screens.document_form import DocumentForm

    from ...support.transcripts import SETTLES, transcript_pdf

    path = tmp_path / "alab-q4-call.pdf"
    path.write_bytes(transcript_pdf())
    app = CatalystApp(workspace, live=False, watch_file=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await open_alab(pilot, app)
        await pilot.press("5", "a")
        await pilot.pause()
        assert isinstance(app.screen, DocumentForm)
        app.screen.query_one("#field-where", Input).value = str(tmp_path / "nowhere.pdf")
        app.screen.query_one("#field-day", Input).value = "2026-11-31"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DocumentForm)  # refused as typed, nothing lost
        assert "no such file" in text_of(app, "#error-where")
        assert "'2026-11-31' is not a date" in text_of(app, "#error-day")
        app.screen.query_one("#field-where", Input).value = str(path)
        app.screen.query_one("#field-day", Input).value = "2026-11-05"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TickerScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = rows(app, "#evidence-table")
        assert shown[0][:3] == ["2026-11-05", "scorpio-largest", "PDF"]
        assert SETTLES[0].startswith(shown[0][4].removesuffix("…"))  # clipped to the column
        assert str(path) in text_of(app, "#evidence-detail").replace("\n", "")

        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MarkForm)
        await pilot.press("ctrl+s")
        await pilot.pause()
        [checkpoint] = [
            c for c in workspace.store.views.checkpoints("ALAB") if c.id == "scorpio-largest"
        ]
        assert checkpoint.manual_note.startswith(f"evidence: PDF 2026-11-05 {path} — “Scorpio")


async def test_a_file_that_is_no_pdf_is_said_in_one_toast_and_nothing_is_added(workspace, tmp_path):
    fake = tmp_path / "deck.pdf"
    fake.write_text("<html>Sign in to download the deck</html>")
    app = CatalystApp(workspace, live=False, watch_file=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await open_alab(pilot, app)
        await pilot.press("5", "a")
        await pilot.pause()
        app.screen.query_one("#field-where", Input).value = str(fake)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        errors = [n.message for n in raised(app) if n.severity == "error"]
        assert errors == [f"{fake} is not a PDF: it begins '<html>Sign in to', not '%PDF-'"]
        assert len(rows(app, "#evidence-table")) == 1  # the press release's alone


async def test_the_passages_titles_wrap_under_their_first_column(workspace):
    """At 50 columns the checkpoint's title after 'ALAB/scorpio-largest  ' wraps: its second
    line starts under the title's first column (it restarted at the left edge)."""
    from ..screens.test_ticker import hangs_under

    app = CatalystApp(workspace, live=False, watch_file=False)
    async with app.run_test(size=(50, 30)) as pilot:
        await open_alab(pilot, app)
        await pilot.press("5", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PassageScreen)
        lines = lines_on_screen(app, "#passage-head")
        wrapped = hangs_under(lines, "ALAB/scorpio-largest  ")
        first = next(ln for ln in lines if "ALAB/scorpio-largest" in ln)
        title = first.split("ALAB/scorpio-largest", 1)[1].strip()
        said = " ".join([title, *(w.strip() for w in wrapped)])
        assert wrapped and said == "Scorpio becomes the largest product line", lines


async def test_at_80_columns_the_passage_is_cut_at_a_word_and_the_detail_hangs(workspace):
    """80×24: the passage cell fits the room the other columns leave, cut at a word with …;
    the detail's wrapped lines start under their own first column, never back at the edge."""
    app = CatalystApp(workspace, live=False, watch_file=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_alab(pilot, app)
        await pilot.press("5")
        await pilot.pause()
        await pilot.pause()
        [row] = rows(app, "#evidence-table")
        whole = "Scorpio X-Series Smart Fabric Switches became our largest product line"
        assert row[4].endswith("…") and whole.startswith(row[4][:-1].rstrip())
        assert whole[len(row[4][:-1].rstrip())] == " "  # the cut falls between two words
        table = app.screen.query_one("#evidence-table", DataTable)
        assert table.virtual_size.width <= table.size.width  # the row is whole on screen
        drawn = [line for line in lines_on_screen(app, "#evidence-detail") if line.strip()]
        assert len(drawn) > 4  # the passage wraps at 80
        heads = (" ALAB/scorpio-largest", " 8-K EX-99.1")  # after the pane's padding
        assert all(line.startswith(heads) or line.startswith("   ") for line in drawn), drawn


CHALLENGE = "Scorpio did not become our largest product line in the quarter."


async def test_y_accepts_a_challenge_the_store_keeps_it_and_the_verdict_turns_at_risk(workspace):
    """A call's sentence that challenges the milestone, listed as `challenges` and not counted;
    `y` (on the passage's screen, `enter`, as on the pane) accepts it: the store says accepted,
    the verdict is at risk on the page and as recorded; `y` on the pane takes it back and the
    verdict with it."""
    store, config = workspace.store, workspace.config
    document = NewDocument("document", "call.txt", None, "text", "Call", "call.txt", NOW, CHALLENGE)
    store.evidence.save_documents("ALAB", [document], NOW)
    assert match_evidence(store, config, NOW).passages == 1
    app = CatalystApp(workspace, live=False, watch_file=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await open_alab(pilot, app)
        await pilot.press("5")
        await pilot.pause()
        shown = rows(app, "#evidence-table")
        assert [r[3] for r in shown] == ["challenges", "no stance"]  # the call is the newest
        assert "y Accept" in footer(app)
        detail = " ".join(text_of(app, "#evidence-detail").split())
        assert "challenges, decided by “not” · a reading, not counted: y accepts it" in detail
        assert verdict_shown(app) == "unjudged"  # the machine's reading alone: nothing

        await pilot.press("enter")  # the passage in its text says its stance and its words
        await pilot.pause()
        assert isinstance(app.screen, PassageScreen)
        head = " ".join(text_of(app, "#passage-head").split())
        assert "challenges, decided by “not” · a reading, not counted: y accepts it" in head
        await pilot.press("y")  # accepted from there, as from the pane
        await app.workers.wait_for_complete()
        await pilot.pause()
        [accepted] = store.evidence.accepted("ALAB")
        assert (accepted.passage, accepted.decision, accepted.accepted_stance) == (
            CHALLENGE,
            "accepted",
            "challenges",
        )
        assert rows(app, "#evidence-table")[0][3] == "challenges ✓"
        assert store.verdicts.recorded()["ALAB"].verdict == "at risk"
        assert verdict_shown(app) == "at risk"
        top = " ".join(text_of(app, "#ticker-verdict").split())
        assert "accepted challenge to Scorpio becomes the largest product line: text" in top
        assert f"“{CHALLENGE}”" in top
        assert any("its stance counts in the verdict" in n.message for n in raised(app))

        assert isinstance(app.screen, TickerScreen)
        await pilot.press("y")  # taken back, on the pane
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert store.evidence.accepted("ALAB") == []
        assert store.verdicts.recorded()["ALAB"].verdict == "unjudged"
        assert rows(app, "#evidence-table")[0][3] == "challenges"


def verdict_shown(app) -> str:
    """The verdict the ticker page's top says."""
    from catalyst_tui.thesis.vocabulary import VERDICTS

    top = " ".join(text_of(app, "#ticker-verdict").split()).removeprefix("Verdict: ")
    return next(str(v) for v in VERDICTS if top.startswith(str(v)))


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
async def test_the_checkpoint_says_its_passages_with_their_noun(workspace, size):
    """As a newcomer read it: "1 passage(s) found (5 shows them)", and on a checkpoint none
    matched, "0 passage(s) found (5 shows them)". One passage is "1 passage", and none found is
    said without pointing at a pane that shows nothing."""
    text = workspace.config.path.read_text()
    workspace.config.path.write_text(
        text.replace("due = 2027-12-31\n", 'due = 2027-12-31\nevidence = ["NPO chipsets ship"]\n')
    )
    workspace.store.sync.apply(load_config(workspace.config.path), NOW)
    app = CatalystApp(workspace, live=False, watch_file=False)
    async with app.run_test(size=size) as pilot:
        await open_alab(pilot, app)
        table = app.screen.query_one("#checkpoint-table", DataTable)
        said = {}
        for key in ("scorpio-largest", "npo-ships"):
            table.move_cursor(row=table.get_row_index(key))
            await pilot.pause()
            said[key] = " ".join(text_of(app, "#checkpoint-detail").split())
    assert (
        'Evidence: 1 passage found (5 shows them) for "largest product line" Scorpio'
        in (said["scorpio-largest"])
    )
    assert "Evidence: no passage found yet for NPO chipsets ship" in said["npo-ships"]
    assert "(s)" not in said["scorpio-largest"] + said["npo-ships"]
