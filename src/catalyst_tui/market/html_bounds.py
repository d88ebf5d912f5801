"""What HTML lexbor is given: bounded, so that no document can keep a parse busy for long.

lexbor walks its stack of open elements for each block and formatting tag (and rebuilds its list
of open formatting elements for each new block), so its time grows with the square of the
nesting: 200,000 nested `<div>`s in a 2.2 MB exhibit took minutes, in a thread nothing can
cancel. Before any parse, two linear passes:

- `visible`: scripts and styles go, their content with them;
- `bounded_nesting`: past MAX_DEPTH open elements, further tags are dropped (a block's as a
  line's end, so the text keeps its lines), never the text between them. Elements that close
  themselves (`<p>`, `<li>`, `<td>`: the parser ends one at the next) are not counted.

A real filing nests a few dozen deep; only a hostile one loses anything (its markup past the
bound). With the body cap on what is fetched (8-16 MiB decoded), a parse takes a second or so
whatever the document, and the work left after a stop is that.
"""

from __future__ import annotations

import re
from collections.abc import Container

__all__ = ["MAX_DEPTH", "bounded_nesting", "visible"]

MAX_DEPTH = 128  # open elements: real documents nest a few dozen deep
_INVISIBLE = re.compile(r"<(script|style)\b")  # matched in the lower-cased text
# Never open (void), or closed by the next of their kind or by their parent's end: not nesting.
_VOID = "area base br col embed hr img input link meta param source track wbr keygen frame"
_SELF_ENDING = "basefont bgsound isindex p li dt dd tr td th option optgroup thead tbody tfoot"
_OUTER = "colgroup caption rb rt rtc rp html head body"
_NOT_NESTING = frozenset(f"{_VOID} {_SELF_ENDING} {_OUTER}".split(" "))
# A comment, or a tag of an element that nests (the others are not even matched). `[^<>]*`
# rather than `[^>]*`: an unclosed `<` stops at the next one, so the scan stays linear.
_TAG = re.compile(
    r"<!--.*?(?:-->|\Z)|<(/?)(?!(?:"
    + "|".join(sorted(_NOT_NESTING, key=len, reverse=True))
    + r")[\s/>])([a-zA-Z][a-zA-Z0-9:._-]*)[^<>]*>",
    re.S | re.I,
)


def visible(html: str) -> str:
    """The HTML without scripts and styles, their content included (linear)."""
    lower = html.lower()
    if "<script" not in lower and "<style" not in lower:
        return html
    kept, at = [], 0
    for match in _INVISIBLE.finditer(lower):
        if match.start() < at:
            continue
        kept.append(html[at : match.start()])
        close = lower.find("</" + match.group(1), match.end())
        if close < 0:
            at = len(html)
            break
        at = close
    kept.append(html[at:])
    return "".join(kept)


def bounded_nesting(
    html: str, blocks: Container[str] = (), line_end: str = " ", max_depth: int = MAX_DEPTH
) -> str:
    """`html` with every tag past `max_depth` open elements dropped: a tag of `blocks` becomes
    `line_end`, any other nothing. Comments stay as they are; the text is never touched."""
    out: list[str] = []
    at = depth = 0
    deepest = 0
    for match in _TAG.finditer(html):
        closing, name = match.group(1), match.group(2)
        if name is None:
            continue  # a comment
        if closing:
            keep = depth <= max_depth
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
            keep = depth <= max_depth
        if not keep:
            out.append(html[at : match.start()])
            out.append(line_end if name.lower() in blocks else "")
            at = match.end()
    if deepest <= max_depth:
        return html
    out.append(html[at:])
    return "".join(out)
