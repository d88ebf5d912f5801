"""A document the user brings is dated by its own date: NVIDIA's release of its second quarter
of fiscal 2026 (../shared/press_releases, read in place) says "SANTA CLARA, Calif.—Aug. 27,
2025", so its passages and the KPIs read from it are of 2025-08-27, not of the day it was
brought; `--date` (the `day` given) wins. Its highlight "•Blackwell Data Center revenue grew 17%
sequentially", which its body says again in full, is read once, and no "•" is kept."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from catalyst_tui.config import load_config
from catalyst_tui.jobs.documents import add_document
from catalyst_tui.store import Store
from tests.support.shared import PRESS_RELEASES, missing

pytestmark = pytest.mark.skipif(missing() is not None, reason=str(missing()))

RELEASE = PRESS_RELEASES / "NVDA_0001045810-25-000207_q2fy26pr.htm"
NOW = dt.datetime(2026, 11, 25, 22, 0, tzinfo=dt.UTC)
THESIS = """
[tickers.NVDA]
name = "Nvidia"
[[tickers.NVDA.checkpoints]]
id = "bw"
title = "Blackwell ramps"
kind = "milestone"
due = 2026-12-31
evidence = ["Blackwell Data Center revenue"]
[[tickers.NVDA.checkpoints]]
id = "growth"
title = "Blackwell keeps growing"
kind = "guard"
when = "growth(Blackwell) >= 10%"
"""


@pytest.fixture
def thesis(tmp_path: Path):
    path = tmp_path / "catalysts.toml"
    path.write_text(THESIS)
    config = load_config(path, use_cache=False)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config, NOW - dt.timedelta(days=1))
        yield config, store


async def test_a_release_is_dated_by_its_dateline_and_read_once(tmp_path, thesis):
    config, store = thesis
    path = tmp_path / RELEASE.name
    shutil.copyfile(RELEASE, path)
    added = await add_document(store, config, "NVDA", str(path), NOW)
    assert added.day == dt.date(2025, 8, 27)
    (passage,) = added.passages
    assert passage.passage == "NVIDIA’s Blackwell Data Center revenue grew 17% sequentially."
    assert passage.document.published.date() == dt.date(2025, 8, 27)
    (kept,) = store.evidence.documents("NVDA")
    text = store.evidence.text(kept.id)
    assert "•" not in text and text.count("Blackwell Data Center revenue grew 17%") == 1
    assert "\nRevenue of $46.7 billion, up 6% from Q1" in text  # a highlight said once: kept
    (kpi,) = store.kpis.series("NVDA")
    assert kpi.day == dt.date(2025, 8, 27) and kpi.kpi.value == pytest.approx(0.17)


async def test_the_date_given_wins_over_the_dateline(tmp_path, thesis):
    config, store = thesis
    path = tmp_path / RELEASE.name
    shutil.copyfile(RELEASE, path)
    added = await add_document(store, config, "NVDA", str(path), NOW, day=dt.date(2025, 8, 28))
    assert added.day == dt.date(2025, 8, 28)
