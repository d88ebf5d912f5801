"""The kinds of notification have one home (notify/alert_kinds.py `ALERT_KINDS`): docs/config.md's
`kinds`
row names each of them, and no other, in their order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from catalyst_tui.config.channels import ALL_KINDS
from catalyst_tui.notify.alert_kinds import ALERT_KINDS, AlertKind, kinds_named, registered

CONFIG_DOC = Path(__file__).resolve().parents[2] / "docs" / "config.md"


def test_the_config_docs_name_every_kind_in_order():
    [row] = [line for line in CONFIG_DOC.read_text().splitlines() if line.startswith("| `kinds` |")]
    meaning = row.split("|")[4]
    named = re.findall(r"`([a-z-]+)` \(", meaning)
    assert named == list(ALERT_KINDS)
    assert f"`{ALL_KINDS}` for every kind" in meaning


def test_all_is_every_kind_and_an_unknown_kind_is_named():
    assert kinds_named([ALL_KINDS]) == tuple(ALERT_KINDS)
    assert kinds_named(["results", "missed"]) == ("results", "missed")
    with pytest.raises(ValueError, match="unknown kind pager"):
        kinds_named(["pager"])


def test_a_temporary_kind_is_known_inside_its_block_only():
    with registered(AlertKind("test-kind", "for this test")):
        assert "test-kind" in kinds_named([ALL_KINDS])
        again = registered(AlertKind("test-kind", "again"))
        with pytest.raises(ValueError, match="declared already"):
            again.__enter__()
    assert "test-kind" not in ALERT_KINDS
