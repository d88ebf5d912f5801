"""A real loopback HTTP server that answers like SEC EDGAR (company tickers, companyfacts,
submissions, filing indexes and documents) and Yahoo's RSS headline feed.

Bodies come in the services' real shapes: the submissions JSON has every column of the recorded
NVIDIA answer (tests/fixtures/sec/sec_submissions_CIK0001045810-NVDA.json), newest first; a
filing index is the recorded Adobe index page with its "Document Format Files" rows replaced by
the filing's documents; the RSS feed is the recorded TSLA feed's channel with the symbol's
items. Real recorded filings can be served as they are (`add_adobe_8k`: the 8-K of 2023-03-15,
its index page and its EX-99.1 press release, byte for byte). Plain module, no pytest:

    with FilingsServer() as sec:
        sec.add_filing("ALAB", "8-K", accepted, items=("2.02", "9.01"),
                       exhibits={"EX-99.1": ("pr.htm", "<html>…</html>")})
        ... # providers.sec.base_url = archives_url = tickers_url's server = sec.url
"""

from __future__ import annotations

import hashlib
import json
import threading
import time as clock
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape as xml_escape
from zoneinfo import ZoneInfo

from tests.support.shared import OWN_SEC, SAMPLES

from .market_server import synthetic_companyfacts

SEC = SAMPLES
NEWS = SAMPLES
NEW_YORK = ZoneInfo("America/New_York")
CIKS = {"ALAB": 1736297, "ADBE": 796343, "NVDA": 1045810, "TSLA": 1318605, "CRDO": 1807794}
ADBE_ACCESSION = "0000796343-23-000044"
_NVDA_SUBMISSIONS = json.loads((SEC / "sec_submissions_CIK0001045810-NVDA.json").read_text())
COLUMNS = tuple(_NVDA_SUBMISSIONS["filings"]["recent"])
_INDEX_TEMPLATE = (SEC / "sec_8k_ADBE_0000796343-23-000044-index.html").read_text()
# Each company's name as SEC has it (the recorded company_tickers.json's "title").
_SEC_NAMES = {
    entry["ticker"]: entry["title"]
    for entry in json.loads((SEC / "sec_company_tickers.json").read_text()).values()
    if entry["ticker"] in CIKS
}
_RSS_TEMPLATE = (NEWS / "yahoo_rss_headline_TSLA_2025-07-26.xml").read_text()
_TABLE_START = '<table class="tableFile" summary="Document Format Files">'
_DATA_START = '<table class="tableFile" summary="Data Files">'


ITEM_WORDS = {  # as EDGAR's current-filings feed says an 8-K's items
    "2.02": "Results of Operations and Financial Condition",
    "8.01": "Other Events",
    "9.01": "Financial Statements and Exhibits",
}


@dataclass
class Filing:
    symbol: str
    cik: int
    accession: str
    form: str
    accepted: datetime  # aware
    items: tuple[str, ...]
    primary: str
    documents: dict[str, tuple[str, str, bytes]]  # name -> (type, description, body)
    raw: dict[str, Any] = field(default_factory=dict)  # submissions columns written as given
    # name -> (type, body) of the index's "Data Files" table: a 10-Q's XBRL instance and labels
    data: dict[str, tuple[str, bytes]] = field(default_factory=dict)

    @property
    def filed(self) -> date:
        """EDGAR's filing date: the day of acceptance in New York, the next business day for a
        filing accepted after 17:30."""
        eastern = self.accepted.astimezone(NEW_YORK)
        day = eastern.date()
        if eastern.time() > time(17, 30):
            day += timedelta(days=1)
        while day.weekday() >= 5:
            day += timedelta(days=1)
        return day

    def row(self) -> dict[str, Any]:
        """This filing as one row of submissions' `filings.recent` columns."""
        values = {
            "accessionNumber": self.accession,
            "filingDate": self.filed.isoformat(),
            "reportDate": self.filed.isoformat(),
            # UTC with its Z, as EDGAR writes most rows (some carry New York's clock instead).
            "acceptanceDateTime": self.accepted.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "act": "34",
            "form": self.form,
            "fileNumber": "001-41979",
            "filmNumber": "26000001",
            "items": ",".join(self.items),
            "core_type": self.form,
            "size": sum(len(body) for _, _, body in self.documents.values()),
            "isXBRL": 1,
            "isInlineXBRL": 1,
            "primaryDocument": self.primary,
            "primaryDocDescription": self.form,
        }
        values.update(self.raw)
        return {column: values.get(column, "") for column in COLUMNS}

    @property
    def folder(self) -> str:
        return f"/Archives/edgar/data/{self.cik}/{self.accession.replace('-', '')}"


@dataclass
class Headline:
    title: str
    description: str
    link: str
    guid: str
    published: datetime
    pub_date: str | None = None  # the pubDate as written, when not `published`'s


@dataclass
class Request:
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    at: float = field(default_factory=clock.monotonic)  # when it came (the machine's clock)


@dataclass
class FilingsServer:
    filings: list[Filing] = field(default_factory=list)
    headlines: dict[str, list[Headline]] = field(default_factory=dict)
    # companyfacts served for a symbol instead of its usual body (ALAB's fixture, a synthetic
    # filer's): what XBRL holds at that moment of a test's story
    companyfacts: dict[str, dict[str, Any]] = field(default_factory=dict)
    log: list[Request] = field(default_factory=list)
    redirects: dict[str, str] = field(default_factory=dict)  # path -> Location of a 302
    # path -> (headers, body) of a 200 sent as given (a gzip body with its Content-Encoding)
    answers: dict[str, tuple[dict[str, str], bytes]] = field(default_factory=dict)
    document_delay: float = 0.0  # seconds before each filing document (not index) is answered
    # What "now" is for the lists (a test's or a benchmark's fake clock; None: every filing is
    # listed), and how long after its acceptance a filing reaches the submissions JSON (EDGAR's
    # lags on earnings nights); the current-filings feed lists it at once.
    now: Any = None
    submissions_lag: timedelta = timedelta(0)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _httpd: ThreadingHTTPServer | None = None
    _count: int = 0

    # -- what it serves ---------------------------------------------------------------------------
    def add_filing(
        self,
        symbol: str,
        form: str,
        accepted: datetime,
        *,
        items: tuple[str, ...] = (),
        exhibits: dict[str, tuple[str, str]] | None = None,
        primary: tuple[str, str | bytes] | None = None,
        raw: dict[str, Any] | None = None,
        data: dict[str, tuple[str, bytes]] | None = None,
    ) -> str:
        """A filing of `symbol`'s company: 8-K `exhibits` as {type: (file name, html)}, a 10-Q's
        or 10-K's `primary` document as (file name, html or bytes); `raw`, submissions columns
        written as given (an acceptanceDateTime no clock has); `data`, the XBRL files of its
        "Data Files" table as {file name: (type, body)}. Its accession."""
        with self._lock:
            self._count += 1
            cik = CIKS[symbol]
            accession = f"{cik:010d}-{accepted.year % 100:02d}-{self._count:06d}"
            main_name, main_html = primary or (f"{symbol.lower()}-8k.htm", "<html>8-K</html>")
            body = main_html.encode() if isinstance(main_html, str) else main_html
            documents = {main_name: (form, form, body)}
            for kind, (name, html) in (exhibits or {}).items():
                documents[name] = (kind, kind, html.encode())
            self.filings.append(
                Filing(
                    symbol,
                    cik,
                    accession,
                    form,
                    accepted,
                    items,
                    main_name,
                    documents,
                    dict(raw or {}),
                    dict(data or {}),
                )
            )
        return accession

    def add_adobe_8k(self) -> Filing:
        """The recorded Adobe 8-K (results, 2023-03-15): index and EX-99.1 as recorded."""
        ex99 = (SEC / "sec_8k_ex99_1_ADBE_2023-03-15_adbeex991q123.htm").read_bytes()
        main = (SEC / "sec_8k_ADBE_adbe-20230315.htm").read_bytes()
        accepted = datetime(2023, 3, 15, 16, 6, 36, tzinfo=NEW_YORK)
        documents = {
            "adbe-20230315.htm": ("8-K", "8-K", main),
            "adbeex991q123.htm": ("EX-99.1", "EX-99.1", ex99),
        }
        filing = Filing(
            "ADBE",
            CIKS["ADBE"],
            ADBE_ACCESSION,
            "8-K",
            accepted,
            ("2.02", "9.01"),
            "adbe-20230315.htm",
            documents,
        )
        with self._lock:
            self.filings.append(filing)
        return filing

    def add_headline(
        self,
        symbol: str,
        title: str,
        description: str,
        published: datetime,
        *,
        guid: str | None = None,
        pub_date: str | None = None,
    ) -> Headline:
        with self._lock:
            self._count += 1
            n = self._count
        headline = Headline(
            title,
            description,
            f"https://finance.yahoo.com/news/{symbol.lower()}-{n}.html?.tsrc=rss",
            guid or f"00000000-0000-3000-8000-{n:012d}",
            published,
            pub_date,
        )
        with self._lock:
            self.headlines.setdefault(symbol, []).append(headline)
        return headline

    def requests(self, prefix: str = "") -> list[Request]:
        with self._lock:
            return [r for r in self.log if r.path.startswith(prefix)]

    # -- lifecycle --------------------------------------------------------------------------------
    def __enter__(self) -> FilingsServer:
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._httpd.filings = self  # type: ignore[attr-defined]
        threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        ).start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()

    def settings_toml(self, market_url: str, contact: str, *, loopback_links: bool = False) -> str:
        """[settings] and [providers] of a catalysts.toml reading its news and filings here and
        its quotes from the loopback market at `market_url`, SEC's contact declared;
        `loopback_links`: a link a document names may reach 127.0.0.1 (the loopback feed
        server's pages), which the address policy otherwise refuses."""
        allowed = 'allow_hosts = ["127.0.0.1"]\n' if loopback_links else ""
        return f"""
[settings]
{allowed}providers = ["yahoo"]
notify = ["missed", "evidence"]

[providers.yahoo]
base_url = "{market_url}"
cookie_url = "{market_url}/fc"
rss_url = "{self.url}"

[providers.sec]
base_url = "{self.url}"
tickers_url = "{self.url}/files/company_tickers.json"
archives_url = "{self.url}"
user_agent = "{contact}"
"""

    @property
    def url(self) -> str:
        assert self._httpd is not None
        host, port = self._httpd.server_address[:2]
        assert isinstance(host, str)
        return f"http://{host}:{port}"

    # -- answers ----------------------------------------------------------------------------------
    def answer(self, request: Request) -> tuple[int, str, bytes]:
        path = request.path
        if path.startswith(("/files/", "/api/", "/submissions/", "/Archives/", "/cgi-bin/")):
            agent = request.headers.get("user-agent", "")
            if "@" not in agent:  # EDGAR refuses undeclared tools
                return 403, "text/html", b"<html><h1>Undeclared Automated Tool</h1></html>"
        if path == "/files/company_tickers.json":
            body = {
                str(i): {
                    "cik_str": cik,
                    "ticker": symbol,
                    "title": _SEC_NAMES.get(symbol, f"{symbol} Inc."),
                }
                for i, (symbol, cik) in enumerate(CIKS.items())
            }
            return 200, "application/json", json.dumps(body).encode()
        if path.startswith("/api/xbrl/companyfacts/CIK"):
            cik = int(path.rsplit("CIK", 1)[1].removesuffix(".json"))
            with self._lock:
                served = next(
                    (
                        self.companyfacts[s]
                        for s, c in CIKS.items()
                        if c == cik and s in self.companyfacts
                    ),
                    None,
                )
            if served is not None:
                return 200, "application/json", json.dumps(served).encode()
            if cik == CIKS["ALAB"]:
                return (
                    200,
                    "application/json",
                    (OWN_SEC / "alab_companyfacts_CIK0001736297.json").read_bytes(),
                )
            symbol = next((s for s, c in CIKS.items() if c == cik), "X")
            facts = synthetic_companyfacts(symbol, cik, date.today())
            return 200, "application/json", json.dumps(facts).encode()
        if path.startswith("/submissions/CIK"):
            cik = int(path.removeprefix("/submissions/CIK").removesuffix(".json"))
            return 200, "application/json", json.dumps(self.submissions(cik)).encode()
        if path == "/cgi-bin/browse-edgar" and request.query.get("action") == ["getcurrent"]:
            return 200, "application/atom+xml", self.current().encode()
        if path.startswith("/Archives/edgar/data/"):
            return self.archive(path)
        if path == "/rss/2.0/headline":
            symbol = request.query.get("s", [""])[0]
            return 200, "application/rss+xml", self.rss(symbol).encode()
        return 404, "text/html", b"<html>Not Found</html>"

    def listed(self, lag: timedelta = timedelta(0)) -> list[Filing]:
        """The filings accepted `lag` or more before now (all without a clock), newest first."""
        with self._lock:
            found = list(self.filings)
        if self.now is not None:
            found = [f for f in found if f.accepted + lag <= self.now()]
        return sorted(found, key=lambda f: f.accepted, reverse=True)

    def current(self) -> str:
        """EDGAR's current-filings feed of 8-Ks (Atom, as `browse-edgar?action=getcurrent&
        type=8-K&output=atom` answers): the newest 100, each its form, company and CIK in the
        title, its index page as the link, its accession in the summary and the id."""
        entries = []
        for f in [f for f in self.listed() if f.form.startswith("8-K")][:100]:
            index = f"{self.url}{f.folder}/{f.accession}-index.htm"
            at = f.accepted.astimezone(NEW_YORK).isoformat()
            entries.append(
                f"<entry><title>{f.form} - {f.symbol} Inc. ({f.cik:010d}) (Filer)</title>"
                f'<link rel="alternate" type="text/html" href="{xml_escape(index)}"/>'
                f'<summary type="html"> &lt;b&gt;Filed:&lt;/b&gt; {f.filed.isoformat()} '
                f"&lt;b&gt;AccNo:&lt;/b&gt; {f.accession} &lt;b&gt;Size:&lt;/b&gt; 1 MB"
                + "".join(f"&lt;br&gt;Item {item}: {ITEM_WORDS.get(item, '')}" for item in f.items)
                + "</summary>"
                f"<updated>{at}</updated>"
                f'<category scheme="https://www.sec.gov/" label="form type" term="{f.form}"/>'
                f"<id>urn:tag:sec.gov,2008:accession-number={f.accession}</id></entry>"
            )
        return (
            '<?xml version="1.0" encoding="ISO-8859-1" ?>'
            '<feed xmlns="http://www.w3.org/2005/Atom"><title>Latest Filings</title>'
            f"<updated>{datetime.now(UTC).isoformat()}</updated>{''.join(entries)}</feed>"
        )

    def submissions(self, cik: int) -> dict[str, Any]:
        mine = [f for f in self.listed(self.submissions_lag) if f.cik == cik]
        rows = [f.row() for f in mine]
        body = {k: v for k, v in _NVDA_SUBMISSIONS.items() if k != "filings"}
        body.update(
            cik=str(cik), name=f"CIK {cik}", tickers=[s for s, c in CIKS.items() if c == cik]
        )
        body["filings"] = {"recent": {c: [row[c] for row in rows] for c in COLUMNS}, "files": []}
        return body

    def archive(self, path: str) -> tuple[int, str, bytes]:
        folder, _, name = path.rpartition("/")
        with self._lock:
            filing = next((f for f in self.filings if f.folder == folder), None)
        if filing is None:
            return 404, "text/html", b"<html>Not Found</html>"
        if name == f"{filing.accession}-index.html":
            if filing.accession == ADBE_ACCESSION:  # the recorded page itself
                return 200, "text/html", _INDEX_TEMPLATE.encode()
            return 200, "text/html", index_page(filing).encode()
        if name in filing.documents:
            return 200, "text/html", filing.documents[name][2]
        if name in filing.data:
            return 200, "application/xml", filing.data[name][1]
        return 404, "text/html", b"<html>Not Found</html>"

    def rss(self, symbol: str) -> str:
        if symbol == "TSLA" and not self.headlines.get("TSLA"):
            return _RSS_TEMPLATE  # the recorded feed itself
        with self._lock:
            items = sorted(self.headlines.get(symbol, []), key=lambda h: h.published, reverse=True)
        head, _, rest = _RSS_TEMPLATE.partition("        <item>")
        tail = rest[rest.rindex("</item>") + len("</item>") :]
        body = "".join(
            "        <item>\n"
            f"            <description>{xml_escape(h.description)}</description>\n"
            f'            <guid isPermaLink="false">{xml_escape(h.guid)}</guid>\n'
            f"            <link>{xml_escape(h.link)}</link>\n"
            f"            <pubDate>{h.pub_date or format_datetime(h.published)}</pubDate>\n"
            f"            <title>{xml_escape(h.title)}</title>\n"
            "        </item>\n"
            for h in items
        )
        return (head + body).replace("TSLA", symbol) + tail.lstrip("\n").replace("TSLA", symbol)


def index_page(filing: Filing) -> str:
    """The recorded index page with this filing's accession, paths and document rows."""
    start = _INDEX_TEMPLATE.index(_TABLE_START) + len(_TABLE_START)
    end = _INDEX_TEMPLATE.index("</table>", start)
    header_end = _INDEX_TEMPLATE.index("</tr>", start) + len("</tr>")
    rows = "".join(
        f"""
         <tr>
            <td scope="row">{seq}</td>
            <td scope="row">{escape(description)}</td>
            <td scope="row"><a href="{filing.folder}/{escape(name)}">{escape(name)}</a></td>
            <td scope="row">{escape(kind)}</td>
            <td scope="row">{len(body)}</td>
         </tr>"""
        for seq, (name, (kind, description, body)) in enumerate(filing.documents.items(), 1)
    )
    page = _INDEX_TEMPLATE[:header_end] + rows + "\n      " + _INDEX_TEMPLATE[end:]
    start = page.index(_DATA_START) + len(_DATA_START)
    end, header_end = page.index("</table>", start), page.index("</tr>", start) + len("</tr>")
    data = "".join(
        f"""
         <tr>
            <td scope="row">{seq}</td>
            <td scope="row">XBRL</td>
            <td scope="row"><a href="{filing.folder}/{escape(name)}">{escape(name)}</a></td>
            <td scope="row">{escape(kind)}</td>
            <td scope="row">{len(body)}</td>
         </tr>"""
        for seq, (name, (kind, body)) in enumerate(filing.data.items(), len(filing.documents) + 1)
    )
    page = page[:header_end] + data + "\n      " + page[end:]
    accepted = filing.accepted.astimezone(NEW_YORK).strftime("%Y-%m-%d %H:%M:%S")
    return (
        page.replace(ADBE_ACCESSION, filing.accession)
        .replace("796343/000079634323000044", f"{filing.cik}/{filing.accession.replace('-', '')}")
        .replace("2023-03-15 16:06:36", accepted)  # the Accepted time: New York's clock
        .replace('<div class="info">2023-03-15</div>', f'<div class="info">{filing.filed}</div>')
    )


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        server: FilingsServer = self.server.filings  # type: ignore[attr-defined]
        parts = urlsplit(self.path)
        request = Request(
            parts.path, parse_qs(parts.query), {k.lower(): v for k, v in self.headers.items()}
        )
        with server._lock:
            server.log.append(request)
            location = server.redirects.get(parts.path)
            given = server.answers.get(parts.path)
        if server.document_delay and "/Archives/" in parts.path and "-index" not in parts.path:
            clock.sleep(server.document_delay)
        status, kind, body = (302, "text/plain", b"") if location else server.answer(request)
        extra = {"Location": location} if location else {}
        if given is not None:
            (status, kind, body), extra = (200, "text/html", given[1]), given[0]
        if parts.path.startswith(("/submissions/", "/cgi-bin/")) and status == 200:
            # As EDGAR: an ETag, and 304 with no body when the client's matches (the fast
            # watch's conditional asks, jobs/watch.py).
            hashed = body if "/cgi-bin/" not in parts.path else body.split(b"<entry>", 1)[-1]
            tag = '"' + hashlib.sha1(hashed).hexdigest()[:16] + '"'
            extra = {**extra, "ETag": tag}
            if request.headers.get("if-none-match") == tag:
                status, body = 304, b""
        self.send_response(status)
        for name, value in extra.items():
            self.send_header(name, value)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
