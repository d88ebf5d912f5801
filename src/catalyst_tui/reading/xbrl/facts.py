"""An XBRL document's contexts, units and the facts the reader needs, from either form: an XML
instance (facts are elements) or inline XBRL (facts are `ix:nonFraction` / `ix:nonNumeric` in
XHTML, contexts in `ix:resources`). Parsed by lxml's pull parser (pull.py), refusing any DOCTYPE
or entity, only the elements the reader keeps reaching Python: what is read is freed, so memory
follows the facts kept, not the document."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .errors import NoRevenue, NotWellFormed, XbrlFormatError
from .inline import parse_date, parse_number, transform_number
from .pull import EVERY, Refused, done, pull

if TYPE_CHECKING:
    from collections.abc import Callable, Collection

__all__ = [
    "MAX_BYTES",
    "Context",
    "Fact",
    "Instance",
    "numeric_fact",
    "read_instance",
]

MAX_BYTES = 64 * 1024 * 1024  # the largest 10-K instances are tens of MB
MAX_VALUE = Decimal(10) ** 18  # a won or rupiah revenue is below 10^16; beyond is no figure

_HEAD = 64 * 1024
_DEI_URI = re.compile(rb"""["']([^"'<>{}\s]*/dei/[^"'<>{}\s]*)["']""")  # any value naming one

_XBRLI = "{http://www.xbrl.org/2003/instance}"
_XBRLDI = "{http://xbrl.org/2006/xbrldi}"
_IX = ("{http://www.xbrl.org/2013/inlineXBRL}", "{http://www.xbrl.org/2008/inlineXBRL}")
_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
_CONTEXT, _UNIT = _XBRLI + "context", _XBRLI + "unit"
_START, _END, _INSTANT = _XBRLI + "startDate", _XBRLI + "endDate", _XBRLI + "instant"
_EXPLICIT, _TYPED = _XBRLDI + "explicitMember", _XBRLDI + "typedMember"
_KEPT = frozenset(
    {_CONTEXT, _UNIT, *(ix + name for ix in _IX for name in ("nonFraction", "nonNumeric"))}
)


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
    """An XBRL instance as read: its contexts, units, facts and dei values."""

    contexts: dict[str, Context]
    units: dict[str, str]  # unit id -> its one measure ("iso4217:USD"); divided units left out
    facts: tuple[Fact, ...]
    dei: dict[str, tuple[str, str]]  # dei local name -> (text, context id)
    inline: bool


def _local(tag: str) -> tuple[str, str]:
    ns, _, local = tag.rpartition("}")
    return ns[1:], local


_parse_date = lru_cache(maxsize=1024)(parse_date)  # a filing's contexts share few dates


def _date(text: str | None, where: str) -> date:
    value = _parse_date((text or "")[:10])
    if value is None:
        raise XbrlFormatError(f"context {where}: the date {text!r} is not a date")
    return value


def _context(elem: Any) -> Context:
    cid = elem.get("id", "")
    found: dict[str, str] = {}  # the first startDate, endDate and instant: their text
    dims = []
    typed = False
    for child in elem.iter(_START, _END, _INSTANT, _EXPLICIT, _TYPED):  # one walk, in C
        tag = child.tag
        if tag == _EXPLICIT:
            dims.append((child.get("dimension", "").strip(), (child.text or "").strip()))
        elif tag == _TYPED:
            typed = True
        elif tag not in found:
            found[tag] = child.text or ""
    start, end, instant = found.get(_START), found.get(_END), found.get(_INSTANT)
    if end is not None:
        begin: date | None = _date(start, cid)
        last = _date(end, cid)
    else:
        begin, last = None, _date(instant, cid) if instant is not None else date.max
    return Context(cid, begin, last, tuple(dims), typed)


def _unit(elem: Any) -> str | None:
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


def _numeric(elem: Any, prefix: str, concept: str, inline: bool) -> Fact | None:
    def attr(name: str) -> str:
        return elem.get(_NIL if name == "xsi:nil" else name) or ""

    return numeric_fact(attr, "".join(elem.itertext()), prefix, concept, inline)


def _tags(document: bytes, concepts: Collection[str]) -> list[str]:
    """The tags the reader keeps: contexts, units, inline XBRL's elements, the concepts' facts
    in any namespace, and every element of the dei namespaces the document's bytes name (a
    namespace the bytes spell otherwise is found by its declaration, and read again)."""
    dei: set[str] = set()
    head = document[:_HEAD]  # where a filing declares its namespaces; one declared later is
    at = head.find(b"/dei/")  # found by the parse, which then reads the document again
    while at >= 0:
        window = head[max(0, at - 200) : at + 200]
        dei.update(m.decode("utf-8", "replace") for m in _DEI_URI.findall(window))
        at = head.find(b"/dei/", at + 1)
    return _tags_of(dei, concepts)


def _tags_of(dei: Collection[str], concepts: Collection[str]) -> list[str]:
    return [
        _CONTEXT,
        _UNIT,
        *(ix + "*" for ix in _IX),
        *("{*}" + c for c in concepts),
        *("{" + uri + "}*" for uri in sorted(dei)),
    ]


def read_instance(document: bytes, concepts: Collection[str]) -> Instance:
    """The contexts, units, the numeric facts of `concepts` (local names, any prefix) and the
    dei facts of `document`: an XML instance or an inline XBRL document."""
    if len(document) > MAX_BYTES:
        raise XbrlFormatError(f"larger than {MAX_BYTES // 2**20} MB: not a filing's XBRL")
    tags = _tags(document, concepts)
    try:
        try:
            return _read(document, concepts, tags)
        except _Unseen as unseen:  # a dei namespace the bytes did not spell: read with it
            return _read(document, concepts, _tags_of(unseen.dei, concepts))
    except Refused as exc:
        raise XbrlFormatError(
            f"refused: {exc} (no DOCTYPE or entity is read in a filing's XBRL)"
        ) from None
    except NotWellFormed as exc:
        raise NotWellFormed(f"{exc}: not XBRL") from None


class _Unseen(Exception):
    def __init__(self, dei: set[str]) -> None:
        super().__init__("a dei namespace not filtered")
        self.dei = dei


def _read(document: bytes, concepts: Collection[str], tags: list[str]) -> Instance:
    contexts: dict[str, Context] = {}
    units: dict[str, str] = {}
    facts: list[Fact] = []
    dei: dict[str, tuple[str, str]] = {}
    prefixes: dict[str, str] = {}  # namespace -> prefix, as the document declares them
    dei_prefixes = {"dei"}
    dei_uris: set[str] = set()
    inline = False
    read = 0
    for event, item in pull(document, tags):
        if event == "start-ns":
            prefixes.setdefault(item[1], item[0])
            if "/dei/" in item[1]:
                dei_prefixes.add(item[0])
                dei_uris.add(item[1])
                if "{" + item[1] + "}*" not in tags:
                    raise _Unseen(dei_uris | {t[1:-2] for t in tags if t.endswith("}*")})
            continue
        tag = item.tag
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
        read += 1
        if not read % EVERY and next(item.iterancestors(*_KEPT), None) is None:
            done(item)  # what is behind it, unless a kept element around it is still being read
    if not contexts:  # XML, but no instance: a linkbase, a schema, a plain XHTML page
        raise NoRevenue(
            "the document has no xbrli:context, so no revenue facts: it is not an "
            "XBRL instance nor inline XBRL."
        )
    return Instance(contexts, units, tuple(facts), dei, inline)
