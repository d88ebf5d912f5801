"""Product lines: the line metrics against figures worked by hand from the splits written here,
the founding Scorpio milestone judged by `line_lead`, and each reason a line has no value."""

from __future__ import annotations

import datetime as dt

import pytest

from catalyst_tui.thesis.conditions import ConditionError, parse_condition
from catalyst_tui.thesis.evaluate import CheckpointState, evaluate_one
from catalyst_tui.thesis.lines.split import LineSplit, StoredLine
from catalyst_tui.thesis.metrics import observe
from catalyst_tui.thesis.observation import MissingCode
from catalyst_tui.thesis.snapshot import MarketSnapshot
from catalyst_tui.thesis.wording import missing_text

NOW = dt.datetime(2026, 11, 24, 12, tzinfo=dt.UTC)
AXIS = "srt:ProductOrServiceAxis"


def split(end: dt.date, total: int | None, **lines: int) -> LineSplit:
    members = tuple(StoredLine(AXIS, f"alab:{k}Member", k, rev) for k, rev in lines.items())
    generic = StoredLine(AXIS, "us-gaap:ProductMember", "Product", total or 0, generic=True)
    geo = StoredLine("srt:StatementGeographicalAxis", "country:US", "United States", 10)
    filed, start = end + dt.timedelta(days=40), end - dt.timedelta(days=91)
    return LineSplit(
        "ALAB", f"acc-{end}", "10-Q", filed, start, end, "USD", total, (*members, generic, geo)
    )


NOW_Q = split(
    dt.date(2026, 9, 30),
    320_000_000,
    Scorpio=120_000_000,
    Aries=150_000_000,
    Taurus=40_000_000,
    Leo=10_000_000,
)
YEAR_AGO = split(
    dt.date(2025, 9, 28),
    160_000_000,
    Scorpio=30_000_000,
    Aries=110_000_000,
    Taurus=15_000_000,
    Leo=5_000_000,
)


def snap(*splits: LineSplit) -> MarketSnapshot:
    return MarketSnapshot(now=NOW, lines_of=lambda symbol: splits if symbol == "ALAB" else ())


def test_each_line_metric_is_the_hand_computation_of_the_latest_split() -> None:
    s = snap(YEAR_AGO, NOW_Q)
    assert observe("line_revenue", "ALAB", s, line="Scorpio").value == 120_000_000
    assert observe("line_share", "ALAB", s, line="scorpio").value == pytest.approx(120 / 320)
    assert observe("line_growth", "ALAB", s, line="Scorpio").value == pytest.approx(120 / 30 - 1)
    assert observe("line_lead", "ALAB", s, line="Scorpio").value == pytest.approx(120 / 150 - 1)
    assert observe("line_lead", "ALAB", s, line="Aries").value == pytest.approx(150 / 120 - 1)
    period = observe("line_share", "ALAB", s, line="Leo").period
    assert period is not None and period.end == dt.date(2026, 9, 30)


def test_the_generic_and_geography_members_are_not_product_lines() -> None:
    assert [m.label for m in NOW_Q.lines] == ["Aries", "Scorpio", "Taurus", "Leo"]
    missing = observe("line_revenue", "ALAB", snap(NOW_Q), line="Product").missing
    assert missing is not None and missing.code is MissingCode.UNKNOWN_LINE


def test_the_scorpio_milestone_is_met_once_scorpio_is_the_largest_line() -> None:
    condition = parse_condition("line_lead(Scorpio) > 0%")
    state = CheckpointState(
        "ALAB",
        "scorpio",
        "Scorpio largest",
        "target",
        "pending",
        due=dt.date(2026, 12, 31),
        condition=condition,
    )
    assert evaluate_one(state, snap(NOW_Q), NOW.date()).status == "pending"
    later = split(dt.date(2026, 12, 31), 400_000_000, Scorpio=180_000_000, Aries=170_000_000)
    assert evaluate_one(state, snap(NOW_Q, later), NOW.date()).status == "met"


def test_a_line_the_filings_do_not_name_says_which_they_do() -> None:
    missing = observe("line_share", "ALAB", snap(NOW_Q), line="Scorpion").missing
    assert missing is not None and missing.code is MissingCode.UNKNOWN_LINE
    assert missing.symbols[0] == "Scorpio"
    assert "names no line 'Scorpion' (Scorpio" in missing_text(missing)


def test_a_company_whose_filings_state_no_lines_keeps_the_checkpoint_pending() -> None:
    generic = StoredLine(AXIS, "us-gaap:ProductMember", "Product", 300, True)
    bare = LineSplit(
        "ALAB", "a", "10-Q", None, dt.date(2026, 7, 1), dt.date(2026, 9, 30), "USD", 300, (generic,)
    )
    missing = observe("line_lead", "ALAB", snap(bare), line="Scorpio").missing
    assert missing is not None and missing.code is MissingCode.NO_PRODUCT_LINES
    assert missing_text(missing) == "ALAB's filings state no revenue by product line"
    state = CheckpointState(
        "ALAB",
        "s",
        "s",
        "target",
        "pending",
        due=dt.date(2026, 12, 31),
        condition=parse_condition("line_lead(Scorpio) > 0%"),
    )
    assert evaluate_one(state, snap(bare), NOW.date()).status == "pending"
    nothing = observe("line_lead", "ALAB", snap(), line="Scorpio").missing
    assert nothing is not None and nothing.code is MissingCode.NO_LINE_SPLITS


def test_growth_without_the_same_quarter_a_year_before_has_no_value() -> None:
    missing = observe("line_growth", "ALAB", snap(NOW_Q), line="Scorpio").missing
    assert missing is not None and missing.code is MissingCode.NO_LINE_YEAR_EARLIER
    assert "no revenue of Scorpio a year before" in missing_text(missing)


def test_no_total_revenue_gives_no_share() -> None:
    no_total = split(dt.date(2026, 9, 30), None, Scorpio=1, Aries=2)
    missing = observe("line_share", "ALAB", snap(no_total), line="Scorpio").missing
    assert missing is not None and missing.code is MissingCode.NO_LINE_TOTAL


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("line_share >= 40%", "line_share is of one product line: name it"),
        ("gross_margin(Scorpio) >= 40%", "gross_margin takes nothing in parentheses"),
        ("line_revenue(Scorpio) >= 40%", "line_revenue is not a ratio"),
    ],
)
def test_a_line_condition_written_wrong_is_a_located_error(text: str, message: str) -> None:
    with pytest.raises(ConditionError, match=message):
        parse_condition(text)


def test_the_line_is_part_of_the_condition() -> None:
    c = parse_condition("line_share( Data   Center ) >= 40%")
    assert (c.metric, c.line, c.threshold, c.text) == (
        "line_share",
        "Data Center",
        0.4,
        "line_share( Data Center ) >= 40%",
    )


def test_a_line_that_is_the_sum_of_others_is_named_but_leads_nothing() -> None:
    parent = StoredLine(AXIS, "nvda:DataCenterMember", "Data Center", 300, aggregate=True)
    parts = (
        StoredLine(AXIS, "nvda:ComputeMember", "Compute", 270),
        StoredLine(AXIS, "nvda:NetworkingMember", "Networking", 30),
        StoredLine(AXIS, "nvda:GamingMember", "Gaming", 40),
    )
    nvda = LineSplit(
        "ALAB",
        "a",
        "10-Q",
        None,
        dt.date(2024, 7, 29),
        dt.date(2024, 10, 27),
        "USD",
        340,
        (parent, *parts),
    )
    assert [m.label for m in nvda.lines] == ["Compute", "Gaming", "Networking"]
    s = snap(nvda)
    assert observe("line_share", "ALAB", s, line="Data Center").value == pytest.approx(300 / 340)
    missing = observe("line_lead", "ALAB", s, line="Data Center").missing
    assert missing is not None and missing.code is MissingCode.SUM_OF_LINES
    assert observe("line_lead", "ALAB", s, line="Compute").value == pytest.approx(270 / 40 - 1)


def test_the_axes_are_the_readers():
    """The stored split names its axes as the XBRL reader does: its one declaration, the
    reader's records (tests/project/test_import_hygiene.py: importing them loads no reader)."""
    from catalyst_tui.reading.xbrl import records
    from catalyst_tui.thesis.lines import split as line_split

    assert vars(line_split)["PRODUCT_AXIS"] is records.PRODUCT_AXIS
    assert vars(line_split)["SEGMENT_AXIS"] is records.SEGMENT_AXIS
