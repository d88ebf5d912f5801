"""`catalyst report SYMBOL`'s KPIs section (in process, on a real database whose KPIs were read
from the sentences below): each series' newest outcome and newest forecast as the sentence says
it, dated, with its document, the sentence quoted and the link; in Markdown and in HTML, a
document's words escaped; a ticker without KPIs has no such section."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from catalyst_tui.cli import main
from tests.support.cli_inline import on_files

from ..support.kpi_data import ALAB_CALL, Said, alab_q3, database_of_kpis
from ..support.shared import PRESS_RELEASES

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


# NVIDIA's release for the second quarter of fiscal 2026: "Data Center revenue of $41.1 billion,
# up 5% from Q1 and up 56% from a year ago" and "NVIDIA's Blackwell Data Center revenue grew
# 17% sequentially" (Blackwell's, within Data Center).
NVDA_RELEASE = PRESS_RELEASES / "NVDA_0001045810-25-000207_q2fy26pr.htm"
NVDA_THESIS = """
[settings]
providers = ["yahoo"]

[tickers.NVDA]
name = "NVIDIA"
[[tickers.NVDA.checkpoints]]
id = "dc-growth"
title = "Data Center keeps growing a tenth a quarter"
kind = "guard"
when = "growth(Data Center) >= 10%"
[[tickers.NVDA.checkpoints]]
id = "revenue-growth"
title = "The company keeps growing"
kind = "guard"
when = "growth(revenue) >= 5%"
"""


def cli(workdir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return on_files(workdir, *args, env={"COLUMNS": "250"})


@pytest.mark.skipif(not NVDA_RELEASE.is_file(), reason="no NVIDIA release in ../shared")
def test_nvidias_data_center_is_judged_on_its_own_growth_everywhere(tmp_path: Path):
    (tmp_path / "catalysts.toml").write_text(NVDA_THESIS)
    added = cli(tmp_path, "evidence", "add", "NVDA", str(NVDA_RELEASE))
    assert added.returncode == 0, added.stderr
    checked = cli(tmp_path, "check")
    line = next(x for x in checked.stdout.splitlines() if "NVDA/dc-growth" in x)
    # judged on Data Center's own +5% (the first it states), never Blackwell's +17%
    assert "growth 5.0% < 10% (+5% sequentially" in line and "17" not in line
    # "•Revenue of $46.7 billion, up 6% from Q1 and up 56% from a year ago": the company's own
    company = next(x for x in checked.stdout.splitlines() if "NVDA/revenue-growth" in x)
    assert "growth 6.0% >= 5% (+6% sequentially" in company
    page = cli(tmp_path, "report", "NVDA")
    assert page.returncode == 0, page.stderr
    table = page.stdout[: page.stdout.index("## KPIs")]
    kpis = page.stdout[page.stdout.index("## KPIs") :]
    row = next(x for x in table.splitlines() if x.startswith("| Data Center keeps"))
    assert "| missed | growth 5.0% \\< 10% (+5% sequentially" in row and "17" not in row
    outcome = next(x for x in kpis.splitlines() if "outcome:" in x)
    assert outcome.startswith("  - outcome: +5% sequentially")
    assert "17%" not in kpis.split("Data Center · growth")[1].split("- **")[0]
