"""Replay is today's evaluator on each day's world: over generated theses and histories (three
tickers, two held with lots and a sale, closes of each day, SEC values filed on random days and
restated, a milestone, targets with due dates, guards with a last day), a database written day
by day as a refresh after each close writes it, each day judged by `catalyst check`'s own
evaluation (jobs/evaluation.py) as a user checking every evening would have it judged; then the
replay of the whole span ends, on its last day, where `check` ended: checkpoint by checkpoint,
status by status, and the verdict of each ticker (`review`'s). Replay skips the days whose
figures say what the day before's said (thesis/replay/engine.py): the same replay with every
checkpoint judged every day gives the same changes and the same path."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalyst_tui.config import parse_config
from catalyst_tui.jobs.evaluation import evaluate_checkpoints
from catalyst_tui.market.models import Bar, FiledValue, Quote, QuoteOutcome
from catalyst_tui.market.sec.as_filed import companyfacts_of
from catalyst_tui.market.sec.facts import derive_facts
from catalyst_tui.store import Store
from catalyst_tui.store.as_of import PointInTime
from catalyst_tui.store.closes import close_of
from catalyst_tui.store.portfolio_days import PortfolioDays
from catalyst_tui.thesis.replay.engine import replay
from catalyst_tui.thesis.verdict import judge
from catalyst_tui.thesis.vocabulary import Verdict
from catalyst_tui.views.replay import load_replay, written_of

START = dt.date(2026, 3, 2)  # a Monday
SYMBOLS = ("AAA", "BBB", "CCC")  # AAA and BBB held, CCC watched
QUARTERS = [
    (dt.date(2025, 10, 1), dt.date(2025, 12, 31)),
    (dt.date(2026, 1, 1), dt.date(2026, 3, 31)),
]
#: The checkpoints a ticker may be given: (kind, rule), a rule's numbers drawn.
MENU = (
    ("guard", 'when = "price >= {price}"'),
    ("guard", 'when = "weight <= {share}%"'),
    ("guard", 'when = "change_pct >= -{move}%"'),
    ("guard", 'when = "drawdown <= {move}%"'),
    ("guard", 'when = "gain_pct >= -{move}%"'),
    ("guard", 'when = "gross_margin >= {share}%"\nuntil = {day}'),
    ("target", 'when = "price >= {price}"\ndue = {day}'),
    ("target", 'when = "revenue_q >= {revenue}"\ndue = {day}'),
    ("milestone", "due = {day}"),
)


def weekdays(count: int) -> list[dt.date]:
    days: list[dt.date] = []
    day = START
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


@st.composite
def worlds(draw: st.DrawFn) -> dict:
    count = draw(st.integers(4, 12))
    days = weekdays(count)
    closes = {
        s: draw(
            st.lists(st.floats(40, 160).map(lambda x: round(x, 2)), min_size=count, max_size=count)
        )
        for s in SYMBOLS
    }
    theses = {}
    for symbol in SYMBOLS:
        picked = draw(st.lists(st.sampled_from(range(len(MENU))), min_size=1, max_size=4))
        rules = []
        for n, at in enumerate(picked):
            kind, rule = MENU[at]
            day = days[draw(st.integers(0, count - 1))]
            filled = rule.format(
                price=draw(st.integers(50, 150)),
                share=draw(st.integers(10, 80)),
                move=draw(st.integers(1, 30)),
                revenue=draw(st.integers(80, 120)) * 1_000_000,
                day=day.isoformat(),
            )
            rules.append(
                f'[[tickers.{symbol}.checkpoints]]\nid = "c{n}"\ntitle = "C{n}"\n'
                f'kind = "{kind}"\n{filled}\n'
            )
        theses[symbol] = rules
    lots = {
        "AAA": draw(st.integers(-1, count - 1)),  # -1: undated
        "BBB": draw(st.integers(0, count - 1)),
    }
    sale = draw(st.one_of(st.none(), st.integers(0, count - 1)))
    filings = draw(
        st.lists(
            st.tuples(st.integers(0, 1), st.integers(80, 120), st.integers(0, count - 1)),
            max_size=4,
        )
    )
    return {
        "days": days,
        "closes": closes,
        "theses": theses,
        "lots": lots,
        "sale": sale,
        "filings": filings,
    }


def thesis(world: dict) -> str:
    days = world["days"]
    out = ['[settings]\ntimezone = "America/New_York"\n']
    for symbol in SYMBOLS:
        out.append(f'[tickers.{symbol}]\nname = "{symbol}"\n')
        out.extend(world["theses"][symbol])
    aaa = world["lots"]["AAA"]
    dated = f"\ndate = {days[aaa].isoformat()}" if aaa >= 0 else ""
    out.append(f"[[tickers.AAA.lots]]\nshares = 40\ncost = 90{dated}\n")
    out.append(
        f"[[tickers.BBB.lots]]\nshares = 25\ncost = 70\ndate = {days[world['lots']['BBB']]}\n"
    )
    if world["sale"] is not None:
        day = max(world["sale"], world["lots"]["BBB"])
        out.append(f"[[tickers.BBB.sells]]\nshares = 10\nprice = 80\ndate = {days[day]}\n")
    return "\n".join(out)


def filed(world: dict, upto: int) -> list[FiledValue]:
    """AAA's values filed by day `upto`: revenue and gross profit of a quarter each filing (a
    later filing of a quarter restates it)."""
    out = []
    for n, (quarter, revenue, at) in enumerate(world["filings"]):
        if at > upto:
            continue
        start, end = QUARTERS[quarter]
        day = world["days"][at]
        accession = f"0-26-{n}"
        value = revenue * 1_000_000.0
        for concept, amount in (("Revenues", value), ("GrossProfit", value * 0.6)):
            out.append(
                FiledValue("us-gaap", concept, "USD", start, end, amount, "10-Q", day, accession)
            )
    return out


def written_daily(path: Path, world: dict) -> Store:
    """The database as a user checking every evening leaves it: each day's close (the day's
    bar and its quote), the filings of the day read, then `check`'s evaluation."""
    config = parse_config(thesis(world))
    store = Store.open(path)
    store.sync.apply(config, now=dt.datetime.combine(START, dt.time(12), dt.UTC))
    days = world["days"]
    for i, day in enumerate(days):
        now = close_of(day) + dt.timedelta(minutes=5)
        outcomes = []
        for symbol in SYMBOLS:
            close = world["closes"][symbol][i]
            prev = world["closes"][symbol][i - 1] if i else None
            change = close - prev if prev else None
            quote = Quote(
                symbol,
                close,
                prev,
                change,
                change / prev if change is not None and prev else None,
                "USD",
                "CLOSED",
                close_of(day),
                "test",
            )
            bar = Bar(symbol, day, close, close * 1.01, close * 0.99, close, 1000, "test")
            outcomes.append(QuoteOutcome(symbol, quote=quote, bars=[bar]))
        store.market.save_quotes(outcomes, now)
        values = filed(world, i)
        store.as_filed.save("AAA", values)
        store.market.save_facts("AAA", derive_facts(companyfacts_of(values)), now)
        evaluate_checkpoints(config, store, now)
    return store


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(worlds())
def test_the_last_replayed_day_is_what_check_said_that_evening(world: dict) -> None:
    config = parse_config(thesis(world))
    with (
        tempfile.TemporaryDirectory() as folder,
        written_daily(Path(folder) / "c.db", world) as store,
    ):
        checked = {(c.symbol, c.id): c.status for c in store.views.checkpoints()}
        verdicts = {s: judge(s, found).verdict for s, found in store.verdicts.standings().items()}
        replays = load_replay(store, config)
        book = PortfolioDays(store, "USD")
        every_day = {}
        for r in replays:
            history = PointInTime(store, r.symbol, book, whole=True)
            days = ((d, history.snapshot(d)) for d in history.trading_days(None, None))
            every_day[r.symbol] = replay(r.symbol, written_of(config.tickers[r.symbol]), days)
    for r in replays:
        assert r.end == world["days"][-1]
        status = {c.evaluation.checkpoint_id: c.evaluation.status for c, _ in r.changes}
        for ticker_checkpoint in config.tickers[r.symbol].checkpoints:
            ident = ticker_checkpoint.id
            assert status.get(ident, "pending") == checked[(r.symbol, ident)], (r.symbol, ident)
        assert (r.replayed.verdict_on(r.end) or Verdict.UNJUDGED) == verdicts[r.symbol], r.symbol
        plain = every_day[r.symbol]
        assert [(c.day, c.evaluation) for c in r.replayed.changes] == [
            (c.day, c.evaluation) for c in plain.changes
        ]
        assert [(s.day, s.verdict.verdict) for s in r.replayed.path] == [
            (s.day, s.verdict.verdict) for s in plain.path
        ]


def test_a_filing_read_before_the_open_ends_the_replay_where_check_is() -> None:
    """The morning after the last close, a refresh reads a 10-Q filed before the open and
    `check` judges the revenue target met on it: the replay runs to that morning, judged at the
    last close (no close of the day yet), and ends where `check` is, not on the evening before."""
    days = weekdays(3)
    morning = days[-1] + dt.timedelta(days=1 if days[-1].weekday() < 4 else 3)
    world = {
        "days": days,
        "closes": {s: [100.0, 101.0, 102.0] for s in SYMBOLS},
        "theses": {
            "AAA": [
                '[[tickers.AAA.checkpoints]]\nid = "c0"\ntitle = "C0"\nkind = "target"\n'
                f'when = "revenue_q >= 100000000"\ndue = {morning + dt.timedelta(days=60)}\n',
                '[[tickers.AAA.checkpoints]]\nid = "c1"\ntitle = "C1"\nkind = "guard"\n'
                'when = "price >= 101"\n',
            ],
            **{
                s: [
                    f'[[tickers.{s}.checkpoints]]\nid = "c0"\ntitle = "C0"\nkind = "milestone"\n'
                    f"due = {morning + dt.timedelta(days=90)}\n"
                ]
                for s in ("BBB", "CCC")
            },
        },
        "lots": {"AAA": -1, "BBB": 0},
        "sale": None,
        "filings": [],
    }
    config = parse_config(thesis(world))
    with (
        tempfile.TemporaryDirectory() as folder,
        written_daily(Path(folder) / "c.db", world) as store,
    ):
        start, end = QUARTERS[1]
        values = [
            FiledValue("us-gaap", concept, "USD", start, end, amount, "10-Q", morning, "0-26-9")
            for concept, amount in (("Revenues", 110e6), ("GrossProfit", 66e6))
        ]
        before_open = dt.datetime.combine(morning, dt.time(11), dt.UTC)  # 07:00 in New York
        store.as_filed.save("AAA", values)
        store.market.save_facts("AAA", derive_facts(companyfacts_of(values)), before_open)
        evaluate_checkpoints(config, store, before_open)
        checked = {(c.symbol, c.id): c.status for c in store.views.checkpoints()}
        [replayed] = load_replay(store, config, "AAA")
    assert checked[("AAA", "c0")] == "met"  # the target met on the morning's filing
    assert checked[("AAA", "c1")] == "met"  # the guard on the last close, 102
    assert replayed.end == morning
    status = {c.evaluation.checkpoint_id: c.evaluation.status for c, _ in replayed.changes}
    assert status == {"c0": "met", "c1": "met"}
    [met] = [c for c, _ in replayed.changes if c.evaluation.checkpoint_id == "c0"]
    assert met.day == morning
