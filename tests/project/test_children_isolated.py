"""Every Python child catalyst starts is isolated from the working folder: `python -m` puts the
folder it was started from first on the import path, so a `pickle.py` there ran in the release
reader's child, a `decimal.py` in the notification sender's, and the PDF reader and the refresh
worker started the same way. Each child is started here from a folder of poisoned modules (the
standard library's names, Apprise's, pypdf's and a `catalyst_tui` package), each of which
leaves a mark when imported: the child does its work and no mark is left. And every start of
a Python child in the source is `sys.executable -P -m MODULE` with `child_environment()`."""

from __future__ import annotations

import ast
import asyncio
import datetime as dt
from pathlib import Path

import pytest

from catalyst_tui.cli.service import daemon_argv
from catalyst_tui.config import parse_config
from catalyst_tui.jobs.pdf_reader import pdf_text
from catalyst_tui.jobs.release_reader import read_in_child
from catalyst_tui.jobs.text_reader import Readers, TextReader
from catalyst_tui.jobs.worker.parent import refresh_in_child_process
from catalyst_tui.notify.alerts import Alert
from catalyst_tui.notify.remote import RemoteChannel
from catalyst_tui.paths import child_environment
from catalyst_tui.store import Store
from tests.support import source_trees
from tests.support.market_server import MarketServer
from tests.support.pdf import make_pdf
from tests.support.push_server import PushServer
from tests.support.releases import AlabQuarter, alab_release

SRC = Path(__file__).resolve().parents[2] / "src" / "catalyst_tui"
POISONED = (
    "pickle",
    "decimal",
    "json",
    "struct",
    "zlib",
    "datetime",
    "apprise",
    "pypdf",
    "sqlite3",
    "httpx",
)


@pytest.fixture
def poisoned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The working folder, full of modules that write their name to `marks` when imported;
    the marks file itself outside it."""
    folder = tmp_path / "work"
    marks = tmp_path / "marks"
    folder.mkdir()
    poison = (
        "import os\n"
        f"with open({str(marks)!r}, 'a') as f:\n"
        "    f.write(f'{__name__} {os.getpid()}\\n')\n"
        "raise ImportError('poisoned: ' + __name__)\n"
    )
    for name in POISONED:
        (folder / f"{name}.py").write_text(poison)
    (folder / "catalyst_tui").mkdir()
    (folder / "catalyst_tui" / "__init__.py").write_text(poison)
    monkeypatch.chdir(folder)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    monkeypatch.setenv("PYTHONPATH", ".")  # a relative entry is the working folder too
    return marks


def left(marks: Path) -> list[str]:
    return marks.read_text().splitlines() if marks.exists() else []


def test_the_release_reader_child_imports_nothing_of_the_working_folder(poisoned: Path):
    quarter = AlabQuarter(dt.date(2026, 9, 30), 415e6, 100e6, 200e6, 90e6, 0.5, 0.6)
    results = asyncio.run(read_in_child(alab_release(quarter).encode(), dt.date(2026, 11, 4)))
    assert results.found and results.quarter.revenue is not None
    assert left(poisoned) == []


def test_the_pdf_reader_child_imports_nothing_of_the_working_folder(poisoned: Path):
    text = asyncio.run(pdf_text(make_pdf(["Scorpio revenue grew in the quarter."])))
    assert "Scorpio revenue grew" in text
    assert left(poisoned) == []


def test_the_text_reader_child_imports_nothing_of_the_working_folder(poisoned: Path):
    async def read() -> object:
        async with TextReader() as reader:
            readers = Readers(("Scorpio revenue",), ("Scorpio",), kpis=True)
            return await reader.read("Scorpio revenue grew 17% in the quarter.", readers)

    assert asyncio.run(read()) == (1, 1)
    assert left(poisoned) == []


def test_the_notification_sender_child_imports_nothing_of_the_working_folder(poisoned: Path):
    with PushServer() as push:
        channel = RemoteChannel("hook", f"json://127.0.0.1:{push.port}/hook", ("all",))
        said = asyncio.run(channel.send_alert(Alert("ALAB missed", "body", "body", "body", "")))
        assert push.bodies("/hook")
    assert said.startswith("the service answered 200") or "sent" in said
    assert left(poisoned) == []


def test_the_refresh_worker_child_imports_nothing_of_the_working_folder(
    poisoned: Path, tmp_path: Path
):
    with MarketServer(symbols=["ALAB"]) as market:
        config = parse_config(
            f'[settings]\nproviders = ["yahoo"]\n[providers.yahoo]\nbase_url = "{market.url}"\n'
            f'cookie_url = "{market.url}/fc"\n[tickers.ALAB]\n'
        )
        db = tmp_path / "c.db"
        with Store.open(db) as store:
            store.sync.apply(config)

        async def refreshed() -> set[str]:
            return (await refresh_in_child_process(config, db)).fresh

        fresh = asyncio.run(refreshed())
    assert fresh == {"ALAB"}
    assert left(poisoned) == []


def test_the_daemon_a_service_manager_starts_is_isolated_too(tmp_path: Path):
    argv = daemon_argv(tmp_path / "catalysts.toml", None)
    assert argv[1:4] == ["-P", "-m", "catalyst_tui.cli"]


def test_a_childs_environment_keeps_only_absolute_import_folders():
    env = child_environment(
        {"PYTHONPATH": f"::.:lib:{Path('/opt/x')}", "PYTHONSTARTUP": "s.py", "HOME": "/h"}
    )
    assert env["PYTHONPATH"] == "/opt/x" and "PYTHONSTARTUP" not in env
    assert env["HOME"] == "/h" and env["PYTHONSAFEPATH"] == "1"
    assert "PYTHONPATH" not in child_environment({"PYTHONPATH": "."})


def _python_children(tree: ast.Module) -> list[ast.Call]:
    """The calls that start `sys.executable` in a module."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        first = node.args[0]
        if isinstance(first, ast.List | ast.Tuple) and first.elts:
            first = first.elts[0]
        if ast.unparse(first) == "sys.executable":
            found.append(node)
    return found


@source_trees.SOURCE_GROUP
def test_every_python_child_in_the_source_starts_isolated():
    """Each start of the running interpreter passes -P right after it and the environment of
    `child_environment` (the service unit's argv, which a manager runs, -P alone)."""
    starts = []
    for path in source_trees.modules(SRC):
        for call in _python_children(source_trees.tree(path)):
            starts.append(str(path.relative_to(SRC)))
            argv = call.args
            if isinstance(argv[0], ast.List | ast.Tuple):
                argv = argv[0].elts
            assert ast.unparse(argv[1]) == "'-P'", (path, call.lineno)
            env = [k for k in call.keywords if k.arg == "env"]
            assert [ast.unparse(k.value) for k in env] == ["child_environment()"], (
                path,
                call.lineno,
            )
    assert sorted(starts) == [
        "jobs/kept_child.py",  # every reader child: the release, text and PDF readers
        "jobs/worker/parent.py",
        "notify/remote.py",
    ]
