"""A tool's arguments: each one's JSON Schema, with its bounds, declared once (what `tools/list`
shows the client), and the one reader that holds a call's arguments to it. A value out of its
bounds is a `BadArguments` that names the argument and says what it takes; the value given is
quoted cut short and printable, never read as anything but data.

The schemas use a small part of JSON Schema, every keyword of which `read_arguments` enforces:
`type` (string, integer, boolean), `maxLength`, `pattern` (anchored character classes: linear),
`enum`, `minimum`, `maximum`, `format: date` (an ISO day within `DAYS`), `required` and
`additionalProperties: false`."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..text import printable

#: The days a date argument may name: none before SEC's full-text era, none past next year.
DAYS = (dt.date(1993, 1, 1), dt.date(dt.date.today().year + 1, 12, 31))
SHOWN_CHARS = 40  # of a bad value quoted back

SYMBOL = {
    "type": "string",
    "description": "a ticker of this thesis, as catalysts.toml writes it (ALAB, SMMCHA.SW)",
    "pattern": r"^[A-Za-z0-9][A-Za-z0-9.\-^=]{0,19}$",
    "maxLength": 20,
}
CHECKPOINT = {
    "type": "string",
    "description": "a checkpoint's id in the ticker's thesis (gross-margin-floor)",
    "pattern": r"^[a-z0-9][a-z0-9_\-]{0,63}$",
    "maxLength": 64,
}
DAY = {
    "type": "string",
    "format": "date",
    "description": f"a day, YYYY-MM-DD, from {DAYS[0].isoformat()}",
    "pattern": r"^\d{4}-\d{2}-\d{2}$",
    "maxLength": 10,
}
CURSOR = {
    "type": "string",
    "description": "the next_cursor of the page before, to go on; leave out for the first page",
    "pattern": r"^[A-Za-z0-9_\-]{1,64}$",
    "maxLength": 64,
}


class BadArguments(ValueError):
    """A call's arguments out of their schema: the message names the argument and its bounds."""


def schema(properties: dict[str, dict[str, Any]], *required: str) -> dict[str, Any]:
    """A tool's input schema: these properties, `required` among them, no other."""
    return {
        "type": "object",
        "properties": properties,
        "required": list(required),
        "additionalProperties": False,
    }


def read_arguments(declared: dict[str, Any], given: dict[str, Any] | None) -> dict[str, Any]:
    """`given` held to `declared`: the arguments, a date as a `datetime.date`; BadArguments for
    the first one out of its bounds (an unknown name, one missing, a wrong type, a value out of
    range or of another shape)."""
    given = dict(given or {})
    properties: dict[str, dict[str, Any]] = declared["properties"]
    unknown = sorted(set(given) - set(properties))
    if unknown:
        names = ", ".join(_shown(name) for name in unknown)
        takes = ", ".join(properties) or "no arguments"
        raise BadArguments(f"{names}: not an argument of this tool (it takes {takes})")
    for name in declared.get("required", ()):
        if given.get(name) is None:
            raise BadArguments(f"{name}: required ({properties[name]['description']})")
    return {
        name: _value(name, properties[name], value)
        for name, value in given.items()
        if value is not None
    }


def _value(name: str, rule: dict[str, Any], value: Any) -> Any:
    kind = rule["type"]
    if kind == "boolean":
        if not isinstance(value, bool):
            raise BadArguments(f"{name}: true or false, not {_shown(value)}")
        return value
    if kind == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            raise BadArguments(f"{name}: a whole number, not {_shown(value)}")
        low, high = rule.get("minimum"), rule.get("maximum")
        if (low is not None and value < low) or (high is not None and value > high):
            raise BadArguments(f"{name}: from {low} to {high}, not {value}")
        return value
    if not isinstance(value, str):
        raise BadArguments(f"{name}: a string, not {_shown(value)}")
    if len(value) > rule.get("maxLength", len(value)):
        raise BadArguments(
            f"{name}: at most {rule['maxLength']} characters ({rule['description']})"
        )
    if "enum" in rule and value not in rule["enum"]:
        raise BadArguments(f"{name}: one of {', '.join(rule['enum'])}, not {_shown(value)}")
    if "pattern" in rule and re.fullmatch(rule["pattern"], value) is None:
        raise BadArguments(f"{name}: {rule['description']}, not {_shown(value)}")
    if rule.get("format") == "date":
        return _day(name, value)
    return value


def _day(name: str, value: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise BadArguments(f"{name}: no such day as {_shown(value)} (YYYY-MM-DD)") from None
    first, last = DAYS
    if not first <= day <= last:
        raise BadArguments(f"{name}: from {first.isoformat()} to {last.isoformat()}, not {day}")
    return day


def _shown(value: object) -> str:
    """A value given, quoted for a message: printable, cut at SHOWN_CHARS."""
    text = printable(value if isinstance(value, str) else repr(value))
    cut = text[:SHOWN_CHARS] + ("…" if len(text) > SHOWN_CHARS else "")
    return f"“{cut}”"
