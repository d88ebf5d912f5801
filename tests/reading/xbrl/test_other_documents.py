"""The reader on the other XBRL documents recorded in ../shared: NVIDIA's 10-Q for Q2 fiscal 2026
(renamed segment members), EDGAR's SGML envelope around a document (Chevron's 8-K: cover facts
only, so no revenue; CRR's 10-K of 2017: HTML whose XBRL was filed beside it), inline 8-Ks without
revenue facts, a 10-Q served inside an envelope with its label linkbase, and inline pages written
as HTML rather than XHTML (read again by lexbor)."""

from __future__ import annotations

import pytest

from catalyst_tui.reading.xbrl import NoRevenue, XbrlFormatError, read_segments
from catalyst_tui.reading.xbrl.errors import NotWellFormed
from catalyst_tui.reading.xbrl.facts import read_instance
from catalyst_tui.reading.xbrl.revenue import TOTAL_REVENUE_CONCEPTS
from tests.support.shared import REALDATA, SAMPLES, missing

from .filings import AAPL_10Q_INLINE, AAPL_10Q_XML, M

pytestmark = pytest.mark.skipif(missing() is not None, reason=missing() or "")

MORE = REALDATA / "more"
NVDA_Q2_FY26 = SAMPLES / "sec_10q_NVDA_nvda-20250727.htm"


def test_nvidias_q2_fy26_10q_with_its_renamed_segment_members() -> None:
    segments = read_segments(NVDA_Q2_FY26.read_bytes())
    assert (segments.form, str(segments.period_end)) == ("10-Q", "2025-07-27")
    assert str(segments.period_start) == "2025-04-28"
    assert segments.total_revenue == 46_743 * M
    by_axis = {a.axis: {ln.member: ln for ln in a.members} for a in segments.axes}
    products = by_axis["srt:ProductOrServiceAxis"]
    assert products["nvda:DataCenterMember"].revenue == 41_096 * M
    assert products["nvda:DataCenterMember"].aggregate
    assert products["nvda:ComputeMember"].revenue + products["nvda:NetworkingMember"].revenue == (
        41_096 * M
    )
    segment = by_axis["us-gaap:StatementBusinessSegmentsAxis"]
    assert segment["nvda:ComputeAndNetworkingSegmentMember"].revenue == 41_331 * M
    assert segment["nvda:GraphicsSegmentMember"].revenue == 5_412 * M
    assert by_axis["srt:StatementGeographicalAxis"]["country:US"].revenue == 23_470 * M


@pytest.mark.parametrize(
    "name",
    [
        "sec_documents/0001628280-25-058337_meta-20251219.htm",
        "sec_documents/0000019617-26-000241_jpm-20260624.htm",
        "sec_documents/0000072333-23-000015_jwn-20230301.htm",
        "sec_documents/0001193125-23-048785_d435686d8k.htm",
        "releases/CVX_0000093410-24-000002_cvx-20240102_document.htm",  # in EDGAR's envelope
    ],
)
def test_inline_8ks_have_cover_facts_and_no_revenue(name: str) -> None:
    with pytest.raises(NoRevenue, match="no revenue facts"):
        read_segments((MORE / name).read_bytes())


def test_a_full_submission_is_read_through_its_envelope() -> None:
    # ADBE's whole 8-K submission (.txt): the 8-K's inline part first, then its EX-101 parts.
    with pytest.raises(NoRevenue, match="no revenue facts"):
        read_segments((SAMPLES / "sec_8k_ADBE_0000796343-23-000044.txt").read_bytes())


def test_an_envelope_without_xbrl_says_so() -> None:
    crr = MORE / "sec_documents/0001564590-18-004771_crr-10k_20171231.htm"
    with pytest.raises(XbrlFormatError, match="without an XBRL instance") as caught:
        read_segments(crr.read_bytes())
    assert not isinstance(caught.value, NoRevenue)


def test_a_10q_in_edgars_envelope_reads_as_the_document_with_its_labels() -> None:
    def part(kind: str, name: str, body: bytes) -> bytes:
        return (
            f"<DOCUMENT>\n<TYPE>{kind}\n<SEQUENCE>1\n<FILENAME>{name}\n<TEXT>\n<XBRL>\n".encode()
            + body
            + b"\n</XBRL>\n</TEXT>\n</DOCUMENT>\n"
        )

    assert AAPL_10Q_XML.labels is not None
    envelope = (
        b"<SEC-DOCUMENT>0000320193-25-000057.txt\n<SEC-HEADER>\n</SEC-HEADER>\n"
        + part("10-Q", "aapl-20250329.htm", AAPL_10Q_INLINE.document.read_bytes())
        + part("EX-101.LAB", "aapl-20250329_lab.xml", AAPL_10Q_XML.labels.read_bytes())
        + b"</SEC-DOCUMENT>\n"
    )
    direct = read_segments(AAPL_10Q_XML.document.read_bytes(), AAPL_10Q_XML.labels.read_bytes())
    assert read_segments(envelope) == direct


def test_an_inline_page_written_as_html_reads_as_its_xhtml() -> None:
    # NVIDIA's 10-Q as a browser would take it, not as XML: named entities and unclosed tags.
    xhtml = NVDA_Q2_FY26.read_bytes()
    html = xhtml.replace(b"&#160;", b"&nbsp;").replace(b"<body>", b"<body><br><p>R&D", 1)
    with pytest.raises(NotWellFormed, match="not XML at line 8"):
        read_instance(html, TOTAL_REVENUE_CONCEPTS)
    assert read_segments(html) == read_segments(xhtml)


def test_both_forms_of_apples_10q_agree_when_the_inline_one_is_read_as_html() -> None:
    html = AAPL_10Q_INLINE.document.read_bytes().replace(b"&#160;", b"&nbsp;")
    assert AAPL_10Q_XML.labels is not None
    labels = AAPL_10Q_XML.labels.read_bytes()
    assert read_segments(html, labels) == read_segments(AAPL_10Q_XML.document.read_bytes(), labels)
