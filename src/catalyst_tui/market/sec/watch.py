"""The fast watch's SEC sources (market/fetch_kinds.py registers them; jobs/watch.py asks them
while results are awaited), each asked conditionally (If-None-Match with the ETag EDGAR gave,
else If-Modified-Since): an unchanged answer is a 304 with no body.

- `CurrentFilings`: EDGAR's current-filings feed of 8-Ks (the Atom at
  `/cgi-bin/browse-edgar?action=getcurrent&type=8-K&output=atom`): one request for every awaited
  company, listing a filing as soon as EDGAR accepts it, where a company's submissions JSON can
  lag the filing on earnings nights.
- `Submissions`: one company's submissions JSON (`/submissions/CIK##########.json`), its
  newest results form.

Each answers the awaited symbols with a new results filing since its last answer, by accession;
its first answer only learns what is there."""

from __future__ import annotations

import dataclasses
import json
import logging
import re
from datetime import date
from typing import TYPE_CHECKING

from ..models import FetchError
from .filings import EASTERN, Filing

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..http.client import MarketClient

log = logging.getLogger(__name__)

RESULTS_FORMS = ("8-K", "8-K/A", "6-K")
CURRENT_PATH = "/cgi-bin/browse-edgar?action=getcurrent&type=8-K&company=&dateb=&owner=include"
CURRENT_QUERY = "&start=0&count=100&output=atom"
_CIK = re.compile(r"\((\d{1,10})\)")
_FILED = re.compile(r"Filed:\s*(\d{4}-\d{2}-\d{2})")
_ITEM = re.compile(r"Item (\d{1,2}\.\d{2})")
# The filing's folder in EDGAR's archives: the company's CIK, then the accession's digits.
_FOLDER = re.compile(r"/Archives/edgar/data/(\d{1,10})/(\d{10})(\d{2})(\d{6})/")


@dataclasses.dataclass
class _Validators:
    """The validators of SEC's last answer, sent back to ask only for a change."""

    etag: str = ""
    modified: str = ""

    def headers(self, user_agent: str) -> dict[str, str]:
        headers = {"User-Agent": user_agent}
        if self.etag:
            headers["If-None-Match"] = self.etag
        elif self.modified:
            headers["If-Modified-Since"] = self.modified
        return headers

    async def ask(
        self, client: MarketClient, url: str, user_agent: str, symbol: str | None = None
    ) -> bytes | None:
        """The body of a changed answer; None when unchanged or not answered."""
        try:
            response = await client.get("sec", url, headers=self.headers(user_agent), symbol=symbol)
        except FetchError as exc:
            log.info("the fast watch (%s): %s", symbol or "current filings", exc.message)
            return None
        if response.status_code == 304 or response.status_code >= 400:
            return None
        self.etag = response.headers.get("ETag", "")
        self.modified = response.headers.get("Last-Modified", "")
        return response.content


@dataclasses.dataclass
class CurrentFilings:
    """EDGAR's current-filings feed: the awaited companies' new 8-Ks, in one request."""

    archives_url: str
    user_agent: str
    name: str = "sec-current"
    together: bool = True  # one request answers for every awaited company
    asked: int = 0
    _validators: _Validators = dataclasses.field(default_factory=_Validators)
    _seen: set[str] | None = None  # accessions listed before; None: not asked yet
    _filings: dict[str, Filing] = dataclasses.field(default_factory=dict)  # the last answer's

    def forget(self, keep: set[str]) -> None:
        """Nothing kept by company: the feed is one for all."""

    async def news(self, client: MarketClient, awaited: Mapping[str, str]) -> dict[str, str]:
        """The awaited symbols (symbol -> CIK) whose new 8-K the feed lists, by accession."""
        url = self.archives_url.rstrip("/") + CURRENT_PATH + CURRENT_QUERY
        self.asked += 1
        body = await self._validators.ask(client, url, self.user_agent)
        if body is None:
            return {}
        self._filings = current_filings(body, url)
        listed = {accession: int(f.cik) for accession, f in self._filings.items()}
        before, self._seen = self._seen, (self._seen or set()) | set(listed)
        if before is None:  # the first answer: only learns what is there
            return {}
        by_cik = {int(cik): symbol for symbol, cik in awaited.items()}
        new = {}
        for accession, cik in listed.items():
            symbol = by_cik.get(cik)
            if symbol is not None and accession not in before:
                new[symbol] = accession
        return new

    def filing(self, accession: str) -> Filing | None:
        """The filing of `accession` as the feed listed it (its form, company, items, filing
        day and acceptance time): what the refresh reads its release from, before the company's
        submissions list it."""
        return self._filings.get(accession)


def current_filings(body: bytes, url: str) -> dict[str, Filing]:
    """The current-filings feed's results forms by accession (none for a body that is no
    feed): each entry's title names its form and company ("8-K - NAME (0001736297) (Filer)"),
    its link the filing's index, its summary the filing day and the items ("Filed: 2026-11-03
    AccNo: … Item 2.02: Results of Operations…"), its `updated` the acceptance time. An entry
    whose link is in another company's folder than the CIK its title names is logged and
    skipped: its filing would be taken for the wrong company's."""
    from ...reading.errors import FormatError
    from ...reading.feeds import parse_feed

    try:
        entries = parse_feed(body, url)
    except FormatError:
        return {}
    out = {}
    for entry in entries:
        form = entry.title.split(" - ", 1)[0].strip()
        cik, folder = _CIK.search(entry.title), _FOLDER.search(entry.link)
        filed = _FILED.search(entry.summary)
        if form not in RESULTS_FORMS or cik is None or folder is None or filed is None:
            continue
        if entry.published is None:
            continue
        if int(folder.group(1)) != int(cik.group(1)):
            log.warning(
                "EDGAR's current filings: %r links the folder of CIK %d, not its filer's: skipped",
                entry.title[:200],
                int(folder.group(1)),
            )
            continue
        try:
            day = date.fromisoformat(filed.group(1))
        except ValueError:
            continue
        number = "-".join(folder.groups()[1:])
        out[number] = Filing(
            cik=f"{int(cik.group(1)):010d}",
            accession=number,
            form=form,
            items=tuple(dict.fromkeys(_ITEM.findall(entry.summary))),
            accepted=entry.published.astimezone(EASTERN),
            filed=day,
            report_date=None,
            primary_document="",
        )
    return out


@dataclasses.dataclass
class Submissions:
    """Each awaited company's submissions JSON: its newest results form."""

    base_url: str
    user_agent: str
    name: str = "sec-submissions"
    together: bool = False  # one request a company, each at its turn
    asked: int = 0
    _validators: dict[str, _Validators] = dataclasses.field(default_factory=dict)
    _newest: dict[str, str] = dataclasses.field(default_factory=dict)

    async def news(self, client: MarketClient, awaited: Mapping[str, str]) -> dict[str, str]:
        """Of the symbols given (symbol -> CIK: those whose turn it is), those whose newest
        results form is new since the last answer, by accession."""
        new = {}
        for symbol, cik in awaited.items():
            url = f"{self.base_url.rstrip('/')}/submissions/CIK{int(cik):010d}.json"
            self.asked += 1
            validators = self._validators.setdefault(symbol, _Validators())
            body = await validators.ask(client, url, self.user_agent, symbol)
            if body is None:
                continue
            newest = newest_results(body)
            previous = self._newest.get(symbol)
            self._newest[symbol] = newest if newest is not None else (previous or "")
            if previous is not None and newest is not None and newest != previous:
                new[symbol] = newest
        return new

    def filing(self, accession: str) -> Filing | None:
        """None: the submissions' filings are the refresh's to list."""
        return None

    def forget(self, keep: set[str]) -> None:
        """Only those still awaited kept: the others' validators and newest filing dropped."""
        for symbol in set(self._newest) | set(self._validators):
            if symbol not in keep:
                self._validators.pop(symbol, None)
                self._newest.pop(symbol, None)


def newest_results(body: bytes) -> str | None:
    """The accession of the newest results form in a submissions answer, or None."""
    try:
        recent = json.loads(body)["filings"]["recent"]
        forms, accessions = recent["form"], recent["accessionNumber"]
    except (ValueError, KeyError, TypeError):
        return None
    for form, accession in zip(forms, accessions, strict=False):
        if form in RESULTS_FORMS:
            return str(accession)
    return None
