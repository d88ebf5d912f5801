"""Edits from the TUI written back into catalysts.toml: byte identity, validation, atomic writes."""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import errno
import os
import shutil
import stat
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalyst_tui.config import ConfigError, load_config, parse_config
from catalyst_tui.config import write as cw
from catalyst_tui.config.write import (
    EditError,
    add_checkpoint,
    add_lot,
    add_ticker,
    apply_edit,
    field_errors,
    remove_checkpoint,
    remove_ticker,
    update_checkpoint,
    update_lot,
)

from ..conftest import BUNDLED_CONFIG
from ..support.readonly import read_only_file, read_only_folder

ORIGINAL = BUNDLED_CONFIG.read_text(encoding="utf-8")
DATA = tomllib.loads(ORIGINAL)
ALAB_IDS = [c["id"] for c in DATA["tickers"]["ALAB"]["checkpoints"]]

NEW_CHECKPOINT = {
    "id": "new-design-win",
    "title": "A new hyperscaler design win",
    "kind": "milestone",
    "due": "2027-06-30",
    "until": "",
    "when": "",
    "period_end": "",
    "source": "  my own notes  ",
    "notes": "",
}
NEW_LOT = {"shares": "12.5", "cost": "140", "date": "2026-02-03", "note": "second buy"}


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def one_block(short: str, long: str) -> list[str]:
    """The lines `long` has in one contiguous block more than `short`; fails if the two differ
    in any other way (so the text around the block is byte-identical)."""
    a, b = lines(short), lines(long)
    assert len(b) > len(a)
    prefix = 0
    while prefix < len(a) and a[prefix] == b[prefix]:
        prefix += 1
    suffix = 0
    while suffix < len(a) - prefix and a[-1 - suffix] == b[-1 - suffix]:
        suffix += 1
    assert prefix + suffix == len(a), "the texts differ outside one block of lines"
    assert "".join(b[:prefix] + b[len(b) - suffix :]) == short
    return b[prefix : len(b) - suffix]


def comments(text: str) -> Counter[str]:
    return Counter(line for line in lines(text) if line.lstrip().startswith("#"))


def is_header(line: str) -> bool:
    return line.lstrip().startswith("[")


def changed_lines(old: str, new: str) -> tuple[list[str], list[str]]:
    removed: list[str] = []
    added: list[str] = []
    matcher = difflib.SequenceMatcher(a=lines(old), b=lines(new), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            removed += lines(old)[i1:i2]
            added += lines(new)[j1:j2]
    return removed, added


def header_index(text: str, checkpoint_id: str) -> int:
    """Line index of the [[...checkpoints]] header of the checkpoint with this id."""
    all_lines = lines(text)
    at = all_lines.index(f'id = "{checkpoint_id}"\n')
    while not is_header(all_lines[at]):
        at -= 1
    return at


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def checkpoint_fields(raw: dict[str, Any]) -> dict[str, str]:
    """The form as the TUI fills it from the file's current values."""
    out = {}
    for name in cw.CHECKPOINT_FIELDS:
        value = raw.get(name, "")
        if isinstance(value, list):  # evidence: one entry per line
            out[name] = "\n".join(value)
        else:
            out[name] = value.isoformat() if isinstance(value, dt.date) else str(value)
    return out


@pytest.fixture
def config_path(tmp_path: Path) -> Path:
    path = tmp_path / "catalysts.toml"
    shutil.copyfile(BUNDLED_CONFIG, path)
    return path


# --------------------------------------------------------------------------------------------
# Edits on the bundled file
# --------------------------------------------------------------------------------------------


def test_add_ticker_appends_a_quoted_dotted_symbol_at_the_end():
    new = add_ticker(
        ORIGINAL,
        {"symbol": " BRK.B ", "name": "Berkshire Hathaway", "group": "", "thesis": "Float.\nMoat."},
    )
    block = one_block(ORIGINAL, new)
    assert new.startswith(ORIGINAL)
    assert block == [
        "\n",
        '[tickers."BRK.B"]\n',
        'name = "Berkshire Hathaway"\n',
        'thesis = """\n',
        "Float.\n",
        'Moat."""\n',
    ]
    ticker = parse_config(new).tickers["BRK.B"]
    assert (ticker.name, ticker.group, ticker.thesis) == (
        "Berkshire Hathaway",
        "watchlist",
        "Float.\nMoat.",
    )
    assert comments(new) == comments(ORIGINAL)


def test_add_lot_after_the_last_lot():
    new = add_lot(ORIGINAL, "ALAB", NEW_LOT)
    block = one_block(ORIGINAL, new)
    assert [line for line in block if line.strip()] == [
        "[[tickers.ALAB.lots]]\n",
        "shares = 12.5\n",
        "cost = 140\n",
        "date = 2026-02-03\n",
        'note = "second buy"\n',
    ]
    new_lines = lines(new)
    at = new_lines.index("[[tickers.ALAB.lots]]\n", new_lines.index("[[tickers.ALAB.lots]]\n") + 1)
    assert new_lines[at - 2].startswith("note = ")  # right after the existing lot's last key
    assert new_lines[at - 1] == "\n"
    lots = parse_config(new).tickers["ALAB"].lots
    assert len(lots) == 2
    assert (lots[1].shares, lots[1].cost, lots[1].date) == (12.5, 140, dt.date(2026, 2, 3))
    assert comments(new) == comments(ORIGINAL)


def test_add_lot_to_a_ticker_without_lots_or_checkpoints():
    config = parse_config(ORIGINAL)
    bare = [s for s, t in config.tickers.items() if not t.lots and not t.checkpoints]
    assert "CRDO" in bare
    new = add_lot(ORIGINAL, "CRDO", {"shares": "3", "cost": "0", "date": "", "note": ""})
    block = one_block(ORIGINAL, new)
    assert "[[tickers.CRDO.lots]]\n" in block
    assert "date" not in "".join(block)  # empty optional fields are left out
    new_lines = lines(new)
    at = new_lines.index("[[tickers.CRDO.lots]]\n")
    # After CRDO's own lines (its commented-out example included), before the next ticker.
    assert at > new_lines.index('name = "Credo Technology"\n')
    assert at < new_lines.index("[tickers.LITE]\n")
    assert all(line.startswith("#") for line in new_lines[at - 6 : at - 1])
    assert parse_config(new).tickers["CRDO"].lots[0].shares == 3
    assert comments(new) == comments(ORIGINAL)


def test_add_lot_to_a_ticker_with_checkpoints_but_no_lots_goes_before_them():
    text = (
        "[tickers.AAA]\n"
        'name = "A"\n'
        "\n"
        "# The claims (attached to the first checkpoint).\n"
        "[[tickers.AAA.checkpoints]]\n"
        'id = "one"\n'
        'title = "One"\n'
        'kind = "milestone"\n'
        "due = 2027-01-01\n"
    )
    new = add_lot(text, "AAA", {"shares": "1", "cost": "2"})
    assert one_block(text, new) == ["[[tickers.AAA.lots]]\n", "shares = 1\n", "cost = 2\n", "\n"]
    assert new.index("[[tickers.AAA.lots]]") < new.index("# The claims")
    assert parse_config(new).tickers["AAA"].lots[0].cost == 2


def test_add_checkpoint_after_the_last_checkpoint():
    new = add_checkpoint(ORIGINAL, "ALAB", NEW_CHECKPOINT)
    block = one_block(ORIGINAL, new)
    assert [line for line in block if line.strip()] == [
        "[[tickers.ALAB.checkpoints]]\n",
        'id = "new-design-win"\n',
        'title = "A new hyperscaler design win"\n',
        'kind = "milestone"\n',
        "due = 2027-06-30\n",
        'source = "my own notes"\n',
    ]
    new_lines = lines(new)
    at = new_lines.index('id = "new-design-win"\n')
    last = header_index(ORIGINAL, ALAB_IDS[-1])
    assert at > last and at < new_lines.index("[tickers.CRDO]\n")
    checkpoints = parse_config(new).tickers["ALAB"].checkpoints
    assert [c.id for c in checkpoints] == ALAB_IDS + ["new-design-win"]
    assert checkpoints[-1].source == "my own notes"
    assert comments(new) == comments(ORIGINAL)


def test_add_checkpoint_to_a_ticker_without_checkpoints():
    fields = dict(NEW_CHECKPOINT, id="floor", kind="guard", due="", when="drawdown <= 35%")
    new = add_checkpoint(ORIGINAL, "LITE", fields)
    block = one_block(ORIGINAL, new)
    assert "[[tickers.LITE.checkpoints]]\n" in block
    new_lines = lines(new)
    at = new_lines.index("[[tickers.LITE.checkpoints]]\n")
    assert new_lines.index("[tickers.LITE]\n") < at < new_lines.index("[tickers.COHR]\n")
    (checkpoint,) = parse_config(new).tickers["LITE"].checkpoints
    assert checkpoint.when is not None and checkpoint.when.text == "drawdown <= 35%"
    assert comments(new) == comments(ORIGINAL)


def test_multiline_notes_round_trip():
    notes = 'First line.\n  Indented, with "quotes", \\backslash and """ triple.\n\nLast line.'
    new = add_checkpoint(ORIGINAL, "ALAB", dict(NEW_CHECKPOINT, notes=notes + "\n\n"))
    assert parse_config(new).tickers["ALAB"].checkpoints[-1].notes == notes
    assert 'notes = """\nFirst line.\n' in new
    updated = update_checkpoint(new, "ALAB", "new-design-win", {"notes": "Two\r\nlines"})
    assert parse_config(updated).tickers["ALAB"].checkpoints[-1].notes == "Two\nlines"


def test_update_changes_only_the_changed_line():
    first = DATA["tickers"]["ALAB"]["checkpoints"][0]
    fields = checkpoint_fields(first)
    fields["due"] = "2027-06-30"
    new = update_checkpoint(ORIGINAL, "ALAB", first["id"], fields)
    removed, added = changed_lines(ORIGINAL, new)
    assert removed == [f"due = {first['due'].isoformat()}\n"]
    assert added == ["due = 2027-06-30\n"]
    assert parse_config(new).tickers["ALAB"].checkpoints[0].due == dt.date(2027, 6, 30)
    assert comments(new) == comments(ORIGINAL)


@pytest.mark.parametrize("checkpoint_id", ALAB_IDS)
def test_update_with_the_current_values_changes_nothing(checkpoint_id: str):
    raw = next(c for c in DATA["tickers"]["ALAB"]["checkpoints"] if c["id"] == checkpoint_id)
    assert update_checkpoint(ORIGINAL, "ALAB", checkpoint_id, checkpoint_fields(raw)) == ORIGINAL


def test_update_replaces_removes_and_adds_keys():
    raw = next(c for c in DATA["tickers"]["ALAB"]["checkpoints"] if c["kind"] == "guard")
    fields = checkpoint_fields(raw)
    fields.update(when=raw["when"].replace(">=", ">"), notes="", until="2027-12-31")
    new = update_checkpoint(ORIGINAL, "ALAB", raw["id"], fields)
    removed, added = changed_lines(ORIGINAL, new)
    assert sorted(removed) == sorted([f'when = "{raw["when"]}"\n', f'notes = "{raw["notes"]}"\n'])
    assert sorted(added) == sorted([f'when = "{fields["when"]}"\n', "until = 2027-12-31\n"])
    checkpoint = next(c for c in parse_config(new).tickers["ALAB"].checkpoints if c.id == raw["id"])
    assert (checkpoint.until, checkpoint.notes) == (dt.date(2027, 12, 31), "")
    assert comments(new) == comments(ORIGINAL)


def test_update_lot_dates_an_undated_lot_and_changes_nothing_else():
    text = (
        "[tickers.NVDA]\n"
        "# bought 2024\n[[tickers.NVDA.lots]]\nshares = 40\ncost = 900.0  # per share\n"
        "date = 2024-01-16\n\n"
        '# a gift\n[[tickers.NVDA.lots]]\nshares = 5\ncost = 1_000\nnote = "from Ann"\n'
    )
    fields = {"shares": "5", "cost": "1000", "date": "2024-02-02", "note": "from Ann"}
    new = update_lot(text, "NVDA", 1, fields)
    removed, added = changed_lines(text, new)
    assert removed == [] and added == ["date = 2024-02-02\n"]  # cost keeps its spelling
    assert parse_config(new).tickers["NVDA"].lots[1].date == dt.date(2024, 2, 2)
    assert update_lot(new, "NVDA", 1, fields) == new  # as it is: no change
    with pytest.raises(EditError, match="no lot number 3"):
        update_lot(text, "NVDA", 2, fields)
    inline = "[tickers.AAA]\nlots = [{shares = 1, cost = 2}]\n"
    with pytest.raises(EditError, match="by hand"):
        update_lot(inline, "AAA", 0, {"date": "2026-01-02"})


def test_update_keeps_a_trailing_comment_and_the_key_spelling():
    text = (
        "[[tickers.AAA.checkpoints]]\n"
        'id = "one"\n'
        "title   =   'One'   # spaced\n"
        'kind = "milestone"\n'
        'notes = """\nold\nnotes\n"""  # after notes\n'
        "due = 2027-01-01  # keep me\n"
    )
    new = update_checkpoint(
        text, "AAA", "one", {"due": "2028-01-01", "title": "Two", "notes": "new"}
    )
    assert new == (
        "[[tickers.AAA.checkpoints]]\n"
        'id = "one"\n'
        'title   =   "Two"   # spaced\n'
        'kind = "milestone"\n'
        'notes = "new"  # after notes\n'
        "due = 2028-01-01  # keep me\n"
    )


def test_update_can_rename_the_id():
    new = update_checkpoint(ORIGINAL, "ALAB", ALAB_IDS[1], {"id": "renamed"})
    assert [c.id for c in parse_config(new).tickers["ALAB"].checkpoints][1] == "renamed"
    assert changed_lines(ORIGINAL, new) == ([f'id = "{ALAB_IDS[1]}"\n'], ['id = "renamed"\n'])


def _attached_comment_ids() -> list[str]:
    """Checkpoints whose header has comment lines directly above it."""
    return [
        cid for cid in ALAB_IDS if lines(ORIGINAL)[header_index(ORIGINAL, cid) - 1].startswith("#")
    ]


def expected_cut(text: str, header: int) -> tuple[int, int]:
    """The lines [start, end) removing the table at `header` should cut, worked out from the
    rule in plain line terms (good enough for the bundled file: no blank or '#' lines inside
    its multi-line strings)."""
    all_lines = lines(text)
    start = header
    while start > 0 and all_lines[start - 1].startswith("#"):  # attached comments
        start -= 1
    while start > 0 and all_lines[start - 1] == "\n":  # the separator above
        start -= 1
    following = [i for i in range(header + 1, len(all_lines)) if is_header(all_lines[i])]
    next_header = following[0] if following else len(all_lines)
    last_key = next_header - 1
    while all_lines[last_key] == "\n" or all_lines[last_key].startswith("#"):
        last_key -= 1
    end = last_key + 1
    while end < next_header and all_lines[end].startswith("#"):
        end += 1
    if end == next_header:  # those comments introduce the next table
        end = last_key + 1
    return start, end


@pytest.mark.parametrize(
    "checkpoint_id",
    sorted({ALAB_IDS[0], ALAB_IDS[1], ALAB_IDS[-1], *_attached_comment_ids()}, key=ALAB_IDS.index),
)
def test_remove_checkpoint_cuts_exactly_its_block(checkpoint_id: str):
    new = remove_checkpoint(ORIGINAL, "ALAB", checkpoint_id)
    original_lines = lines(ORIGINAL)
    start, end = expected_cut(ORIGINAL, header_index(ORIGINAL, checkpoint_id))
    assert new == "".join(original_lines[:start] + original_lines[end:])
    removed = original_lines[start:end]
    assert [line for line in removed if is_header(line)] == ["[[tickers.ALAB.checkpoints]]\n"]
    assert f'id = "{checkpoint_id}"\n' in removed
    # Every comment line survives except the removed checkpoint's own.
    lost = comments(ORIGINAL) - comments(new)
    assert lost == Counter(line for line in removed if line.startswith("#"))
    expected = copy.deepcopy(DATA)
    expected["tickers"]["ALAB"]["checkpoints"] = [
        c for c in DATA["tickers"]["ALAB"]["checkpoints"] if c["id"] != checkpoint_id
    ]
    assert tomllib.loads(new) == expected
    parse_config(new)


def test_remove_last_checkpoint_keeps_the_banner_below_it():
    new = remove_checkpoint(ORIGINAL, "ALAB", ALAB_IDS[-1])
    banner = [line for line in lines(ORIGINAL) if "The rest of the watchlist" in line]
    assert banner and banner[0] in new
    # The two blank lines and the rule above the banner are untouched.
    at, was = lines(new).index(banner[0]), lines(ORIGINAL).index(banner[0])
    assert lines(new)[at - 3 : at] == lines(ORIGINAL)[was - 3 : was]
    assert lines(new)[at - 4].startswith("notes = ")


def test_remove_the_first_checkpoint_of_a_section_takes_its_attached_introduction():
    attached = [cid for cid in _attached_comment_ids() if cid != ALAB_IDS[0]]
    assert attached, "the bundled file introduces each kind with a comment above its first entry"
    header = header_index(ORIGINAL, attached[0])
    intro = lines(ORIGINAL)[header - 1]
    new = remove_checkpoint(ORIGINAL, "ALAB", attached[0])
    assert intro not in new
    parse_config(new)


def test_remove_ticker_with_all_its_tables():
    new = remove_ticker(ORIGINAL, "ALAB")
    original_lines = lines(ORIGINAL)
    first = original_lines.index("[tickers.ALAB]\n")
    start, _ = expected_cut(ORIGINAL, first)
    _, end = expected_cut(ORIGINAL, header_index(ORIGINAL, ALAB_IDS[-1]))
    assert new == "".join(original_lines[:start] + original_lines[end:])
    removed = original_lines[start:end]
    assert sum(1 for line in removed if is_header(line)) == 1 + 1 + len(ALAB_IDS)
    config = parse_config(new)
    assert set(config.tickers) == set(DATA["tickers"]) - {"ALAB"}
    lost = comments(ORIGINAL) - comments(new)
    assert lost == Counter(line for line in removed if line.startswith("#"))
    assert "# [tickers.SYMBOL]: one table per symbol you follow.\n" in new
    assert any("The rest of the watchlist" in line for line in lines(new))


def test_remove_ticker_keeps_its_neighbours():
    new = remove_ticker(ORIGINAL, "CRDO")
    original_lines = lines(ORIGINAL)
    start, end = expected_cut(ORIGINAL, original_lines.index("[tickers.CRDO]\n"))
    assert new == "".join(original_lines[:start] + original_lines[end:])
    removed = original_lines[start:end]
    assert [line for line in removed if is_header(line)] == ["[tickers.CRDO]\n"]
    # CRDO's commented-out example directly under it goes with it.
    assert any("tickers.CRDO.checkpoints" in line for line in removed)
    assert tomllib.loads(new)["tickers"] == {
        k: v for k, v in DATA["tickers"].items() if k != "CRDO"
    }


def test_remove_ticker_whose_tables_are_not_together():
    text = (
        "[tickers.AAA]\n"
        'name = "A"\n'
        "\n"
        "[tickers.BBB]\n"
        'name = "B"\n'
        "\n"
        "# about AAA's checkpoint\n"
        "[[tickers.AAA.checkpoints]]\n"
        'id = "one"\n'
        'title = "One"\n'
        'kind = "milestone"\n'
        "due = 2027-01-01\n"
        "\n"
        "# trailing note\n"
    )
    new = remove_ticker(text, "AAA")
    assert new == '[tickers.BBB]\nname = "B"\n\n# trailing note\n'


def test_edit_errors():
    with pytest.raises(EditError, match="already"):
        add_ticker(ORIGINAL, {"symbol": "ALAB"})
    for call in (
        lambda: add_lot(ORIGINAL, "ZZZZ", NEW_LOT),
        lambda: add_checkpoint(ORIGINAL, "ZZZZ", NEW_CHECKPOINT),
        lambda: remove_ticker(ORIGINAL, "ZZZZ"),
        lambda: update_checkpoint(ORIGINAL, "ALAB", "no-such-id", {"title": "x"}),
        lambda: remove_checkpoint(ORIGINAL, "ALAB", "no-such-id"),
        lambda: remove_checkpoint(ORIGINAL, "CRDO", ALAB_IDS[0]),
        lambda: add_lot(ORIGINAL, "ALAB", {"shares": "1", "cost": "1", "price": "3"}),
    ):
        with pytest.raises(EditError) as info:
            call()
        assert isinstance(info.value, KeyError)
        assert not str(info.value).startswith("'")  # the message itself, not KeyError's repr
    inline = '[tickers.AAA]\ncheckpoints = [{id = "one", title = "One", kind = "milestone"}]\n'
    with pytest.raises(EditError, match="by hand"):
        remove_checkpoint(inline, "AAA", "one")
    with pytest.raises(ConfigError) as syntax:
        add_lot("[tickers.AAA\n", "AAA", NEW_LOT)
    assert "TOML syntax" in syntax.value.issues[0].message


def test_crlf_files_stay_crlf():
    text = ORIGINAL.replace("\n", "\r\n")
    new = add_checkpoint(text, "ALAB", dict(NEW_CHECKPOINT, notes="a\nb"))
    assert "\n" not in new.replace("\r\n", "")
    one_block(text, new)
    new = update_checkpoint(text, "ALAB", ALAB_IDS[0], {"due": "2030-01-01"})
    assert changed_lines(text, new) == (
        [f"due = {DATA['tickers']['ALAB']['checkpoints'][0]['due'].isoformat()}\r\n"],
        ["due = 2030-01-01\r\n"],
    )


def test_field_conversion():
    values = cw.field_values(
        "lot", {"shares": " 10 ", "cost": "1.5e2", "date": "2026-13-01", "note": " \n "}
    )
    assert values == {"shares": 10, "cost": 150.0, "date": "2026-13-01"}
    values = cw.field_values("lot", {"shares": "ten", "cost": "", "date": "2026-01-02"})
    assert values == {"shares": "ten", "date": dt.date(2026, 1, 2)}


# --------------------------------------------------------------------------------------------
# apply_edit: the file on disk
# --------------------------------------------------------------------------------------------


def test_apply_edit_writes_and_keeps_the_previous_version(config_path: Path):
    before = config_path.read_bytes()
    result = apply_edit(config_path, lambda t: add_checkpoint(t, "ALAB", NEW_CHECKPOINT))
    assert result.written
    assert result.message == "saved catalysts.toml (previous version in catalysts.toml.bak)"
    assert (config_path.parent / "catalysts.toml.bak").read_bytes() == before
    assert config_path.read_text() == add_checkpoint(before.decode(), "ALAB", NEW_CHECKPOINT)
    assert result.config.path == config_path
    assert result.config == load_config(config_path)
    assert temp_files(config_path.parent) == []
    # A second edit: the .bak now holds the first edit's result.
    second = config_path.read_bytes()
    apply_edit(config_path, lambda t: remove_checkpoint(t, "ALAB", "new-design-win"))
    assert (config_path.parent / "catalysts.toml.bak").read_bytes() == second
    assert config_path.read_bytes() == before


def test_apply_edit_keeps_permission_bits(config_path: Path):
    config_path.chmod(0o640)
    apply_edit(config_path, lambda t: add_lot(t, "ALAB", NEW_LOT))
    assert stat.S_IMODE(config_path.stat().st_mode) == 0o640
    assert stat.S_IMODE((config_path.parent / "catalysts.toml.bak").stat().st_mode) == 0o640


def test_apply_edit_writes_through_a_symlink(tmp_path: Path):
    real_dir = tmp_path / "dotfiles"
    real_dir.mkdir()
    real = real_dir / "catalyst.toml"
    shutil.copyfile(BUNDLED_CONFIG, real)
    link = tmp_path / "catalysts.toml"
    link.symlink_to(real)
    result = apply_edit(link, lambda t: add_lot(t, "ALAB", NEW_LOT))
    assert result.written
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert len(load_config(real).tickers["ALAB"].lots) == 2
    assert (real_dir / "catalyst.toml.bak").read_bytes() == BUNDLED_CONFIG.read_bytes()
    assert result.config.path == link
    assert temp_files(real_dir) == [] and temp_files(tmp_path) == []


def test_apply_edit_on_a_read_only_file_keeps_the_change_in_memory_only(config_path: Path):
    before = config_path.read_bytes()
    names = sorted(p.name for p in config_path.parent.iterdir())
    with read_only_file(config_path):
        result = apply_edit(config_path, lambda t: add_checkpoint(t, "ALAB", NEW_CHECKPOINT))
    assert not result.written
    assert result.message.startswith("catalysts.toml is read-only (")
    assert result.message.endswith("): the change is kept in the database only")
    assert config_path.read_bytes() == before
    assert sorted(p.name for p in config_path.parent.iterdir()) == names  # no .bak, no temp
    assert result.config.tickers["ALAB"].checkpoints[-1].id == "new-design-win"


def test_apply_edit_in_a_read_only_folder(config_path: Path):
    before = config_path.read_bytes()
    names = sorted(p.name for p in config_path.parent.iterdir())
    with read_only_folder(config_path.parent):
        result = apply_edit(config_path, lambda t: add_lot(t, "ALAB", NEW_LOT))
    assert not result.written
    assert "catalysts.toml" in result.message and "read-only" in result.message
    assert str(config_path.parent) in result.message
    assert config_path.read_bytes() == before
    assert sorted(p.name for p in config_path.parent.iterdir()) == names
    assert len(result.config.tickers["ALAB"].lots) == 2


def test_apply_edit_when_the_disk_fills_up_leaves_no_temp_file(
    config_path: Path, monkeypatch: pytest.MonkeyPatch
):
    before = config_path.read_bytes()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)  # the os module config/atomic.py calls
    result = apply_edit(config_path, lambda t: add_lot(t, "ALAB", NEW_LOT))
    assert not result.written
    assert "catalysts.toml" in result.message and "disk is full" in result.message
    assert config_path.read_bytes() == before
    assert sorted(p.name for p in config_path.parent.iterdir()) == ["catalysts.toml"]


def test_apply_edit_rejects_an_invalid_edit(config_path: Path):
    before = config_path.read_bytes()
    fields = dict(NEW_CHECKPOINT, due="2027-13-01")
    with pytest.raises(ConfigError) as info:
        apply_edit(config_path, lambda t: add_checkpoint(t, "ALAB", fields))
    (issue,) = info.value.issues
    assert issue.key.endswith(".due") and issue.key.startswith("tickers.ALAB.checkpoints[")
    assert "'2027-13-01' is not a date" in issue.message
    assert issue.file == str(config_path)
    new_lines = lines(add_checkpoint(before.decode(), "ALAB", fields))
    assert new_lines[issue.line - 1] == 'due = "2027-13-01"\n'
    assert config_path.read_bytes() == before
    assert sorted(p.name for p in config_path.parent.iterdir()) == ["catalysts.toml"]


def test_apply_edit_refuses_when_the_current_file_is_invalid(config_path: Path):
    broken = config_path.read_text().replace("refresh = ", "refersh = ", 1)
    config_path.write_text(broken)
    with pytest.raises(ConfigError) as info:
        apply_edit(config_path, lambda t: add_lot(t, "ALAB", NEW_LOT))
    assert info.value.issues[0].key == "settings.refersh"
    assert config_path.read_text() == broken
    assert sorted(p.name for p in config_path.parent.iterdir()) == ["catalysts.toml"]
    with pytest.raises(ConfigError, match="file not found"):
        apply_edit(config_path.parent / "missing.toml", lambda t: t)


def test_apply_edit_keeps_an_external_change_made_after_loading(config_path: Path):
    loaded = load_config(config_path)
    assert "INTC" not in loaded.tickers
    with config_path.open("a") as handle:  # the user's editor, while the app is running
        handle.write('\n[tickers.INTC]\nname = "Intel"  # added in vim\n')
    result = apply_edit(config_path, lambda t: add_lot(t, "ALAB", NEW_LOT))
    text = config_path.read_text()
    assert 'name = "Intel"  # added in vim\n' in text
    assert {"INTC", "ALAB"} <= set(result.config.tickers)
    assert len(result.config.tickers["ALAB"].lots) == 2


# --------------------------------------------------------------------------------------------
# Fuzzing: any typed text gives a located ConfigError or an EditError, never a crash
# --------------------------------------------------------------------------------------------

typed = st.text(st.characters(exclude_categories=["Cs"]), max_size=24)
SYMBOLS = st.one_of(st.sampled_from(sorted(DATA["tickers"])), typed)


def _fields(names: tuple[str, ...]) -> st.SearchStrategy[dict[str, str]]:
    return st.fixed_dictionaries({}, optional={name: typed for name in names})


@pytest.mark.slow
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    ticker=_fields(cw.TICKER_FIELDS),
    lot=_fields(cw.LOT_FIELDS),
    checkpoint=_fields(cw.CHECKPOINT_FIELDS),
    symbol=SYMBOLS,
    checkpoint_id=st.one_of(st.sampled_from(ALAB_IDS), typed),
)
def test_typed_text_never_crashes(
    ticker: dict[str, str],
    lot: dict[str, str],
    checkpoint: dict[str, str],
    symbol: str,
    checkpoint_id: str,
):
    edits = [
        lambda t: add_ticker(t, ticker),
        lambda t: add_lot(t, symbol, lot),
        lambda t: add_checkpoint(t, symbol, checkpoint),
        lambda t: update_checkpoint(t, "ALAB", checkpoint_id, checkpoint),
        lambda t: remove_checkpoint(t, "ALAB", checkpoint_id),
        lambda t: remove_ticker(t, symbol),
    ]
    for number, edit in enumerate(edits):
        try:
            new = edit(ORIGINAL)
            if number < 3:  # inserts: the rest of the file is untouched
                one_block(ORIGINAL, new)
            parse_config(new)
        except (ConfigError, EditError):
            pass
    for form, fields in (("ticker", ticker), ("lot", lot), ("checkpoint", checkpoint)):
        errors = field_errors(form, fields, symbol=symbol, existing_ids=ALAB_IDS)
        assert all(isinstance(k, str) and isinstance(v, str) for k, v in errors.items())
