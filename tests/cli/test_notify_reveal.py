"""`catalyst notify --reveal [CHANNEL]`: a channel's URL whole, only when asked and only to a
terminal (a pseudo-terminal here); `status` and `status --json` show each URL by its scheme and
server alone, whatever position its secret is in (an ntfy topic, a token in the host, the query
keys pass, token and key); an escape sequence in a URL never reaches the terminal raw.

What a command prints to a terminal is read from a process of its own on a pseudo-terminal; what
it prints when its output is not a terminal, from the test's own process
(tests/support/cli_inline.py), whose captured output is not one either."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from catalyst_tui.store import Store
from tests.support import cli_inline

TOPIC = "private-topic-7f3a9c"
PBUL = "o.Tok3nInTheHost9q"
PASS = "Passw0rdInQuery77"
TOKEN = "tok3nInQuery0042"
KEY = "k3yInQueryZ9Z9"
ESCAPED = "json://127.0.0.1:9/e?token=ab\x1b]0;pwned\x07cd\x1b[2J"
URLS = {
    "phone": f"ntfy://{TOPIC}",
    "bullet": f"pbul://{PBUL}",
    "mail": f"mailtos://me@smtp.example.com?pass={PASS}&to=me@example.com",
    "hook": f"json://127.0.0.1:9/hook?token={TOKEN}",
    "keyed": f"json://hooks.example.com/in?key={KEY}",
    "odd": ESCAPED,
}
SECRETS = (TOPIC, PBUL, PASS, TOKEN, KEY)


def setup(workdir: Path) -> dict[str, str]:
    toml = "".join(
        f'[notify.channels.{name}]\nurl_env = "CATALYST_{name.upper()}"\n' for name in URLS
    )
    (workdir / "catalysts.toml").write_text(toml)
    Store.open(workdir / "c.db").close()
    env = {**os.environ, **{f"CATALYST_{name.upper()}": url for name, url in URLS.items()}}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    return env


def argv(workdir: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "catalyst_tui.cli", *args, "--db", str(workdir / "c.db")] + [
        "--config",
        str(workdir / "catalysts.toml"),
    ]


def on_a_terminal(workdir: Path, env: dict[str, str], *args: str) -> tuple[int, bytes, str]:
    """`catalyst ARGS` with its output on a pseudo-terminal: its exit, what the terminal was
    given (bytes, as written) and its errors."""
    main, other = pty.openpty()
    proc = subprocess.Popen(
        argv(workdir, *args),
        cwd=workdir,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=other,
        stderr=subprocess.PIPE,
    )
    os.close(other)
    given = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the child ended and closed its side
            break
        if not chunk:
            break
        given += chunk
    os.close(main)
    assert proc.stderr is not None
    errors = proc.stderr.read().decode()
    return proc.wait(timeout=120), given, errors


def piped(workdir: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """`catalyst ARGS` with its output captured, not a terminal, in this process
    (tests/support/cli_inline.py), its environment `env` (no desktop session's)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
        return cli_inline.on_files(workdir, *args, env=env)


def test_status_and_its_json_show_each_url_by_its_scheme_and_server_alone(tmp_path: Path):
    env = setup(tmp_path)
    text = piped(tmp_path, env, "status")
    data = json.loads(piped(tmp_path, env, "status", "--json").stdout)
    assert text.returncode == 0, text.stderr
    shown = {name: data["channels"][name]["url"] for name in URLS}
    assert shown == {
        "phone": "ntfy://***",
        "bullet": "pbul://***",
        "mail": "mailtos://smtp.example.com",
        "hook": "json://127.0.0.1:9",
        "keyed": "json://hooks.example.com",
        "odd": "json://127.0.0.1:9",
    }
    for said in (text.stdout + text.stderr, json.dumps(data)):
        for secret in SECRETS:
            assert secret not in said and secret.lower() not in said.lower()
        assert "pwned" not in said


def test_reveal_prints_each_url_whole_to_a_terminal_and_nothing_that_commands_it(tmp_path: Path):
    env = setup(tmp_path)
    code, given, errors = on_a_terminal(tmp_path, env, "notify", "--reveal")
    assert code == 0, errors
    lines = given.decode().replace("\r\n", "\n").splitlines()
    for name in ("phone", "bullet", "mail", "hook", "keyed"):
        assert f"{name}: {URLS[name]}" in lines
    # The escape sequences are taken out whole: no title set, no screen cleared.
    assert "odd: json://127.0.0.1:9/e?token=abcd" in lines
    assert b"\x1b" not in given and b"\x07" not in given and b"pwned" not in given
    code, given, errors = on_a_terminal(tmp_path, env, "notify", "--reveal", "hook")
    assert code == 0, errors
    assert given.decode().replace("\r\n", "\n").splitlines() == [f"hook: {URLS['hook']}"]


def test_reveal_refuses_a_pipe_and_an_unknown_channel_and_shows_no_secret(tmp_path: Path):
    env = setup(tmp_path)
    done = piped(tmp_path, env, "notify", "--reveal")
    assert done.returncode == 1
    assert "not shown: the output is not a terminal" in done.stderr
    assert done.stdout == ""
    code, given, errors = on_a_terminal(tmp_path, env, "notify", "--reveal", "pager")
    assert code == 2 and "no channel 'pager'" in errors and given == b""
    both = piped(tmp_path, env, "notify", "test", "--reveal")
    assert both.returncode == 2 and "give it alone" in both.stderr
    for said in (done.stdout + done.stderr + errors + both.stdout + both.stderr,):
        for secret in SECRETS:
            assert secret not in said


def test_reveal_with_no_channel_says_there_is_nothing_to_reveal(tmp_path: Path):
    """As the user met it: a fresh file with no [notify.channels], `notify --reveal` on a
    terminal printed nothing and exited 0; `--reveal desktop` said there was no such channel,
    though `notify test desktop` tries it."""
    (tmp_path / "catalysts.toml").write_text('[tickers.ABC]\nname = "ABC"\n')
    Store.open(tmp_path / "c.db").close()
    env = {k: v for k, v in os.environ.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    code, given, errors = on_a_terminal(tmp_path, env, "notify", "--reveal")
    assert code == 1 and given == b""
    assert errors.startswith("catalyst notify --reveal: nothing to reveal: catalysts.toml names")
    assert "no channel under [notify.channels]" in errors and "docs/config.md" in errors
    assert "the desktop has no URL to reveal" in errors
    code, given, errors = on_a_terminal(tmp_path, env, "notify", "--reveal", "desktop")
    assert code == 1 and given == b""
    assert errors.strip() == (
        "catalyst notify --reveal: the desktop has no URL to reveal: its notifications go to "
        "this machine's own notification service (`catalyst notify test desktop` tries it)"
    )


def test_reveal_desktop_beside_channels_says_the_desktop_has_no_url(tmp_path: Path):
    env = setup(tmp_path)
    code, given, errors = on_a_terminal(tmp_path, env, "notify", "--reveal", "desktop")
    assert code == 1 and given == b"" and "the desktop has no URL to reveal" in errors
    code, given, errors = on_a_terminal(tmp_path, env, "notify", "--reveal", "pager")
    assert "(channels: desktop (no URL), phone, bullet, mail, hook, keyed, odd)" in errors
