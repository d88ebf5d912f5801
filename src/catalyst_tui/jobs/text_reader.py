"""A document's text read before it is stored, in a child process stopped at its time limit
(thesis/text_child.py, a jobs/kept_child.py `KeptChild`): its passages for the ticker's evidence
entries and its KPIs, as the matching and the KPI reading after it will read them. A text that
is not read within READ_LIMIT is known before it is stored: a document brought is refused
(jobs/documents.py), a feed's item kept with its title and summary alone (jobs/feeds.py); no
later command reads what could not be read, and it is said once, with why."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, NamedTuple

from .kept_child import KeptChild, ReaderFailed, ReadTimedOut
from .kpi_reading import company_names, kpi_subjects

if TYPE_CHECKING:
    from ..store import Store

__all__ = ["MODULE", "READ_LIMIT", "ReadTimedOut", "ReaderFailed", "TextRead", "TextReader"]

MODULE = "catalyst_tui.thesis.text_child"
# Seconds of the child's CPU time: a transcript of 100 pages reads in well under one.
READ_LIMIT = 10.0


class TextRead(NamedTuple):
    """What a text gave when it was read: how many passages, and how many KPIs."""

    passages: int
    kpis: int


class Readers(NamedTuple):
    """What a ticker's texts are read for: its evidence entries, the KPIs its conditions name."""

    entries: tuple[str, ...]
    subjects: tuple[str, ...]
    kpis: bool  # a condition of the ticker names a KPI read from words
    names: tuple[str, ...] = ()  # the company's name in catalysts.toml (kpi_reading)
    symbol: str = ""  # the ticker, which the company's name in a text abbreviates

    @classmethod
    def of(cls, store: Store, symbol: str) -> Readers:
        """What `symbol`'s documents are read for, as the store holds its checkpoints."""
        entries = [e for t in store.evidence.targets() if t.symbol == symbol for e in t.entries]
        subjects = kpi_subjects(store)
        return cls(
            tuple(dict.fromkeys(entries)),
            subjects.get(symbol, ()),
            symbol in subjects,
            company_names(store, symbol),
            symbol,
        )


class TextReader(KeptChild):
    """Texts read one after another by one child process (`async with TextReader() as r`)."""

    child = MODULE
    what = "the text reader"
    largest = 1 << 10  # two counts in JSON
    counts_work = True  # READ_LIMIT is of the child's CPU time: a busy machine does not refuse

    async def __aenter__(self) -> TextReader:
        return self

    async def read(self, text: str, readers: Readers, limit: float | None = None) -> TextRead:
        """`text` read for `readers` within `limit` seconds (READ_LIMIT); ReadTimedOut past
        it, ReaderFailed when the child gives no answer."""
        limit = READ_LIMIT if limit is None else limit
        body = text.encode("utf-8", "replace")
        head = {
            "entries": readers.entries,
            "subjects": readers.subjects,
            "kpis": readers.kpis,
            "names": readers.names,
            "symbol": readers.symbol,
        }
        asked = f"{limit!r}\n{json.dumps(head)}\n{len(body)}\n".encode() + body
        answer = await self.exchange(asked, limit)
        try:
            said = json.loads(answer)
            return TextRead(int(said["passages"]), int(said["kpis"]))
        except (ValueError, KeyError, TypeError) as exc:
            raise await self.failed(f"the text reader's answer is unreadable ({exc})") from None
