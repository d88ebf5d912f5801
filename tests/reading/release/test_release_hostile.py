"""The release reader against hostile input (issue 32, classes 1-5): a sentence that denies or
attributes a figure is no guidance, a period that cannot be is no quarter, two statements that
disagree give no figure, numbers beyond sense are never kept (and JSON stays strict), and the work
grows in line with the document, counted in calls rather than timed.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from datetime import date

import pytest

from catalyst_tui.cli.output.results import results_json
from catalyst_tui.reading.release.reader import read_release
from catalyst_tui.reading.release.records import (
    Gap,
    Guidance,
    GuidancePeriod,
    NotRead,
    ReleaseFigures,
    ReleaseResults,
    to_json,
)
from catalyst_tui.thesis.reported.results import Check, Difference, Release
from catalyst_tui.views.results import ResultRow

HEADER = (
    "<tr><td></td><td colspan=2>Three Months Ended</td></tr>"
    "<tr><td></td><td colspan=2>{end}</td></tr>"
)


def statement(
    revenue: str = "1,000",
    net_income: str = "100",
    *,
    end: str = "March 31, 2025",
    title: str = "CONDENSED CONSOLIDATED STATEMENTS OF INCOME",
    scale: str = "(In millions, except per share data)",
) -> str:
    """One titled income statement with a quarter column: revenue, net income, diluted EPS."""
    rows = (
        ("Revenue", revenue),
        ("Net income", net_income),
        ("Diluted earnings per share", "0.50"),
    )
    body = "".join(f"<tr><td>{label}</td><td>$</td><td>{value}</td></tr>" for label, value in rows)
    return f"<p>{title}</p><p>{scale}</p><table>{HEADER.format(end=end)}{body}</table>"


def release(*parts: str) -> str:
    return "<html><body>" + "".join(parts) + "</body></html>"


# -- 1. negated or attributed guidance ----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "We do not expect next quarter revenue to be $10 billion.",
        "We don't expect next quarter revenue to be $10 billion.",
        "We no longer expect next quarter revenue to be $10 billion.",
        "We had expected next quarter revenue to be $10 billion.",
        "We previously expected next quarter revenue to be $10 billion.",
        "Analysts expect next quarter revenue to be $10 billion.",
        "It is not expected that next quarter revenue will be $10 billion.",
        "Consensus expects next quarter revenue to be $10 billion.",
    ],
)
def test_a_denied_or_attributed_guide_is_no_guidance(sentence: str) -> None:
    # Each was read as a $10 billion guide for the next quarter before: a guard flipped on it.
    results = read_release(release(statement(), f"<p>{sentence}</p>"))
    assert results.found and results.guidance == ()


def test_the_plain_sentence_is_still_guidance() -> None:
    sentence = "We expect next quarter revenue to be $10 billion."
    results = read_release(release(statement(), f"<p>{sentence}</p>"))
    assert results.guidance == (Guidance(GuidancePeriod.QUARTER, 10e9, 10e9),)


def test_a_list_led_in_by_analysts_is_no_guidance() -> None:
    lead = (
        "<p>Analysts expect the following for the fourth quarter:</p>"
        "<p>• Revenue of $10 billion</p>"
    )
    plain = lead.replace("Analysts expect", "We expect")
    assert read_release(release(statement(), lead)).guidance == ()
    assert read_release(release(statement(), plain)).guidance == (
        Guidance(GuidancePeriod.QUARTER, 10e9, 10e9),
    )


# -- 2. a period that cannot be -----------------------------------------------------------------


def test_a_statement_ending_after_its_own_8k_was_filed_is_no_quarter() -> None:
    future = release(
        statement(end="March 31, 2099"), "<p>We expect next quarter revenue to be $10 billion.</p>"
    )
    results = read_release(future, date(2025, 4, 30))
    assert not results.found and results.reason is NotRead.FUTURE_PERIOD
    assert results.quarter.revenue is None and results.guidance == ()
    # the same statement ending before the filing is read, and without a filing date too
    assert read_release(release(statement()), date(2025, 4, 30)).quarter.revenue == 1_000e6
    assert read_release(future).period_end == date(2099, 3, 31)


# -- 3. two statements that disagree ------------------------------------------------------------


def test_two_statements_that_disagree_on_a_figure_leave_it_out_as_ambiguous() -> None:
    results = read_release(release(statement("1,000"), statement("5,000")))
    assert results.found
    assert results.quarter.revenue is None
    assert results.quarter.gap("revenue") is Gap.AMBIGUOUS
    assert results.quarter.net_income == 100e6  # what both say is read


def test_two_statements_that_agree_at_the_precision_printed_are_read() -> None:
    # the second in billions to one decimal: 1.0 billion is 1,000 million to its last digit
    billions = statement("1.0", "0.1", scale="(In billions, except per share data)")
    results = read_release(release(statement("1,000"), billions))
    assert (results.quarter.revenue, results.quarter.net_income) == (1_000e6, 100e6)


# -- 4. numbers beyond sense --------------------------------------------------------------------


@pytest.mark.parametrize(
    "revenue",
    ["9" * 400, "999,999,999,999,999,999,999,999"],
    ids=["400 nines", "a septillion in millions"],
)
def test_a_figure_beyond_sense_is_not_kept_and_json_stays_strict(revenue: str) -> None:
    results = read_release(release(statement(revenue)))
    assert results.quarter.revenue is None
    assert results.quarter.gap("revenue") is Gap.OUT_OF_RANGE
    assert results.quarter.net_income == 100e6
    json.dumps(to_json(results), allow_nan=False)  # raises on Infinity or NaN


def test_a_guide_beyond_sense_is_no_guidance_so_no_guard_misses_on_it() -> None:
    # "$1 million to $9...9 billion": as a float the high end was infinite, the midpoint too,
    # and revenue against an infinite guide is -100%: a guard "beats its guide" missed.
    guide = f"<p>We expect next quarter revenue to be $1 million to ${'9' * 400} billion.</p>"
    results = read_release(release(statement(), guide))
    assert results.found and results.guidance == ()


def test_stored_values_that_are_no_figures_give_strict_json() -> None:
    inf, nan = float("inf"), float("nan")
    results = ReleaseResults(
        True,
        None,
        date(2025, 3, 31),
        ReleaseFigures(revenue=inf, net_income=nan),
        None,
        (Guidance(GuidancePeriod.QUARTER, 1e6, inf),),
    )
    document = to_json(results)
    assert document["quarter"]["revenue"] is None and document["guidance"] == []
    release = Release(
        "ACME",
        "0000000000-25-000001",
        "https://example.test/x.htm",
        date(2025, 4, 30),
        None,
        results,
    )
    check = Check({}, False, (Difference("revenue", inf, 1e9),))
    rows = results_json([ResultRow(release, None, check, (1e6, inf), -inf)])
    text = json.dumps(rows, allow_nan=False)  # raises on Infinity or NaN
    assert json.loads(text)[0]["revenue_vs_guide"] is None


# -- 5. quadratic reading, counted ---------------------------------------------------------------


def calls(work: Callable[[], object]) -> int:
    """Python and C function calls made doing `work`: the work done, whatever the machine."""
    count = 0

    def profile(frame: object, event: str, arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        work()
    finally:
        sys.setprofile(None)
    return count


def label_row(cells: int) -> str:
    row = "<tr>" + "".join(f"<td>Label {i}</td>" for i in range(cells)) + "<td>1,000</td></tr>"
    return release(statement(), f"<table>{row}</table>")


def outlook(amounts: int) -> str:
    sentence = "We expect fourth quarter revenue of " + ", revenue of ".join(
        f"${i}.5 billion and ${i}.7 billion" for i in range(amounts)
    )
    return release(statement(), f"<p>{sentence}.</p>")


@pytest.mark.parametrize(
    ("document", "size"),
    [(label_row, 1_000), (outlook, 1_000)],
    ids=["a table row of label cells", "an outlook sentence of amounts"],
)
def test_reading_grows_in_line_with_the_document(document: Callable[[int], str], size: int) -> None:
    # A row of 2,000 label cells cost four times the calls of 1,000 (each cell compared with
    # every other): 40,000 cells ran for minutes. Linear reading is twice, give or take.
    read_release(document(10))  # the readers' regular expressions compiled, caches warm
    small, large = (document(n) for n in (size, 2 * size))
    ratio = calls(lambda: read_release(large)) / calls(lambda: read_release(small))
    assert ratio < 2.5


def test_a_results_table_under_an_outlook_paragraph_is_no_targets_table() -> None:
    # Before, the row read as a $111.6 billion guide for the year: the lead-in spoke of an outlook
    lead = "<p>Additional 2025 outlook tables can be found on pages 3, 5 and 9 of this release.</p>"
    table = (
        "<table><tr><td></td><td>Q2 2025</td><td>Q2 2024</td></tr>"
        "<tr><td>Revenues</td><td>$111.6 billion</td><td>$98.9 billion</td></tr></table>"
    )
    assert read_release(release(statement(), lead, table)).guidance == ()
    targets = (
        "<p>The following table summarizes the company's fiscal year 2025 targets:</p>"
        "<table><tr><td>Total revenue</td><td>$21.30 billion to $21.50 billion</td></tr></table>"
    )
    assert read_release(release(statement(), targets)).guidance == (
        Guidance(GuidancePeriod.YEAR, 21.30e9, 21.50e9),
    )


def cpu(document: str) -> float:
    started = time.process_time()
    read_release(document)
    return time.process_time() - started


@pytest.mark.parametrize(
    "repeated",
    ["revenue is $1 and ", "revenue of $1 million and "],
    ids=["revenue is $1 and", "revenue of $1 million and"],
)
def test_an_outlook_sentence_of_16000_amounts_reads_in_linear_time(repeated: str) -> None:
    """Each amount of a sentence whose clauses name no period looked through the whole sentence
    for one: 16,000 amounts (about 300 KB) took many minutes; read once a sentence, it is a
    fraction of a second. CPU time against a floor read in the same process: as many bytes of
    plain paragraphs under the same statement (a generous bound, thousands of floors apart)."""
    sentence = "We expect " + repeated * 16_000 + "for the fourth quarter."
    paragraphs = "<p>Revenue grew in the quarter.</p>" * (len(sentence) // 35 + 1)
    read_release(release(statement(), "<p>We expect revenue of $1 and $2.</p>"))  # warm
    floor = cpu(release(statement(), paragraphs[: len(sentence)]))
    outlook = cpu(release(statement(), f"<p>{sentence}</p>"))
    assert outlook < 30 * floor + 0.5, (outlook, floor)
