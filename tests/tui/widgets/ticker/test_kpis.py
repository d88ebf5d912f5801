"""The KPIs pane (9), driven by Textual's Pilot on a real database file with KPIs read from a
release's and a call's words: the series grouped, each newest first, each value as its sentence
says it; the highlighted one's sentence and document below; a document's title and sentence that
try to command the terminal shown as plain text; and, without KPIs, why."""

from __future__ import annotations

import datetime as dt

import pytest

from catalyst_tui.config import load_config
from catalyst_tui.session.workspace import Workspace
from catalyst_tui.store import Store
from catalyst_tui.tui.app import CatalystApp

from ....support.kpi_data import Said, record_kpis
from ....support.pilot import ZONE, lines_on_screen, open_alab, rows, text_of, wait_for
from ....support.toasts import raised

NOW = dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC)
# 21:05 UTC is 16:05 in New York: the release's day is the 4th there.
Q3 = Said(
    "https://example.com/q3",
    "Scorpio was over 10% of total revenue, with a Q4 exit rate closer to 20%. "
    "The company raised its full-year guidance.",
    dt.datetime(2025, 11, 4, 21, 5, tzinfo=dt.UTC),
    title="Astera Labs Q3 2025 results",
)
CALL = Said(
    "https://example.com/q4-call",
    "Scorpio revenue grew 30% sequentially. Scorpio is expected to exceed 20% of revenue in 2026.",
    dt.datetime(2026, 2, 10, 22, 0, tzinfo=dt.UTC),
    form="document",
    title="Q4 2025 call\x1b]0;owned\x07\x1b[2J",
)

# Figures, but no KPI of Aries nor any guidance: nothing to keep.
PLAIN = Said(
    "https://example.com/q2",
    "Revenue was $191.9 million. Aries shipped to new customers.",
    dt.datetime(2025, 8, 5, 20, 5, tzinfo=dt.UTC),
)


def app_on(tmp_path, subjects: list[str], *documents: Said) -> CatalystApp:
    config_path = tmp_path / "catalysts.toml"
    # A target on each product's share: the conditions the KPIs were read for.
    checkpoints = "".join(
        f'[[tickers.ALAB.checkpoints]]\nid = "share-{i}"\ntitle = "{name}"\nkind = "target"\n'
        f'when = "share({name}) >= 20%"\ndue = 2099-12-31\n'
        for i, name in enumerate(subjects)
    )
    config_path.write_text(f'[tickers.ALAB]\nname = "Astera Labs"\n{checkpoints}')
    config = load_config(config_path)
    store = Store.open(tmp_path / "c.db")
    store.sync.apply(config, NOW)
    if subjects:
        record_kpis(store, "ALAB", subjects, *documents)
    return CatalystApp(
        Workspace(config, store, clock=lambda: NOW, zone=ZONE), live=False, watch_file=False
    )


async def test_the_pane_lists_each_series_newest_first_with_the_sentence_below(tmp_path):
    app = app_on(tmp_path, ["Scorpio"], Q3, CALL)
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await open_alab(pilot, app)
            await pilot.press("9")
            await pilot.pause()
            assert "KPIs: 5 values in 3 series" in text_of(app, "#kpis-title")
            assert rows(app, "#kpis-table") == [
                # "Scorpio is expected to exceed 20% of revenue in 2026": a forecast
                ["Scorpio · share of revenue", "2026-02-10", "over 20%, forecast", "document"],
                # "Scorpio was over 10% of total revenue, with a Q4 exit rate closer to 20%."
                ["Scorpio · share of revenue", "2025-11-04", "over 10%", "8-K EX-99.1"],
                [
                    "Scorpio · share of revenue",
                    "2025-11-04",
                    "closer to 20% (Q4 exit rate)",
                    "8-K EX-99.1",
                ],
                # "Scorpio revenue grew 30% sequentially."
                ["Scorpio · growth", "2026-02-10", "+30% sequentially", "document"],
                # "The company raised its full-year guidance."
                ["Guidance", "2025-11-04", "raised", "8-K EX-99.1"],
            ]
            below = text_of(app, "#kpis-detail")
            assert (
                "Scorpio · share of revenue: over 20%, forecast  stated 2026-02-10 (a forecast)"
                in below
            )
            assert "“Scorpio is expected to exceed 20% of revenue in 2026.”" in below
            assert "Q4 2025 call" in below and "\x1b" not in below and "\x07" not in below
            assert "https://example.com/q4-call" in below
            await pilot.press("down")
            await pilot.pause()
            below = text_of(app, "#kpis-detail")
            assert "over 10%  stated 2025-11-04 (an outcome)" in below
            assert "with a Q4 exit rate closer to 20%.”" in below
            assert "Astera Labs Q3 2025 results" in below
    finally:
        app.workspace.store.close()


async def test_at_80_columns_every_value_is_whole(tmp_path):
    app = app_on(tmp_path, ["Scorpio"], Q3, CALL)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await open_alab(pilot, app)
            await pilot.press("9")
            await pilot.pause()
            drawn = "\n".join(lines_on_screen(app, "#kpis-table"))
            for value in ("over 20%, forecast", "closer to 20% (Q4 exit rate)", "+30% sequent"):
                assert value in drawn
            assert max(len(line) for line in drawn.splitlines()) <= 80
    finally:
        app.workspace.store.close()


@pytest.mark.parametrize(
    ("subjects", "documents", "said"),
    [
        ([], (), "no condition names a KPI: write one such as share(Scorpio) >= 20%"),
        (["Aries"], (PLAIN,), "no release, call or filing read so far states one"),
    ],
)
async def test_without_kpis_the_pane_says_why(tmp_path, subjects, documents, said):
    app = app_on(tmp_path, subjects, *documents)
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await open_alab(pilot, app)
            await pilot.press("9")
            await pilot.pause()
            assert said in text_of(app, "#kpis-title")
            assert rows(app, "#kpis-table") == []
    finally:
        app.workspace.store.close()


# A kill criterion the statement misses: "Scorpio was 9% of total revenue" against 20%.
MISSED = Said(
    "https://example.com/q3-call",
    "Scorpio was 9% of total revenue in the quarter.",
    dt.datetime(2026, 11, 4, 22, 0, tzinfo=dt.UTC),
    form="document",
    title="Q3 2026 call",
)
KILL = """[tickers.ALAB]
name = "Astera Labs"
[[tickers.ALAB.checkpoints]]
id = "scorpio-share"
title = "Scorpio holds a fifth of revenue"
kind = "guard"
when = "share(Scorpio) >= 20%"
kill = true
"""


def app_with_kill(tmp_path) -> CatalystApp:
    config_path = tmp_path / "catalysts.toml"
    config_path.write_text(KILL)
    config = load_config(config_path)
    store = Store.open(tmp_path / "c.db")
    store.sync.apply(config, NOW)
    record_kpis(store, "ALAB", ["Scorpio"], MISSED)
    workspace = Workspace(config, store, clock=lambda: NOW, zone=ZONE)
    from catalyst_tui.jobs.evaluation import evaluate_checkpoints

    evaluate_checkpoints(config, store, NOW)
    return CatalystApp(workspace, live=False, watch_file=False)


def verdict(app: CatalystApp) -> tuple[str, list[str]]:
    from catalyst_tui.thesis.verdict import judge

    v = judge("ALAB", app.workspace.store.verdicts.standings("ALAB")["ALAB"])
    return str(v.verdict), [r.rule for r in v.reasons]


async def test_y_confirms_a_statement_a_kill_criterion_awaits_and_d_dismisses_it(tmp_path):
    app = app_with_kill(tmp_path)
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await open_alab(pilot, app)
            await pilot.press("9")
            await pilot.pause()
            assert verdict(app) == ("at risk", ["kill_awaiting_word"])
            assert "1 awaiting your word (y confirms, d dismisses)" in text_of(app, "#kpis-title")
            [row] = rows(app, "#kpis-table")
            assert row[2] == "9% ⚠"
            below = " ".join(text_of(app, "#kpis-detail").split())
            assert "a kill criterion missed by these words alone awaits your word" in below
            assert "y confirms (the thesis breaks), d dismisses it as a misread" in below
            # y: confirmed, the thesis broken; y again: taken back, awaiting again
            await pilot.press("y")
            await wait_for(pilot, lambda: rows(app, "#kpis-table")[0][2] == "9% ✓")
            assert verdict(app) == ("broken", ["kill_missed"])
            assert "awaiting" not in text_of(app, "#kpis-title")
            await pilot.press("y")
            await wait_for(pilot, lambda: rows(app, "#kpis-table")[0][2] == "9% ⚠")
            assert verdict(app) == ("at risk", ["kill_awaiting_word"])
            # d: dismissed, it judges nothing; u brings it back
            await pilot.press("d")
            await wait_for(pilot, lambda: rows(app, "#kpis-table") == [])
            assert verdict(app)[0] != "at risk"
            await pilot.press("u")
            await wait_for(pilot, lambda: len(rows(app, "#kpis-table")) == 1)
            assert verdict(app) == ("at risk", ["kill_awaiting_word"])
            # Each word said once it is saved, a decision made longer than one taken back.
            said = [(t.message.split(":")[0], t.timeout) for t in raised(app)]
            assert said[-4:] == [
                ("confirmed", 4),
                ("confirmation taken back", 3),
                ("dismissed", 4),
                ("brought back", 3),
            ]
    finally:
        app.workspace.store.close()
