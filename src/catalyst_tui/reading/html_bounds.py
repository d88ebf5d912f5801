"""What HTML lexbor is given: bounded, so that no document can keep a parse busy for long.

lexbor walks its stack of open elements for each block tag (and rebuilds its list of open
formatting elements for each new block), so its time grows with the square of how deep blocks
and formatting elements nest: 200,000 nested `<div>`s in a 2.2 MB exhibit took minutes, in a
thread nothing can cancel (nested `<span>`s, table cells or unknown elements cost it nothing).
Before any parse, two linear passes:

- `visible`: scripts and styles go, their content with them;
- `bounded_nesting`: past MAX_DEPTH open block or formatting elements, further tags of theirs
  are dropped (a block's as a line's end, so the text keeps its lines), never the text
  between them. Elements that close themselves (`<p>`, `<li>`, `<td>`: the parser ends one at
  the next) and inline ones are not counted.

A real filing nests a few dozen deep; only a hostile one loses anything (its markup past the
bound). With the body cap on what is fetched (16 MiB decoded), a parse takes a second or so
whatever the document, and the work left after a stop is that.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Container, Iterable

__all__ = ["MAX_DEPTH", "bounded_nesting", "visible"]

MAX_DEPTH = 128  # open block and formatting elements: real documents nest a few dozen deep
# The elements whose nesting costs lexbor: blocks (each start looks down the stack for a <p>
# to close) and formatting elements (the list rebuilt at each block); lower case.
_BLOCKS = (
    "address article aside blockquote center details dialog dir div dl fieldset figcaption "
    "figure footer form header hgroup main menu nav ol pre listing section summary ul table "
    "h1 h2 h3 h4 h5 h6 select object applet marquee template"
)
_FORMATTING = "a b big code em font i nobr s small strike strong tt u"
_ASCII_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})


def _trie(words: Iterable[str]) -> str:
    """A regex alternation of `words` as a trie ("d(?:iv|l)"): one look per character where a
    plain alternation tries every word at every `<`."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(c) + pattern(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if ends else body

    return pattern(tree)


_SCAN = re.compile(r"<!--|<(/?)(" + _trie(f"{_BLOCKS} {_FORMATTING}".split()) + r")(?=[\s/>])")
_INVISIBLE = re.compile(r"<(script|style)\b")  # matched in the lower-cased text


def visible(html: str) -> str:
    """The HTML without scripts and styles, their content included (linear)."""
    lower = html.translate(_ASCII_LOWER)
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
    """`html` with every block or formatting tag past `max_depth` open ones dropped: one named
    in `blocks` becomes `line_end`, any other nothing. Comments and the text stay as they are."""
    low = html.translate(_ASCII_LOWER)  # the same length: positions are shared
    out: list[str] = []
    at = skip = depth = deepest = 0
    for match in _SCAN.finditer(low):
        start = match.start()
        if start < skip:
            continue  # inside a comment, or a tag already dropped
        name = match.group(2)
        if name is None:  # a comment: what it holds is no tag
            end = low.find("-->", match.end())
            skip = len(low) if end < 0 else end + 3
            continue
        if match.group(1):
            keep = depth <= max_depth
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
            keep = depth <= max_depth
        if not keep:
            close, stop = low.find(">", match.end()), low.find("<", match.end())
            if close < 0 or 0 <= stop < close:
                continue  # no tag to drop: a `<` the next one interrupts
            out.append(html[at:start])
            out.append(line_end if name in blocks else "")
            at = skip = close + 1
    if deepest <= max_depth:
        return html
    out.append(html[at:])
    return "".join(out)
