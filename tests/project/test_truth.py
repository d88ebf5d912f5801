"""`make truth` in-process: every reader over every real file of its kind in ../shared, every law
holding (tools/truth.py); and the laws themselves failing on figures that break them."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from catalyst_tui.reading.brokers.export import Trade
from catalyst_tui.reading.xbrl import AxisRevenue, Line, Segments
from tests.support.shared import REPO, SHARED, missing

pytestmark = pytest.mark.skipif(missing() is not None, reason=missing() or "")


def _truth() -> ModuleType:
    spec = importlib.util.spec_from_file_location("truth", REPO / "tools" / "truth.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["truth"] = module
    spec.loader.exec_module(module)
    return module


truth = _truth()


@pytest.fixture(scope="module")
def results() -> list:
    """Every reader over every real file, once for the module (tens of seconds): the laws' test
    and the command's read it, and `make test` keeps the two on one worker (their group)."""
    return truth.run(SHARED)


@pytest.mark.xdist_group("truth")
def test_every_real_file_of_every_kind_obeys_its_laws(results: list):
    broken = {str(c.path.relative_to(SHARED)): c.broken for c in results if c.broken}
    assert broken == {}
    kinds = Counter(c.kind for c in results)
    # what ../shared holds today (the READMEs count them): each reader ran over all of them
    assert kinds["release"] >= 67 and kinds["xbrl"] >= 10 and kinds["broker"] >= 7
    assert kinds["chart"] >= 48 and kinds["quote"] >= 218 and kinds["calendar"] >= 29
    assert kinds["feed"] >= 3 and kinds["kpi"] >= 70
    # and they gave figures: the releases read, the quotes quoted, the charts' bars
    assert sum(c.said.endswith("figures") for c in results if c.kind == "release") >= 55
    assert all(c.said for c in results)
    # DEGIRO's three sales of positions bought before its export are left out, never imported
    (degiro,) = [c for c in results if c.path.name == "degiro-export.csv"]
    assert degiro.said.endswith("left out (bought before the export): line 29, 39, 56")


AAPL = "press_releases/AAPL_0000320193-24-000120_a8-kex991q4202409282024.htm"
CHART = "realdata/yahoo_chart/chart-AAPL-2020-01-01-to-2020-01-03.json"


@pytest.mark.xdist_group("truth")
def test_the_report_prints_a_line_a_file_and_exits_0(capsys, results: list):
    """What `make truth` prints of every real file, from the module's one run over them."""
    assert truth.report(results, SHARED) == 0
    out = capsys.readouterr().out.splitlines()
    aapl = f"release   {AAPL}"
    assert f"{aapl}: 2024-09-28 quarter 6/6 figures" in out
    files = len(results)
    assert out[files].startswith("truth: ") and out[files].endswith("0 broke a law")
    # then the reader of words on the calls read by hand (tools/truth_calls.py): per kind, the
    # whole set, then its two parts
    calls = out[files + 1 :]
    assert [line.split()[1] for line in calls] == ["share", "growth", "guidance"] + ["words"] * 3
    # truth.json's counts (its README): 53 shares, 259 growths, 57 guidance directions
    assert [line.split("/")[1].split()[0] for line in calls[:3]] == ["53", "259", "57"]
    assert [line.split()[2] for line in calls[3:]] == ["(all):", "(dev):", "(held-out):"]
    assert all(line.endswith(", 0 invented, 0 on the wrong line") for line in calls)


def test_the_command_reads_the_folder_it_is_given_and_reports_it(tmp_path, capsys):
    """The command's wiring, on a folder of a few real files (links to them, read in place)."""
    for folder in ("realdata/xbrl", "realdata/brokers", "realdata/yahoo_chart", "samples"):
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / "press_releases").mkdir()
    for name in (AAPL, CHART):
        (tmp_path / name).symlink_to(SHARED / name)
    (tmp_path / "realdata" / "calls").symlink_to(SHARED / "realdata" / "calls")
    assert truth.main([str(tmp_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    # the chart asks from 2020-01-01 to 2020-01-03 00:00 UTC (its period1 and period2): one
    # session, January 2 (the first is a holiday); the release is read by the KPI reader too
    assert out[:4] == [
        f"release   {AAPL}: 2024-09-28 quarter 6/6 figures",
        f"chart     {CHART}: 1 bars",
        f"kpi       {AAPL}: none",
        "truth: 3 files (1 release, 1 chart, 1 kpi); 0 broke a law",
    ]
    assert [line.split()[1] for line in out[4:]] == ["share"] + ["growth", "guidance"] + [
        "words"
    ] * 3


def test_a_file_that_broke_a_law_is_said_and_the_report_exits_1(tmp_path, capsys):
    (tmp_path / "realdata").symlink_to(SHARED / "realdata")
    broke = truth.Checked("chart", tmp_path / "x.json", "2 bars", ["days out of order"])
    assert truth.report([broke], tmp_path) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[:3] == [
        "chart     x.json: 2 bars",
        "            BROKEN: days out of order",
        "truth: 1 files (1 chart); 1 broke a law",
    ]


def test_a_missing_folder_is_exit_2(tmp_path, capsys):
    assert truth.main([str(tmp_path / "nowhere")]) == 2
    assert "no recorded data" in capsys.readouterr().err


DAY = dt.date(2025, 1, 2)


def trade(line: int, side: str, shares: float, symbol: str = "X") -> Trade:
    return Trade(line, symbol, side, DAY + dt.timedelta(days=line), shares, 10.0)


def test_a_sale_beyond_the_buys_is_oversold_and_one_within_is_not():
    # bought 3, sold 2 (1 left), sold 2: the second sale is beyond what was bought
    trades = [trade(1, "buy", 3), trade(2, "sell", 2), trade(3, "sell", 2), trade(4, "buy", 1)]
    assert truth._oversold(trades) == {3}
    assert truth._oversold([trade(1, "buy", 3), trade(2, "sell", 3)]) == set()
    cancelled = trade(1, "buy", 3)._replace(ref="A")
    cancel = trade(2, "buy", 3)._replace(ref="A", cancel=True)
    assert truth._oversold([cancelled, cancel, trade(3, "sell", 1)]) == {3}


def segments(total: int, lines: dict[str, int]) -> Segments:
    members = tuple(Line(f"x:{name}", name, value) for name, value in lines.items())
    axis = AxisRevenue("us-gaap:StatementBusinessSegmentsAxis", members)
    return Segments(DAY, DAY, "10-Q", "USD", total, (axis,), None)


def test_the_xbrl_laws_fail_on_a_line_over_its_total_and_segments_not_summing_to_it():
    assert truth._xbrl_laws(segments(100, {"A": 60, "B": 40})) == []
    assert truth._xbrl_laws(segments(100, {"A": 60, "B": 30})) == [
        "segments sum to 90, the total is 100"
    ]
    broken = truth._xbrl_laws(segments(100, {"A": 120, "B": -20}))
    assert broken == ["x:A 120 exceeds the total 100"]


def test_the_release_law_names_a_period_end_other_than_the_one_the_text_reports(tmp_path):
    """A hand-built release whose text reports the quarter ended March 31, 2025: read right,
    it obeys the law; the harness compares the period end read with the text's."""
    folder = tmp_path / "press_releases"
    folder.mkdir()
    table = (
        "<table><tr><td></td><td>Three Months Ended March 31, 2025</td></tr>"
        "<tr><td>Total revenue</td><td>1,000</td></tr><tr><td>Net income</td><td>100</td></tr>"
        "</table>"
    )
    text = "<p>Example Corp. reports results for its first quarter ended March 31, 2025.</p>"
    html = f"<html><body>{text}<p>Statements of Operations (in millions)</p>{table}</body></html>"
    (folder / "X.htm").write_text(html)
    (tmp_path / "realdata" / "more").mkdir(parents=True)
    (checked,) = truth.releases(tmp_path)
    assert checked.said.startswith("2025-03-31") and checked.broken == []


def test_the_kpi_laws_fail_on_a_value_its_sentence_does_not_write_or_negates():
    text = "Scorpio was over 10% of total revenue. Scorpio did not grow 5% sequentially."
    share = truth.read_kpis(text, ["Scorpio"])[0]
    assert truth._kpi_laws(text, share) == []
    assert truth._kpi_laws(text, share._replace(value=0.12)) == [
        "12% is not written in 'Scorpio was over 10% of total revenue.'"
    ]
    assert truth._kpi_laws(text, share._replace(high=0.08)) == [
        "8% is not written in 'Scorpio was over 10% of total revenue.'",
        "a share of 0.1 to 0.08",
    ]
    negated = share._replace(sentence=text[39:], start=39, end=len(text), value=0.05)
    assert truth._kpi_laws(text, negated) == [
        "read from a negated sentence: 'Scorpio did not grow 5% sequentially.'"
    ]
    assert truth._kpi_laws(text, share._replace(start=1)) == [
        "its sentence is not the text at its offsets"
    ]


def test_the_docs_name_what_make_truth_runs():
    docs = (REPO / "docs" / "market-data.md").read_text()
    assert "make truth" in docs and "tools/truth.py" in docs
    makefile = (REPO / "Makefile").read_text()
    assert "truth:" in makefile and "tools/truth.py" in makefile
    assert "make truth" in (REPO / ".ci" / "run").read_text()


def test_the_harness_reads_the_shared_folder_it_is_given(tmp_path):
    assert Path(str(truth.__file__)).parent.name == "tools"
    empty = tmp_path / "shared"
    for folder in ("realdata/xbrl", "realdata/brokers", "realdata/yahoo_chart", "samples"):
        (empty / folder).mkdir(parents=True)
    (empty / "press_releases").mkdir()
    assert truth.run(empty) == []
