"""toml_scan: positions of keys and values by path, and the line layout edits cut and insert by."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

from catalyst_tui.config.scan import Layout, Pos, locate, scan

from ..conftest import BUNDLED_CONFIG


def _value_text(layout: Layout, path: tuple[str | int, ...], key: str) -> str:
    table = layout.table(path)
    assert table is not None, path
    (entry,) = [e for e in table.entries if e.key == key]
    return layout.text[entry.value_from : entry.value_to]


# -- positions ----------------------------------------------------------------------------------


def test_keys_and_values_in_nested_tables():
    text = "top = 1\n\n[a]\nx = 2\n\n  [a.b]\n  y   =   'three'\n"
    positions = locate(text)
    assert positions.key(("top",)) == Pos(1, 1)
    assert positions.value(("top",)) == Pos(1, 7)
    assert positions.key(("a",)) == Pos(3, 1)
    assert positions.value(("a", "x")) == Pos(4, 5)
    assert positions.key(("a", "b")) == Pos(6, 3)
    assert positions.key(("a", "b", "y")) == Pos(7, 3)
    assert positions.value(("a", "b", "y")) == Pos(7, 11)


def test_dotted_keys_locate_the_tables_they_create_at_their_line():
    text = '[t]\nfirst = 0\n"q.k" . inner.leaf = 5\n'
    positions = locate(text)
    assert positions.key(("t", "q.k")) == Pos(3, 1)
    assert positions.key(("t", "q.k", "inner")) == Pos(3, 1)
    assert positions.key(("t", "q.k", "inner", "leaf")) == Pos(3, 1)
    assert positions.value(("t", "q.k", "inner", "leaf")) == Pos(3, 22)
    # No value position of its own: the key's.
    assert positions.value(("t", "q.k", "inner")) == Pos(3, 1)


def test_inline_tables_and_arrays_locate_each_member():
    text = (
        "[p]\n"
        "point = { x = 1, y = { z = 'deep' }, w.v = true }\n"
        "list = [\n"
        "  10,  # a comment ] with a bracket\n"
        "\n"
        "  [20, 21], { k = 'v' },\n"
        "]\n"
    )
    positions = locate(text)
    assert positions.value(("p", "point")) == Pos(2, 9)
    assert positions.key(("p", "point", "x")) == Pos(2, 11)
    assert positions.value(("p", "point", "x")) == Pos(2, 15)
    assert positions.value(("p", "point", "y", "z")) == Pos(2, 28)
    assert positions.key(("p", "point", "w", "v")) == Pos(2, 38)
    assert positions.value(("p", "point", "w", "v")) == Pos(2, 44)
    assert positions.value(("p", "list", 0)) == Pos(4, 3)
    assert positions.value(("p", "list", 1)) == Pos(6, 3)
    assert positions.value(("p", "list", 1, 1)) == Pos(6, 8)
    assert positions.key(("p", "list", 2, "k")) == Pos(6, 15)
    assert positions.value(("p", "list", 2, "k")) == Pos(6, 19)


def test_multiline_strings_with_quotes_and_backslashes_do_not_end_early():
    text = (
        "[s]\n"
        'basic = """\n'
        'a "quoted" and ""double"" \\""" still inside\n'
        "# [not.a.table]\n"
        'ends with two quotes"""""\n'
        "after = 1\n"
        "lit = '''\n"
        "[[nor.this]] ''two'' \\ no escapes\n"
        "'''' # one more quote before the end\n"
        'last = "esc \\" # not a comment"\n'
    )
    data = tomllib.loads(text)["s"]
    assert data["basic"].endswith('ends with two quotes""') and data["lit"].endswith("escapes\n'")
    positions = locate(text)
    assert positions.key(("s", "after")) == Pos(6, 1)
    assert positions.key(("s", "last")) == Pos(10, 1)
    assert positions.value(("s", "last")) == Pos(10, 8)
    layout = scan(text)
    assert [t.path for t in layout.tables] == [("s",)]
    assert layout.kinds == [
        *("header", "key", "cont", "cont", "cont"),
        *("key", "key", "cont", "cont", "key"),
    ]
    assert _value_text(layout, ("s",), "lit").endswith("escapes\n''''")
    assert _value_text(layout, ("s",), "last") == '"esc \\" # not a comment"'


def test_arrays_of_tables_nested_under_arrays_of_tables_resolve_to_the_current_index():
    text = (
        "[[a]]\n"  # 1: a[0]
        "[[a.b]]\n"  # 2: a[0].b[0]
        "[[a.b]]\n"  # 3: a[0].b[1]
        "[[a]]\n"  # 4: a[1]
        "[a.sub]\n"  # 5: a[1].sub
        "[[a.b]]\n"  # 6: a[1].b[0]
        "x = 1\n"  # 7
        "[[a.b.c]]\n"  # 8: a[1].b[0].c[0]
        "[[a.b]]\n"  # 9: a[1].b[1]
        "y = 2\n"  # 10
    )
    layout = scan(text)
    assert [t.path for t in layout.tables] == [
        ("a", 0),
        ("a", 0, "b", 0),
        ("a", 0, "b", 1),
        ("a", 1),
        ("a", 1, "sub"),
        ("a", 1, "b", 0),
        ("a", 1, "b", 0, "c", 0),
        ("a", 1, "b", 1),
    ]
    positions = layout.positions
    assert positions.key(("a",)) == Pos(1, 1)
    assert positions.key(("a", 1, "b")) == Pos(6, 1)
    assert positions.key(("a", 1, "b", 0, "x")) == Pos(7, 1)
    assert positions.key(("a", 1, "b", 1, "y")) == Pos(10, 1)
    assert positions.value(("a", 1, "b", 0, "c", 0)) == Pos(8, 1)


def test_a_path_without_a_position_falls_back_to_its_nearest_located_ancestor():
    positions = locate("[t]\nk = { a = 1 }\n")
    assert positions.key(("t", "k", "a", "deeper", 3)) == Pos(2, 7)
    assert positions.key(("t", "k", "missing", 3)) == Pos(2, 1)
    assert positions.value(("t", "k", "missing")) == Pos(2, 5)
    assert positions.key(("nowhere",)) == Pos(1, 1)
    assert locate("").value(("x",)) == Pos(1, 1)


def test_quoted_keys_are_unescaped_in_paths():
    positions = locate('["we\\"ird".\'lit.eral\']\n"tab\\tkey" = 1\n')
    assert positions.key(('we"ird', "lit.eral", "tab\tkey")) == Pos(2, 1)
    assert positions.value(('we"ird', "lit.eral", "tab\tkey")) == Pos(2, 14)


# -- layout -------------------------------------------------------------------------------------


def test_crlf_files_keep_their_line_endings_and_the_same_positions():
    lf = "# head\n[t]\nk = 'v'  # trailing\nm = [\n  1,\n]\n"
    crlf = lf.replace("\n", "\r\n")
    assert locate(crlf).value(("t", "m", 0)) == locate(lf).value(("t", "m", 0)) == Pos(5, 3)
    layout = scan(crlf)
    assert layout.newline == "\r\n" and scan(lf).newline == "\n"
    assert "".join(layout.lines) == crlf and all(line.endswith("\r\n") for line in layout.lines)
    assert layout.offsets[-1] == len(crlf)
    assert layout.kinds == ["comment", "header", "key", "key", "cont", "cont"]
    (table,) = layout.tables
    assert [(e.key, e.start, e.end) for e in table.entries] == [("k", 2, 3), ("m", 3, 6)]
    assert _value_text(layout, ("t",), "k") == "'v'"
    assert _value_text(layout, ("t",), "m") == "[\r\n  1,\r\n]"


def test_a_file_without_a_final_newline_keeps_its_last_line():
    layout = scan("[t]\nk = 1979-05-27 07:32:00   ")
    assert layout.lines == ["[t]\n", "k = 1979-05-27 07:32:00   "]
    assert _value_text(layout, ("t",), "k") == "1979-05-27 07:32:00"
    (table,) = scan("[t]\nk = 1").tables  # the value ends the file
    assert (table.entries[0].end, table.keys_end, table.content_end) == (2, 2, 2)


def test_entries_name_the_first_part_of_a_dotted_key_and_span_their_value_lines():
    text = '[t]\n  a.b = 1 # c\n"q k" = """\nx\n"""\n\nz = 2\n'
    (table,) = scan(text).tables
    assert [(e.key, e.start, e.end) for e in table.entries] == [
        ("a", 1, 2),
        ("q k", 2, 5),
        ("z", 6, 7),
    ]
    assert text[table.entries[0].value_from : table.entries[0].value_to] == "1"
    assert table.keys_end == 7


def test_comment_attachment():
    text = (
        "[first]\n"  # 0
        "k = 1\n"  # 1
        "# trailing comment of first\n"  # 2
        "\n"  # 3
        "# floating banner\n"  # 4
        "\n"  # 5
        "# introduces second\n"  # 6
        "# and this too\n"  # 7
        "[second]\n"  # 8
        "# inside second, above its key\n"  # 9
        "j = 2\n"  # 10
        "# directly above third: attached to third, not trailing second\n"  # 11
        "[third]\n"  # 12
        "\n"  # 13
        "# after a blank: nobody's\n"  # 14
    )
    layout = scan(text)
    assert layout.kinds[:4] == ["header", "key", "comment", "blank"]
    first, second, third = layout.tables
    assert (first.header, first.start, first.keys_end, first.content_end) == (0, 0, 2, 3)
    assert (second.header, second.start, second.keys_end, second.content_end) == (8, 6, 11, 11)
    assert (third.header, third.start, third.keys_end, third.content_end) == (12, 11, 13, 13)
    assert layout.is_blank(13) and not layout.is_blank(14) and not layout.is_blank(15)
    (last,) = scan("[only]\nk = 1\n# tail\n# tail too\n\n# loose\n").tables
    assert (last.keys_end, last.content_end) == (2, 4)


def test_kinds_mark_every_later_line_of_a_multiline_value_as_continuation():
    text = "a = [\n\n  # comment inside\n  1,\n]\n# outside\n"
    assert scan(text).kinds == ["key", "cont", "cont", "cont", "cont", "comment"]


def _lookup(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def test_every_entry_of_the_bundled_file_slices_out_exactly_its_value():
    text = BUNDLED_CONFIG.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    layout = scan(text)
    checked = 0
    for table in layout.tables:
        for entry in table.entries:
            parsed = tomllib.loads("v = " + text[entry.value_from : entry.value_to])["v"]
            assert parsed == _lookup(data, table.path)[entry.key], (table.path, entry.key)
            checked += 1
    assert checked > 100


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_every_key_of_the_bundled_file_is_located_at_its_own_name(newline: str):
    text = BUNDLED_CONFIG.read_text(encoding="utf-8").replace("\n", newline)
    layout = scan(text)
    lines = text.split("\n")
    for table in layout.tables:
        for entry in table.entries:
            pos = layout.positions.key((*table.path, entry.key))
            assert pos.line == entry.start + 1
            assert lines[entry.start][pos.col - 1 :].startswith(entry.key)
