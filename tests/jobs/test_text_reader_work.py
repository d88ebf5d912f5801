"""The text reader's limit is of its child's work (its CPU time), not of the clock: a machine
too busy to run the child slows a reading and does not make it fail; a child that does not work
at all is still stopped, on the clock, at six times its limit (jobs/kept_child.py)."""

from __future__ import annotations

import asyncio
import os
import signal

import pytest

from catalyst_tui.jobs.kept_child import cpu_seconds
from catalyst_tui.jobs.text_reader import Readers, ReadTimedOut, TextRead, TextReader

READERS = Readers((), (), False)
TEXT = "Revenue grew 12% year over year.\n" * 20


async def test_a_child_held_up_past_its_limit_without_working_still_reads():
    """Stopped for twice its limit (as a machine busy with other work would hold it), the
    child has worked a moment: it answers once let run, and is the same child."""
    async with TextReader() as reader:
        await reader.read(TEXT, READERS)  # the child started
        pid = reader.pid
        assert pid is not None
        os.kill(pid, signal.SIGSTOP)
        asyncio.get_running_loop().call_later(2.0, os.kill, pid, signal.SIGCONT)
        read = await reader.read(TEXT, READERS, limit=1.0)
        assert isinstance(read, TextRead)
        assert reader.pid == pid and reader.started == 1


async def test_a_child_that_never_works_is_stopped_on_the_clock():
    async with TextReader() as reader:
        await reader.read(TEXT, READERS)
        pid = reader.pid
        assert pid is not None
        os.kill(pid, signal.SIGSTOP)  # a child that never answers
        with pytest.raises(ReadTimedOut, match=r"longer than 0\.2 s: stopped"):
            await reader.read(TEXT, READERS, limit=0.2)
        assert reader.pid is None
        assert isinstance(await reader.read(TEXT, READERS), TextRead)  # another child reads
        assert reader.started == 2


def test_a_process_cpu_time_is_read_from_proc():
    worked = cpu_seconds(os.getpid())
    assert worked is not None and worked > 0
    assert cpu_seconds(2**22 + 12_345) is None  # no such process
