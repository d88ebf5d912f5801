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

    link = "https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=ALAB&type=8-K"
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
