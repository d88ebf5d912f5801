"""The reader of words on 20 real earnings calls read by hand (realdata/calls, truth.json):
`make truth` prints this score (tools/truth_calls.py) and fails on any invented value."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

import pytest

from tests.support.shared import REALDATA, REPO, SHARED

pytestmark = pytest.mark.skipif(
    not (REALDATA / "calls" / "truth.json").is_file(), reason="no realdata/calls in ../shared"
)

#: The share of stated values read right on these calls when this test was written: a floor.
RIGHT_FLOOR = 0.97


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("truth_calls", REPO / "tools" / "truth_calls.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["truth_calls"] = module
    spec.loader.exec_module(module)
    return module


def test_the_calls_are_read_with_nothing_invented_and_the_stated_values_right():
    result = _scorer().score(SHARED)
    assert result.invented == []
    # truth.json's counts (its README): 27 shares, 137 growths, 29 guidance directions
    assert dict(result.expected) == {"share": 27, "growth": 137, "guidance": 29}
    assert result.rate >= RIGHT_FLOOR
    assert all(result.right[kind] >= 0.9 * result.expected[kind] for kind in result.expected)


def test_a_value_on_a_trap_line_is_invented():
    scorer = _scorer()
    from catalyst_tui.reading.words import Stated

    sentence = "Gross margin was 39% of revenue."
    trap = {"kind": "none", "doc": "X.txt", "line": 1, "sentence": sentence}
    read = Stated("share", "Gross", 0.39, None, "", "", "", False, "", sentence, 0, len(sentence))
    result = scorer.Score()
    scorer._score_line(result, "X.txt", 1, [trap], [read])
    assert len(result.invented) == 1 and result.stated == 0
