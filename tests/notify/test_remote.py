"""Channels beyond the desktop ([notify.channels]), end to end through Apprise against loopback
servers: an ntfy-style push endpoint, a json:// webhook and an SMTP server (aiosmtpd). Each
channel gets the kinds it names, once per channel across two processes and a restart; a channel
down is retried with backoff, reported, and holds no other; no secret is ever printed."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from catalyst_tui.config import parse_config
from catalyst_tui.notify.alert_kinds import ALERT_KINDS, AlertKind, registered
from catalyst_tui.notify.delivery import deliver
from catalyst_tui.notify.desktop import DesktopChannel
from catalyst_tui.notify.remote import RemoteChannel, configured_channels
from catalyst_tui.notify.remote_delivery import BACKOFF, deliver_to_channels, retry_after
from catalyst_tui.store import Store
from catalyst_tui.views.channels import channel_states
from catalyst_tui.views.health import health_ok, health_text
from tests.support.dbus_session import DbusSession
from tests.support.push_server import PushServer, SmtpServer

from .conftest import GM_MISS, T0, record

pytest_plugins = ["tests.support.fixtures"]

MAIL_FROM = "from=catalyst@example.com&to=me@example.com"
EXHIBIT = "https://www.sec.gov/Archives/edgar/data/1736297/000173629726000041/alab-ex99.htm"


@pytest.fixture
def push() -> Iterator[PushServer]:
    with PushServer() as server:
        yield server


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    with SmtpServer() as server:
        yield server


def channels(push: PushServer, smtp: SmtpServer) -> list[RemoteChannel]:
    """Missed and results to the phone, the digest by e-mail, everything to a webhook."""
    return [
        RemoteChannel("phone", f"ntfy://127.0.0.1:{push.port}/catalyst", ("missed", "results")),
        RemoteChannel("mail", f"mailto://127.0.0.1:{smtp.port}?{MAIL_FROM}", ("digest",)),
        RemoteChannel("hook", f"json://127.0.0.1:{push.port}/hook", tuple(ALERT_KINDS)),
    ]


def queue(store: Store) -> None:
    """A miss, a results notice and a digest, as the store writes them."""
    record(store, GM_MISS)
    store.outbox.notice(
        "results",
        "ALAB results: Q3 FY26",
        f"revenue $412.3M, +6.0% vs the $389M guide, +1.8% vs Street · GM 74.8%\n{EXHIBIT}",
        T0,
    )
    store.outbox.notice("digest", "catalyst digest: 2 changes", "ALAB: 1 missed\nNVDA: 1 met", T0)


def deliver_now(store: Store, remote: list[RemoteChannel], now: dt.datetime = T0):
    import asyncio

    return asyncio.run(
        deliver_to_channels(store.path, remote, claimer="test", now=now, patience_ms=2000)
    )


def pushed(push: PushServer, path: str) -> list[dict[str, object]]:
    return [json.loads(body) for body in push.bodies(path)]


def test_each_channel_gets_its_kinds_short_for_a_push_full_in_an_email(
    store: Store, push: PushServer, smtp: SmtpServer
):
    queue(store)
    report = deliver_now(store, channels(push, smtp))

    assert report.sent == {"phone": 2, "mail": 1, "hook": 3}
    phone = pushed(push, "/")
    assert [p["title"] for p in phone] == [
        "ALAB: missed — Gross margin holds at or above 70%",
        "ALAB results: Q3 FY26",
    ]
    assert str(phone[0]["message"]).startswith(
        "gross_margin 69.1% < 70% (quarter ended 2026-09-30)"
    )
    assert "+6.0% vs the $389M guide, +1.8% vs Street" in str(phone[1]["message"])
    assert str(phone[1]["message"]).endswith(f"GM 74.8% {EXHIBIT}")  # the release itself
    assert len(pushed(push, "/hook")) == 3
    [mail] = smtp.messages
    assert mail["Subject"] == "catalyst digest: 2 changes"
    assert mail.get_content_type() == "multipart/alternative"
    parts = {p.get_content_type(): p.get_content() for p in mail.iter_parts()}
    assert "ALAB: 1 missed" in parts["text/plain"] and "NVDA: 1 met" in parts["text/plain"]
    page = parts["text/html"]
    assert "<p>ALAB: 1 missed</p>" in page
    # No remote content: nothing for the mail reader to fetch (images, styles, scripts).
    for fetches in ("<img", "src=", "<link", "<script", "url("):
        assert fetches not in page


def test_each_notification_once_per_channel_across_two_processes_and_a_restart(
    store: Store, push: PushServer, smtp: SmtpServer, tmp_path: Path
):
    queue(store)
    remote = channels(push, smtp)
    script = tmp_path / "deliver.py"
    made = [(c.name, c.url, list(c.kinds)) for c in remote]
    script.write_text(
        "import asyncio, datetime as dt, sys\n"
        "from catalyst_tui.notify.remote import RemoteChannel\n"
        "from catalyst_tui.notify.remote_delivery import deliver_to_channels\n"
        "from pathlib import Path\n"
        f"channels = [RemoteChannel(n, u, tuple(k)) for n, u, k in {made!r}]\n"
        f"now = dt.datetime.fromisoformat({T0.isoformat()!r})\n"
        "asyncio.run(deliver_to_channels(Path(sys.argv[1]), channels,"
        " claimer=f'proc:{sys.argv[2]}', now=now, patience_ms=10000))\n"
    )
    env = {**os.environ, "NO_PROXY": "127.0.0.1", "PYTHONPATH": os.getcwd()}
    both = [
        subprocess.Popen([sys.executable, str(script), str(store.path), str(n)], env=env)
        for n in (1, 2)
    ]
    assert [p.wait(timeout=120) for p in both] == [0, 0]
    # A restart: a third process delivers again, later, and finds nothing to send.
    later = subprocess.run(
        [sys.executable, str(script), str(store.path), "3"], env=env, timeout=120, check=True
    )
    assert later.returncode == 0

    assert len(pushed(push, "/")) == 2
    assert len(pushed(push, "/hook")) == 3
    assert len(smtp.messages) == 1
    assert store.channel_deliveries.delivered("hook") == [1, 2, 3]


def test_a_channel_down_is_retried_with_backoff_reported_and_holds_no_other(
    store: Store, push: PushServer, smtp: SmtpServer
):
    queue(store)
    push.down = True  # the phone's and the webhook's server answers 503
    remote = channels(push, smtp)
    report = deliver_now(store, remote)

    assert report.sent == {"phone": 0, "mail": 1, "hook": 0}
    assert report.errors["phone"] == "the service answered 503 Service Unavailable"
    assert len(smtp.messages) == 1  # the e-mail went out at once
    config = parse_config(
        f'[notify.channels.phone]\nurl = "json://127.0.0.1:{push.port}/phone"\n'
        'kinds = ["missed", "results"]\n'
    )
    [state] = channel_states(config, store)
    assert state.failing and "answered 503" in state.failure and state.waiting == 2
    # The TUI's status line says it too, and all is not well.
    health = store.views.health()
    line = health_text(health, T0 + dt.timedelta(minutes=2))
    assert "hook alerts failed 2m ago: the service answered 503 Service Unavailable" in line
    assert "phone alerts failed 2m ago: the service answered 503" in line
    assert not health_ok(health)
    # Not tried again before its backoff; tried and sent once it is up and the wait is over.
    push.down = False
    assert deliver_now(store, remote, T0 + BACKOFF[0] / 2).sent["phone"] == 0
    assert deliver_now(store, remote, T0 + BACKOFF[0]).sent == {"phone": 2, "mail": 0, "hook": 3}
    [state] = channel_states(config, store)
    assert not state.failing and state.waiting == 0
    assert store.views.health().alerts_failing == {}


def test_backoff_grows_and_gives_up_after_a_bounded_time():
    waits = [retry_after(n) for n in range(1, 20)]
    given = [w for w in waits if w is not None]
    assert given == sorted(given) and given[0] == dt.timedelta(seconds=30)
    assert waits[len(given)] is None  # given up
    assert sum(given, dt.timedelta()) <= dt.timedelta(hours=6)


def test_a_new_notification_kind_is_one_declaration_delivered_end_to_end(
    store: Store, push: PushServer, notification_recorder: DbusSession
):
    import asyncio

    kind = AlertKind("test-kind", "a kind declared for this test")
    with registered(kind):
        config = parse_config(
            f'[notify.channels.phone]\nurl = "json://127.0.0.1:{push.port}/"\n'
            'kinds = ["test-kind"]\n'
        )
        remote, problems = configured_channels(config)
        assert problems == {}
        store.outbox.notice("test-kind", "ALAB: a new kind", "said once, everywhere", T0)
        desktop = DesktopChannel()

        async def both() -> None:
            await deliver(store, [desktop], claimer="test", now=T0)
            await desktop.aclose()
            await deliver_to_channels(store.path, remote, claimer="test", now=T0, patience_ms=2000)

        asyncio.run(both())
    [shown] = notification_recorder.notifications()
    assert shown["summary"] == "ALAB: a new kind"
    [sent] = pushed(push, "/")
    assert sent["title"] == "ALAB: a new kind" and sent["message"] == "said once, everywhere"
    # Outside the block the kind is not known: a channel naming it is not used, and says why.
    _, problems = configured_channels(config)
    assert "unknown kind test-kind" in problems["phone"]


def test_secrets_are_never_printed(
    store: Store,
    push: PushServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
):
    token = "tk_sekrit0123456789"
    url = f"ntfy://alice:hunter2pw@127.0.0.1:{push.port}/{token}"
    monkeypatch.setenv("CATALYST_PHONE", url)
    secret = tmp_path / "mail.url"
    secret.write_text(f"json://bob:hunter2pw@127.0.0.1:{push.port}/{token}\n")
    secret.chmod(0o600)
    config = parse_config(
        '[notify.channels.phone]\nurl_env = "CATALYST_PHONE"\n'
        f'[notify.channels.hook]\nurl_file = "{secret}"\n'
    )
    remote, problems = configured_channels(config)
    assert problems == {} and [c.url for c in remote] == [url, secret.read_text().strip()]
    push.down = True
    queue(store)
    report = deliver_now(store, remote)
    said = [
        str(report.errors),
        json.dumps([str(s) for s in channel_states(config, store)]),
        caplog.text,
        health_text(store.views.health(), T0),
    ]
    for text in said:
        assert "hunter2pw" not in text and token not in text
    assert f"ntfy://127.0.0.1:{push.port}" in said[1] and "alice" not in said[1]


def test_a_url_file_others_may_read_is_refused_with_the_reason(tmp_path: Path):
    from catalyst_tui.config import ConfigError

    secret = tmp_path / "url"
    secret.write_text("ntfy://ntfy.sh/mine\n")
    secret.chmod(0o644)
    with pytest.raises(ConfigError) as raised:
        parse_config(f'[notify.channels.phone]\nurl_file = "{secret}"\n')
    said = str(raised.value)
    assert "notify.channels.phone.url_file" in said and "chmod 600" in said
    assert "mode 0644" in said and "ntfy.sh/mine" not in said


def test_a_password_written_in_the_shared_file_is_refused_without_echoing_it():
    from catalyst_tui.config import ConfigError

    with pytest.raises(ConfigError) as raised:
        parse_config('[notify.channels.mail]\nurl = "mailtos://me:hunter2pw@example.com"\n')
    said = str(raised.value)
    assert "notify.channels.mail.url" in said and "url_env" in said
    assert "hunter2pw" not in said


def test_every_kind_the_store_writes_is_declared(store: Store):
    record(store, GM_MISS)
    written = {row[0] for row in store.conn.execute("SELECT kind FROM outbox")}
    assert written <= set(ALERT_KINDS)
    source = Path("src/catalyst_tui/store")
    import re

    literals = set()
    for module in source.glob("*.py"):
        literals |= set(
            re.findall(
                r"INSERT INTO outbox \(kind,[^)]*\)\s*\"?\s*\"? ?VALUES \('([a-z-]+)'",
                module.read_text(),
            )
        )
    assert literals and literals <= set(ALERT_KINDS), literals
