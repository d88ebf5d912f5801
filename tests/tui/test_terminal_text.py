"""Text that would command the terminal: escape sequences and control characters in the user's
file (names, groups, thesis, lot notes, titles, notes, sources), in the database (a mark's note,
a quote's last error, a source) and from a provider (an error message) reach the terminal as
plain text, in the CLI and in the TUI, in a real terminal (tmux) and on every screen the TUI
draws; brackets in such text are never read as rich markup."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shlex
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from catalyst_tui.config import load_config
from catalyst_tui.store import Store
from catalyst_tui.text import printable
from tests.support.terminal import SESSION, keys, screen, wait_for, wait_for_all, wait_until
from tests.support.toasts import raised

pytest_plugins = ["tests.support.fixtures"]  # the tmux fixture

# What a hostile text does in a terminal: set the window title (OSC 0, 7-bit and C1 forms),
# clear the screen (CSI 2 J, 7-bit and C1), reset the terminal (ESC c), and a bell.
TITLE = "\x1b]0;PWNED\x07"
CLEAR = "\x1b[2J\x1b[H"
C1 = "\x9b2J\x9d2;PWNED\x9c"
RESET = "\x1bc"
# Text that reads otherwise than it is stored (round 5): a right-to-left override, an isolate,
# the marks and a zero-width space, as a filing's label or a title may hold.
BIDI = "\u202e\u2066\u200f\u061c\u200b"
HOSTILE = f"{TITLE}{CLEAR}{C1}{RESET}\x07{BIDI}"
CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b]"
)


def toml_string(text: str) -> str:
    """A TOML basic string holding `text` (json's escapes are TOML's: \\u001b, \\n, \\")."""
    return json.dumps(text)


def hostile_config(base_url: str = "http://127.0.0.1:9", *, evidence: bool = False) -> str:
    """One ticker whose every text field carries the hostile sequences between its words;
    with `evidence`, its first checkpoint has an evidence entry (hostile too)."""

    def s(words: str) -> str:
        first, _, rest = words.partition(" ")
        return toml_string(f"{first} {HOSTILE}{rest}")

    return f"""[settings]
providers = ["yahoo"]

[providers.yahoo]
base_url = "{base_url}"
cookie_url = "{base_url}/fc"

[tickers.ALAB]
name = {s("Astera Labs")}
group = {s("hostile group")}
thesis = {s("Connectivity thesis")}

[[tickers.ALAB.lots]]
shares = 10
cost = 100
date = 2025-01-02
note = {s("first buy")}

[[tickers.ALAB.checkpoints]]
id = "ships"
title = {s("Ships now")}
kind = "milestone"
due = 2020-01-01
judged = "at due"
source = {s("the call")}
notes = {s("multi line")}
{f"evidence = [{s('ships now')}]" if evidence else ""}

[[tickers.ALAB.checkpoints]]
id = "price-floor"
title = {s("Price floor")}
kind = "guard"
when = "price >= 50"
"""


class HostileProvider:
    """A loopback Yahoo that answers every chart with an error whose description holds markup
    and escape sequences, as a provider (or anyone on the path) could."""

    DESCRIPTION = f"boom [/x] [bold] {HOSTILE} end"

    def __init__(self) -> None:
        body = json.dumps(
            {"chart": {"result": None, "error": {"code": "Bad", "description": self.DESCRIPTION}}}
        ).encode()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the http.server interface
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> HostileProvider:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def provider() -> Iterator[HostileProvider]:
    with HostileProvider() as server:
        yield server


def seeded(tmp_path: Path, base_url: str, *, evidence: bool = False) -> tuple[Path, Path]:
    """The hostile config, and a database holding a stale quote whose source and last error
    are hostile, a manual mark with a hostile note and the events of a first evaluation; with
    `evidence`, a filing that could not be read and a document whose form, title, link and
    text are hostile, with a passage of it matched for the first checkpoint."""
    config_path = tmp_path / "catalysts.toml"
    config_path.write_text(hostile_config(base_url, evidence=evidence))
    db = tmp_path / "c.db"
    config = load_config(config_path)
    now = dt.datetime.now(dt.UTC)
    with Store.open(db) as store:
        store.sync.apply(config)
        store.checkpoints.mark("ALAB", "price-floor", "met", f"see [/x] {HOSTILE} done", now)
        if evidence:
            hostile_evidence(store, config.tickers["ALAB"].checkpoints[0].evidence[0], now)
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(
            "INSERT INTO quotes (symbol, price, prev_close, change, change_pct, quote_time,"
            " fetched_at, source, stale, last_error) VALUES ('ALAB', 120, 118, 2, 0.0169, ?, ?,"
            " ?, 1, ?)",
            [now.isoformat(), now.isoformat(), f"yahoo{TITLE}", f"timeout [/x] {HOSTILE} end"],
        )
    conn.close()
    return config_path, db


def hostile_evidence(store: Store, entry: str, now: dt.datetime) -> None:
    """A filing whose documents could not be read (a hostile reason and link), and a document
    whose form, title, link and text are hostile, with a passage matched for ALAB/ships."""
    from catalyst_tui.market.sec.filings import Filing
    from catalyst_tui.store.records import EvidenceTarget, Found, NewDocument

    filing = Filing(
        "0001736297",
        "0001736297-26-000101",
        "8-K",
        ("2.02",),
        now,
        now.date(),
        now.date(),
        "alab.htm",
    )
    store.evidence.save_filings("ALAB", [filing], f"https://sec{HOSTILE}.gov", now)
    text = f"Before {HOSTILE} it. Ships {HOSTILE} now in volume. After {HOSTILE} that."
    document = NewDocument(
        "news",
        "k1",
        None,
        f"news{HOSTILE}",
        f"Press {HOSTILE} release",
        f"https://news/{HOSTILE}",
        now,
        text,
    )
    store.evidence.save_documents("ALAB", [document], now)
    [stored] = store.evidence.documents("ALAB")
    start = text.index("Ships")
    end = text.index("volume.") + len("volume.")
    target = EvidenceTarget("ALAB", "ships", "pending", (entry,), None, (), 0)
    found = Found(stored.id, entry, text[start:end], start, end, False)
    assert store.evidence.record(target, [found], stored.id, now) == (1, 0)
    for _ in range(5):  # given up after its attempts: the timeline says why
        store.evidence.read_failed("ALAB", filing.accession, f"boom [/x] {HOSTILE} end")


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """`catalyst ARGS`, its output 300 columns wide (rich folds nothing)."""
    return subprocess.run(
        [sys.executable, "-m", "catalyst_tui.cli", *args],
        cwd=cwd,
        env={**os.environ, "NO_PROXY": "127.0.0.1", "COLUMNS": "300"},
        capture_output=True,
        text=True,
        timeout=60,
    )


def assert_plain(output: str) -> None:
    assert "\x1b" not in output and not CONTROL.search(output), repr(output)
    assert "PWNED" not in output and "]0;" not in output  # sequences go whole


# -- the function -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "one_line", "multiline"),
    [
        ("plain [/x] text", "plain [/x] text", "plain [/x] text"),
        (f"a{TITLE}b", "ab", "ab"),
        ("a\x1b]2;t\x1b\\b", "ab", "ab"),  # OSC ended by ST
        ("a\x1b[1;31mred\x1b[0m", "ared", "ared"),
        ("a\x9b2Jb\x9d0;t\x9cc", "abc", "abc"),  # C1 CSI and OSC
        ("a\x1bcb\x1b7c\x1b(Bd", "abcd", "abcd"),  # reset, save cursor, charset
        ("dcs\x1bP1;2q#0\x1b\\end", "dcsend", "dcsend"),
        ("open\x1b]0;no end", "open0;no end", "open0;no end"),  # only the introducer goes
        ("one\r\ntwo\rthree\nfour\tfive", "one two three four five", "one\ntwo\nthree\nfour\tfive"),
        ("nul\x00del\x7fbell\x07", "nuldelbell", "nuldelbell"),
        ("next\x85line", "next line", "next\nline"),
        ("é 漢字 ＝ ✓", "é 漢字 ＝ ✓", "é 漢字 ＝ ✓"),
        ("8-K \u202egpj.exe", "8-K gpj.exe", "8-K gpj.exe"),  # shown as stored, not "exe.jpg"
        ("a\u2066b\u2069c\u200ed\u200f\u061ce", "abcde", "abcde"),  # isolates and marks
        ("zero\u200bwidth\ufeff\U000e0041", "zerowidth", "zerowidth"),  # ZWSP, BOM, a tag
        (
            "👨\u200d👩\u200d👧 می\u200cخواهم",
            "👨\u200d👩\u200d👧 می\u200cخواهم",
            "👨\u200d👩\u200d👧 می\u200cخواهم",
        ),
        ("undecodable \udcff byte", "undecodable \ufffd byte", "undecodable \ufffd byte"),
    ],
)
def test_printable_removes_whole_sequences_and_controls_and_keeps_the_rest(
    text, one_line, multiline
):
    assert printable(text) == one_line
    assert printable(text, multiline=True) == multiline


def test_printable_is_linear_on_unterminated_strings():
    """An OSC introducer without its end, many times over, is one pass, not one per start."""
    text = "\x9d" * 200_000 + "x"
    assert printable(text) == "x"
    assert printable("\x1b]" * 100_000) == ""


# -- the CLI ------------------------------------------------------------------------------------


def test_check_prints_a_mark_note_with_brackets_and_escapes_as_text(tmp_path):
    config_path, db = seeded(tmp_path, "http://127.0.0.1:9")
    result = cli("--config", str(config_path), "--db", str(db), "check", cwd=tmp_path)
    assert result.returncode == 1, result.stderr  # the milestone's miss is flagged
    assert "Traceback" not in result.stderr
    assert_plain(result.stdout + result.stderr)
    assert "see [/x]  done" in result.stdout


def test_refresh_prints_a_provider_error_with_brackets_and_escapes_as_text(tmp_path, provider):
    config_path = tmp_path / "catalysts.toml"
    config_path.write_text(hostile_config(provider.url))
    result = cli(
        "--config", str(config_path), "--db", str(tmp_path / "c.db"), "refresh", cwd=tmp_path
    )
    assert result.returncode == 3, result.stdout + result.stderr  # stale, not a crash
    assert "Traceback" not in result.stderr and "MarkupError" not in result.stderr
    assert_plain(result.stdout + result.stderr)
    assert "stale: unreachable" in result.stdout  # no provider answered: said once, below
    assert "yahoo: Bad: boom [/x] [bold]  end" in result.stdout


# -- a real terminal ------------------------------------------------------------------------------


def pane_title(socket: str) -> str:
    done = subprocess.run(
        ["tmux", "-S", socket, "display-message", "-p", "-t", SESSION, "#{pane_title}"],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def start_script(socket: str, workdir: Path, lines: list[str], *, size: tuple[int, int]) -> None:
    """Run a shell script in a fresh session of `size` (columns, rows); it first names the
    window 'kept'."""
    script = workdir / "run.sh"
    script.write_text("\n".join(["printf '\\033]2;kept\\033\\\\'", *lines, "sleep 120", ""]))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CATALYST_", "DBUS_", "TMUX"))}
    env.update(NO_PROXY="127.0.0.1", TERM="xterm-256color", XDG_STATE_HOME=str(workdir / "st"))
    subprocess.run(
        [
            "tmux",
            "-S",
            socket,
            "new-session",
            "-d",
            "-s",
            SESSION,
            "-x",
            str(size[0]),
            "-y",
            str(size[1]),
            f"sh {shlex.quote(str(script))}",
        ],
        check=True,
        env=env,
        cwd=workdir,
    )


def catalyst(*args: str) -> str:
    return shlex.join([sys.executable, "-m", "catalyst_tui.cli", *args])


def test_check_ack_and_errors_leave_the_terminal_title_and_screen_intact(tmp_path, tmux):
    config_path, db = seeded(tmp_path, "http://127.0.0.1:9")
    broken = tmp_path / "broken.toml"
    broken.write_text(f'[tickers.ALAB]\nname = "x"\n{toml_string("bad" + HOSTILE + "key")} = 1\n')
    where = ("--config", str(config_path), "--db", str(db))
    start_script(
        tmux,
        tmp_path,
        [
            "echo KEEP-THIS-LINE",
            catalyst(*where, "check"),  # the due date passed: a flagged miss
            catalyst(*where, "ack"),
            catalyst(*where, "mark", "ALAB/ships", "missed", "--note", f"gone {HOSTILE} away"),
            catalyst(*where, "check"),
            catalyst("--config", str(broken), "validate"),
            "echo ALL-DONE",
        ],
        size=(200, 50),
    )
    shown = wait_for(tmux, "ALL-DONE")
    assert pane_title(tmux) == "kept"
    assert "KEEP-THIS-LINE" in shown  # not cleared, not reset
    assert "marked missed by hand: gone  away" in shown  # check's reason, the note as text
    assert "flagged: ALAB/ships  Ships now" in shown  # ack's list of flags, the title as text
    # the error names the key with its escapes, as TOML writes them: visible, harmless
    assert 'tickers.ALAB."bad\\u001B]0;PWNED\\u0007\\u001B[2J' in shown
    told = shown[: shown.index(f"{broken}:3:1")]  # what came before validate's escaped key
    assert "PWNED" not in told and "]0;" not in told


def test_the_tui_shows_hostile_text_without_obeying_it(tmp_path, tmux, provider):
    config_path, db = seeded(tmp_path, provider.url)
    start_script(
        tmux,
        tmp_path,
        [
            "echo KEEP",
            catalyst("--config", str(config_path), "--db", str(db)),
            "echo CATALYST-EXIT=$?",
        ],
        size=(160, 40),
    )
    wait_for(tmux, "Your contact for SEC EDGAR")  # no contact in the file: asked at first start
    keys(tmux, "Escape")  # skipped
    wait_for(tmux, "⚑ ALAB")
    wait_for_all(tmux, "hostile group", "Symbol", "Portfolio")  # the group's tab, sequences gone
    assert pane_title(tmux) == "kept"
    keys(tmux, "Enter")
    wait_for(tmux, "Astera Labs · hostile group")  # the ticker's title: name and group
    # the provider's error as text, and the checkpoints' titles
    wait_for_all(tmux, "stale: yahoo ALAB: Bad: boom [/x] [bold]  end", "Ships now", "Price floor")
    wait_for_all(tmux, "Source: the call", "Notes: multi line")
    wait_for(tmux, "esc Back")  # the footer is drawn: the terminal was not reset
    keys(tmux, "Down")
    wait_for(tmux, "marked met by hand: see [/x]  done")
    keys(tmux, "3")
    shown = wait_for(tmux, "first buy")
    keys(tmux, "4")
    shown = wait_for(tmux, "Connectivity thesis")
    assert pane_title(tmux) == "kept"
    keys(tmux, "Escape")
    wait_for(tmux, "a Add ticker")  # the watchlist's footer: the Escape is in
    keys(tmux, "t")
    shown = wait_until(
        tmux,
        "the timeline with a checkpoint of ALAB",
        lambda shown: (
            "Timeline:" in shown and ("ALAB/ships" in shown or "ALAB/price-floor" in shown)
        ),
    )
    assert pane_title(tmux) == "kept"
    assert "PWNED" not in shown and "]0;" not in shown
    keys(tmux, "Escape")
    wait_for(tmux, "a Add ticker")
    keys(tmux, "q")
    shown = wait_for(tmux, "CATALYST-EXIT=0")
    assert pane_title(tmux) == "kept"
    assert "PWNED" not in screen(tmux)


# -- every screen the TUI draws ---------------------------------------------------------------


async def test_no_screen_of_the_tui_draws_a_control_character(tmp_path):
    """Every screen, pane and form, drawn with the hostile file and database: what Textual
    would send to the terminal holds no control character and no sequence's rest; nor does a
    toast (drawn in the real terminal by the test above)."""
    from textual.widgets import DataTable

    from catalyst_tui.jobs.evaluation import evaluate_checkpoints
    from catalyst_tui.session.workspace import Workspace
    from catalyst_tui.tui.app import CatalystApp

    config_path, db = seeded(tmp_path, "http://127.0.0.1:9", evidence=True)
    config = load_config(config_path)
    drawn: dict[str, str] = {}
    with Store.open(db) as store:
        evaluate_checkpoints(config, store, dt.datetime.now(dt.UTC))
        app = CatalystApp(Workspace(config, store), live=False, watch_file=False)
        async with app.run_test(size=(160, 50)) as pilot:

            async def look(name: str, *keys: str) -> None:
                await pilot.press(*keys)
                await pilot.pause()
                drawn[name] = app.export_screenshot()

            await look("watchlist")
            app.notify(f"toast {HOSTILE} body", title=f"toast {HOSTILE} title")
            await look("group tab", "right")
            toasts = [(n.title, n.message) for n in raised(app)]
            await look("ticker", "left", "enter")
            await look("second checkpoint", "down")
            await look("chart", "2")
            await look("position", "3")
            await look("thesis", "4")
            await look("evidence", "5")
            await look("passage", "enter")
            await look("edit form", "escape", "1", "up", "e")
            await look("mark form", "escape", "m")
            await look("timeline", "escape", "escape", "t")
            await look("next event", "down")
            table = app.screen.query_one("#events", DataTable)
            table.move_cursor(row=table.get_row_index("filing:ALAB:0001736297-26-000101"))
            await look("filing")
    assert toasts == [("toast  title", "toast  body")]
    assert set(drawn) == {
        "watchlist",
        "group tab",
        "ticker",
        "second checkpoint",
        "chart",
        "position",
        "thesis",
        "evidence",
        "passage",
        "edit form",
        "mark form",
        "timeline",
        "next event",
        "filing",
    }
    for name, svg in drawn.items():
        assert not CONTROL.search(svg), f"{name}: {CONTROL.search(svg)!r}"
        assert "PWNED" not in svg and "]0;" not in svg, name
    shown = {name: svg.replace("&#160;", " ") for name, svg in drawn.items()}
    assert "Astera Labs" in shown["ticker"] and "Ships now" in shown["ticker"]
    assert "see [/x]  done" in shown["second checkpoint"]
    assert "first buy" in shown["position"] and "Connectivity thesis" in shown["thesis"]
    assert "hostile group" in shown["watchlist"]
    assert "ships now" in shown["ticker"]  # the entry, on the checkpoint's Evidence line
    assert "Evidence: 1 passage" in shown["evidence"] and "Press  release" in shown["evidence"]
    assert "Before  it." in shown["passage"] and "After  that." in shown["passage"]
    assert "https://news/" in shown["passage"] and "matched “ships now”" in shown["passage"]
    assert "documents could not be read: boom [/x]  end" in shown["filing"]
