"""`catalyst check` and `catalyst review` in the test's own process on a real database: a call's
notes brought with `catalyst evidence add` are read for the KPIs the file's conditions name, and
each KPI checkpoint's value is shown with its words and where they were read ("over 10% of revenue,
ALAB text of 2025-11-04"); a word metric's value and threshold are its words."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.support.cli_inline import on_files

THESIS = """
[settings]
providers = ["yahoo"]

[tickers.ALAB]
name = "Astera Labs"
[[tickers.ALAB.checkpoints]]
id = "scorpio-20"
title = "Scorpio reaches a fifth of revenue"
kind = "target"
when = "share(Scorpio) >= 20%"
due = 2099-12-31
[[tickers.ALAB.checkpoints]]
id = "scorpio-10"
title = "Scorpio above a tenth of revenue"
kind = "guard"
when = "share(Scorpio) > 10%"
[[tickers.ALAB.checkpoints]]
id = "guide"
title = "Guidance never cut"
kind = "guard"
when = 'guidance != "cut"'
"""
# The founding thesis's sentence, as management said it on the Q3 2025 call.
CALL = (
    "Astera Labs Q3 2025 results.\n\nScorpio was over 10% of total revenue, with a Q4 exit "
    "rate closer to 20%. The company raised its full-year guidance.\n"
)


def cli(workdir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return on_files(workdir, *args, env={"COLUMNS": "250"})


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    workdir = tmp_path_factory.mktemp("kpi")
    (workdir / "catalysts.toml").write_text(THESIS)
    (workdir / "q3-call.txt").write_text(CALL)
    added = cli(workdir, "evidence", "add", "ALAB", "q3-call.txt", "--date", "2025-11-04")
    assert added.returncode == 0, added.stderr
    return workdir


def test_check_shows_a_kpis_value_with_its_words(workdir: Path):
    result = cli(workdir, "check")
    assert result.returncode == 0, result.stderr
    scorpio = next(line for line in result.stdout.splitlines() if "ALAB/scorpio-20" in line)
    # "over 10%" is the share (the Q4 exit rate is not the quarter's share): more than 10%
    # may or may not be 20%, so the target stays pending and says the words leave it open.
    assert "pending" in scorpio
    assert scorpio.rstrip().endswith(
        "Scorpio's share of revenue: over 10% of revenue (ALAB text of 2025-11-04) does not say "
        "whether it is >= 20%"
    )
    # ... and it is more than 10%: a guard `> 10%` holds on it (10.0 > 10 would not).
    tenth = next(line for line in result.stdout.splitlines() if "ALAB/scorpio-10" in line)
    assert "holding" in tenth
    assert tenth.rstrip().endswith(
        "share 10.0% > 10% (over 10% of revenue, ALAB text of 2025-11-04)"
    )
    guide = next(line for line in result.stdout.splitlines() if "ALAB/guide" in line)
    assert "holding" in guide and 'raised vs != "cut"' in guide
    assert guide.rstrip().endswith('guidance raised != "cut" (raised, ALAB text of 2025-11-04)')


def test_check_json_gives_the_reason_in_words(workdir: Path):
    result = cli(workdir, "check", "--json")
    assert result.returncode == 0, result.stderr
    by_id = {c["id"]: c for c in json.loads(result.stdout)}
    assert by_id["scorpio-20"]["value"] is None  # "over 10%" states no share to judge 20% by
    assert by_id["scorpio-20"]["reason"] == (
        "Scorpio's share of revenue: over 10% of revenue (ALAB text of 2025-11-04) does not say "
        "whether it is >= 20%"
    )
    assert by_id["scorpio-10"]["value"] == 0.10  # "over 10%"
    assert by_id["scorpio-10"]["status"] == "met"
    assert by_id["guide"]["status"] == "met"
    # a word metric's value and threshold are its words, never their index in its words
    assert (by_id["guide"]["value"], by_id["guide"]["threshold"]) == ("raised", "cut")
    assert (by_id["scorpio-20"]["threshold"], by_id["scorpio-20"]["condition"]) == (
        0.2,
        "share(Scorpio) >= 20%",
    )
    assert by_id["guide"]["reason"] == 'guidance raised != "cut" (raised, ALAB text of 2025-11-04)'


def test_review_gives_a_kpis_value_with_its_words(workdir: Path):
    result = cli(workdir, "review", "ALAB")
    assert result.returncode == 0, result.stderr
    assert (
        "to judge: Scorpio reaches a fifth of revenue (over 10% of revenue, ALAB text of "
        "2025-11-04)"
    ) in result.stdout


def test_review_json_gives_a_kpis_words_and_the_guidance_word(workdir: Path):
    result = cli(workdir, "review", "ALAB", "--json")
    assert result.returncode == 0, result.stderr
    [alab] = json.loads(result.stdout)["tickers"]
    reasons = {r["checkpoint"]: r for r in alab["reasons"] + alab["remaining"]}
    assert reasons["scorpio-20"]["said"] == "over 10% of revenue, ALAB text of 2025-11-04"
    assert reasons["scorpio-20"]["value"] is None  # the words leave >= 20% open
