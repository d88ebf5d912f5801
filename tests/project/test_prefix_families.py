"""Three modules sharing a prefix in one folder are a package waiting to be born: no folder of the
package, of bench/ or of tools/ (nor tests/support/) holds three or more modules named
`<prefix>.py` or `<prefix>_*.py`, the prefix being a module name's first word. Such a family
becomes a subpackage named for what it holds (`config/validate_*.py` → `config/validate/`,
`broker_*.py` → `reading/brokers/`), its modules named for what each holds in it.

A name that starts with `_` is a private helper of its folder (bench's `_seeded.py`), no
family's. Test files are named for the module they test (`test_<module>.py`) and are left out;
the rule holds for the code they mirror. No exception is pinned."""

from __future__ import annotations

import collections
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: The folders whose modules are checked, each with its subfolders.
CHECKED = ("src/catalyst_tui", "bench", "tools", "tests/support")
#: A family's size from which it must be a package.
FAMILY = 3


def families(names: list[str]) -> dict[str, list[str]]:
    """Of a folder's module names (without `.py`), each prefix shared by FAMILY or more: its
    modules, sorted."""
    by_prefix: dict[str, list[str]] = collections.defaultdict(list)
    for name in names:
        if not name.startswith("_") and not name.startswith("test_"):
            by_prefix[name.split("_", 1)[0]].append(name)
    return {prefix: sorted(found) for prefix, found in by_prefix.items() if len(found) >= FAMILY}


def _folders() -> list[Path]:
    return sorted({path.parent for top in CHECKED for path in (ROOT / top).rglob("*.py")}, key=str)


def test_no_folder_holds_a_family_of_modules_named_by_a_prefix():
    found = {
        str(folder.relative_to(ROOT)): family
        for folder in _folders()
        if (family := families([path.stem for path in folder.glob("*.py")]))
    }
    assert found == {}, "make each family a package named for what it holds"


def test_the_rule_counts_the_prefix_module_and_its_underscored_kin():
    assert families(["refresh", "refresh_worker", "refresh_process", "reach"]) == {
        "refresh": ["refresh", "refresh_process", "refresh_worker"]
    }
    assert families(["broker_ibkr", "broker_saxo", "broker_degiro"]) == {
        "broker": ["broker_degiro", "broker_ibkr", "broker_saxo"]
    }
    # Two of a prefix, another word that begins alike, private helpers and tests: no family.
    assert families(["remote", "remote_delivery", "remotes", "_seeded", "_seeded_db"]) == {}
    assert families(["test_a", "test_b", "test_c", "__init__"]) == {}
