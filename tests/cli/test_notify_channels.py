"""`catalyst notify test [CHANNEL]` and `catalyst status` with [notify.channels]: what each
channel answered, its failure, and never a secret (the URL's password, its token, its topic).

The commands run in the test's own process (tests/support/cli_inline.py): what they print,
exit with and store is what is tested, not the process."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from catalyst_tui.store import Store
from tests.support import cli_inline
from tests.support.push_server import PushServer

TOKEN = "tk_sekrit0123456789"


def catalyst(workdir: Path, *args: str, url: str) -> subprocess.CompletedProcess[str]:
    """`catalyst ARGS` on `workdir`'s files, in this process (tests/support/cli_inline.py),
    with no desktop session of the machine's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
        return cli_inline.on_files(workdir, *args, env={"CATALYST_PHONE": url})


def write(workdir: Path, push: PushServer) -> None:
    (workdir / "catalysts.toml").write_text(
        '[notify.channels.phone]\nurl_env = "CATALYST_PHONE"\nkinds = ["missed", "results"]\n'
        f'[notify.channels.hook]\nurl = "json://127.0.0.1:{push.port}/hook"\n'
        '[notify.channels.off]\nurl_env = "CATALYST_UNSET"\n'
    )


def test_notify_test_says_what_each_channel_answered_without_its_secrets(tmp_path: Path):
    with PushServer() as push:
        write(tmp_path, push)
        url = f"ntfy://alice:hunter2pw@127.0.0.1:{push.port}/{TOKEN}"
        done = catalyst(tmp_path, "notify", "test", "phone", url=url)
        assert done.returncode == 0, done.stderr
        assert done.stdout.splitlines() == [
            f"phone (ntfy://127.0.0.1:{push.port}): ok: the service answered 200 OK: "
            '{"id":"1","event":"message"}'
        ]
        [sent] = push.bodies("/")  # ntfy posts its topic in the JSON body
        assert json.loads(sent)["topic"] == TOKEN
        push.down = True
        done = catalyst(tmp_path, "notify", "test", url=url)
        said = done.stdout + done.stderr
        assert f"phone (ntfy://127.0.0.1:{push.port}): failed: the service answered 503" in said
        assert "hook (json://127.0.0.1" in said
        assert (
            "off: not used: [notify.channels.off]: the environment variable CATALYST_UNSET" in said
        )
        assert "hunter2pw" not in said and TOKEN not in said
        wrong = catalyst(tmp_path, "notify", "test", "pager", url=url)
        assert wrong.returncode == 2 and "no channel 'pager'" in wrong.stderr


def test_status_shows_a_failing_channel_without_its_secrets(tmp_path: Path):
    import asyncio
    import datetime as dt

    from catalyst_tui.config import load_config
    from catalyst_tui.notify.remote import configured_channels
    from catalyst_tui.notify.remote_delivery import deliver_to_channels

    with PushServer() as push:
        write(tmp_path, push)
        url = f"ntfy://alice:hunter2pw@127.0.0.1:{push.port}/{TOKEN}"
        now = dt.datetime.now(dt.UTC)
        with Store.open(tmp_path / "c.db") as store:
            store.outbox.notice("results", "ALAB Q3 FY26", "revenue $412.3M", now)
        os.environ["CATALYST_PHONE"] = url
        try:
            remote, _ = configured_channels(load_config(tmp_path / "catalysts.toml"))
        finally:
            del os.environ["CATALYST_PHONE"]
        push.down = True
        asyncio.run(
            deliver_to_channels(tmp_path / "c.db", remote, claimer="t", now=now, patience_ms=2000)
        )
        text = catalyst(tmp_path, "status", url=url)
        data = json.loads(catalyst(tmp_path, "status", "--json", url=url).stdout)
    assert text.returncode == 0, text.stderr
    [line] = [x for x in text.stdout.splitlines() if x.startswith("channel phone")]
    assert "FAILING since" in line and "answered 503" in line and "1 waiting" in line
    phone = data["channels"]["phone"]
    assert phone["failing"] is True and "answered 503" in phone["failure"]
    assert phone["url"] == f"ntfy://127.0.0.1:{push.port}"
    assert data["channels"]["off"]["problem"].endswith("CATALYST_UNSET is not set")
    for said in (text.stdout, json.dumps(data)):
        assert "hunter2pw" not in said and TOKEN not in said


def test_status_records_each_test_a_failed_one_too(tmp_path: Path):
    with PushServer() as push:
        write(tmp_path, push)
        url = f"json://127.0.0.1:{push.port}/phone"
        Store.open(tmp_path / "c.db").close()
        push.down = True
        assert catalyst(tmp_path, "notify", "test", "hook", url=url).returncode == 1
        text = catalyst(tmp_path, "status", url=url).stdout
        [line] = [x for x in text.splitlines() if x.startswith("channel hook")]
        assert "last sent never" in line
        assert "s ago FAILED: the service answered 503 Service Unavailable" in line
        assert "; last test " in line
        push.down = False
        assert catalyst(tmp_path, "notify", "test", url=url).returncode == 0
        data = json.loads(catalyst(tmp_path, "status", "--json", url=url).stdout)
    hook = data["channels"]["hook"]["last_test"]
    assert hook["ok"] is True and hook["answer"].startswith("the service answered 200 OK")
    assert data["channels"]["phone"]["last_test"]["ok"] is True
    assert data["channels"]["off"]["last_test"] is None  # never tried: it can't be used
    assert ((tmp_path / "c.db.channel-tests.json").stat().st_mode & 0o077) == 0
