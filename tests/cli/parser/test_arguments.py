"""Every argument a person types: bytes that are not UTF-8 in a text argument (a note, a title, a
symbol, a target) are refused with the argument named, exit 2, nothing written; before, a note of
`$'\\xff'` ended in "unexpected error: UnicodeEncodeError", exit 1. A day out of range is one line
and exit 2. Each command that takes text is run, through the real parser and a real file.

The commands run in the test's own process (tests/support/cli_inline.py), given each argument
as Python's start-up decodes a real argv: `os.fsdecode`, surrogateescape (`cli.main` parses the
strings it is given). Two keep a real process, to prove that path: one refusal, compared with
the same one given in process, and a file name that is not UTF-8."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.cli.parser.build import build_parser
from catalyst_tui.cli.parser.values import FIRST_DAY, LAST_DAY
from tests.support import cli_inline

from ..test_daily import THESIS

BAD = b"\xff\xfe"
# Each command with a text argument, the bad bytes in that argument, and its name as said.
TEXT_ARGUMENTS = [
    ([b"note", b"ALAB", BAD], "TEXT"),
    ([b"note", BAD, b"fine"], "SYMBOL"),
    ([b"mark", b"ALAB/" + BAD, b"met"], "SYMBOL/ID"),
    ([b"mark", b"ALAB/x", b"met", b"--note", BAD], "--note"),
    ([b"ack", BAD], "SYMBOL/ID"),
    ([b"export", b"--symbol", BAD], "--symbol"),
    ([b"evidence", BAD], "SYMBOL[/ID]"),
    ([b"evidence", b"add", b"ALAB", b"x.txt", b"--title", BAD], "--title"),
    ([b"filings", BAD], "SYMBOL"),
    ([b"results", BAD], "SYMBOL"),
    ([b"segments", BAD], "SYMBOL"),
    ([b"estimates", BAD], "SYMBOL"),
    ([b"review", BAD], "SYMBOL"),
    ([b"report", BAD], "SYMBOL"),
    ([b"import", b"x.csv", b"--map", b"date=" + BAD], "--map"),
    ([b"import", b"x.csv", b"--symbol", b"US123=" + BAD], "--symbol"),
]


def catalyst(tmp_path: Path, *args: bytes) -> subprocess.CompletedProcess[bytes]:
    """`catalyst ARGS` on `tmp_path`'s thesis, in this process (tests/support/cli_inline.py):
    each argument decoded as Python's start-up decodes a real argv (`os.fsdecode`), its output
    encoded as a process's stderr is (what UTF-8 cannot hold escaped)."""
    config = tmp_path / "catalysts.toml"
    if not config.exists():
        config.write_text(THESIS)
    where = ("--config", str(config), "--db", str(tmp_path / "c.db"))
    env = {"XDG_STATE_HOME": str(tmp_path / "state")}
    done = cli_inline.run(*where, *map(os.fsdecode, args), env=env, cwd=tmp_path)
    out, err = (text.encode("utf-8", "backslashreplace") for text in (done.stdout, done.stderr))
    return subprocess.CompletedProcess(done.args, done.returncode, out, err)


def started(tmp_path: Path, *args: bytes) -> subprocess.CompletedProcess[bytes]:
    """`catalyst ARGS` as a process of its own, given the bytes themselves as its argv."""
    where = [b"--config", os.fsencode(tmp_path / "catalysts.toml")]
    where += [b"--db", os.fsencode(tmp_path / "c.db")]
    return subprocess.run(
        [os.fsencode(sys.executable), b"-m", b"catalyst_tui.cli", *where, *args],
        capture_output=True,
        cwd=tmp_path,
        timeout=60,
        env={**os.environ, "XDG_STATE_HOME": str(tmp_path / "state")},
    )


@pytest.mark.parametrize(("args", "name"), TEXT_ARGUMENTS, ids=lambda a: repr(a)[:40])
def test_undecodable_bytes_in_a_text_argument_are_refused_by_name(tmp_path, args, name):
    catalyst(tmp_path, b"validate")  # the file and nothing else
    before = (tmp_path / "catalysts.toml").read_bytes()
    done = catalyst(tmp_path, *args)
    said = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 2, said
    assert f"argument {name}" in said
    assert "\\xff\\xfe" in said and "holds bytes that are not UTF-8" in said
    assert "Traceback" not in said and "unexpected error" not in said
    assert (tmp_path / "catalysts.toml").read_bytes() == before
    assert not (tmp_path / "c.db").exists()  # refused before anything was opened


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1899-12-31", "2201-01-01"])
def test_a_day_out_of_range_is_one_line_and_exit_2(tmp_path, day):
    done = catalyst(tmp_path, b"evidence", b"add", b"ALAB", b"x.txt", b"--date", day.encode())
    said = done.stderr.decode()
    assert done.returncode == 2, said
    assert f"{day} is out of range: a day from {FIRST_DAY} to {LAST_DAY}" in said
    assert "Traceback" not in said


def test_a_real_argv_of_bytes_is_refused_as_the_one_given_in_process(tmp_path):
    """The bytes given to a real process (its argv decoded by Python's start-up) are refused in
    the same words, with the same exit status, as the same bytes given in process above."""
    args = TEXT_ARGUMENTS[0][0]
    catalyst(tmp_path, b"validate")  # the file
    inline, real = catalyst(tmp_path, *args), started(tmp_path, *args)
    assert real.returncode == inline.returncode == 2, real.stderr
    assert real.stderr == inline.stderr
    assert b"argument TEXT: " in real.stderr and b"\\xff\\xfe" in real.stderr


def test_a_path_keeps_its_bytes(tmp_path):
    """A file name that is not UTF-8 is a file name still: --config finds it (no refusal)."""
    odd = os.fsencode(tmp_path) + b"/th\xe9se.toml"
    Path(os.fsdecode(odd)).write_text(THESIS)
    done = subprocess.run(
        [sys.executable, "-m", "catalyst_tui.cli", "--config", odd, "validate"],
        capture_output=True,
        timeout=60,
        env={**os.environ, "XDG_STATE_HOME": str(tmp_path / "state")},
    )
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr


@given(st.text())
def test_any_text_that_utf8_can_hold_passes_the_parser_unchanged(words):
    """The law: a note is refused only for what UTF-8 cannot hold (and NUL); else it is kept as
    typed, whatever it says."""
    parser = build_parser()
    argv = ["note", "ALAB", "--", words]
    if "\x00" in words or any("\udc80" <= c <= "\udcff" for c in words):
        with pytest.raises(SystemExit):
            parser.parse_args(argv)
    else:
        assert parser.parse_args(argv).text == [words]
