"""`catalyst report SYMBOL`'s KPIs section (in process, on a real database whose KPIs were read
from the sentences below): each series' newest outcome and newest forecast as the sentence says
it, dated, with its document, the sentence quoted and the link; in Markdown and in HTML, a
document's words escaped; a ticker without KPIs has no such section."""

from __future__ import annotations

import datetime as dt

import pytest

from catalyst_tui.cli import main

from ..support.kpi_data import ALAB_CALL, Said, alab_q3, database_of_kpis

THESIS = """
[tickers.ALAB]
name = "Astera Labs"

[tickers.CRDO]
name = "Credo"
"""
NOW = dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC)
# Q2 (5 August): "approximately 5%". Q3 (4 November): "over 10%" first, then "closer to 20%".
Q2 = Said(
    "https://example.com/q2",
    "Scorpio was approximately 5% of total revenue.",
    dt.datetime(2025, 8, 5, 20, 5, tzinfo=dt.UTC),
    title="Q2 results",
)
Q3 = alab_q3("Q3 results <script>alert(1)</script>\x1b]0;owned\x07")  # markup and a command


@pytest.fixture
def where(tmp_path) -> list[str]:
    return database_of_kpis(tmp_path, THESIS, NOW, {"ALAB": (["Scorpio"], [Q2, Q3, ALAB_CALL])})


def report(capsys, where: list[str], *args: str) -> str:
    assert main(["report", *args, *where]) == 0
    return capsys.readouterr().out


def test_the_markdown_gives_each_series_newest_outcome_and_forecast(capsys, where):
    text = report(capsys, where, "ALAB")
    section = text[text.index("## KPIs") : text.index("## Position")]
    assert section.splitlines()[4:] == [
        "- **Scorpio · share of revenue**",
        # Q3's release states "over 10%" first: the newest outcome (not Q2's 5%)
        r"  - outcome: over 10%, stated 2025-11-04 in 8-K EX-99.1: Q3 results \<script\>alert(1)"
        r"\</script\>",
        "    > Scorpio was over 10% of total revenue, with a Q4 exit rate closer to 20%.",
        "    https://example.com/alab-q3",
        "  - forecast: over 20%, forecast, stated 2026-02-10 in document: Q4 call",
        "    > Scorpio is expected to exceed 20% of revenue in 2026.",
        "    https://example.com/alab-call",
        "",
    ]
    assert "\x1b" not in text and "\x07" not in text


def test_the_html_gives_the_same_escaped(capsys, where):
    page = report(capsys, where, "ALAB", "--format", "html")
    section = page[page.index("<h2>KPIs</h2>") : page.index("<h2>Position</h2>")]
    assert "<strong>Scorpio · share of revenue</strong>" in section
    assert (
        "<li>outcome: over 10%, stated 2025-11-04 in 8-K EX-99.1: Q3 results "
        "&lt;script&gt;alert(1)&lt;/script&gt;<blockquote>" in section
    )
    assert "<li>forecast: over 20%, forecast, stated 2026-02-10 in document: Q4 call" in section
    assert (
        "<blockquote>Scorpio is expected to exceed 20% of revenue in 2026.</blockquote>" in section
    )
    assert "<script>" not in page and "\x1b" not in page


def test_a_ticker_without_kpis_has_no_such_section(capsys, where):
    assert "KPIs" not in report(capsys, where, "CRDO")
