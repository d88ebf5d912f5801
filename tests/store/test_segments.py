"""store.segments: a filing's split read back member by member, a filing read again replacing
what it said, every filing kept (a line's history), and the metrics reading it through the
snapshot the store loads."""

from __future__ import annotations

import datetime as dt

from catalyst_tui.reading.xbrl.records import AxisRevenue, Line, Segments
from catalyst_tui.store import Store
from catalyst_tui.thesis.metrics import observe

from .conftest import T0

PRODUCT = "srt:ProductOrServiceAxis"


def segments(end: dt.date, **lines: int) -> Segments:
    members = tuple(Line(f"alab:{k}Member", k, v) for k, v in lines.items())
    generic = Line("us-gaap:ProductMember", "Product", sum(lines.values()), generic=True)
    axes = (AxisRevenue(PRODUCT, (*members, generic)),)
    top = max(members, key=lambda m: m.revenue)
    return Segments(
        end, end - dt.timedelta(days=91), "10-Q", "USD", sum(lines.values()), axes, (PRODUCT, top)
    )


def test_a_split_is_read_back_and_a_line_history_builds_up(store: Store) -> None:
    store.segments.save(
        "ALAB",
        "0001-26-1",
        dt.date(2025, 11, 4),
        segments(dt.date(2025, 9, 30), Scorpio=30, Aries=110),
        T0,
    )
    store.segments.save(
        "ALAB",
        "0001-26-2",
        dt.date(2026, 11, 4),
        segments(dt.date(2026, 9, 30), Scorpio=120, Aries=100),
        T0,
    )
    stored = store.segments.of("ALAB")
    assert [s.period_end for s in stored] == [dt.date(2025, 9, 30), dt.date(2026, 9, 30)]
    assert [(m.label, m.revenue) for m in stored[1].lines] == [("Scorpio", 120), ("Aries", 100)]
    assert stored[1].total_revenue == 220 and stored[1].filed == dt.date(2026, 11, 4)
    assert store.segments.accessions("ALAB") == {"0001-26-1", "0001-26-2"}
    snap = store.market.snapshot(T0, sec_configured=True)
    assert observe("line_growth", "ALAB", snap, line="Scorpio").value == 120 / 30 - 1
    assert observe("line_lead", "ALAB", snap, line="Scorpio").value == 120 / 100 - 1


def test_a_filing_read_again_replaces_what_it_said(store: Store) -> None:
    store.segments.save("ALAB", "a", None, segments(dt.date(2026, 9, 30), Scorpio=1, Aries=2), T0)
    store.segments.save("ALAB", "a", None, segments(dt.date(2026, 9, 30), Scorpio=5, Leo=2), T0)
    (only,) = store.segments.of("ALAB")
    assert {m.label: m.revenue for m in only.lines} == {"Scorpio": 5, "Leo": 2}
    assert store.segments.of("NVDA") == ()


def test_a_member_within_another_is_kept_and_is_no_product_line(store: Store) -> None:
    held = Line("alab:ScorpioXMember", "Scorpio X", 80, within=True)
    axes = (AxisRevenue(PRODUCT, (Line("alab:ScorpioMember", "Scorpio", 120), held)),)
    end = dt.date(2026, 9, 30)
    split = Segments(end, end - dt.timedelta(days=91), "10-Q", "USD", 120, axes, None)
    store.segments.save("ALAB", "a", None, split, T0)
    [stored] = store.segments.of("ALAB")
    assert {m.label: m.within for m in stored.members} == {"Scorpio": False, "Scorpio X": True}
    assert [m.label for m in stored.lines] == ["Scorpio"]
