"""SEC EDGAR over HTTP: the ticker→CIK map, companyfacts, submissions (filings) and archive
documents, with the declared User-Agent.

EDGAR refuses undeclared tools (HTTP 403 and an HTML page) and allows 10 requests per second, so
every request carries `User-Agent: <Name email>` and goes through the client's "sec" rate limit,
which is lowered to 10/s if it was set higher. Parsing lives in tickers.py, facts.py and
filings.py; the settings and the spec in __init__.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...reading.filing_index import xbrl_files
from ..bounds import checked_facts
from ..http.errors import describe_url, raise_for_status
from ..http.limits import MiB
from ..models import Companies, Fact, FetchError, FiledValue
from ..provider import FilingIndex, FilingsSource, FundamentalsSource
from ..values import decode_json
from .as_filed import filed_values
from .facts import derive_facts
from .filings import (
    Filing,
    IndexDocument,
    exhibits,
    parse_filing_index,
    parse_index_accepted,
    parse_submissions,
    parse_submissions_page,
)
from .tickers import SecFormatError, cik_for, parse_companies

if TYPE_CHECKING:
    from collections.abc import Mapping
    from datetime import datetime

    import httpx

    from ..http.client import MarketClient

# EDGAR's published limit, held to by any client; the spec gives the client it (sec/__init__.py).
SEC_MAX_PER_SECOND = 10.0
PROVIDER = "sec"
MAX_DOCUMENT_BYTES = 16 * MiB  # of one filing index or document, decoded


class SecEdgar(FundamentalsSource, FilingsSource):
    """companyfacts, the ticker map, submissions and archive documents, through the shared
    client, as the declared User-Agent."""

    name = PROVIDER

    def __init__(
        self, base_url: str, tickers_url: str, user_agent: str | None, archives_url: str = ""
    ) -> None:
        """`archives_url`: where filing indexes and documents are (providers.sec.archives_url);
        the archive URLs are built from it by the caller."""
        if not user_agent or not user_agent.strip():
            raise ValueError(
                "SEC EDGAR needs a declared User-Agent: set providers.sec.user_agent to "
                "'Your Name you@example.com'"
            )
        self.base_url = base_url.rstrip("/")
        self.tickers_url = tickers_url
        self.user_agent = user_agent.strip()
        self.archives_url = archives_url.rstrip("/")

    async def fetch_cik_map(self, client: MarketClient) -> dict[str, str]:
        """{ticker: 10-digit CIK} from company_tickers.json."""
        return (await self.fetch_companies(client)).ciks

    async def fetch_companies(self, client: MarketClient) -> Companies:
        """Each ticker's CIK and its company's name as SEC has it, from company_tickers.json."""
        response = await self._get(client, self.tickers_url)
        try:
            return parse_companies(response.content)
        except SecFormatError as exc:
            raise FetchError("bad_body", str(exc), PROVIDER) from None

    async def fetch_companyfacts(self, client: MarketClient, cik: str) -> dict[str, Any]:
        """The decoded companyfacts body of one company; unknown CIK is "unknown_symbol"."""
        cik10 = _cik10(cik)
        response = await self._get(
            client, f"{self.base_url}/api/xbrl/companyfacts/CIK{cik10}.json", cik10, missing_ok=True
        )
        if response.status_code == 404:
            raise FetchError(
                "unknown_symbol", f"EDGAR has no companyfacts for CIK{cik10}", PROVIDER, cik10
            )
        data = decode_json(response.content, PROVIDER, cik10)
        if not isinstance(data, dict) or not isinstance(data.get("facts"), dict):
            raise FetchError("bad_body", "companyfacts has no facts object", PROVIDER, cik10)
        return data

    async def fetch_facts(self, client: MarketClient, cik: str) -> list[Fact]:
        """fetch_companyfacts then sec.derive_facts; the facts pass market/bounds or none do."""
        try:
            facts = derive_facts(await self.fetch_companyfacts(client, cik))
        except SecFormatError as exc:
            raise FetchError("bad_body", str(exc), PROVIDER, cik) from None
        return checked_facts(facts, PROVIDER, cik)

    async def fetch_filed(
        self, client: MarketClient, cik: str
    ) -> tuple[list[Fact], list[FiledValue]]:
        """fetch_facts, and every value as each filing stated it (as_filed.py), of one body."""
        body = await self.fetch_companyfacts(client, cik)
        try:
            facts = derive_facts(body)
        except SecFormatError as exc:
            raise FetchError("bad_body", str(exc), PROVIDER, cik) from None
        return checked_facts(facts, PROVIDER, cik), filed_values(body)

    async def fetch_submissions(
        self, client: MarketClient, cik: str, page: str | None = None
    ) -> bytes:
        """The submissions JSON of one company (evidence: its filings), or one of its older
        pages by the name `filings.files[]` gives; unknown CIK is "unknown_symbol"."""
        cik10 = _cik10(cik)
        name = page or f"CIK{cik10}.json"
        response = await self._get(
            client, f"{self.base_url}/submissions/{name}", cik10, missing_ok=True
        )
        if response.status_code == 404:
            raise FetchError("unknown_symbol", f"EDGAR has no submissions {name}", PROVIDER, cik10)
        return response.content

    async def fetch_archive(
        self, client: MarketClient, url: str, cik: str | None = None, max_bytes: int | None = None
    ) -> bytes:
        """A filing index or document from the EDGAR archives (www.sec.gov/Archives/...), at
        most MAX_DOCUMENT_BYTES once decoded (a gzip of 366 KB inflating to 120 MB is refused
        at 16 MiB: the largest 10-K's HTML is a few MB); `max_bytes` instead for a document
        whose reader has its own bound (an XBRL instance: reading/xbrl's MAX_BYTES, 64 MiB)."""
        bound = MAX_DOCUMENT_BYTES if max_bytes is None else max_bytes
        return (await self._get(client, url, cik, max_bytes=bound)).content

    async def filings(
        self, client: MarketClient, cik: str, back_to: datetime | None = None
    ) -> list[Filing]:
        """The filings in the company's submissions; with `back_to`, its first older page's too
        when the recent rows do not reach back to it. FilingsFormatError for a body that is not
        the documented shape."""
        filings, pages = parse_submissions(await self.fetch_submissions(client, cik), cik)
        if (
            back_to is not None
            and pages
            and (not filings or min(f.accepted for f in filings) > back_to)
        ):
            older = await self.fetch_submissions(client, cik, pages[0])
            filings += parse_submissions_page(older, cik)
        return filings

    def read_index(self, page: bytes) -> FilingIndex:
        """The EX-99 exhibits of a filing index, the release among them (its EX-99.1, else the
        first EX-99) and the acceptance time it shows (New York's clock)."""
        found = tuple(exhibits(parse_filing_index(page)))
        release = next((d for d in found if d.type.upper() == "EX-99.1"), None) or next(
            iter(found), None
        )
        return FilingIndex(found, release, parse_index_accepted(page))

    def read_xbrl_files(self, page: bytes) -> tuple[IndexDocument | None, IndexDocument | None]:
        return xbrl_files(page)

    def cik_of(self, symbol: str, ciks: Mapping[str, str]) -> str | None:
        """EDGAR spells class shares "BRK-B" where a symbol may say "BRK.B"."""
        return cik_for(symbol, ciks)

    async def _get(
        self,
        client: MarketClient,
        url: str,
        cik: str | None = None,
        *,
        missing_ok: bool = False,
        max_bytes: int | None = None,
    ) -> httpx.Response:
        current = client.rate_limit(PROVIDER)
        if current is None or current > SEC_MAX_PER_SECOND:
            client.limit_rate(PROVIDER, SEC_MAX_PER_SECOND)
        try:
            response = await client.get(
                PROVIDER,
                url,
                headers={"User-Agent": self.user_agent},
                symbol=cik,
                max_bytes=max_bytes,
            )
        except FetchError as error:  # a 429 after the retries: EDGAR asks for less, later
            raise client.refused(error) from None
        if response.status_code == 403:
            raise client.failure(
                FetchError(
                    "auth",
                    f"EDGAR refused {describe_url(url)} (HTTP 403): check "
                    f"providers.sec.user_agent (sent {self.user_agent!r})",
                    PROVIDER,
                    cik,
                )
            )
        if not (missing_ok and response.status_code == 404):
            try:
                raise_for_status(response, PROVIDER, cik)
            except FetchError as error:
                raise client.failure(error) from None
        return response


def _cik10(cik: str | int) -> str:
    digits = str(cik).strip().upper().removeprefix("CIK")
    if not digits.isdecimal() or len(digits) > 10:
        raise ValueError(f"not a CIK: {cik!r}")
    return digits.zfill(10)
