"""`catalyst segments --file PATH [--labels PATH] [--json]` in process: a filing's XBRL read
without database, network or config (exit 0), a document without revenue facts (exit 1 with the
reason), one that is not XBRL or an unreadable path (exit 2), labels from the file made printable,
and a SYMBOL without an SEC contact answered with what is missing (tests/jobs/test_segments.py
reads a SYMBOL's filings from the loopback EDGAR). In process: tests/support/cli_inline.py."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.reading.xbrl.built import context, fact, instance
from tests.reading.xbrl.filings import AAPL_10Q_XML, NFLX_10Q, NVDA_10Q
from tests.support import cli_inline
from tests.support.shared import missing

needs_shared = pytest.mark.skipif(missing() is not None, reason=missing() or "")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`catalyst segments ARGS` from `cwd`, in this process (tests/support/cli_inline.py)."""
    done = cli_inline.run("segments", *args, cwd=cwd)
    assert "Traceback" not in done.stderr + done.stdout, done.stderr
    return done


@needs_shared
def test_json_of_an_inline_10q_without_database_network_or_config(tmp_path, isolated_home):
    done = run("--file", str(NVDA_10Q.document), "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert (data["form"], data["period_end"]) == ("10-Q", "2024-10-27")
    assert data["total_revenue"] == 35_082_000_000
    product = data["axes"][0]
    assert product["axis"] == "srt:ProductOrServiceAxis"
    members = {m["member"]: m for m in product["members"]}
    assert members["nvda:DataCenterMember"]["revenue"] == 30_771_000_000
    assert members["nvda:DataCenterMember"]["label"] == "Data Center"
    assert members["nvda:DataCenterMember"]["aggregate"] is True
    assert data["largest"]["axis"] == "srt:ProductOrServiceAxis"
    assert data["largest"]["member"] in ("nvda:DataCenterMember", "nvda:ComputeMember")
    assert list(tmp_path.iterdir()) == []  # no catalysts.toml, no database made here


@needs_shared
def test_the_table_gives_each_line_its_share_and_marks_the_largest(tmp_path):
    done = run(
        "--file", str(AAPL_10Q_XML.document), "--labels", str(AAPL_10Q_XML.labels), cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert "revenue $95.36B" in done.stdout
    iphone = next(line for line in done.stdout.splitlines() if line.startswith("iPhone"))
    # 46,841 of 95,359 million: 49.1%, written by hand from the two facts.
    assert "$46.84B" in iphone and "49.1%" in iphone and "largest" in iphone
    products = next(line for line in done.stdout.splitlines() if line.startswith("Products"))
    assert "largest" not in products


@needs_shared
def test_netflix_united_states_is_noted_within_another_line(tmp_path):
    document, labels = str(NFLX_10Q.document), str(NFLX_10Q.labels)
    done = run("--file", document, "--labels", labels, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    us = next(line for line in done.stdout.splitlines() if line.startswith("United States  "))
    # 4,000 of 9,824.703 million: 40.7%, by hand from the two facts.
    assert "$4B" in us and "40.7%" in us and "within another line" in us
    region = next(line for line in done.stdout.splitlines() if line.startswith("United States and"))
    assert "within" not in region
    data = json.loads(run("--file", document, "--labels", labels, "--json", cwd=tmp_path).stdout)
    flags = {m["member"]: m["within"] for axis in data["axes"] for m in axis["members"]}
    assert flags["country:US"] is True and flags["nflx:UnitedStatesAndCanadaMember"] is False


@needs_shared
def test_a_label_file_has_no_revenue_and_exits_1_with_the_reason(tmp_path):
    done = run("--file", str(AAPL_10Q_XML.labels), "--json", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout == ""
    assert "no revenue facts" in done.stderr


def test_a_10q_without_revenue_facts_exits_1(tmp_path):
    path = tmp_path / "x_htm.xml"
    path.write_bytes(
        instance(
            '<us-gaap:NetIncomeLoss contextRef="c-q" unitRef="usd" '
            'decimals="-6">7</us-gaap:NetIncomeLoss>'
        )
    )
    done = run("--file", str(path), cwd=tmp_path)
    assert done.returncode == 1
    assert "the document has no revenue facts" in done.stderr


def test_labels_from_the_file_cannot_command_the_terminal(tmp_path):
    path = tmp_path / "evil_htm.xml"
    lab = tmp_path / "evil_lab.xml"
    body = (
        context(
            "c-1", ("2024-04-01", "2024-06-30"), ("srt:ProductOrServiceAxis", "acme:WidgetsMember")
        )
        + fact("us-gaap:Revenues", "c-q", "500000000")
        + fact("us-gaap:Revenues", "c-1", "500000000")
    )
    path.write_bytes(instance(body))
    lab.write_text(
        '<link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase" '
        'xmlns:xlink="http://www.w3.org/1999/xlink"><link:labelLink>'
        '<link:loc xlink:label="loc" xlink:href="acme.xsd#acme_WidgetsMember"/>'
        '<link:labelArc xlink:from="loc" xlink:to="lab"/>'
        '<link:label xlink:label="lab" xlink:role="http://www.xbrl.org/2003/role/terseLabel">'
        # XML 1.0 admits no C0 control but every C1 one: CSI (U+009B) and OSC (U+009D) ... ST.
        "Wid&#x9d;0;pwned&#x9c;gets&#x9b;2J</link:label></link:labelLink></link:linkbase>"
    )
    done = run("--file", str(path), "--labels", str(lab), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert not [c for c in done.stdout if "\x80" <= c <= "\x9f" or c == "\x1b"]
    assert "Widgets" in done.stdout and "pwned" not in done.stdout


def test_not_xbrl_or_an_unreadable_path_exits_2(tmp_path):
    page = tmp_path / "page.htm"
    page.write_text("<html><p>&nbsp;</html>")
    done = run("--file", str(page), cwd=tmp_path)
    assert done.returncode == 2 and "not XML at line 1" in done.stderr
    gone = run("--file", str(tmp_path / "missing.xml"), cwd=tmp_path)
    assert gone.returncode == 2 and "No such file" in gone.stderr


def test_a_symbol_without_an_sec_contact_says_so_and_with_a_file_is_refused(tmp_path):
    done = run("NVDA", cwd=tmp_path)
    assert done.returncode == 2 and "set providers.sec.user_agent" in done.stderr
    both = run("NVDA", "--file", str(tmp_path / "x.xml"), cwd=tmp_path)
    assert both.returncode == 2 and "not both" in both.stderr
