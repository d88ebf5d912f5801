"""Releases read in turn by one kept child process (jobs/release_reader.py `ReleaseReader`): a
refresh's releases cost one child's start, not one each, and the child answers what the reader
reads in this process; a release past its limit, a child gone between two releases and a
cancelled read each end that child (killed and reaped), and the next release starts another."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import signal

import pytest

from catalyst_tui.jobs.release_reader import ReaderFailed, ReadTimedOut, ReleaseReader
from catalyst_tui.reading.release.reader import read_release
from tests.support.liveness import HANG
from tests.support.processes import gone
from tests.support.shared import PRESS_RELEASES

RELEASES = [
    (PRESS_RELEASES / "AAPL_0000320193-24-000005_a8-kex991q1202412302023.htm", dt.date(2024, 2, 1)),
    (
        PRESS_RELEASES / "AAPL_0000320193-25-000071_a8-kex991q3202506282025.htm",
        dt.date(2025, 7, 31),
    ),
    (PRESS_RELEASES / "ADBE_0000796343-23-000252_adbeex991q423.htm", dt.date(2023, 12, 13)),
]


async def test_one_child_reads_the_releases_in_turn_as_this_process_reads_them():
    async with ReleaseReader() as reader:
        for path, filed in RELEASES:
            body = path.read_bytes()
            assert await reader.read(body, filed) == read_release(body, filed, ())
        assert reader.started == 1
        pid = reader.pid
        assert pid is not None
    assert reader.pid is None and gone(pid)  # told it is done, it ended and was reaped


async def test_a_release_past_its_limit_stops_the_child_and_the_next_starts_another():
    (path, filed), (other, other_filed) = RELEASES[:2]
    async with ReleaseReader() as reader:
        await reader.read(path.read_bytes(), filed)
        stuck = reader.pid
        assert stuck is not None
        os.kill(stuck, signal.SIGSTOP)  # a child that never answers
        with pytest.raises(ReadTimedOut, match=r"longer than 0\.5 s: stopped"):
            await reader.read(path.read_bytes(), filed, limit=0.5)
        assert reader.pid is None and gone(stuck)
        body = other.read_bytes()
        assert await reader.read(body, other_filed) == read_release(body, other_filed, ())
        assert reader.started == 2


async def test_a_child_gone_between_two_releases_is_started_again():
    (path, filed), (other, other_filed) = RELEASES[:2]
    async with ReleaseReader() as reader:
        await reader.read(path.read_bytes(), filed)
        assert reader.pid is not None
        os.kill(reader.pid, signal.SIGKILL)
        async with asyncio.timeout(HANG):  # until its end is seen
            while reader._proc is not None and reader._proc.returncode is None:
                await asyncio.sleep(0.01)
        body = other.read_bytes()
        assert await reader.read(body, other_filed) == read_release(body, other_filed, ())
        assert reader.started == 2


async def test_a_cancelled_read_ends_the_child():
    path, filed = RELEASES[0]
    async with ReleaseReader() as reader:
        await reader.read(path.read_bytes(), filed)
        pid = reader.pid
        assert pid is not None
        os.kill(pid, signal.SIGSTOP)
        reading = asyncio.ensure_future(reader.read(path.read_bytes(), filed))
        await asyncio.sleep(0.1)
        reading.cancel()
        with pytest.raises(asyncio.CancelledError):
            await reading
        assert reader.pid is None and gone(pid)


async def test_an_answer_larger_than_any_release_results_stops_the_child(monkeypatch):
    """An answer past the largest a release's results can be is not read: that release fails,
    its child is ended, and the next release starts another (the limit lowered here, so a real
    answer is past it)."""
    (path, filed), (other, other_filed) = RELEASES[:2]
    async with ReleaseReader() as reader:
        monkeypatch.setattr(ReleaseReader, "largest", 10)
        with pytest.raises(ReaderFailed, match=r"answered \d+ bytes: stopped"):
            await reader.read(path.read_bytes(), filed)
        assert reader.pid is None
        monkeypatch.undo()
        body = other.read_bytes()
        assert await reader.read(body, other_filed) == read_release(body, other_filed, ())
        assert reader.started == 2
