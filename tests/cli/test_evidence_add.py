"""`catalyst evidence add SYMBOL PATH|URL [--date D] [--title T]` end to end on the bundled
thesis: a call transcript saved as a PDF gives the passages that settle ALAB's Scorpio
milestone, listed then and by `catalyst evidence` after, with the file as their link; bad input
is one sentence and exit 2, with no traceback and nothing stored.

The commands run in the test's own process (tests/support/cli_inline.py): what they print,
exit with and store is what is tested, not the process."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from tests.support import cli_inline
from tests.support.transcripts import SETTLES, transcript_pdf

from ..conftest import BUNDLED_CONFIG


def cli(workdir: Path, *args: str) -> subprocess.CompletedProcess:
    """`catalyst ARGS` on the bundled thesis, in this process (tests/support/cli_inline.py)."""
    where = ("--db", str(workdir / "c.db"), "--config", str(BUNDLED_CONFIG))
    return cli_inline.run(*args, *where, env={"COLUMNS": "200"}, cwd=workdir)


def test_a_transcript_added_from_a_file_settles_the_scorpio_milestone(tmp_path):
    path = tmp_path / "ALAB Q4 2026 call.pdf"
    path.write_bytes(transcript_pdf())
    added = cli(
        tmp_path,
        "evidence",
        "add",
        "alab",
        str(path),
        "--date",
        "2027-02-10",
        "--title",
        "Q4 2026 earnings call",
    )
    assert added.returncode == 0, added.stderr
    first = added.stdout.splitlines()[0]
    assert first == (
        f"ALAB: added: PDF “Q4 2026 earnings call” of 2027-02-10, {path}: "
        "2 passages match its evidence entries"
    )
    assert "scorpio-largest-line" in added.stdout
    listed = cli(tmp_path, "evidence", "ALAB/scorpio-largest-line", "--json")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert [r["passage"] for r in rows] == list(SETTLES)
    assert {(r["source"], r["form"], r["url"], r["published"]) for r in rows} == {
        ("document", "PDF", str(path), "2027-02-10T00:00:00+00:00")
    }
    again = cli(tmp_path, "evidence", "add", "ALAB", str(path), "--json")
    assert again.returncode == 0
    assert [r["passage"] for r in json.loads(again.stdout)] == list(SETTLES)
    # Added again (without its date and title): said as it was kept, with its passages and
    # since when they were found, not as a document of today.
    said = cli(tmp_path, "evidence", "add", "ALAB", str(path))
    assert said.returncode == 0, said.stderr
    found = json.loads(listed.stdout)[0]["found_at"][:10]
    expected = (
        f"ALAB: already added, nothing new stored: PDF “Q4 2026 earnings call” of "
        f"2027-02-10, {path}; its 2 passages, found {found}:"
    )
    assert " ".join(said.stdout.split()).startswith(" ".join(expected.split()))


def test_bad_input_is_one_sentence_and_exit_2(tmp_path):
    fake = tmp_path / "deck.pdf"
    fake.write_text("<html>Sign in to download</html>")
    cases = [
        (("evidence", "add", "ALAB", str(fake)), f"{fake} is not a PDF: it begins"),
        (("evidence", "add", "ALAB", str(tmp_path / "none.txt")), "No such file"),
        (("evidence", "add", "ALAB", str(fake), "--date", "2027-02-30"), "nor a day (YYYY-MM-DD)"),
        (("evidence", "add", "ALABX", str(fake)), "no ticker ALABX in the database"),
        (("evidence", "add", "ALAB"), "write `catalyst evidence add SYMBOL PATH|URL"),
    ]
    for args, said in cases:
        result = cli(tmp_path, *args)
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        assert said in result.stderr and "Traceback" not in result.stderr, result.stderr
    listed = cli(tmp_path, "evidence", "ALAB", "--json")
    assert json.loads(listed.stdout) == []  # nothing stored


def test_a_pipe_a_device_or_a_folder_is_refused_at_once_without_being_read(tmp_path):
    """Only a regular file is read: it is opened without blocking (a FIFO with no writer would
    hold an ordinary open for ever) and refused at fstat when it is not one, located, exit 2;
    /dev/zero is not read 64 MiB deep to find it has no end."""
    fifo = tmp_path / "call.pdf"
    os.mkfifo(fifo)
    cases = [(fifo, "a pipe"), (Path("/dev/zero"), "a device"), (tmp_path, "a folder")]
    for path, kind in cases:
        result = cli(tmp_path, "evidence", "add", "ALAB", str(path))
        assert result.returncode == 2, (path, result.stdout, result.stderr)
        assert f"{path} is {kind}, not a regular file: not read" in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    listed = cli(tmp_path, "evidence", "ALAB", "--json")
    assert json.loads(listed.stdout) == []  # nothing stored


def test_a_number_and_100000_dots_is_added_at_once_and_spoils_no_later_add(tmp_path):
    """ "Scorpio revenue grew 17" and 100,000 dots: `evidence add` ran for minutes (the
    sentences of the text split in quadratic time) and, stored before it was matched, every
    later add matched it again and was cut off too. Now it is read in linear time, before it is
    stored, and the next add of another document reads only its own."""
    from catalyst_tui.store import Store

    dots = tmp_path / "doc.txt"
    dots.write_text("Scorpio revenue grew 17" + "." * 100_000)
    added = cli(tmp_path, "evidence", "add", "ALAB", str(dots))
    assert added.returncode == 0, added.stderr
    other = tmp_path / "other.txt"
    other.write_text("Scorpio is now the largest product line of Astera Labs.\n")
    assert cli(tmp_path, "evidence", "add", "ALAB", str(other)).returncode == 0
    with Store.open(tmp_path / "c.db") as store:
        documents = store.evidence.documents("ALAB")
        targets = [t for t in store.evidence.targets() if t.symbol == "ALAB" and t.entries]
    assert [d.title for d in documents] == ["doc.txt", "other.txt"]
    last = max(d.id for d in documents)
    assert targets and all(t.through == last for t in targets)  # none left to read again


def store_documents(workdir: Path) -> list:
    from catalyst_tui.store import Store

    with Store.open(workdir / "c.db") as store:
        return store.evidence.documents("ALAB")


def test_a_document_not_read_in_its_time_is_said_once_and_never_stored(tmp_path, monkeypatch):
    """A text whose reading runs past its limit (the limit made shorter than the reader's
    start here): the child is stopped, one sentence says so, exit 2, and nothing is stored, so
    no later command (an add, a refresh) reads it again."""
    from catalyst_tui.jobs import text_reader

    monkeypatch.setattr(text_reader, "READ_LIMIT", 0.001)
    path = tmp_path / "slow.txt"
    path.write_text("Scorpio is now the largest product line.\n")
    done = cli(tmp_path, "evidence", "add", "ALAB", str(path))
    assert done.returncode == 2, done
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "reading it took longer than 0.001 s: stopped" in done.stderr
    assert "it is not stored, so no later command reads it again" in done.stderr
    monkeypatch.undo()
    assert store_documents(tmp_path) == []
