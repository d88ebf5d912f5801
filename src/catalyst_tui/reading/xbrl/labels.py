"""A filing's label linkbase read into member labels, resolved as XBRL links them: loc
(xlink:label -> the element's schema id, "nvda_DataCenterMember") -> labelArc (from -> to) ->
label resource (role, language, text); never by guessing resource ids. Without a label, a
member reads as its name made readable ("DataCenterMember" -> "Data Center")."""

from __future__ import annotations

import re
from typing import Any
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from .errors import XbrlFormatError
from .facts import MAX_BYTES, Chunks

__all__ = ["Labels", "read_labels", "readable"]

_LINK = "{http://www.xbrl.org/2003/linkbase}"
_XLINK = "{http://www.w3.org/1999/xlink}"
_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_TERSE = "http://www.xbrl.org/2003/role/terseLabel"
_STANDARD = "http://www.xbrl.org/2003/role/label"
_RANK = {_TERSE: 0, _STANDARD: 1}  # terse preferred over "Data Center [Member]"
_WORDS = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z]{2})(?=[A-Z][a-z])")  # "OEM And", "IPhone"
_SUFFIX = re.compile(r"\s*\[(?:Member|Axis|Domain)\]\s*$")


class Labels:
    """Labels by schema id ("nvda_DataCenterMember"), and by local name for a prefix the
    linkbase spells otherwise."""

    __slots__ = ("_by_id", "_by_local")

    def __init__(self, by_id: dict[str, str]) -> None:
        self._by_id = by_id
        self._by_local = {key.partition("_")[2]: text for key, text in by_id.items()}

    def of(self, qname: str) -> str | None:
        prefix, _, local = qname.rpartition(":")
        return self._by_id.get(f"{prefix}_{local}") or self._by_local.get(local)


def readable(qname: str) -> str:
    """A member's name made readable: "nvda:DataCenterMember" -> "Data Center", "country:US"
    -> "US"."""
    local = qname.rpartition(":")[2]
    for suffix in ("Member", "Domain"):
        if local.endswith(suffix) and len(local) > len(suffix):
            local = local[: -len(suffix)]
    return _WORDS.sub(" ", local.replace("_", " ")).strip() or qname


def read_labels(document: bytes) -> Labels:
    """The terse (else standard) English label of each element the linkbase labels."""
    if len(document) > MAX_BYTES:
        raise XbrlFormatError(f"label linkbase larger than {MAX_BYTES // 2**20} MB")
    locs: dict[str, str] = {}  # loc's xlink:label -> schema id
    arcs: list[tuple[str, str]] = []
    resources: dict[str, tuple[int, str]] = {}  # resource xlink:label -> (rank, text)
    best: dict[str, tuple[int, str]] = {}
    chunks = Chunks(document)
    events: Any = iterparse(chunks, events=("end",), forbid_dtd=True)
    try:
        for _event, elem in events:
            chunks.moved = True
            tag = elem.tag
            if tag == _LINK + "loc":
                href = elem.get(_XLINK + "href", "")
                locs[elem.get(_XLINK + "label", "")] = href.rpartition("#")[2]
            elif tag == _LINK + "labelArc":
                arcs.append((elem.get(_XLINK + "from", ""), elem.get(_XLINK + "to", "")))
            elif tag == _LINK + "label":
                rank = _RANK.get(elem.get(_XLINK + "role", ""))
                lang = elem.get(_LANG, "en").lower()
                if rank is not None and lang.startswith("en"):
                    key = elem.get(_XLINK + "label", "")
                    text = _SUFFIX.sub("", " ".join("".join(elem.itertext()).split()))
                    if text and (key not in resources or rank < resources[key][0]):
                        resources[key] = (rank, text)
            elif tag == _LINK + "labelLink":  # xlink:labels name things within their own link
                _resolve(locs, arcs, resources, best)
                locs, arcs, resources = {}, [], {}
            elem.clear()
    except DefusedXmlException as exc:
        raise XbrlFormatError(f"label linkbase refused: {exc.__class__.__name__}") from None
    except ParseError as exc:
        line, column = exc.position
        raise XbrlFormatError(f"label linkbase: not XML at line {line}, column {column}") from None
    _resolve(locs, arcs, resources, best)
    return Labels({element: text for element, (_rank, text) in best.items()})


def _resolve(
    locs: dict[str, str],
    arcs: list[tuple[str, str]],
    resources: dict[str, tuple[int, str]],
    best: dict[str, tuple[int, str]],
) -> None:
    """One extended link's arcs followed: each element's best label kept in `best`."""
    for start, end in arcs:
        element, label = locs.get(start), resources.get(end)
        if element and label and (element not in best or label[0] < best[element][0]):
            best[element] = label
