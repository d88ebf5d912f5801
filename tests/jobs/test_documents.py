"""Documents the user brings: a call transcript as PDF, HTML or text matched against the bundled
ALAB thesis's entries gives the passages that settle its Scorpio milestone, with the file as
their source; stored once, never notified; what is no document is said in a sentence, with
nothing stored."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from catalyst_tui.config import load_config
from catalyst_tui.jobs.documents import DocumentProblem, add_document
from catalyst_tui.store import Store
from tests.support.feed_server import FeedServer
from tests.support.transcripts import SETTLES, transcript_html, transcript_pdf, transcript_text

from ..conftest import BUNDLED_CONFIG

NOW = dt.datetime(2027, 2, 10, 23, 0, tzinfo=dt.UTC)
DAY = dt.date(2027, 2, 10)


@pytest.fixture
def thesis(tmp_path: Path):
    config = load_config(BUNDLED_CONFIG, use_cache=False)
    # The documents' URLs are on a loopback site: allowed, as a user would allow their own.
    allowed = config.settings._replace(allow_hosts=("127.0.0.1",))
    config = dataclasses.replace(config, settings=allowed)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config, NOW - dt.timedelta(days=60))
        yield config, store


@pytest.mark.parametrize(
    ("name", "body", "kind"),
    [
        ("alab-q4-2026-call.pdf", transcript_pdf(), "PDF"),
        ("alab-q4-2026-call.html", transcript_html().encode(), "HTML"),
        ("alab-q4-2026-call.txt", transcript_text().encode(), "text"),
    ],
)
async def test_a_transcript_gives_the_passages_that_settle_the_scorpio_milestone(
    tmp_path, thesis, name, body, kind
):
    config, store = thesis
    path = tmp_path / name
    path.write_bytes(body)
    added = await add_document(store, config, "ALAB", str(path), NOW, day=DAY)
    assert (added.kind, added.location, added.title, added.day) == (kind, str(path), name, DAY)
    scorpio = [p for p in added.passages if p.checkpoint_id == "scorpio-largest-line"]
    assert [p.passage for p in scorpio] == list(SETTLES)
    assert {p.entry for p in scorpio} == {"Scorpio largest"}  # the first entry that matches
    assert all(p.document.url == str(path) and p.document.source == "document" for p in scorpio)
    assert scorpio[0].document.label == f"{kind} 2027-02-10"
    # Brought by the user: shown to them, never notified (nor summed up in a notice).
    assert not store.conn.execute("SELECT count(*) FROM outbox").fetchone()[0]
    # The same file again: stored once; a changed one is a new document.
    again = await add_document(store, config, "ALAB", str(path), NOW, day=DAY)
    assert not again.new and [p.id for p in again.passages] == [p.id for p in added.passages]
    assert len(store.evidence.documents("ALAB")) == 1


async def test_a_transcript_at_a_url_is_read_through_the_shared_client(thesis):
    config, store = thesis
    with FeedServer() as site:
        site.pages["/call"] = ("text/html", transcript_html().encode())
        added = await add_document(
            store, config, "ALAB", f"{site.url}/call", NOW, title="Q4 2026 call"
        )
    assert added.location == f"{site.url}/call" and added.title == "Q4 2026 call"
    assert [p.passage for p in added.passages if p.checkpoint_id == "scorpio-largest-line"] == (
        list(SETTLES)
    )


@pytest.mark.parametrize(
    ("name", "body", "said"),
    [
        ("deck.pdf", b"<html><body>Please sign in</body></html>", "is not a PDF: it begins"),
        ("deck.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog", "not a readable PDF"),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "holds binary data"),
        ("empty.txt", b" \n\n", "has no text to read"),
    ],
)
async def test_what_is_no_document_is_said_once_and_nothing_is_stored(
    tmp_path, thesis, name, body, said
):
    config, store = thesis
    path = tmp_path / name
    path.write_bytes(body)
    with pytest.raises(DocumentProblem, match=said) as raised:
        await add_document(store, config, "ALAB", str(path), NOW)
    assert str(path) in str(raised.value) and "\n" not in str(raised.value)
    assert not store.evidence.documents("ALAB")


async def test_a_missing_file_and_a_link_to_a_gigabyte_are_refused_in_a_sentence(tmp_path, thesis):
    config, store = thesis
    with pytest.raises(DocumentProblem, match="No such file"):
        await add_document(store, config, "ALAB", str(tmp_path / "nowhere.pdf"), NOW)
    with FeedServer() as site:
        site.sizes["/huge.pdf"] = 1 << 30
        with pytest.raises(DocumentProblem, match="answer too large: more than 8 MiB"):
            await add_document(store, config, "ALAB", f"{site.url}/huge.pdf", NOW)
    assert not store.evidence.documents("ALAB")
