"""A label from a filing that holds a right-to-left override (U+202E) and other invisible format
characters reaches the desktop (the recording D-Bus notification service) as it is stored, read
left to right: the override would show "gpj.exe" as "exe.jpg"."""

from __future__ import annotations

import datetime as dt

from catalyst_tui.notify.desktop import DesktopChannel
from catalyst_tui.notify.wording import notification_for
from catalyst_tui.store.records import DocumentRecord, EvidenceRecord, Notice
from tests.support.dbus_session import DbusSession

from .conftest import T0

pytest_plugins = ["tests.support.fixtures"]  # the notification_recorder fixture

LABEL = "Scorpio \u202eX-series\u202c revenue \u2066grew\u2069\u200f \u200bfast"


async def test_a_filings_override_reaches_the_desktop_neutralised(
    notification_recorder: DbusSession,
):
    document = DocumentRecord(
        7,
        "ALAB",
        "sec",
        "10-Q",
        LABEL,
        "https://www.sec.gov/Archives/edgar/data/1736297/x.htm",
        dt.datetime(2026, 11, 4, 21, 5, tzinfo=dt.UTC),
    )
    evidence = EvidenceRecord(
        3, "ALAB", "npo", f"NPO {LABEL}", document, "Scorpio", LABEL, 0, len(LABEL), T0, False
    )
    notification = notification_for(Notice(2, 0, None, None, evidence))
    desktop = DesktopChannel()
    await desktop.send(notification)
    await desktop.aclose()
    [shown] = notification_recorder.notifications()
    said = shown["summary"] + shown["body"]
    assert "Scorpio X-series revenue grew fast" in said, said
    for character in "\u202e\u202c\u2066\u2069\u200f\u200b":
        assert character not in said
