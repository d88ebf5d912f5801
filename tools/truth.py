"""`make truth`: every reader run over every real file of its kind in ../shared (CATALYST_SHARED
names another folder), the laws its figures obey asserted, one line printed per file.

    python tools/truth.py [SHARED]

The kinds and their laws (docs/market-data.md, "The laws on real files"):

- releases (press_releases/, realdata/more/releases*/): read_release; its figures come from the
  column whose period end is the release's quarter: where the text says which quarter it
  reports ("first quarter ended March 31, 2025"), the period end read is that day.
- XBRL instances (realdata/xbrl/*/: XML and inline, each with its folder's label file):
  read_segments; no line exceeds the total, no axis's lines (generic members, sums of others
  and parts of another aside) add up to more than it, and where the filing states the total
  the business segments and the product/service pair sum to it.
- broker exports (realdata/brokers/): the reader of the broker detected (an export that asks
  which symbol an ISIN is read again with each ISIN named as itself), then the import's
  own plan (config/importing.py plan_import, settle); of an export that reads (no issue), a
  FIFO quantity of what the import adds is never negative: a sale beyond what is held by then
  (a position opened before the export's span) is left out, never imported; and no trade is
  left out for a rate it lacks (with none had, each priced in another currency is kept in it).
- Yahoo charts (realdata/yahoo_chart/, samples/yahoo_chart-*): chart_bars; closes positive,
  days strictly in order.
- Yahoo quotes (realdata/more/yahoo_quote/, samples/yahoo_quote-*): the batch reader; each
  quote read has a positive price and, where the request asked for it as the app's does,
  states its currency.
- Yahoo calendars (realdata/yahoo_calendar/, samples/yahoo_quoteSummary-calendarEvents-*):
  the next earnings date as of the first stamp's day is that stamp's day on the listing's own
  exchange (the zone Yahoo's v7 answers name for it; New York's for a US listing).
- feeds (samples/ RSS and Atom): parse_feed; every headline has a title, and its date, when
  read, is not after the file's recording.
- KPIs from words (every release, 10-Q, 10-K and 8-K document: press_releases/, samples/,
  realdata/more/releases*/ and sec_documents/): read_kpis over the document's text for the
  products public companies name (PRODUCTS); each value's sentence is the text at its offsets
  and names its product, the figure read is a figure the sentence writes, a share lies within
  0 to 100% and a range's upper end above its lower, no value comes from a sentence that
  negates ("not", "never", "no longer", "n't"), and a guidance direction is of a sentence that
  speaks of guidance, an outlook, a forecast or a view of the year ("doubled", "tripled",
  "halved" are figures written as words).

Exit 0 when every law holds, 1 when one does not (each named under its file), 2 when the
folder is missing. `tests/project/test_truth.py` runs `run()` and `report()` in-process, so
`make test` covers it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from catalyst_tui.config import parse_config  # noqa: E402
from catalyst_tui.config.import_rates import converted  # noqa: E402
from catalyst_tui.config.importing import plan_import, settle  # noqa: E402
from catalyst_tui.market.models import FetchError  # noqa: E402
from catalyst_tui.market.yahoo.bars import chart_bars  # noqa: E402
from catalyst_tui.market.yahoo.earnings import parse_calendar_events  # noqa: E402
from catalyst_tui.market.yahoo.quote import batch_rows, quotes_from_rows  # noqa: E402
from catalyst_tui.reading.brokers.export import Options, Trade  # noqa: E402
from catalyst_tui.reading.brokers.formats import detect, read_export  # noqa: E402
from catalyst_tui.reading.documents import html_to_text  # noqa: E402
from catalyst_tui.reading.feeds import parse_feed  # noqa: E402
from catalyst_tui.reading.release.document import read_document  # noqa: E402
from catalyst_tui.reading.release.reader import read_release  # noqa: E402
from catalyst_tui.reading.release.records import FIGURES  # noqa: E402
from catalyst_tui.reading.release.stated import reported_end  # noqa: E402
from catalyst_tui.reading.xbrl import read_segments  # noqa: E402
from catalyst_tui.thesis.kpis.statements import GUIDANCE_DIRECTIONS, Kpi, read_kpis  # noqa: E402

NOW = dt.datetime.now(dt.UTC)


@dataclass
class Checked:
    """One file: what its reader gave (`said`) and each law it broke (`broken`)."""

    kind: str
    path: Path
    said: str = ""
    broken: list[str] = field(default_factory=list)


def _files(folder: Path, pattern: str = "*") -> list[Path]:
    return sorted(p for p in folder.glob(pattern) if p.is_file() and p.name != "README.md")


def _body(path: Path) -> Any:
    """A recorded answer's body: the recording's `response` (bodyJson or body), else the file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, dict) and isinstance(data.get("response"), dict):
        response = data["response"]
        return response["bodyJson"] if "bodyJson" in response else json.loads(response["body"])
    return data


def releases(shared: Path) -> Iterator[Checked]:
    folders = [shared / "press_releases", *sorted((shared / "realdata" / "more").glob("releases*"))]
    for path in (p for folder in folders for p in _files(folder)):
        if path.suffix.lower() not in (".htm", ".html", ".txt"):
            continue
        checked = Checked("release", path)
        body = path.read_bytes()
        read = read_release(body)
        document = read_document(body)
        own = reported_end(document.text, None) if document is not None else None
        if not read.found:
            checked.said = f"nothing: {read.reason}"
        else:
            got = sum(getattr(read.quarter, name) is not None for name in FIGURES)
            checked.said = f"{read.period_end} quarter {got}/{len(FIGURES)} figures"
            if own is not None and read.period_end != own:
                checked.broken.append(f"period end {read.period_end}, the text reports {own}")
        yield checked


_GENERIC_PAIR = ("ProductMember", "ServiceMember")


def xbrl(shared: Path) -> Iterator[Checked]:
    for folder in sorted(p for p in (shared / "realdata" / "xbrl").iterdir() if p.is_dir()):
        labels = next(iter(_files(folder, "*_lab.xml")), None)
        for path in _files(folder):
            if path.suffix not in (".xml", ".htm") or path.stem.endswith(
                ("_lab", "_cal", "_pre", "_def")
            ):
                continue
            checked = Checked("xbrl", path)
            try:
                read = read_segments(path.read_bytes(), labels.read_bytes() if labels else None)
            except Exception as error:
                checked.broken.append(f"not read: {type(error).__name__}: {error}")
                yield checked
                continue
            total = read.total_revenue
            lines = sum(len(axis.members) for axis in read.axes)
            checked.said = f"{read.form} {read.period_end} total {total} {lines} lines"
            checked.broken += _xbrl_laws(read)
            yield checked


def _xbrl_laws(read: Any) -> list[str]:
    total, broken = read.total_revenue, []
    if total is None:
        return broken
    for axis in read.axes:
        name = axis.axis.rpartition(":")[2]
        for line in axis.members:
            if line.revenue > total:
                broken.append(f"{line.member} {line.revenue} exceeds the total {total}")
        counted = sum(m.revenue for m in axis.members if not (m.aggregate or m.within or m.generic))
        if counted > total:
            broken.append(f"{name}'s lines add up to {counted}, over the total {total}")
        if name == "StatementBusinessSegmentsAxis":
            parts = sum(line.revenue for line in axis.members if not line.aggregate)
            if parts != total:
                broken.append(f"segments sum to {parts}, the total is {total}")
        pair = [m for m in axis.members if m.member.rpartition(":")[2] in _GENERIC_PAIR]
        if len(pair) == 2 and sum(m.revenue for m in pair) != total:
            broken.append(f"products and services sum to {sum(m.revenue for m in pair)}")
    return broken


def brokers(shared: Path) -> Iterator[Checked]:
    for path in _files(shared / "realdata" / "brokers", "*.csv"):
        checked = Checked("broker", path)
        text = path.read_text(encoding="utf-8-sig")
        broker = detect(text)
        if broker is None:
            checked.said = "no broker's header"
            yield checked
            continue
        try:
            read = read_export(text, broker, Options(today=NOW.date()))
            if read.issues:  # "which symbol is US1912161007?": each ISIN named as itself
                named = {isin: isin for isin in _ISIN.findall(text)}
                read = read_export(text, broker, Options(symbols=named, today=NOW.date()))
        except Exception as error:
            checked.said = f"{broker.name}: refused: {error}"
            yield checked
            continue
        if read.issues:
            first = read.issues[0]
            checked.said = f"{broker.name}: {len(read.issues)} issues, first line {first.line}"
        else:
            # the import's own path (cli/imports.py): the trades priced in another currency with
            # no rate had (offline) kept in theirs, never left out; the plan; then the sales its
            # holdings cover
            kept, _ = converted(read, lambda _currency, _into, _day: None)
            if len(kept.trades) != len(read.trades) or kept.left_out != read.left_out:
                checked.broken.append("a trade left out for a rate it lacks")
            read = kept
            config = parse_config("")
            plan = plan_import(config, broker.name, read.trades, read.skipped, read.issues)
            settled, short = settle(config, plan)
            checked.said = (
                f"{broker.name}: {len(read.trades)} trades, {len(settled.add)} added, "
                f"{len(read.dividends)} dividends"
            )
            if settled.left_out:
                lines = ", ".join(str(row.line) for row in settled.left_out)
                checked.said += f"; left out (bought before the export): line {lines}"
            checked.broken += [
                f"line {line}: a sale beyond what is held is imported"
                for line in sorted(_oversold(settled.add))
            ]
            checked.broken += [f"line {row.line}: {row.message}" for row in short]
        yield checked


_ISIN = re.compile(r"\b[A-Z]{2}[A-Z0-9]{9}[0-9]\b")


def _oversold(trades: list[Trade]) -> set[int]:
    """The lines of sales beyond what the export has bought by then (first in, first out; a
    cancelled trade and its cancellation aside): a FIFO quantity gone negative."""
    cancelled = {t.ref for t in trades if t.cancel and t.ref}
    held: dict[str, float] = defaultdict(float)
    lines = set()
    kept = [t for t in trades if not t.cancel and not (t.ref and t.ref in cancelled)]
    for trade in sorted(kept, key=lambda t: (t.day, t.side != "buy", t.line)):
        held[trade.symbol] += trade.shares if trade.side == "buy" else -trade.shares
        if held[trade.symbol] < -1e-9:
            lines.add(trade.line)
            held[trade.symbol] = 0.0  # the import refuses it: what follows counts from none
    return lines


def charts(shared: Path) -> Iterator[Checked]:
    paths = _files(shared / "realdata" / "yahoo_chart", "*.json")
    for path in paths + _files(shared / "samples", "yahoo_chart-*.json"):
        checked = Checked("chart", path)
        result = _body(path)["chart"]["result"][0]
        try:
            bars = chart_bars(result, "T", result["meta"].get("gmtoffset"), NOW)
        except FetchError as error:
            checked.said = f"refused: {error.message}"
            yield checked
            continue
        checked.said = f"{len(bars)} bars"
        days = [bar.day for bar in bars]
        if any(bar.close <= 0 for bar in bars):
            checked.broken.append("a close not positive")
        if any(later <= earlier for earlier, later in zip(days, days[1:], strict=False)):
            checked.broken.append("days out of order")
        yield checked


def quotes(shared: Path) -> Iterator[Checked]:
    paths = _files(shared / "realdata" / "more" / "yahoo_quote", "*.json")
    for path in paths + _files(shared / "samples", "yahoo_quote-*.json"):
        checked = Checked("quote", path)
        rows = batch_rows(json.dumps(_body(path)))
        if isinstance(rows, FetchError):
            checked.said = f"refused: {rows.message}"
            yield checked
            continue
        symbols = [str(row["symbol"]) for row in rows if row.get("symbol")]
        read = quotes_from_rows(rows, symbols, NOW)
        found = [q for q in read.values() if not isinstance(q, FetchError)]
        checked.said = f"{len(found)} of {len(symbols)} quoted"
        asked = _currency_asked(path)
        if not asked:
            checked.said += " (its fields= left the currency out: not the app's request)"
        for quote in found:
            if asked and not quote.currency:
                checked.broken.append(f"{quote.symbol}: no currency stated")
            if not quote.price > 0:
                checked.broken.append(f"{quote.symbol}: price {quote.price}")
        yield checked


def _currency_asked(path: Path) -> bool:
    """Whether the recorded request asked for the currency: no `fields=` limit, or one naming
    it (the app's own request names it: market/yahoo/quote.py FIELDS)."""
    recording = json.loads(path.read_text(encoding="utf-8"))
    url = str(((recording.get("request") or {}) if isinstance(recording, dict) else {}).get("url"))
    fields = parse_qs(urlsplit(url).query).get("fields")
    return fields is None or "currency" in ",".join(fields).split(",")


# An exchange's zone as the exchange publishes its hours, for a listing no v7 answer in ../shared
# names a zone of (worked here, not taken from the code under test); any other is New York's.
_PUBLISHED_ZONES = {"AS": "Europe/Amsterdam", "IS": "Europe/Istanbul", "TO": "America/Toronto"}


def _named_zones(shared: Path) -> dict[str, str]:
    """The zone each symbol's exchange has, as Yahoo's v7 answers in ../shared name it."""
    named: dict[str, str] = {}
    for path in _files(shared / "realdata" / "more" / "yahoo_quote", "*.json"):
        body = _body(path)
        rows = ((body.get("quoteResponse") or {}) if isinstance(body, dict) else {}).get("result")
        for row in rows or []:
            if isinstance(row, dict) and row.get("symbol") and row.get("exchangeTimezoneName"):
                named[str(row["symbol"])] = str(row["exchangeTimezoneName"])
    return named


def calendars(shared: Path) -> Iterator[Checked]:
    """The next earnings date of a Yahoo calendar is its first stamp's day on the listing's own
    exchange (the zone a v7 answer names for the symbol, else the exchange's published one,
    else New York's for a US listing)."""
    paths = _files(shared / "realdata" / "yahoo_calendar", "*.json")
    prefix = "quoteSummary-calendarEvents-"
    named = _named_zones(shared)
    for path in paths + _files(shared / "samples", f"yahoo_{prefix}*.json"):
        checked = Checked("calendar", path)
        symbol = path.stem.rpartition(prefix)[2]
        suffix = symbol.rpartition(".")[2] if "." in symbol else ""
        zone = ZoneInfo(named.get(symbol) or _PUBLISHED_ZONES.get(suffix, "America/New_York"))
        body = _body(path)
        result = ((body.get("quoteSummary") or {}).get("result") or [{}])[0]
        earnings = ((result or {}).get("calendarEvents") or {}).get("earnings") or {}
        stamps = [s["raw"] if isinstance(s, dict) else s for s in earnings.get("earningsDate", [])]
        first = dt.datetime.fromtimestamp(min(stamps), zone).date() if stamps else NOW.date()
        try:
            found = parse_calendar_events(json.dumps(body), symbol, first)
        except FetchError as error:
            checked.said = f"refused: {error.message}"
            yield checked
            continue
        checked.said = f"next {found.day}" if found else "no date"
        if stamps and (found is None or found.day != first):
            checked.broken.append(f"read {found and found.day}, its first stamp: {first} ({zone})")
        yield checked


def feeds(shared: Path) -> Iterator[Checked]:
    samples = shared / "samples"
    for path in _files(samples, "*rss*.xml") + _files(samples, "*atom*.xml"):
        checked = Checked("feed", path)
        headlines = parse_feed(path.read_bytes(), "https://example.invalid/")
        checked.said = f"{len(headlines)} headlines"
        for headline in headlines:
            if not headline.title:
                checked.broken.append(f"{headline.link}: no title")
            if headline.published is not None and headline.published > NOW:
                checked.broken.append(f"{headline.title[:40]}: dated after now")
        yield checked


# The products and lines public companies name in their releases and filings (a KPI is read of a
# product the thesis names; these stand in for the theses of every company in ../shared).
PRODUCTS = (
    *("Data Center", "Gaming", "Networking", "Blackwell", "Automotive", "Professional"),
    *("iPhone", "Mac", "iPad", "Services", "Wearables", "AWS", "Azure", "Google Cloud"),
    *("YouTube", "Reality Labs", "Family of Apps", "Xbox", "LinkedIn", "Digital Media"),
    *("Scorpio", "Aries", "Taurus", "Leo"),
)
_NEGATED = re.compile(r"\b(?:not|never|no longer)\b|n[’']t\b", re.I)


def kpis(shared: Path) -> Iterator[Checked]:
    more = shared / "realdata" / "more"
    folders = [shared / "press_releases", shared / "samples", more / "sec_documents"]
    folders += sorted(more.glob("releases*"))
    for path in (p for folder in folders for p in _files(folder)):
        if path.suffix.lower() not in (".htm", ".html") or path.name.endswith("-index.html"):
            continue
        checked = Checked("kpi", path)
        text = html_to_text(path.read_bytes())
        read = read_kpis(text, PRODUCTS)
        kinds = defaultdict(int)
        for k in read:
            kinds[k.kind] += 1
            checked.broken.extend(f"{k.kind} of {k.subject!r}: {law}" for law in _kpi_laws(text, k))
        checked.said = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items())) or "none"
        yield checked


#: The words that state a growth without its number: what a law finds written instead.
_MULTIPLES = {100: "doubled", 200: "tripled", 300: "quadrupled", -50: "halved"}


def _kpi_laws(text: str, k: Kpi) -> list[str]:
    broken = []
    if text[k.start : k.end] != k.sentence:
        broken.append("its sentence is not the text at its offsets")
    if _NEGATED.search(k.sentence):
        broken.append(f"read from a negated sentence: {k.sentence[:80]!r}")
    if k.kind == "guidance":
        if k.basis not in GUIDANCE_DIRECTIONS or not re.search(
            r"guidance|outlook|forecast|guide|target|expect|anticipate|range|projection|view",
            k.sentence,
            re.I,
        ):
            broken.append(f"{k.basis!r} of a sentence not about guidance")
        return broken
    if not re.search(rf"\b{re.escape(k.subject)}\b", k.sentence, re.I):
        broken.append("its sentence does not name it")
    for value in (k.value, k.high):
        if value is None:
            continue
        number = f"{abs(value) * 100:.4f}".rstrip("0").rstrip(".")
        multiple = _MULTIPLES.get(round(value * 100))  # "doubled" is 100%, "halved" -50%
        if multiple and re.search(rf"\b{multiple}\b", k.sentence, re.I):
            continue
        if not re.search(rf"(?<![\d.]){re.escape(number)}(?:\.0+)?\s?(?:%|percent)", k.sentence):
            broken.append(f"{number}% is not written in {k.sentence[:80]!r}")
    if k.kind == "share" and not 0 <= (k.value or 0) <= (k.high or k.value or 0) <= 1:
        broken.append(f"a share of {k.value} to {k.high}")
    return broken


KINDS: tuple[Callable[[Path], Iterator[Checked]], ...] = (
    releases,
    xbrl,
    brokers,
    charts,
    quotes,
    calendars,
    feeds,
    kpis,
)


def run(shared: Path) -> list[Checked]:
    """Every file of every kind, checked."""
    return [checked for kind in KINDS for checked in kind(shared)]


def main(argv: list[str]) -> int:
    default = os.environ.get("CATALYST_SHARED") or str(REPO.parent / "shared")
    shared = Path(argv[0] if argv else default)
    if not (shared / "realdata").is_dir():
        print(f"truth: no recorded data at {shared} (set CATALYST_SHARED)", file=sys.stderr)
        return 2
    return report(run(shared), shared)


def report(results: list[Checked], shared: Path) -> int:
    """A line a file (what it said, the laws it broke), the count, then the calls' score: the
    command's output. Its exit status: 1 when a file broke a law or a call was invented."""
    for checked in results:
        name = checked.path.relative_to(shared)
        print(f"{checked.kind:9} {name}: {checked.said}")
        for law in checked.broken:
            print(f"{'':9}   BROKEN: {law}")
    broken = [c for c in results if c.broken]
    counts = defaultdict(int)
    for checked in results:
        counts[checked.kind] += 1
    kinds = ", ".join(f"{n} {kind}" for kind, n in counts.items())
    print(f"truth: {len(results)} files ({kinds}); {len(broken)} broke a law")
    invented = _calls(shared)
    return 1 if broken or invented else 0


def _calls(shared: Path) -> int:
    """realdata/calls: the reader of words scored on calls read by hand (tools/truth_calls.py):
    the whole set per kind, then its two parts (the calls the rules were written against, and
    those read last); how many values it invented or gave to the wrong line."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from truth_calls import report, score  # noqa: PLC0415

    result = score(shared)
    parts = [score(shared, part).lines()[-1] for part in ("dev", "held-out")]
    print("\n".join([*report(result), *parts]))
    return result.wrong


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
