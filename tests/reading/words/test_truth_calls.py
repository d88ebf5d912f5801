"""The reader of words on 42 real earnings calls read by hand (realdata/calls, truth.json): the
20 its rules were written against and the 22 read last. `make truth` prints these scores
(tools/truth_calls.py) and fails on any value invented or given to the wrong line."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

import pytest

from tests.support.shared import REALDATA, REPO, SHARED

pytestmark = pytest.mark.skipif(
    not (REALDATA / "calls" / "truth.json").is_file(), reason="no realdata/calls in ../shared"
)

#: The share of stated values read right on each part, floors: the gates (reading/words/gates.py)
#: give up a few values a sentence leaves to more than one reading (a place within a part,
#: a part owned by another named) rather than risk a wrong one.
RIGHT_FLOOR = {"dev": 0.97, "held-out": 0.89, "all": 0.93}
#: truth.json's counts (its README): shares, growths, guidance directions of each part.
EXPECTED = {
    "dev": {"share": 27, "growth": 137, "guidance": 29},
    "held-out": {"share": 26, "growth": 122, "guidance": 28},
    "all": {"share": 53, "growth": 259, "guidance": 57},
}


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("truth_calls", REPO / "tools" / "truth_calls.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["truth_calls"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("part", ["dev", "held-out", "all"])
def test_the_calls_are_read_with_nothing_invented_and_the_stated_values_right(part: str):
    result = _scorer().score(SHARED, part)
    assert result.invented == []
    assert result.wrong_line == []
    assert dict(result.expected) == EXPECTED[part]
    assert result.rate >= RIGHT_FLOOR[part]
    assert all(result.right[kind] >= 0.8 * result.expected[kind] for kind in result.expected)


def test_a_value_on_a_trap_line_is_invented():
    scorer = _scorer()
    from catalyst_tui.reading.words import Stated

    sentence = "Gross margin was 39% of revenue."
    trap = {"kind": "none", "doc": "X.txt", "line": 1, "sentence": sentence}
    read = Stated("share", "Gross", 0.39, None, "", "", "", False, "", sentence, 0, len(sentence))
    result = scorer.Score()
    scorer._score_line(result, "X.txt", 1, [trap], [read])
    assert len(result.invented) == 1 and result.stated == 0 and result.wrong == 1


@pytest.mark.parametrize("trap_for", ["guidance", None])
def test_a_forecast_on_a_guidance_trap_is_neither_required_nor_penalised(trap_for):
    """The README: growths inside a guidance sentence are forecasts, neither required nor
    penalised. A trap labelled `trap_for: "guidance"` is such a sentence (guidance words, no
    direction); a forecast on any other trap, or an outcome on a guidance trap, is invented."""
    scorer = _scorer()
    from catalyst_tui.reading.words import Stated

    sentence = "We expect full-year revenue growth of around 9%."
    trap = {"kind": "none", "doc": "X.txt", "line": 1, "sentence": sentence}
    if trap_for:
        trap["trap_for"] = trap_for
    forecast = Stated("growth", "company", 0.09, None, "~", "", "", True, "", sentence, 0, 40)
    outcome = forecast._replace(forward=False)
    for read, invented in ((forecast, 0 if trap_for else 1), (outcome, 1)):
        result = scorer.Score()
        scorer._score_line(result, "X.txt", 1, [trap], [read])
        assert len(result.invented) == invented


def test_a_parts_figure_given_to_the_company_is_on_the_wrong_line():
    scorer = _scorer()
    from catalyst_tui.reading.words import COMPANY, Stated

    sentence = "Vacuum revenue was up 23%."
    entry = {
        "kind": "growth",
        "doc": "X.txt",
        "line": 1,
        "sentence": sentence,
        "subject": "Vacuum",
        "value": 23.0,
        "comparator": "=",
        "basis": None,
    }
    read = Stated("growth", COMPANY, 0.23, None, "", "", "", False, "", sentence, 0, 26)
    result = scorer.Score()
    scorer._score_line(result, "X.txt", 1, [entry], [read])
    assert len(result.wrong_line) == 1 and result.invented == [] and result.wrong == 1


def test_the_command_fails_on_a_value_invented():
    scorer = _scorer()
    assert scorer.main([str(SHARED), "--part", "dev"]) == 0
    assert scorer.main([str(SHARED), "--part", "nothing"]) == 2


def _entry(doc: str, line: int, sentence: str, kind: str, **said: object) -> dict[str, object]:
    blank = dict.fromkeys(("subject", "value", "comparator", "word", "basis", "direction"))
    return {**blank, "doc": doc, "line": line, "sentence": sentence, "kind": kind, **said}


def test_calls_kept_elsewhere_are_scored_from_their_folder_and_expectations(tmp_path, capsys):
    import json

    lines = ["Revenue grew 12% year over year.", "Gross margin was 39% of revenue."]
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "X_q1_2021.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    truth = [
        _entry(
            "X_q1_2021.txt",
            1,
            lines[0],
            "growth",
            subject="company",
            value=12.0,
            comparator="=",
            basis="yoy",
        ),
        _entry("X_q1_2021.txt", 2, lines[1], "none", subject="gross margin", why_none="margin"),
    ]
    (tmp_path / "truth.json").write_text(json.dumps(truth), encoding="utf-8")
    argv = ["--docs", str(docs), "--truth", str(tmp_path / "truth.json")]
    assert _scorer().main(argv) == 0
    assert (
        "words (truth.json): 1/1 stated values right (100.0%), 0 invented"
        in capsys.readouterr().out
    )

    truth[1] = _entry("X_q1_2021.txt", 1, lines[0], "none", subject="revenue", why_none="x")
    truth.pop(0)
    (tmp_path / "truth.json").write_text(json.dumps(truth), encoding="utf-8")
    assert _scorer().main(argv) == 1
    assert "INVENTED: growth X_q1_2021.txt:1" in capsys.readouterr().out


def test_a_call_is_scored_with_the_name_secs_map_gives_its_ticker(tmp_path):
    """The scorer reads each call with its ticker's name in SEC's map (samples/: "HELE" is
    "HELEN OF TROY LTD"), as the store reads a ticker's documents: "Helen of Troy grew revenues
    by 7.9%" is then the company's; with no name, a part's, on the wrong line."""
    import json

    scorer = _scorer()
    names = scorer.sec_names(SHARED)
    assert names["HELE"] == "HELEN OF TROY LTD"  # as the map itself says
    line = "Despite currency headwinds, Helen of Troy grew revenues by 7.9% for the full year."
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "HELE_20150428.txt").write_text(line + "\n", encoding="utf-8")
    truth = [
        _entry("HELE_20150428.txt", 1, line, "growth", subject="company", value=7.9, comparator="=")
    ]
    (tmp_path / "truth.json").write_text(json.dumps(truth), encoding="utf-8")
    named = scorer.score_files(docs, tmp_path / "truth.json", names=names)
    unnamed = scorer.score_files(docs, tmp_path / "truth.json")
    assert (sum(named.right.values()), len(named.wrong_line)) == (1, 0)
    assert (sum(unnamed.right.values()), len(unnamed.wrong_line)) == (0, 1)
    assert scorer.sec_names(tmp_path) == {}  # no map there: no names
    (tmp_path / "samples").mkdir()
    (tmp_path / "samples" / "sec_company_tickers.json").write_text("<html>", encoding="utf-8")
    assert scorer.sec_names(tmp_path) == {}  # a page that is no map: none, no traceback


def test_docs_and_truth_go_together(tmp_path, capsys):
    assert _scorer().main(["--docs", str(tmp_path)]) == 2
    assert "go together" in capsys.readouterr().err


def test_help_is_said_and_a_missing_folder_is_named_without_a_traceback(tmp_path, capsys):
    assert _scorer().main(["--help"]) == 0
    assert "--docs DOCS" in capsys.readouterr().out
    assert _scorer().main([str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert "nowhere" in err and "Traceback" not in err
    assert _scorer().main(["--docs", str(tmp_path), "--truth", "x.json", str(tmp_path)]) == 2
