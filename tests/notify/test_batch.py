"""A channel's notices sent in one child process per delivery (notify/send_child.py), in order,
each within its own deadline: a failure mid-batch marks that notice failed, those before it
sent and those after it unclaimed (not tried, sent at the next delivery in order); a channel
with nothing to send starts no child. Against a loopback webhook (tests/support/push_server.py)."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from catalyst_tui.notify import remote as remote_module
from catalyst_tui.notify.remote import RemoteChannel
from catalyst_tui.notify.remote_delivery import BACKOFF, deliver_to_channels
from catalyst_tui.store import Store
from tests.support.push_server import PushServer

from .conftest import T0

pytest_plugins = ["tests.support.fixtures"]

NOTICES = 5


@pytest.fixture
def push() -> Iterator[PushServer]:
    with PushServer() as server:
        yield server


@pytest.fixture
def children(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """The argv of each child process started (started as ever, only counted)."""
    started: list[tuple[Any, ...]] = []
    real = asyncio.create_subprocess_exec

    async def counted(*argv: Any, **options: Any) -> asyncio.subprocess.Process:
        started.append(argv)
        return await real(*argv, **options)

    monkeypatch.setattr(asyncio, "create_subprocess_exec", counted)
    return started


def queue(store: Store, count: int = NOTICES) -> list[int]:
    return [store.outbox.notice("results", f"notice {n}", f"body {n}", T0) for n in range(count)]


def deliver(store: Store, remote: list[RemoteChannel], now: dt.datetime = T0):
    return asyncio.run(
        deliver_to_channels(store.path, remote, claimer="test", now=now, patience_ms=2000)
    )


def titles(push: PushServer, path: str) -> list[str]:
    return [json.loads(body)["title"] for body in push.bodies(path)]


def test_one_child_a_channel_sends_its_batch_in_order(
    store: Store, push: PushServer, children: list[tuple[Any, ...]]
):
    ids = queue(store)
    remote = [
        RemoteChannel("hook", f"json://127.0.0.1:{push.port}/hook", ("results",)),
        RemoteChannel("second", f"json://127.0.0.1:{push.port}/second", ("results",)),
    ]
    report = deliver(store, remote)
    assert report.sent == {"hook": NOTICES, "second": NOTICES}
    assert len(children) == 2  # one a channel, not one a notice
    expected = [f"notice {n}" for n in range(NOTICES)]
    assert titles(push, "/hook") == expected and titles(push, "/second") == expected
    assert store.channel_deliveries.delivered("hook") == ids
    # Nothing left to send: no child at all.
    assert deliver(store, remote).sent == {"hook": 0, "second": 0}
    assert len(children) == 2


def test_a_failure_mid_batch_marks_it_failed_the_earlier_sent_the_later_unclaimed(
    store: Store, push: PushServer
):
    ids = queue(store)
    push.take_first, push.down = 2, True  # the third answers 503
    remote = [RemoteChannel("hook", f"json://127.0.0.1:{push.port}/hook", ("results",))]
    report = deliver(store, remote)
    assert report.sent == {"hook": 2} and report.failed == {"hook": 1}
    assert report.errors["hook"] == "the service answered 503 Service Unavailable"
    assert report.retry_at["hook"] == T0 + BACKOFF[0]
    assert push.requests == 3  # the fourth and fifth were not tried
    assert store.channel_deliveries.delivered("hook") == ids[:2]
    [health] = store.channel_deliveries.health()
    assert "answered 503" in health.last_error and health.waiting == NOTICES - 2
    # Up again and past the backoff: the failed one and the unclaimed ones, in order.
    push.down = False
    assert deliver(store, remote, T0 + BACKOFF[0]).sent == {"hook": 3}
    assert titles(push, "/hook") == [f"notice {n}" for n in range(NOTICES)]
    assert store.channel_deliveries.delivered("hook") == ids


def test_each_notice_of_a_batch_has_its_own_deadline(store: Store, push: PushServer):
    ids = queue(store, 3)
    push.take_first, push.trickle = 1, True  # the second's answer never ends
    # a deadline the first send meets on a loaded machine (its service is loaded before the
    # deadlines start), the second's never-ending answer outlives
    remote = [RemoteChannel("hook", f"json://127.0.0.1:{push.port}/hook", ("results",), 8.0)]
    report = deliver(store, remote)
    assert report.sent == {"hook": 1} and report.failed == {"hook": 1}
    assert report.errors["hook"] == f"no answer from json://127.0.0.1:{push.port} in 8 s"
    assert push.requests == 2  # the third was not tried
    assert store.channel_deliveries.delivered("hook") == ids[:1]


def slow_start(monkeypatch: pytest.MonkeyPatch, folder: Path, seconds: float) -> None:
    """Every Python started from here on (the sends' child) spends `seconds` starting: a
    sitecustomize that sleeps, as a loaded machine makes a start slow."""
    (folder / "sitecustomize.py").write_text(f"import time\ntime.sleep({seconds})\n")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(folder), *sys.path]))


def test_a_slow_start_of_the_child_fails_no_send(
    store: Store, push: PushServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """The child's start (Python and Apprise loaded: seconds on a busy machine) is not a send's
    time: each notice's deadline begins when the child is ready, so a start longer than the
    deadline still sends every notice."""
    ids = queue(store, 2)
    # A start of 6 s against a deadline of 4 s: a send itself on loopback takes milliseconds,
    # and a deadline of seconds leaves room for a busy machine to take its time with each.
    slow_start(monkeypatch, tmp_path, 6.0)
    remote = [RemoteChannel("hook", f"json://127.0.0.1:{push.port}/hook", ("results",), 4.0)]
    report = deliver(store, remote)
    assert report.sent == {"hook": 2} and report.failed == {"hook": 0}
    assert store.channel_deliveries.delivered("hook") == ids


def test_a_child_that_never_gets_ready_fails_the_first_notice_saying_so(
    store: Store, push: PushServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    ids = queue(store, 2)
    slow_start(monkeypatch, tmp_path, 3600)
    monkeypatch.setattr(remote_module, "START_TIMEOUT", 1.0)
    remote = [RemoteChannel("hook", f"json://127.0.0.1:{push.port}/hook", ("results",))]
    report = deliver(store, remote)
    assert report.sent == {"hook": 0} and report.failed == {"hook": 1}
    assert (
        report.errors["hook"] == f"the sender for json://127.0.0.1:{push.port} did not start in 1 s"
    )
    assert push.requests == 0
    assert store.channel_deliveries.delivered("hook") == []
    assert len(ids) == 2


@pytest.mark.slow
@settings(max_examples=8, deadline=None)  # each example a child process and a real database
@given(notices=st.integers(1, 6), taken=st.integers(0, 7))
def test_a_batch_sends_a_prefix_fails_the_next_and_leaves_the_rest(notices: int, taken: int):
    """Whatever the batch's size and wherever the service stops taking: the first `taken`
    sent, in order; the next one failed; none after it tried; all of it sent once the service
    is back and the backoff is over."""
    with (
        tempfile.TemporaryDirectory() as folder,
        PushServer() as push,
        Store.open(Path(folder) / "c.db") as store,
    ):
        ids = queue(store, notices)
        push.take_first, push.down = taken, True
        remote = [RemoteChannel("hook", f"json://127.0.0.1:{push.port}/hook", ("results",))]
        report = deliver(store, remote)
        sent = min(taken, notices)
        assert report.sent == {"hook": sent}
        assert report.failed == {"hook": int(taken < notices)}
        assert push.requests == min(taken + 1, notices)
        assert store.channel_deliveries.delivered("hook") == ids[:sent]
        push.down = False
        deliver(store, remote, T0 + BACKOFF[0])
        assert store.channel_deliveries.delivered("hook") == ids
        assert titles(push, "/hook") == [f"notice {n}" for n in range(notices)]
