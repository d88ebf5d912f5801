"""`catalyst report SYMBOL` in process on a real database whose thesis has a hostile title:
the HTML is one self-contained file (read by html.parser: no script, no href or src, CSS inline,
the chart an inline SVG with one marker per event of the timeline), every text escaped; the
Markdown names the checkpoints, quotes the passage with its link, and gives the latest release
against its guide and the Street's consensus frozen before it (computed here); an unknown
ticker and an unwritable -o are refused in a line."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from catalyst_tui.config import load_config
from catalyst_tui.jobs.evidence_match import match_evidence
from catalyst_tui.market.estimates import Consensus, Estimates, Range
from catalyst_tui.market.models import Bar, EarningsDate
from catalyst_tui.market.sec.filings import Filing
from catalyst_tui.reading.documents import html_to_text
from catalyst_tui.store import Store
from catalyst_tui.store.records import NewDocument
from tests.support import cli_inline

from ..jobs.test_evidence_e2e import PRESS_RELEASE
from ..support.releases import AlabQuarter, store_alab_releases

# A right-to-left override (as TOML spells it) first: the report shows the text as stored.
HOSTILE = '\\u202E<script>alert(1)</script><img src=\\"https://evil.test/x.png\\">'
NOW = dt.datetime(2026, 11, 5, 15, tzinfo=dt.UTC)
ACCEPTED = dt.datetime(2026, 11, 4, 21, 5, 12, tzinfo=dt.UTC)
THESIS = f"""
[tickers.ALAB]
name = "Astera Labs"
thesis = "Connectivity for AI racks {HOSTILE}"
[[tickers.ALAB.checkpoints]]
id = "scorpio-largest"
title = "Scorpio becomes the largest product line"
kind = "milestone"
due = 2026-12-31
evidence = ["\\"largest product line\\" Scorpio"]
[[tickers.ALAB.checkpoints]]
id = "hostile"
title = "{HOSTILE}"
kind = "milestone"
due = 2027-12-31
"""
Q2 = AlabQuarter(dt.date(2026, 6, 30), 380_000_000, 90_000_000, 190_000_000, 80_000_000, 0.45, 0.55)
Q3 = AlabQuarter(
    dt.date(2026, 9, 30), 412_300_000, 126_500_000, 204_000_000, 91_000_000, 0.52, 0.61
)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "catalysts.toml"
    path.write_text(THESIS)
    config = load_config(path)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config, NOW - dt.timedelta(days=60))
        start = dt.date(2026, 9, 1)
        bars = [
            Bar(
                "ALAB",
                start + dt.timedelta(days=n),
                100 + n,
                100 + n,
                100 + n,
                100 + n,
                1000,
                "yahoo",
            )
            for n in range(60)
        ]
        store.market.replace_history("ALAB", bars)
        for day, status in ((1, "met"), (9, "missed")):  # two events on the chart's span
            moment = dt.datetime(2026, 10, day, tzinfo=dt.UTC)
            store.checkpoints.mark("ALAB", "hostile", status, status, moment)
        filing = Filing(
            "0001736297",
            "0001736297-26-000101",
            "8-K",
            ("2.02", "9.01"),
            ACCEPTED,
            ACCEPTED.date(),
            None,
            "q3fy26pr.htm",
        )
        [stored] = store.evidence.save_filings("ALAB", [filing], "https://www.sec.gov", ACCEPTED)
        url = filing.document_url("https://www.sec.gov", "q3fy26pr.htm")
        document = NewDocument(
            "sec",
            url,
            filing.accession,
            "8-K EX-99.1",
            "Press release",
            url,
            ACCEPTED,
            html_to_text(PRESS_RELEASE),
        )
        store.evidence.save_documents("ALAB", [document], ACCEPTED, filing=stored.accession)
        assert match_evidence(store, config, NOW).passages == 1
        # The Street's Q3 before its report of the 4th: revenue $405M, EPS 0.58 (frozen the 3rd).
        quarter = Consensus("0q", Q3.end, Range(0.58, analysts=12), Range(405e6, analysts=11))
        report_day = EarningsDate("ALAB", dt.date(2026, 11, 4), "yahoo", False)
        store.estimates.save(
            "ALAB",
            Estimates("ALAB", "yahoo", report_day, None, (quarter,), ()),
            dt.datetime(2026, 11, 3, 14, tzinfo=dt.UTC),
        )
        # Q2's release guided Q3 to $400-420M; Q3's revenue, $412.3M, is 0.56% over the midpoint.
        store_alab_releases(
            store,
            [(Q2, (400e6, 420e6), dt.date(2026, 8, 5)), (Q3, None, dt.date(2026, 11, 4))],
            NOW,
        )
    return tmp_path


def catalyst(where: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`catalyst report ARGS` on `where`'s files, in this process (tests/support/cli_inline.py)."""
    files = ("--db", str(where / "c.db"), "--config", str(where / "catalysts.toml"))
    done = cli_inline.run("report", *args, *files, env={"COLUMNS": "160"})
    assert "Traceback" not in done.stderr, done.stderr
    return done


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.markers = 0
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += attrs
        if tag == "circle" and ("class", "event") in attrs:
            self.markers += 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_the_html_is_self_contained_escaped_and_marks_each_event_on_the_chart(db: Path):
    out = db / "alab.html"
    done = catalyst(db, "ALAB", "--format", "html", "-o", str(out))
    assert done.returncode == 0, done.stderr
    html = out.read_text(encoding="utf-8")
    page = Page()
    page.feed(html)
    page.close()
    assert "script" not in page.tags and "img" not in page.tags
    assert "svg" in page.tags and "style" in page.tags and "link" not in page.tags
    names = {name for name, _ in page.attributes}
    assert not names & {"href", "src", "xlink:href", "srcset", "action"}, names
    assert not any(name.startswith("on") for name in names)  # no event handler
    assert page.markers == 2  # the two marks of the hostile checkpoint; 8-Ks are not marked
    text = "".join(page.text)
    assert "<script>alert(1)</script>" in text  # shown as the words it is, never run
    assert "\u202e" not in html  # the override neutralised: the text reads as stored
    assert "largest product line" in text
    assert "https://www.sec.gov/Archives/edgar/data/" in text  # the passage's link, as text


def test_the_markdown_gives_the_thesis_the_passage_and_the_release_against_its_guide(db: Path):
    done = catalyst(db, "ALAB")
    assert done.returncode == 0, done.stderr
    md = done.stdout
    assert md.startswith("<!-- written by catalyst report -->\n# ALAB: Astera Labs\n")
    assert "| Scorpio becomes the largest product line | pending | — | — |" in md
    assert "| \\<script\\>alert(1)\\</script\\>\\<img src=" in md  # shown, not markup
    assert "\u202e" not in md
    assert "> " in md and "largest product line" in md and "q3fy26pr.htm" in md
    assert f"{412.3 / 410 - 1:+.1%} against its midpoint" in md  # +0.6%
    assert f"revenue against the Street: {412.3 / 405 - 1:+.1%}" in md  # +1.8%
    assert f"EPS (non-GAAP) 0.61 against the Street: {0.61 / 0.58 - 1:+.1%}" in md  # +5.2%
    assert "No position is held." in md


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["NOPE"], "catalyst report: no ticker NOPE"),
        (["ALAB", "-o", "/nonexistent/dir/r.md"], "catalyst report: /nonexistent/dir/r.md:"),
    ],
)
def test_an_unknown_ticker_or_an_unwritable_file_is_refused_in_one_line(db, args, said):
    done = catalyst(db, *args)
    assert done.returncode == 2
    assert done.stderr.startswith(said), done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_the_report_says_the_verdict_with_its_reasons_and_the_journal(db: Path):
    """The thesis at a glance on top (the verdict as recorded, then why), and the journal's
    notes, dated, newest first, in both formats."""
    from catalyst_tui.jobs.evaluation import record_verdicts

    config = load_config(db / "catalysts.toml")
    with Store.open(db / "c.db") as store:
        record_verdicts(config, store, NOW)
        store.journal.add("ALAB", "added on the guide's beat", NOW, action="add", conviction="high")
    md = catalyst(db, "ALAB").stdout
    assert "**Verdict: broken since 2026-11-05**" in md  # the hostile milestone, marked missed
    verdict_at = md.index("**Verdict:")
    assert verdict_at < md.index("## Thesis") and "- milestone missed" in md[verdict_at:]
    head = md[verdict_at : md.index("## Thesis")]
    assert re.search(r"^- \d+ of \d+ checkpoints judged$", head, re.M), head
    # this database holds no lot of ALAB: no position, and the conviction just noted
    assert "\n- no position, conviction high (2026-11-05)\n" in head
    assert "## Journal\n\n- 2026-11-05 (add, conviction high): added on the guide's beat" in md
    html = catalyst(db, "ALAB", "--format", "html").stdout
    assert "<strong>Verdict: broken since 2026-11-05</strong>" in html
    assert "<p>2026-11-05 (add, conviction high): added on the guide&#x27;s beat</p>" in html
