"""SEC EDGAR filings: which 10-K, 10-Q and 8-K a company filed, and the documents of one filing.

Pure functions, no I/O: the fetching code hands over the response bodies.

- `https://data.sec.gov/submissions/CIK##########.json` is columnar: `filings.recent` holds
  parallel arrays (row i across every column), older rows are in pages named in
  `filings.files[]` (`CIK##########-submissions-001.json`), each a bare object of the same
  arrays. Columns get added over time, so they are read by name; a row with a missing or bad
  value in a column this module needs is skipped.
- A filing's `-index.html` and its documents: `reading/filing_index.py` (its names are importable
  from here).

`acceptanceDateTime` ("2026-01-02T14:20:13.000Z") ends in `Z`, and for most rows of the recorded
answers it is UTC: NVIDIA's earnings 8-Ks read 20:21Z in summer and 21:21Z in winter (16:20 ET
both), Tesla's delivery 8-Ks 13:05Z (09:05 ET, before the open, as they came out), a 10-K filed
2020-07-30 says 2020-07-31T00:44:46Z (20:44 ET the evening before). Some rows hold the Eastern wall
clock instead (an 8-K at 21:49Z filed the next day: 21:49 ET, after the 17:30 cut-off).
`read_acceptance` reads a `Z` as UTC, and the wall clock as Eastern only where the UTC reading
breaks EDGAR's rules and the Eastern one keeps them; whatever it reads, never after the filing
date (see there). `parse_index_accepted` reads the index page's time, which is always Eastern,
and the evidence job prefers it where it reads the index.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

from ...reading.filing_index import (
    EASTERN,
    FilingsFormatError,
    IndexDocument,
    exhibits,
    parse_filing_index,
    parse_index_accepted,
)
from .tickers import json_object

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

__all__ = [
    "EASTERN",
    "EVIDENCE_ITEMS",
    "FILING_FORMS",
    "ITEM_NAMES",
    "Filing",
    "FilingsFormatError",
    "IndexDocument",
    "exhibits",
    "parse_filing_index",
    "parse_index_accepted",
    "parse_submissions",
    "parse_submissions_page",
    "read_acceptance",
]

FILING_FORMS = ("10-K", "10-Q", "8-K")
EVIDENCE_ITEMS = ("2.02", "7.01", "8.01")  # results, Regulation FD, other events: press releases

# Form 8-K's item numbers and their names, as Form 8-K itself words them.
ITEM_NAMES: dict[str, str] = {
    "1.01": "Entry into a Material Definitive Agreement",
    "1.02": "Termination of a Material Definitive Agreement",
    "1.03": "Bankruptcy or Receivership",
    "1.04": "Mine Safety - Reporting of Shutdowns and Patterns of Violations",
    "1.05": "Material Cybersecurity Incidents",
    "2.01": "Completion of Acquisition or Disposition of Assets",
    "2.02": "Results of Operations and Financial Condition",
    "2.03": "Creation of a Direct Financial Obligation or an Obligation under an Off-Balance "
    "Sheet Arrangement of a Registrant",
    "2.04": "Triggering Events That Accelerate or Increase a Direct Financial Obligation or an "
    "Obligation under an Off-Balance Sheet Arrangement",
    "2.05": "Costs Associated with Exit or Disposal Activities",
    "2.06": "Material Impairments",
    "3.01": "Notice of Delisting or Failure to Satisfy a Continued Listing Rule or Standard; "
    "Transfer of Listing",
    "3.02": "Unregistered Sales of Equity Securities",
    "3.03": "Material Modification to Rights of Security Holders",
    "4.01": "Changes in Registrant's Certifying Accountant",
    "4.02": "Non-Reliance on Previously Issued Financial Statements or a Related Audit Report "
    "or Completed Interim Review",
    "5.01": "Changes in Control of Registrant",
    "5.02": "Departure of Directors or Certain Officers; Election of Directors; Appointment of "
    "Certain Officers; Compensatory Arrangements of Certain Officers",
    "5.03": "Amendments to Articles of Incorporation or Bylaws; Change in Fiscal Year",
    "5.04": "Temporary Suspension of Trading Under Registrant's Employee Benefit Plans",
    "5.05": "Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the "
    "Code of Ethics",
    "5.06": "Change in Shell Company Status",
    "5.07": "Submission of Matters to a Vote of Security Holders",
    "5.08": "Shareholder Director Nominations",
    "6.01": "ABS Informational and Computational Material",
    "6.02": "Change of Servicer or Trustee",
    "6.03": "Change in Credit Enhancement or Other External Support",
    "6.04": "Failure to Make a Required Distribution",
    "6.05": "Securities Act Updating Disclosure",
    "7.01": "Regulation FD Disclosure",
    "8.01": "Other Events",
    "9.01": "Financial Statements and Exhibits",
}

# EDGAR accepts filings 06:00-22:00 ET; one accepted after 17:30 ET is filed the next business day
# (Regulation S-T 13(a)(4)); a few minutes' slack for a submission begun before the cut-off.
_EDGAR_OPENS, _EDGAR_CLOSES = time(6, 0), time(22, 5)
_CUT_OFF_LATEST, _CUT_OFF_EARLIEST = time(17, 45), time(17, 15)
_NEXT_BUSINESS_DAY = timedelta(days=5)  # a Friday evening before a Monday holiday: 4 days
_ACCEPTED = re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.\d{1,6})?Z?")
_ACCESSION = re.compile(r"\d{10}-\d\d-\d{6}")
_PAGE_NAME = re.compile(r"[A-Za-z0-9._-]+\.json")
_NEEDED = ("accessionNumber", "form", "filingDate", "acceptanceDateTime", "primaryDocument")


class Filing(NamedTuple):
    """One 10-K, 10-Q or 8-K; `accepted` is aware, in America/New_York (see read_acceptance)."""

    cik: str  # 10 digits, zero-padded
    accession: str  # "0001045810-25-000209"
    form: str
    items: tuple[str, ...]  # ("2.02", "9.01"); () when none
    accepted: datetime
    filed: date
    report_date: date | None
    primary_document: str

    @property
    def item_text(self) -> str:
        """ "2.02 Results of Operations and Financial Condition, 9.01 Financial ..." or ""."""
        return ", ".join(f"{i} {ITEM_NAMES[i]}" if i in ITEM_NAMES else i for i in self.items)

    def folder_url(self, archives_url: str) -> str:
        folder = self.accession.replace("-", "")
        return f"{archives_url}/Archives/edgar/data/{int(self.cik)}/{folder}"

    def index_url(self, archives_url: str) -> str:
        return f"{self.folder_url(archives_url)}/{self.accession}-index.html"

    def document_url(self, archives_url: str, name: str) -> str:
        return f"{self.folder_url(archives_url)}/{name}"

    @property
    def wants_exhibits(self) -> bool:
        """An 8-K whose press release (EX-99) may carry evidence: items 2.02, 7.01 or 8.01."""
        return self.form == "8-K" and any(i in EVIDENCE_ITEMS for i in self.items)

    @property
    def wants_primary(self) -> bool:
        """A 10-Q or 10-K: the evidence is in the primary document itself."""
        return self.form in ("10-Q", "10-K")


# --- submissions ------------------------------------------------------------------------------


def parse_submissions(body: bytes | str, cik: str) -> tuple[list[Filing], list[str]]:
    """The 10-K, 10-Q and 8-K filings of a submissions answer's `filings.recent`, newest first,
    and the names of its older pages (`filings.files[].name`), to fetch and give to
    `parse_submissions_page`.

    Only those exact forms: amendments (10-Q/A, 8-K/A), 8-K12B and NT 10-K are left out. Rows
    with a missing or bad value in a needed column are skipped; a repeated accession is kept
    once. Raises FilingsFormatError when the body is not a submissions answer (not JSON, an HTML
    page, no `filings.recent` object, a needed column missing or not a list) or is another
    company's (`cik` differs).
    """
    number = _cik(cik)
    data = json_object(body, "submissions", FilingsFormatError)
    if "cik" in data and _same_cik(data["cik"], number) is False:
        raise FilingsFormatError(f"submissions are for CIK {data['cik']!r}, not {number}")
    filings = data.get("filings")
    if not isinstance(filings, dict):
        raise FilingsFormatError("submissions body has no 'filings' object")
    recent = filings.get("recent")
    if not isinstance(recent, dict):
        raise FilingsFormatError("submissions body has no 'filings.recent' object")
    files = filings.get("files", [])
    if not isinstance(files, list):
        raise FilingsFormatError(f"'filings.files' is a {type(files).__name__}, not a list")
    pages = [
        page["name"]
        for page in files
        if isinstance(page, dict)
        and isinstance(page.get("name"), str)
        and _PAGE_NAME.fullmatch(page["name"])
    ]
    return _filings(recent, number), pages


def parse_submissions_page(body: bytes | str, cik: str) -> list[Filing]:
    """The 10-K, 10-Q and 8-K filings of an older submissions page (a bare object of the same
    columns as `filings.recent`), newest first; the rules of parse_submissions."""
    number = _cik(cik)
    return _filings(json_object(body, "submissions page", FilingsFormatError), number)


def read_acceptance(value: str, filed: date, form: str = "8-K") -> datetime | None:
    """`acceptanceDateTime` as an aware datetime in America/New_York; None if unreadable (a
    date no calendar holds, year 1 or 9999 included: its time zone cannot be computed).

    A value ending in `Z` is read as UTC, unless that reading breaks EDGAR's rules while the
    Eastern reading of the wall clock keeps them; one without `Z` is Eastern. The rules: EDGAR
    accepts filings from 06:00 to 22:00 ET, and a filing (other than forms 3, 4, 5) accepted
    after 17:30 ET is filed on the next business day. So "2025-08-27T20:22:14.000Z" for an
    8-K filed 2025-08-27 is 16:22 EDT, "...T01:08:43Z" is 21:08 the evening before, and
    "2020-04-24T18:27:19Z" for an 8-K filed the next business day is 18:27 ET (14:27 would have
    been filed that day). A time that neither reading fits stays UTC's ("2020-07-30T22:49:46Z",
    an 8-K filed that day: 18:49 ET); and none is ever after the filing date: such a reading is
    the filing date's first moment. A time days away from the filing date (more than EDGAR's
    rules allow: year 9999 for a filing of 2026) is no acceptance time: None.
    """
    text = value.strip() if isinstance(value, str) else ""
    match = _ACCEPTED.fullmatch(text)
    if match is None:
        return None
    try:
        first, last = filed - _NEXT_BUSINESS_DAY, filed + _NEXT_BUSINESS_DAY
    except OverflowError:  # a filing date at the calendar's ends: no acceptance time fits it
        return None
    try:
        wall = datetime(*(int(part) for part in match.groups()))  # type: ignore[arg-type]
        eastern = wall.replace(tzinfo=EASTERN)
        utc = wall.replace(tzinfo=UTC).astimezone(EASTERN)
        eastern.utcoffset()  # the zone's rules for this year: OverflowError at the calendar's ends
    except (ValueError, OverflowError):
        return None
    if not text.endswith("Z"):
        found = eastern
    elif _plausible(utc, filed, form) or not _plausible(eastern, filed, form):
        found = utc
    else:
        found = eastern
    if not first <= found.date() <= last:
        return None
    if found.date() > filed:
        return datetime.combine(filed, time(), EASTERN)
    return found


def _plausible(accepted: datetime, filed: date, form: str) -> bool:
    clock, day = accepted.time(), accepted.date()
    if not _EDGAR_OPENS <= clock < _EDGAR_CLOSES:
        return False
    if form.removesuffix("/A") in ("3", "4", "5"):  # Section 16: filed that day until 22:00
        return day == filed
    if day == filed:
        return clock < _CUT_OFF_LATEST
    return day < filed <= day + _NEXT_BUSINESS_DAY and clock >= _CUT_OFF_EARLIEST


def _filings(columns: Mapping[str, Any], cik: str) -> list[Filing]:
    for name in _NEEDED:
        if name not in columns:
            raise FilingsFormatError(f"submissions column {name!r} is missing")
    for name in (*_NEEDED, "items", "reportDate"):
        if name in columns and not isinstance(columns[name], list):
            kind = type(columns[name]).__name__
            raise FilingsFormatError(f"submissions column {name!r} is a {kind}, not a list")
    accessions, forms = columns["accessionNumber"], columns["form"]
    filed_col, accepted_col = columns["filingDate"], columns["acceptanceDateTime"]
    primary_col = columns["primaryDocument"]
    items_col, report_col = columns.get("items", []), columns.get("reportDate", [])
    seen: set[str] = set()
    result: list[Filing] = []
    for i, form in enumerate(forms):
        if form not in FILING_FORMS:
            continue
        try:  # whatever one row holds, it spoils that row alone
            accession = _at(accessions, i)
            filed = _date(_at(filed_col, i))
            primary = _at(primary_col, i)
            if not isinstance(accession, str) or not _ACCESSION.fullmatch(accession):
                continue
            if filed is None or not isinstance(primary, str) or not primary.strip():
                continue
            accepted = read_acceptance(_at(accepted_col, i), filed, form)
            if accepted is None or accession in seen:
                continue
            filing = Filing(
                cik,
                accession,
                form,
                _items(_at(items_col, i)),
                accepted,
                filed,
                _date(_at(report_col, i)),
                primary.strip(),
            )
        except (ValueError, TypeError, OverflowError):
            continue
        seen.add(accession)
        result.append(filing)
    result.sort(key=lambda f: (f.filed, f.accepted), reverse=True)
    return result


def _at(column: Sequence[Any], i: int) -> Any:
    return column[i] if i < len(column) else None


def _date(raw: Any) -> date | None:
    if not isinstance(raw, str) or len(raw) != 10:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        return None


def _items(raw: Any) -> tuple[str, ...]:
    if not isinstance(raw, str):
        return ()
    return tuple(part.strip() for part in raw.split(",") if part.strip())


def _cik(cik: str) -> str:
    text = str(cik).strip()
    if not text.isdecimal() or not 0 < int(text) < 10**10:
        raise ValueError(f"a CIK is up to 10 digits, not {cik!r}")
    return f"{int(text):010d}"


def _same_cik(raw: Any, cik: str) -> bool | None:
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw == int(cik)
    if isinstance(raw, str) and raw.strip().isdecimal():
        return int(raw) == int(cik)
    return None  # unreadable: not a reason to refuse the body
