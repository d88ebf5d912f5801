"""catalyst installs like a tool and builds the same tomorrow: the wheel `uv tool install .` and
`pipx install .` make carries what the program needs, its script runs from it, and every package
pyproject.toml names is pinned in constraints.txt, the one make installs from."""

from __future__ import annotations

import importlib.metadata
import os
import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"constraints.txt: {line!r} is not NAME==VERSION"
            pins[_normal(name)] = version
    return pins


def _requirements() -> list[str]:
    """What `make test` installs by name: the dependencies and the test extra, an extra of the
    project's own it names (`catalyst-tui[mcp]`) read as what that extra names."""
    project = PYPROJECT["project"]
    extras = project["optional-dependencies"]
    named = [*project["dependencies"], *extras["test"]]
    own = re.compile(rf"^{re.escape(project['name'])}\[([\w,]+)\]$")
    for requirement in list(named):
        if (found := own.match(requirement)) is not None:
            named.remove(requirement)
            named += [r for extra in found.group(1).split(",") for r in extras[extra]]
    return [_normal(m.group(1)) for m in map(_NAME.match, named) if m]


def test_every_dependency_is_pinned() -> None:
    pins = _pins()
    missing = [name for name in _requirements() if name not in pins]
    assert not missing, f"not in constraints.txt (run make upgrade): {missing}"


def test_every_documented_install_installs_the_pins() -> None:
    """`uv tool install .` and `pipx install .` read pyproject.toml's ranges, not constraints.txt:
    each install command the README and docs give passes the pins on."""
    texts = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    installs = [
        (path.name, line.strip())
        for path in texts
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.search(r"\b(uv tool install|pipx install)\b", line)
    ]
    assert installs, "the README gives an install command"
    unpinned = [(name, line) for name, line in installs if "constraints.txt" not in line]
    assert not unpinned


def test_the_suite_runs_on_the_pinned_textual() -> None:
    """The snapshot tests were made with the pinned Textual: a run on another version would
    compare another renderer's output."""
    assert importlib.metadata.version("textual") == _pins()["textual"]


def test_the_wheel_carries_the_program_and_its_example(tmp_path: Path) -> None:
    """`uv tool install .` and `pipx install .` install this wheel: its script starts, and a
    first run finds the bundled example inside it (no checkout beside it)."""
    pytest.importorskip("hatchling")  # a test dependency: make test installs it
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "dist").glob("catalyst_tui-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        scripts = archive.read(entry_points).decode()
    assert "catalyst_tui/data/catalysts.toml" in names
    assert "catalyst_tui/data/starter.toml" in names  # what `catalyst init` writes
    package = ROOT / "src" / "catalyst_tui"
    styles = {f"catalyst_tui/{p.relative_to(package).as_posix()}" for p in package.rglob("*.tcss")}
    assert len(styles) >= 4 and styles <= names  # app.tcss and each screen's own
    script = PYPROJECT["project"]["scripts"]["catalyst"]
    assert f"catalyst = {script}" in scripts

    target = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    module, _, function = script.partition(":")
    home = tmp_path / "home"
    env = {
        **os.environ,
        "PYTHONPATH": str(target),  # ahead of the checkout's editable install
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
    }
    env.pop("CATALYST_CONFIG", None)
    env.pop("CATALYST_DB", None)
    run = (
        "import sys, catalyst_tui\n"
        f"assert catalyst_tui.__file__.startswith({str(target)!r}), catalyst_tui.__file__\n"
        f"from {module} import {function} as main\n"
        "sys.argv = ['catalyst', 'validate']\n"
        "sys.exit(main())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", run],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    copied = home / "config" / "catalyst" / "catalysts.toml"
    assert copied.is_file()
    assert "ALAB" in copied.read_text(encoding="utf-8")
    assert "ok:" in done.stdout
