"""Text on its way to a terminal: whatever the user wrote, the database holds or a provider
said, without the characters that command the terminal.

A terminal reads escape sequences out of the text it is given: ESC ] 0 ; … BEL sets the window
title, ESC [ 2 J clears the screen, ESC c resets the terminal, and the C1 forms (U+009B is CSI,
U+009D is OSC) do the same in one character. `printable` removes every such sequence whole (so
no "]0;title" is left behind), then every remaining control character: C0, DEL and C1, and the
invisible format characters that make text read otherwise than it is stored (a right-to-left
override shows "\\u202egpj.exe" as "exe.jpg": `_FORMAT`); a lone surrogate (a byte no UTF-8
holds) becomes U+FFFD. In
`multiline` text a line break (LF, CR LF, a lone CR, NEL) becomes LF and a tab stays; on one line
both become a space. Everything else, brackets included, is kept as typed: whoever shows the
text shows it as plain text (rich `Text`, `markup=False`), never as markup.

The CLI (cli/, cli/output/report.py), the TUI (tui/format.py and the screens) and the notification
channels (notify/__init__.py) pass user and provider text through it; exports write data as stored.

Text from outside is also made well-formed where it is decoded: JSON may spell a lone UTF-16
surrogate (`"\\ud800"`), which Python keeps in a str but no UTF-8 can hold, so SQLite cannot bind
it, a log file cannot write it and a terminal cannot show it. `well_formed` and `well_formed_json`
put U+FFFD (the replacement character) in its place; the JSON decoders of market/ call them.

A count is said with its noun, in the plural it takes (`counted`: "1 passage", "22 passages",
"0 misses"), never by parenthesis ("passage(s)": tests/project/test_plurals.py).
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["counted", "printable", "well_formed", "well_formed_json"]


def counted(count: int, noun: str, plural: str = "") -> str:
    """`count` with its noun: "1 passage", "0 passages", "1,204 passages"; `plural` where the
    noun does not take an s ("miss", "misses"; "series", "series")."""
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"


# Whole escape sequences, 7-bit (ESC x) and 8-bit (C1) forms:
# - CSI: introducer, parameter bytes 0x30-0x3F, intermediate bytes 0x20-0x2F, a final byte;
# - OSC, DCS, SOS, PM, APC: introducer, a body, then BEL, ESC \ or ST (U+009C). The body never
#   holds an introducer, so an unterminated string costs one pass, not one per start;
# - any other ESC sequence: ESC, intermediates, a final byte (ESC c, ESC 7, ESC ( B). An
#   unterminated string or CSI loses only its introducer, and the rest is plain text.
_SEQUENCES = re.compile(
    r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x80-\x9f]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[\x20-\x2f]*[\x30-\x7e]"
)
_BREAKS = re.compile(r"\r\n?|\x85")  # CR LF, CR, NEL
# Invisible format characters (Unicode category Cf) that make the text shown differ from the
# text stored: the bidirectional embeddings, overrides and isolates (U+202A-U+202E,
# U+2066-U+2069), the marks U+200E, U+200F and U+061C, zero-width spaces and joiners of words
# (U+200B, U+2060), the byte-order mark, the invisible operators, the tag characters that can
# spell words no one sees (U+E0000 block) and the rest of Cf. Kept: U+200C and U+200D (ZWNJ,
# ZWJ), which Persian and Indic scripts need to spell words and emoji sequences (a family, a
# flag) are joined by; alone they move nothing and hide nothing. tests/test_text.py checks this
# list against the whole of unicodedata's Cf.
_FORMAT = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b\u200e\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f"
)
_SURROGATES = "\ud800-\udfff"  # undecodable bytes of an argument or a file name: U+FFFD
_CONTROLS_ONE_LINE = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f{_FORMAT}]")
_CONTROLS_MULTILINE = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{_FORMAT}]")
_UNENCODABLE = re.compile(f"[{_SURROGATES}]")
_WHITESPACE_CONTROLS = frozenset("\t\n\r\x0b\x0c")
_TABLE = str.maketrans({c: " " for c in _WHITESPACE_CONTROLS})


def printable(text: str, *, multiline: bool = False) -> str:
    """`text` without escape sequences or control characters, safe to write to a terminal.
    `multiline` keeps line breaks (as LF) and tabs; otherwise each becomes a space."""
    if text.isprintable():  # the common case: nothing to remove (a space is printable)
        return text
    text = _UNENCODABLE.sub("\ufffd", _SEQUENCES.sub("", text))
    if multiline:
        return _CONTROLS_MULTILINE.sub("", _BREAKS.sub("\n", text))
    return _CONTROLS_ONE_LINE.sub("", _BREAKS.sub(" ", text).translate(_TABLE))


# A surrogate code point in a str is a lone one: JSON's escaped pairs ("\\ud83d\\ude00") decode to
# the one character they spell. What JSON text may spell one by: the escape, the code point
# itself in a str, or its three bytes in bytes (json.loads decodes bytes with surrogatepass).
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_SPELT = re.compile(r"\\u[dD][89a-fA-F]|[\ud800-\udfff]")
_SURROGATE_SPELT_BYTES = re.compile(rb"\\u[dD][89a-fA-F]|\xed[\xa0-\xbf]")


def _spells_surrogate(source: str) -> bool:
    # Substring searches first: the regular expression, having no literal to skip ahead by,
    # reads a 250 kB quote batch one character at a time (3 ms, more than half of decoding it).
    if "\\ud" not in source and "\\uD" not in source and source.isascii():
        return False
    return _SURROGATE_SPELT.search(source) is not None


def _spells_surrogate_bytes(source: bytes | bytearray) -> bool:
    if b"\\ud" not in source and b"\\uD" not in source and b"\xed" not in source:
        return False
    return _SURROGATE_SPELT_BYTES.search(source) is not None


def well_formed(text: str) -> str:
    """`text` with each lone surrogate replaced by U+FFFD: encodable as UTF-8."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def well_formed_json(value: Any, source: str | bytes | None = None) -> Any:
    """A decoded JSON value with every string (keys too) well-formed. `source`, the JSON text it
    was decoded from, spares the walk when it spells no surrogate at all (the common case)."""
    if isinstance(source, str) and not _spells_surrogate(source):
        return value
    if isinstance(source, bytes | bytearray) and not _spells_surrogate_bytes(source):
        return value
    if isinstance(value, str):
        return well_formed(value)
    stack = [value]  # iterative: JSON may nest as deep as the decoder allows
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key in list(node):
                item = node[key]
                if isinstance(key, str) and _SURROGATE.search(key):
                    del node[key]
                    node[well_formed(key)] = item
                    key = well_formed(key)
                if isinstance(item, str):
                    node[key] = well_formed(item)
                elif isinstance(item, dict | list):
                    stack.append(item)
        elif isinstance(node, list):
            for i, item in enumerate(node):
                if isinstance(item, str):
                    node[i] = well_formed(item)
                elif isinstance(item, dict | list):
                    stack.append(item)
    return value
