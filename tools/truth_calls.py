"""The reader of words scored on real earnings calls read by hand (realdata/calls/: 42
transcripts, one sentence a line, and truth.json; its README gives the rules).

    python tools/truth_calls.py [SHARED] [--part dev|held-out|all] [--list]
    python tools/truth_calls.py --docs DIR --truth FILE [--list]

The calls are two parts: the 20 of the set's first release, which the reader's rules were
written against (`dev`), and the 22 added second (`held-out`), kept out of sight while they were
written and scored once at the end: the score that predicts a call never seen. Without
`--part`, each part and the whole are printed.

Each expectation is a line of a transcript and what it states: a share or a growth (subject,
value, comparison word, basis), a guidance direction, or nothing (a trap). The reader reads each
transcript whole (`read_words`), and each value it gives on a line that truth.json judges is:

- **right** when an expectation of that line has its kind and value (or one of its
  `alt_values`, the same growth in another measure), the same comparison (`=` for no word, `>`
  for "over"/"more than", `~` for "about"/"approximately"/"nearly"), the same basis
  (sequential and quarter-over-quarter are one, as are year-over-year and full-year against
  the prior year; none where the sentence names none) and a subject that names the same part
  (the company's own revenue is "company"; otherwise one subject's words, without "revenue",
  "sales" and determiners, are all in the other's); a guidance direction is right when an
  expectation of that line gives it;
- **on the wrong line** when its kind, value, comparison and basis are an expectation's of
  that line but its subject names another part (a part's growth given to the company, the
  company's to a part);
- **invented** otherwise, except forecasts on a guidance line (the README: neither required nor
  penalised; a guidance line is one labelled with a direction, or a trap labelled
  `trap_for: "guidance"`, a guidance sentence that gives none) and a second figure that is an
  expectation's `alt_values`. A forecast is a value the reader marks `forward`; one it does not
  mark is judged as any other.

An expectation no value matched is **missing**. Exit 1 on any value invented or on the wrong
line.

Each call is read with its ticker (its file name's first word) and the name SEC's map of tickers
gives that ticker (`samples/sec_company_tickers.json`), as the store reads a document with its
ticker and the names it knows the company by (jobs/kpi_reading.py)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from catalyst_tui.market.sec.tickers import SecFormatError, parse_companies  # noqa: E402
from catalyst_tui.reading.wordlists import word_set  # noqa: E402
from catalyst_tui.reading.words import COMPANY, Stated, read_words  # noqa: E402

KINDS = ("share", "growth", "guidance")
_CMP = {
    "over": ">",
    "more than": ">",
    "greater than": ">",
    "above": ">",
    "in excess of": ">",
    "just over": ">",
    "about": "~",
    "approximately": "~",
    "roughly": "~",
    "nearly": "~",
    "almost": "~",
    "around": "~",
    "some": "~",
    "close to": "~",
    "closer to": "~",
    "less than": "<",
    "under": "<",
    "south of": "<",
    "below": "<",
    "just under": "<",
    "at least": ">=",
    "no less than": ">=",
    "upwards of": ">",
    "north of": ">",
    "at most": "<=",
    "no more than": "<=",
}
_BASIS = {"qoq": "sequential", "sequential": "sequential", "yoy": "yoy", "fy": "yoy", None: ""}
#: The calls added to the set second (its README): out of sight while the rules were written.
HELD_OUT = word_set(
    """APH_q1_2021 BHE_q1_2020 BOX_q2_2022 CIR_q3_2021 CTS_q2_2020 FN_q3_2021 FN_q4_2021
    GLW_q4_2021 HPE_q2_2021 MSI_q1_2021 SWI_q4_2021 TDC_q3_2021 VSH_q4_2020 BDC_q2_2021
    DBD_q1_2020 FDS_q1_2022 IBM_q4_2021 PAY_q3_2021 PRO_q3_2021 ROK_q4_2021 ROP_q2_2021
    TDY_q1_2021"""
)
PARTS = ("dev", "held-out", "all")
_DROP = word_set(
    "revenue revenues sales the our its total net consolidated organic of from for in a an"
    " business businesses segment segments combined"
)


@dataclass
class Score:
    right: Counter[str] = field(default_factory=Counter)
    missing: Counter[str] = field(default_factory=Counter)
    expected: Counter[str] = field(default_factory=Counter)
    invented: list[str] = field(default_factory=list)
    wrong_line: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    part: str = "all"

    @property
    def stated(self) -> int:
        return sum(self.expected.values())

    @property
    def rate(self) -> float:
        return sum(self.right.values()) / self.stated if self.stated else 0.0

    @property
    def wrong(self) -> int:
        """Values invented or on the wrong line: `make truth` fails on any."""
        return len(self.invented) + len(self.wrong_line)

    def lines(self) -> list[str]:
        out = []
        for kind in KINDS:
            invented = sum(1 for i in self.invented if i.startswith(kind))
            wrong = sum(1 for i in self.wrong_line if i.startswith(kind))
            out.append(
                f"calls     {kind:9} {self.right[kind]:3}/{self.expected[kind]:3} right, "
                f"{self.missing[kind]:3} missing, {invented} invented, {wrong} on the wrong line"
            )
        out.append(
            f"calls     words ({self.part}): {sum(self.right.values())}/{self.stated} stated "
            f"values right ({self.rate:.1%}), {len(self.invented)} invented, "
            f"{len(self.wrong_line)} on the wrong line"
        )
        return out


def _words(subject: str) -> frozenset[str]:
    found = re.findall(r"[\w&/+-]+", subject.casefold().replace("’", "'"))
    return frozenset(
        w[:-1] if len(w) > 3 and w.endswith("s") else w for w in found if w not in _DROP
    )


def _same_subject(read: str, expected: str) -> bool:
    if expected == "company" or read == COMPANY:
        return expected == "company" and read == COMPANY
    mine, theirs = _words(read), _words(expected)
    return bool(mine) and bool(theirs) and (mine <= theirs or theirs <= mine)


def _matches(read: Stated, entry: dict[str, Any]) -> bool:
    if read.kind != entry["kind"]:
        return False
    if read.kind == "guidance":
        return read.basis == entry["direction"]
    values = [entry["value"], *(entry.get("alt_values") or [])]
    if read.value is None or not any(abs(read.value * 100 - v) < 1e-6 for v in values):
        return False
    if _CMP.get(read.comparison, "=") != entry["comparator"]:
        return False
    if read.kind == "growth" and _basis(read.basis) != _BASIS[entry["basis"]]:
        return False
    return _same_subject(read.subject, entry["subject"])


def _same_value(read: Stated, entry: dict[str, Any]) -> bool:
    """Whether `read` is an expectation's figure (its kind, value, comparison and basis) given
    to another subject."""
    if read.kind != entry["kind"] or read.kind == "guidance" or read.value is None:
        return False
    values = [entry["value"], *(entry.get("alt_values") or [])]
    if not any(abs(read.value * 100 - v) < 1e-6 for v in values):
        return False
    if _CMP.get(read.comparison, "=") != entry["comparator"]:
        return False
    return read.kind != "growth" or _basis(read.basis) == _BASIS[entry["basis"]]


def _basis(said: str) -> str:
    return {"sequential": "sequential", "year over year": "yoy"}.get(said, "")


def _alt(read: Stated, entries: list[dict[str, Any]]) -> bool:
    return read.value is not None and any(
        abs(read.value * 100 - v) < 1e-6 for e in entries for v in e.get("alt_values") or []
    )


def in_part(doc: str, part: str) -> bool:
    """Whether the call `doc` (a file name in docs/) is of `part`."""
    held = doc.rsplit(".", 1)[0] in HELD_OUT
    return part == "all" or held == (part == "held-out")


def score(shared: Path, part: str = "all") -> Score:
    folder = shared / "realdata" / "calls"
    return score_files(folder / "docs", folder / "truth.json", part, names=sec_names(shared))


def sec_names(shared: Path) -> dict[str, str]:
    """SEC's name of each ticker ("HELE": "HELEN OF TROY LTD"), from the map the shared folder
    holds, read by the parser the store's map is filled by (market/sec/tickers.py); none where
    it holds none."""
    try:
        listed = (shared / "samples" / "sec_company_tickers.json").read_bytes()
        return parse_companies(listed).names
    except (OSError, SecFormatError):
        return {}


def score_files(
    docs: Path,
    truth_file: Path,
    part: str = "all",
    name: str = "",
    names: Mapping[str, str] | None = None,
) -> Score:
    """The calls in `docs` scored against the expectations in `truth_file` (those of `part`);
    `name` is what the score is said to be of (the part by default); `names`, each ticker's
    company name (sec_names)."""
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    by_line: dict[tuple[str, int], list[dict[str, Any]]] = defaultdict(list)
    for entry in truth:
        if in_part(entry["doc"], part):
            by_line[(entry["doc"], entry["line"])].append(entry)
    result = Score(part=name or part)
    for doc in sorted({d for d, _ in by_line}):
        text = (docs / doc).read_text(encoding="utf-8")
        starts = [0] + [m.end() for m in re.finditer("\n", text)]
        read_on: dict[int, list[Stated]] = defaultdict(list)
        ticker = doc.split("_", 1)[0]
        named = (names or {}).get(ticker, "")
        for stated in read_words(
            text, day=call_day(doc), names=(named,) if named else (), symbol=ticker
        ):
            line = _line_of(starts, stated.start)
            read_on[line].append(stated)
        for (d, line), entries in by_line.items():
            if d != doc:
                continue
            _score_line(result, doc, line, entries, read_on.get(line, []))
    return result


_CALL = re.compile(r"_q(?P<q>[1-4])_(?P<y>20\d\d)\.txt$")
_HELD_ON = re.compile(r"_((?:19|20)\d{6})\.txt$")


def call_day(doc: str) -> dt.date | None:
    """The day a call named TICKER_qN_YYYY was held, as near as its name says: a month after
    its quarter's end (the name's year is the company's fiscal year, its quarter the fiscal
    quarter: a call's own words name the same years); a call named TICKER_YYYYMMDD, that day."""
    said = _CALL.search(doc)
    if said is None:
        held = _HELD_ON.search(doc)  # TICKER_YYYYMMDD: the day the call was held
        try:
            return None if held is None else dt.datetime.strptime(held[1], "%Y%m%d").date()
        except ValueError:
            return None  # eight digits that are no day
    year, quarter = int(said["y"]), int(said["q"])
    return dt.date(year, 3 * quarter, 28) + dt.timedelta(days=33)


def _line_of(starts: list[int], offset: int) -> int:
    low, high = 0, len(starts)
    while low + 1 < high:
        mid = (low + high) // 2
        if starts[mid] <= offset:
            low = mid
        else:
            high = mid
    return low + 1


def _score_line(
    result: Score, doc: str, line: int, entries: list[dict[str, Any]], read: list[Stated]
) -> None:
    expected = [e for e in entries if e["kind"] != "none"]
    # A guidance sentence: a direction labelled on it, or a trap labelled as one (`trap_for`
    # "guidance": guidance-like words, no direction). Its growths are forecasts, "neither
    # required nor penalised" (the README's rule), when the reader marks them as such.
    guidance_line = any(e["kind"] == "guidance" or e.get("trap_for") == "guidance" for e in entries)
    matched: set[int] = set()
    for stated in read:
        hit = next(
            (i for i, e in enumerate(expected) if i not in matched and _matches(stated, e)), None
        )
        if hit is not None:
            matched.add(hit)
            continue
        if guidance_line and stated.kind != "guidance" and stated.forward:
            continue
        if _alt(stated, expected) or any(_matches(stated, e) for e in expected):
            continue
        value = "" if stated.value is None else f" {stated.value * 100:g}%"
        said = (
            f"{stated.kind} {doc}:{line} {stated.subject!r}{value} {stated.comparison} "
            f"{stated.basis}: {stated.sentence[:110]}"
        )
        elsewhere = any(_same_value(stated, e) for e in expected)
        (result.wrong_line if elsewhere else result.invented).append(said)
    for i, entry in enumerate(expected):
        result.expected[entry["kind"]] += 1
        if i in matched:
            result.right[entry["kind"]] += 1
        else:
            result.missing[entry["kind"]] += 1
            said = entry.get("direction") or f"{entry['value']} {entry['comparator']}"
            result.missed.append(
                f"{entry['kind']} {doc}:{line} {entry['subject']!r} {said} {entry['basis']}: "
                f"{entry['sentence'][:110]}"
            )


def report(result: Score, *, listing: bool = False) -> list[str]:
    """What the command prints of one part: its score, then each value invented or on the
    wrong line, and with `listing` each expectation missed."""
    return [
        *result.lines(),
        *(f"calls     INVENTED: {i}" for i in result.invented),
        *(f"calls     WRONG LINE: {i}" for i in result.wrong_line),
        *(f"calls     missing: {m}" for m in (result.missed if listing else ())),
    ]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="truth_calls",
        description="The reader of words scored on hand-read earnings calls (right, missing, "
        "invented, on the wrong line); exit 1 on any value invented or on the wrong line.",
    )
    parser.add_argument(
        "shared", nargs="?", type=Path, help="the shared folder (default: ../shared)"
    )
    parser.add_argument("--part", choices=PARTS, help="one part of the shared set (default: each)")
    parser.add_argument("--docs", type=Path, help="a folder of calls, one sentence a line")
    parser.add_argument("--truth", type=Path, help="their expectations, as truth.json's")
    parser.add_argument("--list", action="store_true", help="list the values missed too")
    return parser


def main(argv: list[str]) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # a usage error (2) or --help (0), said by argparse
        return int(stop.code or 0)
    if args.docs is not None or args.truth is not None:
        if args.docs is None or args.truth is None or args.part or args.shared:
            print("truth_calls: --docs DIR and --truth FILE go together, alone", file=sys.stderr)
            return 2
        try:
            names = sec_names(REPO.parent / "shared")
            result = score_files(args.docs, args.truth, name=args.truth.name, names=names)
        except (OSError, ValueError, KeyError, TypeError) as error:
            print(f"truth_calls: {args.truth}: {error}", file=sys.stderr)
            return 2
        print("\n".join(report(result, listing=args.list)))
        return 1 if result.wrong else 0
    shared, wrong = args.shared or REPO.parent / "shared", 0
    for each in (args.part,) if args.part else PARTS:
        try:
            result = score(shared, each)
        except OSError as error:
            print(f"truth_calls: {shared}: {error}", file=sys.stderr)
            return 2
        print("\n".join(report(result, listing=args.list)))
        wrong += result.wrong
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
