"""One scan of TOML text tomllib accepted: where each key and value is, and what each line holds.

Positions serve located errors (`locate`, a `PositionMap`); the layout (`scan`, a `Layout`:
line kinds, tables with their attached comments, key entries with their value's offsets)
serves the byte-for-byte edits (regions.py). Paths are tuples of str (table keys) and int
(array indexes), e.g. ("tickers", "ALAB", "checkpoints", 2, "due").

Which lines belong to a table (the comment-attachment rule):

* A table owns its header line, the key lines and multi-line values after it, any comment lines
  between them, and the comment lines directly after its last key (no blank line between).
* The run of comment lines directly above a header, with no blank line between them and the
  header, belongs to that header ("attached"): it introduces the table below it. This holds even
  for a section introduction such as "# --- Targets: ..." written directly above the first
  target: removing that checkpoint removes its introduction too.
* A comment block separated by blank lines on both sides ("floating", e.g. a section banner)
  belongs to no table.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from dataclasses import dataclass, field
from itertools import accumulate

Path = tuple[str | int, ...]

# The text was accepted by tomllib, so every lexeme matches and none reports an error;
# possessive quantifiers keep even a mismatch from backtracking.
_SPACE = re.compile(r"[ \t]*+")
_GAP = re.compile(r"(?:[ \t\r\n]++|#[^\n]*+)*+")  # whitespace, newlines and comments
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]*+")
_BASIC = re.compile(r'"(?:[^"\\]++|\\.)*+"', re.DOTALL)
_LITERAL = re.compile(r"'[^']*+'")
# Up to two quotes may directly precede the closing delimiter ("""a"""" is 'a"').
_ML_BASIC = re.compile(r'"""(?:[^"\\]++|\\.|"(?!""))*+"{3,5}', re.DOTALL)
_ML_LITERAL = re.compile(r"'''.*?'{3,5}", re.DOTALL)
_SCALAR = re.compile(r"[^,\]}#\r\n]*+")  # numbers, booleans, dates (which may hold a space)


@dataclass(frozen=True)
class Pos:
    """A line and a column in the file."""

    line: int
    col: int


@dataclass
class PositionMap:
    """Key and value offsets by path, read as Pos; lookups fall back to the nearest ancestor."""

    keys: dict[Path, int] = field(default_factory=dict)
    values: dict[Path, int] = field(default_factory=dict)
    line_starts: list[int] = field(default_factory=lambda: [0])
    text: str = ""  # the text scanned: where a string value's characters are written

    def within(self, path: Path, offset: int) -> int:
        """The column, from the value's first one, of character `offset` of a one-line string
        value as the file writes it: past its opening quote, and in a basic string ("...")
        past each escape before it (`\\"` is one character written as two)."""
        at = self.values.get(path)
        if at is None or not self.text.startswith('"', at) or self.text.startswith('"""', at):
            return 1 + offset
        raw = at + 1
        for _ in range(offset):
            if self.text.startswith("\\", raw):
                kind = self.text[raw + 1 : raw + 2]
                raw += {"u": 6, "U": 10}.get(kind, 2)
            else:
                raw += 1
        return raw - at

    def key(self, path: Path) -> Pos:
        return self._nearest(path, self.keys, self.values)

    def value(self, path: Path) -> Pos:
        return self._nearest(path, self.values, self.keys)

    def _nearest(self, path: Path, first: dict[Path, int], second: dict[Path, int]) -> Pos:
        for end in range(len(path), 0, -1):
            prefix = path[:end]
            at = first.get(prefix, second.get(prefix))
            if at is not None:
                line = bisect.bisect_right(self.line_starts, at)
                return Pos(line, at - self.line_starts[line - 1] + 1)
        return Pos(1, 1)


@dataclass
class Entry:
    """One `key = value` of a table: lines [start, end), the value at text[value_from:value_to].

    `key` is the first part of a dotted key."""

    key: str
    start: int
    end: int
    value_from: int
    value_to: int


@dataclass
class Table:
    """One [table] of the file: where its header, keys and comments are, and its entries."""

    path: Path
    header: int  # line index of the [header]
    start: int  # first line of the comment block attached above the header
    keys_end: int  # after the last key's last line (header + 1 without keys)
    content_end: int  # keys_end plus the comment lines directly after it
    entries: list[Entry]


@dataclass
class Layout:
    """The scanned text: its lines, their kinds, its tables and the positions of every path."""

    text: str
    lines: list[str]  # split on "\n" only, each keeping it
    offsets: list[int]  # where each line starts, then len(text)
    kinds: list[str]  # blank, comment, header, key, cont (a later line of a multi-line value)
    tables: list[Table]
    positions: PositionMap

    def table(self, path: Path) -> Table | None:
        return next((table for table in self.tables if table.path == path), None)

    def is_blank(self, line: int) -> bool:
        return 0 <= line < len(self.lines) and self.kinds[line] == "blank"

    @property
    def newline(self) -> str:
        return "\r\n" if "\r\n" in self.text else "\n"


def locate(text: str) -> PositionMap:
    """Positions of every key and value in `text`, which must be valid TOML."""
    return scan(text).positions


def scan(text: str) -> Layout:
    """The layout and positions of `text`, which must be valid TOML."""
    return _Scanner(text).layout()


def _split_lines(text: str) -> list[str]:
    # Only \n ends a line in TOML (str.splitlines also splits on \x0c, \u2028, ...).
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


class _Scanner:
    """One pass over the statements, recording positions, tables and entries as it goes."""

    def __init__(self, text: str) -> None:
        self.s = text
        self.lines = _split_lines(text)
        self.offsets = list(accumulate(map(len, self.lines), initial=0))
        self.map = PositionMap(line_starts=self.offsets, text=text)
        self.aot_len: dict[Path, int] = {}
        self.tables: list[Table] = []
        self.keyed: list[tuple[int, int]] = []  # lines [start, end) of every key = value

    def _line(self, index: int) -> int:
        return bisect.bisect_right(self.offsets, index) - 1

    # -- document ----------------------------------------------------------------------------
    def layout(self) -> Layout:
        s, n = self.s, len(self.s)
        table: Path = ()
        current: Table | None = None
        i = _end(_GAP, s)
        while i < n:
            start = i
            if s[i] == "[":
                aot = s.startswith("[[", i)
                keys, i = self._key(i + 2 if aot else i + 1)
                i += 2 if aot else 1  # ]] or ]
                if aot:
                    array = self._resolve(keys[:-1]) + (keys[-1],)
                    index = self.aot_len.get(array, 0)
                    self.aot_len[array] = index + 1
                    table = array + (index,)
                    self.map.keys.setdefault(array, start)
                    self.map.values.setdefault(array, start)
                else:
                    table = self._resolve(keys)
                self.map.keys.setdefault(table, start)
                self.map.values.setdefault(table, start)
                line = self._line(start)
                current = Table(table, line, line, line + 1, line + 1, [])
                self.tables.append(current)
            else:
                keys, i = self._key(i)
                value_from = _end(_SPACE, s, i + 1)  # after =
                self._key_chain(table, keys, start)
                i = self._value(table + keys, value_from)
                line, end = self._line(start), self._line(i - 1) + 1
                self.keyed.append((line, end))
                if current is not None:
                    current.entries.append(Entry(keys[0], line, end, value_from, i))
                    current.keys_end = end
            i = _end(_GAP, s, i)
        kinds = self._kinds()
        _attach_comments(self.tables, kinds)
        return Layout(s, self.lines, self.offsets, kinds, self.tables, self.map)

    def _kinds(self) -> list[str]:
        kinds = ["comment" if line.lstrip(" \t")[:1] == "#" else "blank" for line in self.lines]
        for table in self.tables:
            kinds[table.header] = "header"
        for start, end in self.keyed:
            kinds[start] = "key"
            kinds[start + 1 : end] = ["cont"] * (end - start - 1)
        return kinds

    def _resolve(self, keys: Path) -> Path:
        """A header path, with the current index inserted after each array of tables."""
        resolved: list[str | int] = []
        for key in keys:
            resolved.append(key)
            count = self.aot_len.get(tuple(resolved))
            if count:
                resolved.append(count - 1)
        return tuple(resolved)

    def _key_chain(self, base: Path, keys: Path, at: int) -> None:
        # Dotted keys (a.b.c = 1) implicitly create a and a.b: locate them at the line too.
        for end in range(1, len(keys)):
            self.map.keys.setdefault(base + keys[:end], at)
        self.map.keys[base + keys] = at

    # -- keys and values ---------------------------------------------------------------------
    def _key(self, i: int) -> tuple[tuple[str, ...], int]:
        """The dotted key starting at `i` (after spaces), and where the spaces after it end."""
        s = self.s
        parts: list[str] = []
        while True:
            i = _end(_SPACE, s, i)
            if s[i] == '"':
                end = _end(_BASIC, s, i)
                parts.append(tomllib.loads("k = " + s[i:end])["k"])
            elif s[i] == "'":
                end = _end(_LITERAL, s, i)
                parts.append(s[i + 1 : end - 1])
            else:
                end = _end(_BARE_KEY, s, i)
                parts.append(s[i:end])
            i = _end(_SPACE, s, end)
            if s.startswith(".", i):
                i += 1
            else:
                return tuple(parts), i

    def _value(self, path: Path, i: int) -> int:
        """Record the value at `i` under `path`; where it ends (before any trailing space)."""
        s = self.s
        self.map.values[path] = i
        c = s[i]
        if c == '"':
            return _end(_ML_BASIC if s.startswith('"""', i) else _BASIC, s, i)
        if c == "'":
            return _end(_ML_LITERAL if s.startswith("'''", i) else _LITERAL, s, i)
        if c == "[":
            index = 0
            i = _end(_GAP, s, i + 1)
            while s[i] != "]":
                self.map.keys.setdefault(path + (index,), i)
                i = _end(_GAP, s, self._value(path + (index,), i))
                if s[i] == ",":
                    i = _end(_GAP, s, i + 1)
                index += 1
            return i + 1
        if c == "{":
            i = _end(_SPACE, s, i + 1)
            while s[i] != "}":
                start = i
                keys, i = self._key(i)
                i = _end(_SPACE, s, i + 1)  # after =
                self._key_chain(path, keys, start)
                i = _end(_SPACE, s, self._value(path + keys, i))
                if s[i] == ",":
                    i = _end(_SPACE, s, i + 1)
            return i + 1
        return i + len(_text(_SCALAR, s, i).rstrip(" \t"))


def _match(pattern: re.Pattern[str], s: str, i: int) -> re.Match[str]:
    found = pattern.match(s, i)
    assert found is not None, "the scanner only reads text tomllib has accepted"
    return found


def _end(pattern: re.Pattern[str], s: str, i: int = 0) -> int:
    return _match(pattern, s, i).end()


def _text(pattern: re.Pattern[str], s: str, i: int) -> str:
    return _match(pattern, s, i).group()


def _attach_comments(tables: list[Table], kinds: list[str]) -> None:
    """Attached comments: the comment run directly above a header, never above the previous
    table's last key; content: the comment run directly after the last key, up to there."""
    for number, table in enumerate(tables):
        floor = tables[number - 1].keys_end if number else 0
        start = table.header
        while start > floor and kinds[start - 1] == "comment":
            start -= 1
        table.start = start
        if number:
            previous = tables[number - 1]
            end = previous.keys_end
            while end < start and kinds[end] == "comment":
                end += 1
            previous.content_end = end
    if tables:
        last = tables[-1]
        end = last.keys_end
        while end < len(kinds) and kinds[end] == "comment":
            end += 1
        last.content_end = end
