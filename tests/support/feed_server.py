"""A real loopback HTTP server for a company's news feeds: RSS 2.0 as the newswires write it
(GlobeNewswire's organisation feed: channel title, link and description, then items with a
permalink guid, link, title, description and an RFC 822 pubDate, Dublin Core namespace
declared) or Atom (RFC 4287: entries with id, title, an alternate link, summary, published
and updated), and the pages the items link to (HTML press releases), built by the test.

Each answer carries an ETag (a digest of its body): a request with that If-None-Match is a 304
with no body, as a feed server answers a conditional ask.

Hostile answers: `endless` paths stream a body for ever (a feed that never ends), `sizes`
paths answer that many bytes of XML-looking text (a link to a gigabyte: its Content-Length
said, its bytes sent until the client hangs up), `hanging` paths send their headers and then
nothing until the server stops (a feed that hangs). Plain module, no pytest:

    with FeedServer() as feeds:
        feeds.add_item("/alab/rss", "Astera Labs ships …", "…", published, page="<html>…")
        ... # feeds = [f"{feeds.url}/alab/rss"]
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from xml.sax.saxutils import escape


@dataclass
class Item:
    title: str
    description: str
    published: datetime
    link: str  # the path of its page on this server, or a URL
    guid: str


@dataclass
class FeedServer:
    feeds: dict[str, tuple[str, list[Item]]] = field(default_factory=dict)  # path -> (kind, …)
    pages: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # path -> (type, body)
    bodies: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # path -> as given
    endless: set[str] = field(default_factory=set)
    sizes: dict[str, int] = field(default_factory=dict)
    hanging: set[str] = field(default_factory=set)
    conditional: list[str] = field(default_factory=list)  # paths asked with If-None-Match
    _stopped: threading.Event = field(default_factory=threading.Event)
    log: list[str] = field(default_factory=list)
    agents: dict[str, str] = field(default_factory=dict)  # path -> the last User-Agent sent
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _httpd: ThreadingHTTPServer | None = None

    def add_item(
        self,
        feed: str,
        title: str,
        description: str,
        published: datetime,
        *,
        kind: str = "rss",
        page: str | bytes | None = None,
        page_type: str = "text/html; charset=utf-8",
    ) -> Item:
        """An item of the feed at path `feed` (made an RSS or an Atom feed), and its page."""
        with self._lock:
            items = self.feeds.setdefault(feed, (kind, []))[1]
            n = sum(len(i) for _, i in self.feeds.values())
            path = f"{feed.rstrip('/')}/news/{n}"
            item = Item(title, description, published, path, f"{self.url}{path}")
            items.append(item)
            if page is not None:
                body = page.encode() if isinstance(page, str) else page
                self.pages[path] = (page_type, body)
        return item

    def requests(self, prefix: str = "") -> list[str]:
        with self._lock:
            return [p for p in self.log if p.startswith(prefix)]

    def __enter__(self) -> FeedServer:
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._httpd.daemon_threads = True
        self._httpd.feed_server = self  # type: ignore[attr-defined]
        threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        ).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stopped.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()

    @property
    def url(self) -> str:
        assert self._httpd is not None
        host, port = self._httpd.server_address[:2]
        assert isinstance(host, str)
        return f"http://{host}:{port}"

    def body(self, path: str) -> tuple[str, bytes] | None:
        with self._lock:
            if path in self.bodies:
                return self.bodies[path]
            if path in self.pages:
                return self.pages[path]
            if path not in self.feeds:
                return None
            kind, items = self.feeds[path]
            items = sorted(items, key=lambda i: i.published, reverse=True)
        if kind == "atom":
            return "application/atom+xml", atom(self.url, path, items).encode()
        return "application/rss+xml; charset=utf-8", rss(self.url, path, items).encode()


def rss(base: str, path: str, items: list[Item]) -> str:
    """An organisation's RSS 2.0 feed, as GlobeNewswire writes one."""
    body = "".join(
        "    <item>\n"
        f'      <guid isPermaLink="true">{escape(i.guid)}</guid>\n'
        f"      <link>{escape(base + i.link if i.link.startswith('/') else i.link)}</link>\n"
        f'      <category domain="https://www.globenewswire.com/rss/subjectcode">'
        "Product / Services Announcement</category>\n"
        f"      <title>{escape(i.title)}</title>\n"
        f"      <description>{escape(i.description)}</description>\n"
        f"      <pubDate>{format_datetime(i.published)}</pubDate>\n"
        "      <dc:contributor>Astera Labs, Inc.</dc:contributor>\n"
        "    </item>\n"
        for i in items
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0">
  <channel>
    <title>Astera Labs, Inc. - News Releases</title>
    <link>{escape(base + path)}</link>
    <description>News releases of Astera Labs, Inc.</description>
    <language>en</language>
{body}  </channel>
</rss>
"""


def atom(base: str, path: str, items: list[Item]) -> str:
    """An Atom feed (RFC 4287), as investor-relations sites write one."""
    body = "".join(
        "  <entry>\n"
        f"    <id>{escape(i.guid)}</id>\n"
        f'    <title type="text">{escape(i.title)}</title>\n'
        f'    <link rel="alternate" type="text/html" '
        f'href="{escape(base + i.link if i.link.startswith("/") else i.link)}"/>\n'
        f"    <published>{i.published.isoformat()}</published>\n"
        f"    <updated>{i.published.isoformat()}</updated>\n"
        f'    <summary type="html">{escape(f"<p>{escape(i.description)}</p>")}</summary>\n'
        "  </entry>\n"
        for i in items
    )
    updated = max((i.published for i in items), default=None)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>{escape(base + path)}</id>
  <title>Investor Relations: Press Releases</title>
  <updated>{updated.isoformat() if updated else "2026-01-01T00:00:00Z"}</updated>
  <link rel="self" href="{escape(base + path)}"/>
{body}</feed>
"""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        server: FeedServer = self.server.feed_server  # type: ignore[attr-defined]
        path = self.path.split("?", 1)[0]
        with server._lock:
            server.log.append(path)
            server.agents[path] = self.headers.get("User-Agent", "")
            endless, size = path in server.endless, server.sizes.get(path)
            hangs = path in server.hanging
            if self.headers.get("If-None-Match"):
                server.conditional.append(path)
        try:
            if hangs:
                self._hang(server._stopped)
            elif endless:
                self._endless()
            elif size is not None:
                self._sized(size)
            else:
                self._answer(server.body(path))
        except (BrokenPipeError, ConnectionResetError):  # the client hung up, as it should
            pass

    def _answer(self, found: tuple[str, bytes] | None) -> None:
        kind, body = found or ("text/html", b"<html><body>Not Found</body></html>")
        etag = f'"{hashlib.sha256(body).hexdigest()[:16]}"'
        if found and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200 if found else 404)
        self.send_header("ETag", etag)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _hang(self, stopped: threading.Event) -> None:
        """Headers, then nothing until the server stops."""
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        self.wfile.flush()
        stopped.wait()

    def _endless(self) -> None:
        """A feed that never ends: its head, then items for ever, chunked."""
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        chunk = b'<?xml version="1.0"?><rss version="2.0"><channel>'
        item = b"<item><title>more</title><guid>x</guid></item>" * 200
        while True:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            chunk = item

    def _sized(self, size: int) -> None:
        """`size` bytes said and sent, until the client hangs up."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(size))
        self.end_headers()
        block = b"<p>" + b"gigabyte " * 7000 + b"</p>\n"
        sent = 0
        while sent < size:
            part = block[: size - sent]
            self.wfile.write(part)
            sent += len(part)
