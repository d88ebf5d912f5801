"""The README's daily loop (its block under "## Your daily loop"), run as a new user runs it: each
line through the shell as the README writes it, in a HOME of the test's own with no XDG_*
variable (so every folder catalyst keeps is the default one under it), from a folder that is not
the checkout, the network being the loopback: a market on 127.0.0.1 that the user's own file
points the refresh at.

`uv tool install . --constraints constraints.txt` runs for real, from the checkout, into a tool
folder and a bin folder of the test's own (UV_TOOL_DIR, UV_TOOL_BIN_DIR, the bin folder first on
PATH), offline, from the uv cache `make` filled when it installed .venv; the rest of the loop is
the `catalyst` it put on PATH, a process each. Offline it is reliable with three arguments the
README's command does not need online, each for the test's machine, not for the install:
`--offline` (a test never reaches the internet); `--python`, the interpreter .venv was made from
(the cache holds the compiled wheels of its version only, and uv offline can fetch no other
interpreter); and `--find-links` to the pip wheel that interpreter bundles (ensurepip's):
sqlite-utils requires pip, and make's uv never downloads it, as the venv has pip from its start,
so the cache lacks it. The pins, the build backend and every other dependency come from the cache
(so on a fresh clone whose cache only `make` filled, with pyenv's Python and with Debian's).

The export is real: Saxo's (../shared/realdata/brokers), copied into ~/Downloads at test time.
It imports whole with the README's command as written (no --symbol, no --opening), needs no rate
of a day (each trade is priced in its listing's currency), and holds lots, a sale and dividends.
Its figures are read from its rows here, by hand. The user writes two checkpoints under NVDA (a
guard on the position's weight, a milestone with its due date) and the providers' addresses; the
position's weight and value are computed here from the market's own closes and the export's
rows. Every connection of every command is watched (Python's audit events, strace where
installed): none leaves 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import ensurepip
import re
import shlex
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest

from catalyst_tui.config.model import DEFAULT_BENCHMARK
from catalyst_tui.store import Store
from tests.support import terminal
from tests.support.market_server import NEW_YORK, MarketServer, ecb_table
from tests.support.network_watch import LOOPBACK
from tests.support.new_user import STARTED, User, flat
from tests.support.shared import REALDATA

pytest_plugins = ["tests.support.fixtures"]  # the tmux fixture

ROOT = Path(__file__).resolve().parents[2]
EXPORT = REALDATA / "brokers" / "saxo-export.csv"
# Each line of the loop, and what its comment says that this test checks.
LOOP = (
    ("uv tool install . --constraints constraints.txt", "from the checkout"),
    ("catalyst init", "your own catalysts.toml, and where it is"),
    ("catalyst import ~/Downloads/trades.csv", "lots, sales and dividends"),
    ("$EDITOR ~/.config/catalyst/catalysts.toml", "the file init named: write a checkpoint"),
    ("catalyst validate", "every mistake in it, with its line"),
    ("catalyst refresh", "quotes, fundamentals, filings; each checkpoint judged"),
    ("catalyst", "the watchlist (or catalyst check, review, changes)"),
)
# The listings of the export (`Instrument Symbol`, `Instrument currency`): VWRA on London in USD
HELD = {"AMZN": 2, "META": 1, "NVDA": 3, "VUSA.AS": 1.5, "VWRA.L": 2 + 2 + 2 + 3 + 3 + 17 + 3 - 3}
IN_EUROS = ("VUSA.AS", "VWRL.AS")  # VWRL.AS: a dividend only, none held
EUR_USD = 1.08
# NVDA, row 10: "Buy 3 @ 134.85 USD" booked -405,55, so a fee of 405.55 - 3 x 134.85 = 1.00
NVDA_COST = 405.55
TYPO = 'when = "wieght <= 20%"'


def readme_loop() -> list[tuple[str, str]]:
    """The block's lines as (command, comment), read from the README itself; asserted to be the
    loop this test knows how to run."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"^## Your daily loop\n+```sh\n(.*?)^```", text, re.M | re.S)
    assert found, "README.md: no ```sh block under '## Your daily loop'"
    lines = [line.partition("#") for line in found.group(1).splitlines() if line.strip()]
    loop = [(command.strip(), comment.strip()) for command, _, comment in lines]
    assert [c for c, _ in loop] == [c for c, _ in LOOP], (
        "the README's daily loop changed: make this test run the new one\n"
        f"README: {[c for c, _ in loop]}\ntest:   {[c for c, _ in LOOP]}"
    )
    for (command, comment), (_, said) in zip(loop, LOOP, strict=True):
        assert said in comment, f"README: {command!r} no longer says {said!r}: {comment!r}"
    return loop


def test_the_readmes_loop_is_the_one_run_here():
    """Quick, and on every run: a change to the README's loop names itself here."""
    assert len(readme_loop()) == len(LOOP)


def pip_wheel() -> Path:
    """The pip wheel the interpreter bundles: ensurepip's own, or the folder a distribution
    keeps it in (Debian's python3-venv: /usr/share/python-wheels)."""
    folders = [Path(ensurepip.__file__).parent / "_bundled", Path("/usr/share/python-wheels")]
    if kept := sysconfig.get_config_var("WHEEL_PKG_DIR"):
        folders.insert(1, Path(kept))
    for folder in folders:
        if wheels := sorted(folder.glob("pip-*.whl")):
            return wheels[-1]
    raise AssertionError(f"no pip wheel bundled with {sys.executable} in {folders}")


def install(user: User, command: str) -> None:
    uv = Path(sys.executable).with_name("uv")
    assert uv.is_file(), f"no uv beside {sys.executable}: make installs it"
    asked = subprocess.run([uv, "cache", "dir"], env=STARTED, capture_output=True, text=True)
    cache = asked.stdout.strip()
    assert cache and Path(cache).is_dir(), f"no uv cache: {asked.stdout}{asked.stderr}"
    wheels = user.tmp / "wheels"
    wheels.mkdir()
    shutil.copy(pip_wheel(), wheels)
    offline = ["--offline", "--python", sys.executable, "--find-links", str(wheels)]
    line = shlex.join([str(uv), *shlex.split(command)[1:], *offline])
    code, out = user.run(
        line,
        cwd=ROOT,
        UV_CACHE_DIR=cache,
        UV_TOOL_DIR=str(user.tmp / "tools"),
        UV_TOOL_BIN_DIR=str(user.bin),
    )
    assert code == 0 and "Installed 1 executable: catalyst" in out, out
    assert shutil.which("catalyst", path=user.env["PATH"]) == str(user.bin / "catalyst")
    # installed, not linked to the checkout: the package and its data are in the tool's folder
    (starter,) = (user.tmp / "tools").glob(
        "*/lib/python*/site-packages/catalyst_tui/data/starter.toml"
    )
    assert starter.read_bytes() == (ROOT / "src/catalyst_tui/data/starter.toml").read_bytes()


def imported(user: User, line: str, config: Path) -> None:
    shutil.copy(EXPORT, user.home / "Downloads" / "trades.csv")
    code, out = user.run(line)
    assert code == 0, out
    out = flat(out)
    assert "Saxo: adds 12 trades" in out and "Saxo: adds 2 dividends" in out
    assert f"{config}: 12 trades and 2 dividends added" in out
    export = user.home / "Downloads" / "trades.csv"
    assert f"{export}:2: pays a dividend of VWRL.AS on 2025-04-02, but none held then" in out
    tickers = tomllib.loads(config.read_text(encoding="utf-8"))["tickers"]
    assert set(tickers) == {*HELD, *IN_EUROS}
    held = {s: sum(lot["shares"] for lot in t.get("lots", ())) for s, t in tickers.items()}
    sold = {s: sum(sale["shares"] for sale in t.get("sells", ())) for s, t in tickers.items()}
    assert {s: held[s] - sold[s] for s in HELD} == HELD and held["VWRL.AS"] == 0
    (nvda,) = tickers["NVDA"]["lots"]
    assert (nvda["shares"], nvda["cost"], nvda["date"]) == (3, 134.85, dt.date(2024, 12, 30))
    assert nvda["fees"] == pytest.approx(NVDA_COST - 3 * 134.85)
    # row 4: "Sell 3 @ 139.74 USD" booked 419,22, which is 3 x 139.74: no fee
    (sale,) = tickers["VWRA.L"]["sells"]
    assert (sale["shares"], sale["price"], sale["date"]) == (3, 139.74, dt.date(2025, 1, 2))
    assert sale.get("fees", 0) == 0
    # row 3: VUSA's dividend, booked 0,46 (dollars, the account's money) at a conversion rate of
    # 0.92139706 euros a dollar (docs/config.md: the amount times the rate, in euros)
    (paid,) = tickers["VUSA.AS"]["dividends"]
    assert paid["date"] == dt.date(2025, 4, 2)
    assert paid["amount"] == pytest.approx(0.46 * 0.92139706)


def written(market: MarketServer, due: dt.date) -> str:
    """What the user types at the end of the file: two checkpoints under NVDA, and where the
    providers are (their network is the loopback)."""
    url = market.url
    return f"""
[[tickers.NVDA.checkpoints]]
id = "weight-cap"
title = "NVIDIA stays under a fifth of the portfolio"
kind = "guard"
when = "weight <= 20%"

[[tickers.NVDA.checkpoints]]
id = "rubin-ships"
title = "Rubin ships in volume"
kind = "milestone"
due = {due.isoformat()}

[providers.yahoo]
base_url = "{url}"
cookie_url = "{url}/fc"
rss_url = "{url}"

[providers.stooq]
base_url = "{url}"

[providers.sec]
base_url = "{url}"
tickers_url = "{market.sec_tickers_url}"
archives_url = "{url}"
user_agent = "Jane Doe jane@example.com"

{ecb_table(url)}"""


def hand_figures(market: MarketServer) -> tuple[float, float]:
    """The portfolio in dollars at the market's last closes, and NVDA's weight in it."""
    last = market.last_session()
    rate = market.close("EURUSD=X", last)  # dollars a euro
    value = {
        s: shares * market.close(s, last) * (rate if s in IN_EUROS else 1)
        for s, shares in HELD.items()
    }
    total = sum(value.values())
    return total, value["NVDA"] / total


def reason(out: str, total: float, weight: float) -> str:
    """The guard's reason in `out`, its weight and its portfolio in dollars as computed here
    (to the digits it shows); the weight as shown."""
    found = re.search(r"weight (\d+\.\d)% <= 20% \(of a ([\d,]+) USD portfolio\)", out)
    assert found, out
    assert float(found.group(1)) == pytest.approx(weight * 100, abs=0.05 + 1e-9)
    assert float(found.group(2).replace(",", "")) == pytest.approx(total, abs=0.5 + 1e-9)
    return f"{found.group(1)}%"


def days_left(due: dt.date, around: list[dt.datetime]) -> set[int]:
    """The days to `due` from any day it was while the command ran (UTC, here, New York)."""
    zones = (dt.UTC, None, NEW_YORK)
    return {(due - moment.astimezone(zone).date()).days for moment in around for zone in zones}


@pytest.mark.slow
def test_the_daily_loop_as_a_new_user_runs_it(tmp_path: Path, tmux: str):
    commands = [command for command, _ in readme_loop()]
    user = User(tmp_path)
    install(user, commands[0])

    code, out = user.run(commands[1])  # catalyst init
    assert code == 0, out
    named = re.search(r"^wrote (/\S+): its settings", out, re.M)
    database = re.search(r"^its database: (/\S+)$", out, re.M)
    assert named and database, out
    config = Path(named.group(1))
    assert config == user.home / ".config" / "catalyst" / "catalysts.toml"
    assert config.is_file() and user.run(commands[4])[0] == 0  # catalyst validate

    imported(user, commands[2], config)

    symbols = (*HELD, *IN_EUROS, DEFAULT_BENCHMARK)  # the benchmark a refresh asks for too
    with MarketServer(symbols=symbols) as market:
        moment = market.now()
        market.now = lambda: moment  # type: ignore[method-assign]  # one session all along
        market.currencies.update(dict.fromkeys(IN_EUROS, "EUR"))
        market.fx_pair("EUR", "USD", EUR_USD)
        due = moment.date() + dt.timedelta(days=200)
        typed = config.read_text(encoding="utf-8") + written(market, due)
        # a first save with a typo: validate names its line and column
        guard = 'when = "weight <= 20%"'
        code, out = user.run(commands[3], EDITOR=user.editor(typed.replace(guard, TYPO)))
        assert code == 0, out
        code, out = user.run(commands[4])
        line = typed.splitlines().index(guard) + 1
        assert code == 2 and f"{config}:{line}:9: " in flat(out), out
        assert "unknown metric 'wieght' (did you mean 'weight'?)" in flat(out)
        assert user.run(commands[3], EDITOR=user.editor(typed))[0] == 0
        assert user.opened() == [str(config)] * 2  # the file init named
        code, out = user.run(commands[4])
        assert code == 0 and f"{config}: ok: 6 tickers, 2 checkpoints" in flat(out), out

        before = dt.datetime.now(dt.UTC)
        code, refreshed = user.run(commands[5])  # catalyst refresh
        assert code == 0 and "6/6 symbols fresh" in refreshed, refreshed
        asked = {s for r in market.requests_for("yahoo", "quote") for s in r.symbols}
        assert asked >= {*HELD, *IN_EUROS}
        for endpoint in ("companyfacts", "submissions"):  # its fundamentals, its filings
            assert market.requests_for("sec", endpoint, "NVDA"), endpoint
        last = market.last_session()
        with Store.read_only(Path(database.group(1))) as store:
            quotes = store.market.last_quotes()
            states = {c.id: c.status for c in store.checkpoints.states("NVDA")}
            rate = store.fx.latest("USD")["EUR"].rate
        for symbol in (*HELD, *IN_EUROS):
            assert quotes[symbol].price == pytest.approx(market.close(symbol, last)), symbol
            assert not quotes[symbol].stale, symbol
        assert rate == pytest.approx(market.close("EURUSD=X", last))
        # a guard that holds is met (shown "holding"); the milestone waits for its day
        assert states == {"weight-cap": "met", "rubin-ships": "pending"}

        views = {name: user.run(f"catalyst {name}") for name in ("check", "review", "changes")}
        after = dt.datetime.now(dt.UTC)
        assert all(code == 0 for code, _ in views.values()), views
        check, review, changes = (flat(out) for _, out in views.values())
        total, weight = hand_figures(market)
        shown = reason(check, total, weight)
        assert reason(flat(refreshed), total, weight) == reason(changes, total, weight) == shown
        assert f"NVDA/weight-cap holding {shown} vs <= 20%" in check
        left = re.search(
            rf"NVDA/rubin-ships pending {due} \+(\d+)d due {due}, (\d+) days left", check
        )
        assert left, check
        assert {int(left.group(1)), int(left.group(2))} <= days_left(due, [before, after])
        nvda = review.split(" NVDA ", 1)[1].split(" VUSA.AS ", 1)[0]
        assert nvda.startswith("intact") and "(1 of 2 checkpoints judged)" in nvda
        assert f"weight {shown}" in nvda and "to judge: Rubin ships in volume" in nvda
        assert "NVIDIA stays under a fifth of the portfolio: pending → holding" in changes

        watchlist(user, tmux, commands[6], market, total)
    assert "127.0.0.1" in user.connected()
    assert user.connected() <= LOOPBACK, sorted(user.connected() - LOOPBACK)
    assert list(user.cwd.iterdir()) == []  # nothing of catalyst's in the folder it ran from


def watchlist(user: User, tmux: str, command: str, market: MarketServer, total: float) -> None:
    """`catalyst` in a terminal: the watchlist shows the position as the export and the market
    make it (3 x the close, less the 405.55 the export booked), then q ends it."""
    env, prefix = user.watch()  # COLUMNS and LINES unset: the TUI asks its terminal
    line = shlex.join([*prefix, "/bin/sh", "-c", command])
    session = ["new-session", "-d", "-s", terminal.SESSION, "-x", "120", "-y", "36"]
    subprocess.run(
        ["tmux", "-S", tmux, *session, f"{line}; echo {terminal.EXIT_MARK}$?; sleep 120"],
        check=True,
        env={**env, "TERM": "xterm-256color"},
        cwd=user.cwd,
    )
    value = 3 * market.close("NVDA", market.last_session())
    row = ("NVDA", f"{value:,.2f}", f"{value - NVDA_COST:+,.2f}", "intact")
    terminal.wait_until(
        tmux,
        f"the header's total and NVDA's row {row}",
        lambda shown: (
            f"Portfolio USD {total:,.2f}" in shown
            and any(all(t in r for t in row) for r in shown.splitlines())
        ),
    )
    terminal.keys(tmux, "q")
    assert f"{terminal.EXIT_MARK}0" in terminal.wait_for(tmux, terminal.EXIT_MARK)
