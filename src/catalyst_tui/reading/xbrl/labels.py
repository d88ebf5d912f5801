"""A filing's label linkbase read into member labels, resolved as XBRL links them: loc
(xlink:label -> the element's schema id, "nvda_DataCenterMember") -> labelArc (from -> to) ->
label resource (role, language, text); never by guessing resource ids. Without a label, a
member reads as its name made readable ("DataCenterMember" -> "Data Center")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .errors import NotWellFormed, XbrlFormatError
from .facts import MAX_BYTES
from .pull import Refused, pull

if TYPE_CHECKING:
    from collections.abc import Collection

__all__ = ["Labels", "read_labels", "readable"]

_LINK = "{http://www.xbrl.org/2003/linkbase}"
_XLINK = "{http://www.w3.org/1999/xlink}"
_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_TERSE = "http://www.xbrl.org/2003/role/terseLabel"
_STANDARD = "http://www.xbrl.org/2003/role/label"
_RANK = {_TERSE: 0, _STANDARD: 1}  # terse preferred over "Data Center [Member]"
_WORDS = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z]{2})(?=[A-Z][a-z])")  # "OEM And", "IPhone"
_SUFFIX = re.compile(r"\s*\[(?:Member|Axis|Domain)\]\s*$")
_LOC, _ARC, _LABEL = _LINK + "loc", _LINK + "labelArc", _LINK + "label"
_TAGS = [_LINK + "labelLink", _LINK + "linkbase"]
_X_LABEL, _X_HREF, _X_ROLE = _XLINK + "label", _XLINK + "href", _XLINK + "role"
_X_FROM, _X_TO = _XLINK + "from", _XLINK + "to"


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


def read_labels(document: bytes, wanted: Collection[str] | None = None) -> Labels:
    """The terse (else standard) English label of each element the linkbase labels; of the
    `wanted` members' elements only, when given (QNames: "nvda:DataCenterMember"), which
    `Labels.of` answers for them as it would with every label read. libxml2 holds one link at a
    time; its locators are read, then only the arcs from the wanted elements' locators and the
    label resources they lead to."""
    if len(document) > MAX_BYTES:
        raise XbrlFormatError(f"label linkbase larger than {MAX_BYTES // 2**20} MB")
    wanted_ids = wanted_names = None
    if wanted is not None:
        wanted_ids = {
            f"{prefix}_{local}" for prefix, _, local in (q.rpartition(":") for q in wanted)
        }
        wanted_names = {q.rpartition(":")[2] for q in wanted}
    best: dict[str, tuple[int, str]] = {}
    try:
        for event, elem in pull(document, _TAGS):
            if event == "end":  # a labelLink: xlink:labels name things within their own link;
                _follow(elem, wanted_ids, wanted_names, best)  # or the linkbase, with what is
                elem.clear(keep_tail=True)  # left outside any labelLink, read together
    except Refused as exc:
        raise XbrlFormatError(f"label linkbase refused: {exc}") from None
    except NotWellFormed as exc:
        raise XbrlFormatError(f"label linkbase: {exc}") from None
    return Labels({element: text for element, (_rank, text) in best.items()})


def _follow(
    scope: Any,
    ids: set[str] | None,
    names: set[str] | None,
    best: dict[str, tuple[int, str]],
) -> None:
    """One extended link (`scope`) read: the locators of the elements kept (every one, else
    each `Labels.of` could answer for a wanted member: by schema id, `ids`, or local name,
    `names`), the arcs from them, the label resources they lead to; each element's best label
    kept in `best`, in the document's order."""
    locs: dict[str, str] = {}  # loc's xlink:label -> schema id
    for loc in scope.iter(_LOC):
        locs[loc.get(_X_LABEL, "")] = loc.get(_X_HREF, "").rpartition("#")[2]
    kept = {
        label
        for label, element in locs.items()
        if element
        and (ids is None or names is None or element in ids or element.partition("_")[2] in names)
    }
    if not kept:
        return
    arcs = [
        (start, arc.get(_X_TO, ""))
        for arc in scope.iter(_ARC)
        if (start := arc.get(_X_FROM, "")) in kept
    ]
    keys = {end for _start, end in arcs}
    resources: dict[str, tuple[int, str]] = {}  # resource xlink:label -> (rank, text)
    if keys:
        for elem in scope.iter(_LABEL):
            key = elem.get(_X_LABEL, "")
            if key in keys:
                _resource(elem, key, resources)
    _resolve(locs, arcs, resources, best)


def _resource(elem: Any, key: str, resources: dict[str, tuple[int, str]]) -> None:
    """A label resource's text kept under `key` when it is English, terse or standard, and
    better than the one kept (the first of the best rank, in the document's order)."""
    rank = _RANK.get(elem.get(_X_ROLE, ""))
    if rank is None or not elem.get(_LANG, "en").lower().startswith("en"):
        return
    written = "".join(elem.itertext()) if len(elem) else (elem.text or "")
    text = " ".join(written.split())
    if text.endswith("]"):
        text = _SUFFIX.sub("", text)
    if text and (key not in resources or rank < resources[key][0]):
        resources[key] = (rank, text)


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
