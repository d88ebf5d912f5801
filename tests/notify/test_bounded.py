"""Channels under faults and hostile answers, against loopback servers: an answer that never
ends (a byte a second) is ended at the send's deadline and leaves nothing running; a huge answer
is read to a small cap; an SMTP refusal and a failed connection are said in catalyst's words;
success says what the service answered; `catalyst refresh` delivers to every channel and says
what each did; SIGTERM ends the daemon mid-send."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from catalyst_tui.notify.answers import answer_words
from catalyst_tui.notify.remote import RemoteChannel
from catalyst_tui.notify.remote_delivery import test_channels as channel_tests
from catalyst_tui.notify.send_child import ANSWER_CAP
from catalyst_tui.store import Store
from tests.support.liveness import HANG
from tests.support.push_server import PushServer, SmtpServer

MAIL_FROM = "from=catalyst@example.com&to=me@example.com"


@pytest.fixture
def push() -> Iterator[PushServer]:
    with PushServer() as server:
        yield server


def env() -> dict[str, str]:
    return {**os.environ, "NO_PROXY": "127.0.0.1", "PYTHONPATH": os.pathsep.join(sys.path)}


def test_an_answer_that_never_ends_is_ended_at_the_deadline_and_nothing_runs_on(
    push: PushServer, tmp_path: Path
):
    push.trickle = True
    url = f"json://127.0.0.1:{push.port}/hook"
    script = tmp_path / "send.py"
    script.write_text(
        "import asyncio\n"
        "from catalyst_tui.notify.remote import RemoteChannel\n"
        "from catalyst_tui.notify.remote_delivery import test_channels\n"
        f"channel = RemoteChannel('slow', {url!r}, ('all',), timeout=15)\n"
        "print(asyncio.run(test_channels([channel]))['slow'])\n"
    )
    # The process ends (no thread left reading), though the answer goes on for ever.
    done = subprocess.run(
        [sys.executable, str(script)], env=env(), capture_output=True, text=True, timeout=HANG
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"failed: no answer from json://127.0.0.1:{push.port} in 15 s"
    assert push.asked.is_set()


def test_a_huge_answer_is_read_to_a_small_cap_not_whole(push: PushServer):
    push.huge = 512 << 20
    channel = RemoteChannel("hook", f"json://127.0.0.1:{push.port}/hook", ("all",))
    [said] = asyncio.run(channel_tests([channel])).values()
    assert said.startswith("ok: the service answered 200 OK: xxxx")
    assert said.endswith(f"(an answer of over {ANSWER_CAP // 1024} KiB, read no further)")
    # What the server could write before the reader went: the cap and the sockets' buffers.
    assert push.written < 64 << 20


def test_an_email_refused_with_451_says_the_servers_answer():
    with SmtpServer(refuse="451 4.3.0 Mailbox busy, try later") as smtp:
        channel = RemoteChannel("mail", f"mailto://127.0.0.1:{smtp.port}?{MAIL_FROM}", ("all",))
        said = asyncio.run(channel_tests([channel]))["mail"]
        assert said == "failed: the mail server answered 451 4.3.0 Mailbox busy, try later"
        smtp.refuse = ""
        said = asyncio.run(channel_tests([channel]))["mail"]
        assert said.startswith("ok: the mail server answered 250 ")


def test_a_success_says_what_the_service_answered(push: PushServer):
    channel = RemoteChannel("hook", f"json://127.0.0.1:{push.port}/hook", ("all",))
    said = asyncio.run(channel_tests([channel]))["hook"]
    assert said == 'ok: the service answered 200 OK: {"id":"1","event":"message"}'


def test_a_failed_connection_is_said_as_catalyst_says_it_for_providers():
    # Apprise's own debug line for a host whose name does not resolve (requests' words).
    said = {
        "sent": False,
        "known": True,
        "http": None,
        "smtp": [],
        "log": [
            "Sending JSON POST request to http://nohost.invalid/hook",
            "A Connection error occurred sending JSON notification to nohost.invalid.",
            "Socket Exception: HTTPConnectionPool(host='nohost.invalid', port=80): Max retries"
            " exceeded (Caused by NameResolutionError(\"Failed to resolve 'nohost.invalid'"
            ' ([Errno -2] Name or service not known)"))',
        ],
    }
    assert answer_words(said, "json://nohost.invalid") == (
        "json://nohost.invalid: its name could not be looked up (no network, or no DNS)"
    )
    # A port nothing listens on, for real.
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    channel = RemoteChannel("hook", f"json://127.0.0.1:{port}/hook", ("all",))
    assert asyncio.run(channel_tests([channel]))["hook"] == (
        f"failed: json://127.0.0.1:{port}: the connection was refused (nothing listens there)"
    )


def catalyst(workdir: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    run_env = {**env(), **extra}
    run_env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    return subprocess.run(
        [sys.executable, "-m", "catalyst_tui.cli", *args, "--db", str(workdir / "c.db")]
        + ["--config", str(workdir / "catalysts.toml")],
        cwd=workdir,
        env=run_env,
        capture_output=True,
        text=True,
        timeout=HANG,
    )


def test_refresh_delivers_to_every_channel_and_says_what_each_did(push: PushServer, tmp_path):
    (tmp_path / "catalysts.toml").write_text(
        f'[notify.channels.hook]\nurl = "json://127.0.0.1:{push.port}/hook"\n'
        '[notify.channels.phone]\nurl_env = "CATALYST_PHONE"\n'
    )
    with Store.open(tmp_path / "c.db") as store:
        store.outbox.notice(
            "results", "ALAB results: Q3", "revenue $412.3M", dt.datetime.now(dt.UTC)
        )
    phone = f"json://127.0.0.1:{push.port}/phone"
    done = catalyst(tmp_path, "refresh", CATALYST_PHONE=phone)
    lines = done.stdout.splitlines()
    assert "channel hook: 1 sent" in lines
    assert "channel phone: 1 sent" in lines
    assert len(push.bodies("/hook")) == 1 and len(push.bodies("/phone")) == 1
    # Once per channel: a second refresh sends nothing again.
    again = catalyst(tmp_path, "refresh", CATALYST_PHONE=phone)
    assert len(push.bodies("/hook")) == 1 and "channel hook: 0 sent" in again.stdout


def test_sigterm_mid_send_stops_the_daemon_and_its_send(push: PushServer, tmp_path):
    push.trickle = True
    (tmp_path / "catalysts.toml").write_text(
        '[settings]\nproviders = ["yahoo"]\n'
        f'[notify.channels.hook]\nurl = "json://127.0.0.1:{push.port}/hook"\n'
    )
    with Store.open(tmp_path / "c.db") as store:
        store.outbox.notice(
            "results", "ALAB results: Q3", "revenue $412.3M", dt.datetime.now(dt.UTC)
        )
    run_env = env()
    run_env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "catalyst_tui.cli", "daemon", "--db", str(tmp_path / "c.db")]
        + ["--config", str(tmp_path / "catalysts.toml")],
        cwd=tmp_path,
        env=run_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert push.asked.wait(HANG), "the channel was never sent to"
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=HANG) == 0
        # The send's child ended with it: the answer's reader is gone (the server's next byte
        # finds no one).
        deadline = time.monotonic() + HANG
        while push.open and time.monotonic() < deadline:
            time.sleep(0.2)
        assert push.open == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    out, err = proc.communicate()
    assert "catalyst daemon: stopped" in out and "Traceback" not in err
