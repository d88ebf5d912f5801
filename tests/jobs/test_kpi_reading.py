"""The refresh's reading of KPIs from words (jobs/kpi_reading.py) on a real store: the products
a ticker is read for are those its active conditions name; each document is read once, and all
of them again when another product is named; a ticker whose only interest in documents is a KPI
condition gets its filings' documents fetched (the loopback SEC) and read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from catalyst_tui.config import parse_config
from catalyst_tui.jobs.kpi_reading import company_names, kpi_subjects, read_kpis_of
from catalyst_tui.jobs.refresh import refresh_in_process
from catalyst_tui.jobs.text_reader import Readers, TextReader
from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.registry import PROVIDER_BOUNDS, RATE_LIMITS
from catalyst_tui.store import Store
from catalyst_tui.store.records import NewDocument
from tests.support.filings_server import FilingsServer
from tests.support.limits import ClientLimits
from tests.support.market_server import MarketServer

LIMITS: ClientLimits = {"rate_limits": RATE_LIMITS, "bounds": PROVIDER_BOUNDS}
UA = "Catalyst Tests tests@example.com"
NOW = dt.datetime(2026, 11, 20, 15, 0, tzinfo=dt.UTC)
THESIS = """
[tickers.ALAB]
name = "Astera Labs"
[[tickers.ALAB.checkpoints]]
id = "scorpio"
title = "Scorpio grows into revenue"
kind = "guard"
when = "{when}"
[[tickers.ALAB.checkpoints]]
id = "margin"
title = "Margins hold"
kind = "guard"
when = "gross_margin >= 70%"

[tickers.CRDO]
name = "Credo"
[[tickers.CRDO.checkpoints]]
id = "margin"
title = "Margins hold"
kind = "guard"
when = "gross_margin >= 60%"
"""
Q3 = (
    "Scorpio was over 10% of total revenue, with a Q4 exit rate closer to 20%. Aries revenue "
    "grew 30% sequentially. The company raised its full-year guidance."
)


def document(key: str, text: str, day: dt.date) -> NewDocument:
    published = dt.datetime.combine(day, dt.time(21, 5), dt.UTC)
    return NewDocument("sec", key, None, "8-K EX-99.1", "results", key, published, text)


def thesis(when: str) -> str:
    return THESIS.format(when=when)


def test_the_products_read_for_are_those_the_conditions_name(tmp_path: Path):
    text = thesis("share(scorpio) >= 20%") + (
        '[[tickers.ALAB.checkpoints]]\nid = "aries"\ntitle = "Aries"\nkind = "guard"\n'
        'when = "growth(Aries) >= 0%"\n[[tickers.ALAB.checkpoints]]\nid = "again"\n'
        'title = "Again"\nkind = "guard"\nwhen = "share(Scorpio) >= 5%"\n'
    )
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(parse_config(text), NOW)
        # One per name in any case, sorted; CRDO names no KPI: not read.
        assert kpi_subjects(store) == {"ALAB": ("Aries", "scorpio")}


def test_documents_stored_are_read_once_and_their_kpis_kept(tmp_path: Path):
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(parse_config(thesis("share(Scorpio) >= 20%")), NOW)
        store.evidence.save_documents("ALAB", [document("q3", Q3, dt.date(2025, 11, 4))], NOW)
        store.evidence.save_documents("CRDO", [document("c", Q3, dt.date(2025, 11, 4))], NOW)
        # Scorpio's share "over 10%", its exit rate "closer to 20%", the guidance "raised";
        # Aries is named by no condition: its growth is not read.
        assert read_kpis_of(store, NOW) == 3
        series = store.kpis.series("ALAB")
        assert [(s.kpi.kind, s.kpi.subject, s.kpi.value, s.kpi.basis) for s in series] == [
            ("share", "Scorpio", 0.10, ""),
            ("share", "Scorpio", 0.20, "Q4 exit rate"),
            ("guidance", "", None, "raised"),
        ]
        assert store.kpis.series("CRDO") == ()
        assert read_kpis_of(store, NOW) == 0  # nothing new to read
        later = "Scorpio represented 22% of total revenue in the fourth quarter."
        store.evidence.save_documents("ALAB", [document("q4", later, dt.date(2026, 2, 10))], NOW)
        assert read_kpis_of(store, NOW) == 1  # the new document alone
        [*_, newest] = store.kpis.series("ALAB")
        assert (newest.kpi.value, newest.day) == (0.22, dt.date(2026, 2, 10))


def test_a_new_product_named_reads_the_old_documents_again(tmp_path: Path):
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(parse_config(thesis("share(Scorpio) >= 20%")), NOW)
        store.evidence.save_documents("ALAB", [document("q3", Q3, dt.date(2025, 11, 4))], NOW)
        read_kpis_of(store, NOW)
        store.sync.apply(parse_config(thesis("growth(Aries) >= 25%")), NOW)
        # Read again for Aries: "grew 30% sequentially" is kept, Scorpio's go.
        assert read_kpis_of(store, NOW) == 2
        kept = [(s.kpi.kind, s.kpi.subject, s.kpi.value) for s in store.kpis.series("ALAB")]
        assert kept == [("growth", "Aries", 0.30), ("guidance", "", None)]
        assert store.kpis.reading("ALAB")[0] == ("Aries",)


def test_a_documents_day_sets_which_year_is_the_year_before(tmp_path: Path):
    """A growth "over the third quarter of 2024" in a document of November 2026 is against two
    years before: no year-over-year growth; the same words in November 2025 are against the
    year before."""
    said = (
        "Aries revenue grew 40% over the third quarter of 2024. We expect 2026 revenue to grow "
        "faster than in 2025."
    )
    read = {}
    for day in (dt.date(2026, 11, 4), dt.date(2025, 11, 4)):
        with Store.open(tmp_path / f"{day}.db") as store:
            store.sync.apply(parse_config(thesis("growth(Aries) >= 25%")), NOW)
            store.evidence.save_documents("ALAB", [document(str(day), said, day)], NOW)
            read_kpis_of(store, NOW)
            [grown] = store.kpis.series("ALAB")
            read[day.year] = (grown.kpi.value, grown.kpi.basis)
    assert read == {2026: (0.40, ""), 2025: (0.40, "year over year")}


async def test_a_kpi_ticker_without_evidence_entries_gets_its_filings_documents_read(tmp_path):
    """ALAB's checkpoints carry no evidence entries; `share(Scorpio)` alone makes its 8-K's
    press release (item 8.01: no earnings release the results step would fetch) fetched, stored
    and read. CRDO, with neither, has no document fetched."""
    release = f"<html><body><p>Astera Labs reported results.</p><p>{Q3}</p></body></html>"
    with MarketServer(symbols=["ALAB", "CRDO"]) as market, FilingsServer() as sec:
        sec.add_filing(
            "ALAB",
            "8-K",
            dt.datetime(2026, 11, 4, 21, 5, tzinfo=dt.UTC),
            items=("8.01", "9.01"),
            exhibits={"EX-99.1": ("alab-ex991.htm", release)},
        )
        sec.add_filing(
            "CRDO",
            "8-K",
            dt.datetime(2026, 11, 5, 21, 5, tzinfo=dt.UTC),
            items=("8.01", "9.01"),
            exhibits={"EX-99.1": ("crdo-ex991.htm", release)},
        )
        config = parse_config(sec.settings_toml(market.url, UA) + thesis("share(Scorpio) >= 20%"))
        now = dt.datetime(2026, 11, 6, 15, 0, tzinfo=dt.UTC)
        with Store.open(tmp_path / "c.db") as store:
            store.sync.apply(config, now - dt.timedelta(days=7))
            async with MarketClient(trust_env=False, **LIMITS, backoff_base=0.01) as client:
                await refresh_in_process(config, store, now=lambda: now, client=client)
            crdo = sec.filings[1].folder
            assert not [r for r in sec.requests(crdo) if r.path.endswith("crdo-ex991.htm")]
            assert store.evidence.documents("CRDO") == []
            share, rate, guidance = store.kpis.series("ALAB")
            assert (share.kpi.value, share.kpi.comparison, share.form) == (
                0.10,
                "over",
                "8-K EX-99.1",
            )
            assert share.day == dt.date(2026, 11, 4)
            assert (rate.kpi.basis, guidance.kpi.basis) == ("Q4 exit rate", "raised")


def test_a_figure_said_of_the_companys_name_in_the_thesis_is_its_revenue(tmp_path: Path):
    """ALAB is named "Astera Labs" in catalysts.toml: "Astera Labs revenue grew 20%" is the
    company's own revenue growth. Another company named in its document is not ("Credo revenue
    grew 30%": Credo's, no line of ALAB's); a ticker whose name is its symbol gives no name."""
    said = (
        "Astera Labs revenue grew 20% year over year in the third quarter. Credo revenue grew "
        "30% in the same period."
    )
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(parse_config(thesis("growth(revenue) >= 15%")), NOW)
        store.evidence.save_documents("ALAB", [document("q3", said, dt.date(2025, 11, 4))], NOW)
        assert read_kpis_of(store, NOW) == 1
        [grown] = store.kpis.series("ALAB")
        assert (grown.kpi.kind, grown.kpi.subject, grown.kpi.value, grown.kpi.basis) == (
            "growth",
            "revenue",
            0.20,
            "year over year",
        )
        assert company_names(store, "ALAB") == ("Astera Labs",)
        store.sync.apply(
            parse_config(
                '[tickers.NVDA]\n[[tickers.NVDA.checkpoints]]\nid = "m"\n'
                'title = "M"\nkind = "guard"\nwhen = "gross_margin >= 70%"\n'
            ),
            NOW,
        )
        assert company_names(store, "NVDA") == ()


async def test_the_text_readers_child_reads_with_the_companys_name():
    """The name reaches the child process that reads a document's words (jobs/text_reader.py,
    thesis/text_child.py): with it, "Astera Labs revenue grew 20%" is the company's revenue, a
    KPI of its thesis; without it the figure is a part no thesis line names."""
    said = "Astera Labs revenue grew 20% year over year in the third quarter."
    async with TextReader() as reader:
        named = await reader.read(said, Readers((), ("revenue",), True, ("Astera Labs",)))
        unnamed = await reader.read(said, Readers((), ("revenue",), True))
    assert (named.kpis, unnamed.kpis) == (1, 0)


def test_a_figure_said_of_the_name_its_ticker_abbreviates_is_its_revenue(tmp_path: Path):
    """NTGR's call says "Netgear net revenue … down 11.5%": the name the ticker abbreviates (its
    letters in their order) is the company's, though catalysts.toml names it by its symbol
    alone; "Arlo revenue grew 30%" is another's."""
    said = (
        "For the first quarter, Netgear net revenue was $309.2 million, which is down 11.5% on "
        "a year-over-year basis. Arlo revenue grew 30% in the same period."
    )
    with Store.open(tmp_path / "c.db") as store:
        _guarded(store, "NTGR", "growth(revenue) >= 15%")
        store.evidence.save_documents("NTGR", [document("q1", said, dt.date(2015, 4, 23))], NOW)
        assert company_names(store, "NTGR") == ()
        assert read_kpis_of(store, NOW) == 1
        [grown] = store.kpis.series("NTGR")
        assert (grown.kpi.subject, grown.kpi.value, grown.kpi.basis) == (
            "revenue",
            -0.115,
            "year over year",
        )


def test_a_figure_said_of_the_companys_name_at_sec_is_its_revenue(tmp_path: Path):
    """HELE's call says "Helen of Troy grew revenues by 7.9%": SEC's map names the ticker's
    company "HELEN OF TROY LTD", and that name without its legal form is the company's own,
    though catalysts.toml names it by its symbol; the map's name of another ticker is not. With
    no map stored, the figure is a part no line of HELE's names."""
    said = (
        "Despite foreign currency headwinds, Helen of Troy grew revenues by 7.9% for the full "
        "fiscal year. Revlon revenue grew 3% in the same period."
    )
    read = {}
    for mapped in (False, True):
        with Store.open(tmp_path / f"{mapped}.db") as store:
            _guarded(store, "HELE", "growth(revenue) >= 5%")
            if mapped:
                store.market.save_cik_map(
                    {"HELE": "0000916789", "REV": "0000887921"},
                    NOW,
                    {"HELE": "HELEN OF TROY LTD", "REV": "REVLON INC"},
                )
            day = dt.date(2015, 4, 28)
            store.evidence.save_documents("HELE", [document("q4", said, day)], NOW)
            read[mapped] = (read_kpis_of(store, NOW), company_names(store, "HELE"))
            grown = [(k.kpi.subject, k.kpi.value) for k in store.kpis.series("HELE")]
    assert read == {False: (0, ()), True: (1, ("HELEN OF TROY LTD",))}
    assert grown == [("revenue", 0.079)]


async def test_the_text_readers_child_reads_with_the_ticker():
    """The ticker reaches the child too: "Netgear net revenue" is NTGR's revenue, not ALAB's."""
    said = "Netgear net revenue was down 11.5% year over year."
    async with TextReader() as reader:
        own = await reader.read(said, Readers((), ("revenue",), True, (), "NTGR"))
        other = await reader.read(said, Readers((), ("revenue",), True, (), "ALAB"))
    assert (own.kpis, other.kpis) == (1, 0)


def _guarded(store: Store, symbol: str, when: str) -> None:
    """A thesis of `symbol` alone, named by its symbol, with one guard `when`."""
    config = f'[tickers.{symbol}]\n[[tickers.{symbol}.checkpoints]]\nid = "g"\ntitle = "G"\n'
    store.sync.apply(parse_config(config + f'kind = "guard"\nwhen = "{when}"\n'), NOW)
