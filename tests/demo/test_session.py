"""A demo session (demo/session.py): a copy of the bundled thesis whose every provider points at
the replay market on 127.0.0.1, with SEC's contact set, in a temporary folder that goes when the
demo does; the user's folders untouched."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from catalyst_tui.config import load_config
from catalyst_tui.demo import DemoSession, private_dirs
from catalyst_tui.demo.session import DEMO_CONTACT, INCOME
from catalyst_tui.market.registry import PROVIDERS, SEC
from catalyst_tui.paths import bundled_example


def test_every_provider_url_of_the_copy_is_the_market(isolated_home: Path):
    with DemoSession() as demo:
        config = load_config(demo.config_path, use_cache=False)
        market = urlsplit(demo.url)
        assert market.hostname == "127.0.0.1"
        urls = [
            value
            for spec in PROVIDERS
            for key, value in config.providers.of(spec)._asdict().items()
            if key.endswith("_url")
        ]
        assert len(urls) >= 8
        assert {urlsplit(url).netloc for url in urls} == {market.netloc}
        for spec in PROVIDERS:  # where each provider's requests go, as the registry says
            for url in spec.origins_of(config.providers[spec.table_name]):
                assert urlsplit(url).netloc == market.netloc, spec.name
        assert config.providers.of(SEC).user_agent == DEMO_CONTACT
        # the rest of the thesis as shipped, comments and all
        text = demo.config_path.read_text()
        assert "# EXAMPLE LOTS" in text
        assert len(re.findall(r"^\[\[tickers\.ALAB\.checkpoints\]\]", text, re.M)) == 16
        shipped = load_config_text(bundled_example())
        # the companies' own feeds on the market too (the path kept, under /feeds/SYMBOL)
        edgar = "https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=0001736297"
        assert shipped.tickers["ALAB"].feeds == (
            "https://ir.asteralabs.com/rss/news-releases.xml",
            f"{edgar}&type=8-K&owner=include&count=40&output=atom",
        )
        assert config.tickers["ALAB"].feeds == (
            f"{demo.url}/feeds/ALAB/rss/news-releases.xml",
            f"{demo.url}/feeds/ALAB/cgi-bin/browse-edgar",
        )
        assert all(t.feeds for t in shipped.tickers.values())  # each company's EDGAR feed
        # the income holdings (dividends in dollars, 15% withheld, and in pence) are the demo's
        income = {symbol for symbol, _shares, _withheld in INCOME}
        assert config.tickers["VYM"].dividend_tax == 0.15 and config.tickers["VYM"].lots
        assert config.tickers["ISF.L"].lots and not income & set(shipped.tickers)
        # CRDO has the demo's missed milestone (its thesis reads broken)
        [crdo_milestone] = config.tickers["CRDO"].checkpoints
        assert (crdo_milestone.kind, crdo_milestone.due) == ("milestone", dt.date(2025, 12, 31))
        assert shipped.tickers["CRDO"].checkpoints == ()
        # NVDA has the demo's guard on its size and a milestone to come (its thesis intact)
        assert [c.id for c in config.tickers["NVDA"].checkpoints] == [
            "position-cap",
            "rubin-ships",
        ]
        assert shipped.tickers["NVDA"].checkpoints == ()
        # and nothing else is new
        assert {
            s: t._replace(feeds=(), checkpoints=() if s in ("CRDO", "NVDA") else t.checkpoints)
            for s, t in config.tickers.items()
            if s not in income
        } == {s: t._replace(feeds=()) for s, t in shipped.tickers.items()}
        # plain HTTP on loopback: no browser handshake, so Python makes (and audits) every request
        assert config.settings == shipped.settings._replace(browser_tls=())
        assert shipped.settings.browser_tls == ("yahoo",)


def load_config_text(data: bytes):
    from catalyst_tui.config import parse_config

    return parse_config(data.decode())


def test_the_folder_and_the_market_go_with_the_demo(isolated_home: Path):
    with DemoSession() as demo:
        folder, url = demo.folder, demo.url
        assert folder.is_dir() and (folder.stat().st_mode & 0o777) == 0o700
        assert httpx.get(url + "/v1/test/getcrumb").status_code == 401  # it answers
    assert not folder.exists()
    with pytest.raises(httpx.ConnectError):
        httpx.get(url + "/v1/test/getcrumb")
    assert list(isolated_home.rglob("*")) == []  # nothing of the user's was written


def test_private_dirs_point_the_user_folders_inside_and_put_them_back(tmp_path: Path):
    before = dict(os.environ)
    with private_dirs(tmp_path):
        assert os.environ["XDG_CACHE_HOME"] == str(tmp_path / "cache_home")
        assert os.environ["XDG_STATE_HOME"].startswith(str(tmp_path))
        assert os.environ["NO_PROXY"].split(",")[0] == "127.0.0.1"
    assert dict(os.environ) == before
