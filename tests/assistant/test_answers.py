"""What the tools answer, read in this process on the demo's database opened read-only, each
figure against what the data itself says: the Q3 release's figures as the demo printed them and
its 8-K's accession; the guide the Q2 release gave; a reported value cited by the filing that
stated it (its accession from SEC's values as each filing stated them); a KPI with its sentence
and document; a passage quoted apart from every sentence of the server's own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from catalyst_tui.assistant.call import Call
from catalyst_tui.assistant.paging import page
from catalyst_tui.assistant.tools import TOOLS
from catalyst_tui.config import load_config
from catalyst_tui.market.models import FiledValue
from catalyst_tui.store import Store

from ..support.demo_data import ALAB_CIK, ALAB_RELEASES, DEMO_NOW
from ..support.kpi_data import alab_q3
from .conftest import PASSAGE, Served


def answer(served: Served, tool: str, **args: object) -> dict:
    config = load_config(served.config)
    with Store.read_only(served.db) as store:
        call = Call(store, config, DEMO_NOW, dt.UTC)
        return page(tool, TOOLS[tool].answer(call, dict(args)), None)


def test_the_last_results_against_the_guide_and_the_street(demo: Served):
    q3, filed, _guide = ALAB_RELEASES[-1]
    newest = answer(demo, "results", symbol="ALAB")["items"][0]
    assert newest["period_end"] == q3.end.isoformat() and newest["quarter"] == "Q3 FY26"
    assert newest["figures"]["revenue"]["value"] == q3.revenue
    assert newest["figures"]["eps_diluted"]["value"] == q3.eps_diluted
    assert newest["source"]["filed"] == filed.isoformat()
    assert newest["source"]["accession"] == "0001736297-26-000003"
    assert newest["source"]["dateline"].startswith("2026-11-03T16:05")  # SEC accepted it then
    low, high = ALAB_RELEASES[1][2]  # the guide Q2's release gave for Q3
    assert (newest["guide"]["low"], newest["guide"]["high"]) == (low, high)
    assert newest["guide"]["source"]["filed"] == ALAB_RELEASES[1][1].isoformat()
    assert newest["vs_guide_midpoint"] == q3.revenue / ((low + high) / 2) - 1


def test_a_reported_value_cites_the_filing_that_stated_it(demo: Served):
    with Store.open(demo.db) as store:
        store.as_filed.save(
            "ALAB",
            [
                FiledValue(
                    "us-gaap",
                    "GrossProfit",
                    "USD",
                    dt.date(2026, 7, 1),
                    dt.date(2026, 9, 30),
                    286_765_000.0,
                    "10-Q",
                    dt.date(2026, 11, 4),
                    "0001736297-26-000030",
                )
            ],
        )
    checkpoints = answer(demo, "thesis", symbol="ALAB")["items"]
    margin = next(c for c in checkpoints if c["id"] == "gross-margin-floor")
    [filing] = margin["value"]["sources"]
    assert filing["form"] == "10-Q" and filing["accession"] == "0001736297-26-000030"
    assert filing["filed"] == "2026-11-04" and filing["period_end"] == "2026-09-30"
    folder = f"{int(ALAB_CIK)}/000173629726000030/0001736297-26-000030-index.html"
    assert filing["url"] == f"https://www.sec.gov/Archives/edgar/data/{folder}"


def test_a_kpi_is_cited_by_its_sentence_and_document(demo: Served):
    said = alab_q3("Q3 results")
    points = answer(demo, "kpis", symbol="ALAB")["items"]
    share = [p for p in points if p["kind"] == "share" and p["subject"] == "Scorpio"]
    assert share and {p["source"]["sentence"]["third_party_text"] for p in share} == {said.text}
    outcome = next(p for p in share if p["outcome_or_forecast"] == "outcome")
    assert outcome["value"] == 0.10 and outcome["as_said"].startswith("over 10%")
    assert outcome["source"]["document"]["url"] == said.key
    assert outcome["source"]["document"]["title"] == {"third_party_text": "Q3 results"}


def test_document_text_is_quoted_apart_never_in_the_servers_words(demo: Served):
    every = [answer(demo, name, **args) for name, args in _ASKED]
    quoted: list[str] = []
    own: list[str] = []
    _split(every, quoted, own)
    assert PASSAGE in quoted
    assert not [text for text in own if PASSAGE in text or "Scorpio was over 10%" in text]


_ASKED: tuple[tuple[str, dict[str, object]], ...] = (
    ("evidence", {}),
    ("kpis", {}),
    ("thesis", {"symbol": "ALAB"}),
    ("changes", {"since": dt.date(2026, 1, 1)}),
)


def _split(value: object, quoted: list[str], own: list[str]) -> None:
    """Every string of an answer: quoted (under third_party_text) or the server's own."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "third_party_text":
                quoted.append(item)
            else:
                _split(item, quoted, own)
    elif isinstance(value, list):
        for item in value:
            _split(item, quoted, own)
    elif isinstance(value, str):
        own.append(value)


def test_a_path_is_never_in_an_answer(demo: Served, tmp_path: Path):
    text = str(answer(demo, "watchlist"))
    assert str(demo.db) not in text and str(demo.config) not in text
