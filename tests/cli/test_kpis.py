"""`catalyst kpis` (in process, on a real database whose KPIs were read from the sentences
below): each ticker's series as a table, each value as its sentence says it, the sentence beside
it and nothing of a document's escape sequences; `--json` with each value as the sentence states
it; one ticker, an unknown one refused; and why there is none."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from catalyst_tui.cli import main

from ..support.kpi_data import ALAB_CALL, Said, alab_q3, database_of_kpis

THESIS = """
[tickers.ALAB]
name = "Astera Labs"

[tickers.NVDA]
name = "NVIDIA"

[tickers.CRDO]
name = "Credo"
"""
NOW = dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC)
ALAB_Q3 = alab_q3("Astera Labs Q3\x1b]0;owned\x07 results")  # a title that would command
# NVIDIA's: "grew 17% sequentially"; and its guidance "raised".
NVDA_Q = Said(
    "https://example.com/nvda",
    "Blackwell Data Center revenue grew 17% sequentially.\x1b[2J The company raised its "
    "full-year guidance.",
    dt.datetime(2025, 11, 19, 21, 20, tzinfo=dt.UTC),
)


@pytest.fixture
def where(tmp_path) -> list[str]:
    documents = {"ALAB": (["Scorpio"], [ALAB_Q3, ALAB_CALL]), "NVDA": (["Blackwell"], [NVDA_Q])}
    return database_of_kpis(tmp_path, THESIS, NOW, documents)


def kpis(capsys, where: list[str], *args: str) -> str:
    assert main(["kpis", *args, *where]) == 0
    return capsys.readouterr().out


def test_the_table_says_each_value_as_its_sentence_does(capsys, monkeypatch, where):
    monkeypatch.setenv("COLUMNS", "160")
    out = kpis(capsys, where)
    lines = out.splitlines()
    assert lines[0] == "ALAB: 3 KPI values read from words"
    assert lines[1].split() == ["ID", "Series", "Date", "Value", "Form", "Sentence"]
    assert lines[2].split("  ")[1].strip() == "Scorpio · share of revenue"
    assert "2026-02-10  over 20%, forecast" in lines[2]
    assert "Scorpio is expected to exceed 20% of revenue in 2026." in lines[2]
    assert "2025-11-04  over 10%" in lines[3]
    assert "2025-11-04  closer to 20% (Q4 exit rate)" in lines[4]
    assert "NVDA: 2 KPI values read from words" in out
    assert "Blackwell · growth" in out and "+17% sequentially" in out
    assert "Guidance" in out and "raised" in out
    assert "CRDO" not in out  # no KPI: not listed
    assert "\x1b" not in out


def test_one_ticker_and_an_unknown_one(capsys, where):
    out = kpis(capsys, where, "nvda")
    assert "NVDA: 2 KPI values" in out and "ALAB" not in out
    assert main(["kpis", "NVDX", *where]) == 2
    assert "no ticker NVDX in the database" in capsys.readouterr().err


def test_json_gives_each_value_with_its_sentence_and_document(capsys, where):
    raw = kpis(capsys, where, "--json")
    points = json.loads(raw)
    alab = [p for p in points if p["symbol"] == "ALAB"]
    # "over 10% of total revenue": 0.10, the word "over" kept; oldest first.
    assert alab[0] == {
        "id": alab[0]["id"],  # what `catalyst kpis accept|dismiss` take
        "symbol": "ALAB",
        "kind": "share",
        "subject": "Scorpio",
        "value": 0.10,
        "high": None,
        "comparison": "over",
        "basis": "",
        "of": None,  # of the company's revenue
        "forward": False,
        "said": "over 10%",
        "day": "2025-11-04",
        "form": "8-K EX-99.1",
        "title": "Astera Labs Q3\x1b]0;owned\x07 results",  # as stored; JSON escapes it
        "url": "https://example.com/alab-q3",
        "sentence": ALAB_Q3.text,
        "start": 0,
        "end": len(ALAB_Q3.text),
        "decision": None,  # no word of yours yet
        "awaiting": False,  # no kill criterion waits on it
    }
    assert len({p["id"] for p in points}) == len(points)
    # "with a Q4 exit rate closer to 20%"; "expected to exceed 20%": a forecast.
    assert [(p["value"], p["comparison"], p["basis"], p["forward"]) for p in alab[1:]] == [
        (0.20, "closer to", "Q4 exit rate", False),
        (0.20, "over", "", True),
    ]
    assert [p["said"] for p in alab[1:]] == ["closer to 20% (Q4 exit rate)", "over 20%, forecast"]
    nvda = [(p["kind"], p["subject"], p["value"], p["basis"]) for p in points[3:]]
    # "grew 17% sequentially"; "raised its full-year guidance"
    assert nvda == [("growth", "Blackwell", 0.17, "sequential"), ("guidance", "", None, "raised")]
    assert "\x1b" not in raw  # written \u001b


def test_without_kpis_it_says_why(capsys, where):
    out = kpis(capsys, where, "CRDO")
    assert out == (
        "no KPI read from words for CRDO: no condition names a KPI: write one such as "
        "share(Scorpio) >= 20% (docs/config.md)\n"
    )
    assert json.loads(kpis(capsys, where, "CRDO", "--json")) == []
