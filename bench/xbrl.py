"""Benchmark: the XBRL reader on the ten recorded documents (../shared/realdata/xbrl), each against
lxml's bare parse of the same bytes, and edgartools' XBRL reading where it is installed.

    .venv/bin/python bench/xbrl.py [--repeats 5]

One run is `read_segments(document, labels)`: the document parsed by libxml2's pull parser
(reading/xbrl/pull.py: DOCTYPE refused, no entity expanded), only the contexts, units and facts
asked for reaching Python, the label linkbase read, the rules applied. The floor is lxml's
`etree.fromstring` of the document alone (no entities, no network), measured in the same run;
and of the document and its label linkbase, the two files a run must parse. Goals: the largest
instance (MSFT's 10-K of 2015, 3.8 MB) read in at most 250 ms, and its peak memory
(tracemalloc) at most its size; the ten instances' reading (`read_instance`: contexts, units,
revenue facts) within twice lxml's parse of them, and the whole of the ten runs within twice
lxml's parse of their documents and label linkbases. And one token of 63 MB (a comment: the
reader's 64 MiB bound filled by one thing no parser can deliver in pieces) read in at most twice
defusedxml's parse of the same bytes in one feed: the reader feeds libxml2 256 KiB at a time,
and a parser that scanned an unfinished token again from its start at each feed would go
quadratic here (expat before 2.6 did: 16 KiB feeds took 14 s on a 20 MB comment).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import importlib.util
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

from bench._report import Figure, emit  # noqa: E402
from defusedxml.ElementTree import fromstring  # noqa: E402
from lxml import etree  # noqa: E402
from tests.reading.xbrl.filings import ALL, MSFT_10K, Filing  # noqa: E402

from catalyst_tui.reading.xbrl import NoRevenue, read_segments  # noqa: E402
from catalyst_tui.reading.xbrl.facts import read_instance  # noqa: E402
from catalyst_tui.reading.xbrl.revenue import TOTAL_REVENUE_CONCEPTS  # noqa: E402

GOAL_MS = 250.0
GOAL_MEMORY = 1.0  # peak allocation over the document's size
GOAL_TOKEN = 2.0  # one huge token's read over defusedxml's one-feed parse
GOAL_RATIO = 2.0  # reading over lxml's bare parse of the same bytes


def median_ms(call: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def edgartools_reader(filing: Filing) -> Callable[[], object] | None:
    """edgartools' reading of the same instance and linkbase, when it is installed (it is not a
    dependency): its XBRL parser on the two files' text."""
    if importlib.util.find_spec("edgar") is None or filing.document.suffix != ".xml":
        return None
    parser_class = None
    for module in ("edgar.xbrl.parsers.coordinator", "edgar.xbrl.parser"):  # newer, older
        try:
            parser_class = getattr(importlib.import_module(module), "XBRLParser", None)
        except ImportError:
            continue
        if parser_class is not None:
            break
    if parser_class is None:
        return None

    def read() -> object:
        parser = parser_class()
        if filing.labels is not None:
            parser.parse_labels_content(filing.labels.read_text())
        parser.parse_instance_content(filing.document.read_text())
        return parser

    return read


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    lxml_parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    print(f"xbrl bench: {len(ALL)} documents, median of {args.repeats} runs each")
    print(
        f"  {'document':32} {'MB':>5} {'read ms':>8} {'lxml ms':>8} {'ratio':>6} "
        f"{'edgartools ms':>14}"
    )
    results: dict[Filing, tuple[float, float]] = {}
    instances: list[tuple[float, float]] = []  # read_instance, lxml's parse of the document
    with_labels = 0.0  # lxml's parse of the label linkbases
    for filing in ALL:
        document = filing.document.read_bytes()
        labels = filing.labels.read_bytes() if filing.labels else None
        ours = median_ms(lambda d=document, lab=labels: read_segments(d, lab), args.repeats)
        floor = median_ms(lambda d=document: etree.fromstring(d, lxml_parser), args.repeats)
        instance = median_ms(
            lambda d=document: read_instance(d, TOTAL_REVENUE_CONCEPTS), args.repeats
        )
        instances.append((instance, floor))
        if labels is not None:
            with_labels += median_ms(
                lambda lab=labels: etree.fromstring(lab, lxml_parser), args.repeats
            )
        other = edgartools_reader(filing)
        try:
            theirs = f"{median_ms(other, args.repeats):14.1f}" if other else f"{'-':>14}"
        except Exception as exc:  # another edgartools version: its column says so, no more
            theirs = f"{exc.__class__.__name__[:14]:>14}"
        results[filing] = (ours, floor)
        print(
            f"  {filing.document.name:32} {len(document) / 1e6:5.2f} {ours:8.1f} {floor:8.1f} "
            f"{ours / floor:5.1f}x {theirs}"
        )
    document = MSFT_10K.document.read_bytes()
    labels = MSFT_10K.labels.read_bytes() if MSFT_10K.labels else None
    tracemalloc.start()
    read_segments(document, labels)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    size, label_size = len(document) / 1e6, len(labels or b"") / 1e6
    print(
        f"  {MSFT_10K.document.name}: peak {peak / 1e6:.1f} MB allocated while reading "
        f"{size:.1f} MB (+ {label_size:.1f} MB of labels)"
    )
    ours, floor = results[MSFT_10K]
    total_ours = sum(r[0] for r in results.values())
    total_floor = sum(r[1] for r in results.values())
    total_instances = sum(r[0] for r in instances)
    print(
        f"  all {len(ALL)}: {total_ours:.0f} ms, lxml's bare parse {total_floor:.0f} ms "
        f"({total_ours / total_floor:.1f}x), of the documents and label linkbases "
        f"{total_floor + with_labels:.0f} ms ({total_ours / (total_floor + with_labels):.2f}x); "
        f"the instances alone (read_instance) {total_instances:.0f} ms "
        f"({total_instances / total_floor:.2f}x)"
    )
    emit(
        Figure(
            figure=f"XBRL instances read (contexts, units, revenue facts), all {len(ALL)}",
            measured=round(total_instances, 2),
            floor=round(total_floor, 2),
            unit="ms",
            goal=f"ratio <= {GOAL_RATIO:.0f}",
            floor_is="lxml etree.fromstring of the same documents",
            note=f"sum of medians of {args.repeats} runs: reading/xbrl/facts.py read_instance",
        )
    )
    emit(
        Figure(
            figure=f"XBRL revenue lines of all {len(ALL)} documents, labels included",
            measured=round(total_ours, 2),
            floor=round(total_floor + with_labels, 2),
            unit="ms",
            goal=f"ratio <= {GOAL_RATIO:.0f}",
            floor_is="lxml etree.fromstring of the documents and their label linkbases",
            note=f"sum of medians of {args.repeats} runs: read_segments; against the documents "
            f"alone {total_ours / total_floor:.2f}x",
        )
    )
    emit(
        Figure(
            figure="XBRL revenue lines of the 3.8 MB MSFT 10-K instance",
            measured=round(ours, 2),
            floor=round(floor, 2),
            unit="ms",
            goal=f"measured <= {GOAL_MS:.0f}",
            floor_is="lxml etree.fromstring of the same bytes (no entities, no network)",
            note=f"median of {args.repeats} runs: read_segments with its 0.9 MB label linkbase",
        )
    )
    emit(
        Figure(
            figure="XBRL reader's peak memory on the MSFT 10-K instance",
            measured=round(peak / 1e6, 2),
            floor=round(len(document) / 1e6, 2),
            unit="MB",
            goal=f"ratio <= {GOAL_MEMORY:.0f}",
            floor_is="the document's size",
            note="tracemalloc peak during one read_segments, labels included",
        )
    )

    token = b'<?xml version="1.0"?><a><!--' + b"x" * (63 * 2**20) + b"--></a>"

    def read_token() -> None:
        with contextlib.suppress(NoRevenue):  # a comment holds no revenue: the answer expected
            read_segments(token)

    ours = median_ms(read_token, args.repeats)
    floor = median_ms(lambda: fromstring(token, forbid_dtd=True), args.repeats)
    print(
        f"  one 63 MB comment: {ours:.0f} ms, defusedxml's one feed {floor:.0f} ms "
        f"({ours / floor:.1f}x)"
    )
    emit(
        Figure(
            figure="XBRL reader on one token of 63 MB",
            measured=round(ours, 2),
            floor=round(floor, 2),
            unit="ms",
            goal=f"ratio <= {GOAL_TOKEN:.0f}",
            floor_is="defusedxml's fromstring of the same bytes (one feed)",
            note=f"median of {args.repeats} runs: read_segments, NoRevenue",
        )
    )


if __name__ == "__main__":
    main()
