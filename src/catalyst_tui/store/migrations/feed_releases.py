"""A results release read from the company's own feed before its 8-K (store/results.py
`save_feed_release`): keyed by the page's address, not by an SEC accession (it has none), with
the quarter it reports and its headline figures, so that the 8-K's release that follows sends no
second notice, and a correction when a figure differs. A page read that gave nothing is kept too
(period_end NULL), so it is not read again."""

V_FEED_RELEASES = """
CREATE TABLE feed_releases (
    symbol TEXT NOT NULL,
    url TEXT NOT NULL,
    published TEXT NOT NULL,
    period_end TEXT,
    figures TEXT NOT NULL DEFAULT '{}',
    read_at TEXT NOT NULL,
    PRIMARY KEY (symbol, url)
);
CREATE INDEX feed_releases_period ON feed_releases (symbol, period_end);
"""
