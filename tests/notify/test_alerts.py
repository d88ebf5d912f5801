"""What an alert says beyond the desktop (notify/alerts.py): short for a push, full as plain text
and HTML for an e-mail, with the checkpoint's value against its condition, the reason and the
link; the HTML escaped, with no remote content."""

from __future__ import annotations

import dataclasses

from catalyst_tui.notify.alerts import alert_for
from catalyst_tui.store import Store

from .conftest import GM_MISS, GM_NOTIFICATION, T0, record


def test_a_miss_is_short_on_a_push_and_full_in_an_email(store: Store):
    record(store, GM_MISS)
    [notice] = store.outbox.claim("test", T0)
    alert = alert_for(notice)

    # Read from a 10-Q: the company's 10-Qs and 10-Ks, where that filing is.
    link = "https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=ALAB&type=10-"
    assert alert.title == GM_NOTIFICATION.title
    assert alert.short == f"{GM_NOTIFICATION.body} {link}"
    lines = alert.text.splitlines()
    assert lines[:3] == [
        "ALAB · Gross margin holds at or above 70% (gm)",
        "now missed (was pending)",
        # 0.691 against 70%, of the quarter the 10-Q of 2026-11-04 filed
        "gross_margin 69.1% < 70% (quarter ended 2026-09-30, filed 2026-11-04)",
    ]
    assert link in lines
    assert "<p>gross_margin 69.1% &lt; 70% (quarter ended 2026-09-30, filed 2026-11-04)</p>" in (
        alert.html
    )
    assert f'<a href="{link.replace("&", "&amp;")}">' in alert.html


def test_text_from_a_document_is_escaped_and_stripped_of_controls(store: Store):
    record(store, GM_MISS)
    [notice] = store.outbox.claim("test", T0)
    event = notice.event
    assert event is not None
    hostile = event._replace(title="<script>alert(1)</script>\x1b[31m red")
    alert = alert_for(notice._replace(event=hostile))
    assert "<script>" not in alert.html and "&lt;script&gt;" in alert.html
    assert "\x1b" not in alert.text and "\x1b" not in alert.html
    assert dataclasses.asdict(alert)  # a plain record


PRICE_GUARD = """
[tickers.ALAB]
name = "Astera Labs"
[[tickers.ALAB.checkpoints]]
id = "floor"
title = "Price stays above $60"
kind = "guard"
when = "price >= 60"
"""


def test_a_price_guard_gets_no_link_and_its_price_once(tmp_path):
    from catalyst_tui.config import parse_config
    from catalyst_tui.thesis.conditions import parse_condition
    from catalyst_tui.thesis.evaluate import Evaluation

    from .conftest import compared

    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(parse_config(PRICE_GUARD), now=T0)
        miss = Evaluation(
            "ALAB",
            "floor",
            "pending",
            "missed",
            compared(55.2, "<"),
            parse_condition("price >= 60"),
        )
        store.checkpoints.record([miss], T0, notify=("missed",))
        [notice] = store.outbox.claim("test", T0)
    alert = alert_for(notice)
    assert alert.link == "" and "http" not in alert.short and "<a " not in alert.html
    priced = [line for line in alert.text.splitlines() if "55.2" in line]
    assert len(priced) == 1, alert.text


def test_a_results_alert_says_results_and_links_the_release_itself(store: Store):
    import datetime as dt

    from catalyst_tui.notify.wording import results_notification
    from catalyst_tui.reading.release.records import ReleaseFigures, ReleaseResults
    from catalyst_tui.thesis.reported.results import Release

    exhibit = "https://www.sec.gov/Archives/edgar/data/1736297/000173629726000041/alab-ex99.htm"
    figures = ReleaseFigures(revenue=412.3e6, eps_diluted=0.52)
    results = ReleaseResults(True, None, dt.date(2026, 9, 30), figures, None)
    release = Release("ALAB", "0001-26-1", exhibit, dt.date(2026, 11, 3), None, results)
    said = results_notification(release, None, None)
    store.outbox.notice("results", said.title, said.body, T0)
    [notice] = store.outbox.claim("test", T0)
    alert = alert_for(notice)
    assert alert.title == "ALAB results: quarter ended 2026-09-30"
    assert alert.link == exhibit and alert.short == f"revenue $412.3M {exhibit}"
    assert alert.text.splitlines()[:3] == [
        "ALAB results: quarter ended 2026-09-30",
        "revenue $412.3M",
        exhibit,
    ]
    # The desktop's words: the summary alone.
    from catalyst_tui.notify.wording import notification_for

    assert notification_for(notice).body == "revenue $412.3M"


def test_a_verdict_gets_no_link_it_has_no_document(store: Store):
    store.outbox.notice("verdict", "ALAB: thesis at risk (was intact)", "a guard missed", T0)
    [notice] = store.outbox.claim("test", T0)
    alert = alert_for(notice)
    assert alert.link == "" and "http" not in alert.text
