"""What one tool call reads: the database (opened read-only), the catalysts.toml it follows, the
moment of the call and your zone; the symbols and checkpoints an argument may name; and what the
citations of one answer look up, each read once a call (a ticker's filings, releases, quote,
the Street's estimates, its KPIs)."""

from __future__ import annotations

import datetime as dt
import difflib
import functools
from typing import TYPE_CHECKING, Any

from ..market.sec import SEC
from ..views.kpis import KpisView, load_kpis
from . import citing
from .arguments import BadArguments

#: The periodic reports: a value of a day is cited from one before an 8-K of the same day.
PERIODIC = ("10-Q", "10-K", "20-F", "40-F")

if TYPE_CHECKING:
    from ..config import Config
    from ..market.estimates import StoredEstimates
    from ..market.models import LastQuote
    from ..store import Store
    from ..store.records import FilingRecord
    from ..thesis.reported.results import Release


class Call:
    """One tool call's reads. Built for the call and dropped after it: nothing is kept from
    one call to the next but the open database."""

    def __init__(self, store: Store, config: Config, now: dt.datetime, zone: dt.tzinfo) -> None:
        self.store, self.config, self.now, self.zone = store, config, now, zone

    @property
    def today(self) -> dt.date:
        return self.now.astimezone(self.zone).date()

    @property
    def base(self) -> str:
        """The base currency of the portfolio's figures."""
        return self.config.settings.currency

    def day_start(self, day: dt.date) -> dt.datetime:
        """The first moment of `day` in your zone."""
        return dt.datetime.combine(day, dt.time(), self.zone)

    @functools.cached_property
    def symbols(self) -> list[str]:
        return self.store.views.active_symbols()

    def symbol(self, given: str) -> str:
        """A ticker of the thesis, as the argument names it (in any case); else BadArguments
        with the closest ones."""
        symbol = given.upper()
        if symbol in self.symbols:
            return symbol
        close = difflib.get_close_matches(symbol, self.symbols, n=3, cutoff=0.6)
        mean = f"; did you mean {' or '.join(close)}?" if close else ""
        raise BadArguments(f"symbol: {symbol} is not a ticker of this thesis{mean}")

    def checkpoint(self, symbol: str, given: str) -> str:
        ids = [c.id for c in self.store.views.checkpoints(symbol)]
        if given in ids:
            return given
        close = difflib.get_close_matches(given, ids, n=3, cutoff=0.6)
        mean = f"; did you mean {' or '.join(close)}?" if close else ""
        raise BadArguments(f"checkpoint: {symbol} has no checkpoint {given}{mean}")

    # -- what citations look up, once a call --------------------------------------------------
    @functools.cache  # noqa: B019 - the Call lives one call
    def filings(self, symbol: str) -> list[FilingRecord]:
        return self.store.evidence.filings(symbol, limit=-1)

    @functools.cache  # noqa: B019
    def releases(self, symbol: str) -> list[Release]:
        return self.store.results.releases(symbol)

    @functools.cached_property
    def quotes(self) -> dict[str, LastQuote]:
        return self.store.market.last_quotes()

    def quote(self, symbol: str) -> LastQuote | None:
        return self.quotes.get(symbol)

    @functools.cache  # noqa: B019
    def estimates(self, symbol: str) -> StoredEstimates | None:
        return self.store.estimates.of(symbol)

    @functools.cache  # noqa: B019
    def kpis(self, symbol: str) -> KpisView:
        return load_kpis(self.store, symbol)

    @functools.cache  # noqa: B019
    def as_filed(self, symbol: str) -> dict[dt.date, list[tuple[str, str]]]:
        """Each filing day's (form, accession) of `symbol`'s values as SEC's filings stated
        them, the periodic reports first."""
        found: dict[dt.date, set[tuple[str, str]]] = {}
        for v in self.store.as_filed.of(symbol):
            if v.accession:
                found.setdefault(v.filed, set()).add((v.form, v.accession))
        return {
            day: sorted(pairs, key=lambda p: (p[0] not in PERIODIC, p))
            for day, pairs in found.items()
        }

    def filing_index(self, symbol: str, accession: str) -> str | None:
        """The address of a filing's index on EDGAR, from the company's CIK (SEC's map, else a
        filing of it stored; None: not known)."""
        cik = self.ciks.get(symbol) or next((f.filing.cik for f in self.filings(symbol)), None)
        if not cik or not cik.isdigit():
            return None
        archives = self.config.providers.of(SEC).archives_url.rstrip("/")
        folder = accession.replace("-", "")
        return f"{archives}/Archives/edgar/data/{int(cik)}/{folder}/{accession}-index.html"

    @functools.cached_property
    def ciks(self) -> dict[str, str]:
        return self.store.market.cik_map()

    def accessions(self, document_ids: list[int]) -> dict[int, str]:
        return self.store.evidence.accessions(document_ids) if document_ids else {}

    def kpi_source(self, symbol: str, kind: str, subject: str) -> dict[str, Any]:
        """The sentence a KPI checkpoint's value was read from: its series' newest outcome."""
        series = next(
            (s for s in self.kpis(symbol).series if s.kind == kind and s.subject == subject), None
        )
        point = series.newest_outcome if series is not None else None
        if point is None:
            return {"source": "a sentence of a document", "why": "no document read states it"}
        accession = self.accessions([point.stated.document_id]).get(point.stated.document_id)
        return citing.sentence(point.stated, accession)
