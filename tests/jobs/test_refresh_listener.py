"""What a refresh says as it goes (jobs/refresh_report.py `RefreshListener`): each thing said to
its own listener, with what it was given, and to no other; a listener not set hears nothing and
the refresh goes on."""

from __future__ import annotations

import dataclasses

import pytest

from catalyst_tui.jobs.reach import Reach
from catalyst_tui.jobs.refresh_report import NONE_HEARD, RefreshListener


def test_each_thing_said_reaches_its_own_listener_alone():
    heard: list[tuple[object, ...]] = []
    listener = RefreshListener(
        on_progress=lambda done, total, symbol: heard.append(("progress", done, total, symbol)),
        on_reach=lambda reach: heard.append(("reach", reach)),
        on_stored=lambda: heard.append(("stored",)),
    )
    listener.progress(3, 500, "AAPL")
    listener.reach(Reach.UNREACHABLE)
    listener.stored()
    assert heard == [("progress", 3, 500, "AAPL"), ("reach", Reach.UNREACHABLE), ("stored",)]


def test_a_listener_not_set_hears_nothing_and_the_others_still_hear():
    heard: list[str] = []
    listener = RefreshListener(on_stored=lambda: heard.append("stored"))
    listener.progress(1, 2, "MSFT")
    listener.reach(Reach.OFFLINE)
    listener.stored()
    assert heard == ["stored"]
    NONE_HEARD.progress(0, 0, "")  # nobody listening: nothing raised, the refresh goes on
    NONE_HEARD.reach(Reach.OFFLINE)
    NONE_HEARD.stored()
    assert RefreshListener() == NONE_HEARD  # the default: none heard


def test_the_record_is_frozen_as_it_passes_through_every_layer():
    with pytest.raises(dataclasses.FrozenInstanceError):
        NONE_HEARD.on_stored = lambda: None  # type: ignore[misc]
