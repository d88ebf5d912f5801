"""A channel's secrets, per Apprise's URL grammar: shown by its scheme and server alone, `scheme://
***` where the host position holds a token or a topic; refused in the shared catalysts.toml in
any position (a password, a query key such as pass or token, a token in the host, an ntfy
topic); `validate` reads each URL as it will be used: an unknown scheme, a secrets file others
may read, a link-local or metadata address refused unless allowed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from catalyst_tui.config import ConfigError, parse_config
from catalyst_tui.config.channels import shown_url
from tests.support.liveness import HANG


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("ntfy://private-topic", "ntfy://***"),
        ("ntfys://ntfy.sh/private-topic", "ntfys://ntfy.sh"),
        ("ntfy://alice:hunter2@127.0.0.1:8080/topic", "ntfy://127.0.0.1:8080"),
        ("pbul://o.TOKENabcdef1234", "pbul://***"),
        ("tgram://123456:ABCdef/987", "tgram://***"),
        ("mailtos://me:pw@smtp.example.com?to=a@b.com&pass=x", "mailtos://smtp.example.com"),
        ("json://127.0.0.1:99/hook?token=abc", "json://127.0.0.1:99"),
        ("json://[::1]:99/hook", "json://[::1]:99"),
        ("no url at all", "***"),
    ],
)
def test_a_channel_is_shown_by_its_scheme_and_server_alone(url, shown):
    assert shown_url(url) == shown


@pytest.mark.parametrize(
    ("url", "where", "secret"),
    [
        ("mailtos://smtp.example.com?user=me&pass=hunter2pw", "the query key pass", "hunter2pw"),
        ("json://hooks.example.com/x?token=tk_sekrit", "the query key token", "tk_sekrit"),
        ("ntfy://private-topic", "the ntfy topic", "private-topic"),
        ("ntfys://ntfy.sh/private-topic", "the ntfy topic", "private-topic"),
        ("pbul://o.TOKENabcdef1234", "a token in the host position", "TOKENabcdef1234"),
        ("mailtos://me:hunter2pw@example.com", "a password", "hunter2pw"),
    ],
)
def test_a_secret_written_in_the_shared_file_is_refused_in_any_position(url, where, secret):
    with pytest.raises(ConfigError) as raised:
        parse_config(f'[notify.channels.phone]\nurl = "{url}"\n')
    said = str(raised.value)
    assert "notify.channels.phone.url" in said and f"holds {where}" in said
    assert secret not in said and "url_env" in said


@pytest.mark.parametrize(
    "host", ["169.254.169.254", "[fd00:ec2::254]", "metadata.google.internal", "[fe80::1]"]
)
def test_a_link_local_or_metadata_address_is_refused_unless_allowed(host):
    url = f"json://{host}/latest/meta-data"
    with pytest.raises(ConfigError) as raised:
        parse_config(f'[notify.channels.hook]\nurl = "{url}"\n')
    assert "link-local or cloud metadata address" in str(raised.value)
    bare = host.strip("[]")
    config = parse_config(f'[notify.channels.hook]\nurl = "{url}"\nallow_hosts = ["{bare}"]\n')
    assert config.channels["hook"].allow_hosts == (bare,)


def validate(workdir: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **extra}
    return subprocess.run(
        [sys.executable, "-m", "catalyst_tui.cli", "validate", "--config"]
        + [str(workdir / "catalysts.toml")],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        timeout=HANG,
    )


def test_validate_reads_each_url_as_it_will_be_used(tmp_path: Path):
    toml = tmp_path / "catalysts.toml"
    toml.write_text('[notify.channels.phone]\nurl_env = "CATALYST_PHONE"\n')
    done = validate(tmp_path, CATALYST_PHONE="nosuchservice://tk_sekrit")
    assert done.returncode == 2
    assert "nosuchservice:// is not a URL Apprise knows" in done.stderr
    assert "tk_sekrit" not in done.stderr + done.stdout
    done = validate(tmp_path, CATALYST_PHONE="json://169.254.169.254/latest")
    assert done.returncode == 2 and "169.254.169.254, a link-local" in done.stderr
    assert validate(tmp_path, CATALYST_PHONE="ntfys://ntfy.sh/private-topic").returncode == 0
    # An unset variable is said (this shell is not the daemon's), and the file is still valid.
    done = validate(tmp_path)
    assert done.returncode == 0 and "CATALYST_PHONE is not set" in done.stderr
    # A secrets file its group may read.
    secret = tmp_path / "phone.url"
    secret.write_text("ntfys://ntfy.sh/private-topic\n")
    secret.chmod(0o640)
    toml.write_text(f'[notify.channels.phone]\nurl_file = "{secret}"\n')
    done = validate(tmp_path)
    assert done.returncode == 2 and "mode 0640" in done.stderr and "chmod 600" in done.stderr
    assert "private-topic" not in done.stderr


@pytest.mark.parametrize(
    ("url", "secret"),
    [
        ("pbul://o.TOKENabcdef1234", "o.TOKENabcdef1234"),
        ("tgram://123456:ABCdefSECRET/987", "ABCdefSECRET"),
        ("ntfy://private-topic", "private-topic"),
        ("json://127.0.0.1:99/hook?token=tk_sekrit", "tk_sekrit"),
    ],
)
def test_a_channels_words_never_hold_its_secret_whatever_its_case(url, secret):
    from catalyst_tui.notify.remote import RemoteChannel

    channel = RemoteChannel("phone", url, ("all",))
    said = channel.redact(f"Failed to send to {url} ({secret}, {secret.lower()} lower-cased)")
    assert secret not in said
    assert secret.lower() not in said or secret.lower() == secret


def test_a_url_of_ten_million_characters_is_refused_at_its_line_without_being_read_whole(
    tmp_path: Path,
):
    """A `url_file` of one line of ten million characters: `notify test` once read it whole
    (and handed it to Apprise: 1 GB resident before it failed). Now at most 32 KiB of it is
    read and it is refused at the key's line, at once, as the file written (`url`) and the
    environment variable (`url_env`) are past 8 KiB."""
    import tracemalloc

    from catalyst_tui.config.channels import MAX_URL, ChannelSettings, SecretError, secret_url
    from tests.support.cli_inline import run

    secret = tmp_path / "phone.url"
    secret.write_text("json://hooks.example.com/" + "a" * 10_000_000 + "\n")
    secret.chmod(0o600)
    toml = tmp_path / "catalysts.toml"
    toml.write_text(
        f'[settings]\nnotify = ["missed"]\n\n[notify.channels.x]\nurl_file = "{secret}"\n'
    )
    tracemalloc.start()
    try:
        with pytest.raises(SecretError) as raised:
            secret_url(ChannelSettings(url_file=str(secret)))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "longer than 8,192 characters" in str(raised.value) and peak < 1 << 20
    done = run("notify", "test", "x", "--config", str(toml), "--db", str(tmp_path / "c.db"))
    assert done.returncode == 2, done
    assert f"{toml}:5:" in done.stderr and "notify.channels.x.url_file" in done.stderr
    assert "its first line is longer than 8,192 characters" in done.stderr
    assert "aaaa" not in done.stderr + done.stdout
    # The URL written in the file, and the environment variable's, past the bound.
    toml.write_text(f'[notify.channels.x]\nurl = "json://h.example.com/{"a" * MAX_URL}"\n')
    with pytest.raises(ConfigError) as written:
        parse_config(toml.read_text(), str(toml))
    assert "notify.channels.x.url" in str(written.value) and "aaaa" not in str(written.value)
    with pytest.raises(SecretError, match="CATALYST_X is longer than 8,192"):
        secret_url(ChannelSettings(url_env="CATALYST_X"), {"CATALYST_X": "j://" + "a" * MAX_URL})
    # One of 8,192 characters is still a URL.
    secret.write_text("json://h.example.com/" + "a" * (MAX_URL - 21) + "\n")
    assert len(secret_url(ChannelSettings(url_file=str(secret)))) == MAX_URL


def test_a_channel_redirected_to_the_metadata_address_is_refused_where_it_connects():
    """A webhook on this machine (a channel's usual place) that answers with a redirect to the
    cloud's metadata service: the sender's child judges every connection it makes where it is
    made, after any look-up and at each redirect (the one address policy), and refuses it; the
    failure says what it reached."""
    import asyncio
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from catalyst_tui.notify.alerts import Alert
    from catalyst_tui.notify.notification import ChannelError
    from catalyst_tui.notify.remote import RemoteChannel

    class Redirect(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.send_response(307)
            self.send_header("Location", "http://169.254.169.254/latest/meta-data/")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Redirect)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        channel = RemoteChannel("hook", f"json://127.0.0.1:{server.server_address[1]}/h", ("all",))
        with pytest.raises(ChannelError) as refused:
            asyncio.run(channel.send_alert(Alert("ALAB missed", "b", "b", "b", "")))
    finally:
        server.shutdown()
        server.server_close()
    assert "not sent: it reaches 169.254.169.254, a cloud metadata address" in str(refused.value)
