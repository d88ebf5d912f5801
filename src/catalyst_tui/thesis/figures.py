"""A value and its threshold side by side, in one unit ($3.408B and $3.4089B, 51.4x and 200x,
69.1% and 70%): the threshold with every digit it was written with (`-15.46%`), the value with
its kind's own digits (69.1%, $1.54B, 3.29) and more only where fewer would contradict the
comparison a reason states (3.2875 < 3.29 is `3.288 < 3.29`, never `3.29 < 3.29`); and the
units money is written in ($1.25B, 412.3M CHF), which thesis/wording.py's `money` spells too.
thesis/wording.py's `compared` is the door (a word metric's figures are its words); the law is
tests/thesis/test_compared.py's.

A threshold is taken at its shortest decimal (`repr`, as it was written: 0.7 is 0.7, not the
0.6999999999999999556 it is stored as), a value at the float itself, rounded as `format` rounds
it (187.925 is 187.93 wherever it is shown). A float below another is below its shortest
decimal too, and the float equal to a threshold rounds to it at the threshold's own digits, so
a comparison that holds of the floats always finds its digits."""

from __future__ import annotations

import functools
from decimal import ROUND_HALF_EVEN, Decimal
from typing import TYPE_CHECKING, NamedTuple, cast

from .catalogue import METRICS, Unit
from .conditions import OPERATORS

if TYPE_CHECKING:
    from collections.abc import Callable

    from .catalogue import Metric


class Shown(NamedTuple):
    """A value and its threshold as shown: each a number in the unit both are written in."""

    value: Decimal
    threshold: Decimal


def decimal(number: float, exponent: int = 0) -> Decimal:
    """`number` × 10**exponent, exactly, from its shortest decimal (-0.0 is 0)."""
    return Decimal(repr(number)).scaleb(exponent) + 0


_QUANTA = [Decimal(1).scaleb(-places) for places in range(18)]


def rounded(number: Decimal, places: int) -> Decimal:
    """`number` to `places` decimals (half to even, as `format` rounds); never -0."""
    quantum = _QUANTA[places] if places < len(_QUANTA) else Decimal(1).scaleb(-places)
    shown = number.quantize(quantum, rounding=ROUND_HALF_EVEN)
    return shown.copy_abs() if shown == 0 else shown


def exact(number: Decimal) -> Decimal:
    """`number` with the decimals it needs and no more: 70.00 is 70, 15.460 is 15.46."""
    return rounded(number, _places(number))


def _places(number: Decimal) -> int:
    return max(0, -int(number.normalize().as_tuple().exponent))


@functools.lru_cache(maxsize=1024)
def _bound(threshold: float, exponent: int) -> Decimal:
    """A threshold shown exactly (a few thresholds are shown beside many values)."""
    return exact(decimal(threshold, exponent))


def shown_pair(value: float, op: str, threshold: float, exponent: int, places: int) -> Shown:
    """`value` and `threshold`, each × 10**exponent (2 for a percentage, -9 for billions): the
    threshold exact, the value to `places` decimals, or the fewest more that keep `value op
    threshold` true of the numbers shown. `op` is the comparison the reason states (the one
    that came out, `<` for a floor missed); one that does not hold of the figures themselves
    (a KPI stated as a range, settled by its words) is shown at `places`, as no digits make
    it true."""
    bound = _bound(threshold, exponent)
    said = Decimal(value).scaleb(exponent)  # the float itself, as `format` rounds it
    test = cast("Callable[[Decimal, Decimal], bool]", OPERATORS[op])  # operator's, any numbers
    shown = rounded(said, places)
    if test(shown, bound) or not OPERATORS[op](value, threshold):
        return Shown(shown, bound)
    for more in range(places + 1, _places(said) + 1):  # at all its digits it is itself
        shown = rounded(said, more)
        if test(shown, bound):
            return Shown(shown, bound)
    return Shown(said, bound)  # not reached


# -- units -------------------------------------------------------------------------------------


def unit_of(value: float) -> tuple[float, str, int]:
    """The unit money of `value`'s size is written in: its factor, letter and usual decimals
    (1e9, "B", 2: $1.25B; 1e6, "M", 1: $412.3M; 1e3, "K", 0: $950K; whole below a thousand)."""
    size = abs(value)
    for factor, unit, digits in ((1e9, "B", 2), (1e6, "M", 1), (1e3, "K", 0)):
        if size >= factor:
            return factor, unit, digits
    return 1.0, "", 0


def spelled_money(sign: str, number: str, unit: str, currency: str) -> str:
    """Money as it is written everywhere: $1.25B in dollars, 1.25B CHF in another currency,
    1.25B when the currency is not known ("")."""
    if currency == "USD":
        return f"{sign}${number}{unit}"
    return f"{sign}{number}{unit}" + (f" {currency}" if currency else "")


class Written(NamedTuple):
    """How a kind of figure is written: × 10**exponent, to `places` decimals, then `suffix`
    (% or x); money in its `unit` and `currency`, without trailing zeros ($1.5B)."""

    exponent: int
    places: int
    suffix: str = ""
    money: tuple[str, str] | None = None  # (unit, currency) of an amount of money

    def spell(self, number: Decimal) -> str:
        text = format(abs(number), ",f")
        sign = "-" if number < 0 else ""
        if self.money is None:
            return f"{sign}{text}{self.suffix}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return spelled_money(sign, text, *self.money)


def written(metric: str, size: float, value: float, currency: str | None) -> Written:
    """How `metric`'s figures are written beside each other, the larger of them `size`:
    percentages to a tenth, multiples to a tenth below 100, money in the unit of the larger
    (`currency` None: the metric's own), anything else to the cent (with `currency` if given)."""
    row: Metric | None = METRICS.get(metric)
    if row is not None and row.ratio:
        return Written(2, 1, "%")
    if row is not None and row.unit is Unit.MULTIPLE:
        return Written(0, 0 if abs(value) >= 100 else 1, "x")
    if row is not None and row.unit is Unit.MONEY and not row.per_share:
        factor, unit, places = unit_of(size)
        code = row.currency(None) if currency is None else currency
        return Written(-(len(f"{factor:.0f}") - 1), places, money=(unit, code))
    return Written(0, 2, f" {currency}" if currency else "")


def pair(
    metric: str, value: float, op: str, threshold: float, currency: str | None = None
) -> tuple[str, str]:
    """`value` and `threshold` of a number metric spelled side by side (`shown_pair`)."""
    how = written(metric, max(abs(value), abs(threshold)), value, currency)
    shown = shown_pair(value, op, threshold, how.exponent, how.places)
    return how.spell(shown.value), how.spell(shown.threshold)


def alone(metric: str, threshold: float, currency: str | None = None) -> str:
    """A number metric's threshold by itself, in its unit, with every digit it was written with."""
    how = written(metric, abs(threshold), threshold, currency)
    return how.spell(_bound(threshold, how.exponent))
