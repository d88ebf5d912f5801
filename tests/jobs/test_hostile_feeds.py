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
