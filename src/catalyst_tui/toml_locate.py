"""Source positions of keys and values in a TOML document, so config errors can say LINE:COL.

tomllib gives values but no positions. This scanner walks a document that tomllib has
already accepted (so it never has to report syntax errors) and records, for every key path,
where its key and its value start. Paths are tuples of str (table keys) and int (array
indexes), e.g. ("tickers", "ALAB", "checkpoints", 2, "due").
"""

from __future__ import annotations

import bisect
import tomllib
from dataclasses import dataclass, field

Path = tuple[str | int, ...]

_BARE_KEY_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
_VALUE_END = frozenset(",]}#\r\n")


@dataclass(frozen=True)
class Pos:
    line: int
    col: int


@dataclass
class PositionMap:
    """Key and value positions by path; lookups fall back to the nearest located ancestor."""

    keys: dict[Path, Pos] = field(default_factory=dict)
    values: dict[Path, Pos] = field(default_factory=dict)

    def key(self, path: Path) -> Pos:
        return self._nearest(path, self.keys, self.values)

    def value(self, path: Path) -> Pos:
        return self._nearest(path, self.values, self.keys)

    @staticmethod
    def _nearest(path: Path, first: dict[Path, Pos], second: dict[Path, Pos]) -> Pos:
        for end in range(len(path), 0, -1):
            prefix = path[:end]
            if prefix in first:
                return first[prefix]
            if prefix in second:
                return second[prefix]
        return Pos(1, 1)


def locate(text: str) -> PositionMap:
    """Positions of every key and value in `text`, which must be valid TOML."""
    return _Scanner(text).scan()


class _Scanner:
    def __init__(self, text: str) -> None:
        self.s = text
        self.i = 0
        self.n = len(text)
        self._line_starts = [0] + [k + 1 for k, ch in enumerate(text) if ch == "\n"]
        self.map = PositionMap()
        self._aot_len: dict[Path, int] = {}

    # -- positions -------------------------------------------------------------------------
    def _pos(self, index: int) -> Pos:
        line = bisect.bisect_right(self._line_starts, index)
        return Pos(line, index - self._line_starts[line - 1] + 1)

    # -- document ----------------------------------------------------------------------------
    def scan(self) -> PositionMap:
        table: Path = ()
        while True:
            self._skip_ws_comments_newlines()
            if self.i >= self.n:
                return self.map
            start = self.i
            if self.s.startswith("[[", self.i):
                self.i += 2
                keys = self._key()
                self._skip_ws()
                self.i += 2  # ]]
                parent = self._resolve(keys[:-1])
                array = parent + (keys[-1],)
                index = self._aot_len.get(array, 0)
                self._aot_len[array] = index + 1
                table = array + (index,)
                self._record(array, start, start)
                self._record(table, start, start)
            elif self.s[self.i] == "[":
                self.i += 1
                keys = self._key()
                self._skip_ws()
                self.i += 1  # ]
                table = self._resolve(keys)
                self._record(table, start, start)
            else:
                keys = self._key()
                self._skip_ws()
                self.i += 1  # =
                self._skip_ws()
                path = table + keys
                self._record_key_chain(table, keys, start)
                self._value(path)

    def _resolve(self, keys: Path) -> Path:
        """A header path, with the current index inserted after each array of tables."""
        resolved: list[str | int] = []
        for key in keys:
            resolved.append(key)
            count = self._aot_len.get(tuple(resolved))
            if count:
                resolved.append(count - 1)
        return tuple(resolved)

    def _record(self, path: Path, key_at: int, value_at: int) -> None:
        self.map.keys.setdefault(path, self._pos(key_at))
        self.map.values.setdefault(path, self._pos(value_at))

    def _record_key_chain(self, base: Path, keys: Path, at: int) -> None:
        # Dotted keys (a.b.c = 1) implicitly create a and a.b: locate them at the line too.
        for end in range(1, len(keys)):
            self.map.keys.setdefault(base + keys[:end], self._pos(at))
        self.map.keys[base + keys] = self._pos(at)

    # -- keys --------------------------------------------------------------------------------
    def _key(self) -> Path:
        parts: list[str | int] = []
        while True:
            self._skip_ws()
            ch = self.s[self.i]
            if ch == '"':
                end = self._basic_string_end(self.i)
                parts.append(tomllib.loads("k = " + self.s[self.i : end])["k"])
                self.i = end
            elif ch == "'":
                end = self.s.index("'", self.i + 1) + 1
                parts.append(self.s[self.i + 1 : end - 1])
                self.i = end
            else:
                start = self.i
                while self.i < self.n and self.s[self.i] in _BARE_KEY_CHARS:
                    self.i += 1
                parts.append(self.s[start : self.i])
            self._skip_ws()
            if self.i < self.n and self.s[self.i] == ".":
                self.i += 1
                continue
            return tuple(parts)

    # -- values ------------------------------------------------------------------------------
    def _value(self, path: Path) -> None:
        self.map.values[path] = self._pos(self.i)
        s = self.s
        if s.startswith('"""', self.i):
            self.i = self._multiline_end(self.i, '"""')
        elif s.startswith("'''", self.i):
            self.i = self._multiline_end(self.i, "'''")
        elif s[self.i] == '"':
            self.i = self._basic_string_end(self.i)
        elif s[self.i] == "'":
            self.i = s.index("'", self.i + 1) + 1
        elif s[self.i] == "[":
            self._array(path)
        elif s[self.i] == "{":
            self._inline_table(path)
        else:
            while self.i < self.n and s[self.i] not in _VALUE_END:
                self.i += 1

    def _array(self, path: Path) -> None:
        self.i += 1
        index = 0
        while True:
            self._skip_ws_comments_newlines()
            if self.s[self.i] == "]":
                self.i += 1
                return
            self.map.keys.setdefault(path + (index,), self._pos(self.i))
            self._value(path + (index,))
            index += 1
            self._skip_ws_comments_newlines()
            if self.s[self.i] == ",":
                self.i += 1

    def _inline_table(self, path: Path) -> None:
        self.i += 1
        while True:
            self._skip_ws()
            if self.s[self.i] == "}":
                self.i += 1
                return
            if self.s[self.i] == ",":
                self.i += 1
                continue
            start = self.i
            keys = self._key()
            self._skip_ws()
            self.i += 1  # =
            self._skip_ws()
            self._record_key_chain(path, keys, start)
            self._value(path + keys)

    # -- lexing helpers ----------------------------------------------------------------------
    def _basic_string_end(self, start: int) -> int:
        i = start + 1
        while self.s[i] != '"':
            i += 2 if self.s[i] == "\\" else 1
        return i + 1

    def _multiline_end(self, start: int, quote: str) -> int:
        i = start + 3
        while not self.s.startswith(quote, i):
            i += 2 if quote == '"""' and self.s[i] == "\\" else 1
        i += 3
        # Up to two quotes may directly precede the closing delimiter ("""a"""" is 'a"').
        extra = 0
        while extra < 2 and i < self.n and self.s[i] == quote[0]:
            i += 1
            extra += 1
        return i

    def _skip_ws(self) -> None:
        while self.i < self.n and self.s[self.i] in " \t":
            self.i += 1

    def _skip_ws_comments_newlines(self) -> None:
        while self.i < self.n:
            ch = self.s[self.i]
            if ch in " \t\r\n":
                self.i += 1
            elif ch == "#":
                end = self.s.find("\n", self.i)
                self.i = self.n if end < 0 else end
            else:
                return
