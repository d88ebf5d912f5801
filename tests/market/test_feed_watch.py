"""The fast watch's ask of a company's own feeds (market/feed_reader.py `FeedWatch`, registered
"watch-feeds" in market/feeds.py): which items are a results release (real-looking titles of
results releases, of date announcements and of call invitations, and a law over them), and the
source against a loopback feed server speaking RSS 2.0 and Atom: conditional asks answered 304,
each release answered once, a feed that hangs or is huge bounded."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.support.feed_server import FeedServer

from catalyst_tui.market.feed_reader import FeedReader, FeedWatch
from catalyst_tui.market.feeds import FeedSettings
from catalyst_tui.market.fetch_kinds import FeedWatchSource, kind
from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.http.limits import MiB, RequestBounds
from catalyst_tui.market.registry import PROVIDER_BOUNDS, RATE_LIMITS
from catalyst_tui.market.spec import BuildContext
from catalyst_tui.reading.announcements import announces_results

NOW = dt.datetime(2026, 11, 3, 21, 10, tzinfo=dt.UTC)

RESULTS = [
    "Astera Labs Reports Third Quarter 2026 Financial Results",
    "Credo Announces Fiscal Q3 Results",
    "NVIDIA Announces Financial Results for Third Quarter Fiscal 2027",
    "Adobe Reports Record Q4 and Fiscal Year 2026 Revenue",
    "Astera Labs Reports Q3 FY26 Results; Will Host Conference Call",
    "Marvell Technology, Inc. Reports Third Quarter of Fiscal Year 2027 Financial Results",
    "Apple reports fourth quarter results",
    "Snowflake Reports Financial Results for the Third Quarter of Fiscal 2027",
    "Broadcom Inc. Announces Third Quarter Fiscal Year 2026 Financial Results and Dividend",
]
NOT_RESULTS = [
    "Astera Labs to Report Third Quarter 2026 Financial Results on November 3, 2026",
    "Credo to Announce Fiscal Q3 Results on March 2",
    "Astera Labs Announces Date of Third Quarter 2026 Financial Results Conference Call",
    "NVIDIA Sets Conference Call for Third-Quarter Financial Results",
    "Invitation: Astera Labs Q3 2026 Earnings Conference Call",
    "Astera Labs Will Report Q3 Results After Market Close on November 3",
    "Adobe Schedules Fourth Quarter and Fiscal Year 2026 Earnings Release",
    "Astera Labs Announces Third Quarter 2026 Earnings Release Date",
    "Astera Labs Announces Preliminary Third Quarter 2026 Revenue",
    "Astera Labs Announces Results of Annual Meeting of Stockholders",
    "Astera Labs Launches Scorpio X-Series Fabric Switches",
    "Astera Labs Announces Positive Phase 3 Trial Results",
]


@pytest.mark.parametrize("title", RESULTS)
def test_a_results_release_is_one(title: str):
    assert announces_results(title, "")


@pytest.mark.parametrize("title", NOT_RESULTS)
def test_a_date_announcement_an_invitation_or_other_news_is_not(title: str):
    assert not announces_results(title, "")


def test_a_title_that_says_neither_leaves_it_to_the_summary():
    said = (
        "Astera Labs, Inc. (Nasdaq: ALAB) today announced financial results for its third"
        " quarter ended September 30, 2026. The company will host a conference call at 4:30 p.m."
    )
    assert announces_results("Press Release", said)
    later = "Astera Labs will release its third quarter 2026 results on November 3, 2026."
    assert not announces_results("Press Release", later)
    # A title that says it is a date announcement decides, whatever the summary says.
    assert not announces_results(NOT_RESULTS[0], said)


COMPANIES = st.sampled_from(["Astera Labs", "Credo Technology Group", "NVIDIA", "Rambus Inc."])
PERIODS = st.sampled_from(
    [
        "Third Quarter 2026",
        "Fiscal Q3",
        "Q4 and Fiscal Year 2026",
        "First Quarter Fiscal 2027",
        "Second-Quarter",
        "Fourth Quarter and Full-Year 2026",
    ]
)
WORDS = st.sampled_from(["Financial Results", "Results", "Earnings"])
DAYS = st.dates(dt.date(2024, 1, 1), dt.date(2030, 12, 31))


@given(COMPANIES, PERIODS, WORDS, DAYS, st.sampled_from(["Reports", "Announces"]))
def test_law_the_same_period_is_a_release_when_reported_and_never_when_it_is_to_come(
    company: str, period: str, words: str, day: dt.date, verb: str
):
    """Whatever the company, period and wording: "X Reports P Results" is a results release,
    and so is it followed by its call ("; Will Host Conference Call"); "X to Report P Results
    on D", "X Will Announce …", "X Announces Date of P Results Conference Call" never are."""
    on = f"{day:%B} {day.day}, {day.year}"
    assert announces_results(f"{company} {verb} {period} {words}", "")
    assert announces_results(f"{company} {verb} {period} {words}; Will Host Conference Call", "")
    assert not announces_results(f"{company} to Report {period} {words} on {on}", "")
    assert not announces_results(f"{company} Will Announce {period} {words} on {on}", "")
    assert not announces_results(f"{company} {verb} Date of {period} {words} Conference Call", "")


def client(deadline: float | None = None) -> MarketClient:
    bounds = dict(PROVIDER_BOUNDS)
    if deadline is not None:
        bounds["feeds"] = RequestBounds(deadline=deadline, max_bytes=8 * MiB)
    return MarketClient(trust_env=False, rate_limits=RATE_LIMITS, bounds=bounds, backoff_base=0.01)


def test_the_feed_source_is_registered_as_a_watch_kind():
    source = kind("watch-feeds").sources["feeds"](FeedSettings(), BuildContext())
    assert isinstance(source, FeedWatchSource) and source.name == "feeds-watch"


@pytest.mark.parametrize("form", ["rss", "atom"])
async def test_a_results_release_is_answered_once_and_an_unchanged_feed_is_a_304(form: str):
    with FeedServer() as feeds:
        feed = f"/alab/{form}"
        feeds.add_item(feed, NOT_RESULTS[0], "Conference call at 4:30 p.m.", NOW, kind=form)
        url = feeds.url + feed
        watch = FeedWatch(FeedReader())
        async with client() as http:
            first = await watch.releases(http, "ALAB", url)
            unchanged = await watch.releases(http, "ALAB", url)
            release = feeds.add_item(feed, RESULTS[0], "Revenue of $412.3 million.", NOW, kind=form)
            feeds.add_item(feed, NOT_RESULTS[-1], "Scorpio X.", NOW, kind=form)
            new = await watch.releases(http, "ALAB", url)
            feeds.add_item(feed, NOT_RESULTS[4], "Join us.", NOW, kind=form)
            again = await watch.releases(http, "ALAB", url)
        asked = feeds.requests(feed)
    assert (first, unchanged, again) == ([], [], [])
    assert [(i.title, i.link) for i in new] == [(RESULTS[0], feeds.url + release.link)]
    assert len(asked) == watch.asked == 4
    assert feeds.conditional == [feed] * 3  # every ask after the first carries the ETag


async def test_a_feed_that_hangs_or_is_huge_is_bounded_and_answers_nothing():
    with FeedServer() as feeds:
        feeds.hanging.add("/hangs")
        feeds.endless.add("/endless")
        feeds.add_item("/good", RESULTS[0], "Revenue.", NOW)
        watch = FeedWatch(FeedReader())
        async with client(deadline=0.5) as http:
            hangs = await watch.releases(http, "ALAB", feeds.url + "/hangs")
            huge = await watch.releases(http, "ALAB", feeds.url + "/endless")
            good = await watch.releases(http, "ALAB", feeds.url + "/good")
    assert (hangs, huge) == ([], [])
    assert [i.title for i in good] == [RESULTS[0]]


async def test_an_item_whose_link_is_no_web_page_is_left():
    with FeedServer() as feeds:
        item = feeds.add_item("/alab/rss", RESULTS[0], "Revenue.", NOW)
        item.link = "file:///etc/passwd"
        watch = FeedWatch(FeedReader())
        async with client() as http:
            assert await watch.releases(http, "ALAB", feeds.url + "/alab/rss") == []


async def test_a_title_built_to_be_slow_is_judged_at_once_and_off_the_event_loop(monkeypatch):
    """ "Broadcom Q3 " and 45 dots froze the refresh and the fast watch (the pattern tried every
    cut of the dots, on the event loop, where no deadline fires). Now it is no release, judged
    in a pass over its words beside the true release on the same feed; and the feed is read and
    judged in a thread, with a deadline that fires: a feed of a hundred titles of 50,000 dots,
    given no time (the deadline made shorter than the reading here), answers nothing."""
    from catalyst_tui.reading import announcements

    with FeedServer() as feeds:
        feeds.add_item("/avgo/rss", "Broadcom Q3 " + "." * 45, "", NOW)
        feeds.add_item("/avgo/rss", RESULTS[-1], "Revenue.", NOW)
        for n in range(100):
            feeds.add_item("/slow/rss", "Broadcom Q3 " + "." * 50_000, f"{n}", NOW)
        watch = FeedWatch(FeedReader())
        async with client() as http:
            found = await watch.releases(http, "AVGO", feeds.url + "/avgo/rss")
            monkeypatch.setattr(announcements, "JUDGE_LIMIT", 0.001)
            slow = await watch.releases(http, "AVGO", feeds.url + "/slow/rss")
    assert [i.title for i in found] == [RESULTS[-1]]
    assert slow == []
