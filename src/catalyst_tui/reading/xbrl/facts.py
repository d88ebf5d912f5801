"""An XBRL document's contexts, units and the facts the reader needs, from either form: an XML
instance (facts are elements) or inline XBRL (facts are `ix:nonFraction` / `ix:nonNumeric` in
XHTML, contexts in `ix:resources`). Parsed by defusedxml's ElementTree, refusing any DOCTYPE or
entity, element by element: what is read is cleared, so memory follows the facts kept, not the
document."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from .errors import NoRevenue, NotWellFormed, XbrlFormatError
from .inline import parse_date, parse_number, transform_number

if TYPE_CHECKING:
    from collections.abc import Callable, Collection

__all__ = [
    "MAX_BYTES",
    "Chunks",
    "Context",
    "Fact",
    "Instance",
    "numeric_fact",
    "read_instance",
]

MAX_BYTES = 64 * 1024 * 1024  # the largest 10-K instances are tens of MB
MAX_VALUE = Decimal(10) ** 18  # a won or rupiah revenue is below 10^16; beyond is no figure

CHUNK = 16 * 1024  # what the parser is given at a time, while its reads give elements

_XBRLI = "{http://www.xbrl.org/2003/instance}"
_XBRLDI = "{http://xbrl.org/2006/xbrldi}"
_IX = ("{http://www.xbrl.org/2013/inlineXBRL}", "{http://www.xbrl.org/2008/inlineXBRL}")
_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
_CONTEXT, _UNIT = _XBRLI + "context", _XBRLI + "unit"
_KEPT = frozenset(
    {_CONTEXT, _UNIT, *(ix + name for ix in _IX for name in ("nonFraction", "nonNumeric"))}
)


class Chunks:
    """`document` as iterparse reads it: CHUNK at a time while each read gives elements (so
    memory follows the facts kept), four times the last read's size after one that gave none.
    Expat before 2.6 scans a token that spans two reads again from its start at each read: a
    comment or tag of 20 MB read 16 KiB at a time took 14 s; growing reads keep it linear
    (bench/xbrl.py: 63 MB in one token, 1.2 times defusedxml's parse of it in one feed).
    The reader sets `moved` at each event."""

    def __init__(self, document: bytes) -> None:
        self._view = memoryview(document)
        self._at = 0
        self._size = CHUNK
        self.moved = True

    def read(self, _size: int = -1) -> bytes:
        self._size = CHUNK if self.moved else self._size * 4
        self.moved = False
        chunk = self._view[self._at : self._at + self._size].tobytes()
        self._at += len(chunk)
        return chunk


@dataclass(frozen=True, slots=True)
class Context:
    """A context's period and its dimensions ((axis, member) QNames as written, in order)."""

    id: str
    start: date | None  # None: an instant
    end: date
    dims: tuple[tuple[str, str], ...]
    typed: bool  # it has a typed dimension, which no revenue line is read from


@dataclass(frozen=True, slots=True)
class Fact:
    """One numeric fact of a concept the reader asked for."""

    concept: str  # local name: "Revenues"
    prefix: str  # as written in the document ("us-gaap")
    context: str
    unit: str
    value: Decimal
    decimals: int | None  # None: INF or not given
    where: str  # the fact's id, else its context id: how a message names it


@dataclass(frozen=True, slots=True)
class Instance:
    contexts: dict[str, Context]
    units: dict[str, str]  # unit id -> its one measure ("iso4217:USD"); divided units left out
    facts: tuple[Fact, ...]
    dei: dict[str, tuple[str, str]]  # dei local name -> (text, context id)
    inline: bool


def _local(tag: str) -> tuple[str, str]:
    ns, _, local = tag.rpartition("}")
    return ns[1:], local


def _date(text: str | None, where: str) -> date:
    value = parse_date((text or "")[:10])
    if value is None:
        raise XbrlFormatError(f"context {where}: the date {text!r} is not a date")
    return value


def _context(elem: Element) -> Context:
    cid = elem.get("id", "")
    start = elem.findtext(f".//{_XBRLI}startDate")
    end = elem.findtext(f".//{_XBRLI}endDate")
    instant = elem.findtext(f".//{_XBRLI}instant")
    if end is not None:
        begin: date | None = _date(start, cid)
        last = _date(end, cid)
    else:
        begin, last = None, _date(instant, cid) if instant is not None else date.max
    dims = tuple(
        (member.get("dimension", "").strip(), (member.text or "").strip())
        for member in elem.iter(_XBRLDI + "explicitMember")
    )
    typed = next(elem.iter(_XBRLDI + "typedMember"), None) is not None
    return Context(cid, begin, last, dims, typed)


def _unit(elem: Element) -> str | None:
    measures = list(elem.iter(_XBRLI + "measure"))
    return (measures[0].text or "").strip() if len(measures) == 1 else None


def _decimals(text: str | None) -> int | None:
    try:
        places = None if text is None or text.strip() == "INF" else int(text)
    except ValueError:
        return None
    return places if places is not None and -30 <= places <= 30 else None


def numeric_fact(
    attr: Callable[[str], str], text: str, prefix: str, concept: str, inline: bool
) -> Fact | None:
    """A numeric fact from its attributes (`attr(name)`: "" when absent) and its text; None
    when it is nil; an XbrlFormatError naming it when no number can be read from it."""
    if attr("xsi:nil") == "true":
        return None
    context = attr("contextRef")
    where = attr("id") or f"context {context}"
    fmt = attr("format")
    value = (
        transform_number(text, fmt, attr("scale"), attr("sign")) if inline else parse_number(text)
    )
    if value is None:
        raise XbrlFormatError(
            f"{prefix}:{concept} ({where}): {text.strip()[:40]!r} is not a number"
            + (f" in format {fmt}" if inline and fmt else "")
        )
    if abs(value) >= MAX_VALUE:
        raise XbrlFormatError(
            f"{prefix}:{concept} ({where}): {text.strip()[:40]!r} is beyond any company's figure"
        )
    decimals = attr("decimals")
    return Fact(
        concept, prefix, context, attr("unitRef"), value, _decimals(decimals or None), where
    )


def _numeric(elem: Element, prefix: str, concept: str, inline: bool) -> Fact | None:
    def attr(name: str) -> str:
        return elem.get(_NIL if name == "xsi:nil" else name) or ""

    return numeric_fact(attr, "".join(elem.itertext()), prefix, concept, inline)


def read_instance(document: bytes, concepts: Collection[str]) -> Instance:
    """The contexts, units, the numeric facts of `concepts` (local names, any prefix) and the
    dei facts of `document`: an XML instance or an inline XBRL document."""
    if len(document) > MAX_BYTES:
        raise XbrlFormatError(f"larger than {MAX_BYTES // 2**20} MB: not a filing's XBRL")
    contexts: dict[str, Context] = {}
    units: dict[str, str] = {}
    facts: list[Fact] = []
    dei: dict[str, tuple[str, str]] = {}
    prefixes: dict[str, str] = {}  # namespace -> prefix, as the document declares them
    dei_prefixes = {"dei"}
    inline = False
    kept = 0
    chunks = Chunks(document)
    events: Any = iterparse(chunks, events=("start", "end", "start-ns"), forbid_dtd=True)
    try:
        for event, item in events:
            chunks.moved = True
            if event == "start-ns":
                prefixes.setdefault(item[1], item[0])
                if "/dei/" in item[1]:
                    dei_prefixes.add(item[0])
                continue
            tag = item.tag
            if event == "start":
                kept += tag in _KEPT
                continue
            if tag == _CONTEXT:
                context = _context(item)
                contexts[context.id] = context
            elif tag == _UNIT:
                measure = _unit(item)
                if measure is not None:
                    units[item.get("id", "")] = measure
            elif tag.startswith(_IX):
                inline = True
                name = item.get("name", "")
                prefix, _, concept = name.rpartition(":")
                if tag.endswith("}nonFraction") and concept in concepts:
                    fact = _numeric(item, prefix, concept, inline=True)
                    if fact is not None:
                        facts.append(fact)
                elif tag.endswith("}nonNumeric") and prefix in dei_prefixes:
                    dei.setdefault(concept, ("".join(item.itertext()), item.get("contextRef", "")))
            elif "contextRef" in item.attrib:
                ns, concept = _local(tag)
                prefix = prefixes.get(ns, "")
                if concept in concepts and "unitRef" in item.attrib:
                    fact = _numeric(item, prefix, concept, inline=False)
                    if fact is not None:
                        facts.append(fact)
                elif "/dei/" in ns:
                    dei.setdefault(concept, (item.text or "", item.get("contextRef", "")))
            kept -= tag in _KEPT
            if not kept:
                item.clear()
    except DefusedXmlException as exc:
        raise XbrlFormatError(
            f"refused: {exc.__class__.__name__} (no DOCTYPE or entity is read in a filing's XBRL)"
        ) from None
    except ParseError as exc:
        line, column = exc.position
        raise NotWellFormed(f"not XML at line {line}, column {column}: not XBRL") from None
    if not contexts:  # XML, but no instance: a linkbase, a schema, a plain XHTML page
        raise NoRevenue(
            "the document has no xbrli:context, so no revenue facts: it is not an "
            "XBRL instance nor inline XBRL."
        )
    return Instance(contexts, units, tuple(facts), dei, inline)
