"""The ECB's history files (eurofxref-hist.xml and its 90 days' eurofxref-hist-90d.xml): each
day's rates read from the recorded file (../shared/samples, 28 days, newest first), a past day
given that day's rate or the last one published within a week before it, and the provider
asking the 90 days' file when every day asked is in it, else the whole history, on the loopback
server answering in the recorded file's format. The figures are the file's own."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.support.market_server import MarketServer, fixture_text

from catalyst_tui.market.ecb import EcbRates, history_rates, parse_ecb_history
from catalyst_tui.market.models import FetchError

D = dt.date
HISTORY = "ecb_eurofxref-hist_trimmed_2019-12-17_to_2020-01-28.xml"


def test_each_day_of_the_recorded_history_is_read():
    days = parse_ecb_history(fixture_text(HISTORY))
    assert len(days) == 28 and (min(days), max(days)) == (D(2019, 12, 17), D(2020, 1, 28))
    # <Cube time="2020-01-28"> <Cube currency="USD" rate="1.1005"/> ... "GBP" rate="0.84603"
    assert (days[D(2020, 1, 28)]["USD"], days[D(2020, 1, 28)]["GBP"]) == (1.1005, 0.84603)
    assert days[D(2019, 12, 17)]["USD"] == 1.1162  # the oldest: its own, not the next day's
    assert days[D(2020, 1, 28)]["EUR"] == 1.0


def test_a_day_without_rates_takes_the_last_published_within_a_week():
    body = fixture_text(HISTORY)
    # Sunday 26 January 2020: Friday the 24th's 1.1035 dollars a euro, in euros a dollar
    (usd,) = history_rates(body, ["USD"], "EUR", [D(2020, 1, 26)])
    assert (usd.day, usd.source) == (D(2020, 1, 24), "ecb")
    assert usd.rate == pytest.approx(1 / 1.1035)
    (gbp,) = history_rates(body, ["GBP"], "USD", [D(2020, 1, 28)])
    assert gbp.rate == pytest.approx(1.1005 / 0.84603)  # dollars a pound, through the euro
    # before the first day it holds, or more than a week after its last: none
    assert history_rates(body, ["USD"], "EUR", [D(2019, 12, 16), D(2020, 2, 6)]) == []


def test_a_file_without_days_is_a_fetch_error_and_a_bad_rate_spoils_its_own():
    with pytest.raises(FetchError):
        parse_ecb_history("<html>maintenance</html>")
    body = fixture_text(HISTORY).replace('currency="USD" rate="1.1005"', 'currency="USD" rate="x"')
    days = parse_ecb_history(body)
    assert "USD" not in days[D(2020, 1, 28)] and days[D(2020, 1, 28)]["GBP"] == 0.84603


@pytest.mark.parametrize(
    ("back", "endpoint"),
    [(30, "recent"), (85, "recent"), (86, "history"), (4_000, "history")],
)
async def test_the_90_days_file_is_asked_when_every_day_is_in_it(client, back, endpoint):
    today = D(2026, 3, 2)
    with MarketServer() as server:
        server.ecb_history = {today - dt.timedelta(days=back): {"USD": 1.08}}
        files = f"{server.url}/stats/eurofxref/eurofxref-"
        ecb = EcbRates(f"{files}daily.xml", f"{files}hist-90d.xml", f"{files}hist.xml")
        days = [today - dt.timedelta(days=back), today - dt.timedelta(days=2)]
        rates = await ecb.fetch_days(client, ["USD"], "EUR", days, today)
        assert [r.endpoint for r in server.requests if r.provider == "ecb"] == [endpoint]
    (rate,) = rates
    assert rate.day == days[0] and rate.rate == pytest.approx(1 / 1.08)
