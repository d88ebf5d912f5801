"""A provider's answer as Python's values, the one home of the coercers every transform uses:
its JSON decoded (`decode_json`), a JSON value as a price (`positive`), a number that may be
zero or below (`number`), a whole number (`whole`), epoch seconds as a moment (`epoch`), a CSV
field as a number (`number_text`). Each gives None for what is not such a value and FetchError
"bad_body" for what no answer may hold; whether a value is in range for its record is
market/bounds.py's (the `checked_*` gates).

- JSON: no NaN, Infinity or number beyond a float's range (1e400), an integer beyond 64 bits
  read as a float, no nesting deep enough to exhaust the stack (a RecursionError); a lone
  surrogate (`"\\ud800"`) in a string becomes U+FFFD (text.py), so no text of an answer stops
  a store, a log or a terminal.
"""

from __future__ import annotations

import contextlib
import json
import math
import re
from datetime import UTC, datetime
from typing import Any

from ..text import well_formed_json
from .models import FetchError

__all__ = ["decode_json", "epoch", "number", "number_text", "positive", "whole"]

_MAX_INT = 2**63
_EPOCH_SECONDS = (0.0, datetime(9999, 12, 31, tzinfo=UTC).timestamp())
_INF = float("inf")


class _Rejected(ValueError):
    """A number JSON may spell but no answer may hold."""


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Rejected(f"number {text[:40]} beyond a float's range")
    return value


def _bounded_int(text: str) -> int | float:
    """An integer within 64 bits; a longer one as a float, whose range the record's check says
    (the value is named there: "volume 1e+30 is out of range")."""
    value = int(text)
    return value if -_MAX_INT < value < _MAX_INT else _finite_float(text)


def _no_constant(text: str) -> float:
    raise _Rejected(f"{text} is not a number an answer may hold")


# What only the number hooks can judge: an integer part of 19 digits or more (it may pass 64
# bits, or a float's range) and a three-digit exponent. A body without either (nearly all) is
# decoded by orjson (a quarter of json's time on a quote batch), and by json with the hooks
# where orjson refuses it. Found by one bytes.translate (every digit a 0, 'E' an 'e', signs
# dropped: "1E+300" reads "0e000") and substring searches; digits after a '.' are a fraction.
_DIGITS = bytes.maketrans(b"123456789E", b"000000000e")
_LONG = b"0" * 19
_EXPONENT = b"0e000"
_RUN = re.compile(rb"0*")


def _risky(body: str | bytes) -> bool:
    raw = body.encode("utf-8", "surrogatepass") if isinstance(body, str) else body
    shape = raw.translate(_DIGITS, b"+-")
    if _EXPONENT in shape:
        return True
    at = shape.find(_LONG)
    while at >= 0:
        if at == 0 or shape[at - 1] != 0x2E:  # not after a '.': an integer part
            return True
        at = shape.find(_LONG, _RUN.match(shape, at).end())  # type: ignore[union-attr]
    return False


def decode_json(body: str | bytes, provider: str, symbol: str | None = None) -> Any:
    """The decoded JSON of an answer; FetchError "bad_body" when it is not JSON, holds a
    non-finite or out-of-range number, or nests too deep to decode."""
    import orjson  # loaded by the first answer (or the sparklines' closes: store/views.py)

    risky = _risky(body)
    with contextlib.suppress(orjson.JSONDecodeError):  # NaN, lone surrogates...: read below
        if not risky:
            return orjson.loads(body)
    try:
        if not risky:
            data = json.loads(body, parse_constant=_no_constant)
        else:
            data = json.loads(
                body,
                parse_float=_finite_float,
                parse_int=_bounded_int,
                parse_constant=_no_constant,
            )
    except _Rejected as exc:
        raise FetchError("bad_body", f"the answer holds {exc}", provider, symbol) from None
    except RecursionError:
        raise FetchError(
            "bad_body", "the answer nests too deep to read", provider, symbol
        ) from None
    except (ValueError, UnicodeDecodeError):  # JSONDecodeError is a ValueError
        raise FetchError(
            "bad_body", "the answer is not valid JSON (cut off?)", provider, symbol
        ) from None
    return well_formed_json(data, body)


def epoch(value: object, provider: str, symbol: str | None) -> datetime | None:
    """Epoch seconds as an aware UTC datetime; None when absent or not a number. FetchError for
    a number no date can be (before 1970, after 9999, not finite)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if not _EPOCH_SECONDS[0] <= value <= _EPOCH_SECONDS[1]:  # also False for NaN
        raise FetchError("bad_body", f"timestamp {value!r} is no date", provider, symbol)
    return datetime.fromtimestamp(value, UTC)


def number_text(text: str | None, provider: str, symbol: str | None) -> float | None:
    """A CSV field as a float; None when empty or not a number ("N/D"); FetchError when it
    spells a non-finite one ("nan", "inf", "1e400")."""
    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    if not math.isfinite(value):
        raise FetchError(
            "bad_body", f"{text.strip()!r} is not a number an answer may hold", provider, symbol
        )
    return value


def positive(value: object) -> float | None:
    """A finite JSON number > 0, else None (0, null, a string, NaN, booleans). How large it may
    be is for market/bounds.py to say, where the record is made."""
    if type(value) is float:  # what JSON decodes nearly every price to: one test, not four
        return value if 0 < value < _INF else None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        number = float(value)
    except OverflowError:  # an integer beyond a float: decode_json never lets one through
        return None
    return number if 0 < number < _INF else None


def number(value: object) -> float | None:
    """A JSON number as a float, else None (null, a string, booleans); a change may be zero or
    below. decode_json has refused the non-finite ones."""
    if type(value) is float:
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def whole(value: object) -> int | None:
    """A JSON number as a whole number (a volume, epoch seconds, an offset), else None."""
    if type(value) is int:  # a volume, a timestamp: JSON's integers
        return value
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return int(value)
