"""A broker export's bytes as text, and its decimal mark: the encoding read from the bytes (UTF-8
with or without its mark, UTF-16 LE or BE with theirs as Excel's "Unicode Text" writes it,
Windows-1252 as older Windows tools write it), and whether the file's amounts put a comma or a
point before their decimals, decided once for the whole file from the cells that can be read
only one way. Pure: bytes and cells in, text and a decision out."""

from __future__ import annotations

import codecs
import functools
import re
from typing import TYPE_CHECKING

from .export import BadRow

if TYPE_CHECKING:
    from collections.abc import Iterable

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)


def decode_export(data: bytes) -> str:
    """The export's text; BadRow saying what the file is when it is no text catalyst reads.
    UTF-32's marks start as UTF-16's: they are told apart first."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise BadRow("the file is UTF-32 text: save it as UTF-8 (or UTF-16) and import that")
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec.removesuffix("-sig"))
            except UnicodeDecodeError as error:
                raise BadRow(
                    f"the file starts with the {name} mark but byte {error.start} is "
                    f"not {name}: the file is damaged"
                ) from None
    head = data[:4096]
    if head.count(b"\x00") * 4 > len(head) > 0:
        raise BadRow(
            "the file looks like UTF-16 text without its byte-order mark: save it "
            "as UTF-8 (or as Unicode Text, which writes the mark)"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")  # older exports from Windows tools
    except UnicodeDecodeError as error:
        raise BadRow(
            f"the file is neither UTF-8 nor Windows-1252 text (byte {error.start} is "
            f"0x{data[error.start]:02x}): save it as UTF-8"
        ) from None


class BadCell(BadRow):
    """A BadRow of the file as a whole, found at one line of it."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


_NUMBER = re.compile(r"^[-+(]?[$€£]?\d[\d.,]*\)?$")
_GROUPS_DOT = re.compile(r"^\d{1,3}(\.\d{3})+$")
_GROUPS_COMMA = re.compile(r"^\d{1,3}(,\d{3})+$")


@functools.lru_cache(maxsize=4096)  # an export repeats its amounts: a share count, a price
def mark_of(text: str) -> str | None:
    """How one cell says its decimals: "comma", "point", "either" (`1.234`, `1,234`: thousands
    or decimals), or None (no number, or one without a mark)."""
    raw = text.strip().replace("\u00a0", "").replace(" ", "")
    if not _NUMBER.match(raw):
        return None
    raw = raw.strip("()+-$€£")
    if "," in raw and "." in raw:
        return "comma" if raw.rindex(",") > raw.rindex(".") else "point"
    for mark, groups, other in ((".", _GROUPS_DOT, "comma"), (",", _GROUPS_COMMA, "point")):
        if mark in raw:
            if groups.match(raw):
                return other if raw.count(mark) > 1 else "either"
            if raw.count(mark) > 1:
                return None  # `1.2.3`: no number; its cell says so when read
            return "point" if mark == "." else "comma"
    return None


def decimal_comma_of(cells: Iterable[tuple[int, str]], default: bool | None) -> bool | None:
    """Whether the file's decimals are commas, from the (line, cell) amounts that say (`12,5`,
    `1.234,50`: a comma; `12.5`, `1,234.50`: a point). `default` (the broker's own mark) when
    none says; BadRow when the cells disagree, or when only cells that read either way
    (`1.234`) are there and no default decides: the options that say are named."""
    seen: dict[str, tuple[int, str]] = {}
    for line, text in cells:
        mark = mark_of(text)
        if mark is not None and mark not in seen:
            seen[mark] = (line, text)
            if "comma" in seen and "point" in seen:
                break  # the file writes both: said at once, the rest not read
    if "comma" in seen and "point" in seen:
        (c_line, c_text), (p_line, p_text) = seen["comma"], seen["point"]
        line, other = max(c_line, p_line), min(c_line, p_line)
        raise BadCell(
            line,
            f"the file writes {c_text!r} (a decimal comma) and {p_text!r} (a "
            f"decimal point; lines {other} and {line}): say --decimal-comma or "
            "--decimal-point",
        )
    if "comma" in seen or "point" in seen:
        return "comma" in seen
    if "either" in seen and default is None:
        line, text = seen["either"]
        raise BadCell(
            line,
            f"{text!r} could be thousands or decimals, and no amount of the "
            "file says which: say --decimal-comma or --decimal-point",
        )
    return default
