"""Small XBRL documents built in the tests, in the two forms EDGAR publishes (an XML instance, an
inline XBRL XHTML page), for shapes the recorded filings lack."""

from __future__ import annotations

NS = (
    'xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:xbrldi="http://xbrl.org/2006/xbrldi" '
    'xmlns:us-gaap="http://fasb.org/us-gaap/2024" xmlns:dei="http://xbrl.sec.gov/dei/2024" '
    'xmlns:srt="http://fasb.org/srt/2024" xmlns:iso4217="http://www.xbrl.org/2003/iso4217" '
    'xmlns:acme="http://acme.example/2024"'
)

QUARTER = ("2024-04-01", "2024-06-30")
HALF = ("2024-01-01", "2024-06-30")


def context(cid: str, span: tuple[str, str], *dims: tuple[str, str]) -> str:
    members = "".join(
        f'<xbrldi:explicitMember dimension="{axis}">{member}</xbrldi:explicitMember>'
        for axis, member in dims
    )
    segment = f"<xbrli:segment>{members}</xbrli:segment>" if dims else ""
    return (
        f'<xbrli:context id="{cid}"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov'
        f'/CIK">0000000001</xbrli:identifier>{segment}</xbrli:entity><xbrli:period>'
        f"<xbrli:startDate>{span[0]}</xbrli:startDate><xbrli:endDate>{span[1]}</xbrli:endDate>"
        "</xbrli:period></xbrli:context>"
    )


UNIT = '<xbrli:unit id="usd"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>'
PRODUCT = "srt:ProductOrServiceAxis"


def fact(concept: str, cid: str, value: str, decimals: str = "-6") -> str:
    return f'<{concept} contextRef="{cid}" unitRef="usd" decimals="{decimals}">{value}</{concept}>'


def instance(body: str, form: str = "10-Q", end: str = "2024-06-30", prolog: str = "") -> bytes:
    """An XML instance: the dei facts, a quarter's and a half year's contexts (c-q, c-h), a USD
    unit, then `body` (more contexts and facts)."""
    return (
        f'<?xml version="1.0" encoding="utf-8"?>{prolog}<xbrli:xbrl {NS}>'
        + context("c-q", QUARTER)
        + context("c-h", HALF)
        + UNIT
        + f'<dei:DocumentType contextRef="c-q">{form}</dei:DocumentType>'
        f'<dei:DocumentPeriodEndDate contextRef="c-q">{end}</dei:DocumentPeriodEndDate>'
        + body
        + "</xbrli:xbrl>"
    ).encode()


def inline(facts: str, contexts: str = "", end: str = "June\u00a030, 2024") -> bytes:
    """An inline XBRL page with the quarter's and half year's contexts and `facts` in its body."""
    return (
        '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml" '
        f'xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" '
        'xmlns:ixt="http://www.xbrl.org/inlineXBRL/transformation/2020-02-12" '
        f'xmlns:ixt4="http://www.xbrl.org/inlineXBRL/transformation/2010-04-20" {NS}>'
        '<body><div style="display:none"><ix:header><ix:hidden>'
        '<ix:nonNumeric name="dei:DocumentType" contextRef="c-q">10-Q</ix:nonNumeric>'
        '<ix:nonNumeric name="dei:DocumentPeriodEndDate" contextRef="c-q" '
        f'format="ixt:date-monthname-day-year-en">{end}</ix:nonNumeric>'
        "</ix:hidden><ix:resources>"
        + context("c-q", QUARTER)
        + context("c-h", HALF)
        + contexts
        + UNIT
        + "</ix:resources></ix:header></div>"
        f"<table><tr><td>{facts}</td></tr></table></body></html>"
    ).encode()


def figure(
    cid: str,
    text: str,
    fmt: str = "ixt:num-dot-decimal",
    scale: str = "6",
    sign: str = "",
    concept: str = "us-gaap:Revenues",
) -> str:
    signed = f' sign="{sign}"' if sign else ""
    return (
        f'<ix:nonFraction name="{concept}" contextRef="{cid}" unitRef="usd" decimals="-6" '
        f'format="{fmt}" scale="{scale}"{signed}>{text}</ix:nonFraction>'
    )
