"""The demo's ALAB says Scorpio's share of revenue in words, as management does on a call, in its
release and its 10-Q: read back by the KPI reader from the documents the replay market serves
(as HTML, through the reader the refresh uses), each the share its XBRL states for that
quarter, rounded to a point; the fourth quarter's the year's (over, its quarters' average cut
to a point) with the exit rate; one forecast marked as one."""

from __future__ import annotations

import pytest

from catalyst_tui.demo.documents import periodic_report, press_release
from catalyst_tui.demo.xbrl import line_shares
from catalyst_tui.reading.documents import html_to_text
from catalyst_tui.thesis.kpis.statements import read_kpis, said

QUARTERS = [(y, q) for y in (2024, 2025, 2026) for q in (1, 2, 3, 4)]


@pytest.mark.parametrize("document", [press_release, periodic_report])
@pytest.mark.parametrize(("year", "quarter"), QUARTERS)
def test_each_quarter_states_scorpios_share_as_its_xbrl_has_it(document, year, quarter):
    text = html_to_text(document("ALAB", year, quarter).encode())
    kpis = [k for k in read_kpis(text, ["Scorpio"]) if not k.forward and k.kind == "share"]
    share = line_shares(year, quarter)["Scorpio"]
    if quarter != 4:
        [k] = kpis
        assert (k.comparison, k.basis) == ("approximately", "")
        assert k.value is not None and abs(k.value - share) <= 0.005 + 1e-9
        return
    year_k, exit_k = kpis
    average = sum(line_shares(year, q)["Scorpio"] for q in (1, 2, 3, 4)) / 4
    assert (year_k.comparison, year_k.value) == ("over", int(average * 100) / 100)
    assert (exit_k.comparison, exit_k.basis) == ("closer to", "Q4 exit rate")
    assert exit_k.value is not None and abs(exit_k.value - share) <= 0.005 + 1e-9


def test_the_forecast_is_read_as_one():
    text = html_to_text(press_release("ALAB", 2026, 1).encode())
    [ahead] = [k for k in read_kpis(text, ["Scorpio"]) if k.forward]
    assert said(ahead) == "over 40%, forecast"
    assert ahead.sentence == "We expect Scorpio to exceed 40% of total revenue by the end of 2026."


def test_another_company_states_no_share():
    text = html_to_text(press_release("CRDO", 2026, 3).encode())
    assert read_kpis(text, ["Scorpio"]) == ()


def test_the_second_quarter_of_2026_raises_the_outlook():
    text = html_to_text(press_release("ALAB", 2026, 2).encode())
    [raised] = [k for k in read_kpis(text) if k.kind == "guidance"]
    assert (raised.basis, raised.sentence) == (
        "raised",
        "We raised our full-year 2026 outlook on the strength of the Scorpio X ramp.",
    )
