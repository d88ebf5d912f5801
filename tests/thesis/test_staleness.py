"""What a verdict's data is read from, and when it is stale (thesis/staleness.py): hand-written
checkpoints, provider failures and quotes; the moments and words worked by hand."""

from __future__ import annotations

import datetime as dt

from catalyst_tui.market.models import LastQuote, Quote
from catalyst_tui.thesis.staleness import SEC_EDGAR, Failing, reads, stale_since, stale_text
from catalyst_tui.thesis.verdict import Standing

D20 = dt.datetime(2026, 11, 20, 21, 0, tzinfo=dt.UTC)
D21 = D20 + dt.timedelta(days=1)


def guard(metric: str, **kw) -> Standing:
    return Standing(metric, metric, "guard", "met", metric=metric, **kw)


def quote(*, stale: bool, source: str = "yahoo") -> LastQuote:
    q = Quote("ALAB", 180.0, None, None, None, "USD", None, D20, source)
    return LastQuote("ALAB", q, D20, stale)


def test_each_checkpoint_reads_its_metrics_source_and_a_pending_milestone_its_report():
    assert reads([guard("gross_margin")]) == {SEC_EDGAR}
    assert reads([guard("price")]) == {"quotes"}
    assert reads([guard("forward_pe")]) == set()  # the Street's is judged by its own day
    assert reads([Standing("m", "m", "milestone", "pending")]) == {SEC_EDGAR}
    assert reads([Standing("m", "m", "milestone", "met")]) == set()  # settled: reads nothing
    assert reads([guard("gross_margin", manual=True)]) == set()  # your mark reads no data


def test_sec_failing_makes_stale_only_a_verdict_that_reads_it():
    failing = {SEC_EDGAR: Failing(D21, D20)}
    assert stale_since([guard("price")], failing, quote(stale=False)) is None
    stale = stale_since([guard("gross_margin")], failing, None)
    assert stale is not None and (stale.since, stale.data_of) == (D20, D20.date())
    assert stale_text(stale) == "from data of 2026-11-20 (sec failing, last tried 2026-11-21)"


def test_a_quote_not_renewed_while_its_provider_answers_says_so():
    stale = stale_since([guard("price")], {}, quote(stale=True))
    assert stale is not None and stale.sources == (("quote", None),)
    assert stale_text(stale) == "from data of 2026-11-20 (quote not renewed)"
    assert stale_since([guard("price")], {}, quote(stale=False)) is None


def test_a_source_that_never_answered_gives_no_data_day():
    stale = stale_since([guard("gross_margin")], {SEC_EDGAR: Failing(D21, None)}, None)
    assert stale is not None and (stale.since, stale.data_of) == (D21, None)
    assert stale_text(stale) == "from data never fetched (sec failing, last tried 2026-11-21)"
