"""No reason in `check`, `report` or `changes` contradicts its own comparison, and every figure
has its unit, as a user met them: a hand-written thesis whose guards sit a hair from their
thresholds (a gross margin of 19.996% against 20%, revenue of $3.4075B against 3408900000 written
raw, a net margin of -15.455% against -15.46%) once SEC's figures are stored, and the bundled
example's weight cap, of a portfolio in dollars. The law over every value and threshold is
tests/thesis/test_compared.py's; here the figures are SEC's own companyfacts shape, read through
the refresh's code (derive_facts, save_facts) and printed by the commands themselves."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from catalyst_tui.config import load_config
from catalyst_tui.market.sec.facts import derive_facts
from catalyst_tui.store import Store
from tests.support import cli_inline
from tests.support.demo_data import demo_database
from tests.support.releases import AlabQuarter, alab_companyfacts

THESIS = """
[tickers.ABC]
name = "ABC Corp"

[[tickers.ABC.checkpoints]]
id = "gm-floor"
title = "Gross margin at 20% or more"
kind = "guard"
when = "gross_margin >= 20%"

[[tickers.ABC.checkpoints]]
id = "loss-cap"
title = "Net margin no worse than -15.46%"
kind = "guard"
when = "net_margin >= -15.46%"

[[tickers.ABC.checkpoints]]
id = "revenue-floor"
title = "Quarterly revenue at least 3,408,900,000"
kind = "guard"
when = "revenue_q >= 3408900000"

[[tickers.ABC.checkpoints]]
id = "fy-target"
title = "Fiscal-year revenue of $14B"
kind = "target"
when = "revenue_fy >= 14B"
due = 2027-03-31
"""
REVENUE = 3_407_500_000.0
QUARTER = AlabQuarter(
    end=dt.date(2025, 6, 30),
    revenue=REVENUE,
    cost_of_revenue=REVENUE - 681_363_700,  # gross profit 19.996% of revenue
    operating_expenses=1_200_000_000,
    net_income=-526_629_125,  # -15.455% of revenue
    eps_diluted=-0.5,
    eps_nongaap=0.1,
)
FILED = dt.date(2025, 8, 5)


def markdown(text: str) -> str:
    return text.replace("_", "\\_").replace("<", "\\<").replace(">", "\\>")


def thesis_with_sec_figures(workdir: Path) -> None:
    (workdir / "catalysts.toml").write_text(THESIS, encoding="utf-8")
    config = load_config(workdir / "catalysts.toml")
    with Store.open(workdir / "c.db") as store:
        store.sync.apply(config)
        body = alab_companyfacts([QUARTER], {QUARTER.end: FILED})
        now = dt.datetime(2025, 8, 6, tzinfo=dt.UTC)
        store.market.save_facts("ABC", derive_facts(body), now)


def test_check_and_report_say_each_comparison_as_it_came_out(tmp_path: Path):
    thesis_with_sec_figures(tmp_path)
    done = cli_inline.on_files(tmp_path, "check", env={"COLUMNS": "250"})
    assert done.returncode == 1, done.stderr  # two guards missed, not yet acknowledged
    # 681,363,700 / 3,407,500,000 = 0.19996; -526,629,125 / 3,407,500,000 = -0.15455, which as
    # a float is -0.154549999..., so -15.45% at two places.
    said = {
        "gm-floor": ("19.996% vs >= 20%", "gross_margin 19.996% < 20%"),
        "loss-cap": ("-15.45% vs >= -15.46%", "net_margin -15.45% >= -15.46%"),
        "revenue-floor": ("$3.408B vs >= $3.4089B", "revenue_q $3.408B < $3.4089B"),
    }
    lines = {line.split()[0]: line for line in done.stdout.splitlines() if line.startswith("ABC/")}
    for ident, (column, reason) in said.items():
        assert column in lines[f"ABC/{ident}"], lines[f"ABC/{ident}"]
        assert f"{reason} (quarter ended 2025-06-30, filed 2025-08-05)" in lines[f"ABC/{ident}"]
    # No figure beside a threshold lost its unit: the target's reads in dollars.
    assert "— vs >= $14B" in lines["ABC/fy-target"]
    report = cli_inline.on_files(tmp_path, "report", "ABC")
    assert report.returncode == 0, report.stderr
    for _, reason in said.values():  # in Markdown, its _ < > escaped
        assert markdown(reason) in report.stdout
    # The verdict's reasons give the value with the same digits: not "gross_margin 20.0%" for
    # a guard of 20% not holding.
    assert markdown("guard not holding: Gross margin at 20% or more (gross_margin 19.996%)") in (
        report.stdout
    )
    assert markdown("(revenue_q $3.408B)") in report.stdout
    # The JSON keeps the numbers themselves, not their words.
    [gm] = [
        c
        for c in json.loads(cli_inline.on_files(tmp_path, "check", "--json").stdout)
        if c["id"] == "gm-floor"
    ]
    assert (gm["value"], gm["threshold"]) == (681_363_700 / REVENUE, 0.2)


def test_changes_say_a_transition_with_its_digits(tmp_path: Path):
    thesis_with_sec_figures(tmp_path)
    assert cli_inline.on_files(tmp_path, "check").returncode == 1
    done = cli_inline.on_files(tmp_path, "changes", "--since", "2000-01-01", env={"COLUMNS": "200"})
    assert done.returncode == 0, done.stderr
    assert "gross_margin 19.996% < 20% (quarter ended 2025-06-30)" in done.stdout
    assert "revenue_q $3.408B < $3.4089B (quarter ended 2025-06-30)" in done.stdout


def test_a_weight_names_the_money_of_its_portfolio(tmp_path: Path):
    """The bundled example's weight cap, on the demo's data: 7,451.60 of 32,708.80 dollars."""
    config, store = demo_database(tmp_path)
    store.close()
    assert config.path is not None
    where = ("--config", str(config.path), "--db", str(tmp_path / "demo.db"))
    done = cli_inline.run("check", *where, env={"COLUMNS": "250"})
    [line] = [line for line in done.stdout.splitlines() if "position-weight-cap" in line]
    assert "weight 22.8% > 15% (of a 32,709 USD portfolio)" in line
    assert "22.8% vs <= 15%" in line
    [line] = [line for line in done.stdout.splitlines() if "forward-pe-ceiling" in line]
    assert "51.4x vs <= 200x" in line and "forward_pe 51.4x <= 200x" in line
