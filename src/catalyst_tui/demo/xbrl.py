"""The replay market's XBRL instance of a 10-Q or 10-K (`alab-20260930_htm.xml`, listed in the
filing index's "Data Files" as EDGAR lists the instance it extracts from an inline filing):
the project's own data, in the shape reading/xbrl reads. ALAB's revenue is split into its four
product lines (Aries, Scorpio, Taurus, Leo) that add up to the quarter's revenue; Scorpio's share
grows a quarter at a time, so it becomes the largest line in 2026, as the bundled thesis has it.
A 10-K's lines are its four quarters' sums. Other companies' instances state their revenue and
no product lines."""

from __future__ import annotations

from html import escape

from .company import quarter_end, quarter_start, statement

#: The companies whose filings state revenue by product line, and their lines.
LINES = {"ALAB": ("Aries", "Scorpio", "Taurus", "Leo")}
_FIRST = 2024 * 4  # 2024 Q1: Scorpio's first quarter of the story


def line_shares(year: int, quarter: int) -> dict[str, float]:
    """ALAB's lines' shares of a quarter's revenue: Scorpio 12% in 2024 Q1, 3.5 points more a
    quarter up to 48% (never the sum of the others); Taurus 11%, Leo 7%; Aries the rest."""
    steps = max(0, year * 4 + quarter - 1 - _FIRST)
    scorpio = min(0.12 + 0.035 * steps, 0.48)
    return {"Scorpio": scorpio, "Taurus": 0.11, "Leo": 0.07, "Aries": 1 - scorpio - 0.18}


def quarter_lines(symbol: str, year: int, quarter: int) -> dict[str, int]:
    """Each line's revenue in the quarter, in dollars, adding up to its revenue exactly (none for
    a company not in LINES)."""
    if symbol not in LINES:
        return {}
    total = statement(symbol, year, quarter).revenue * 1000
    shares = line_shares(year, quarter)
    found = {name: int(round(total * shares[name], -3)) for name in LINES[symbol][1:]}
    return {LINES[symbol][0]: total - sum(found.values()), **found}


def instance(symbol: str, year: int, quarter: int) -> bytes:
    """The XBRL instance of the company's 10-Q for the quarter (its 10-K for quarter 4: the
    year): its revenue, and its product lines' for a company in LINES."""
    quarters = range(1, 5) if quarter == 4 else range(quarter, quarter + 1)
    start, end = quarter_start(year, quarters[0]), quarter_end(year, quarters[-1])
    lines = {name: 0 for name in LINES.get(symbol, ())}
    for q in quarters:
        for name, revenue in quarter_lines(symbol, year, q).items():
            lines[name] += revenue
    total = sum(statement(symbol, year, q).revenue * 1000 for q in quarters)
    prefix, form = symbol.lower(), "10-K" if quarter == 4 else "10-Q"
    period = (
        f"<xbrli:period><xbrli:startDate>{start}</xbrli:startDate>"
        f"<xbrli:endDate>{end}</xbrli:endDate></xbrli:period>"
    )

    def context(cid: str, member: str = "") -> str:
        dims = (
            (
                f'<xbrli:segment><xbrldi:explicitMember dimension="srt:ProductOrServiceAxis">'
                f"{member}</xbrldi:explicitMember></xbrli:segment>"
            )
            if member
            else ""
        )
        return (
            f'<xbrli:context id="{cid}"><xbrli:entity><xbrli:identifier '
            f'scheme="http://www.sec.gov/CIK">{symbol}</xbrli:identifier>{dims}'
            f"</xbrli:entity>{period}</xbrli:context>"
        )

    def fact(cid: str, value: int) -> str:
        return (
            f'<us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax contextRef="{cid}" '
            f'unitRef="usd" decimals="-3">{value}'
            "</us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax>"
        )

    parts = [
        context("c"),
        '<xbrli:unit id="usd"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>',
        f'<dei:DocumentType contextRef="c">{form}</dei:DocumentType>',
        f'<dei:DocumentPeriodEndDate contextRef="c">{end}</dei:DocumentPeriodEndDate>',
        fact("c", total),
    ]
    for name, revenue in lines.items():
        cid = f"c-{name.lower()}"
        parts += [context(cid, f"{prefix}:{escape(name)}Member"), fact(cid, revenue)]
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<xbrli:xbrl '
        'xmlns:xbrli="http://www.xbrl.org/2003/instance" '
        'xmlns:xbrldi="http://xbrl.org/2006/xbrldi" '
        'xmlns:us-gaap="http://fasb.org/us-gaap/2024" xmlns:dei="http://xbrl.sec.gov/dei/2024" '
        'xmlns:srt="http://fasb.org/srt/2024" xmlns:iso4217="http://www.xbrl.org/2003/iso4217" '
        f'xmlns:{prefix}="http://demo.example/{prefix}/2024">\n'
        + "\n".join(parts)
        + "\n</xbrli:xbrl>\n"
    ).encode()
