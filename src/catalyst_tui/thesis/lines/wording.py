"""Why a product line's metric has no value, in words: thesis/wording.py's `missing_text` for the
codes of thesis/lines/metrics.py, in a module of their own beside it (wording.py is at its size)."""

from __future__ import annotations

from ..observation import Missing, MissingCode

#: The sentences that name the symbol and the line.
_SENTENCES = {
    MissingCode.NO_LINE_SPLITS: "no 10-Q or 10-K of {symbol} read for product lines yet",
    MissingCode.NO_PRODUCT_LINES: "{symbol}'s filings state no revenue by product line",
    MissingCode.ONE_LINE: "{line} is the only product line {symbol}'s filings state",
    MissingCode.SUM_OF_LINES: "{line} is the sum of other lines {symbol}'s filings state: "
    "name one of them",
}
LINE_CODES = frozenset(
    {
        *_SENTENCES,
        MissingCode.UNKNOWN_LINE,
        MissingCode.NO_LINE_TOTAL,
        MissingCode.NO_LINE_YEAR_EARLIER,
    }
)


def line_missing_text(missing: Missing, quarter: str) -> str:
    """The sentence of a line code; `quarter`, the period in words ("quarter ended 2026-09-30")."""
    code, symbol, line = missing.code, missing.symbol, missing.text
    if code in _SENTENCES:
        return _SENTENCES[code].format(symbol=symbol, line=line)
    if code == MissingCode.UNKNOWN_LINE:
        return f"the {quarter} of {symbol} names no line {line!r} ({', '.join(missing.symbols)}?)"
    if code == MissingCode.NO_LINE_TOTAL:
        return f"no total revenue for the {quarter} of {symbol}"
    return f"no revenue of {line} a year before for the {quarter} of {symbol}"
