"""Two writers of catalysts.toml lose no edit: catalyst processes writing back at the same time
(real processes, fifty edits each), an outside save between our read and our write, a file that
keeps changing, and the lock of a process that was killed."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from catalyst_tui.config import load_config
from catalyst_tui.config.atomic import FileBusy, lock, lock_file
from catalyst_tui.config.write import EDIT_ATTEMPTS, add_lot, apply_edit

from ..conftest import BUNDLED_CONFIG

EDITS = 50

WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from catalyst_tui.config.write import add_lot, apply_edit

    path, who, go = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    print("ready", flush=True)
    while not go.exists():  # both start their edits at the same moment
        time.sleep(0.001)
    for i in range(int(sys.argv[4])):
        lot = {"shares": "1", "cost": "10", "note": f"{who}-{i}"}
        result = apply_edit(path, lambda text: add_lot(text, "CRDO", lot))
        assert result.written, result.message
    """
)


@pytest.fixture
def config_path(tmp_path: Path) -> Path:
    path = tmp_path / "catalysts.toml"
    shutil.copy(BUNDLED_CONFIG, path)
    return path


def lot_notes(path: Path) -> list[str]:
    """The notes of CRDO's lots: the bundled file watches CRDO without any."""
    return [lot.note for lot in load_config(path, use_cache=False).tickers["CRDO"].lots]


def test_two_processes_adding_fifty_lots_each_lose_none(config_path, tmp_path):
    go = tmp_path / "go"
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(config_path), who, str(go), str(EDITS)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for who in ("tui-1", "tui-2")
    ]
    for writer in writers:  # both imported and waiting
        assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
    go.touch()
    for writer in writers:
        _out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
    notes = lot_notes(config_path)
    expected = {f"{who}-{i}" for who in ("tui-1", "tui-2") for i in range(EDITS)}
    assert len(notes) == 2 * EDITS and set(notes) == expected  # every edit, each once
    for who in ("tui-1", "tui-2"):  # each writer's own edits in the order it made them
        assert [n for n in notes if n.startswith(who)] == [f"{who}-{i}" for i in range(EDITS)]
    assert not lock_file(config_path).exists()  # the last writer took its lock file away
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "catalysts.toml",
        "catalysts.toml.bak",
        "go",
    ]


def test_an_outside_save_between_our_read_and_write_is_kept_and_the_edit_made_on_it(
    config_path,
):
    outside = '\n[tickers.INTC]\nname = "Intel"  # saved in vim while the TUI was editing\n'
    seen: list[str] = []

    def edit(text: str) -> str:
        seen.append(text)
        if len(seen) == 1:  # the editor saves (write a new file, rename it over) right now
            saved = config_path.with_name("vim.swp")
            saved.write_text(text + outside)
            os.replace(saved, config_path)
        return add_lot(text, "CRDO", {"shares": "3", "cost": "90", "note": "ours"})

    result = apply_edit(config_path, edit)
    assert result.written, result.message
    assert len(seen) == 2 and outside in seen[1]  # made again, on the saved text
    text = config_path.read_text()
    assert outside.strip() in text  # theirs kept
    assert lot_notes(config_path) == ["ours"]  # ours written
    assert {"INTC", "CRDO"} <= set(result.config.tickers)
    assert config_path.with_name("catalysts.toml.bak").read_text().endswith(outside)


def test_a_file_that_keeps_changing_is_refused_and_left_as_its_writer_saved_it(config_path):
    calls = 0

    def edit(text: str) -> str:
        nonlocal calls
        calls += 1
        with config_path.open("a") as handle:  # another writer, saving on every attempt
            handle.write(f"# outside save {calls}\n")
        return add_lot(text, "CRDO", {"shares": "3", "cost": "90", "note": "ours"})

    result = apply_edit(config_path, edit)
    assert not result.written and calls == EDIT_ATTEMPTS
    assert "kept changing" in result.message and "not written" in result.message
    text = config_path.read_text()
    assert text.endswith("".join(f"# outside save {i}\n" for i in range(1, calls + 1)))
    assert lot_notes(config_path) == []  # nothing of ours over theirs
    assert not config_path.with_name("catalysts.toml.bak").exists()


HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from catalyst_tui.config.atomic import lock

    with lock(Path(sys.argv[1])):
        print("locked", flush=True)
        time.sleep(120)
    """
)


def test_a_lock_held_by_a_killed_process_is_taken_at_once(config_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(config_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        busy = pytest.raises(FileBusy, match="being saved by another process")
        with busy, lock(config_path, wait=0.3):
            pass  # a live holder: waited for, then refused
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=10)
    finally:
        if holder.poll() is None:
            holder.kill()
    assert lock_file(config_path).exists()  # the killed holder could not take it away
    with lock(config_path, wait=0.0):
        pass  # taken at once, not waited for: the kernel released the dead process's flock
    result = apply_edit(config_path, lambda t: add_lot(t, "NVDA", {"shares": "1", "cost": "1"}))
    assert result.written, result.message
    assert not lock_file(config_path).exists()


def test_writers_take_the_lock_in_the_order_they_asked(config_path):
    """A writer saving edit after edit does not take the lock again before one that waits: the
    waiter's ticket is older than the holder's next one (a flock alone is not a queue)."""
    order: list[str] = []
    waiting = threading.Event()

    def waiter() -> None:
        waiting.set()
        with lock(config_path, wait=120):
            order.append("waiter")

    with lock(config_path):
        thread = threading.Thread(target=waiter)
        thread.start()
        waiting.wait(timeout=120)
        prefix = lock_file(config_path).name + "."
        deadline = time.monotonic() + 120  # a hang's bound, not a timing
        while not any(p.name.startswith(prefix) for p in config_path.parent.iterdir()):
            assert time.monotonic() < deadline, "the waiter left no ticket"
            time.sleep(0.01)  # the waiter's ticket is down: it asked first
    with lock(config_path, wait=120):  # at once again, as a writer of fifty edits does
        order.append("holder again")
    thread.join(timeout=120)
    assert order == ["waiter", "holder again"]
    assert sorted(p.name for p in config_path.parent.iterdir()) == ["catalysts.toml"]


def test_the_ticket_of_a_killed_waiter_holds_nobody_up(config_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait(timeout=120)
    stale = lock_file(config_path).with_name(f"{lock_file(config_path).name}.{1:020d}-{dead.pid}-1")
    stale.touch()
    with lock(config_path, wait=0.0):
        pass  # taken at once: the older ticket's process is gone
    assert not stale.exists()
