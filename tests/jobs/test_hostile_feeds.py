"""Hostile feeds in a refresh, from a loopback server: a page where a feed should be, an XML
bomb, a feed that never ends, an item whose link is a gigabyte. Each is bounded (no entity
expanded, 8 MiB a body), said once in the refresh's notes, and spoils nothing else: the good
feed's items, the item whose page was too large (its title and summary), the quotes."""

from __future__ import annotations

import datetime as dt

from catalyst_tui.config import parse_config
from catalyst_tui.market.models import FetchKind
from catalyst_tui.store import Store
from tests.jobs.test_feeds_refresh import NOW, config_text, refresh
from tests.support.feed_server import FeedServer
from tests.support.filings_server import FilingsServer
from tests.support.market_server import MarketServer

BOMB = (
    '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "lol">'
    + "".join(f'<!ENTITY {chr(98 + n)} "{f"&{chr(97 + n)};" * 10}">' for n in range(9))
    + ']><rss version="2.0"><channel><item><title>&j;</title><guid>b</guid></item></channel></rss>'
).encode()


async def test_hostile_feeds_are_bounded_said_once_and_spoil_nothing_else(tmp_path):
    with MarketServer(symbols=["ALAB"]) as market, FilingsServer() as sec, FeedServer() as feeds:
        feeds.add_item(
            "/good",
            "Scorpio is now the largest product line",
            "Said on the call.",
            NOW - dt.timedelta(days=1),
            page="<html><p>Read on.</p></html>",
        )
        huge = feeds.add_item(
            "/good", "Scorpio largest again", "A page of a gigabyte.", NOW - dt.timedelta(days=2)
        )
        feeds.sizes[huge.link] = 1 << 30
        feeds.bodies["/page"] = ("text/html", b"<!DOCTYPE html><html><body>Log in</body></html>")
        feeds.bodies["/bomb"] = ("application/rss+xml", BOMB)
        feeds.endless.add("/endless")
        urls = [f"{feeds.url}{p}" for p in ("/page", "/bomb", "/endless", "/good")]
        config = parse_config(config_text(market, sec, urls))
        with Store.open(tmp_path / "c.db") as store:
            store.sync.apply(config, NOW - dt.timedelta(days=30))
            notes = await refresh(config, store, NOW)
            said = [n for n in notes if n.startswith("feed ")]
            assert len(said) == 4, said  # one sentence each, no more
            page, bomb, endless, good = said
            assert page.startswith(f"feed ALAB {urls[0]}: ") and "document type" in page
            assert bomb.startswith(f"feed ALAB {urls[1]}: ") and "document type" in bomb
            assert endless.startswith(f"feed ALAB {urls[2]}: ") and "too large" in endless
            assert good.startswith(f"feed ALAB {urls[3]}: 1 linked page not read")
            assert "more than 8 MiB" in good
            # The good feed's items are stored, the huge page's with its title and summary.
            passages = sorted(p.passage for p in store.evidence.passages("ALAB"))
            assert passages == [
                "Scorpio is now the largest product line.",
                "Scorpio largest again.",
            ]
            state = store.market.fetch_states(FetchKind.FEEDS)["ALAB"]
            assert (
                not state.ok
                and state.detail.count("feed body") + state.detail.count("too large") == 3
            )
            assert store.market.last_quotes(["ALAB"])["ALAB"].quote is not None
        assert len(feeds.requests(huge.link)) == 1  # stopped at the cap, not asked again


#: A results release whose link is each spelling of the cloud's metadata service, and links to
#: other addresses a feed has no business reaching.
HOSTILE_LINKS = (
    "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
    "http://[::ffff:169.254.169.254]/latest/meta-data/",
    "http://[fe80::1]/",
    "http://2852039166/latest/meta-data/",
    "http://metadata.google.internal/computeMetadata/v1/",
    "http://10.0.0.1/",
)


def test_a_feeds_links_to_the_metadata_address_are_never_looked_up_or_connected(tmp_path):
    """`catalyst refresh`, every connection and name look-up of it and its children recorded
    (Python's audit events, and strace's connect calls where it is installed): an item "Astera
    Labs Reports Third Quarter 2026 Financial Results" linking the metadata address in each
    spelling. Once the refresh connected to 169.254.169.254, [::ffff:169.254.169.254] and
    [fe80::1] and looked up 2852039166 and metadata.google.internal; now it looks up and
    connects to nothing but the loopback servers, each link said once, refused, with how to
    allow it; the items are kept with their title and summary. 127.0.0.1 is allowed, as the
    user of a loopback feed would: the metadata address is refused all the same."""
    import os
    import subprocess
    import sys

    from tests.support.liveness import HANG
    from tests.support.network_watch import LOOPBACK, NetworkWatch

    with MarketServer(symbols=["ALAB"]) as market, FilingsServer() as sec, FeedServer() as feeds:
        for n, link in enumerate(HOSTILE_LINKS):
            item = feeds.add_item(
                "/alab/rss",
                "Astera Labs Reports Third Quarter 2026 Financial Results",
                f"Scorpio is the largest product line ({n}).",
                NOW - dt.timedelta(days=1, minutes=n),
            )
            item.link = link
        config = tmp_path / "catalysts.toml"
        config.write_text(config_text(market, sec, [f"{feeds.url}/alab/rss"]))
        watch = NetworkWatch(tmp_path / "watch")
        env = watch.env({**os.environ, "NO_PROXY": "127.0.0.1"})
        done = subprocess.run(
            [*watch.prefix, sys.executable, "-m", "catalyst_tui.cli", "refresh"]
            + ["--config", str(config), "--db", str(tmp_path / "c.db")],
            env=env,
            capture_output=True,
            text=True,
            timeout=HANG,
        )
        asked = feeds.requests("/alab/rss")
    audited, traced = watch.audited(), watch.traced()
    assert asked, done.stderr
    assert set(audited) <= LOOPBACK, sorted(set(audited) - LOOPBACK)
    if watch.prefix:
        assert set(traced) <= LOOPBACK, sorted(set(traced) - LOOPBACK)
    said = done.stdout + done.stderr
    assert said.count("not fetched") == 1, said  # one note for the feed's pages
    assert "is a cloud metadata address" in said and "allow_hosts" in said
    with Store.open(tmp_path / "c.db") as store:
        passages = store.evidence.passages("ALAB")
    assert len(passages) == len(HOSTILE_LINKS)  # each item's summary, its page unread


async def test_an_items_text_not_read_in_its_time_is_kept_with_its_title_and_summary(
    tmp_path, monkeypatch
):
    """An item whose page's text the readers cannot read within their limit (the limit made
    shorter than the reader's start here): stored with its title and summary alone, said once,
    so no later matching or KPI reading reads the page's text again."""
    from catalyst_tui.jobs import text_reader

    with MarketServer(symbols=["ALAB"]) as market, FilingsServer() as sec, FeedServer() as feeds:
        feeds.add_item(
            "/alab/rss",
            "Scorpio is now the largest product line",
            "Said on the call.",
            NOW - dt.timedelta(days=1),
            page="<html><p>Scorpio largest, the page says. " + "." * 100_000 + "</p></html>",
        )
        config = parse_config(config_text(market, sec, [f"{feeds.url}/alab/rss"]))
        monkeypatch.setattr(text_reader, "READ_LIMIT", 0.001)
        with Store.open(tmp_path / "c.db") as store:
            store.sync.apply(config, NOW - dt.timedelta(days=30))
            notes = await refresh(config, store, NOW)
            [document] = store.evidence.documents("ALAB")
            text = store.evidence.text(document.id)
    said = [n for n in notes if "not read in time" in n]
    assert said == [
        "feed ALAB: 1 item was kept with title and summary alone, the page's text not read in"
        " time (reading it took longer than 0.001 s: stopped)"
    ]
    assert text == "Scorpio is now the largest product line.\nSaid on the call."
