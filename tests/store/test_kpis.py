"""KPIs kept on a real SQLite file (store/kpis.py): each value with its sentence and the document
it came from, dated by that document; read again whole when the products read for change, so a
product no condition names any more leaves nothing behind."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from catalyst_tui.store import Store
from catalyst_tui.store.records import NewDocument
from catalyst_tui.thesis.kpis.statements import read_kpis

NOW = dt.datetime(2026, 11, 20, 15, 0, tzinfo=dt.UTC)
# A release's day is its filing's, in New York: 21:05 UTC on 4 November is 16:05 there.
RELEASED = dt.datetime(2025, 11, 4, 21, 5, tzinfo=dt.UTC)
SAID = "Scorpio was over 10% of total revenue, with a Q4 exit rate closer to 20%."


def document(key: str, text: str, published: dt.datetime) -> NewDocument:
    return NewDocument("sec", key, None, "8-K EX-99.1", "Q3 2025 results", key, published, text)


def test_a_kpi_is_kept_with_its_sentence_and_dated_by_its_document(tmp_path: Path):
    with Store.open(tmp_path / "c.db") as store:
        store.evidence.save_documents(
            "ALAB", [document("r1", f"Intro.\n\n{SAID}\n", RELEASED)], NOW
        )
        [doc] = store.evidence.documents("ALAB")
        text = store.evidence.text(doc.id)
        found = [(doc.id, k) for k in read_kpis(text, ["Scorpio"])]
        assert store.kpis.record("ALAB", ["Scorpio"], found, doc.id, NOW) == 2
        assert store.kpis.record("ALAB", ["Scorpio"], found, doc.id, NOW) == 0  # kept once
        share, rate = store.kpis.series("ALAB")
        assert (share.kpi.value, share.kpi.comparison, share.kpi.basis) == (0.10, "over", "")
        assert (rate.kpi.value, rate.kpi.comparison, rate.kpi.basis) == (
            0.20,
            "closer to",
            "Q4 exit rate",
        )
        assert share.day == dt.date(2025, 11, 4)
        assert text[share.kpi.start : share.kpi.end] == SAID
        assert (share.url, share.form, share.document_id) == ("r1", "8-K EX-99.1", doc.id)
        assert store.kpis.reading("ALAB") == (("Scorpio",), doc.id)


def test_other_products_read_again_leave_nothing_of_the_ones_before(tmp_path: Path):
    with Store.open(tmp_path / "c.db") as store:
        store.evidence.save_documents("ALAB", [document("r1", SAID, RELEASED)], NOW)
        [doc] = store.evidence.documents("ALAB")
        found = [(doc.id, k) for k in read_kpis(SAID, ["Scorpio"])]
        store.kpis.record("ALAB", ["Scorpio"], found, doc.id, NOW)
        assert store.kpis.record("ALAB", ["Aries"], [], doc.id, NOW) == 0
        assert store.kpis.series("ALAB") == ()
        assert store.kpis.reading("ALAB") == (("Aries",), doc.id)
        assert store.kpis.reading("CRDO") == ((), 0)


def test_a_value_is_said_as_its_sentence_states_it():
    from catalyst_tui.thesis.kpis.statements import said

    share, rate = read_kpis(SAID, ["Scorpio"])
    assert (said(share), said(rate)) == ("over 10%", "closer to 20% (Q4 exit rate)")
    [growth] = read_kpis("Blackwell revenue grew 17% sequentially.", ["Blackwell"])
    assert said(growth) == "+17% sequentially"
    [ranged] = read_kpis("Scorpio was 10% to 12.5% of revenue.", ["Scorpio"])
    assert said(ranged) == "10% to 12.5%"
    [ahead] = read_kpis("Scorpio will exceed 20% of revenue in 2026.", ["Scorpio"])
    assert said(ahead) == "over 20%, forecast"
    [raised] = read_kpis("The company raised its full-year guidance.")
    assert said(raised) == "raised"
