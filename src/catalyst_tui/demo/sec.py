"""The replay market's SEC EDGAR answers, in EDGAR's shapes (compared with the recorded ones in
tests/demo/test_shapes.py): the ticker → CIK map, a company's submissions (its filings, newest
first, in the columnar `filings.recent`), a filing's index page and documents, and companyfacts
(each quarter's figures as its 10-Q or 10-K reported them: the quarter and the year to date, a
10-K the fiscal year only).

Every company files its quarters: the results 8-K (items 2.02 and 9.01, its press release the
EX-99.1) the evening of the release, the 10-Q or 10-K the next session. Submissions list those
of the last FILED_QUARTERS quarters out by now."""

from __future__ import annotations

import json
from datetime import UTC, datetime, time, timedelta
from html import escape
from typing import TYPE_CHECKING, Any, NamedTuple

from ..reading.moments import NEW_YORK
from . import documents, xbrl
from .company import (
    Company,
    Statement,
    company,
    quarter_end,
    quarter_start,
    release_time,
    released,
    report_time,
    span_figure,
    statement,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

FILED_QUARTERS = 5  # submissions: the filings of this many quarters
FACT_QUARTERS = 12  # companyfacts: this many quarters
COLUMNS = (
    "accessionNumber",
    "filingDate",
    "reportDate",
    "acceptanceDateTime",
    "act",
    "form",
    "fileNumber",
    "filmNumber",
    "items",
    "core_type",
    "size",
    "isXBRL",
    "isInlineXBRL",
    "primaryDocument",
    "primaryDocDescription",
)
_EVEN = ' class="evenRow"'
ITEMS = {
    "2.02": "Results of Operations and Financial Condition",
    "9.01": "Financial Statements and Exhibits",
}


class Filing(NamedTuple):
    company: Company
    form: str  # 8-K, 10-Q, 10-K
    year: int
    quarter: int
    accepted: datetime  # UTC

    @property
    def sequence(self) -> str:
        """The accession's year and sequence: in the order the company files."""
        day = self.accepted.timetuple().tm_yday
        return f"{self.accepted.year % 100:02d}-{day * 10 + (1 if self.form == '8-K' else 2):06d}"

    @property
    def accession(self) -> str:
        return f"{self.company.cik:010d}-{self.sequence}"

    @property
    def folder(self) -> str:
        return f"/Archives/edgar/data/{self.company.cik}/{self.accession.replace('-', '')}"

    @property
    def filed(self) -> str:
        """EDGAR's filing date: New York's day, the next business day after 17:30."""
        local = self.accepted.astimezone(NEW_YORK)
        day = local.date() + timedelta(days=1 if local.time() > time(17, 30) else 0)
        while day.weekday() >= 5:
            day += timedelta(days=1)
        return day.isoformat()

    def documents(self) -> dict[str, tuple[str, str, str]]:
        """name -> (type, description, HTML), the primary document first."""
        base = f"{self.company.symbol.lower()}-{quarter_end(self.year, self.quarter):%Y%m%d}"
        if self.form == "8-K":
            release = documents.press_release(self.company.symbol, self.year, self.quarter)
            return {
                f"{base}-8k.htm": (
                    "8-K",
                    "8-K",
                    documents.cover_8k(self.company.symbol, self.year, self.quarter),
                ),
                f"{base}-ex991.htm": ("EX-99.1", "EX-99.1", release),
            }
        report = documents.periodic_report(self.company.symbol, self.year, self.quarter)
        return {f"{base}.htm": (self.form, self.form, report)}

    def data_files(self) -> dict[str, bytes]:
        """name -> body of the index's "Data Files": a 10-Q's or 10-K's XBRL instance (its
        revenue, and its product lines for ALAB: demo/xbrl.py)."""
        if self.form == "8-K":
            return {}
        body = xbrl.instance(self.company.symbol, self.year, self.quarter)
        base = f"{self.company.symbol.lower()}-{quarter_end(self.year, self.quarter):%Y%m%d}"
        return {f"{base}_htm.xml": body}

    def row(self) -> dict[str, Any]:
        docs = self.documents()
        primary = next(iter(docs))
        values = {
            "accessionNumber": self.accession,
            "filingDate": self.filed,
            "reportDate": (
                self.accepted.astimezone(NEW_YORK).date()
                if self.form == "8-K"
                else quarter_end(self.year, self.quarter)
            ).isoformat(),
            "acceptanceDateTime": self.accepted.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "act": "34",
            "form": self.form,
            "fileNumber": "001-41979",
            "filmNumber": self.sequence.replace("-", ""),
            "items": "2.02,9.01" if self.form == "8-K" else "",
            "core_type": self.form,
            "size": sum(len(html) for _, _, html in docs.values()),
            "isXBRL": 1,
            "isInlineXBRL": 1,
            "primaryDocument": primary,
            "primaryDocDescription": self.form,
        }
        return {column: values[column] for column in COLUMNS}


def filings(symbol: str, now: datetime) -> list[Filing]:
    """The company's filings out by `now`, newest first."""
    who = company(symbol)
    found = []
    for year, quarter in released(symbol, now, FILED_QUARTERS):
        found.append(Filing(who, "8-K", year, quarter, release_time(symbol, year, quarter)))
        reported = report_time(symbol, year, quarter)
        if reported <= now:
            form = "10-K" if quarter == 4 else "10-Q"
            found.append(Filing(who, form, year, quarter, reported))
    return sorted(found, key=lambda f: f.accepted, reverse=True)


def company_tickers(symbols: Iterable[str]) -> str:
    entries = {}
    for i, symbol in enumerate(sorted(symbols)):
        who = company(symbol)
        entries[str(i)] = {
            "cik_str": who.cik,
            "ticker": symbol.replace(".", "-"),
            "title": who.name,
        }
    return json.dumps(entries)


def submissions(symbol: str, now: datetime) -> str:
    who = company(symbol)
    rows = [f.row() for f in filings(symbol, now)]
    address = {
        "street1": "1 DEMO WAY",
        "street2": None,
        "city": "SANTA CLARA",
        "stateOrCountry": "CA",
        "zipCode": "95054",
        "stateOrCountryDescription": "CA",
        "isForeignLocation": 0,
        "foreignStateTerritory": None,
        "country": None,
        "countryCode": None,
    }
    body = {
        "cik": f"{who.cik:010d}",
        "entityType": "operating",
        "sic": "3674",
        "sicDescription": "Semiconductors & Related Devices",
        "ownerOrg": "04 Manufacturing",
        "insiderTransactionForOwnerExists": 1,
        "insiderTransactionForIssuerExists": 1,
        "name": who.name.upper(),
        "tickers": [symbol],
        "exchanges": ["Nasdaq"],
        "ein": "000000000",
        "lei": None,
        "description": "",
        "website": "",
        "investorWebsite": "",
        "category": "Large accelerated filer",
        "fiscalYearEnd": "1231",
        "stateOfIncorporation": "DE",
        "stateOfIncorporationDescription": "DE",
        "addresses": {"mailing": address, "business": address},
        "phone": "000-000-0000",
        "flags": "",
        "formerNames": [],
        "filings": {"recent": {c: [row[c] for row in rows] for c in COLUMNS}, "files": []},
    }
    return json.dumps(body)


def index_page(filing: Filing) -> str:
    """The filing's -index.html, in EDGAR's layout: its form, accession, filing date, the
    Accepted time (New York's clock), its items and the "Document Format Files" table."""
    docs = filing.documents()
    rows = "".join(
        f'<tr{_EVEN if seq % 2 == 0 else ""}><td scope="row">{seq}</td>'
        f'<td scope="row">{escape(description)}</td>'
        f'<td scope="row"><a href="{filing.folder}/{name}">{name}</a></td>'
        f'<td scope="row">{kind}</td><td scope="row">{len(html)}</td></tr>\n'
        for seq, (name, (kind, description, html)) in enumerate(docs.items(), 1)
    )
    items = (
        "".join(f"Item {n}: {t}<br />" for n, t in ITEMS.items()) if filing.form == "8-K" else ""
    )
    accepted = filing.accepted.astimezone(NEW_YORK).strftime("%Y-%m-%d %H:%M:%S")
    who = filing.company
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN"
"http://www.w3.org/TR/html4/loose.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>EDGAR Filing Documents for {filing.accession}</title></head>
<body style="margin: 0; font-size: 16px; ">
<div id="contentDiv"><div class="formDiv"><div id="formHeader">
<div id="formName"><strong>Form {filing.form}</strong> - Current report: </div>
<div id="secNum"><strong><acronym title="Securities and Exchange Commission">SEC</acronym>
Accession <acronym title="Number">No.</acronym></strong> {filing.accession}</div>
</div>
<div class="formContent">
<div class="formGrouping">
<div class="infoHead">Filing Date</div><div class="info">{filing.filed}</div>
<div class="infoHead">Accepted</div><div class="info">{accepted}</div>
<div class="infoHead">Documents</div><div class="info">{len(docs)}</div>
</div>
<div class="formGrouping"><div class="infoHead">Items</div><div class="info">{items}</div></div>
</div></div>
<div class="formDiv"><div><p>Document Format Files</p>
<table class="tableFile" summary="Document Format Files">
<tr><th scope="col" style="width: 5%;"><acronym title="Sequence Number">Seq</acronym></th>
<th scope="col" style="width: 40%;">Description</th>
<th scope="col" style="width: 20%;">Document</th><th scope="col" style="width: 10%;">Type</th>
<th scope="col">Size</th></tr>
{rows}</table></div>{_data_table(filing, len(docs))}</div>
<div class="filerDiv"><div class="companyInfo">
<span class="companyName">{escape(who.name.upper())} (Filer)
<acronym title="Central Index Key">CIK</acronym>: {who.cik:010d}</span></div></div>
</div></body></html>
"""


def _data_table(filing: Filing, after: int) -> str:
    """The index's "Data Files" table: the extracted XBRL instance, as EDGAR lists it."""
    files = filing.data_files()
    if not files:
        return ""
    rows = "".join(
        f'<tr><td scope="row">{seq}</td><td scope="row"><b>EXTRACTED</b> XBRL INSTANCE DOCUMENT'
        f'</td><td scope="row"><a href="{filing.folder}/{name}">{name}</a></td>'
        f'<td scope="row">XML</td><td scope="row">{len(body)}</td></tr>\n'
        for seq, (name, body) in enumerate(files.items(), after + 1)
    )
    return (
        '<div><p>Data Files</p><table class="tableFile" summary="Data Files">'
        '<tr><th scope="col">Seq</th><th scope="col">Description</th>'
        '<th scope="col">Document</th><th scope="col">Type</th><th scope="col">Size</th></tr>'
        f"\n{rows}</table></div>"
    )


def archive(symbols: Iterable[str], path: str, now: datetime) -> tuple[int, str]:
    """A document of a filing's folder, or its index page; 404 for anything else."""
    folder, _, name = path.rpartition("/")
    for symbol in symbols:
        for filing in filings(symbol, now):
            if filing.folder != folder:
                continue
            if name == f"{filing.accession}-index.html":
                return 200, index_page(filing)
            found = filing.documents().get(name)
            if found is not None:
                return 200, found[2]
            data = filing.data_files().get(name)
            if data is not None:
                return 200, data.decode()
    return 404, "<html><body>Not Found</body></html>"


# -- companyfacts --------------------------------------------------------------------------------

_CONCEPTS = {  # us-gaap concept -> (Statement figure, unit)
    "RevenueFromContractWithCustomerExcludingAssessedTax": ("revenue", "USD"),
    "CostOfRevenue": ("cost_of_revenue", "USD"),
    "GrossProfit": ("gross_profit", "USD"),
    "OperatingIncomeLoss": ("operating_income", "USD"),
    "NetIncomeLoss": ("net_income", "USD"),
    "EarningsPerShareDiluted": ("eps_diluted", "USD/shares"),
}


def companyfacts(symbol: str, now: datetime) -> str:
    """What the company's 10-Qs and 10-Ks out by `now` reported, in companyfacts' shape."""
    who = company(symbol)
    facts: dict[str, list[dict[str, Any]]] = {concept: [] for concept in _CONCEPTS}
    shares: list[dict[str, Any]] = []
    for year, quarter in released(symbol, now, FACT_QUARTERS + 1):
        accepted = report_time(symbol, year, quarter)
        if accepted > now:
            continue
        filing = Filing(who, "10-K" if quarter == 4 else "10-Q", year, quarter, accepted)
        for first, last in _spans(quarter):
            parts = [statement(symbol, year, q) for q in range(first, last + 1)]
            for concept, (figure, _unit) in _CONCEPTS.items():
                entry = {
                    "start": quarter_start(year, first).isoformat(),
                    "end": quarter_end(year, last).isoformat(),
                    "val": _value(figure, parts),
                    "accn": filing.accession,
                    "fy": year,
                    "fp": "FY" if quarter == 4 else f"Q{quarter}",
                    "form": filing.form,
                    "filed": filing.filed,
                }
                if first == last or (first, last) == (1, 4):  # SEC frames quarters and years
                    entry["frame"] = f"CY{year}" if first != last else f"CY{year}Q{quarter}"
                facts[concept].append(entry)
        shares.append(
            {
                "end": (accepted.astimezone(UTC).date() - timedelta(days=7)).isoformat(),
                "val": statement(symbol, year, quarter).basic_shares * 1000,
                "accn": filing.accession,
                "fy": year,
                "fp": "FY" if quarter == 4 else f"Q{quarter}",
                "form": filing.form,
                "filed": filing.filed,
            }
        )
    body = {
        "cik": who.cik,
        "entityName": who.name,
        "facts": {
            "dei": {
                "EntityCommonStockSharesOutstanding": {
                    "label": "Entity Common Stock, Shares Outstanding",
                    "units": {"shares": shares},
                }
            },
            "us-gaap": {
                concept: {"label": concept, "units": {unit: facts[concept]}}
                for concept, (_, unit) in _CONCEPTS.items()
            },
        },
    }
    return json.dumps(body)


def _spans(quarter: int) -> list[tuple[int, int]]:
    """The quarters a report's figures cover: a 10-Q the quarter and the year to date, a 10-K
    the year."""
    if quarter == 4:
        return [(1, 4)]
    return [(quarter, quarter)] + ([(1, quarter)] if quarter > 1 else [])


def _value(figure: str, parts: list[Statement]) -> float:
    value = span_figure(parts, figure)
    return value if figure.startswith("eps_") else value * 1000  # companyfacts: in dollars
