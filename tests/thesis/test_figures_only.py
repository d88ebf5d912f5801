"""A metric of the day's close left without a value by its figures alone stays without one at any
other close of the same figures (observation.FIGURES_ONLY): replay judges such a checkpoint again
only on a day its figures change (thesis/replay/engine.py), so each code in the set must hold
whatever the price, the previous close, the year's high, the rates, the other positions' prices
and the moment. Random figures (lots held, sold or none; quarters reported or not, a loss or a
profit; the Street's estimates or none), two random closes."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.market.estimates import Consensus, Range, StoredEstimates
from catalyst_tui.market.models import LastQuote, Quote
from catalyst_tui.thesis.catalogue import METRICS
from catalyst_tui.thesis.metric_row import OF_THE_DAY
from catalyst_tui.thesis.metrics import observe
from catalyst_tui.thesis.observation import FIGURES_ONLY
from catalyst_tui.thesis.portfolio.positions import Lot, Sell
from catalyst_tui.thesis.snapshot import MarketSnapshot

from .conftest import NOW, quarters

OF_THE_DAY_METRICS = sorted(
    m.name for m in METRICS.values() if m.source in OF_THE_DAY and not m.parameter
)


class Close:
    """What differs between two closes of the same figures."""

    def __init__(self, price: float, prev: float, high: float, rate: float, other: float) -> None:
        self.price, self.prev, self.high, self.rate, self.other = price, prev, high, rate, other


closes = st.builds(
    Close,
    st.floats(1, 500),
    st.floats(1, 500),
    st.floats(1, 600),
    st.floats(0.5, 2.0),
    st.floats(1, 500),
)
figures = st.fixed_dictionaries(
    {
        "lots": st.sampled_from(["none", "held", "sold", "costless"]),
        "facts": st.sampled_from(["none", "profit", "loss", "no shares"]),
        "street": st.sampled_from(["none", "empty", "one analyst", "consensus"]),
        "sec": st.booleans(),
    }
)


def quote(symbol: str, price: float, prev: float, currency: str, at: dt.datetime) -> LastQuote:
    change = price - prev
    said = Quote(symbol, price, prev, change, change / prev, currency, "CLOSED", at, "t")
    return LastQuote(symbol, said, at, False)


def snapshot(said: dict, close: Close, moment: dt.datetime) -> MarketSnapshot:
    snap = MarketSnapshot(now=moment, sec_configured=said["sec"], base="USD")
    snap.quotes["ALAB"] = quote("ALAB", close.price, close.prev, "USD", moment)
    snap.quotes["SAP"] = quote("SAP", close.other, close.other, "EUR", moment)
    snap.history_high["ALAB"] = close.high
    snap.rates["EUR"] = close.rate
    snap.lots["SAP"] = [Lot(10, 100.0)]
    if said["lots"] != "none":
        snap.lots["ALAB"] = [Lot(40, 0.0 if said["lots"] == "costless" else 50.0)]
    if said["lots"] == "sold":
        snap.sells["ALAB"] = [Sell(40, 90.0, dt.date(2026, 1, 5))]
    if said["facts"] != "none":
        eps = [0.3] * 4 if said["facts"] != "loss" else [-0.5] * 4
        facts = quarters([100e6] * 4, eps=eps)["ALAB"]
        if said["facts"] == "no shares":
            del facts["shares_outstanding"]
        snap.facts["ALAB"] = facts
    if said["street"] != "none":
        year = {
            "empty": Consensus("0y", dt.date(2026, 12, 31)),
            "one analyst": Consensus("0y", dt.date(2026, 12, 31), Range(1.2, analysts=1)),
            "consensus": Consensus(
                "0y", dt.date(2026, 12, 31), Range(1.2, analysts=9), trend=(1.2, None, 0.0)
            ),
        }[said["street"]]
        stored = StoredEstimates("ALAB", NOW.date(), "yahoo", None, (year,), (), ())
        snap.street_of = {"ALAB": stored}.get
    return snap


@given(st.sampled_from(OF_THE_DAY_METRICS), figures, closes, closes, st.integers(0, 400))
def test_no_value_from_the_figures_alone_is_none_at_any_close(metric, said, one, other, later):
    first = observe(metric, "ALAB", snapshot(said, one, NOW))
    if first.missing is None or first.missing.code not in FIGURES_ONLY:
        return
    moment = NOW + dt.timedelta(hours=later)
    again = observe(metric, "ALAB", snapshot(said, other, moment))
    assert again.value is None and again.missing == first.missing, (metric, said)


def test_the_set_is_met_on_such_figures():
    """The law above is not empty: the codes most common in a replay come out of it."""
    seen = set()
    for lots in ("none", "sold", "costless"):
        for facts in ("none", "loss", "no shares"):
            for street in ("none", "empty", "one analyst"):
                said = {"lots": lots, "facts": facts, "street": street, "sec": True}
                snap = snapshot(said, Close(100, 99, 120, 1.1, 50), NOW)
                for metric in OF_THE_DAY_METRICS:
                    found = observe(metric, "ALAB", snap)
                    if found.missing is not None and found.missing.code in FIGURES_ONLY:
                        seen.add(found.missing.code)
    assert {c.value for c in seen} >= {
        "no_position",
        "no_lots",
        "sold",
        "costless_lots",
        "no_estimates",
        "no_consensus",
        "few_analysts",
        "no_fundamentals_yet",
        "pe_undefined",
        "no_shares_outstanding",
    }
