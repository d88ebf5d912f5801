"""Replay's figures on SEC's real companyfacts recordings (../shared/realdata/sec): each value as
its filing stated it, known from its filing day, so a day before a restatement's filing reads the
first-reported value and a day after reads the restated one. The values are read by hand from the
recordings' JSON and written here."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from catalyst_tui.config import parse_config
from catalyst_tui.market.models import Bar, QuoteOutcome
from catalyst_tui.market.sec.as_filed import filed_values
from catalyst_tui.store import Store
from catalyst_tui.store.as_of import PointInTime
from catalyst_tui.views.replay import load_replay
from tests.support.shared import REALDATA

SEC = REALDATA / "sec"
MRVL = SEC / "sec_companyfacts_MRVL_CIK0001835632.json"
NVDA = SEC / "sec_companyfacts_NVDA_CIK0001045810.json"
D = dt.date


def _open(tmp_path: Path, symbol: str, recording: Path, thesis: str = "") -> Store:
    store = Store.open(tmp_path / "c.db")
    store.sync.apply(parse_config(thesis or f'[tickers.{symbol}]\nname = "{symbol}"\n'))
    store.as_filed.save(symbol, filed_values(json.loads(recording.read_text())))
    return store


def _quarter(history: PointInTime, day: dt.date, concept: str, end: dt.date) -> list[float]:
    return [f.value for f in history.facts(day).get(concept, []) if f.period_end == end]


def test_mrvl_first_quarter_of_fiscal_2022_as_first_reported_then_as_restated(tmp_path: Path):
    # In the recording: RevenueFromContractWithCustomerExcludingAssessedTax 2021-01-31..2021-05-01
    # is 832279000 in the 10-Q 0001835632-21-000010 filed 2021-06-09, and 832300000 in the 10-Q
    # 0001835632-22-000028 filed 2022-05-27 (the next year's comparative).
    with _open(tmp_path, "MRVL", MRVL) as store:
        history = PointInTime(store, "MRVL")
        end = D(2021, 5, 1)
        assert _quarter(history, D(2021, 6, 8), "revenue_q", end) == []  # not filed yet
        assert _quarter(history, D(2021, 6, 9), "revenue_q", end) == [832_279_000]
        assert _quarter(history, D(2022, 5, 26), "revenue_q", end) == [832_279_000]
        assert _quarter(history, D(2022, 5, 27), "revenue_q", end) == [832_300_000]
        kept = [
            (v.value, v.filed, v.accession)
            for v in store.as_filed.of("MRVL")
            if v.concept == "RevenueFromContractWithCustomerExcludingAssessedTax"
            and v.period_start == D(2021, 1, 31)
            and v.period_end == end
        ]
        assert kept == [
            (832_279_000, D(2021, 6, 9), "0001835632-21-000010"),
            (832_300_000, D(2022, 5, 27), "0001835632-22-000028"),
        ]


def test_nvda_eps_before_its_split_is_known_as_filed_then_restated(tmp_path: Path):
    # EarningsPerShareDiluted 2020-07-27..2020-10-25: 2.12 in the 10-Q filed 2020-11-18; the
    # 4:1 split of 2021-07-20 shows in the 10-Q filed 2021-08-20 (its comparatives on the new
    # basis), so from that day the first report reads 2.12 / 4 = 0.53; the 10-Q filed
    # 2021-11-22 states 0.53 itself.
    with _open(tmp_path, "NVDA", NVDA) as store:
        history = PointInTime(store, "NVDA")
        end = D(2020, 10, 25)
        assert _quarter(history, D(2020, 11, 17), "eps_diluted_q", end) == []
        assert _quarter(history, D(2020, 11, 18), "eps_diluted_q", end) == [2.12]
        assert _quarter(history, D(2021, 8, 19), "eps_diluted_q", end) == [2.12]
        assert _quarter(history, D(2021, 8, 20), "eps_diluted_q", end) == [2.12 / 4]
        [restated] = [
            f for f in history.facts(D(2021, 11, 22))["eps_diluted_q"] if f.period_end == end
        ]
        assert (restated.value, restated.filed, restated.split_factor) == (
            0.53,
            D(2021, 11, 22),
            1.0,
        )
        said = {
            v.value
            for v in store.as_filed.of("NVDA", until=D(2021, 11, 21))
            if v.concept == "EarningsPerShareDiluted" and v.period_start == D(2020, 7, 27)
        }
        assert said == {2.12}
        newest = [
            v.value
            for v in store.as_filed.of("NVDA", until=D(2021, 11, 22))
            if v.concept == "EarningsPerShareDiluted" and v.period_start == D(2020, 7, 27)
        ]
        assert newest == [2.12, 0.53]  # oldest filing first: the newest is the last


MRVL_THESIS = """
[tickers.MRVL]
name = "Marvell"
[[tickers.MRVL.checkpoints]]
id = "q1"
title = "First quarter of fiscal 2022 over 832.29M"
kind = "guard"
when = "revenue_q >= 832290000"
period_end = 2021-05-01
"""


def test_a_replay_judges_the_restated_quarter_only_from_its_filing_day(tmp_path: Path):
    """A guard pinned to the restated quarter: no value before its 10-Q (never a verdict), under
    its threshold as first reported (missed from 2021-06-09), over it as restated (met from
    2022-05-27). A close every weekday gives the days to judge."""
    days, day = [], D(2021, 6, 1)
    while day <= D(2022, 6, 30):
        if day.weekday() < 5:
            days.append(day)
        day += dt.timedelta(days=1)
    bars = [Bar("MRVL", d, 50.0, 50.0, 50.0, 50.0, 1, "test") for d in days]
    with _open(tmp_path, "MRVL", MRVL, MRVL_THESIS) as store:
        store.market.save_quotes(
            [QuoteOutcome("MRVL", bars=bars)], dt.datetime(2022, 7, 1, tzinfo=dt.UTC)
        )
        config = parse_config(MRVL_THESIS)
        [replayed] = load_replay(store, config, "MRVL")
    changes = [
        (c.day, c.evaluation.previous, c.evaluation.status, c.evaluation.value)
        for c, _ in replayed.changes
    ]
    assert changes == [
        (D(2021, 6, 9), "pending", "missed", 832_279_000),
        (D(2022, 5, 27), "missed", "met", 832_300_000),
    ]
    assert [(s.day, str(s.verdict.verdict)) for s, _ in replayed.path] == [
        (D(2021, 6, 9), "at risk"),  # the path starts the day a checkpoint is first judged
        (D(2022, 5, 27), "proven"),
    ]


@pytest.mark.parametrize("recording", [MRVL, NVDA])
def test_every_value_kept_is_one_the_recording_states(tmp_path: Path, recording: Path):
    body = json.loads(recording.read_text())
    symbol = recording.name.split("_")[2]
    with _open(tmp_path, symbol, recording) as store:
        kept = store.as_filed.of(symbol)
        assert store.as_filed.save(symbol, filed_values(body)) == 0  # again: nothing new
    for v in kept[:: max(1, len(kept) // 50)]:
        entries = body["facts"][v.taxonomy][v.concept]["units"][v.unit]
        assert any(
            e["val"] == v.value and e["filed"] == v.filed.isoformat() and e["accn"] == v.accession
            for e in entries
        )
